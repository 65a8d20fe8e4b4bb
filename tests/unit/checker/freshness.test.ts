import { describe, expect, test } from 'vitest';
import { dataIsStale, STALE_AFTER_DAYS } from '../../../src/checker/freshness.ts';

describe('dataIsStale', () => {
  test.each([
    ['the day of the data', '2026-10-02', '2026-10-02', false],
    ['60 days later: still fresh', '2026-10-02', '2026-12-01', false],
    ['61 days later: may be out of date', '2026-10-02', '2026-12-02', true],
    ['across a leap day (29 Feb 2028 counts)', '2028-01-01', '2028-03-01', false],
    ['a year later', '2026-10-02', '2027-10-02', true],
    ['a reader whose clock is behind the data', '2026-10-02', '2026-01-01', false],
    ['an unreadable date fails towards the warning', '2026-10-02', 'not a date', true],
    ['an unreadable data date too', '', '2026-10-03', true],
  ])('%s', (_why, dataAsOf, today, stale) => {
    expect(dataIsStale(dataAsOf, today)).toBe(stale);
  });

  test('the threshold is 60 days', () => {
    expect(STALE_AFTER_DAYS).toBe(60);
  });
});
