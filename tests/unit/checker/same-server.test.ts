/** One server, one verdict: the exact build wins over less precise mentions of the same server (same-server.ts). */
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../src/checker/index.ts';
import type { Finding } from '../../../src/checker/index.ts';
import * as F from './fixtures.ts';

const check = (text: string): Finding[] => analyse(text, { today: '2026-11-27' }).findings;
/** One row per finding: server, build, format. */
const rows = (text: string) => check(text).map((f) => [f.serverName, f.build, f.format]);
/** What each row replaced: format and reason of every superseded mention. */
const folded = (text: string) => check(text).map((f) => f.superseded.map((s) => `${s.format}/${s.reason}`));

const EXSETUP = (build: string) =>
  `${build}   ${build}   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe`;
const TABLE_HEAD = 'ProductVersion   FileVersion      FileName\n--------------   -----------      --------';

describe('an imprecise line and the exact build of one server become one row', () => {
  test.each([
    // [why, paste, rows, superseded per row]
    [
      'Name line, then an ExSetup list of the same server (no name on it): the paste holds one server',
      F.GES_THEN_EXSETUP_LIST,
      [['EX01', '15.1.2507.39', 'exsetup']],
      [['admin-display-version/less-precise']],
    ],
    [
      'two servers by Name column and PSComputerName (short name = its one FQDN, case ignored)',
      F.GES_TABLE_THEN_REMOTE_EXSETUP,
      [
        ['ex01.contoso.local', '15.2.1118.26', 'exsetup'],
        ['EX02', '15.2.1544.4', 'exsetup'],
      ],
      [['admin-display-version/less-precise'], ['admin-display-version/less-precise']],
    ],
    [
      'exact build first, AdminDisplayVersion after it, both named EX01',
      'EX01 15.1.2176.9\n\nName : EX01\nAdminDisplayVersion : Version 15.1 (Build 2176.2)',
      [['EX01', '15.1.2176.9', 'build']],
      [['admin-display-version/less-precise']],
    ],
    [
      'Exchange 2010: SP-only AdminDisplayVersion and a rollup build from ExSetup, no name anywhere',
      F.EX2010_ADV_THEN_EXSETUP,
      [[null, '14.3.513.0', 'exsetup']],
      [['admin-display-version/less-precise']],
    ],
    [
      '3-part build of the same CU, unnamed, one server',
      `15.1.2176\n\n${TABLE_HEAD}\n${EXSETUP('15.01.2176.009')}`,
      [[null, '15.1.2176.9', 'exsetup']],
      [['build-3part/less-precise']],
    ],
    [
      'OWA path of the same CU, unnamed, one server',
      `<link rel="icon" href="/owa/auth/15.2.1118/themes/resources/favicon.ico">\n\n${TABLE_HEAD}\n${EXSETUP('15.02.1118.020')}`,
      [[null, '15.2.1118.20', 'exsetup']],
      [['owa-path/less-precise']],
    ],
    [
      'ECP path and a HealthChecker build number',
      'GET /ecp/15.1.2507.6/themes/resources/logo.png\n\n        Build Number:                  15.1.2507.39',
      [[null, '15.1.2507.39', 'healthchecker']],
      [['ecp-path/less-precise']],
    ],
    [
      'a sentence naming the same CU, then the exact build',
      'We run Exchange 2016 CU19 here.\n\n15.1.2176.9',
      [[null, '15.1.2176.9', 'build']],
      [['product-name/less-precise']],
    ],
    [
      'tool output naming another CU than the exact build, unnamed: the exact build is judged',
      `AdminDisplayVersion : Version 15.1 (Build 2176.2)\n\n${TABLE_HEAD}\n${EXSETUP('15.01.2507.006')}`,
      [[null, '15.1.2507.6', 'exsetup']],
      [['admin-display-version/less-precise']],
    ],
    [
      'same name, another CU: the name says one server',
      'Name : EX07\nAdminDisplayVersion : Version 15.1 (Build 2176.2)\n\nEX07,15.1.2507.6',
      [['EX07', '15.1.2507.6', 'build']],
      [['admin-display-version/less-precise']],
    ],
  ])('%s', (_why, text, expectedRows, expectedFolded) => {
    expect(rows(text)).toEqual(expectedRows);
    expect(folded(text)).toEqual(expectedFolded);
  });

  test('the row keeps a note naming what was superseded, and the name it lent', () => {
    const [f] = check(F.GES_THEN_EXSETUP_LIST);
    expect(f?.readingNotes).toEqual([
      'Superseded: “AdminDisplayVersion : Version 15.1 (Build 2507.6)” (AdminDisplayVersion, which never shows security updates) is the same server; the exact build 15.1.2507.39 is judged instead.',
    ]);
    expect(f?.superseded[0]).toMatchObject({
      build: '15.1.2507.6',
      input: 'AdminDisplayVersion : Version 15.1 (Build 2507.6)',
    });
    const span = f!.superseded[0]!.span;
    expect(F.GES_THEN_EXSETUP_LIST.slice(span[0], span[1])).toBe('Version 15.1 (Build 2507.6)');
  });

  test('a superseded line of another CU says so', () => {
    const [f] = check(
      `AdminDisplayVersion : Version 15.1 (Build 2176.2)\n\n${TABLE_HEAD}\n${EXSETUP('15.01.2507.006')}`,
    );
    expect(f?.readingNotes[0]).toMatch(/That line names CU19; the exact build is CU23\.$/);
  });
});

