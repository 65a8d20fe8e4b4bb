/**
 * The interactive parts of the site ("islands") and the protocol that carries them from the
 * server render to the browser. Everything else is static HTML that never hydrates.
 *
 * One table serves both sides: the server renders each island with it (src/server/islands.ts)
 * and the browser hydrates with it (src/client/islands.ts). Adding an island is one line here.
 * An island's name is its component's file name in kebab case (`paste-check` → PasteCheck.svelte):
 * the budgets script finds the island's chunk in Vite's manifest by that name.
 */
import type { Component } from 'svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each island declares its own props
type Loader = () => Promise<{ default: Component<any> }>;

export const ISLANDS = {
  'paste-check': () => import('../lib/components/paste-check/PasteCheck.svelte'),
  'log-scan': () => import('../lib/components/log-scan/LogScan.svelte'),
} satisfies Record<string, Loader>;

export type IslandName = keyof typeof ISLANDS;

/** Props an island receives: JSON values only, since they travel in a data-props attribute. */
export type IslandProps = Record<string, string | number | boolean | null>;

export function isIslandName(name: string | undefined): name is IslandName {
  return name !== undefined && Object.hasOwn(ISLANDS, name);
}

/** An island's component, loaded on demand (its own chunk in the browser). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each island declares its own props
export async function loadIsland(name: IslandName): Promise<Component<any>> {
  return (await ISLANDS[name]()).default;
}

/** Svelte context key under which the server hands <Island> its collector. */
export const ISLAND_CONTEXT = 'epc:islands';

/** Collects the islands of one page while it renders on the server. */
export interface IslandCollector {
  /** Records an island and returns the marker that stands in for it in the page's HTML. */
  add(name: IslandName, props: IslandProps): string;
}
