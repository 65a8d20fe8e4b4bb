/** Product names as people type them (product-names.ts): irregular spacing and case, and refusals. */
import { describe, expect, test } from 'vitest';
import { checkText } from '../../../src/checker/index.ts';
import { parseProductName, PRODUCT } from '../../../src/checker/product-names.ts';

/** Line, update and build of every product name in a text, as the checker reports them. */
const names = (text: string) =>
  checkText(text)
    .filter((f) => f.format === 'product-name')
    .map((f) => [f.product, f.cu, f.update, f.build]);

describe('spacing and case', () => {
  test.each([
    ['two spaces inside', 'exchange  server 2016 CU7', ['Exchange Server 2016', 'CU7', null, '15.1.1261']],
    ['no space before the year', 'Exchange2016 CU23', ['Exchange Server 2016', 'CU23', null, '15.1.2507']],
    ['short form EX', 'EX2019 CU12', ['Exchange Server 2019', 'CU12', null, '15.2.1118']],
    ['short form with a space', 'Ex 2019 CU12', ['Exchange Server 2019', 'CU12', null, '15.2.1118']],
    ['upper case, lower-case cu', 'EXCHANGE SERVER 2019 cu12', ['Exchange Server 2019', 'CU12', null, '15.2.1118']],
    [
      'tabs and runs of spaces before CU and update',
      'Exchange\t2019   CU12\t\tnov22su',
      ['Exchange Server 2019', 'CU12', 'Nov22SU', '15.2.1118.20'],
    ],
    [
      'Cumulative Update spelled out',
      'Exchange Server 2016 Cumulative Update 23',
      ['Exchange Server 2016', 'CU23', null, '15.1.2507'],
    ],
    ['CU with a leading zero', 'Exchange 2016 CU 09', ['Exchange Server 2016', 'CU9', null, '15.1.1466']],
    [
      '2010 Service Pack and Update Rollup spelled out',
      'Exchange 2010 Service Pack 3 Update Rollup 31',
      ['Exchange Server 2010', 'SP3 RU31', null, '14.3.509.0'],
    ],
    [
      '2010 rollup with a space and lower case',
      'exchange 2010 sp3 ru 30',
      ['Exchange Server 2010', 'SP3 RU30', null, '14.3.496.0'],
    ],
    ['SE with an update', 'Exchange Server SE  Aug25SU', ['Exchange Server SE', 'RTM', 'Aug25SU', '15.2.2562.20']],
  ])('%s: %s', (_why, text, expected) => {
    expect(names(text)).toEqual([expected]);
  });
});

describe('refused', () => {
  test.each([
    ['no CU: proves nothing', 'we run Exchange 2016 and exchange  2019'],
    ['a CU number glued to more digits', 'Exchange 2016 CU190'],
    ['a year glued to letters after it', 'Exchange 2016x CU19'],
    ['EX glued inside a word', 'INDEX2016 CU19'],
    ['a CU that does not exist', 'Exchange 2016 CU40'],
    ['ExSetup is not Exchange SE', 'ExSetup RTM'],
  ])('%s', (_why, text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('parseProductName', () => {
  test('length covers exactly the tail that was read', () => {
    const tail = '   CU12  Nov22SU and more';
    const named = parseProductName('2019', tail);
    expect(tail.slice(0, named?.length)).toBe('   CU12  Nov22SU');
  });
  test('PRODUCT bounds the spaces it accepts (no unbounded runs)', () => {
    PRODUCT.lastIndex = 0;
    expect(PRODUCT.exec(`Exchange${' '.repeat(9)}2016`)).toBeNull();
    PRODUCT.lastIndex = 0;
    expect(PRODUCT.exec(`Exchange${' '.repeat(8)}2016`)?.[1]).toBe('2016');
  });
});
