/**
 * Every detection rule, as data. A rule says which kinds of file it reads, which ASCII strings a
 * line must contain before it is even decoded (`needles`), the condition proper (`match`), what
 * raises its level (`escalate`), and where it comes from (`source`, with author and licence).
 *
 * Fields a condition can read (all strings, empty when absent): `line` (the whole line), `time`,
 * `ip`, `method`, `uri` (stem + `?` + query, as Sigma's `cs-uri-query` means it), `stem`, `query`,
 * `status`, `ua`, `user`, `anchor` (AnchorMailbox), `cookie` (BackEndCookie), `host`, `server`,
 * `port`, `clientinfo`, `command`, `provider`, `eventId`, `message`, `path`, `name`, `hash`,
 * `tplFile`, `type`. See README.md for how to add a rule.
 */
import type { Cond } from './conditions.ts';
import {
  CERT_LV_KEYWORDS,
  ECP_AUTH_STANDARD,
  EXCHANGE_OWN_CLIENTS,
  HAFNIUM_BOT_UAS,
  HAFNIUM_TOOL_UAS,
  MSTIC_FEED_PATHS,
  MSTIC_FEED_SHA256,
  MS_BLOG_WEBSHELL_SHA256,
  OWASSRF_POC_UA,
  OWA_AUTH_STANDARD_ASPX,
  VOLEXITY_IPS,
  VOLEXITY_WEBSHELL_SHA256,
  WEBSHELL_CLIENT_UAS,
  WEBSHELL_QUERY_KEYWORDS,
  normaliseUa,
} from './indicators.ts';
import { SOURCES } from './sources.ts';
import type { Family, FileKind, Level, RuleSource } from './types.ts';

export interface Rule {
  id: string;
  /** Short human name. */
  title: string;
  family: Family;
  /** Level when the rule matches (before `escalate`). */
  level: Level;
  cves: readonly string[];
  /** What a match means, in plain words. `{field}` is replaced by the line's value. */
  description: string;
  source: RuleSource;
  /** Set when only a quoted copy of the original source was read. */
  secondary?: true;
  kinds: readonly FileKind[];
  /** Prefilter: each group needs one of its strings in the line (ASCII, any case). `[]`: every line. */
  needles: readonly (readonly string[])[];
  /** The condition proper. Absent: the needles are the whole rule. */
  match?: Cond;
  /** A stronger level when this holds as well, and why. */
  escalate?: { when: Cond; level: Level; note: string };
  /** Said when `escalate` exists but did not hold. */
  otherwise?: string;
  /** Dropped when one of these rules matched the same line (it tells the same story better). */
  supersededBy?: readonly string[];
  /**
   * A file-wide rule (web-shell content): each needle group may be met on any line; the file must
   * be at most `maxBytes` and start with `magic` when given. Reported at the first decisive line.
   */
  file?: { maxBytes?: number; magic?: readonly number[] };
}

// Kinds ----------------------------------------------------------------------------------------
/** Request logs with method, URL, status and user agent. */
const REQ: readonly FileKind[] = ['httpproxy', 'iis'];
/** Every log-like text: rules written as whole-line patterns apply to all of them. */
const LOGS: readonly FileKind[] = [
  'httpproxy',
  'ecp-server',
  'oab-generator',
  'rps-http',
  'iis',
  'event-log',
  'unknown',
];
/** IIS lines written as whole-line patterns (they assume IIS's default field order), and grep output. */
const IIS_TEXT: readonly FileKind[] = ['iis', 'unknown'];
/** Where a Set-…VirtualDirectory command is written out: ECP server logs, exported management events. */
const ECP_TEXT: readonly FileKind[] = ['ecp-server', 'event-log', 'unknown'];
/** Where cmdlets are written with their parameters: the MSExchange Management event log. */
const CMDLETS: readonly FileKind[] = ['event-log', 'unknown'];
const PATHS: readonly FileKind[] = ['file-listing', 'file-hashes', 'test-proxylogon', 'unknown'];
const HASHES: readonly FileKind[] = ['file-hashes', 'file-listing', 'unknown'];
/** Suspect files; unknown text too, since a shell saved under another name is still a shell. */
const CONTENT: readonly FileKind[] = ['file-content', 'unknown'];

// Condition helpers ----------------------------------------------------------------------------
const S200: Cond = { f: 'status', is: '200' };
const POST: Cond = { f: 'method', is: 'POST' };
const ANSWERED_200 = 'The server answered 200: the request got through, so treat the server as compromised.';
const ANSWERED_OTHER = 'The server answered {status}: nothing on this line shows that it worked.';
const uaHas = (uas: readonly string[]): Cond => ({ f: 'ua', has: uas.map(normaliseUa) });
const notOwnClient: Cond = { not: { f: 'ua', is: EXCHANGE_OWN_CLIENTS } };

const hexAround = /[0-9a-f]/i;
/** The line holds one of these SHA-256 values as a whole token (not inside a longer hex run). */
function holdsHash(hashes: readonly string[]): Cond {
  const set = hashes.map((h) => h.toLowerCase());
  return {
    f: 'line',
    name: 'whole SHA-256 token',
    check: (line) => {
      const l = line.toLowerCase();
      return set.some((h) => {
        for (let i = l.indexOf(h); i >= 0; i = l.indexOf(h, i + 1)) {
          if (!hexAround.test(l[i - 1] ?? '') && !hexAround.test(l[i + h.length] ?? '')) return true;
        }
        return false;
      });
    },
  };
}

