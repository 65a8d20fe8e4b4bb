import { afterEach, expect, test, vi } from 'vitest';
import { localIsoDate } from '../../../src/lib/today.ts';

afterEach(() => vi.useRealTimers());

test('formats a given local date with zero padding', () => {
  expect(localIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  expect(localIsoDate(new Date(2026, 10, 29, 23, 59))).toBe('2026-11-29');
});

test("defaults to the clock's current local date", () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2027, 5, 1, 12));
  expect(localIsoDate()).toBe('2027-06-01');
});
