/**
 * Hydrates the islands present on this page, and only those: each island and the Svelte runtime
 * load lazily, so a page without islands runs no Svelte at all.
 */
import type { Component } from 'svelte';
import type { IslandName } from './names.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each island declares its own props
type Loader = () => Promise<{ default: Component<any> }>;

const LOADERS: Record<IslandName, Loader> = {
  checker: () => import('../lib/components/checker/Checker.svelte'),
};

export async function hydrateIslands(root: ParentNode): Promise<void> {
  const targets = [...root.querySelectorAll<HTMLElement>('[data-island]')];
  if (targets.length === 0) return;
  const { hydrate } = await import('svelte');
  await Promise.all(
    targets.map(async (target) => {
      const load = LOADERS[target.dataset.island as IslandName];
      if (!load) return;
      const { default: component } = await load();
      const props = JSON.parse(target.dataset.props ?? '{}') as Record<string, unknown>;
      hydrate(component, { target, props });
    }),
  );
}
