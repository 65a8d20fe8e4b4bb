/**
 * htmlToText: HTML reports become the text the checker reads. The HealthChecker sample below is
 * written in our own words after the shape of its HTML server report (Get-HtmlServerReport.ps1 in
 * microsoft/CSS-Exchange, MIT): an overview table, then a details table whose two-cell rows are a
 * label and a value, each followed by a stray `<tr>`.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../src/checker/index.ts';
import { decodeEntities, htmlToText } from '../../../src/lib/html-text.ts';

const HEALTHCHECKER = `<html>
  <style>
  BODY{font-family: Arial; font-size: 8pt;}
  td.Red{background: #FF0000; color: #ffffff;}
  </style>
  <body>
  <h1 align="center">Exchange Health Checker v24.01</h1><br>
  <h2>Servers Overview</h2><p>
  <table>
  <tr><th>Server Name</th><th>Version</th><th>Build Number</th></tr>
  <tr><td class="">EX01</td><td class="Red">Exchange 2016 CU19</td><td class="">15.1.2176.2</td></tr>
  <tr><td class="">EX02</td><td class="">Exchange 2019 CU12 May22SU</td><td class="">15.2.1118.9</td></tr>
  </table></p>
  <p><h2>Server Details</h2><table>
  <tr><th>Server Name</th><th>EX01</th><tr>
  <tr><td class="">Version</td><td class="">Exchange 2016 CU19</td><tr>
  <tr><td class="Red">Build Number</td><td class="Red">15.1.2176.2</td><tr>
  <tr><th>Server Name</th><th>EX02</th><tr>
  <tr><td class="">Build Number</td><td class="">15.2.1118.9</td><tr>
  <tr><td class="">Notes</td><td class="">Use &lt;ExSetup&gt; &amp; see <a href="https://aka.ms/ExHCDownload">the docs</a></td><tr>
  </table></p>
  </body></html>`;

describe('htmlToText', () => {
  const text = htmlToText(HEALTHCHECKER);

  test('two-cell rows read "label: value", as the text report prints them', () => {
    const lines = text.split('\n');
    expect(lines).toContain('Server Name: EX01');
    expect(lines).toContain('Build Number: 15.1.2176.2');
    expect(lines).toContain('Server Name: EX02');
    expect(lines).toContain('Build Number: 15.2.1118.9');
  });

  test('wider rows join their cells with tabs; style contents are dropped; entities decoded; links kept after the row', () => {
    const lines = text.split('\n');
    expect(lines).toContain('EX01\tExchange 2016 CU19\t15.1.2176.2');
    expect(text).not.toContain('font-family');
    expect(lines).toContain('Notes: Use <ExSetup> & see the docs');
    expect(lines[lines.indexOf('Notes: Use <ExSetup> & see the docs') + 1]).toBe('https://aka.ms/ExHCDownload');
    expect(text).not.toMatch(/<td|<tr|class=/);
  });

  test('the checker reads each server of the details table with its name and HealthChecker format', () => {
    const found = analyse(text, { today: '2026-11-27' }).findings.filter((f) => f.format === 'healthchecker');
    expect(found.map((f) => [f.serverName, f.build])).toEqual([
      ['EX01', '15.1.2176.2'],
      ['EX02', '15.2.1118.9'],
    ]);
  });

  test('an OWA page keeps the version that only its addresses name', () => {
    const owa = `<!DOCTYPE html><html><head><title>Outlook</title>
      <link rel="shortcut icon" href="/owa/auth/15.1.2176/themes/resources/favicon.ico" type="image/x-icon">
      <script src='/owa/auth/15.1.2176/scripts/boot.js'>var x = "<b>not text</b>";</script></head>
      <body><form action="/owa/auth.owa"><p>Sign in</p></form></body></html>`;
    const lines = htmlToText(owa).split('\n');
    expect(lines).toContain('/owa/auth/15.1.2176/themes/resources/favicon.ico');
    expect(lines).toContain('/owa/auth/15.1.2176/scripts/boot.js');
    expect(lines).toContain('Outlook');
    expect(lines).toContain('Sign in');
    expect(lines.join('\n')).not.toContain('not text');
    expect(analyse(lines.join('\n')).findings[0]?.format).toBe('owa-path');
  });

  const CASES: [string, string, string][] = [
    ['plain text passes through', 'Build Number: 15.2.1118.9', 'Build Number: 15.2.1118.9'],
    ['block elements start lines', '<p>a</p><div>b<br>c</div>', 'a\nb\nc'],
    ['whitespace inside text collapses', '<p>a \n\t b</p>', 'a b'],
    ['a table is its own block', 'x<table><tr><td>a</td><td>b</td><td>c</td></tr></table>y', 'x\n\na\tb\tc\n\ny'],
    ['cells without closing tags', '<table><tr><td>Build Number<td>15.2.1118.9</table>', 'Build Number: 15.2.1118.9'],
    ['a label ending in a colon gets no second colon', '<tr><td>Build Number:</td><td>1</td></tr>', 'Build Number: 1'],
    ['empty rows and cells are skipped', '<tr><td></td></tr><tr><td>a</td><td></td><td>b</td></tr>', 'a: b'],
    ['comments are dropped', 'a<!-- 15.1.2176.2 -->b', 'ab'],
    ['an unclosed comment ends the text', 'a<!-- b', 'a'],
    ['a lone < is text', 'a < b', 'a < b'],
    ['a > inside a quoted attribute does not end the tag', '<p title="a > b">x</p>', 'x'],
    ['an apostrophe in an unquoted value is not a quote', "<p title=O'Brien>x</p><p>y</p>", 'x\ny'],
    ['uppercase tags', '<TABLE><TR><TD>A</TD><TD>B</TD></TR></TABLE>', 'A: B'],
    ['an unclosed script hides the rest', 'a<script>b', 'a'],
    ['a doctype is dropped', '<!doctype html><p>a</p>', 'a'],
  ];
  test.each(CASES)('%s', (_reason, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });

  test('never throws, and never emits a tag it was given, for any input (fuzzed)', () => {
    const tagsAndText = fc
      .array(
        fc.oneof(
          fc.constantFrom('<tr>', '</tr>', '<td>', '</td>', '<th>', '<table>', '<p>', '<br>', '<script>', '</script>'),
          fc.constantFrom('<!--', '-->', '"', "'", '=', '<', '>', '&amp;', '&#x41;', '&#0;', '&bogus;'),
          fc.string({ maxLength: 8 }),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(tagsAndText, (html) => {
        const out = htmlToText(html);
        expect(typeof out).toBe('string');
        expect(out).not.toMatch(/<\/?(?:tr|td|th|table|br|script)>/);
      }),
      { numRuns: 3_000 },
    );
  });

  test('runs in linear time on hostile input', () => {
    const hostile = ['<a href="'.repeat(20_000), '<td>'.repeat(50_000), '<script>'.repeat(50_000), '</'.repeat(80_000)];
    for (const html of hostile) {
      const t0 = performance.now();
      htmlToText(html);
      expect(performance.now() - t0, html.slice(0, 12)).toBeLessThan(1_000);
    }
  });
});

describe('decodeEntities', () => {
  const CASES: [string, string, string][] = [
    ['named', '&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;&nbsp;d', '<a> & "b" \'c\' d'],
    ['decimal and hex', '&#65;&#x42;&#X43;', 'ABC'],
    ['unknown names stay', '&copy; &bogus;', '&copy; &bogus;'],
    ['out-of-range and surrogate code points stay', '&#0; &#xD800; &#x110000;', '&#0; &#xD800; &#x110000;'],
    ['no ampersand, same string', 'plain', 'plain'],
  ];
  test.each(CASES)('%s', (_reason, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe("HealthChecker's HTML report for several servers", () => {
  // Written from the layout its Get-HtmlServerReport writes: a "Servers Overview" table (one row
  // per server: name, time, the version's friendly name, role…), then "Server Details" rows of
  // name and value per server, headed by a row of two <th> cells naming it.
  const servers = [
    { name: 'EX01', version: 'Exchange 2019 CU12 Mar23SU', build: '15.2.1118.26' },
    { name: 'EX02', version: 'Exchange 2016 CU23 Jan23SU', build: '15.1.2507.17' },
  ];
  const NL = '\r\n';
  let html = `<html><body><h1 align="center">Exchange Health Checker v23.01.19</h1><br><h2>Servers Overview</h2><p><table><tr>${NL}`;
  for (const h of ['Server Name', 'Generation Time', 'Exchange Version', 'Server Role', 'OS Version'])
    html += `<th>${h}</th>${NL}`;
  html += `</tr>${NL}`;
  for (const s of servers) {
    html += `<tr>${NL}`;
    for (const v of [s.name, '11/20/2026 10:00:00', s.version, 'Mailbox', 'Windows Server 2019'])
      html += `<td class="Grey">${v}</td>${NL}`;
    html += `</tr>${NL}`;
  }
  html += `</table>${NL}</p>${NL}<p>${NL}<h2>Server Details</h2>${NL}<table>`;
  for (const s of servers) {
    html += `<tr>${NL}<th>Server Name</th>${NL}<th>${s.name}</th>${NL}</tr>${NL}`;
    for (const [k, v] of [
      ['Exchange Version', s.version],
      ['Build Number', s.build],
      ['Server Role', 'Mailbox'],
    ])
      html += `<tr>${NL}<td class="Grey">${k}</td><td class="Grey">${v}</td>${NL}</tr>${NL}`;
  }
  html += `${NL}</table>${NL}</p>${NL}</body>${NL}</html>`;

  test('the overview rows read as a tab-separated table under its header', () => {
    const text = htmlToText(html);
    expect(text).toContain('Server Name\tGeneration Time\tExchange Version\tServer Role\tOS Version');
    expect(text).toContain('EX01\t11/20/2026 10:00:00\tExchange 2019 CU12 Mar23SU\tMailbox\tWindows Server 2019');
  });
  test('gives one verdict per server: the overview row is the same server as its details', () => {
    const { findings } = analyse(htmlToText(html), { today: '2026-11-29' });
    expect(findings.map((f) => [f.serverName, f.build, f.format])).toEqual([
      ['EX01', '15.2.1118.26', 'healthchecker'],
      ['EX02', '15.1.2507.17', 'healthchecker'],
    ]);
    expect(findings.every((f) => f.superseded.some((s) => s.format === 'product-name'))).toBe(true);
  });
});
