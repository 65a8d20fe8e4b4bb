import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { STATUS_ORDER, statusRank, SUPPORT_ORDER, supportRank, worst } from '../../../src/checker/status.ts';
import type { FamilyStatus } from '../../../src/checker/types.ts';

const status = fc.constantFrom<FamilyStatus>(...STATUS_ORDER);

describe('worst', () => {
  test.each([
    ['vulnerable beats everything', ['patched', 'vulnerable', 'unknown'], 'vulnerable'],
    ["can't tell beats patched", ['patched', 'unknown'], 'unknown'],
    ['patched beats not affected', ['not-affected', 'patched'], 'patched'],
    ['nothing to judge is not affected', [], 'not-affected'],
  ] as [string, FamilyStatus[], FamilyStatus][])('%s', (_why, statuses, expected) => {
    expect(worst(statuses)).toBe(expected);
  });

  test('is one of its inputs, ranks no better than any input, and ignores order', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 8 }), (list) => {
        const w = worst(list);
        expect(list).toContain(w);
        for (const s of list) expect(statusRank(w)).toBeLessThanOrEqual(statusRank(s));
        expect(worst([...list].reverse())).toBe(w);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('ranks', () => {
  test('worst first, every status ranked once', () => {
    expect(STATUS_ORDER.map(statusRank)).toEqual([0, 1, 2, 3]);
    expect(SUPPORT_ORDER.map(supportRank)).toEqual([0, 1, 2, 3]);
    expect(statusRank('vulnerable')).toBeLessThan(statusRank('patched'));
    expect(supportRank('out-of-support')).toBeLessThan(supportRank('supported'));
  });

  test('an unknown support status sorts after every known one', () => {
    expect(supportRank(null)).toBeGreaterThan(Math.max(...SUPPORT_ORDER.map(supportRank)));
  });
});
