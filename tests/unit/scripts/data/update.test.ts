/**
 * The command line: options, exit codes, what it writes (and refuses to write), the URLs it fetches,
 * and, end to end, that the checker picks up a merged release with no other change.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { readData } from '../../../../scripts/data/data-files.js';
import { CVE_BASE_URL, KEV_URL, LEARN_URL } from '../../../../scripts/data/read-sources.js';
import { main } from '../../../../scripts/data/update.js';
import {
  gapProblems,
  lineOrderProblems,
  rangeLineProblems,
  roundTripProblems,
  type Checker,
} from '../../data/checker-integrity.ts';
import { FIXTURES, fixture, removeTempDirs, tempDataDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const F = (name: string) => join(FIXTURES, name);
const today = '2026-11-29';
const fromFiles = (learn = 'learn.html', kev = 'kev.json') => [
  '--offline',
  '--learn',
  F(learn),
  '--cve-dir',
  F('cve'),
  '--kev',
  F(kev),
  '--today',
  today,
];

/** Run the CLI in-process; collect what it prints. */
async function run(argv: string[], io: Partial<Parameters<typeof main>[1]> = {}) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    cwd: ROOT,
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: {},
    fetch: () => Promise.reject(new Error('no network in tests')),
    ...io,
  });
  return { code, out, err };
}

afterAll(removeTempDirs);

