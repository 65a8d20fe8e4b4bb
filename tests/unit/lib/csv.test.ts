import { describe, expect, test } from 'vitest';
import { analyse, DATA_AS_OF } from '../../../src/checker/index.ts';
import { analyseSources } from '../../../src/checker/sources.ts';
import { BOM, CSV_HEADER, csvFileName, findingsToRows, guardCell, toCsv } from '../../../src/lib/csv.ts';

/** A small RFC 4180 reader, to prove the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('toCsv', () => {
  test('plain fields are unquoted, lines end in CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });
  test('quotes fields with comma, quote, CR or LF and doubles inner quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', 'x\ry']])).toBe('"a,b","say ""hi""","x\ny","x\ry"\r\n');
  });
  test('round-trips awkward text through an RFC 4180 reader', () => {
    const rows = [
      ['"', ',', '\r\n', 'ä € 😀', ''],
      ['a"b"c', 'line1\r\nline2', ' lead', 'trail ', '""'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  test('no rows is empty text', () => {
    expect(toCsv([])).toBe('');
  });
  test('BOM is U+FEFF', () => {
    expect(BOM.charCodeAt(0)).toBe(0xfeff);
  });
});

describe('formula injection guard', () => {
  test.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('%j gets an apostrophe', (v) => {
    expect(guardCell(v)).toBe(`'${v}`);
  });
  test.each(['EX01', '15.1.2176.9', "'already", ''])('%j is unchanged', (v) => {
    expect(guardCell(v)).toBe(v);
  });
});

describe('findingsToRows', () => {
  const text = [
    'Name : =HYPERLINK("http://evil")',
    'AdminDisplayVersion : Version 15.1 (Build 2176.2)',
    '',
    '15.2.1748.10',
  ].join('\n');
  const findings = analyse(text, { today: '2026-11-27' }).findings;
  const rows = findingsToRows(findings, DATA_AS_OF);

  test('header plus one row per finding, same width', () => {
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(findings.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
  });
  test('statuses are words from the checker verdict', () => {
    const body = rows.slice(1);
    expect(body.map((r) => r[4])).toEqual(
      findings.map(
        (f) =>
          ({ patched: 'Patched', vulnerable: 'Vulnerable', unknown: "Can't tell", 'not-affected': 'Not affected' })[
            f.proxyLogon
          ],
      ),
    );
    expect(body.every((r) => r[16] === DATA_AS_OF)).toBe(true);
  });
  test('no cell starts with a formula character', () => {
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
  test('the File column names the opened file each row was read from, and is empty for a paste', () => {
    const fromFiles = analyseSources(analyse, [
      { name: 'ex01.txt', text: 'EX01 15.2.1748.10' },
      { name: '=cmd.txt', text: 'EX02 15.1.2176.2' },
    ]).findings;
    const fileRows = findingsToRows(fromFiles, DATA_AS_OF);
    const col = CSV_HEADER.indexOf('File');
    expect(col).toBe(CSV_HEADER.length - 1);
    expect(fileRows.slice(1).map((r) => [r[0], r[col]])).toEqual([
      ['EX01', 'ex01.txt'],
      ['EX02', "'=cmd.txt"],
    ]);
    expect(rows.slice(1).every((r) => r[col] === '')).toBe(true);
  });
  test('file name carries the date', () => {
    expect(csvFileName('2026-11-27')).toBe('exchange-patch-check-2026-11-27.csv');
  });
});
