import { expect, test } from 'vitest';
import { BOM, guardCell, toCsv } from '../../../src/lib/csv-format.ts';

test.each([
  ['formula', '=1+1', "'=1+1"],
  ['plus', '+A1', "'+A1"],
  ['minus', '-2', "'-2"],
  ['at', '@SUM(A1)', "'@SUM(A1)"],
  ['tab', '\tx', "'\tx"],
  ['carriage return', '\rx', "'\rx"],
  ['ordinary text stays', 'EX01', 'EX01'],
  ['a sign later in the text stays', 'a=b', 'a=b'],
])('guardCell: %s', (_why, input, expected) => {
  expect(guardCell(input)).toBe(expected);
});

test('toCsv quotes commas, quotes and line breaks, ends rows with CRLF', () => {
  expect(
    toCsv([
      ['a', 'b,c'],
      ['say "hi"', 'two\nlines'],
    ]),
  ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  expect(toCsv([])).toBe('');
  expect(BOM).toBe('\uFEFF');
});