/** Tail of a Windows path from a well-known folder on, so C:, D: and custom install roots compare. */
export function pathTail(path: string): string {
  const p = path.toLowerCase().replace(/\//g, '\\');
  for (const marker of ['\\frontend\\httpproxy\\', '\\inetpub\\', '\\users\\']) {
    const i = p.indexOf(marker);
    if (i >= 0) return p.slice(i);
  }
  return p;
}
const MSTIC_TAILS = new Set(MSTIC_FEED_PATHS.map(pathTail));

const OWA_AUTH_DIRECT = /\\frontend\\httpproxy\\owa\\auth\\[^\\]+$/i;
const ECP_AUTH_DIRECT = /\\frontend\\httpproxy\\ecp\\auth\\[^\\]+$/i;
const OWA_AUTH_VERSION = /\\frontend\\httpproxy\\owa\\auth\\[0-9.]{6,12}\\/i;
const fileName = (path: string) => path.slice(path.lastIndexOf('\\') + 1).toLowerCase();
const MSTIC_NAME_NEEDLES = [
  ...new Set(MSTIC_FEED_PATHS.map((p) => (fileName(p).endsWith('.aspx') ? '.aspx' : fileName(p)))),
];

/** A URL path where Microsoft and Volexity found dropped web shells (no standard page of that name). */
export function isDropPathUrl(stem: string): boolean {
  const s = stem.toLowerCase();
  if (!s.endsWith('.aspx')) return false;
  if (s.includes('/aspnet_client/')) return true;
  const owa = /^\/owa\/auth\/(.+)$/.exec(s);
  if (owa) {
    const rest = owa[1]!;
    if (!rest.includes('/')) return !OWA_AUTH_STANDARD_ASPX.includes(rest);
    return rest.startsWith('current/') || /^[0-9.]{6,12}\//.test(rest);
  }
  const ecp = /^\/ecp\/auth\/([^/]+)$/.exec(s);
  return ecp ? !ECP_AUTH_STANDARD.includes(ecp[1]!) : false;
}

/** Private, loopback and link-local IPv4 (RFC 1918, 127/8, 169.254/16) and IPv6 ::1 / fc00::/7 / fe80::/10. */
export function isPrivateIp(ip: string): boolean {
  const v = ip.trim().toLowerCase();
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(v);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    return (
      a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  return v === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(v) || /^fe[89ab][0-9a-f]?:/.test(v);
}

/**
 * Test-ProxyLogon's CVE-2021-27065 regex, `Set-.+VirtualDirectory.+?(?=Url).+<\w+.*>(.*?)<\/\w+>.+?(?=VirtualDirectory)`,
 * rewritten as leftmost steps (each step only needs room after the previous one, so the leftmost
 * choice is always the best): linear, where the regex backtracks polynomially.
 */
export function tplEcpVdirScript(line: string): boolean {
  const l = line.toLowerCase();
  let i = l.indexOf('set-');
  if (i < 0) return false;
  i = l.indexOf('virtualdirectory', i + 5);
  if (i < 0) return false;
  i = l.indexOf('url', i + 17);
  if (i < 0) return false;
  const open = /<\w/g;
  open.lastIndex = i + 1;
  const o = open.exec(l);
  if (!o) return false;
  const gt = l.indexOf('>', o.index + 2);
  if (gt < 0) return false;
  const close = /<\/\w+>/g;
  close.lastIndex = gt + 1;
  const c = close.exec(l);
  if (!c) return false;
  return l.indexOf('virtualdirectory', c.index + c[0].length + 1) >= 0;
}

/** The looser form advised for trimmed log copies: Set-…VirtualDirectory, then …Url…, then an HTML tag. */
export function ecpVdirWithTag(line: string): boolean {
  const l = line.toLowerCase();
  const s = l.indexOf('set-');
  if (s < 0) return false;
  const v = l.indexOf('virtualdirectory', s + 4);
  if (v < 0) return false;
  const u = l.indexOf('url', v + 16);
  if (u < 0) return false;
  return /<[a-z!/]/.test(l.slice(u));
}

const OAB_DOWNLOAD = /Download failed and temporary file\s+'?([^']{1,600}?)'?\s+needs to be removed/i;
/** The path in an OAB generator "Download failed and temporary file … needs to be removed" line. */
export function oabDownloadPath(line: string): string | null {
  return OAB_DOWNLOAD.exec(line)?.[1] ?? null;
}
const outsideOab = (path: string) => !path.toLowerCase().replace(/\//g, '\\').includes('\\clientaccess\\oab\\');

/**
 * Whole-line patterns of the form A[^\n]{m,n}B… (signature-base) checked without backtracking: each
 * step is a set of literal alternatives, each gap a [min, max] count of characters in between.
 */
export type SeqStep = readonly string[] | readonly [number, number];
export function seq(line: string, steps: readonly SeqStep[]): boolean {
  const l = line.toLowerCase();
  let ends: number[] | null = null; // where the previous literal ended (exclusive), ascending
  let gap: readonly [number, number] = [0, Infinity];
  for (const step of steps) {
    if (typeof step[0] === 'number') {
      gap = step as readonly [number, number];
      continue;
    }
    const found: [number, number][] = [];
    for (const alt of step as readonly string[]) {
      const a = alt.toLowerCase();
      for (let i = l.indexOf(a); i >= 0; i = l.indexOf(a, i + 1)) found.push([i, i + a.length]);
    }
    found.sort((x, y) => x[0] - y[0]);
    const next: number[] = [];
    let k = 0;
    for (const [start, end] of found) {
      if (ends === null) {
        next.push(end);
        continue;
      }
      // the smallest previous end that is not too far back; it fits if it is not too close
      while (k < ends.length && ends[k]! < start - gap[1]) k++;
      if (k < ends.length && ends[k]! <= start - gap[0]) next.push(end);
    }
    if (next.length === 0) return false;
    ends = next.sort((x, y) => x - y);
    gap = [0, Infinity];
  }
  return true;
}
const seqCond = (name: string, steps: readonly SeqStep[]): Cond => ({
  f: 'line',
  name,
  check: (line) => seq(line, steps),
});

// The rules ----------------------------------------------------------------------------------------

export const RULES: readonly Rule[] = [
  // ---------------------------------------------------------------- ProxyLogon: Test-ProxyLogon
  {
    id: 'tpl-cve-2021-26855',
    title: 'ProxyLogon request forged through the front end (CVE-2021-26855)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'The AnchorMailbox value “{anchor}” is the ProxyLogon trick: it told the front end to forward the request, without a login, to a path on the back-end server. Test-ProxyLogon reports exactly these lines.',
    source: SOURCES.tpl,
    kinds: ['httpproxy', 'test-proxylogon'],
    needles: [['serverinfo~']],
    match: {
      all: [
        { f: 'anchor', like: 'ServerInfo~*/*' },
        { not: { f: 'anchor', like: 'ServerInfo~*/autodiscover*' } },
        { not: { f: 'anchor', like: 'ServerInfo~localhost*/*' } },
      ],
    },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
  },
  {
    id: 'tpl-cve-2021-26855-autodiscover',
    title: 'ProxyLogon probe that stopped at autodiscover (CVE-2021-26855)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'The AnchorMailbox value “{anchor}” forged a back-end request, but only to autodiscover. Test-ProxyLogon stopped reporting these in March 2021 because they mean the attacker had not found a valid e-mail address yet: an attempt, not a success.',
    source: SOURCES.tplHistory,
    kinds: ['httpproxy', 'test-proxylogon'],
    needles: [['serverinfo~'], ['autodiscover']],
    match: { f: 'anchor', like: 'ServerInfo~*/autodiscover*' },
  },
  {
    id: 'tpl-cve-2021-27065-resetvdir',
    title: 'Virtual directory reset through a forged request (CVE-2021-27065)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-27065'],
    description:
      'A forged back-end request (“{anchor}”) reset a virtual directory and the server answered 200. Resetting the OAB virtual directory is how the March 2021 attackers wrote their web shell to disk.',
    source: SOURCES.tpl,
    kinds: ['httpproxy', 'test-proxylogon'],
    needles: [['serverinfo~'], ['virtualdirectory']],
    match: { all: [{ f: 'anchor', like: 'ServerInfo~*/*Reset*VirtualDirectory#' }, S200] },
  },
  {
    id: 'msblog-backendcookie',
    title: 'Forged back-end cookie (CVE-2021-26855, Microsoft blog variant)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'The BackEndCookie value “{cookie}” names a back-end path: Microsoft’s updated HAFNIUM blog query looks for this second form of the ProxyLogon request. Test-ProxyLogon never checked it.',
    source: SOURCES.msBlog,
    secondary: true,
    kinds: ['httpproxy'],
    needles: [['server~']],
    match: { f: 'cookie', like: 'Server~*/*~*' },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
  },
  {
    id: 'sigbase-hafnium-serverinfo-path',
    title: 'ProxyLogon request to a known exploit path',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'The line holds a forged ServerInfo~ routing value and one of the static files the March 2021 exploits posted to (/ecp/y.js, /ecp/main.css, /ecp/default.flt, /owa/auth/x.js …).',
    source: SOURCES.sbHafniumTraces,
    kinds: ['httpproxy', 'unknown'],
    needles: [['serverinfo~'], ['/ecp/', '/owa/auth/']],
    match: {
      all: [
        { f: 'line', has: 'ServerInfo~' },
        {
          any: [
            {
              f: 'line',
              has: [
                '/ecp/auth/w.js',
                '/owa/auth/w.js',
                '/owa/auth/x.js',
                '/ecp/main.css',
                '/ecp/default.flt',
                '/owa/auth/Current/themes/resources/logon.css',
              ],
            },
            { f: 'line', re: /\/ecp\/[0-9a-zA-Z]{1,3}\.js/ },
          ],
        },
      ],
    },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    supersededBy: ['tpl-cve-2021-26855', 'tpl-cve-2021-26855-autodiscover', 'tpl-cve-2021-27065-resetvdir'],
  },
  // ---------------------------------------------------------------- ProxyLogon: web server logs
  {
    id: 'sigma-hafnium-post-static',
    title: 'POST to an OWA/ECP static file (ProxyLogon)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'A POST to “{uri}”. These are static files nobody posts to; the March 2021 exploits posted to them to reach the back end.',
    source: SOURCES.sigmaHafnium,
    kinds: REQ,
    needles: [['/owa/auth/current/', '/ecp/default.flt', '/ecp/main.css'], ['post']],
    match: { all: [POST, { f: 'uri', has: ['/owa/auth/Current/', '/ecp/default.flt', '/ecp/main.css'] }] },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
    supersededBy: ['sigma-hafnium-bot-ua', 'tpl-cve-2021-26855', 'tpl-cve-2021-27065-resetvdir'],
  },
  {
    id: 'sigma-hafnium-bot-ua',
    title: 'POST to /owa/auth/Current/ posing as a search-engine bot (ProxyLogon)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'A POST to “{uri}” with the user agent “{ua}”, one of the crawler names Volexity saw the March 2021 attackers use.',
    source: SOURCES.sigmaHafnium,
    kinds: REQ,
    needles: [
      [
        'duckduckbot/1.0',
        'facebookexternalhit/1.1',
        'baiduspider/2.0',
        'bingbot/2.0',
        'googlebot/2.1',
        'exabot-thumbnails',
        'help.yahoo.com/help/us/ysearch/slurp',
        'yandexbot/3.0',
        'chrome/51.0.2704.103',
      ],
      ['post'],
      ['/owa/auth/current/'],
    ],
    match: { all: [POST, { f: 'uri', has: '/owa/auth/Current/' }, uaHas(HAFNIUM_BOT_UAS)] },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
  },
  {
    id: 'sigma-hafnium-tool-ua',
    title: 'POST to /ecp/ from an exploit tool user agent (ProxyLogon)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855', 'CVE-2021-27065'],
    description: 'A POST to “{uri}” from “{ua}”, a user agent of the March 2021 exploit scripts.',
    source: SOURCES.sigmaHafnium,
    kinds: REQ,
    needles: [
      ['exchangeservicesclient/0.0.0.0', 'python-requests/2.19.1', 'python-requests/2.25.1'],
      ['post'],
      ['/ecp/'],
    ],
    match: { all: [POST, { f: 'uri', has: '/ecp/' }, uaHas(HAFNIUM_TOOL_UAS)] },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
  },
  {
    id: 'sigma-hafnium-webshell-ua',
    title: 'POST from a web-shell client user agent',
    family: 'webshell',
    level: 'attempt',
    cves: [],
    description:
      'A POST to “{uri}” from “{ua}”: antSword is a web-shell manager, and the crawler names are the disguises Volexity saw on web-shell traffic.',
    source: SOURCES.sigmaHafnium,
    kinds: REQ,
    needles: [['antsword/v2.1', 'googlebot/2.1', 'baiduspider/2.0'], ['post'], ['/aspnet_client/', '/owa/']],
    match: { all: [POST, { f: 'uri', has: ['/aspnet_client/', '/owa/'] }, uaHas(WEBSHELL_CLIENT_UAS)] },
    escalate: {
      when: S200,
      level: 'compromise',
      note: 'The server answered 200: a page at that address ran, so a web shell is likely on disk.',
    },
    otherwise: ANSWERED_OTHER,
    supersededBy: ['sigma-hafnium-bot-ua'],
  },
  {
    id: 'sigma-hafnium-ecp-js',
    title: 'POST to a .js file under /ecp/ (ProxyLogon)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description: 'A POST to “{uri}”. ProxyLogon exploits posted to made-up script names such as /ecp/y.js.',
    source: SOURCES.sigmaHafnium,
    // In HttpProxy logs the ServerInfo~ checks see these requests; ordinary ECP traffic there would
    // make every /ecp/ line a candidate for nothing.
    kinds: ['iis'],
    needles: [['/ecp/'], ['post'], ['.js']],
    match: { all: [POST, { f: 'uri', hasAll: ['/ecp/', '.js'] }] },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
    supersededBy: ['sigma-hafnium-tool-ua', 'tpl-cve-2021-26855', 'tpl-cve-2021-27065-resetvdir'],
  },
  {
    id: 'sentinel-proxylogon-uri',
    title: 'Request for a made-up script under /owa/auth/ or /ecp/ (ProxyLogon)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26855'],
    description:
      'A request from {ip} for “{stem}”, a file name Exchange does not have; ProxyLogon exploits used such names.',
    source: SOURCES.sentinelProxyLogonUri,
    kinds: ['iis'],
    needles: [
      ['/owa/auth/', '/ecp/'],
      ['.js', '.flt', '.css'],
    ],
    match: {
      all: [
        {
          any: [
            { f: 'stem', re: /\/owa\/auth\/[A-Za-z0-9]{1,30}\.js/ },
            { f: 'stem', re: /\/ecp\/[A-Za-z0-9]{1,30}\.(?:js|flt|css)/ },
          ],
        },
        { f: 'ip', name: 'not a private address', check: (ip) => !isPrivateIp(ip) },
      ],
    },
    escalate: {
      when: { all: [POST, S200] },
      level: 'compromise',
      note: 'It was a POST answered 200: the forged request got through.',
    },
    supersededBy: [
      'sigma-hafnium-post-static',
      'sigma-hafnium-ecp-js',
      'sigma-hafnium-tool-ua',
      'tpl-cve-2021-26855',
      'tpl-cve-2021-27065-resetvdir',
    ],
  },
  {
    id: 'sigma-reset-vdir',
    title: 'Virtual directory reset through the back end (ProxyLogon web-shell write)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-26858', 'CVE-2021-27065'],
    description:
      'A machine account ({user}) posted a Reset…VirtualDirectory to the ECP back end and got 200: this is the step that writes the web shell to disk. Sigma files it under CVE-2021-26858; Test-ProxyLogon calls it CVE-2021-27065.',
    source: SOURCES.sigmaResetVdir,
    kinds: REQ,
    needles: [['schema=reset'], ['virtualdirectory'], ['ddiservice.svc/setobject']],
    match: {
      any: [
        {
          all: [
            POST,
            S200,
            { f: 'stem', is: '/ecp/DDI/DDIService.svc/SetObject' },
            { f: 'query', hasAll: ['schema=Reset', 'VirtualDirectory'] },
            { f: 'user', ends: '$' },
          ],
        },
        {
          f: 'line',
          hasAll: ['POST', '200', '/ecp/DDI/DDIService.svc/SetObject', 'schema=Reset', 'VirtualDirectory', '$'],
        },
      ],
    },
  },
  {
    id: 'sigbase-hafnium-rpc',
    title: 'Odd GET to /rpc/ seen in HAFNIUM intrusions',
    family: 'proxylogon',
    level: 'suspicious',
    cves: [],
    description:
      'A GET to /rpc/ carrying Exchange’s correlation fields, answered with success; signature-base lists this shape among HAFNIUM traces.',
    source: SOURCES.sbHafniumTraces,
    kinds: ['iis', 'unknown'],
    needles: [['get /rpc/ &correlationid=<empty>;&requestid=']],
    match: {
      f: 'line',
      name: 'GET /rpc/ … success',
      check: (l) => seq(l, [['GET /rpc/ &CorrelationID=<empty>;&RequestId='], [40, 600], [' 200 ', ' 301 ', ' 302 ']]),
    },
  },
  {
    id: 'chirp-volexity-ip',
    title: 'Request from an address seen in the March 2021 attacks',
    family: 'proxylogon',
    level: 'suspicious',
    cves: [],
    description:
      'The client address {ip} is one Volexity saw attacking Exchange in March 2021. These were rented servers and VPN exits, so years later the same address may belong to someone else.',
    source: SOURCES.chirp,
    kinds: [...REQ, 'rps-http'],
    needles: [VOLEXITY_IPS],
    match: {
      f: 'ip',
      name: 'one of the listed addresses',
      check: (ip) => ip.split(/[\s,]+/).some((a) => VOLEXITY_IPS.includes(a)),
    },
  },
  // ---------------------------------------------------------------- ProxyLogon: ECP, OAB, event log
  {
    id: 'tpl-cve-2021-27065',
    title: 'Script written into a virtual directory URL (CVE-2021-27065)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-27065'],
    description:
      'A Set-…VirtualDirectory command put an HTML/script tag into a URL property. Microsoft: these properties “should never contain script”. This is how the March 2021 web shells were planted (the URL text ends up in an .aspx file).',
    source: SOURCES.tpl,
    kinds: ECP_TEXT,
    needles: [['virtualdirectory'], ['set-'], ['url'], ['<']],
    match: { f: 'line', name: 'Test-ProxyLogon CVE-2021-27065 pattern', check: tplEcpVdirScript },
  },
  {
    id: 'ecp-vdir-script-loose',
    title: 'Script in a virtual directory URL (CVE-2021-27065, trimmed log)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-27065'],
    description:
      'A Set-…VirtualDirectory command with a URL property followed by an HTML/script tag. Test-ProxyLogon’s own pattern also needs the word VirtualDirectory after the tag, which trimmed copies of the log lack; this looser check catches those.',
    source: SOURCES.tpl,
    kinds: ECP_TEXT,
    needles: [['virtualdirectory'], ['set-'], ['url'], ['<']],
    match: { f: 'line', name: 'Set-…VirtualDirectory … Url … <tag', check: ecpVdirWithTag },
    supersededBy: ['tpl-cve-2021-27065'],
  },
  {
    id: 'sigbase-ecp-set-oab-externalurl',
    title: 'OAB virtual directory ExternalUrl changed through ECP',
    family: 'proxylogon',
    level: 'suspicious',
    cves: ['CVE-2021-27065'],
    description:
      'The ECP log shows Set-OabVirtualDirectory changing ExternalUrl. The March 2021 attackers did this to plant their web shell; an administrator may also do it. Check the value and who did it.',
    source: SOURCES.sbEcpOab,
    kinds: ['ecp-server', 'unknown'],
    needles: [["s:cmd=set-oabvirtualdirectory.externalurl='"]],
    supersededBy: ['tpl-cve-2021-27065', 'ecp-vdir-script-loose'],
  },
  {
    id: 'msblog-set-vdir',
    title: 'A Set-…VirtualDirectory command (review it)',
    family: 'proxylogon',
    level: 'suspicious',
    cves: ['CVE-2021-27065'],
    description:
      'Microsoft’s first March 2021 check listed every Set-…VirtualDirectory in the ECP logs. Routine administration looks the same: check who ran it and that every URL is a plain web address.',
    source: SOURCES.msBlog,
    secondary: true,
    kinds: ['ecp-server'],
    needles: [['virtualdirectory'], ['set-']],
    match: { f: 'line', re: /Set-[A-Za-z]{1,40}VirtualDirectory/i },
    supersededBy: ['tpl-cve-2021-27065', 'ecp-vdir-script-loose', 'sigbase-ecp-set-oab-externalurl'],
  },
  {
    id: 'tpl-cve-2021-26858',
    title: 'OAB generator wrote a file outside its folder (CVE-2021-26858)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-26858'],
    description:
      'The OAB generator downloaded a temporary file to “{path}”. Microsoft: files should only be downloaded to …\\ClientAccess\\OAB\\Temp; anywhere else is the CVE-2021-26858 file write. Check whether that file still exists.',
    source: SOURCES.tpl,
    kinds: ['oab-generator', 'unknown'],
    needles: [['download failed and temporary file']],
    match: { f: 'path', name: 'outside ClientAccess\\OAB', check: (p) => p !== '' && outsideOab(p) },
  },
  {
    id: 'msblog-cve-2021-26858',
    title: 'OAB generator download failure (CVE-2021-26858 check)',
    family: 'proxylogon',
    level: 'suspicious',
    cves: ['CVE-2021-26858'],
    description:
      'A “Download failed and temporary file” line whose path could not be read here. Microsoft’s check lists these lines: the file must be under …\\ClientAccess\\OAB\\Temp, anywhere else means CVE-2021-26858 was used.',
    source: SOURCES.msBlog,
    secondary: true,
    kinds: ['oab-generator', 'unknown'],
    needles: [['download failed and temporary file']],
    match: { f: 'path', is: '' },
  },
  {
    id: 'tpl-cve-2021-26857',
    title: 'Unified Messaging deserialization error (CVE-2021-26857)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26857'],
    description:
      'An error event from MSExchange Unified Messaging with System.InvalidCastException: Test-ProxyLogon’s sign of attempts on CVE-2021-26857. It does not show whether one worked.',
    source: SOURCES.tpl,
    kinds: ['event-log'],
    needles: [['invalidcastexception']],
    match: {
      all: [
        { f: 'line', has: 'System.InvalidCastException' },
        { f: 'provider', has: 'MSExchange Unified Messaging' },
      ],
    },
  },
  {
    id: 'chirp-invalidcastexception',
    title: 'InvalidCastException in the event log (CVE-2021-26857 check)',
    family: 'proxylogon',
    level: 'suspicious',
    cves: ['CVE-2021-26857'],
    description:
      'System.InvalidCastException in an exported event log; CISA’s check for CVE-2021-26857. It only matters if the event comes from MSExchange Unified Messaging, which this line does not show.',
    source: SOURCES.chirp,
    kinds: ['event-log', 'unknown'],
    needles: [['system.invalidcastexception']],
    supersededBy: ['tpl-cve-2021-26857'],
  },
  {
    id: 'sigma-oab-vdir-script',
    title: 'OAB virtual directory set to a script (ProxyLogon web shell)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-27065'],
    description:
      'Set-OabVirtualDirectory -ExternalUrl with a web-shell body (eval(Request…, <script…, "unsafe"): the exact step that planted the March 2021 web shells.',
    source: SOURCES.sigmaOabVdir,
    kinds: ECP_TEXT,
    needles: [['oabvirtualdirectory'], [' -externalurl ']],
    match: {
      all: [
        { f: 'line', hasAll: ['OabVirtualDirectory', ' -ExternalUrl '] },
        { f: 'line', has: ['eval(request', 'http://f/<script', '"unsafe"};', 'function Page_Load()'] },
      ],
    },
    supersededBy: ['tpl-cve-2021-27065'],
  },
  {
    id: 'sigma-set-oab-externalurl-script',
    title: 'OAB ExternalUrl set to a script',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-27065'],
    description:
      'Set-OabVirtualDirectory with ExternalUrl containing a script with Page_Load: a web shell planted through the OAB settings.',
    source: SOURCES.sigmaSetOabExternalUrl,
    kinds: ECP_TEXT,
    needles: [['set-oabvirtualdirectory'], ['externalurl'], ['page_load'], ['script']],
    supersededBy: ['sigma-oab-vdir-script', 'tpl-cve-2021-27065'],
  },
  {
    id: 'chirp-hafnium-post-exploitation',
    title: 'HAFNIUM post-exploitation command',
    family: 'proxylogon',
    level: 'compromise',
    cves: [],
    description:
      'A command Microsoft saw after the March 2021 break-ins: dumping LSASS (passwords) to C:\\windows\\temp, packing data into C:\\ProgramData\\it.zip, or a PowerCat reverse shell.',
    source: SOURCES.chirp,
    kinds: ['event-log', 'unknown', 'file-content', 'file-listing', 'test-proxylogon'],
    needles: [['lsass.exe c:\\windows\\temp\\lsass', 'c:\\programdata\\it.zip', "powercat.ps1'); powercat -c"]],
  },
  // ---------------------------------------------------------------- ProxyShell
  {
    id: 'sigma-proxyshell-attempt',
    title: 'ProxyShell request refused (401)',
    family: 'proxyshell',
    level: 'attempt',
    cves: ['CVE-2021-34473', 'CVE-2021-34523', 'CVE-2021-31207'],
    description:
      'A request to “{uri}”: the autodiscover.json path confusion of ProxyShell. The server answered 401, so this attempt did not get through.',
    source: SOURCES.sigmaProxyShell,
    kinds: REQ,
    needles: [['autodiscover.json', '%3f@foo.com', 'json?@foo.com'], ['401']],
    match: {
      all: [
        { f: 'status', is: '401' },
        {
          any: [
            {
              all: [
                { f: 'uri', has: '/autodiscover.json' },
                { f: 'uri', has: ['/powershell', '/mapi/nspi', '/EWS', 'X-Rps-CAT'] },
              ],
            },
            {
              f: 'uri',
              has: [
                'autodiscover.json?@',
                'autodiscover.json%3f@',
                '%3f@foo.com',
                'Email=autodiscover/autodiscover.json',
                'json?@foo.com',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    id: 'sigma-proxyshell-success',
    title: 'ProxyShell request that got through',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-34473', 'CVE-2021-34523', 'CVE-2021-31207'],
    description:
      'A request to “{uri}” answered {status}: autodiscover.json path confusion reaching PowerShell, MAPI or EWS on the back end, the ProxyShell pattern. (ProxyNotShell in 2022 used the same shape with a stolen login; a user name on the line points to that.)',
    source: SOURCES.sigmaProxyShellSuccess,
    kinds: REQ,
    needles: [['autodiscover.json'], ['/powershell', '/mapi/nspi', '/ews', 'x-rps-cat'], ['200', '301']],
    match: {
      all: [
        { f: 'uri', has: '/autodiscover.json' },
        { f: 'uri', has: ['/powershell', '/mapi/nspi', '/EWS', 'X-Rps-CAT'] },
        { f: 'status', is: ['200', '301'] },
      ],
    },
  },
  {
    id: 'sigbase-proxyshell-failed',
    title: 'ProxyShell attempt refused (IIS line pattern)',
    family: 'proxyshell',
    level: 'attempt',
    cves: ['CVE-2021-34473'],
    description:
      'An autodiscover.json request reaching for PowerShell, MAPI or EWS, answered 401: a refused ProxyShell attempt.',
    source: SOURCES.sbProxyShellFailed,
    kinds: IIS_TEXT,
    needles: [['autodiscover/autodiscover.json'], ['401 0 0']],
    match: {
      any: [
        seqCond('autodiscover.json … back-end path … 401 0 0', [
          [' /autodiscover/autodiscover.json'],
          [1, 300],
          ['/powershell', '/mapi/nspi', '/ews/', '/x-rps-cat'],
          [1, 400],
          ['401 0 0'],
        ]),
        seqCond('Email=autodiscover … 401 0 0', [['Email=autodiscover/autodiscover.json'], [1, 400], ['401 0 0']]),
      ],
    },
    supersededBy: ['sigma-proxyshell-attempt'],
  },
  {
    id: 'sigbase-proxyshell-success',
    title: 'ProxyShell request pattern (IIS line pattern)',
    family: 'proxyshell',
    level: 'attempt',
    cves: ['CVE-2021-34473'],
    description:
      'An autodiscover.json request reaching for PowerShell, MAPI or EWS on the back end, the ProxyShell shape.',
    source: SOURCES.sbProxyShellSuccess,
    kinds: IIS_TEXT,
    needles: [
      ['autodiscover/autodiscover.json'],
      ['/powershell', '/x-rps-cat', '/mapi/nspi', '/ews/', 'email=autodiscover'],
    ],
    match: {
      any: [
        seqCond('autodiscover.json … /powershell or X-Rps-CAT', [
          [' /autodiscover/autodiscover.json'],
          [1, 300],
          ['/powershell', '/x-rps-cat'],
        ]),
        seqCond('autodiscover.json … MAPI/EWS … 200/302 0 0', [
          [' /autodiscover/autodiscover.json'],
          [1, 300],
          ['/mapi/nspi', '/ews/'],
          [1, 400],
          ['200 0 0', '302 0 0'],
        ]),
        seqCond('autodiscover.json … &X-Rps-CAT=', [['autodiscover/autodiscover.json'], [1, 60], ['&X-Rps-CAT=']]),
        seqCond('Email=autodiscover … 200 0 0', [['Email=autodiscover/autodiscover.json'], [1, 400], ['200 0 0']]),
      ],
    },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    supersededBy: ['sigma-proxyshell-success', 'sigma-proxyshell-attempt'],
  },
  {
    id: 'sigma-mailbox-export-aspx',
    title: 'Mailbox exported as a web page (ProxyShell web shell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-31207'],
    description:
      'New-MailboxExportRequest writing to a share path or an .aspx file: ProxyShell attackers exported a mailbox holding their code as an .aspx page to plant a web shell.',
    source: SOURCES.sigmaMailboxExport,
    kinds: CMDLETS,
    needles: [['new-mailboxexportrequest'], [' -mailbox '], ['-filepath "\\\\', '.aspx']],
  },
  {
    id: 'sigma-mailbox-export-role',
    title: 'Mailbox Import Export role granted',
    family: 'proxyshell',
    level: 'suspicious',
    cves: ['CVE-2021-31207'],
    description:
      'New-ManagementRoleAssignment giving the “Mailbox Import Export” role: ProxyShell attackers granted it to themselves before exporting a mailbox as a web shell. Administrators rarely need it.',
    source: SOURCES.sigmaMailboxExport,
    kinds: CMDLETS,
    needles: [['new-managementroleassignment'], [' -role "mailbox import export"'], [' -user ']],
  },
  {
    id: 'sigma-cert-request-aspx',
    title: 'Certificate request written as a web page (ProxyShell web shell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-31207'],
    description:
      'New-ExchangeCertificate -GenerateRequest writing its request file to C:\\inetpub, a C$ share or an .aspx name: a way ProxyShell attackers wrote a web shell.',
    source: SOURCES.sigmaCertRequest,
    kinds: CMDLETS,
    needles: [
      ['new-exchangecertificate'],
      [' -generaterequest'],
      [' -binaryencoded'],
      [' -requestfile'],
      ['\\\\localhost\\c$', '\\\\127.0.0.1\\c$', 'c:\\inetpub', '.aspx'],
    ],
  },
  {
    id: 'sigma-remove-mailbox-export',
    title: 'Mailbox export removed without confirmation (ProxyShell clean-up)',
    family: 'proxyshell',
    level: 'suspicious',
    cves: ['CVE-2021-31207'],
    description:
      'Remove-MailboxExportRequest -Confirm "False": the ProxyShell exploit removes its export request to hide the web-shell write.',
    source: SOURCES.sigmaRemoveExport,
    kinds: CMDLETS,
    needles: [['remove-mailboxexportrequest'], [' -identity '], [' -confirm "false"']],
  },
  // ---------------------------------------------------------------- ProxyNotShell
  {
    id: 'sigbase-proxynotshell',
    title: 'ProxyNotShell request pattern (autodiscover.json to PowerShell)',
    family: 'proxynotshell',
    level: 'attempt',
    cves: ['CVE-2022-41040', 'CVE-2022-41082'],
    description:
      'An autodiscover.json request reaching for the back-end PowerShell endpoint, the ProxyNotShell shape (it needs a valid login, so look at the user on the line).',
    source: SOURCES.sbProxyNotShell,
    kinds: IIS_TEXT,
    needles: [['autodiscover/autodiscover.json'], ['owershell'], [' 200 ', ' 401 ']],
    match: {
      all: [
        seqCond('autodiscover.json … owershell', [[' /autodiscover/autodiscover.json'], [1, 300], ['owershell']]),
        { f: 'line', has: [' 200 ', ' 401 '] },
        {
          not: {
            f: 'line',
            has: [
              ' 444 ',
              ' 404 ',
              'GET /owa/ &Email=autodiscover/autodiscover.json%3F@test.com&ClientId=',
              '@test.com/owa/?&Email=autodiscover/autodiscover.json%3F@test.com',
            ],
          },
        },
      ],
    },
    escalate: { when: { any: [S200, { f: 'line', has: ' 200 ' }] }, level: 'compromise', note: ANSWERED_200 },
  },
  {
    id: 'sigbase-proxynotshell-poc',
    title: 'ProxyNotShell public exploit answered 200',
    family: 'proxynotshell',
    level: 'compromise',
    cves: ['CVE-2022-41040', 'CVE-2022-41082'],
    description:
      'A request with the markers of the public ProxyNotShell exploit (/autodiscover.json x=a or /autodiscover/admin@localhost/) answered 200.',
    source: SOURCES.sbProxyNotShellPoc,
    kinds: IIS_TEXT,
    needles: [['/autodiscover.json x=a', '/autodiscover/admin@localhost/'], [' 200 '], [' post ', ' get ']],
    match: { f: 'line', name: 'case-sensitive method', check: (l) => l.includes(' POST ') || l.includes(' GET ') },
  },
  {
    id: 'sigbase-nessus-proxynotshell-probe',
    title: 'Vulnerability scanner checking for ProxyNotShell',
    family: 'proxynotshell',
    level: 'info',
    cves: ['CVE-2022-41040'],
    description:
      'The test address @test.com in an autodiscover.json request is how the Nessus scanner checks for ProxyNotShell (signature-base excludes it from its exploitation rule for that reason). Someone scanned this server; it is not an attack in itself.',
    source: SOURCES.sbProxyNotShell,
    kinds: IIS_TEXT,
    needles: [['autodiscover/autodiscover.json%3f@test.com']],
    match: {
      f: 'line',
      has: [
        'GET /owa/ &Email=autodiscover/autodiscover.json%3F@test.com&ClientId=',
        '@test.com/owa/?&Email=autodiscover/autodiscover.json%3F@test.com',
      ],
    },
  },
  // ---------------------------------------------------------------- OWASSRF
  {
    id: 'sigma-owassrf',
    title: 'OWASSRF: PowerShell reached through an OWA address',
    family: 'owassrf',
    level: 'attempt',
    cves: ['CVE-2022-41080', 'CVE-2022-41082'],
    description:
      'A POST to “{uri}”: an OWA address with a mailbox name leading to /powershell, the OWASSRF route around the ProxyNotShell mitigations (December 2022). Sigma reports these when answered 200; other answers are listed here as attempts.',
    source: SOURCES.sigmaOwassrf,
    kinds: REQ,
    needles: [['/powershell'], ['@', '%40'], ['/owa/'], ['post']],
    match: {
      all: [POST, { f: 'uri', hasAll: ['/owa/', '/powershell'] }, { f: 'uri', has: ['@', '%40'] }, notOwnClient],
    },
    escalate: { when: S200, level: 'compromise', note: ANSWERED_200 },
    otherwise: ANSWERED_OTHER,
  },
  {
    id: 'sigma-owassrf-poc',
    title: 'OWASSRF public exploit answered 200',
    family: 'owassrf',
    level: 'compromise',
    cves: ['CVE-2022-41080', 'CVE-2022-41082'],
    description: 'A POST to “{uri}” with the user agent of the public OWASSRF exploit, answered 200.',
    source: SOURCES.sigmaOwassrfPoc,
    kinds: REQ,
    needles: [['/owa/mastermailbox'], ['/powershell'], ['chrome/105.0.5195.54']],
    match: {
      all: [
        POST,
        S200,
        { f: 'uri', hasAll: ['/owa/mastermailbox', '/powershell'] },
        { f: 'ua', is: normaliseUa(OWASSRF_POC_UA) },
      ],
    },
  },
  {
    id: 'sigbase-owassrf',
    title: 'OWASSRF request to PowerShell answered 200 (log line pattern)',
    family: 'owassrf',
    level: 'compromise',
    cves: ['CVE-2022-41080', 'CVE-2022-41082'],
    description:
      'A POST through an OWA mailbox address to /powershell (or the back end’s POST /powershell on port 444) answered 200.',
    source: SOURCES.sbOwassrf,
    kinds: IIS_TEXT,
    needles: [['/powershell'], [' post ']],
    match: {
      all: [
        { not: { f: 'line', has: EXCHANGE_OWN_CLIENTS } },
        {
          any: [
            { f: 'line', hasAll: ['/owa/mastermailbox%40outlook.com/powershell', ' 200 ', ' POST '] },
            {
              all: [
                { f: 'line', re: / \/owa\/[^/\s]{1,30}(?:%40|@)[^/\s.]{1,30}\.[^/\s]{2,3}\/powershell /i },
                { f: 'line', hasAll: [' 200 ', ' POST '] },
              ],
            },
            {
              all: [
                {
                  f: 'line',
                  name: 'POST /powershell - 444',
                  check: (l) => l.includes(' POST /powershell - 444 ') || l.includes(' POST /Powershell - 444 '),
                },
                { f: 'line', has: ' - 200 0 0 2' },
              ],
            },
          ],
        },
      ],
    },
    supersededBy: ['sigma-owassrf', 'sigma-owassrf-poc'],
  },
  {
    id: 'sigbase-notshell-proxy-log',
    title: 'Kerberos PowerShell session through the proxy answered 200 (ProxyNotShell)',
    family: 'proxynotshell',
    level: 'compromise',
    cves: ['CVE-2022-41040', 'CVE-2022-41082'],
    description:
      'An HttpProxy PowerShell line with the exact field pattern signature-base links to ProxyNotShell/OWASSRF exploitation (Kerberos, 200, SOAP POST).',
    source: SOURCES.sbNotShellProxyLog,
    kinds: ['httpproxy', 'unknown'],
    needles: [
      [',/powershell'],
      [',kerberos,true,'],
      [',200,0,,,,'],
      [';onendrequest.end.contenttype=application/soap+xml charset utf-8;s:servicecommonmetadata.httpmethod=post;'],
    ],
    match: {
      all: [
        {
          f: 'line',
          hasAll: [
            ',Kerberos,true,',
            ',200,0,,,,',
            ';OnEndRequest.End.ContentType=application/soap+xml charset UTF-8;S:ServiceCommonMetadata.HttpMethod=POST;',
          ],
        },
        { not: { f: 'line', has: EXCHANGE_OWN_CLIENTS } },
      ],
    },
  },
  {
    id: 'crowdstrike-rps-clientinfo',
    title: 'Remote PowerShell through the proxy from an outside client (OWASSRF)',
    family: 'owassrf',
    level: 'attempt',
    cves: ['CVE-2022-41080', 'CVE-2022-41082'],
    description:
      'Rps_Http shows a PowerShell request whose ClientInfo is “{clientinfo}”. Exchange’s own traffic has none, “Microsoft WinRM Client” or “Exchange BackEnd Probes”; CrowdStrike found the attacker’s user agent here in OWASSRF attacks. Path: {ip} as {user}.',
    source: SOURCES.crowdstrikeRps,
    kinds: ['rps-http'],
    needles: [],
    match: { all: [{ f: 'clientinfo', re: /\w/ }, { not: { f: 'clientinfo', is: EXCHANGE_OWN_CLIENTS } }] },
    escalate: {
      when: S200,
      level: 'compromise',
      note: 'It was answered 200: CrowdStrike calls this a possible successful remote code execution.',
    },
    otherwise: ANSWERED_OTHER,
  },
  // ---------------------------------------------------------------- Other Exchange exploits (web logs)
  {
    id: 'sigma-proxytoken',
    title: 'ProxyToken exploitation (CVE-2021-33766)',
    family: 'other',
    level: 'attempt',
    cves: ['CVE-2021-33766'],
    description:
      'A request to “{uri}” answered 500, the trace of ProxyToken: a forged SecurityToken used to add inbox rules (forwarding mail) without logging in.',
    source: SOURCES.sigmaProxyToken,
    kinds: REQ,
    needles: [['securitytoken=', 'inboxrules.svc/newobject'], ['/ecp/']],
    match: {
      all: [
        { f: 'status', is: '500' },
        {
          any: [
            { all: [POST, { f: 'uri', hasAll: ['/ecp/', '/RulesEditor/InboxRules.svc/NewObject'] }] },
            { f: 'uri', hasAll: ['SecurityToken=', '/ecp/'] },
          ],
        },
      ],
    },
  },
  {
    id: 'sigma-cve-2021-28480',
    title: 'POST to /owa/calendar/a… (CVE-2021-28480)',
    family: 'other',
    level: 'attempt',
    cves: ['CVE-2021-28480'],
    description: 'A POST to “{uri}” answered {status}; Sigma links this shape to exploitation of CVE-2021-28480.',
    source: SOURCES.sigmaCve202128480,
    kinds: REQ,
    needles: [['/owa/calendar/a'], ['post']],
    match: { all: [POST, { f: 'uri', has: '/owa/calendar/a' }, { not: { f: 'status', is: '503' } }] },
  },
  // ---------------------------------------------------------------- Web shells in use
  {
    id: 'webshell-post-drop-path',
    title: 'POST to a page where web shells were dropped',
    family: 'webshell',
    level: 'attempt',
    cves: [],
    description:
      'A POST to “{stem}”: Exchange has no such page, and this folder is where the 2021 attackers left web shells (aspnet_client, owa\\auth, ecp\\auth).',
    source: SOURCES.volexityPaths,
    secondary: true,
    // Web shells are called directly on the front end, which IIS logs and HttpProxy does not proxy.
    kinds: ['iis'],
    needles: [['/aspnet_client/', '/owa/auth/', '/ecp/auth/'], ['.aspx'], ['post']],
    match: { all: [POST, { f: 'stem', name: 'web-shell drop location', check: isDropPathUrl }] },
    escalate: {
      when: S200,
      level: 'compromise',
      note: 'The server answered 200: a page ran at that address, so a web shell is on disk (or was when this was logged).',
    },
    otherwise: 'The server answered {status}: the page was not there, or not any more.',
  },
  {
    id: 'sigma-webshell-command',
    title: 'Shell command in a web request',
    family: 'webshell',
    level: 'attempt',
    cves: [],
    description:
      'A GET whose query passes an operating-system command (whoami, cmd /c, powershell, certutil…) to a page: how web shells are driven.',
    source: SOURCES.sigmaWebshellStrings,
    // Web shells are called directly on the front end, which IIS logs and HttpProxy does not proxy.
    kinds: ['iis'],
    needles: [WEBSHELL_QUERY_KEYWORDS.map((k) => k.toLowerCase()), ['get']],
    match: {
      all: [
        { f: 'method', is: 'GET' },
        { f: 'line', has: WEBSHELL_QUERY_KEYWORDS },
      ],
    },
    escalate: {
      when: { all: [S200, { f: 'stem', name: 'web-shell drop location', check: isDropPathUrl }] },
      level: 'compromise',
      note: 'A page in a web-shell folder answered 200: it ran the command.',
    },
  },
  {
    id: 'sigbase-webshell-cleanup',
    title: 'Web-shell clean-up commands in a log',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'Commands run through a web shell in aspnet_client (cd into it, delete or hide files, the China Chopper “&echo [S]” marker).',
    source: SOURCES.sbCleanup,
    kinds: LOGS,
    needles: [['aspnet_client', '&echo [s]']],
    match: {
      any: [
        {
          f: 'line',
          name: 'cmd.exe /c cd /d C:\\inetpub\\wwwroot\\aspnet_client',
          check: (l) =>
            l.includes('cmd.exe /c cd /d C:/inetpub/wwwroot/aspnet_client') ||
            l.includes('cmd.exe /c cd /d C:\\inetpub\\wwwroot\\aspnet_client'),
        },
        {
          f: 'line',
          name: 'two of the clean-up strings',
          check: (l) =>
            ["aspnet_client&del '", 'aspnet_client&attrib +h +s +r ', '&echo [S]'].filter((s) => l.includes(s))
              .length >= 2,
        },
      ],
    },
  },
  // ---------------------------------------------------------------- Web shells on disk (listings)
  {
    id: 'mstic-known-path',
    title: 'A web-shell path Microsoft published',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      '“{path}” is a file path in Microsoft’s March 2021 indicator list: attackers left files under exactly this name.',
    source: SOURCES.msticFeed,
    kinds: PATHS,
    // A Get-ChildItem row holds only the file's name (its folder is in the "Directory:" line above),
    // so the needles are the names' own: the extension of the pages, the full name of the rest.
    needles: [MSTIC_NAME_NEEDLES],
    match: { f: 'path', name: 'path in the MSTIC feed', check: (p) => p !== '' && MSTIC_TAILS.has(pathTail(p)) },
  },
  {
    id: 'path-aspnet-client-aspx',
    title: '.aspx file in aspnet_client (web shell)',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      '“{path}”: aspnet_client holds only ASP.NET client scripts; an .aspx page there is where most March 2021 web shells were dropped. Look at the file and its date, and treat the server as compromised until proven otherwise.',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['.aspx']],
    match: {
      all: [
        { f: 'path', has: '\\inetpub\\wwwroot\\aspnet_client\\' },
        { f: 'path', ends: '.aspx' },
      ],
    },
    supersededBy: ['mstic-known-path'],
  },
  {
    id: 'path-owa-auth-current-aspx',
    title: '.aspx file under owa\\auth\\Current (web shell)',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description: '“{path}”: owa\\auth\\Current holds themes and scripts; a page there is a known web-shell location.',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['.aspx']],
    match: {
      all: [
        { f: 'path', has: '\\frontend\\httpproxy\\owa\\auth\\current\\' },
        { f: 'path', ends: '.aspx' },
      ],
    },
    supersededBy: ['mstic-known-path'],
  },
  {
    id: 'path-owa-auth-version-aspx',
    title: '.aspx file under an owa\\auth version folder (web shell)',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      '“{path}”: the version folders under owa\\auth hold static files; a page there is a known web-shell location.',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['.aspx']],
    match: {
      all: [
        { f: 'path', re: OWA_AUTH_VERSION },
        { f: 'path', ends: '.aspx' },
      ],
    },
    supersededBy: ['mstic-known-path'],
  },
  {
    id: 'path-owa-auth-unexpected',
    title: 'Unexpected .aspx file in owa\\auth',
    family: 'webshell',
    level: 'suspicious',
    cves: [],
    description:
      '“{path}” is not one of the pages a standard install has in owa\\auth (the list we compare with is a community one, not Microsoft’s). Attackers dropped web shells here; compare with another Exchange server of the same version.',
    source: SOURCES.volexityPaths,
    secondary: true,
    kinds: PATHS,
    needles: [['.aspx']],
    match: {
      all: [
        { f: 'path', re: OWA_AUTH_DIRECT },
        { f: 'path', ends: '.aspx' },
        { f: 'path', name: 'not a standard page', check: (p) => !OWA_AUTH_STANDARD_ASPX.includes(fileName(p)) },
      ],
    },
    supersededBy: ['mstic-known-path'],
  },
  {
    id: 'path-ecp-auth-unexpected',
    title: 'Unexpected file in ecp\\auth',
    family: 'webshell',
    level: 'suspicious',
    cves: [],
    description:
      '“{path}”: Volexity notes that ecp\\auth normally holds only TimeoutLogoff.aspx; any other file there should be looked at.',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['\\ecp\\auth\\']],
    match: {
      all: [
        { f: 'path', re: ECP_AUTH_DIRECT },
        { f: 'path', name: 'not TimeoutLogoff.aspx', check: (p) => !ECP_AUTH_STANDARD.includes(fileName(p)) },
      ],
    },
  },
  {
    id: 'path-proxyshell-programdata-aspx',
    title: '.aspx file in a ProgramData COM1/CON/AUX folder (ProxyShell web shell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-34473', 'CVE-2021-34523', 'CVE-2021-31207'],
    description:
      '“{path}”: ProxyShell attackers served web shells from folders with reserved device names under ProgramData.',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['programdata'], ['.aspx']],
    match: {
      all: [
        { f: 'path', re: /\\programdata\\(?:com1|con|aux)\\/i },
        { f: 'path', ends: '.aspx' },
      ],
    },
  },
  {
    id: 'path-proxyshell-all-users',
    title: 'Reserved-name folder under All Users (ProxyShell)',
    family: 'proxyshell',
    level: 'suspicious',
    cves: ['CVE-2021-34473'],
    description:
      '“{path}”: ProxyShell attackers created folders named COM, CON, WHO, XYZ, ZOO or ZING under C:\\Users\\All Users.',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['\\all users\\']],
    match: { f: 'path', re: /\\users\\all users\\(?:com|com1|con|who|xyz|zoo|zing)\\/i },
  },
  {
    id: 'tpl-lsass-dump',
    title: 'LSASS memory dump file',
    family: 'other',
    level: 'suspicious',
    cves: [],
    description:
      '“{path}”: a memory dump of LSASS holds password hashes; the March 2021 attackers made them in C:\\root and C:\\Windows\\Temp. Test-ProxyLogon looks only there; we report them anywhere.',
    source: SOURCES.tpl,
    kinds: PATHS,
    needles: [['lsass']],
    match: { f: 'path', name: 'file name lsass*dmp', check: (p) => /^lsass.*dmp$/i.test(fileName(p)) },
  },
  {
    id: 'sigbase-programdata-archive',
    title: 'Short-named archive directly in ProgramData',
    family: 'other',
    level: 'suspicious',
    cves: [],
    description:
      '“{path}”: attackers packed stolen data into short-named archives in C:\\ProgramData (one was it.zip).',
    source: SOURCES.sbFilenames,
    kinds: PATHS,
    needles: [['programdata'], ['.zip', '.7z', '.rar']],
    match: { f: 'path', re: /:\\ProgramData\\\w{1,6}\.(?:zip|7z|rar)$/i },
  },
  {
    id: 'tpl-programdata-archive',
    title: 'Archive somewhere under ProgramData',
    family: 'other',
    level: 'suspicious',
    cves: [],
    description:
      '“{path}”: attackers staged stolen data in archives under ProgramData. Antivirus and backup software keep their own archives there too, which is why Test-ProxyLogon lists these only once it has found another sign of attack: check which program the folder belongs to.',
    source: SOURCES.tpl,
    kinds: PATHS,
    needles: [['programdata'], ['.zip', '.7z', '.rar']],
    match: {
      all: [
        { f: 'path', has: '\\programdata\\' },
        { f: 'path', ends: ['.zip', '.7z', '.rar'] },
      ],
    },
    supersededBy: ['sigbase-programdata-archive', 'chirp-hafnium-post-exploitation'],
  },
  // ---------------------------------------------------------------- Known bad hashes
  {
    id: 'hash-msblog-webshell',
    title: 'SHA-256 of a web shell Microsoft published',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'The hash {hash} is one of the eight web shells in Microsoft’s HAFNIUM blog: this file is a known web shell.',
    source: SOURCES.msBlogHashes,
    kinds: HASHES,
    needles: [MS_BLOG_WEBSHELL_SHA256],
    match: holdsHash(MS_BLOG_WEBSHELL_SHA256),
  },
  {
    id: 'hash-mstic-feed',
    title: 'SHA-256 in Microsoft’s March 2021 indicator feed',
    family: 'proxylogon',
    level: 'compromise',
    cves: [],
    description:
      'The hash {hash} is in Microsoft’s indicator feed for the March 2021 Exchange attacks: this file was used by attackers.',
    source: SOURCES.msticFeed,
    kinds: HASHES,
    needles: [MSTIC_FEED_SHA256],
    match: holdsHash(MSTIC_FEED_SHA256),
    supersededBy: ['hash-msblog-webshell'],
  },
  {
    id: 'hash-volexity-webshell',
    title: 'SHA-256 of a web shell named by Volexity and CISA',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'The hash {hash} is the sample behind Volexity’s SIMPLESEESHARP, SPORTSBALL or reGeorg rule (published by CISA): a known web shell.',
    source: SOURCES.chirpVolexity,
    kinds: HASHES,
    needles: [VOLEXITY_WEBSHELL_SHA256],
    match: holdsHash(VOLEXITY_WEBSHELL_SHA256),
  },
  // ---------------------------------------------------------------- Web-shell file content
  {
    id: 'sigbase-china-chopper',
    title: 'China Chopper web shell (JScript eval of a request field)',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'A one-line JScript page that evaluates a request field with "unsafe" permissions: the China Chopper web shell.',
    source: SOURCES.sbChinaChopper,
    kinds: CONTENT,
    needles: [['eval(request.item[']],
    match: { f: 'line', re: /%@\sPage\sLanguage=.Jscript.%><%eval\(Request\.Item\[.{0,100}unsafe/ },
  },
  {
    id: 'sigbase-hafnium-chopper',
    title: 'HAFNIUM Chopper-style web shell (script Page_Load eval)',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'A server-side script whose Page_Load evaluates or writes request data: the web-shell body the March 2021 attackers planted.',
    source: SOURCES.sbHafniumChopper,
    kinds: CONTENT,
    needles: [
      ['runat="server">'],
      [
        '<script language="jscript" runat="server">function page_load(){eval(request',
        'protected void page_load(object sender, eventargs e){system.io.streamwriter sw = new system.io.streamwriter(request.form["p"] , false, encoding.default);sw.write(request.form["f"]);',
        '<script language="jscript" runat="server"> function page_load(){eval (request["',
      ],
    ],
    file: { maxBytes: 10 * 1024 },
    supersededBy: ['sigbase-china-chopper'],
  },
  {
    id: 'mstic-27065-config-webshell',
    title: 'OAB configuration dump carrying a script (CVE-2021-27065 web shell)',
    family: 'webshell',
    level: 'compromise',
    cves: ['CVE-2021-27065'],
    description:
      'A small file holding an OAB virtual-directory configuration (ExternalUrl/InternalUrl, InternalAuthenticationMethods, ExtendedProtectionTokenChecking) plus server-side script: the file CVE-2021-27065 writes, which runs as a web shell.',
    source: SOURCES.sbMstic27065,
    kinds: CONTENT,
    needles: [
      ['script language', 'page language', 'runat="server"', '/script'],
      ['externalurl', 'internalurl'],
      ['internalauthenticationmethods'],
      ['extendedprotectiontokenchecking'],
    ],
    file: { maxBytes: 50 * 1024 },
  },
  {
    id: 'sigbase-proxyshell-pst-aspx',
    title: 'Mailbox export (PST) saved as a page (ProxyShell web shell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-31207'],
    description:
      'The file starts like a PST mailbox export (!BDN) and contains “Page Language=”: a ProxyShell web shell made by exporting a mailbox to an .aspx file.',
    source: SOURCES.sbProxyShellPst,
    kinds: CONTENT,
    needles: [['page language=']],
    file: { maxBytes: 2 * 1024 * 1024, magic: [0x21, 0x42, 0x44, 0x4e] },
  },
  {
    id: 'sigbase-proxyshell-pst-base64',
    title: 'PST-as-page web shell decoding request data (ProxyShell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-31207'],
    description:
      'A PST-headed file with .FromBase64String(Request[: a ProxyShell web shell that decodes and runs what it is sent.',
    source: SOURCES.sbProxyShellPstBase64,
    kinds: CONTENT,
    needles: [['.frombase64string(request[']],
    file: { magic: [0x21, 0x42, 0x44, 0x4e] },
  },
  {
    id: 'sigbase-proxyshell-der-aspx',
    title: 'Certificate request saved as a page (ProxyShell web shell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: ['CVE-2021-31207'],
    description:
      'A small file starting like a DER certificate request and containing “Page Language=”: a web shell written with New-ExchangeCertificate.',
    source: SOURCES.sbProxyShellDer,
    kinds: CONTENT,
    needles: [['page language=']],
    file: { maxBytes: 10 * 1024, magic: [0x30, 0x82] },
  },
  {
    id: 'sigbase-proxyshell-eval-asf',
    title: 'ProxyShell-era loader (“);eval/*asf”)',
    family: 'proxyshell',
    level: 'compromise',
    cves: [],
    description: 'The string “);eval/*asf” of malicious loaders found on Exchange servers in August 2021.',
    source: SOURCES.sbProxyShellEvalAsf,
    kinds: CONTENT,
    needles: [[');eval/*asf']],
    file: { maxBytes: 600 * 1024 },
  },
  {
    id: 'sigbase-drophell',
    title: 'DropHell web shell (XSLT from a base64 request)',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'A page that loads XML from a base64 request field and transforms it: the web shell dropped by the DropHell malware after ProxyShell.',
    source: SOURCES.sbDropHell,
    kinds: CONTENT,
    needles: [
      ['.loadxml(system.text.encoding.utf8.getstring(system.convert.frombase64string(request['],
      ['new system.io.memorystream()'],
      ['transform('],
    ],
    file: {},
  },
  {
    id: 'volexity-simpleseesharp',
    title: 'SIMPLESEESHARP web shell',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description: 'A tiny C# page that saves an uploaded file to disk: Volexity’s SIMPLESEESHARP web shell.',
    source: SOURCES.chirpVolexity,
    kinds: CONTENT,
    needles: [['<% httppostedfile thisfile = request.files[0];thisfile.saveas(path.combine']],
    file: { maxBytes: 1024, magic: [...'<%@ Page Language="C#" %>'].map((c) => c.charCodeAt(0)) },
  },
  {
    id: 'volexity-regeorg',
    title: 'reGeorg tunnel web shell',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description: 'A page that tunnels network connections through the web server (reGeorg variant seen by Volexity).',
    source: SOURCES.chirpVolexity,
    kinds: CONTENT,
    needles: [
      ['system.net.sockets'],
      ['system.text.encoding.default.getstring(convert.frombase64string(strtr(request.headers.get'],
    ],
    file: {},
  },
  {
    id: 'volexity-regeorg-generic',
    title: 'reGeorg-style tunnel web shell',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description: 'A page reading request headers and opening sockets: a reGeorg-style tunnel (Volexity).',
    source: SOURCES.chirpVolexity,
    kinds: CONTENT,
    needles: [[".split('|')"], ['request.headers.get'], ['.substring('], ['new socket('], ['ipaddress ip;']],
    file: {},
    supersededBy: ['volexity-regeorg'],
  },
  {
    id: 'volexity-sportsball',
    title: 'SPORTSBALL web shell',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description: 'Unique strings of SPORTSBALL, a web shell that uploads files and runs commands (Volexity).',
    source: SOURCES.chirpVolexity,
    kinds: CONTENT,
    needles: [
      [
        'httpcookie newcook = new httpcookie("fqrspt", httpcontext.current.request.form',
        'zn2adab4rxsszevclrzgcvq4oi5j1tuirullqbywlde=',
      ],
    ],
    file: {},
  },
  {
    id: 'sigbase-secchecker',
    title: 'HAFNIUM SecChecker page',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description: 'A small page that checks for FireEye and CrowdStrike agents on the server: HAFNIUM’s SecChecker.',
    source: SOURCES.sbSecChecker,
    kinds: CONTENT,
    needles: [
      [
        '<%if(system.io.file.exists("c:\\\\program files (x86)\\\\fireeye\\\\xagt.exe',
        '\\csfalconservice.exe")){response.write( "3");}%></head>',
      ],
    ],
    file: { maxBytes: 1024, magic: [0x3c, 0x25] },
  },
  {
    id: 'sigbase-asp-embedded',
    title: 'ASP.NET page writing request data to files',
    family: 'webshell',
    level: 'compromise',
    cves: [],
    description:
      'A server script that writes files from posted form fields: a file-dropper web shell seen in March 2021.',
    source: SOURCES.sbAspEmbedded,
    kinds: CONTENT,
    needles: [['<script runat="server">'], ['new system.io.streamwriter(request.form['], ['.write(request.form[']],
    file: { maxBytes: 100 * 1024 },
  },
  {
    id: 'sigbase-iis-config-proxyshell',
    title: 'IIS site served from a ProgramData device-name folder (ProxyShell)',
    family: 'proxyshell',
    level: 'compromise',
    cves: [],
    description:
      'An IIS configuration with a virtual directory in C:\\ProgramData\\COM…/CON/AUX/WHO/ZING/ZOO/XYZ or C:\\Users\\All Users: attackers served web shells from there after ProxyShell.',
    source: SOURCES.sbIisConfig,
    kinds: CONTENT,
    needles: [
      ['<site name='],
      ['<sectiongroup name="system.webserver">'],
      [
        ' physicalpath="c:\\programdata\\com',
        ' physicalpath="c:\\programdata\\who',
        ' physicalpath="c:\\programdata\\zing',
        ' physicalpath="c:\\programdata\\zoo',
        ' physicalpath="c:\\programdata\\xyz',
        ' physicalpath="c:\\programdata\\aux',
        ' physicalpath="c:\\programdata\\con\\',
        ' physicalpath="c:\\users\\all users\\',
      ],
    ],
    file: { maxBytes: 500 * 1024 },
  },
  {
    id: 'sigbase-iis-config-user-folder',
    title: 'IIS site served from ProgramData or a user folder',
    family: 'proxyshell',
    level: 'suspicious',
    cves: [],
    description:
      'An IIS configuration with a virtual directory under C:\\ProgramData or C:\\Users: unusual for Exchange, and a pattern seen after ProxyShell.',
    source: SOURCES.sbIisConfigSusp,
    kinds: CONTENT,
    needles: [
      ['<site name='],
      ['<sectiongroup name="system.webserver">'],
      [' physicalpath="c:\\programdata\\', ' physicalpath="c:\\users\\'],
    ],
    file: { maxBytes: 500 * 1024 },
    supersededBy: ['sigbase-iis-config-proxyshell'],
  },
  {
    id: 'certlv-webshell-keyword',
    title: 'Web-shell keyword in a page',
    family: 'webshell',
    level: 'suspicious',
    cves: [],
    description:
      'The page contains a keyword CERT.LV’s checker flags in Exchange and IIS folders (eval, JScript, ProcessStartInfo, FromBase64String, HttpPostedFile, cmd.exe, powershell.exe, whoami). Legitimate pages rarely need them; read the file.',
    source: SOURCES.certLv,
    // only in files that are pages: in logs these words are everyday
    kinds: ['file-content'],
    needles: [CERT_LV_KEYWORDS],
    supersededBy: [
      'sigbase-china-chopper',
      'sigbase-hafnium-chopper',
      'mstic-27065-config-webshell',
      'sigbase-proxyshell-pst-aspx',
      'sigbase-proxyshell-pst-base64',
      'sigbase-proxyshell-der-aspx',
      'sigbase-proxyshell-eval-asf',
      'sigbase-drophell',
      'volexity-simpleseesharp',
      'volexity-regeorg',
      'volexity-regeorg-generic',
      'volexity-sportsball',
      'sigbase-secchecker',
      'sigbase-asp-embedded',
    ],
  },
  // ---------------------------------------------------------------- Test-ProxyLogon's own output
  {
    id: 'tpl-output-26857',
    title: 'Test-ProxyLogon listed a Unified Messaging error (CVE-2021-26857)',
    family: 'proxylogon',
    level: 'attempt',
    cves: ['CVE-2021-26857'],
    description:
      'Test-ProxyLogon exported this event because it is an MSExchange Unified Messaging error containing System.InvalidCastException: a sign of attempts on CVE-2021-26857 (not proof that one worked).',
    source: SOURCES.tpl,
    kinds: ['test-proxylogon'],
    needles: [],
    match: { f: 'tplFile', is: '26857' },
  },
  {
    id: 'tpl-output-26858-file',
    title: 'Test-ProxyLogon named an OAB generator log (CVE-2021-26858)',
    family: 'proxylogon',
    level: 'suspicious',
    cves: ['CVE-2021-26858'],
    description:
      'Test-ProxyLogon found “Download failed and temporary file” entries in “{path}”. Drop that OAB generator log here: a download path outside …\\ClientAccess\\OAB means the CVE-2021-26858 file write was used.',
    source: SOURCES.tpl,
    kinds: ['test-proxylogon'],
    needles: [],
    match: { f: 'tplFile', is: '26858' },
  },
  {
    id: 'tpl-output-26858-path',
    title: 'Test-ProxyLogon found an OAB download outside its folder (CVE-2021-26858)',
    family: 'proxylogon',
    level: 'compromise',
    cves: ['CVE-2021-26858'],
    description:
      'The OAB generator downloaded a file to “{path}”, outside …\\ClientAccess\\OAB: the CVE-2021-26858 file write. Check whether that file still exists.',
    source: SOURCES.tpl,
    kinds: ['test-proxylogon'],
    needles: [],
    match: {
      all: [
        { f: 'tplFile', is: '26858-paths' },
        { f: 'path', name: 'outside ClientAccess\\OAB', check: (p) => p !== '' && outsideOab(p) },
      ],
    },
  },
  {
    id: 'tpl-output-27065-file',
    title: 'Test-ProxyLogon named an ECP log (CVE-2021-27065)',
    family: 'proxylogon',
    level: 'suspicious',
    cves: ['CVE-2021-27065'],
    description:
      'Test-ProxyLogon found Set-…VirtualDirectory entries in “{path}” (recent versions only report those with a script in a URL). Drop that ECP server log here to see the line.',
    source: SOURCES.tpl,
    kinds: ['test-proxylogon'],
    needles: [],
    match: { f: 'tplFile', is: '27065' },
  },
  {
    id: 'tpl-output-log-age',
    title: 'How far back the logs reached when Test-ProxyLogon ran',
    family: 'other',
    level: 'info',
    cves: [],
    description:
      'Age in days of the oldest log of each kind when Test-ProxyLogon ran: {message}. Anything older than that left no trace in these logs, so “nothing found” only covers this window.',
    source: SOURCES.tpl,
    kinds: ['test-proxylogon'],
    needles: [],
    match: { f: 'tplFile', is: 'log-age' },
  },
];

/** Look a rule up by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
