/** Lookups on the release table (releases.ts) that the parser and verdicts rely on. */
import { describe, expect, test } from 'vitest';
import { getLine, rollupAtOrBelow } from '../../../src/checker/releases.ts';

describe('rollupAtOrBelow', () => {
  const sp3 = getLine('Exchange Server 2010', 'SP3')!;
  test.each([
    ['an exact rollup is itself', [14, 3, 509, 0], 'SP3 RU31'],
    ['between RU25 (435.0) and RU26 (442.0)', [14, 3, 439, 0], 'SP3 RU25'],
    ['just below RU26', [14, 3, 441, 999], 'SP3 RU25'],
    ['above the last rollup', [14, 3, 600, 0], 'SP3 RU32'],
    ['between the service pack and RU1', [14, 3, 130, 0], 'SP3'],
  ] as const)('%s', (_why, build, cu) => {
    expect(rollupAtOrBelow(sp3, build)?.cu).toBe(cu);
  });
  test('below the line base there is none', () => {
    expect(rollupAtOrBelow(sp3, [14, 3, 100, 0])).toBeNull();
  });
  test('a variant build (sources disagree) is never the answer', () => {
    // SP3 RU16 is 14.3.336.0 in Microsoft's table and 14.3.339.0 elsewhere (variant).
    expect(rollupAtOrBelow(sp3, [14, 3, 339, 0])?.build).toBe('14.3.336.0');
  });
});
