/**
 * The browser half of the island protocol (see src/shared/islands.ts): hydrates the islands
 * present on this page, and only those. Each island and the Svelte runtime load lazily, so a page
 * without islands runs no Svelte at all.
 */
import { isIslandName, loadIsland } from '../shared/islands.ts';

export async function hydrateIslands(root: ParentNode): Promise<void> {
  const targets = [...root.querySelectorAll<HTMLElement>('[data-island]')];
  if (targets.length === 0) return;
  const { hydrate } = await import('svelte');
  await Promise.all(
    targets.map(async (target) => {
      const name = target.dataset.island;
      if (!isIslandName(name)) return;
      const component = await loadIsland(name);
      const props = JSON.parse(target.dataset.props ?? '{}') as Record<string, unknown>;
      hydrate(component, { target, props });
    }),
  );
}
