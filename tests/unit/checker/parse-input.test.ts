/** Parser (parse-input.ts): every supported format, server names, mail dates and mentions, with the reason each row exists. */
import { describe, expect, test } from 'vitest';
import { analyse, checkText, MAX_INPUT_CHARS } from '../../../src/checker/index.ts';
import { formatBuild } from '../../../src/checker/compare-builds.ts';
import { findVersions } from '../../../src/checker/parse-input.ts';
import * as F from './fixtures.ts';

const pick = (text: string) =>
  checkText(text).map((f) => ({
    build: f.build,
    product: f.product,
    cu: f.cu,
    update: f.update,
    format: f.format,
    server: f.serverName,
    shows: f.showsUpdateLevel,
  }));

describe('formats', () => {
  test.each([
    [
      'plain 4-part build',
      '15.1.2176.9',
      {
        build: '15.1.2176.9',
        product: 'Exchange Server 2016',
        cu: 'CU19',
        update: 'Mar21SU',
        format: 'build',
        shows: true,
      },
    ],
    [
      'long form with leading zeros (ExSetup style)',
      '15.01.2176.009',
      { build: '15.1.2176.9', cu: 'CU19', update: 'Mar21SU', format: 'build-long' },
    ],
    [
      '3-part build: no update level',
      '15.1.2176',
      { build: '15.1.2176', cu: 'CU19', update: null, format: 'build-3part', shows: false },
    ],
    [
      'X-OWA-Version header',
      F.OWA_HEADERS,
      {
        build: '15.2.792.10',
        product: 'Exchange Server 2019',
        cu: 'CU8',
        update: 'Mar21SU',
        format: 'owa-header',
        shows: true,
      },
    ],
    [
      'ECP path with 4 parts: treated as CU only',
      F.ECP_PATH,
      { build: '15.1.2507.6', cu: 'CU23', update: null, format: 'ecp-path', shows: false },
    ],
    [
      'product name: CU only',
      'We run Exchange 2016 CU19 on two boxes',
      { build: '15.1.2176', cu: 'CU19', update: null, format: 'product-name', shows: false },
    ],
    [
      'product name with SU',
      'Exchange Server 2019 CU12 Nov22SU',
      { build: '15.2.1118.20', cu: 'CU12', update: 'Nov22SU', format: 'product-name', shows: true },
    ],
    [
      'product name SE RTM',
      'Exchange SE RTM',
      { build: '15.2.2562', product: 'Exchange Server SE', cu: 'RTM', update: null, format: 'product-name' },
    ],
    [
      'product name 2010 rollup',
      'Exchange 2010 SP3 RU31',
      {
        build: '14.3.509.0',
        product: 'Exchange Server 2010',
        cu: 'SP3 RU31',
        update: null,
        format: 'product-name',
        shows: true,
      },
    ],
    ['2013 CU4 is SP1 (CSS-Exchange naming)', 'Exchange 2013 CU4', { product: 'Exchange Server 2013', cu: 'SP1' }],
    [
      'Exchange Online build',
      '15.20.4242.30',
      { build: '15.20.4242.30', product: null, cu: null, format: 'exchange-online' },
    ],
    ['SE build by number (15.2 >= 2562)', '15.2.2562.17', { product: 'Exchange Server SE', cu: 'RTM', update: null }],
    ['2019 just below SE', '15.2.1748.10', { product: 'Exchange Server 2019', cu: 'CU15' }],
    ['2010 RU32', '14.3.513.0', { product: 'Exchange Server 2010', cu: 'SP3 RU32', update: null }],
    ['2013 SP1 Mar21SU', '15.0.847.64', { product: 'Exchange Server 2013', cu: 'SP1', update: 'Mar21SU' }],
    ['2016 Preview and RTM share 15.1.225', '15.1.225.42', { cu: 'RTM' }],
    ['v-prefixed build', 'v15.2.1118.20', { build: '15.2.1118.20' }],
  ])('%s', (_why, text, expected) => {
    const found = pick(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  test('ExSetup table: one finding per line, not one per column', () => {
    expect(pick(F.EXSETUP_TABLE)).toEqual([
      {
        build: '15.1.2176.9',
        product: 'Exchange Server 2016',
        cu: 'CU19',
        update: 'Mar21SU',
        format: 'exsetup',
        server: null,
        shows: true,
      },
    ]);
  });

  test('ExSetup table from Invoke-Command keeps PSComputerName', () => {
    expect(pick(F.EXSETUP_TABLE_REMOTE).map((f) => [f.server, f.build, f.update, f.format])).toEqual([
      ['EX01', '15.2.1118.9', 'May22SU', 'exsetup'],
      ['EX02', '15.2.1748.37', 'Sep25HU', 'exsetup'],
    ]);
  });

  test('ExSetup list output: ProductVersion and FileVersion are one server', () => {
    expect(pick(F.EXSETUP_LIST).map((f) => [f.server, f.build, f.format])).toEqual([
      ['EX01', '15.2.1118.9', 'exsetup'],
    ]);
  });

  test('Get-ExchangeServer | Format-List: one finding per server, names kept, never shows SUs', () => {
    expect(pick(F.GES_LIST).map((f) => [f.server, f.build, f.cu, f.format, f.shows])).toEqual([
      ['EX01', '15.1.2176.2', 'CU19', 'admin-display-version', false],
      ['EX02', '15.2.1118.7', 'CU12', 'admin-display-version', false],
    ]);
  });

  test('Get-ExchangeServer | Format-Table: names from the Name column', () => {
    expect(pick(F.GES_TABLE).map((f) => [f.server, f.build, f.product, f.cu])).toEqual([
      ['EX01', '15.1.2507.6', 'Exchange Server 2016', 'CU23'],
      ['EX02', '15.2.2562.17', 'Exchange Server SE', 'RTM'],
      ['EX10', '14.3.123.4', 'Exchange Server 2010', 'SP3'],
    ]);
  });

  test('ExchangeVersion (AD object version) is not a build', () => {
    expect(pick(F.GES_FULL).map((f) => f.build)).toEqual(['15.2.1748.10']);
  });

  test('HealthChecker: the Build Number wins over the Version name of the same CU', () => {
    expect(pick(F.HEALTHCHECKER)).toEqual([
      {
        build: '15.2.1118.9',
        product: 'Exchange Server 2019',
        cu: 'CU12',
        update: 'May22SU',
        format: 'healthchecker',
        server: 'EX01',
        shows: true,
      },
    ]);
  });

  test('OWA login page: /owa/auth/<3 parts>/ and /owa/<3 parts>/, no update level', () => {
    expect(pick(F.OWA_HTML).map((f) => [f.build, f.format, f.shows])).toEqual([
      ['15.1.2176', 'owa-path', false],
      ['15.1.2176', 'owa-path', false],
    ]);
  });

  test('Received header: SMTP id with the receiving host as server name; IPs ignored', () => {
    expect(pick(F.RECEIVED)).toEqual([
      {
        build: '15.1.2507.16',
        product: 'Exchange Server 2016',
        cu: 'CU23',
        update: 'Nov22SU',
        format: 'smtp-received',
        server: 'EX02.contoso.local',
        shows: true,
      },
    ]);
  });

  test('Received header from Exchange Online', () => {
    expect(pick(F.RECEIVED_EO).map((f) => [f.build, f.product, f.format])).toEqual([
      ['15.20.5395.21', null, 'exchange-online'],
    ]);
  });

  test('mixed paste: CRLF, tabs, trailing spaces, prose; input order; excerpts; no noise', () => {
    const found = checkText(F.MIXED);
    expect(found.map((f) => [f.build, f.format])).toEqual([
      ['15.1.2176.9', 'build'],
      ['15.1.2308.8', 'build-long'],
      ['15.2.1118', 'owa-path'],
      ['14.3.509.0', 'product-name'],
    ]);
    expect(found[0]?.input).toBe('EX01\t15.1.2176.9');
    for (const f of found) expect(F.MIXED.slice(f.span[0], f.span[1]).length).toBeGreaterThan(0);
    expect(F.MIXED.slice(found[1]!.span[0], found[1]!.span[1])).toBe('15.01.2308.008');
  });
});

describe('not reported', () => {
  test.each([
    ['Windows build', 'OS 10.0.17763.1234'],
    ['Outlook / Office build', 'Outlook 16.0.14326.20404'],
    ['Office 2013 build shares 15.0', 'Office 15.0.4420.1017'],
    ['Office 2010 build shares 14.0', 'Office 14.0.7015.1000'],
    ['.NET version', '.NET 4.0.30319.42000 and 4.8.04084'],
    ['IPv4 address', 'server at 192.168.1.10'],
    ['IP that equals a real build, labelled IP', 'IP: 15.2.221.12'],
    ['IP that equals a real build, with port', 'connect 15.2.221.12:443'],
    ['German date that looks like 15.1.x', 'Termin am 15.1.2021'],
    ['dates', 'on 15.01.2021, 14.03.2021, 2021-03-02'],
    ['random numbers', 'pi is 3.14159, version 1.2.3.4.5.6, 15.1.99999999.1'],
    ['endless dots', '15.15.15.15.15.15.15.15.15'],
    ['Exchange 2007 build', 'Exchange 2007 SP3 is 8.3.83.6'],
    ['a product name without CU proves nothing', 'We run Exchange 2016 and Exchange Server 2019.'],
    ['unknown 3-part CU (no such line)', '15.1.2000'],
  ])('%s', (_why, text) => {
    expect(pick(text)).toEqual([]);
  });
});

describe('analyse() envelope', () => {
  test('empty input', () => {
    expect(analyse('  \n ').status).toBe('empty');
  });
  test('nothing found lists what we look for', () => {
    const r = analyse('hello world');
    expect(r.status).toBe('none-found');
    expect(r.lookedFor?.length).toBeGreaterThan(3);
  });
  test('too large is refused with a message, not thrown', () => {
    const r = analyse('1'.repeat(MAX_INPUT_CHARS + 1));
    expect(r.status).toBe('too-large');
    expect(r.message).toMatch(/at most/);
    expect(r.findings).toEqual([]);
  });
  test('ok with a count', () => {
    expect(analyse('15.1.2176.9 and 15.2.1118.20')).toMatchObject({
      status: 'ok',
      message: 'Found 2 Exchange versions.',
    });
  });
});

describe('server names from the paste around a build', () => {
  const named = (text: string) => findVersions(text).map((f) => [formatBuild(f.build, f.parts), f.serverName]);
  test.each([
    [
      'a mailbox database list: Server names the server, Name the database',
      'Name                : DB01\nServer              : EX01\nAdminDisplayVersion : Version 15.1 (Build 2176.2)',
      [['15.1.2176.2', 'EX01']],
    ],
    [
      'a mailbox database table: the Name column is not a server',
      'Name Server AdminDisplayVersion\n---- ------ -------------------\nDB01 EX01   Version 15.1 (Build 2176.2)',
      [['15.1.2176.2', null]],
    ],
    [
      'a table with the Server column first',
      'Server AdminDisplayVersion\n------ -------------------\nEX03   Version 15.2 (Build 1118.7)',
      [['15.2.1118.7', 'EX03']],
    ],
    [
      'a remote prompt names the output below it, across blank lines',
      '[EX01]: PS C:\\> Get-Command ExSetup.exe | % { $_.FileVersionInfo }\n\nProductVersion   FileVersion      FileName\n--------------   -----------      --------\n15.01.2176.009   15.01.2176.009   C:\\x\\ExSetup.exe',
      [['15.1.2176.9', 'EX01']],
    ],
    [
      'a Name line wins over the prompt',
      '[EX01]: PS C:\\> Get-ExchangeServer EX02 | fl Name,AdminDisplayVersion\nName : EX02\nAdminDisplayVersion : Version 15.1 (Build 2176.2)',
      [['15.1.2176.2', 'EX02']],
    ],
    [
      'an org-wide Get-ExchangeServer: the prompt names none of its rows',
      '[EX01]: PS C:\\> Get-ExchangeServer | ft AdminDisplayVersion\nAdminDisplayVersion\n-------------------\nVersion 15.1 (Build 2176.2)',
      [['15.1.2176.2', null]],
    ],
    [
      'a prompt whose output holds two builds of one format names neither',
      '[EX01]: PS C:\\> type builds.txt\n15.1.2176.9\n15.1.2507.6',
      [
        ['15.1.2176.9', null],
        ['15.1.2507.6', null],
      ],
    ],
    [
      "HealthChecker's Servers Overview, as its HTML report reads (tab-separated): each row names its server",
      'Server Name\tGeneration Time\tExchange Version\tServer Role\nEX01\t11/20/2026 10:00\tExchange 2016 CU23 Jan23SU\tMailbox\nEX02\t11/20/2026 10:00\tExchange 2019 CU12 Mar23SU\tMailbox',
      [
        ['15.1.2507.17', 'EX01'],
        ['15.2.1118.26', 'EX02'],
      ],
    ],
    [
      'a sheet pasted from Excel, the name column not first',
      'Role\tServer\tBuild Number\nMailbox\tex01.contoso.local\t15.1.2176.9\nEdge\tEDGE1\t15.2.1118.9',
      [
        ['15.1.2176.9', 'ex01.contoso.local'],
        ['15.2.1118.9', 'EDGE1'],
      ],
    ],
    [
      'a tab-separated row whose name cell is empty or not a host name names nothing',
      'Server Name\tExchange Version\n\tExchange 2016 CU23 Jan23SU\nExchange 2019\t15.2.1118.9',
      [
        ['15.1.2507.17', null],
        ['15.2.1118.9', null],
      ],
    ],
    [
      'a tab-separated header without a version column is not a table: its rows name nothing',
      'Server Name\tRole\nEX01\tMailbox 15.1.2176.9',
      [['15.1.2176.9', null]],
    ],
    [
      "the table ends at the blank line: a build below it is not the last row's",
      'Server\tBuild Number\nEX01\t15.1.2176.9\n\n15.2.1118.9',
      [
        ['15.1.2176.9', 'EX01'],
        ['15.2.1118.9', null],
      ],
    ],
    [
      'after Exit-PSSession, a host-less prompt names nothing',
      '[PS] C:\\>Enter-PSSession EX02\n[EX02]: PS C:\\> Exit-PSSession\n[PS] C:\\>Get-Command ExSetup.exe | % { $_.FileVersionInfo }\n15.01.2176.009   15.01.2176.009   C:\\x\\ExSetup.exe',
      [['15.1.2176.9', null]],
    ],
  ])('%s', (_why, text, expected) => {
    expect(named(text)).toEqual(expected);
  });
});

describe('Received headers carry the date of the mail', () => {
  const dated = (text: string) => findVersions(text).map((f) => [f.format, f.asOf]);
  test.each([
    ['date after ";", folded over lines', F.RECEIVED, [['smtp-received', '2022-11-08']]],
    [
      'no date on the Received line: the Date header of the block',
      'Received: from a.contoso.local by EX02.contoso.local with Microsoft SMTP Server id 15.1.2176.14\r\nSubject: test\r\nDate: Wed, 17 Mar 2021 09:12:00 +0100',
      [['smtp-received', '2021-03-17']],
    ],
    [
      'its own date wins over the Date header',
      'Date: Wed, 17 Mar 2021 09:12:00 +0100\nReceived: by EX02.contoso.local with Microsoft SMTP Server id 15.1.2176.14; Thu, 18 Mar 2021 01:00:00 +0000',
      [['smtp-received', '2021-03-18']],
    ],
    [
      'a Date header of another block does not count',
      'Received: by EX02.contoso.local with Microsoft SMTP Server id 15.1.2176.14\n\nDate: Wed, 17 Mar 2021 09:12:00 +0100',
      [['smtp-received', null]],
    ],
    ['other formats have no date', 'Date: Wed, 17 Mar 2021 09:12:00 +0100\nEX01 15.1.2176.9', [['build', null]]],
  ])('%s', (_why, text, expected) => {
    expect(dated(text)).toEqual(expected);
  });

  test('the finding says when the header was true', () => {
    const [f] = analyse(F.RECEIVED, { today: '2026-11-27' }).findings;
    expect(f?.asOf).toBe('2022-11-08');
    expect(f?.readingNotes).toEqual([
      'This Received header shows the build on 2022-11-08, when the mail passed through EX02.contoso.local; the server may have been updated since.',
    ]);
  });
});

describe('what the words around a mention say', () => {
  const mentions = (text: string) => findVersions(text).map((f) => [formatBuild(f.build, f.parts), f.mention]);
  test.each([
    ['tool formats', F.EXSETUP_TABLE, [['15.1.2176.9', 'tool']]],
    ['a sentence', 'We run Exchange 2016 CU19 on two boxes', [['15.1.2176', 'prose']]],
    [
      'a scanner threshold and the server’s own version',
      F.NMAP_THRESHOLD,
      [
        ['15.2.1118', 'tool'],
        ['15.2.792', 'reference'],
      ],
    ],
    [
      'the installed CU and a missing one',
      F.PROSE_MISSING,
      [
        ['15.1.1779', 'prose'],
        ['15.1.1847', 'not-installed'],
      ],
    ],
  ])('%s', (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});
