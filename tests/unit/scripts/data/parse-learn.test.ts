/**
 * Microsoft's build-number page: every row shape we know, the KB from the link, and failure on a page
 * that yields no row.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  kbFromHref,
  parseLearnDate,
  parseLearnPage,
  parseReleaseName,
  productOfHeading,
} from '../../../../scripts/data/parse-learn.js';
import { SourceError } from '../../../../scripts/data/source-error.js';
import { fixture } from './helpers.ts';

describe('learn.html', () => {
  const page = parseLearnPage(fixture('learn.html'), 'learn.html');
  const byBuild = (build: string) => page.rows.find((r) => r.build === build);

  test.each([
    [
      '15.2.2562.60',
      {
        name: 'Exchange Server SE RTM Nov26SU',
        product: 'Exchange Server SE',
        line: 'RTM',
        update: 'Nov26SU',
        date: '2026-11-10',
        kb: 'KB5999001',
      },
      'an SU row, KB from /help/',
    ],
    [
      '15.2.2562.53',
      { update: 'Sep26SUv2', date: '2026-10-02', kb: 'KB5129955' },
      'a v2 re-release, KB from the /servicing/…/2026/<kb> link form',
    ],
    [
      '15.2.2562.17',
      { line: 'RTM', update: null, date: '2025-07-01', kb: null },
      'the SE release itself: a Download Center link is not a KB',
    ],
    [
      '15.2.1748.10',
      {
        product: 'Exchange Server 2019',
        line: 'CU15',
        update: null,
        kb: null,
        name: 'Exchange Server 2019 CU15 (2025H1)',
      },
      'a CU row with "(2025H1)"',
    ],
    [
      '15.2.1544.14',
      { line: 'CU14', update: 'Nov24SUv2', kb: 'KB5049233', date: '2024-11-27' },
      'a 2019 v2 re-release',
    ],
    ['15.2.792.10', { line: 'CU8', update: 'Mar21SU', kb: 'KB5000871' }, 'KB inside a /topic/…-kb5000871-… link'],
    ['15.0.1497.2', { product: 'Exchange Server 2013', line: 'CU23', update: null }, 'a stray ")" after the name'],
    ['15.0.847.64', { line: 'SP1', update: 'Mar21SU' }, 'Exchange 2013 SP1'],
    [
      '14.3.513.0',
      { product: 'Exchange Server 2010', line: 'SP3', rollup: 'RU32', update: null, kb: 'KB5000978' },
      'a 2010 rollup row',
    ],
    ['14.3.224.2', { line: 'SP3', rollup: 'RU8 v2', kb: 'KB2986475' }, 'a re-released rollup, KB from /kb/'],
    ['14.3.123.4', { line: 'SP3', rollup: null, kb: null }, 'a row without any link, so no KB'],
    ['14.2.342.3', { line: 'SP2', rollup: 'RU6' }, 'a rollup name without "for"'],
    [
      '14.3.328.5',
      { line: 'SP2', rollup: 'RU5' },
      "Microsoft's misprinted SP2 RU5 build is read as printed (the merge knows it)",
    ],
    [
      '14.0.639.21',
      { line: 'RTM', rollup: null, date: '2009-11-09' },
      'Exchange 2010 RTM is just "Exchange Server 2010"',
    ],
  ])('%s: %s', (build, expected, _why) => {
    expect(byBuild(build)).toMatchObject(expected);
  });

  test('reads the 21 rows of the five product tables, newest first within each, and nothing else', () => {
    expect(page.rows).toHaveLength(21);
    expect(page.sections.map((s) => [s.product, s.rows])).toEqual([
      ['Exchange Server SE', 5],
      ['Exchange Server 2019', 5],
      ['Exchange Server 2016', 2],
      ['Exchange Server 2013', 3],
      ['Exchange Server 2010', 6],
    ]);
    expect(page.problems).toEqual([]);
  });

  test('skips the Exchange 2007 section and the tables outside <main> or inside scripts', () => {
    expect(page.skippedSections).toEqual(['Exchange Server 2007']);
    const builds = page.rows.map((r) => r.build);
    for (const stray of ['8.3.517.0', '15.2.9999.1', '15.2.2562.999']) expect(builds).not.toContain(stray);
  });

  test('every row is tagged with the section it came from', () => {
    for (const r of page.rows) expect(r.section).toBe(r.product);
  });
});

describe('pages that must not pass as "nothing new"', () => {
  test.each([
    [
      'learn-empty.html',
      /no release row could be read \(1 build table found\)/,
      'tables without rows, and a table of another kind',
    ],
    ['', /the page is empty/, 'an empty download'],
  ])('%j throws: %s', (file, message) => {
    const html = file ? fixture(file) : '';
    expect(() => parseLearnPage(html, file)).toThrow(SourceError);
    expect(() => parseLearnPage(html, file)).toThrow(message);
  });

  test('a page without any build table throws', () => {
    expect(() => parseLearnPage('<main><h1>Moved</h1><p>This page has moved.</p></main>')).toThrow(
      /0 build tables found/,
    );
  });
});

describe('rows that cannot be read are returned as problems, never silently dropped', () => {
  const th =
    '<tr><th>Product name</th><th>Release date</th><th>Build number (short format)</th><th>Build number (long format)</th></tr>';
  const page = (rows: string) =>
    parseLearnPage(
      `<main><h2>Exchange Server SE</h2><table>${th}<tr><td>Exchange Server SE RTM Aug26SU</td><td>August 11, 2026</td><td>15.2.2562.46</td><td>15.02.2562.046</td></tr>${rows}</table></main>`,
    );

  test.each([
    [
      '<tr><td>Exchange Server SE RTM Oct26SU</td><td>October 13, 2026</td><td>15.2.2562.56</td><td>15.02.2562.057</td></tr>',
      /short build 15\.2\.2562\.56 and long build 15\.02\.2562\.057 differ/,
    ],
    [
      '<tr><td>Exchange Server SE RTM Oct26SU</td><td>Soon</td><td>15.2.2562.56</td><td>15.02.2562.056</td></tr>',
      /release date "Soon" not understood/,
    ],
    [
      '<tr><td>Exchange Server SE RTM Oct26SU</td><td>October 13, 2026</td><td>15.2.2562</td><td></td></tr>',
      /not a 4-part build number/,
    ],
    [
      '<tr><td>Exchange Server SE Cumulative Update 1</td><td>October 13, 2026</td><td>15.2.2650.4</td><td>15.02.2650.004</td></tr>',
      /release name not understood/,
    ],
    [
      '<tr><td>Exchange Server 2019 CU15 Oct26SU</td><td>October 13, 2026</td><td>15.2.1748.56</td><td>15.02.1748.056</td></tr>',
      /listed under "Exchange Server SE" but names Exchange Server 2019/,
    ],
  ])('%#: %s', (row, reason) => {
    const p = page(row);
    expect(p.rows).toHaveLength(1);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.reason).toMatch(reason);
  });

  test('learn-wrong-section.html: the misplaced 2019 row is a problem with its build', () => {
    const p = parseLearnPage(fixture('learn-wrong-section.html'));
    expect(p.problems).toEqual([
      {
        section: 'Exchange Server SE',
        name: 'Exchange Server 2019 CU15 Dec26SU',
        build: '15.2.1748.60',
        reason: 'listed under "Exchange Server SE" but names Exchange Server 2019',
      },
    ]);
  });
});

test.each([
  ['Exchange Server SE RTM Aug26SU', { product: 'Exchange Server SE', line: 'RTM', rollup: null, update: 'Aug26SU' }],
  ['Exchange Server SE RTM', { line: 'RTM', update: null }],
  ['Exchange Server 2019 CU12 (2022H1)', { product: 'Exchange Server 2019', line: 'CU12', update: null }],
  ['Exchange Server 2019 CU14 Apr24HU', { line: 'CU14', update: 'Apr24HU' }],
  ['Exchange Server 2016 CU23 Nov24SUv2', { line: 'CU23', update: 'Nov24SUv2' }],
  ['Exchange Server 2016 Preview', { line: 'Preview', update: null }],
  ['Exchange Server 2013 CU23)', { product: 'Exchange Server 2013', line: 'CU23' }],
  ['Exchange Server 2019 CU15 Aug25SU¹', { update: 'Aug25SU' }],
  ['Microsoft Exchange Server 2019 CU15', { line: 'CU15' }],
  [
    'Update Rollup 7 v3 for Exchange Server 2010 SP1',
    { product: 'Exchange Server 2010', line: 'SP1', rollup: 'RU7 v3' },
  ],
  ['Update Rollup 1 for Exchange Server 2010', { line: 'RTM', rollup: 'RU1' }],
  ['Exchange Server 2010 SP2', { line: 'SP2', rollup: null }],
])('parseReleaseName(%j)', (name, expected) => {
  expect(parseReleaseName(name)).toMatchObject(expected);
});

test.each([
  ['Exchange Server 2019', 'no CU: not a release row we can place'],
  ['Update Rollup 23 for Exchange Server 2007 SP3', 'Exchange 2007 is not covered'],
  ['Exchange Server 2019 CU15 Aug26', 'an update name without SU/HU'],
  ['Exchange Server 2019 CU15 Aug26SU extra', 'trailing words'],
  ['Exchange Online', 'not on-premises'],
])('parseReleaseName(%j) is null (%s)', (name) => {
  expect(parseReleaseName(name)).toBeNull();
});

test.each([
  ['May 10, 2022', '2022-05-10'],
  ['September 8, 2026', '2026-09-08'],
  ['Sept. 8, 2026', '2026-09-08'],
  ['March, 2013', '2013-03'],
  ['March 2013', '2013-03'],
  ['February 30, 2026', null],
  ['2026-09-08', null],
  ['Smarch 1, 2026', null],
])('parseLearnDate(%j) is %j', (text, expected) => {
  expect(parseLearnDate(text)).toBe(expected);
});

test.each([
  ['https://support.microsoft.com/help/5014261', 'KB5014261'],
  ['https://support.microsoft.com/kb/2986475', 'KB2986475'],
  ['https://support.microsoft.com/en-us/help/5000871/', 'KB5000871'],
  [
    'https://support.microsoft.com/topic/description-of-the-security-update-march-2-2021-kb5000871-9800a6bb',
    'KB5000871',
  ],
  ['https://support.microsoft.com/en-us/servicing/exchange/server/update/2026/5129955', 'KB5129955'],
  ['https://www.microsoft.com/download/details.aspx?id=108855', null],
  ['https://www.microsoft.com/en-us/download/details.aspx?familyID=1234567', null],
  ['https://support.microsoft.com/topic/exchange-overview', null],
  ['not a url at all', null],
  [null, null],
])('kbFromHref(%j) is %j', (href, expected) => {
  expect(kbFromHref(href)).toBe(expected);
});

test.each([
  ['Exchange Server SE', 'Exchange Server SE'],
  ['Exchange Server 2019', 'Exchange Server 2019'],
  ['Exchange Server 2010', 'Exchange Server 2010'],
  ['Exchange Server 2007', 'older'],
  ['Exchange 2000 Server', 'older'],
  ['Exchange Server 5.5', 'older'],
  ['Related articles', null],
])('productOfHeading(%j) is %j', (heading, expected) => {
  expect(productOfHeading(heading)).toBe(expected);
});

describe('hostile or broken pages', () => {
  const token = fc.constantFrom(
    '<',
    '>',
    '</',
    '"',
    "'",
    '<!--',
    '-->',
    '<main>',
    '</main>',
    '<h2>',
    '</h2>',
    '<table>',
    '</table>',
    '<tr>',
    '<td>',
    '</td>',
    '<th>',
    '<a href="https://support.microsoft.com/help/5121573">',
    '</a>',
    '<script>',
    '</script>',
    '<br>',
    '&nbsp;',
    '&#x',
    'Exchange Server SE',
    'Exchange Server SE RTM Aug26SU',
    'Product name',
    'Release date',
    'Build number (short format)',
    'August 11, 2026',
    '15.2.2562.46',
    '15.02.2562.046',
    ' ',
  );

  test('any mix of tags and text either parses to well-formed rows or throws a SourceError', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 120 }), (tokens) => {
        let page;
        try {
          page = parseLearnPage(tokens.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(SourceError);
          return;
        }
        expect(page.rows.length).toBeGreaterThan(0);
        for (const r of page.rows) {
          expect(r.build).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
          expect(r.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
          expect(parseReleaseName(r.name)).toMatchObject({ product: r.product, line: r.line });
        }
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['an unclosed quote in a tag', '<table><tr><td title="' + 'x'.repeat(300_000)],
    ['200,000 bare "<"', '<'.repeat(200_000)],
    ['100,000 empty cells', '<table><tr>' + '<td>'.repeat(100_000)],
    ['deeply repeated entities', '&amp;'.repeat(100_000)],
  ])('%s: fails fast with a SourceError', (_why, html) => {
    const start = performance.now();
    expect(() => parseLearnPage(html)).toThrow(SourceError);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

test('many scripts and styles are skipped in linear time', () => {
  const html = '<script>var a = 1;</script><style>td{}</style>'.repeat(50_000);
  const start = performance.now();
  expect(() => parseLearnPage(html)).toThrow(/0 build tables found/);
  expect(performance.now() - start).toBeLessThan(2000);
});
