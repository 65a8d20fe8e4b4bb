/** What the words around a version say about it (mention.ts). */
import { describe, expect, test } from 'vitest';
import { clauseAfter, clauseBefore, isProseLine, mentionOf, type Mention } from '../../../src/checker/mention.ts';
import type { InputFormat } from '../../../src/checker/types.ts';
import { formatBuild } from '../../../src/checker/compare-builds.ts';
import { findVersions } from '../../../src/checker/parse-input.ts';

/** Classify the first occurrence of `target` in `line` as a lone mention. */
function classify(line: string, target: string, format: InputFormat = 'build'): Mention {
  const start = line.indexOf(target);
  expect(start, `${target} in ${line}`).toBeGreaterThanOrEqual(0);
  return mentionOf({
    lineText: line,
    start,
    end: start + target.length,
    format,
    listFrom: -1,
    listKind: 'tool',
    proseLine: () => isProseLine(line),
  });
}

describe('thresholds and candidates are references', () => {
  test.each([
    ['fixed in', 'Exchange version 15.1.2176.2 is vulnerable (fixed in 15.1.2176.9)', '15.1.2176.9'],
    ['Fixed in, capitalised, with a colon', 'Fixed in: 15.2.792.10', '15.2.792.10'],
    ['patched by build', 'patched by build 15.1.2176.9', '15.1.2176.9'],
    ['the fix is in', 'the fix is in 15.0.1497.12', '15.0.1497.12'],
    ['greater-than sign', 'PATCHED (> 15.1.2176)', '15.1.2176'],
    ['less-than sign after a space', 'VULNERABLE < 15.1.1415', '15.1.1415'],
    ['at least', 'you need at least 15.2.1118.9', '15.2.1118.9'],
    ['minimum build label', 'Minimum build: 15.2.1118.9', '15.2.1118.9'],
    ['or later', 'install 15.2.1118.9 or later', '15.2.1118.9'],
    ['is required', '15.1.2507.6 is required', '15.1.2507.6'],
    ['latest is', 'the latest version is 15.1.2507.72', '15.1.2507.72'],
    ['candidate: X or CU19', 'Exchange 2016 CU18 or CU19 installed', 'Exchange 2016 CU18'],
    ['candidate: two builds', 'either 15.1.2176.9 or 15.1.2176.12', '15.1.2176.9'],
  ])('%s', (_why, line, target) => {
    expect(classify(line, target, target.startsWith('Exchange') ? 'product-name' : 'build')).toBe('reference');
  });
});

describe('versions said not to be installed', () => {
  test.each([
    ['is missing', 'Exchange 2016 CU14 is missing, the rest is fine', 'Exchange 2016 CU14'],
    ['(KB…) is not installed', '15.1.2176.9 (KB5000871) is not installed', '15.1.2176.9'],
    ['has not been applied', 'Mar21SU 15.1.2176.9 has not been applied', '15.1.2176.9'],
    ['plan to install', 'We plan to install Exchange 2016 CU23', 'Exchange 2016 CU23'],
    ['need to upgrade to', 'we need to upgrade to Exchange 2019 CU15', 'Exchange 2019 CU15'],
    ['will install', 'Tonight we will install 15.1.2507.39', '15.1.2507.39'],
    ['did not install', "I didn't install 15.1.2507.39", '15.1.2507.39'],
    ['upgraded from', 'We upgraded from Exchange 2016 CU19', 'Exchange 2016 CU19'],
    ['without', 'still without 15.1.2176.9', '15.1.2176.9'],
    ['failed', '15.1.2507.39 failed with error 1603', '15.1.2507.39'],
    ['left side of an arrow', '15.1.2176.2 -> 15.1.2176.9', '15.1.2176.2'],
  ])('%s', (_why, line, target) => {
    expect(classify(line, target, target.startsWith('Exchange') ? 'product-name' : 'build')).toBe('not-installed');
  });
});

