/**
 * The offline edition in stock Firefox (Debian's firefox-esr, or FIREFOX_PATH), as
 * tests/e2e/offline-edition.spec.ts does it in Chromium: the built file, copied alone into an empty
 * folder and opened from file:// with every network request refused, shows its data date, checks
 * a paste, scans logs in its blob: worker (a gzip file included) and exports the report; nothing
 * is requested, and no CSP violation is reported.
 *
 * Requests are refused twice over. Every http(s) request Firefox makes, for any page or worker or
 * for itself, goes to a "proxy" in this process that writes it down and hangs up; and the page's
 * own requests are caught by WebDriver BiDi interception, written down and failed. A second test
 * shows that both recorders, and the CSP recorders, see what they must.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, expect, test } from 'vitest';
import { DATA_AS_OF, humanDate } from '../../src/checker/index.ts';

const DIST = join(import.meta.dirname, '../../dist');
const FILE = 'exchange-patch-check-offline.html';
const FIXTURES = join(import.meta.dirname, '../fixtures/logs');
const HTTPPROXY = join(FIXTURES, 'server/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG');
const IIS = join(FIXTURES, 'server/W3SVC1/u_ex210303.log');

/** FIREFOX_PATH when set (and then only it), else Debian's Firefox ESR or a `firefox` on the usual path. */
const FIREFOX = process.env.FIREFOX_PATH
  ? process.env.FIREFOX_PATH
  : ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

/** What reached the trap proxy: one line per request, and every TCP connection (an upgrade or garbage too). */
const trap = { seen: [] as string[], connections: 0 };
const trapServer = createServer((request) => {
  trap.seen.push(`${request.method} ${request.url}`);
  request.socket.destroy();
});
trapServer.on('connect', (request, socket) => {
  trap.seen.push(`CONNECT ${request.url}`);
  socket.destroy();
});
trapServer.on('upgrade', (request, socket) => {
  trap.seen.push(`UPGRADE ${request.url}`);
  socket.destroy();
});
trapServer.on('connection', () => trap.connections++);
trapServer.on('clientError', (_error, socket) => socket.destroy());

let started: Promise<Browser> | undefined;
let downloads = '';
/** The file:// address of the edition, copied alone into an empty folder. */
let carried = '';

/**
 * Firefox, started on first use. Started inside each test rather than in a hook, so that a missing
 * Firefox or build fails every test here instead of leaving them skipped.
 */
const firefox = (): Promise<Browser> => (started ??= launch());