describe('prompt lines name the server of the output below them', () => {
  test.each([
    [
      'custom prompt "On EX01-2013 C:\\>" above each command; Get-ExchangeServer with an identity',
      F.PROMPTS_NAMING_HOSTS,
      [
        ['EX01-2013', '15.0.1497.12', 'exsetup'],
        ['EX02-2013', '15.0.1497.2', 'exsetup'],
      ],
      [['admin-display-version/less-precise'], []],
    ],
    [
      'remote session: the [EX02] prompt names ExSetup; the org-wide Get-ExchangeServer names its own rows',
      F.REMOTE_SESSION,
      [
        ['EX02', '15.1.2507.55', 'exsetup'],
        ['EX01', '15.1.2507.6', 'admin-display-version'],
      ],
      [['admin-display-version/less-precise'], []],
    ],
    [
      'remote prompt above both commands',
      `[EX05]: PS C:\\> Get-ExchangeServer EX05 | fl AdminDisplayVersion\n\nAdminDisplayVersion : Version 15.2 (Build 1544.4)\n\n[EX05]: PS C:\\> Get-Command ExSetup.exe | % { $_.FileVersionInfo }\n\n${TABLE_HEAD}\n${EXSETUP('15.02.1544.014')}`,
      [['EX05', '15.2.1544.14', 'exsetup']],
      [['admin-display-version/less-precise']],
    ],
    [
      'an Enter-PSSession still open labels output under a prompt without a host',
      `[PS] C:\\>Enter-PSSession -ComputerName EX03\n[PS] C:\\Windows\\system32>Get-Command ExSetup.exe | % { $_.FileVersionInfo }\n${TABLE_HEAD}\n${EXSETUP('15.02.1748.037')}`,
      [['EX03', '15.2.1748.37', 'exsetup']],
      [[]],
    ],
  ])('%s', (_why, text, expectedRows, expectedFolded) => {
    expect(rows(text)).toEqual(expectedRows);
    expect(folded(text)).toEqual(expectedFolded);
  });
});

