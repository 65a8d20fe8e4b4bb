/**
 * The rule table: every rule has a positive and a negative case (rule-cases.ts) and its data is
 * sound (ids, sources with author for DRL rules, needles the byte scan can use, superseding ids
 * that exist). The rewritten patterns agree with the originals they replace.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  RULES,
  RULES_BY_ID,
  ecpVdirWithTag,
  isDropPathUrl,
  isPrivateIp,
  oabDownloadPath,
  pathTail,
  seq,
  tplEcpVdirScript,
} from '../../../src/triage/rules.ts';
import { regexesOf } from '../../../src/triage/conditions.ts';
import { createScanner, scanText } from '../../../src/triage/index.ts';
import type { FileReport } from '../../../src/triage/types.ts';
import { NEGATIVES, POSITIVES } from './rule-cases.ts';

const KINDS = [
  'httpproxy',
  'ecp-server',
  'oab-generator',
  'rps-http',
  'iis',
  'event-log',
  'file-listing',
  'file-hashes',
  'file-content',
  'test-proxylogon',
  'unknown',
];

function scan(file: string, text: string | Uint8Array): FileReport {
  if (typeof text === 'string') return scanText(file, text);
  const s = createScanner(file);
  s.push(text);
  return s.finish();
}

describe('every rule has a positive and a negative case', () => {
  test.each(RULES.map((r) => r.id))('%s', (id) => {
    expect(POSITIVES.some((p) => p.rule === id)).toBe(true);
    expect(NEGATIVES.some((n) => n.rule === id)).toBe(true);
  });
});

describe('positive cases', () => {
  test.each(POSITIVES.map((p) => [`${p.rule}: ${p.reason}`, p] as const))('%s', (_, p) => {
    const r = scan(p.file, p.text);
    expect(r.error).toBeUndefined();
    const hits = r.findings.filter((f) => f.rule === p.rule);
    expect(hits.map((f) => [f.line, f.level])).toContainEqual([p.line, p.level]);
  });
});

describe('negative cases', () => {
  test.each(NEGATIVES.map((n) => [`${n.rule}: ${n.reason}`, n] as const))('%s', (_, n) => {
    const r = scan(n.file, n.text);
    expect(r.error).toBeUndefined();
    expect(r.findings.filter((f) => f.rule === n.rule)).toEqual([]);
  });
});

describe('rule data', () => {
  test('ids are unique and stable-looking', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  test.each(RULES.map((r) => [r.id, r] as const))('%s is well formed', (_, r) => {
    expect(['proxylogon', 'proxyshell', 'proxynotshell', 'owassrf', 'webshell', 'other']).toContain(r.family);
    expect(['compromise', 'attempt', 'suspicious', 'info']).toContain(r.level);
    for (const c of r.cves) expect(c).toMatch(/^CVE-20\d\d-\d{4,5}$/);
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.description.length).toBeGreaterThan(30);
    expect(r.source.title).not.toBe('');
    expect(r.source.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    // DRL 1.1: matches must keep the rule author's attribution
    if (r.source.licence?.startsWith('DRL')) expect(r.source.author).toBeTruthy();
    expect(r.kinds.length).toBeGreaterThan(0);
    for (const k of r.kinds) expect(KINDS).toContain(k);
    for (const s of r.supersededBy ?? []) expect(RULES_BY_ID.has(s)).toBe(true);
    for (const g of r.needles) {
      expect(g.length).toBeGreaterThan(0);
      for (const n of g) expect(n).toMatch(/^[\x20-\x7e]+$/);
    }
    // the byte scan searches for the first group: it must be long enough to skip
    if (r.needles.length) for (const n of r.needles[0]!) expect(n.length).toBeGreaterThanOrEqual(5);
    if (r.file?.magic) for (const b of r.file.magic) expect(b).toBeLessThan(256);
  });
  test('escalation only ever raises the level', () => {
    const rank = { info: 0, suspicious: 1, attempt: 2, compromise: 3 } as const;
    for (const r of RULES) if (r.escalate) expect(rank[r.escalate.level]).toBeGreaterThan(rank[r.level]);
  });
});

describe('bounded patterns', () => {
  const regexes = RULES.flatMap((r) => (r.match ? regexesOf(r.match) : []));
  test('no regex nests an unbounded quantifier', () => {
    for (const re of regexes) expect(re.source).not.toMatch(/\([^)]*[*+][^)]*\)[*+{]/);
  });
  test('every regex and check runs in linear time on 1 MB of hostile text', () => {
    const hostile = [
      ' /autodiscover/autodiscover.json'.repeat(30_000),
      'set-virtualdirectory url <a'.repeat(40_000),
      '/owa/a@b.cc/powershell '.repeat(40_000),
      '%@ Page Language=xJscriptx%><%eval(Request.Item['.repeat(20_000),
      'GET /rpc/ &CorrelationID=<empty>;&RequestId='.repeat(20_000),
    ];
    for (const text of hostile) {
      const t = performance.now();
      for (const r of RULES) {
        if (!r.match) continue;
        scanRule(r.match, text);
      }
      expect(performance.now() - t).toBeLessThan(3000);
    }
  });
});

function scanRule(cond: Parameters<typeof regexesOf>[0], line: string): void {
  if ('all' in cond) return cond.all.forEach((c) => scanRule(c, line));
  if ('any' in cond) return cond.any.forEach((c) => scanRule(c, line));
  if ('not' in cond) return scanRule(cond.not, line);
  if ('re' in cond) cond.re.test(line);
  if ('check' in cond) cond.check(line);
}

describe('rewritten patterns agree with the originals', () => {
  // Test-ProxyLogon's own regex (fine on short strings, polynomial on long ones)
  const TPL = /Set-.+VirtualDirectory.+?(?=Url).+<\w+.*>(.*?)<\/\w+>.+?(?=VirtualDirectory)/i;
  const parts = [
    'Set-',
    'Oab',
    'VirtualDirectory',
    '.External',
    'Url',
    "='",
    '<script',
    ' a="b"',
    '>',
    'x',
    '</script>',
    "'",
    ';S:URL=',
    'schema=OAB',
    'VirtualDirectory',
    '<',
    '>',
    '</',
    'b',
    ' ',
    'u',
  ];
  const shuffled = fc.array(fc.constantFrom(...parts), { maxLength: 14 }).map((a) => a.join(''));
  test('tplEcpVdirScript = Test-ProxyLogon regex (3,000 generated lines)', () => {
    fc.assert(
      fc.property(
        fc.oneof(shuffled, fc.string({ maxLength: 40 })),
        (line) => tplEcpVdirScript(line) === TPL.test(line),
      ),
      { numRuns: 3000 },
    );
  });
  const YARA =
    / \/autodiscover\/autodiscover\.json[^\n]{1,300}\/(powershell|mapi\/nspi|EWS\/|X-Rps-CAT)[^\n]{1,400}401 0 0/i;
  const pieces = [
    ' /autodiscover/autodiscover.json',
    '/powershell',
    '/mapi/nspi',
    '/EWS/',
    '/X-Rps-CAT',
    '401 0 0',
    ' ',
    'x',
    '@',
    '?',
    'abc'.repeat(50),
  ];
  const lines = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((a) => a.join(''));
  test('seq = signature-base regex (3,000 generated lines)', () => {
    const steps = [
      [' /autodiscover/autodiscover.json'],
      [1, 300],
      ['/powershell', '/mapi/nspi', '/ews/', '/x-rps-cat'],
      [1, 400],
      ['401 0 0'],
    ] as const;
    fc.assert(
      fc.property(lines, (line) => seq(line, steps) === YARA.test(line)),
      { numRuns: 3000 },
    );
  });
  test.each([
    ['a gap too short', 'ab', [['a'], [1, 5], ['b']], false],
    ['a gap just long enough', 'axb', [['a'], [1, 5], ['b']], true],
    ['a gap too long', 'a123456b', [['a'], [1, 5], ['b']], false],
    ['a later start fits', 'a123456ab', [['a'], [1, 5], ['b']], false],
    ['a later start fits the gap', 'a123456axb', [['a'], [1, 5], ['b']], true],
    ['case is ignored', 'A-B', [['a'], [1, 1], ['b']], true],
  ] as const)('seq: %s', (_, line, steps, want) => {
    expect(seq(line, steps)).toBe(want);
  });
});

describe('helpers', () => {
  test.each([
    ['/aspnet_client/x.aspx', true, 'any page in aspnet_client'],
    ['/aspnet_client/system_web/x.aspx', true, 'also in subfolders'],
    ['/owa/auth/logon.aspx', false, 'standard OWA page'],
    ['/owa/auth/errorEE.aspx', true, 'not a standard owa\\auth page'],
    ['/owa/auth/Current/x.aspx', true, 'under Current'],
    ['/owa/auth/15.1.2176/x.aspx', true, 'under a version folder'],
    ['/owa/auth/other/x.aspx', false, 'another subfolder is not listed'],
    ['/ecp/auth/TimeoutLogoff.aspx', false, 'the one standard ecp\\auth page'],
    ['/ecp/auth/x.aspx', true, 'anything else in ecp\\auth'],
    ['/aspnet_client/x.js', false, 'not a page'],
  ])('isDropPathUrl(%s) = %s (%s)', (url, want) => {
    expect(isDropPathUrl(url)).toBe(want);
  });
  test.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.5.5', true],
    ['127.0.0.1', true],
    ['169.254.1.1', true],
    ['203.0.113.9', false],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['2001:db8::1', false],
  ])('isPrivateIp(%s) = %s', (ip, want) => {
    expect(isPrivateIp(ip)).toBe(want);
  });
  test.each([
    ["Download failed and temporary file 'C:\\a\\b.aspx' needs to be removed.", 'C:\\a\\b.aspx'],
    ['Download failed and temporary file C:\\a\\b.aspx needs to be removed.', 'C:\\a\\b.aspx'],
    ['Download failed and temporary file', null],
  ])('oabDownloadPath(%s)', (line, want) => {
    expect(oabDownloadPath(line)).toBe(want);
  });
  test('pathTail compares installs on any drive', () => {
    expect(pathTail('D:\\Exchange\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\x.aspx')).toBe(
      pathTail('C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\X.aspx'),
    );
    expect(pathTail('/mnt/c/inetpub/wwwroot/aspnet_client/a.aspx')).toBe('\\inetpub\\wwwroot\\aspnet_client\\a.aspx');
  });
  test('ecpVdirWithTag needs a tag after the URL property', () => {
    expect(ecpVdirWithTag("Set-OabVirtualDirectory.ExternalUrl='http://f/<script>'")).toBe(true);
    expect(ecpVdirWithTag("Set-OabVirtualDirectory.ExternalUrl='http://f/' <- note")).toBe(false);
    expect(ecpVdirWithTag("<b>Set-OabVirtualDirectory.ExternalUrl='http://f/'")).toBe(false);
  });
});

describe('README', () => {
  test('lists every rule id', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../src/triage/README.md', import.meta.url), 'utf8');
    for (const r of RULES) expect(readme).toContain(`\`${r.id}\``);
  });
});
