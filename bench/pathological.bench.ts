/**
 * Pathological 1 MB pastes — long digit runs, repeated "15.", endless dots — are processed
 * in linear time. Each shape runs at 250 kB and 1 MB; the printed ratio should be about 4 (linear),
 * never about 16 (quadratic). The gate itself is tests/unit/quality/linear-time.test.ts.
 * Run: npm run bench.
 */
import { afterAll, bench, describe } from 'vitest';
import { checkText } from '../src/checker/index.ts';
import { MB, SHAPES } from '../tests/unit/quality/pathological.ts';

const times = new Map<string, number[]>();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

for (const [name, make] of Object.entries(SHAPES)) {
  describe(`pathological: ${name}`, () => {
    for (const size of [MB / 4, MB]) {
      const text = make(size);
      const label = `${name} @ ${size / 1000} kB`;
      bench(`checkText ${size / 1000} kB`, () => {
        const t = performance.now();
        checkText(text);
        const list = times.get(label) ?? [];
        list.push(performance.now() - t);
        times.set(label, list);
      });
    }
  });
}

afterAll(() => {
  for (const name of Object.keys(SHAPES)) {
    const small = median(times.get(`${name} @ 250 kB`) ?? [NaN]);
    const large = median(times.get(`${name} @ 1000 kB`) ?? [NaN]);
    console.log(
      `pathological ${name}: 250 kB ${small.toFixed(2)} ms, 1 MB ${large.toFixed(2)} ms (median), ×${(large / small).toFixed(1)} for ×4 input`,
    );
  }
});