describe("HealthChecker's Version label never becomes a second finding", () => {
  test.each([
    [
      'label names an older CU than the build (it lags)',
      F.HEALTHCHECKER_LAGGING_LABEL,
      'MBX-7',
      '15.2.1118.20',
      'CU11',
    ],
    ['label names the same CU and an update', F.HEALTHCHECKER, 'EX01', '15.2.1118.9', null],
    [
      'no Name line, label with an update of another CU',
      '        Version:                       Exchange 2019 CU11 Mar22SU\n        Build Number:                  15.2.1118.9',
      null,
      '15.2.1118.9',
      'CU11',
    ],
    [
      'label in lower case with two spaces',
      'Version: exchange  2016 cu22\nBuild Number: 15.1.2507.6',
      null,
      '15.1.2507.6',
      'CU22',
    ],
  ])('%s', (_why, text, server, build, otherCu) => {
    const found = check(text);
    expect(found.map((f) => [f.serverName, f.build, f.format])).toEqual([[server, build, 'healthchecker']]);
    expect(found[0]?.superseded.map((s) => s.format)).toEqual(['product-name']);
    if (otherCu) expect(found[0]?.readingNotes[0]).toContain(`That line names ${otherCu}`);
  });
});

describe('never merged', () => {
  test.each([
    [
      'two different names',
      'Name : EX01\nAdminDisplayVersion : Version 15.1 (Build 2176.2)\n\nEX02 15.1.2176.9',
      [
        ['EX01', '15.1.2176.2', 'admin-display-version'],
        ['EX02', '15.1.2176.9', 'build'],
      ],
    ],
    [
      'two FQDNs with the same first label are two servers',
      'Name : ex01.contoso.local\nAdminDisplayVersion : Version 15.1 (Build 2176.2)\n\nex01.fabrikam.local 15.1.2176.9',
      [
        ['ex01.contoso.local', '15.1.2176.2', 'admin-display-version'],
        ['ex01.fabrikam.local', '15.1.2176.9', 'build'],
      ],
    ],
    [
      'two named servers and an unnamed ExSetup: whose it is cannot be told',
      `Name : EX01\nAdminDisplayVersion : Version 15.1 (Build 2176.2)\n\nName : EX02\nAdminDisplayVersion : Version 15.1 (Build 2507.6)\n\n${EXSETUP('15.01.2176.009')}`,
      [
        ['EX01', '15.1.2176.2', 'admin-display-version'],
        ['EX02', '15.1.2507.6', 'admin-display-version'],
        [null, '15.1.2176.9', 'exsetup'],
      ],
    ],
    [
      'two different exact builds without names: two servers, the imprecise line stays',
      '15.1.2176\n\n15.1.2176.9\n\n15.1.2176.12',
      [
        [null, '15.1.2176', 'build-3part'],
        [null, '15.1.2176.9', 'build'],
        [null, '15.1.2176.12', 'build'],
      ],
    ],
    [
      'different products, no names',
      'AdminDisplayVersion : Version 14.3 (Build 123.4)\n\n15.1.2176.9',
      [
        [null, '14.3.123.4', 'admin-display-version'],
        [null, '15.1.2176.9', 'build'],
      ],
    ],
    [
      'a sentence naming another CU than the only exact build: it may be another server',
      'We also run Exchange 2016 CU13 somewhere.\n\n15.1.2176.9',
      [
        [null, '15.1.1779', 'product-name'],
        [null, '15.1.2176.9', 'build'],
      ],
    ],
    [
      'a Received header of the same server is a past moment, never folded',
      'Name : EX02\nAdminDisplayVersion : Version 15.1 (Build 2507.6)\n\nReceived: from a.contoso.local by EX02.contoso.local with Microsoft SMTP Server id 15.1.2507.16; Tue, 8 Nov 2022 10:00:00 +0000',
      [
        ['EX02', '15.1.2507.6', 'admin-display-version'],
        ['EX02.contoso.local', '15.1.2507.16', 'smtp-received'],
      ],
    ],
    [
      'an exact build repeated without a name on two lines stays two rows (two servers may share a build)',
      '15.1.2176.9\n15.1.2176.9',
      [
        [null, '15.1.2176.9', 'build'],
        [null, '15.1.2176.9', 'build'],
      ],
    ],
  ])('%s', (_why, text, expectedRows) => {
    expect(rows(text)).toEqual(expectedRows);
  });
});

