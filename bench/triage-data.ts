/**
 * Synthetic HttpProxy logs for the triage benchmarks: mostly ordinary requests of every protocol
 * (about 1 KB per line, 74 columns as Exchange 2016 writes them) with a few exploit lines. Written
 * from the documented column list; no real log text.
 */
import { HTTPPROXY_FIELDS } from '../src/triage/formats.ts';

const NAMES = HTTPPROXY_FIELDS.map((n) => (n.startsWith('column') ? `Latency${n.slice(6)}` : n));
export const HEADER =
  '#Software: Microsoft Exchange Server\r\n#Version: 15.01.2176.002\r\n#Log-type: HttpProxy Logs\r\n#Date: 2021-03-03T00:00:00.000Z\r\n' +
  `#Fields: ${NAMES.map((n) => n.replace(/^./, (c) => c.toUpperCase())).join(',')}\r\n`;

const at = (name: string) => HTTPPROXY_FIELDS.indexOf(name.toLowerCase());
const PROTOCOLS: readonly [string, string, string, string][] = [
  ['Owa', '/owa/service.svc', 'GetItem', 'POST'],
  ['Owa', '/owa/auth/15.1.2176/themes/resources/favicon.ico', '', 'GET'],
  ['Owa', '/owa/auth/15.1.2176/themes/resources/owafont_en.css', '', 'GET'],
  ['Ews', '/EWS/Exchange.asmx', 'FindItem', 'POST'],
  ['Mapi', '/mapi/emsmdb/', 'Execute', 'POST'],
  ['Mapi', '/mapi/nspi/', 'GetProps', 'POST'],
  ['Eas', '/Microsoft-Server-ActiveSync/default.eas', 'Sync', 'POST'],
  ['Autodiscover', '/autodiscover/autodiscover.xml', '', 'POST'],
  ['Ecp', '/ecp/DDI/DDIService.svc/GetList', 'GetList', 'POST'],
  ['RpcHttp', '/rpc/rpcproxy.dll', '', 'RPC_OUT_DATA'],
  ['Oab', '/OAB/3f2a1c7e-0000-4000-8000-00000000abcd/oab.xml', '', 'GET'],
  ['PowerShell', '/powershell', '', 'POST'],
];
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML  like Gecko) Chrome/88.0.4324.190 Safari/537.36',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)',
  'Apple-iPhone12C1/1805.114',
  'Microsoft WinRM Client',
];

const hex = (n: number, seed: number) => {
  let s = '';
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += '0123456789abcdef'[x >>> 28];
  }
  return s;
};
const guid = (seed: number) =>
  `${hex(8, seed)}-${hex(4, seed + 1)}-4${hex(3, seed + 2)}-8${hex(3, seed + 3)}-${hex(12, seed + 4)}`;
const time = (i: number) => {
  const s = Math.floor(i / 40);
  return `2021-03-03T${String(Math.floor(s / 3600) % 24).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
};

function line(i: number): string {
  const [protocol, stem, action, method] = PROTOCOLS[i % PROTOCOLS.length]!;
  const v = NAMES.map((_, k) => (k >= 29 && k < 65 ? String((i * 7 + k) % 97) : ''));
  v[at('DateTime')] = time(i);
  v[at('RequestId')] = guid(i);
  v[at('MajorVersion')] = '15';
  v[at('MinorVersion')] = '1';
  v[at('BuildVersion')] = '2176';
  v[at('RevisionVersion')] = '2';
  v[at('ClientRequestId')] = guid(i + 7);
  v[at('Protocol')] = protocol;
  v[at('UrlHost')] = 'mail.contoso.example';
  v[at('UrlStem')] = stem;
  v[at('ProtocolAction')] = action;
  v[at('AuthenticationType')] = 'Negotiate';
  v[at('IsAuthenticated')] = 'true';
  v[at('AuthenticatedUser')] = `CONTOSO\\user${i % 300}`;
  v[at('AnchorMailbox')] = `Sid~S-1-5-21-1004336348-1177238915-682003330-${1100 + (i % 300)}`;
  v[at('UserAgent')] = UAS[i % UAS.length]!;
  v[at('ClientIpAddress')] = `10.0.${i % 7}.${i % 250}`;
  v[at('ServerHostName')] = 'EX01';
  v[at('HttpStatus')] = '200';
  v[at('BackEndStatus')] = '200';
  v[at('Method')] = method;
  v[at('ProxyAction')] = 'Proxy';
  v[at('TargetServer')] = 'ex01.contoso.local';
  v[at('TargetServerVersion')] = 'Version 15.1 (Build 2176.2)';
  v[at('RoutingType')] = 'Database';
  v[at('RoutingHint')] = `DatabaseGuid~${guid(i % 5)}`;
  v[at('UrlQuery')] = `?action=${action || 'none'}&app=Mail&n=${i % 100}`;
  v[at('GenericInfo')] = `;OnBeginRequest=0;BeginRequest=${i % 50};CorrelationID=${guid(i + 3)};ProxyState-Run=None;`;
  return v.join(',') + '\r\n';
}

/** Exploit lines, written from the documented shapes (documentation IP ranges). */
export const EXPLOITS: readonly string[] = [
  (() => {
    const v = line(1).split(',');
    v[at('UrlStem')] = '/ecp/y.js';
    v[at('AuthenticatedUser')] = '';
    v[at('AnchorMailbox')] =
      'ServerInfo~a]@EX01.contoso.local:444/ecp/DDI/DDIService.svc/GetList?schema=VirtualDirectory#~1941962753';
    v[at('UserAgent')] = 'python-requests/2.25.1';
    v[at('ClientIpAddress')] = '198.51.100.7';
    v[at('Method')] = 'POST';
    v[at('RoutingHint')] = 'X-BEResource-Cookie';
    return v.join(',');
  })(),
  (() => {
    const v = line(2).split(',');
    v[at('UrlStem')] = '/owa/mastermailbox%40outlook.com/powershell';
    v[at('UserAgent')] = 'python-requests/2.28.1';
    v[at('ClientIpAddress')] = '203.0.113.50';
    v[at('Method')] = 'POST';
    return v.join(',');
  })(),
];

/** Text of about `bytes` bytes: header, benign lines, and an exploit line every `every` lines. */
export function httpProxyText(bytes: number, every = 100_000): string {
  const parts: string[] = [HEADER];
  let size = HEADER.length;
  for (let i = 0; size < bytes; i++) {
    const l = i > 0 && i % every === 0 ? EXPLOITS[(i / every) % EXPLOITS.length]! : line(i);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
}

/** A pool of pre-built benign lines, for generating big inputs quickly. */
export function linePool(count: number): string[] {
  return Array.from({ length: count }, (_, i) => line(i));
}
