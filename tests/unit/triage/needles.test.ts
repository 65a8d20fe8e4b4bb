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
  /** One to six needles, none the same as another but for case. */
  const needleSets = fc.uniqueArray(word(2), {
    minLength: 1,
    maxLength: 6,
    comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
  });
  test('finds exactly what a naive search finds, ignoring ASCII case (1,000 runs)', () => {
    fc.assert(
      fc.property(needleSets, fc.array(alphabet, { maxLength: 80 }), (needles, h) => {
        const hay = h.join('');
        expect(scan(new NeedleSet(needles), hay)).toEqual(naive(hay, needles));
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
  test('with a sample, and over ranges long enough to be walked in two halves, still finds exactly what a naive search finds, in order (300 runs)', () => {
    const line = fc.array(alphabet, { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        needleSets,
        fc.array(line, { minLength: 1, maxLength: 120 }),
        fc.string({ maxLength: 200 }),
        fc.nat(5),
        (needles, lines, sampleText, trim) => {
          const hay = lines.join('\n');
          const set = new NeedleSet(needles, enc.encode(sampleText + hay.slice(0, 300)));
          const out: number[] = [];
          const bytes = enc.encode(hay);
          const start = Math.min(trim, bytes.length);
          set.scan(bytes, start, bytes.length, out);
          const offsets = out.filter((_, i) => i % 2 === 0);
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
          const expected = naive(hay.slice(start), needles);
          expect(scan(set, hay, start)).toEqual(expected.map((v, i) => (i % 2 === 0 ? v + start : v)));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
  test('a needle found through an anchor late in it is still reported before later hits', () => {
    // 'zzq' is rare in the sample, so 'abcdzzq' is looked for through its end; 'bcdz' starts after it.
    const sample = enc.encode('abcd abcd abcd bcdz bcdz zzq');
    const set = new NeedleSet(['abcdzzq', 'bcdz'], sample);
    const hay = `${'x'.repeat(5000)}\nabcdzzq\n${'y'.repeat(5000)}`;
    const out: number[] = [];
    set.scan(enc.encode(hay), 0, hay.length, out);
    expect(out).toEqual([5001, 0, 5002, 1]);
    // the same in the second half of a range walked as two
    const late = `${'x'.repeat(3000)}\n${'y'.repeat(3000)}\nabcdzzq\n`;
    const out2: number[] = [];
    set.scan(enc.encode(late), 0, late.length, out2);
    expect(out2).toEqual([6002, 0, 6003, 1]);
  });
  test('a needle that starts before the range is not reported, even when its anchor lies inside it', () => {
    const set = new NeedleSet(['abcdzzq', 'bcdz'], enc.encode('abcd abcd abcd bcdz bcdz zzq'));
    const out: number[] = [];
    set.scan(enc.encode('abcdzzq'), 1, 7, out);
    expect(out).toEqual([1, 1]);
  });
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
