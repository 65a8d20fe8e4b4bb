import type { Component } from 'svelte';
import Checker from '../lib/components/checker/Checker.svelte';
import type { IslandName } from './names.ts';

export type { IslandName };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each island declares its own props
export const SERVER_ISLANDS: Record<IslandName, Component<any>> = {
  checker: Checker,
};

/** What Island.svelte renders on the server, before the island itself is rendered into it. */
export const ISLAND_PLACEHOLDER = /<div class="island" data-island="([a-z-]+)" data-props="([^"]*)"><\/div>/g;

/** Reverses Svelte's attribute escaping of the JSON props. */
export function decodeIslandProps(encoded: string): Record<string, unknown> {
  const json = encoded
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(json === '' ? '{}' : json) as Record<string, unknown>;
}
