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
