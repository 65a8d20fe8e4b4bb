/** The multi-needle byte scan against a naive search. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NeedleSet } from '../../../src/triage/needles.ts';

const enc = new TextEncoder();

function naive(hay: string, needles: readonly string[]): number[] {
  const out: [number, number][] = [];
  const h = hay.toLowerCase();
  needles.forEach((n, id) => {
    const l = n.toLowerCase();
    for (let i = h.indexOf(l); i >= 0; i = h.indexOf(l, i + 1)) out.push([i, id]);
  });
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return out.flat();
}
function scan(set: NeedleSet, hay: string, start = 0, end = hay.length): number[] {
  const out: number[] = [];
  set.scan(enc.encode(hay), start, end, out);
  const pairs: [number, number][] = [];
  for (let i = 0; i < out.length; i += 2) pairs.push([out[i]!, out[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.flat();
}

describe('NeedleSet', () => {
  const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '~', '/', 'x');
  const word = (min: number) => fc.array(alphabet, { minLength: min, maxLength: 7 }).map((a) => a.join(''));
  test('finds exactly what a naive search finds, ignoring ASCII case (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word(2), {
          minLength: 1,
          maxLength: 6,
          comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
        }),
        fc.array(alphabet, { maxLength: 80 }),
        (needles, h) => {
          const hay = h.join('');
          expect(scan(new NeedleSet(needles), hay)).toEqual(naive(hay, needles));
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);
  test('reports offsets in ascending order', () => {
    const set = new NeedleSet(['serverinfo~', 'server~', 'autodiscover.json']);
    const out: number[] = [];
    const hay = 'x,Server~a,ServerInfo~b/c,AUTODISCOVER.JSON,server~';
    set.scan(enc.encode(hay), 0, hay.length, out);
    const offsets = out.filter((_, i) => i % 2 === 0);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(out.length / 2).toBe(4);
  });
  test('stays within the range it is given', () => {
    const set = new NeedleSet(['abc']);
    expect(scan(set, 'abcabcabc', 1, 8)).toEqual([3, 0]);
  });
  test('rejects needles it cannot use', () => {
    expect(() => new NeedleSet(['a'])).toThrow();
    expect(() => new NeedleSet(['tab\there'])).toThrow();
    expect(new NeedleSet([]).size).toBe(0);
  });
});
