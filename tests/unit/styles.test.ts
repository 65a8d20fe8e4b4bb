/**
 * The dark colour scheme may change colours only. The axe matrix (tests/e2e/quality) relies on it:
 * it checks the layout rules (target sizes, scrolling regions) once, in dark, because a scheme
 * that only recolours cannot change their answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = join(import.meta.dirname, '../../src/styles');
const COLOUR_PROPERTY =
  /^(--[\w-]+|color|background(-color)?|border(-\w+)?-color|outline-color|fill|stroke|color-scheme)$/;

/** The bodies of every `@media (prefers-color-scheme: dark)` block, braces matched. */
function darkBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const m of css.matchAll(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/g)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const start = i;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    blocks.push(css.slice(start, i - 1));
  }
  return blocks;
}

describe('dark scheme CSS', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.css'));
  const blocks = files.flatMap((f) =>
    darkBlocks(readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')).map((b) => ({ f, b })),
  );

  test('there are dark-scheme blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  test.each(blocks.map(({ f, b }, i) => [`${f} #${i + 1}`, b]))('%s declares colours only', (_, body) => {
    const properties = [...body.matchAll(/([\w-]+)\s*:[^;{}]+;/g)].map((m) => m[1] ?? '');
    expect(properties.length).toBeGreaterThan(0);
    expect(properties.filter((p) => !COLOUR_PROPERTY.test(p))).toEqual([]);
  });

  test('the check catches a layout change', () => {
    const [body] = darkBlocks('@media (prefers-color-scheme: dark) { a { color: red; padding: 4px; } }');
    const properties = [...(body ?? '').matchAll(/([\w-]+)\s*:[^;{}]+;/g)].map((m) => m[1] ?? '');
    expect(properties.filter((p) => !COLOUR_PROPERTY.test(p))).toEqual(['padding']);
  });
});
