/** Where a paste names a server, and when two names are one server (server-names.ts). */
import { describe, expect, test } from 'vitest';
import { isServerName, nameLine, pairedName, promptLine, serverKeys } from '../../../src/checker/server-names.ts';

describe('isServerName', () => {
  test.each([
    ['short host name', 'EX01', true],
    ['FQDN', 'ex01.contoso.local', true],
    ['hyphenated', 'MBX-2019-01', true],
    ['a label, not a name', 'Version', false],
    ['an update name', 'Mar21SU', false],
    ['a CU', 'CU23', false],
    ['localhost names no particular server', 'localhost', false],
    ['starts with a digit', '1EX', false],
    ['ends with a dot (end of a sentence)', 'EX01.', false],
    ['spaces', 'EX 01', false],
  ])('%s: %s → %s', (_why, text, expected) => {
    expect(isServerName(text)).toBe(expected);
  });
});

describe('nameLine', () => {
  test.each([
    ['Format-List Name', 'Name                : EX01', { name: 'EX01', strong: false }],
    [
      'HealthChecker Name with spaces before',
      '        Name:                          EX01',
      { name: 'EX01', strong: false },
    ],
    [
      'Server names a server even in a mailbox database listing',
      'Server              : EX02',
      { name: 'EX02', strong: true },
    ],
    ['PSComputerName', 'PSComputerName : ex03.contoso.local', { name: 'ex03.contoso.local', strong: true }],
    ['ServerName without space', 'ServerName: EX04', { name: 'EX04', strong: true }],
    ['Identity is weak like Name', 'Identity : EX05', { name: 'EX05', strong: false }],
    ['a name with spaces is no host', 'Name : John Smith', null],
    ['another label', 'Edition : Enterprise', null],
    ['no colon', 'Name EX01', null],
  ])('%s', (_why, line, expected) => {
    expect(nameLine(line)).toEqual(expected);
  });
});

describe('pairedName', () => {
  test.each([
    ['tab', 'EX01\t15.1.2176.9', 'EX01'],
    ['CSV, quoted', '"ex01.contoso.local","15.01.2176.009"', 'ex01.contoso.local'],
    ['build first, pipe', '15.2.1118.7 | EX04', 'EX04'],
    ['a label is not a name', 'Version 15.1.2176.9', null],
    ['prose is not a pair', 'EX01 runs 15.1.2176.9', null],
  ])('%s', (_why, line, expected) => {
    expect(pairedName(line)).toBe(expected);
  });
});

describe('promptLine', () => {
  test.each([
    [
      'remote session prompt',
      '[EX01]: PS C:\\Users\\admin\\Documents> Get-Command ExSetup.exe',
      { host: 'EX01', commandHost: null, session: null, orgWide: false },
    ],
    [
      'remote session prompt with an FQDN and the EMS marker',
      '[ex01.contoso.local]: [PS] C:\\>Get-Command ExSetup.exe',
      { host: 'ex01.contoso.local', commandHost: null, session: null, orgWide: false },
    ],
    [
      'custom prompt naming the host',
      'On EX01-2013 C:\\>Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }',
      { host: 'EX01-2013', commandHost: null, session: null, orgWide: false },
    ],
    [
      'Exchange Management Shell prompt: no host',
      '[PS] C:\\Windows\\system32>Get-Command ExSetup.exe',
      { host: null, commandHost: null, session: null, orgWide: false },
    ],
    ['plain PowerShell prompt', 'PS C:\\> dir', { host: null, commandHost: null, session: null, orgWide: false }],
    [
      'Enter-PSSession opens a session',
      '[PS] C:\\>Enter-PSSession EX02',
      { host: null, commandHost: null, session: 'EX02', orgWide: false },
    ],
    [
      'Enter-PSSession -ComputerName, quoted',
      'PS C:\\> Enter-PSSession -ComputerName "EX02.contoso.local"',
      { host: null, commandHost: null, session: 'EX02.contoso.local', orgWide: false },
    ],
    [
      'Enter-PSSession with a session object names no host',
      'PS C:\\> Enter-PSSession -Session $s',
      { host: null, commandHost: null, session: null, orgWide: false },
    ],
    [
      'Exit-PSSession ends it',
      '[EX02]: PS C:\\> Exit-PSSession',
      { host: 'EX02', commandHost: null, session: '', orgWide: false },
    ],
    [
      'Get-ExchangeServer without identity lists the organisation',
      '[EX01]: PS C:\\> Get-ExchangeServer | fl Name,AdminDisplayVersion',
      { host: 'EX01', commandHost: null, session: null, orgWide: true },
    ],
    [
      'Get-ExchangeServer with an identity names that server',
      '[PS] C:\\>Get-ExchangeServer -Identity EX09 | fl AdminDisplayVersion',
      { host: null, commandHost: 'EX09', session: null, orgWide: false },
    ],
    [
      'Invoke-Command on one computer names it',
      'PS C:\\> Invoke-Command -ComputerName EX07 { Get-Command ExSetup.exe }',
      { host: null, commandHost: 'EX07', session: null, orgWide: false },
    ],
    [
      'Invoke-Command on several computers names none (PSComputerName does)',
      'PS C:\\> Invoke-Command -ComputerName EX07,EX08 { Get-Command ExSetup.exe }',
      { host: null, commandHost: null, session: null, orgWide: false },
    ],
  ])('%s', (_why, line, expected) => {
    expect(promptLine(line)).toEqual(expected);
  });

  test.each([
    ['a log line in brackets is not a prompt', '[Warning]: disk almost full -> cleanup'],
    ['an arrow in prose', 'Version 15.1 -> 15.2'],
    ['a table row', 'ProductVersion   FileVersion      FileName'],
    ['PSComputerName list line', 'PSComputerName : EX01'],
  ])('%s', (_why, line) => {
    expect(promptLine(line)).toBeNull();
  });
});

describe('serverKeys', () => {
  test('case is ignored; a short name is its one FQDN', () => {
    const keys = serverKeys(['EX01', 'ex01.contoso.local', 'Ex01', 'EX02']);
    expect(keys.get('EX01')).toBe('ex01.contoso.local');
    expect(keys.get('Ex01')).toBe('ex01.contoso.local');
    expect(keys.get('ex01.contoso.local')).toBe('ex01.contoso.local');
    expect(keys.get('EX02')).toBe('ex02');
  });
  test('a short name shared by two FQDNs stays itself; the FQDNs stay two servers', () => {
    const keys = serverKeys(['EX01', 'ex01.contoso.local', 'ex01.fabrikam.local']);
    expect(keys.get('EX01')).toBe('ex01');
    expect(keys.get('ex01.contoso.local')).not.toBe(keys.get('ex01.fabrikam.local'));
  });
});