/** Every file of a folder, name → text. */
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('options', () => {
  test('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: npm run data:update -- \[options\]/);
    for (const option of ['--learn', '--cve-dir', '--kev', '--offline', '--summary', '--data-dir'])
      expect(r.out).toContain(option);
  });

  test.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--offline'], /leaves nothing to read/],
    [['--today', '29.11.2026', '--offline', '--kev', 'x'], /--today must be YYYY-MM-DD/],
    [['--cve', 'CVE-26-1'], /--cve needs a CVE id/],
  ])('%j is bad usage (exit 2)', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('a run on the fixtures', () => {
  let dir = '';
  let before: Record<string, string> = {};
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = tempDataDir();
    before = snapshot(dir);
    first = await run([...fromFiles(), '--data-dir', dir, '--summary', join(dir, 'summary.md')]);
  });

  test('exits 0 and writes exactly releases.json, vulnerabilities.json and changelog.json (plus the summary)', () => {
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    const after = snapshot(dir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.sort()).toEqual(['changelog.json', 'releases.json', 'summary.md', 'vulnerabilities.json']);
  });

  test('prints the Markdown summary and writes the same text to --summary', () => {
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(first.out);
    expect(first.out).toMatch(/^## Exchange build data: update of 2026-11-29\n/);
    // Paths inside the working folder are shown relative to it.
    expect(first.out).toContain(
      "- Microsoft's build-number page (tests/fixtures/data-update/learn.html): 21 release row(s) in 5 product table(s)",
    );
    expect(first.out).toContain('| Exchange Server SE RTM Nov26SU | 15.2.2562.60 | 2026-11-10 | KB5999001 |');
    expect(first.out).toContain('### Releases updated or confirmed (13)');
    expect(first.out).toContain('### Exploited CVEs added (1)');
    expect(first.out).toContain('### Needs a person (not applied) (1)');
  });

  test('a new release is one added line in releases.json; untouched rows keep their exact text', () => {
    const was = before['releases.json']!.split('\n');
    const now = readFileSync(join(dir, 'releases.json'), 'utf8').split('\n');
    expect(now.length).toBe(was.length + 1);
    // The new row and the 13 updated ones (the old last row, SE Sep26SUv2, is one of them).
    expect(now.filter((l) => !was.includes(l))).toHaveLength(1 + 13);
  });

  test('a second run changes nothing: same bytes, no changelog entry, "No change"', async () => {
    const once = snapshot(dir);
    const again = await run([...fromFiles(), '--data-dir', dir, '--today', '2026-11-30']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('No change: the data already matches every source read.');
    expect(snapshot(dir)).toEqual(once);
  });

  test('in GitHub Actions, items that need a person become warnings on the run page', async () => {
    const d = tempDataDir();
    const r = await run([...fromFiles(), '--data-dir', d], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.out).toMatch(/^::warning title=data:update needs a person::CVE-2026-99991 /m);
  });
});

describe('runs that must fail and write nothing (exit 1)', () => {
  test.each([
    [fromFiles('learn-conflict.html'), /3 conflict\(s\) or error\(s\)/, 'a KB, a build and a date that differ'],
    [fromFiles('learn-wrong-section.html'), /1 conflict\(s\) or error\(s\)/, 'an unknown build we could not read'],
    [fromFiles('learn-empty.html'), /no release row could be read/, 'a page that parses to zero rows'],
    [fromFiles('learn.html', 'kev-conflict.json'), /1 conflict\(s\) or error\(s\)/, 'a KEV date that differs'],
    [
      fromFiles('learn.html', 'kev-no-exchange.json'),
      /none of 3 entries is a Microsoft Exchange Server bug/,
      'a KEV feed without Exchange',
    ],
    [['--offline', '--cve-dir', F('nowhere')], /folder .* does not exist/, 'a missing CVE folder'],
  ])('%#: %s (%s)', async (argv, message, _why) => {
    const dir = tempDataDir();
    const before = snapshot(dir);
    const r = await run([...argv, '--data-dir', dir, '--summary', join(dir, 'summary.md')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^data:update failed: /);
    expect(r.err).toMatch(message);
    const { 'summary.md': summary, ...after } = snapshot(dir);
    expect(after).toEqual(before);
    expect(summary).toMatch(/failed/);
  });

  test('--dry-run reports the changes but writes no data file', async () => {
    const dir = tempDataDir();
    const before = snapshot(dir);
    const r = await run([...fromFiles(), '--data-dir', dir, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('### Releases added (1)');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('fetching (no --offline, no files)', () => {
  const cveUrl = (path: string) => CVE_BASE_URL + path;
  const served: Record<string, string> = {
    [LEARN_URL]: fixture('learn.html'),
    [KEV_URL]: fixture('kev.json'),
  };
  for (const f of readdirSync(F('cve/cves'), { recursive: true, withFileTypes: true }))
    if (f.isFile()) {
      const rel = join(f.parentPath, f.name).slice(F('cve/').length);
      served[cveUrl(rel)] = readFileSync(join(f.parentPath, f.name), 'utf8');
    }

  test('reads the documented URLs and gets the same result as from files', async () => {
    const requested: string[] = [];
    const fetch = async (url: string) => {
      requested.push(url);
      const body = served[url];
      return body === undefined ? new Response('Not Found', { status: 404 }) : new Response(body, { status: 200 });
    };
    const net = tempDataDir();
    const files = tempDataDir();
    expect((await run(['--today', today, '--data-dir', net], { fetch })).code).toBe(0);
    expect((await run([...fromFiles(), '--data-dir', files])).code).toBe(0);
    expect(snapshot(net)).toEqual(snapshot(files));

    expect(requested[0]).toBe(
      'https://learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates',
    );
    expect(requested[1]).toBe('https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json');
    for (const path of [
      'cves/2026/69xxx/CVE-2026-69356.json',
      'cves/2026/96xxx/CVE-2026-96940.json',
      'cves/2020/0xxx/CVE-2020-0688.json',
      'cves/2026/99xxx/CVE-2026-99991.json',
    ])
      expect(requested).toContain(`https://raw.githubusercontent.com/CVEProject/cvelistV5/main/${path}`);
  });

  test.each([
    [
      () =>
        Promise.reject(
          new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND learn.microsoft.com') }),
        ),
      /could not fetch https:\/\/learn\.microsoft\.com\/\S+ \(getaddrinfo ENOTFOUND learn\.microsoft\.com\)\. Check the network, or give the source as a file/,
    ],
    [
      () => Promise.resolve(new Response('busy', { status: 503, statusText: 'Service Unavailable' })),
      /answered HTTP 503 Service Unavailable/,
    ],
    [() => Promise.resolve(new Response('gone', { status: 404 })), /answered 404; has the page moved\?/],
  ])('a failed fetch stops the run with a clear message (%#)', async (fetch, message) => {
    const dir = tempDataDir();
    const r = await run(['--data-dir', dir], { fetch });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });
});

test('runs under plain Node (the entry point, ESM imports, ajv) and exits with its code', () => {
  const dir = tempDataDir();
  const ok = spawnSync(process.execPath, ['scripts/data/update.js', ...fromFiles(), '--data-dir', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(ok.status, ok.stderr).toBe(0);
  expect(ok.stdout).toContain('### Releases added (1)');
  const bad = spawnSync(
    process.execPath,
    ['scripts/data/update.js', ...fromFiles('learn-conflict.html'), '--data-dir', tempDataDir()],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(bad.status).toBe(1);
});

describe('the checker picks up the merged data with no other change', () => {
  let checker: Checker;
  let merged: ReturnType<typeof readData>;
  beforeAll(async () => {
    const dir = tempDataDir();
    expect((await run([...fromFiles(), '--data-dir', dir])).code).toBe(0);
    expect(
      (await run(['--offline', '--learn', F('learn-new-cu.html'), '--data-dir', dir, '--today', today])).code,
    ).toBe(0);
    merged = readData(dir);
    vi.resetModules();
    vi.doMock('../../../../src/data/releases.json', () => ({ default: { releases: merged.releases } }));
    vi.doMock('../../../../src/data/vulnerabilities.json', () => ({ default: merged.vulnerabilities }));
    vi.doMock('../../../../src/data/sources.json', () => ({ default: { sources: merged.sources } }));
    checker = {
      index: await import('../../../../src/checker/index.ts'),
      releases: await import('../../../../src/checker/releases.ts'),
    };
  });
  afterAll(() => {
    vi.doUnmock('../../../../src/data/releases.json');
    vi.doUnmock('../../../../src/data/vulnerabilities.json');
    vi.doUnmock('../../../../src/data/sources.json');
    vi.resetModules();
  });

  test("the data tests' checker-based rules hold for the merged data", () => {
    const rows = merged.releases;
    const vulns = merged.vulnerabilities.vulnerabilities;
    expect(lineOrderProblems(checker)).toEqual([]);
    expect(roundTripProblems(rows, checker)).toEqual([]);
    expect(rangeLineProblems(rows, vulns, checker)).toEqual([]);
    expect(gapProblems(vulns, checker)).toEqual([]);
  });

  test('the new update is a known release, the newest of its line, and moves both data dates', () => {
    const f = checker.index.analyse('15.2.2562.60', { today }).findings[0]!;
    expect(f.release?.name).toBe('Exchange Server SE RTM Nov26SU');
    expect(f.release?.kb).toBe('KB5999001');
    expect(f.newerThanData).toBe(false);
    expect(f.isNewestOnLine).toBe(true);
    expect(checker.index.DATA_AS_OF).toBe('2026-11-24');
    expect(checker.index.DATA_AS_OF_CONFIRMED).toBe('2026-11-24');
  });

  test('the new CU line is its own line, not "newer than our data"', () => {
    const f = checker.index.analyse('15.2.2650.4', { today }).findings[0]!;
    expect(f).toMatchObject({ product: 'Exchange Server SE', cu: 'CU1', newerThanData: false });
    expect(f.lineAnchor).toBe('exchange-se-cu1');
  });

  test('the confirmed September 2026 rows no longer carry the third-party warning', () => {
    for (const build of ['15.2.2562.53', '15.1.2507.75']) {
      const f = checker.index.analyse(build, { today }).findings[0]!;
      expect(f.release?.confidence, build).toBe('confirmed');
      expect(f.notes.join(' '), build).not.toMatch(/third-party/);
    }
  });

  test('the added exploited CVE is judged: vulnerable below its fix, fixed from it', () => {
    const cve = (build: string) =>
      checker.index.analyse(build, { today }).findings[0]!.cves.find((c) => c.id === 'CVE-2026-99990');
    expect(cve('15.2.2562.53')).toMatchObject({ status: 'vulnerable', reason: 'update-missing' });
    expect(cve('15.2.2562.53')?.fixedIn?.build).toBe('15.2.2562.60');
    expect(cve('15.2.2562.60')).toMatchObject({ status: 'fixed', reason: 'fixed-by-update' });
    expect(cve('15.2.2650.4')).toMatchObject({ status: 'fixed', reason: 'shipped-with-fix' });
  });
});
