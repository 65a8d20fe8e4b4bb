import { expect, test } from 'vitest';
import { MAX_UNPACKED_BYTES, MAX_UNPACKED_TEXT, PROGRESS_INTERVAL_MS } from '../../../src/worker/limits.ts';

test('the unpacking limit in words is the limit in bytes', () => {
  const [, n, unit] = /^(\d+) (GiB|MiB)$/.exec(MAX_UNPACKED_TEXT) ?? [];
  expect(Number(n) * (unit === 'GiB' ? 1024 ** 3 : 1024 ** 2)).toBe(MAX_UNPACKED_BYTES);
});

test('the unpacking limit is far above a month of real logs and progress is about ten times a second', () => {
  expect(MAX_UNPACKED_BYTES).toBeGreaterThanOrEqual(4 * 1024 ** 3);
  expect(PROGRESS_INTERVAL_MS).toBeGreaterThanOrEqual(50);
  expect(PROGRESS_INTERVAL_MS).toBeLessThanOrEqual(250);
});
