import { expect, test } from 'vitest';
import { humanDate } from '../../../src/shared/dates.ts';

test.each([
  ['2021-03-02', '2 March 2021'],
  ['2025-10-14', '14 October 2025'],
  ['2018-03', 'March 2018'],
  ['2026-12-31', '31 December 2026'],
])('%s → %s', (iso, text) => {
  expect(humanDate(iso)).toBe(text);
});
