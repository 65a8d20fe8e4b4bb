/**
 * Pathological 1 MB pastes are processed in linear time. For each shape, the median time
 * at 1 MB must stay within 8× the median at 250 kB (linear is 4×, quadratic 16×), with a small
 * absolute allowance because sub-millisecond timings are noisy, and under one second outright.
 * Figures: npm run bench (bench/pathological.bench.ts).
 */
import { describe, expect, test } from 'vitest';
import { checkText } from '../../../src/checker/index.ts';
import { MB, SHAPES } from './pathological.ts';

function medianMs(text: string, runs = 5): number {
  checkText(text); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checkText(text);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

describe('pathological pastes take linear time', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    test(
      name,
      () => {
        const small = medianMs(make(MB / 4));
        const large = medianMs(make(MB));
        console.log(`${name}: 250 kB ${small.toFixed(2)} ms, 1 MB ${large.toFixed(2)} ms`);
        expect(large, `1 MB of ${name}`).toBeLessThan(1000);
        expect(large, `1 MB vs 250 kB of ${name}`).toBeLessThanOrEqual(8 * small + 25);
      },
      60_000,
    );
  }
});
