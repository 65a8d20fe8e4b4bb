import { render } from 'svelte/server';
import { expect, test } from 'vitest';
import { allReleases, FAMILIES as FAMILY_ROWS, type FamilyStatus } from '../../../src/checker/index.ts';
import { STATUS_ICON, STATUS_WORD } from '../../../src/lib/verdict-text.ts';
import Builds from '../../../src/pages/Builds.svelte';

/** /builds/ words each status exactly as the checker's verdicts do: one vocabulary. */
const WORD = (status: FamilyStatus): string => `${STATUS_ICON[status]} ${STATUS_WORD[status]}`;
const FAMILIES = FAMILY_ROWS.map((f) => f.id);

/** Per build row: its build number and its status cells as [class, colspan, text]. */
function rows(html: string): { build: string; cells: [string, number, string][] }[] {
  const body = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...body.matchAll(/<tr><td>[\s\S]*?<\/tr>/g)].map(([row]) => ({
    build: /^<tr><td>[^<]*<\/td><td>([^<]*)<\/td>/.exec(row)?.[1] ?? '',
    cells: [...row.matchAll(/<td class="(s-[a-z]+)"(?: colspan="(\d)")?>([^<]*)<\/td>/g)].map(
      ([, c, span, text]) => [c ?? '', Number(span ?? 1), text ?? ''] as [string, number, string],
    ),
  }));
}

const { body } = render(Builds);
const shown = rows(body);

test('/builds/ has one row per known build', () => {
  const builds = allReleases().flatMap((g) => g.lines.flatMap((l) => l.releases.map((r) => r.build)));
  expect(shown.map((r) => r.build).sort()).toEqual([...builds].sort());
  expect(shown.length).toBeGreaterThan(350);
});

test("each row's status cells, merged neighbours expanded, give every family's status from the data", () => {
  const expected = new Map(
    allReleases().flatMap((g) =>
      g.lines.flatMap((l) => l.releases.map((r) => [r.build, FAMILIES.map((f) => WORD(r.families[f]))] as const)),
    ),
  );
  for (const { build, cells } of shown)
    expect(
      cells.flatMap(([, span, text]) => Array<string>(span).fill(text)),
      build,
    ).toEqual(expected.get(build));
});

test('equal neighbouring statuses share one cell, so no row repeats a status side by side', () => {
  const repeats = shown.filter(({ cells }) => cells.some(([c], i) => i > 0 && cells[i - 1]?.[0] === c));
  expect(repeats.map((r) => r.build)).toEqual([]);
  // The merge is real: most rows need fewer than five status cells.
  const cells = shown.reduce((n, r) => n + r.cells.length, 0);
  expect(cells).toBeLessThan(shown.length * 3);
});
