/**
 * The server half of the island protocol (see src/shared/islands.ts). While a page renders, each
 * <Island> records itself with a collector and leaves the collector's marker in the HTML; the
 * markers are then replaced with the island's own render inside a wrapper this module writes.
 * Nothing here parses Svelte's output: the markers and the wrapper are ours.
 */
import { render } from 'svelte/server';
import { escapeHtml } from '../shared/html.ts';
import { loadIsland, type IslandCollector, type IslandName, type IslandProps } from '../shared/islands.ts';

interface Slot {
  name: IslandName;
  props: IslandProps;
  marker: string;
}

export interface PageIslands extends IslandCollector {
  readonly slots: readonly Slot[];
}

/** A fresh collector for one page. */
export function collectIslands(): PageIslands {
  const slots: Slot[] = [];
  return {
    slots,
    add(name, props) {
      const marker = `<!--epc-island:${slots.length}-->`;
      slots.push({ name, props, marker });
      return marker;
    },
  };
}

/**
 * The wrapper the browser hydrates (src/client/islands.ts reads `data-island` and `data-props`).
 * `prefetch`: the addresses of the code the island loads on first use, which it may fetch ahead at
 * idle time (`data-prefetch`, space-separated; known only to a production build).
 */
export function islandWrapper(
  name: IslandName,
  props: IslandProps,
  body: string,
  prefetch: readonly string[] = [],
): string {
  const data = Object.keys(props).length > 0 ? ` data-props="${escapeHtml(JSON.stringify(props))}"` : '';
  const ahead = prefetch.length > 0 ? ` data-prefetch="${escapeHtml(prefetch.join(' '))}"` : '';
  return `<div class="island" data-island="${name}"${data}${ahead}>${body}</div>`;
}

/** Replaces each island's marker in `html` with the island rendered on its own. */
export async function fillIslands(
  html: string,
  islands: PageIslands,
  prefetch: (name: IslandName) => readonly string[] = () => [],
): Promise<string> {
  let out = html;
  for (const slot of islands.slots) {
    const at = out.indexOf(slot.marker);
    if (at < 0) throw new Error(`The marker of island "${slot.name}" is missing from the page`);
    const rendered = await render(await loadIsland(slot.name), { props: slot.props });
    const wrapper = islandWrapper(slot.name, slot.props, rendered.body, prefetch(slot.name));
    out = out.slice(0, at) + wrapper + out.slice(at + slot.marker.length);
  }
  return out;
}
