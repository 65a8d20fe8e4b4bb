/** Dates of mail headers (mail-date.ts): RFC 5322 date-time, calendar date as written. */
import { describe, expect, test } from 'vitest';
import { dateHeader, mailDate, receivedDate } from '../../../src/checker/mail-date.ts';

describe('mailDate', () => {
  test.each([
    ['with day of week and time', ' Tue, 8 Nov 2022 10:00:00 +0000', '2022-11-08'],
    ['without day of week', '17 Mar 2021 09:12:00 +0100', '2021-03-17'],
    ['two-digit day, extra spaces', 'Wed,  02 Mar  2021', '2021-03-02'],
    ['month in lower case', '1 jan 2019', '2019-01-01'],
    ['leap day', '29 Feb 2024', '2024-02-29'],
    ['not a leap year', '29 Feb 2023', null],
    ['no such day', '31 Apr 2021', null],
    ['no such month', '3 Foo 2021', null],
    ['US-style date is not RFC 5322', '11/27/2026 10:00:00', null],
    ['year out of range', '1 Jan 1970', null],
  ])('%s', (_why, text, expected) => {
    expect(mailDate(text)).toBe(expected);
  });
});

describe('receivedDate', () => {
  test.each([
    ['same line', 'id 15.1.2507.16; Tue, 8 Nov 2022 10:00:00 +0000', '2022-11-08'],
    [
      'folded: the date on the next line',
      'id 15.1.2507.16\r\n via Frontend Transport;\r\n Tue, 8 Nov 2022 10:00:00 +0000',
      '2022-11-08',
    ],
    ['no date: the next header is not read', 'id 15.1.2507.16\nDate: Tue, 8 Nov 2022 10:00:00 +0000; x', null],
    ['no semicolon at all', 'id 15.1.2507.16 via Frontend Transport', null],
  ])('%s', (_why, text, expected) => {
    expect(receivedDate(text, text.indexOf('16') + 2)).toBe(expected);
  });
  test('reads at most 300 characters', () => {
    const text = `id 15.1.2507.16${' '.repeat(400)}; Tue, 8 Nov 2022`;
    expect(receivedDate(text, 15)).toBeNull();
  });
});

describe('dateHeader', () => {
  test.each([
    ['Date header', 'Date: Tue, 8 Nov 2022 10:00:00 +0000', '2022-11-08'],
    ['indented, lower case', '  date: 17 Mar 2021 09:12:00 +0100', '2021-03-17'],
    ['other header', 'Subject: Date: 8 Nov 2022', null],
    ['not a mail date', 'Date: 2022-11-08', null],
  ])('%s', (_why, line, expected) => {
    expect(dateHeader(line)).toBe(expected);
  });
});
