/** CSV splitting as Exchange and Export-Csv write it. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { headerNames, splitCsv } from '../../../src/triage/csv.ts';

describe('splitCsv', () => {
  test.each([
    ['a,b,c', ['a', 'b', 'c'], 'plain fields'],
    ['a,"b,c",d', ['a', 'b,c', 'd'], 'a quoted comma'],
    ['"x ""y"" z",2', ['x "y" z', '2'], 'doubled quotes inside quotes'],
    ['a,,', ['a', '', ''], 'empty fields, including the last'],
    ['', [''], 'an empty line is one empty field'],
    ['"open,ended', ['open,ended'], 'an unterminated quote runs to the end'],
    ['"a"b,c', ['ab', 'c'], 'text after a closing quote is kept'],
    ['"multi\nline",x', ['multi\nline', 'x'], 'a joined multi-line record'],
  ])('%j → %j (%s)', (line, want) => {
    expect(splitCsv(line)).toEqual(want);
  });
  test('tabs as delimiter', () => {
    expect(splitCsv('Error\t3/3/2021\t"a\tb"', '\t')).toEqual(['Error', '3/3/2021', 'a\tb']);
  });
  test('round trip: any fields, quoted as RFC 4180 says (3,000 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 8 }), (fields) => {
        const line = fields.map((f) => (/[",]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
        expect(splitCsv(line)).toEqual(fields);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('headerNames', () => {
  test.each([
    ['#Fields: DateTime,RequestId,AnchorMailbox', ',', ['datetime', 'requestid', 'anchormailbox']],
    ['"DateTime","ClientIPAddress"', ',', ['datetime', 'clientipaddress']],
    ['#Fields: date time cs-method  cs(User-Agent)', ' ', ['date', 'time', 'cs-method', 'cs(user-agent)']],
    ['\uFEFF#Fields: a,b', ',', ['a', 'b']],
  ])('%j', (line, d, want) => {
    expect(headerNames(line, d)).toEqual(want);
  });
});
