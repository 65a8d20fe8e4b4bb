/** Format detection: content first, name second, several shapes per format. */
import { describe, expect, test } from 'vitest';
import { detect } from '../../../src/triage/detect.ts';
import type { FileKind } from '../../../src/triage/types.ts';
import {
  ECP_HEADER,
  HP_FIELDS,
  OAB_HEADER,
  RANDOM_HASH,
  TPL_26855,
  bytesOf,
  dirS,
  ecp,
  ecpLog,
  eventViewerCsv,
  formatList,
  gci,
  getFileHashList,
  getFileHashTable,
  hp,
  httpProxyLog,
  iis,
  iisFieldsLine,
  iisLog,
  oab,
  rps,
  rpsLog,
  sha256sum,
  wevtutilText,
  winEventCsv,
} from './fixtures.ts';
import { HTTPPROXY_FIELDS } from '../../../src/triage/formats.ts';

const kindOf = (name: string, text: string | Uint8Array) => {
  const bytes = typeof text === 'string' ? bytesOf(text) : text;
  return detect(name, bytes.subarray(0, 64), typeof text === 'string' ? text : '', bytes.subarray(0, 8192).includes(0))
    .kind;
};
const ev = {
  level: 'Error',
  time: '3/3/2021 1:23:45 AM',
  source: 'MSExchange Unified Messaging',
  id: '1',
  message: 'x',
};
const hp74 = () => {
  const names = HTTPPROXY_FIELDS;
  const v = names.map(() => '');
  v[0] = '2021-03-03T02:00:01.000Z';
  v[1] = '6b0e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
  v[2] = '15';
  v[3] = '1';
  return v.join(',');
};