describe("the server's own version", () => {
  test.each([
    ['a name-and-build line', 'EX01\t15.1.2176.9', '15.1.2176.9', 'tool'],
    ['a bare build', '15.1.2176.9', '15.1.2176.9', 'tool'],
    ['a label line', 'Version: Exchange 2019 CU12 May22SU', 'Exchange 2019 CU12 May22SU', 'tool'],
    [
      'a scanner line is tool output even when wordy',
      '|_http-vuln: (15.1.2176) Exchange 2016 potentially vulnerable, check',
      '15.1.2176',
      'tool',
    ],
    ['"upgraded to" means installed', 'We upgraded to Exchange 2016 CU23 last week', 'Exchange 2016 CU23', 'prose'],
    ['a sentence', 'Our mail server is on 15.1.2507.6 since May', '15.1.2507.6', 'prose'],
    ['right side of an arrow', '15.1.2176.2 -> 15.1.2176.9', '15.1.2176.9', 'tool'],
    ['HTML table cell: tags are not words', '<tr><td>EX01</td><td>15.1.2176.9</td></tr>', '15.1.2176.9', 'tool'],
  ])('%s', (_why, line, target, expected) => {
    expect(classify(line, target, target.startsWith('Exchange') ? 'product-name' : 'build')).toBe(expected);
  });

  test.each(['exsetup', 'admin-display-version', 'healthchecker', 'owa-header', 'owa-path', 'smtp-received'] as const)(
    'tool format %s is always tool output, whatever the words say',
    (format) => {
      expect(classify('fixed in 15.1.2176.9 is missing', '15.1.2176.9', format)).toBe('tool');
    },
  );
});

describe('lists continue a reference', () => {
  // Scanned as the parser does: each mention sees where the previous reference on its line ended.
  const kinds = (line: string) => findVersions(line).map((f) => [formatBuild(f.build, f.parts), f.mention]);
  test.each([
    [
      'slash',
      'fixed in 15.1.2176.9 / 15.2.792.10',
      [
        ['15.1.2176.9', 'reference'],
        ['15.2.792.10', 'reference'],
      ],
    ],
    [
      'comma and "and"',
      'fixed in 15.1.2106.13, 15.1.2176.9 and 15.2.792.10',
      [
        ['15.1.2106.13', 'reference'],
        ['15.1.2176.9', 'reference'],
        ['15.2.792.10', 'reference'],
      ],
    ],
    [
      'a CU note between',
      'fixed in 15.1.2176.9 (CU19) / 15.2.792.10 (CU8)',
      [
        ['15.1.2176.9', 'reference'],
        ['15.2.792.10', 'reference'],
      ],
    ],
    [
      'a verb breaks the list',
      'fixed in 15.1.2176.9 but we run 15.1.2176.2',
      [
        ['15.1.2176.9', 'reference'],
        ['15.1.2176.2', 'prose'],
      ],
    ],
  ])('%s', (_why, line, expected) => {
    expect(kinds(line)).toEqual(expected);
  });
});

describe('clauses and prose lines', () => {
  test('the clause before stops at a comma, a parenthesis or a full stop with a space', () => {
    expect(clauseBefore('Vulnerable (fixed in 15.1.2176.9)', 21)).toBe('fixed in ');
    expect(clauseBefore('Done. Now at 15.1.2176.9', 13)).toBe(' Now at ');
    expect(clauseBefore('ex01.contoso.local 15.1.2176.9', 19)).toBe('ex01.contoso.local ');
  });
  test('the clause after runs over parentheses and stops at a comma', () => {
    expect(clauseAfter('15.1.2176.9 (KB5000871) is missing, sadly', 11)).toBe(' (KB5000871) is missing');
  });
  test('both are bounded to 60 characters', () => {
    const long = 'x'.repeat(500);
    expect(clauseBefore(`${long}15.1.2176.9`, 500)).toHaveLength(60);
    expect(clauseAfter(`15.1.2176.9${long}`, 11)).toHaveLength(60);
  });
  test.each([
    ['We run Exchange 2016 CU19 on two boxes', true],
    ['Version: Exchange 2019 CU12 May22SU', false],
    ['Exchange Server 2016 Cumulative Update 23', false],
    ['EX01 runs 15.1.2176.9', false],
    ['|_http-vuln-exchange: (15.1.2176) Exchange 2016 potentially vulnerable, check latest', false],
    ['[*] Exchange 2016 version appears to be vulnerable here', false],
    ['<tr><td class="x">EX01</td><td>15.1.2176.9</td></tr>', false],
  ])('isProseLine(%j) → %s', (line, expected) => {
    expect(isProseLine(line)).toBe(expected);
  });
});

test('a ">" that ends an HTML tag is no threshold: both builds stay servers', async () => {
  const { analyse } = await import('../../../src/checker/index.ts');
  const r = analyse('<svg onload=alert(3)> 15.2.1118.9\n<img src=x onerror="alert(1)"> 15.1.2176.2 <b>bold</b>');
  expect(r.findings.map((f) => f.build)).toEqual(['15.2.1118.9', '15.1.2176.2']);
  expect(r.findings.every((f) => f.superseded.length === 0)).toBe(true);
});
