/** Timestamps: ISO output that sorts as text; ambiguous dates give null. */
import { describe, expect, test } from 'vitest';
import { Span, parseTimestamp } from '../../../src/triage/timestamps.ts';

describe('parseTimestamp', () => {
  test.each([
    ['2021-03-03T02:13:41.512Z', false, '2021-03-03T02:13:41.512Z', 'Exchange CSV logs'],
    ['2021-03-03T02:13:41.5123456Z', false, '2021-03-03T02:13:41.512Z', '7 fraction digits are cut to milliseconds'],
    ['2021-03-03T02:13:41Z', false, '2021-03-03T02:13:41.000Z', 'no fraction'],
    ['2021-03-03 02:13:41', true, '2021-03-03T02:13:41.000Z', 'IIS date and time, known to be UTC'],
    ['2021-03-03 02:13:41', false, '2021-03-03T02:13:41.000', 'local time stays without Z'],
    ['3/4/2021 1:02:03 PM', false, '2021-03-04T13:02:03.000', 'US clock: month first'],
    ['3/4/2021 12:02:03 AM', false, '2021-03-04T00:02:03.000', 'midnight hour'],
    ['25/03/2021 13:02:03', false, '2021-03-25T13:02:03.000', 'day above 12 comes first'],
    ['03/25/2021 13:02:03', false, '2021-03-25T13:02:03.000', 'day above 12 comes second'],
    ['03.04.2021 13:02:03', false, null, 'ambiguous: 3 April or 4 March'],
    ['04/04/2021 10:00', false, '2021-04-04T10:00:00.000', 'same day and month is not ambiguous'],
    ['"2021-03-03T02:13:41.512Z"', false, '2021-03-03T02:13:41.512Z', 'quoted CSV value'],
    ['2021-13-03T02:13:41Z', false, null, 'no month 13'],
    ['13/4/2021 1:02:03 PM', false, null, 'AM/PM means month first, so 13 is no month'],
    ['1:02:03 PM', false, null, 'time without a date'],
    ['x'.repeat(100), false, null, 'too long'],
  ])('%j (utc %s) → %j: %s', (raw, utc, want, _reason) => {
    expect(parseTimestamp(raw, utc)).toBe(want);
  });
});

describe('Span', () => {
  test('keeps the earliest and latest, ignores null', () => {
    const s = new Span();
    for (const t of [
      '2021-03-03T02:00:00.000Z',
      null,
      '2021-03-01T00:00:00.000Z',
      '2021-03-05T10:00:00.000Z',
      '2021-03-02T00:00:00.000Z',
    ])
      s.add(t);
    expect([s.from, s.to]).toEqual(['2021-03-01T00:00:00.000Z', '2021-03-05T10:00:00.000Z']);
  });
});
