/** The server half of the island protocol: markers, the wrapper, and filling the markers. */
import { describe, expect, test } from 'vitest';
import { collectIslands, fillIslands, islandWrapper } from '../../../src/server/islands.ts';

describe('collectIslands', () => {
  test('hands out one distinct marker per island, in order', () => {
    const islands = collectIslands();
    const a = islands.add('paste-check', {});
    const b = islands.add('paste-check', { x: 1 });
    expect(a).not.toBe(b);
    expect(islands.slots.map((s) => s.marker)).toEqual([a, b]);
    expect(islands.slots[1]?.props).toEqual({ x: 1 });
  });
});

describe('islandWrapper', () => {
  test('writes no data-props when there are none', () => {
    expect(islandWrapper('paste-check', {}, '<p>x</p>')).toBe(
      '<div class="island" data-island="paste-check"><p>x</p></div>',
    );
  });

  test('props travel as escaped JSON that the browser decodes back exactly', () => {
    const props = { text: '"</div><script>alert(1)</script>&', n: 2, ok: true, none: null };
    const html = islandWrapper('paste-check', props, '');
    expect(html).not.toContain('<script>');
    const attr = /data-props="([^"]*)"/.exec(html)?.[1] ?? '';
    const decoded = attr
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(JSON.parse(decoded)).toEqual(props);
  });
});

describe('fillIslands', () => {
  test("replaces each marker with the island's own server render inside the wrapper", async () => {
    const islands = collectIslands();
    const marker = islands.add('paste-check', {});
    const html = await fillIslands(`<main>before ${marker} after</main>`, islands);
    expect(html).not.toContain(marker);
    expect(html.startsWith(`<main>before <div class="island" data-island="paste-check">`)).toBe(true);
    expect(html).toMatch(/<form class="checker"[^>]*>/);
    expect(html.endsWith(' after</main>')).toBe(true);
  });

  test('a missing marker is an error, not a page without its island', async () => {
    const islands = collectIslands();
    islands.add('paste-check', {});
    await expect(fillIslands('<main></main>', islands)).rejects.toThrow(/marker of island "paste-check" is missing/);
  });
});
