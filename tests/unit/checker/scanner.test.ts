/** The hand-written number scanner and whitespace handling in parse-input.ts (same answers as the regex version). */
import { describe, expect, test } from 'vitest';
import { checkText } from '../../../src/checker/index.ts';

const pick = (text: string) => checkText(text).map((f) => [f.build, f.format, f.serverName]);

describe('scanner', () => {
  test('Unicode spaces between a label and its number count as spaces (trimEnd semantics)', () => {
    expect(pick('X-OWA-Version:\u00a0\u300015.2.792.10')).toEqual([['15.2.792.10', 'owa-header', null]]);
    expect(pick('Build Number:\u2003\ufeff15.2.1118.9')).toEqual([['15.2.1118.9', 'healthchecker', null]]);
  });
  test('a line of Unicode spaces ends a block (server names stay in their block)', () => {
    const text = [
      'Name : EX01',
      'AdminDisplayVersion : Version 15.1 (Build 2176.2)',
      '\u2003\u00a0',
      'AdminDisplayVersion : Version 15.2 (Build 1118.7)',
      'Name : EX02',
    ].join('\n');
    expect(pick(text)).toEqual([
      ['15.1.2176.2', 'admin-display-version', 'EX01'],
      ['15.2.1118.7', 'admin-display-version', 'EX02'],
    ]);
  });
  test('the same build repeated on one line is one finding; on the next line another', () => {
    expect(pick('15.1.2176.9 15.1.2176.9 15.01.2176.009\n15.1.2176.9')).toEqual([
      ['15.1.2176.9', 'build', null],
      ['15.1.2176.9', 'build', null],
    ]);
  });
  test('an IP-context mention does not hide a later real mention of the same number', () => {
    expect(pick('IP 15.2.221.12 and 15.2.221.12')).toEqual([['15.2.221.12', 'build', null]]);
  });
  test('maximal runs: trailing dots, glued digits and over-long runs', () => {
    expect(pick('15.1.2176.9.')).toEqual([['15.1.2176.9', 'build', null]]);
    expect(pick('15.1.2176.9.1')).toEqual([]);
    expect(pick(`${'1'.repeat(40)}.15.1.2176.9`)).toEqual([]);
    expect(pick('..15.1.2176.9..')).toEqual([['15.1.2176.9', 'build', null]]);
  });
});

describe('server names on lines that hold only a name and a build', () => {
  const names = (text: string) => checkText(text).map((f) => [f.build, f.serverName]);
  test('name then build, or build then name, separated by spaces, a tab, comma, semicolon or pipe, quoted or not', () => {
    expect(names('EX01 15.1.2176.9\nEX02\t15.1.2176.9\nex03.contoso.local,15.2.1118.7')).toEqual([
      ['15.1.2176.9', 'EX01'],
      ['15.1.2176.9', 'EX02'],
      ['15.2.1118.7', 'ex03.contoso.local'],
    ]);
    expect(names('"MBX-01";"15.01.2176.009"\n15.2.1118.7 | EX04')).toEqual([
      ['15.1.2176.9', 'MBX-01'],
      ['15.2.1118.7', 'EX04'],
    ]);
    // A CSV export: the header has no build, so only the data rows count.
    expect(names('Server,Version\r\nEX01,15.1.2176.9\r\nEX02,15.1.2176.9')).toEqual([
      ['15.1.2176.9', 'EX01'],
      ['15.1.2176.9', 'EX02'],
    ]);
  });
  test('labels, update names and words next to a build are not names', () => {
    for (const word of [
      'Version',
      'ProductVersion',
      'Build',
      'Exchange2016',
      'ExSetup.exe',
      'Server',
      'CU19',
      'Mar21SU',
      'KB5000871',
      'host',
    ])
      expect(names(`${word} 15.1.2176.9`), word).toEqual([['15.1.2176.9', null]]);
  });
  test('only a whole line of name and build gives a name; glued, colon-separated or longer lines do not', () => {
    for (const text of ['EX15.1.2176.9', 'EX01: 15.1.2176.9', 'EX01 runs 15.1.2176.9', 'EX01 15.1.2176.9 EX02'])
      expect(
        names(text).filter(([, name]) => name !== null),
        text,
      ).toEqual([]);
    expect(names('EX01 runs 15.1.2176.9')).toEqual([['15.1.2176.9', null]]);
  });
  test('a name from a "Name : X" line is kept', () => {
    expect(names('Name : EX09\nAdminDisplayVersion : Version 15.1 (Build 2176.2)')).toEqual([['15.1.2176.2', 'EX09']]);
  });
});