describe('detect', () => {
  test.each<[string, string, string | Uint8Array, FileKind]>([
    ['HttpProxy with #Fields', 'any.log', httpProxyLog([hp()]), 'httpproxy'],
    ['HttpProxy with a bare header only', 'any.log', httpProxyLog([hp()], 'bare'), 'httpproxy'],
    ['HttpProxy with a bare header before #Software', 'any.log', httpProxyLog([hp()], 'bare-then-fields'), 'httpproxy'],
    ['HttpProxy without any header (74 columns)', 'any.log', `${hp74()}\r\n`, 'httpproxy'],
    ['HttpProxy headerless, named only', 'HttpProxy_2021030302-1.LOG', 'garbled first line\r\n', 'httpproxy'],
    ['IIS with #Software', 'x.log', iisLog([iis()]), 'iis'],
    [
      'IIS with #Fields only, reordered',
      'x.log',
      `${iisFieldsLine(['time', 'date', 'c-ip', 'cs-uri-stem', 'cs-method', 'sc-status'])}\n02:00:00 2021-03-03 10.0.0.1 /owa/ GET 200\n`,
      'iis',
    ],
    ['IIS without directives', 'x.log', `${iis()}\n`, 'iis'],
    ['IIS named only', 'u_ex210303.log', '??\n', 'iis'],
    ['ECP server log', 'x.log', ecpLog([ecp('Get-Mailbox')]), 'ecp-server'],
    ['ECP server log without header', 'x.log', `${ecp('Get-Mailbox')}\r\n`, 'ecp-server'],
    ['ECP header fields only', 'x.log', `${ECP_HEADER[4]}\r\n${ecp('Get-Mailbox')}\r\n`, 'ecp-server'],
    ['OAB generator log', 'x.log', [...OAB_HEADER, oab('Begin')].join('\r\n'), 'oab-generator'],
    [
      'OAB generator, headerless, by its message',
      'x.log',
      oab("Download failed and temporary file 'C:\\x' needs to be removed."),
      'oab-generator',
    ],
    ['Rps_Http log', 'x.log', rpsLog([rps({})]), 'rps-http'],
    ['Rps_Http headerless, by name', 'Rps_Http_2022122010-1.LOG', `${rps({})}\r\n`, 'rps-http'],
    ['Event Viewer CSV', 'app.csv', eventViewerCsv([ev]), 'event-log'],
    [
      'Event Viewer tab-separated text',
      'app.txt',
      'Level\tDate and Time\tSource\tEvent ID\tTask Category\r\nError\t3/3/2021 1:23:45 AM\tMSExchange Unified Messaging\t1\t(1)\t"x"\r\n',
      'event-log',
    ],
    [
      'Get-WinEvent | Export-Csv',
      'app.csv',
      winEventCsv([{ message: 'x', id: '1', provider: 'p', time: 't', level: 'Error' }]),
      'event-log',
    ],
    [
      'Get-EventLog | Export-Csv',
      'app.csv',
      '#TYPE System.Diagnostics.EventLogEntry#Application/MSExchange Unified Messaging/1\r\n"EventID","MachineName","Message","Source"\r\n"1","EX01","x","y"\r\n',
      'event-log',
    ],
    [
      'Format-List',
      'app.txt',
      formatList([{ time: '3/3/2021 1:00:00 AM', provider: 'p', id: '1', message: 'm' }]),
      'event-log',
    ],
    [
      'wevtutil text',
      'app.txt',
      wevtutilText([{ time: '2021-03-03T01:00:00.000', source: 's', id: '1', level: 'Error', message: 'm' }]),
      'event-log',
    ],
    ['Get-ChildItem', 'files.txt', gci([{ dir: 'C:\\inetpub', files: [['a.htm', '1']] }]), 'file-listing'],
    ['dir /s', 'files.txt', dirS([{ dir: 'C:\\inetpub', files: ['a.htm'] }]), 'file-listing'],
    ['dir /s /b', 'files.txt', 'C:\\inetpub\\wwwroot\r\nC:\\inetpub\\wwwroot\\a.htm\r\n', 'file-listing'],
    [
      'find on a mounted disk',
      'files.txt',
      '/mnt/c/inetpub/wwwroot/a.htm\n/mnt/c/inetpub/wwwroot/b.htm\n',
      'file-listing',
    ],
    [
      'Get-ChildItem | Export-Csv',
      'files.csv',
      '"PSPath","FullName","Length"\r\n"x","C:\\a.txt","1"\r\n',
      'file-listing',
    ],
    ['Get-FileHash table', 'h.txt', getFileHashTable([[RANDOM_HASH, 'C:\\a']]), 'file-hashes'],
    ['Get-FileHash list', 'h.txt', getFileHashList([[RANDOM_HASH, 'C:\\a']]), 'file-hashes'],
    [
      'Get-FileHash | Export-Csv',
      'h.csv',
      `"Algorithm","Hash","Path"\r\n"SHA256","${RANDOM_HASH}","C:\\a"\r\n`,
      'file-hashes',
    ],
    [
      'sha256sum',
      'h.txt',
      sha256sum([
        [RANDOM_HASH, 'a'],
        [RANDOM_HASH, 'b'],
      ]),
      'file-hashes',
    ],
    ['Test-ProxyLogon 26855 by name', 'EX01-Cve-2021-26855.csv', TPL_26855([]), 'test-proxylogon'],
    ['Test-ProxyLogon 26855 by its columns', 'renamed.csv', TPL_26855([]), 'test-proxylogon'],
    [
      'Test-ProxyLogon other by its columns',
      'renamed.csv',
      '"ComputerName","Type","Path","Name","LastWrite"\r\n',
      'test-proxylogon',
    ],
    ['Test-ProxyLogon log age by name', 'EX01-LogAgeDays.csv', '"Oabgen"\r\n', 'test-proxylogon'],
    ['an .aspx page', 'x.aspx', 'hello', 'file-content'],
    ['a page saved under another name', 'x.txt', '<%@ Page Language="C#" %>', 'file-content'],
    ['a config dump', 'x.dat', '<?xml version="1.0"?>\r\n<configuration>', 'file-content'],
    ['a PST saved as page', 'x.bin', new Uint8Array([0x21, 0x42, 0x44, 0x4e, 0, 0, 0]), 'file-content'],
    ['a DER request saved as page', 'x.bin', new Uint8Array([0x30, 0x82, 0, 0, 0]), 'file-content'],
    [
      'a log line quoting a script is not a page',
      'x.txt',
      "S:CMD=Set-OabVirtualDirectory.ExternalUrl='<script>'",
      'unknown',
    ],
    ['prose', 'notes.txt', 'We rebuilt the server on Friday.\r\n', 'unknown'],
    ['blank lines', 'x.txt', '\r\n\r\n', 'unknown'],
  ])('%s', (_, name, text, want) => {
    expect(kindOf(name, text)).toBe(want);
  });
  test('column names are matched whatever their case and quotes', () => {
    expect(kindOf('x.csv', `"${HP_FIELDS.join('","').toUpperCase()}"\r\n`)).toBe('httpproxy');
  });
  test('binary files say what they are and stop', () => {
    const d = detect('Application.evtx', bytesOf('ElfFile\0'), '', true);
    expect(d.stop).toBe(true);
    expect(d.notes[0]).toMatch(/Save All Events As/);
  });
});
