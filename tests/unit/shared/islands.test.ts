/** The island table: names match their components (budgets.js relies on it), and lookups are strict. */
import { describe, expect, test } from 'vitest';
import { ISLANDS, isIslandName, loadIsland, type IslandName } from '../../../src/shared/islands.ts';
import { islandOf } from '../../../scripts/quality/budgets.js';

const names = Object.keys(ISLANDS) as IslandName[];

describe('ISLANDS', () => {
  test('has at least the paste-check island', () => {
    expect(names).toContain('paste-check');
  });

  test.each(names)(
    '%s loads a component whose file name gives back the island name',
    async (name) => {
      const component = await loadIsland(name);
      expect(typeof component).toBe('function');
      // Svelte names a compiled component after its file: PasteCheck.svelte → function PasteCheck.
      expect(islandOf({ file: 'x.js', isDynamicEntry: true, src: `src/x/${component.name}.svelte` })).toBe(name);
    },
    60_000,
  );

  test.each([
    ['a known island', 'paste-check', true],
    ['an unknown name', 'checker', false],
    ['a property every object has', 'toString', false],
    ['no name at all', undefined, false],
  ])('isIslandName: %s', (_why, name, expected) => {
    expect(isIslandName(name)).toBe(expected);
  });
});