async function launch(): Promise<Browser> {
  if (!FIREFOX || !existsSync(FIREFOX))
    throw new Error(
      `No Firefox found${FIREFOX ? ` at ${FIREFOX}` : ''}: install Debian's (apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  if (!existsSync(join(DIST, FILE))) throw new Error(`dist/${FILE} is missing: run npm run build:test first.`);

  const dir = mkdtempSync(join(tmpdir(), 'epc-offline-firefox-'));
  copyFileSync(join(DIST, FILE), join(dir, FILE));
  carried = pathToFileURL(join(dir, FILE)).href;
  downloads = mkdtempSync(join(tmpdir(), 'epc-offline-firefox-downloads-'));

  await new Promise<void>((resolve) => trapServer.listen(0, '127.0.0.1', resolve));
  const port = (trapServer.address() as AddressInfo).port;
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 30_000,
    // Release builds ignore services.settings.server (below) without this; Firefox would then
    // sync its Remote Settings from Mozilla through the trap, which is Firefox, not the file.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      // Puppeteer turns this off; Firefox's default keeps each local file its own origin, as a
      // user's Firefox opens the file.
      'security.fileuri.strict_origin_policy': true,
      // Every http and https request (and WebSocket) through the trap, local addresses included.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // No DNS look-ups ahead of a click (not a request, but not offline either).
      'network.dns.disablePrefetch': true,
      // Firefox's own Remote Settings sync: nowhere (Puppeteer points it at http://dummy.test).
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      // Downloads go to a known folder, without asking.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
}

afterAll(async () => {
  await started?.then((browser) => browser.close()).catch(() => undefined);
  if (trapServer.listening) await new Promise((resolve) => trapServer.close(resolve));
});

interface Watched {
  page: Page;
  /** Requests of this page (and its workers) that left file:, blob: and data:, each failed. */
  requested: string[];
  /** Console errors and warnings, and uncaught errors (Firefox reports CSP violations here too). */
  problems: string[];
}

/** A new tab whose requests are recorded and refused, with its console and CSP violations recorded. */
async function watchedPage(): Promise<Watched> {
  const page = await (await firefox()).newPage();
  const requested: string[] = [];
  const problems: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (/^(file|blob|data):/.test(url)) return void request.continue();
    requested.push(url);
    void request.abort('failed');
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error instanceof Error ? error.message : String(error)));
  // Runs before the file's own script, in every document of this tab.
  await page.evaluateOnNewDocument(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return { page, requested, problems };
}

const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

const textOf = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (element) => element.textContent ?? '');

/**
 * Waits until `check` holds in the page, or gives up quietly after `ms`: the assertion that
 * follows then fails with what the page shows instead of a bare timeout.
 */
async function settle(page: Page, check: (...args: string[]) => boolean, ms: number, ...args: string[]) {
  await page.waitForFunction(check, { timeout: ms, polling: 100 }, ...args).catch(() => undefined);
}

const hasText = (selector: string, text: string) =>
  document.querySelector(selector)?.textContent?.includes(text) ?? false;

/**
 * The first file in `dir` whose name matches, once the browser has finished writing it (Firefox
 * leaves an empty file under the final name while it writes `<name>.part`).
 */
async function downloaded(dir: string, name: RegExp, ms = 10_000): Promise<string | undefined> {
  for (const since = Date.now(); Date.now() - since < ms; await new Promise((r) => setTimeout(r, 100))) {
    const files = readdirSync(dir);
    const file = files.find((f) => name.test(f));
    if (file && !files.includes(`${file}.part`) && statSync(join(dir, file)).size > 0) return join(dir, file);
  }
  return undefined;
}

test('opened from disk in Firefox with every request refused, it checks a paste, scans logs in its worker and exports the report; nothing is requested and no CSP violation is reported', async () => {
  const { page, requested, problems } = await watchedPage();
  expect(readdirSync(new URL('.', carried))).toEqual([FILE]);
  await page.goto(carried);

  expect(await textOf(page, '.site-header')).toContain('offline edition');
  expect(await textOf(page, 'h1')).toContain('offline edition');
  expect(await page.$eval('main time', (t) => t.getAttribute('datetime'))).toBe(DATA_AS_OF);
  expect(await textOf(page, 'main')).toContain(`Build data as of ${humanDate(DATA_AS_OF)}.`);

  // A paste: Exchange 2016 CU19 without the March 2021 update.
  await page.locator('textarea#paste').fill('15.1.2176.2');
  await page.locator('form:has(textarea#paste) button[type="submit"]').click();
  await settle(page, hasText, 10_000, '[data-results]', 'Vulnerable to ProxyLogon');
  expect(await textOf(page, '[data-results]')).toContain('Vulnerable to ProxyLogon');

  // Logs, read only by the worker (a blob: made from the file's own inline code): an HttpProxy log
  // with a ProxyLogon request, and an IIS log gzipped (the browser's DecompressionStream, in the worker).
  await page.hover('[data-drop-zone]');
  await page.waitForSelector('[data-drop-zone][data-ready]', { timeout: 15_000 });
  const logs = mkdtempSync(join(tmpdir(), 'epc-offline-firefox-logs-'));
  writeFileSync(join(logs, 'u_ex210303.log.gz'), gzipSync(readFileSync(IIS)));
  const input = await page.$('.offline-logs input[data-files-input]');
  expect(input).not.toBeNull();
  await input?.uploadFile(HTTPPROXY, join(logs, 'u_ex210303.log.gz'));
  await settle(
    page,
    () => document.querySelector('[data-scan-state]')?.getAttribute('data-scan-state') === 'done',
    20_000,
  );
  const state = await page.$eval('[data-scan-state]', (s) => s.getAttribute('data-scan-state'));
  const notices = await page.$$eval('.offline-logs .notice', (n) => n.map((e) => e.textContent));
  expect({ state, notices }).toEqual({ state: 'done', notices: [] });
  const summary = await textOf(page, '[data-summary]');
  expect(summary).toContain('HttpProxy logs (1 file): Evidence of compromise: 1 finding (ProxyLogon)');
  expect(summary).toContain('IIS logs (1 file): Evidence of compromise');
  expect((await page.$$('[data-finding]')).length).toBeGreaterThan(1);

  // The report as JSON (a Blob and an object URL, made in the page).
  await page.click('[data-export-json]');
  const json = await downloaded(downloads, /^exchange-log-scan-\d{4}-\d{2}-\d{2}\.json$/);
  expect(json, `no JSON report in ${downloads}: ${readdirSync(downloads).join(', ')}`).toBeDefined();
  const report = JSON.parse(readFileSync(json ?? '', 'utf8')) as {
    files: { fileName: string; kind: string; findings: unknown[] }[];
    summary: string[];
  };
  // The gzip file is reported as the log inside it, read as an IIS log: it was decompressed.
  expect(report.files.map((f) => `${f.fileName} ${f.kind}`).sort()).toEqual([
    'HttpProxy_2021030302-1.LOG httpproxy',
    'u_ex210303.log iis',
  ]);
  expect(report.files.every((f) => f.findings.length > 0)).toBe(true);
  expect(report.summary.some((s) => s.startsWith('HttpProxy logs (1 file): Evidence of compromise'))).toBe(true);

  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
  expect(requested).toEqual([]);
  expect(trap).toEqual({ seen: [], connections: 0 });
  await page.close();
});

test("the recorders are not blind: Firefox blocks and reports what the file's CSP forbids, and a request from a page without it reaches the trap and is refused", async () => {
  trap.seen = [];
  trap.connections = 0;
  const { page, requested, problems } = await watchedPage();
  await page.goto(carried);
  // connect-src 'none': refused by the policy, before any request exists.
  expect(
    await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'answered',
        () => 'refused',
      ),
    ),
  ).toBe('refused');
  // An inline script the policy has no hash for does not run.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true';
    document.head.append(script);
  });
  await settle(page, () => (window as unknown as { cspViolations: string[] }).cspViolations.length >= 2, 5_000);
  expect(await page.evaluate(() => 'injectedRan' in window)).toBe(false);
  expect((await violations(page)).sort()).toEqual([
    expect.stringMatching(/^connect-src https:\/\/example\.com/),
    expect.stringMatching(/^script-src-elem inline/),
  ]);
  expect(problems.some((p) => p.includes('Content-Security-Policy'))).toBe(true);
  expect(requested).toEqual([]);
  expect(trap.seen).toEqual([]);
  await page.close();

  // A tab with no policy: its requests, and its worker's, are caught by interception, written down and failed…
  const intercepted = await watchedPage();
  await intercepted.page.goto('about:blank');
  const refused = await intercepted.page.evaluate(async () => {
    const fromPage = await fetch('http://unreachable.test/a').then(
      () => 'answered',
      () => 'refused',
    );
    const code =
      "fetch('http://unreachable.test/worker').then(() => postMessage('answered'), () => postMessage('refused'))";
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    const fromWorker = await new Promise((resolve) => worker.addEventListener('message', (e) => resolve(e.data)));
    return [fromPage, fromWorker];
  });
  expect(refused).toEqual(['refused', 'refused']);
  expect(intercepted.requested).toEqual(['http://unreachable.test/a', 'http://unreachable.test/worker']);
  expect(trap.seen).toEqual([]);
  await intercepted.page.close();

  // …and without interception, http and https both reach the trap, which refuses them.
  const bare = await (await firefox()).newPage();
  const answers = await bare.evaluate(() =>
    Promise.all(
      ['http://unreachable.test/b', 'https://unreachable.test/c'].map((url) =>
        fetch(url).then(
          () => 'answered',
          () => 'refused',
        ),
      ),
    ),
  );
  expect(answers).toEqual(['refused', 'refused']);
  expect(trap.seen).toEqual(expect.arrayContaining(['GET http://unreachable.test/b', 'CONNECT unreachable.test:443']));
  await bare.close();
});