describe('an exact build repeated under one name counts once', () => {
  test.each([
    [
      'HealthChecker and a named ExSetup line',
      `${F.HEALTHCHECKER}\n\nEX01 15.2.1118.9`,
      ['EX01', '15.2.1118.9', 'healthchecker'],
    ],
    [
      'a name-and-build line twice, in other case',
      'EX01 15.1.2176.9\n\nex01 15.1.2176.9',
      ['EX01', '15.1.2176.9', 'build'],
    ],
  ])('%s', (_why, text, row) => {
    const found = check(text);
    expect(found.map((f) => [f.serverName, f.build, f.format])).toEqual([row]);
    expect(found[0]?.readingNotes.at(-1)).toMatch(/^Counted once: .* shows the same build/);
  });
});

describe('thresholds and versions said not to be installed are not server rows', () => {
  test.each([
    [
      'a scanner lists fixed builds next to the server’s own',
      F.SCANNER_FIXED_IN,
      '15.1.2106.2',
      ['reference', 'reference', 'reference'],
    ],
    ['nmap candidate list of CUs next to the 3-part version', F.NMAP_CANDIDATES, '15.1.2176', ['reference']],
    ['nmap threshold "(> 15.2.792)"', F.NMAP_THRESHOLD, '15.2.1118', ['reference']],
    [
      '"or later" after a threshold',
      'Minimum build: 15.2.1118.9 or later\nEX01 15.2.1748.10',
      '15.2.1748.10',
      ['reference'],
    ],
    ['prose: a CU that is missing next to the installed one', F.PROSE_MISSING, '15.1.1779', ['not-installed']],
    [
      'prose: an update still to install',
      'Our server runs 15.1.2176.2. We need to install 15.1.2176.9 soon.',
      '15.1.2176.2',
      ['not-installed'],
    ],
    ['an arrow from the old build to the new one', '15.1.2176.2 -> 15.1.2176.9', '15.1.2176.9', ['not-installed']],
    [
      'upgraded from one CU to another',
      'We upgraded from Exchange 2016 CU19 to Exchange 2016 CU23 last week.',
      '15.1.2507',
      ['not-installed'],
    ],
    [
      'a threshold in its own block: kept on the server mention before it',
      'EX01 15.1.2176.2\n\nThe fix is in 15.1.2176.9',
      '15.1.2176.2',
      ['reference'],
    ],
    [
      'a threshold in its own block first: kept on the one after it',
      'Fixed in 15.1.2176.9\n\nEX01 15.1.2176.2',
      '15.1.2176.2',
      ['reference'],
    ],
  ])('%s', (_why, text, build, reasons) => {
    const found = check(text);
    expect(found.map((f) => f.build)).toEqual([build]);
    expect(found[0]?.superseded.map((s) => s.reason)).toEqual(reasons);
    expect(found[0]?.readingNotes.filter((n) => n.startsWith('Not counted as a server:'))).toHaveLength(reasons.length);
  });

  test.each([
    ['a lone threshold', 'Fixed in 15.1.2176.9', '15.1.2176.9', /quotes 15\.1\.2176\.9 as a threshold or a candidate/],
    [
      'a lone "is missing"',
      'Exchange 2016 CU14 is missing on EX01',
      '15.1.1847',
      /says Exchange Server 2016 CU14 is not installed/,
    ],
    [
      'a lone plan',
      'We plan to install Exchange 2019 CU15 next week.',
      '15.2.1748',
      /says Exchange Server 2019 CU15 is not installed/,
    ],
  ])('%s stays a row that says it came from prose', (_why, text, build, note) => {
    const found = check(text);
    expect(found.map((f) => [f.build, f.fromProse])).toEqual([[build, true]]);
    expect(found[0]?.readingNotes.join(' ')).toMatch(note);
  });
});
