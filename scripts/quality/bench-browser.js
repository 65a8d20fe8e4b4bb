// @ts-check
/**
 * How long a visitor waits for the first verdict, measured in Chromium on a throttled "slow phone"
 * and on an unthrottled laptop.
 *
 * It builds the site under the GitHub Pages sub-path into dist-bench/ (git-ignored, so dist/ is left
 * alone), serves it with a tiny static server that gzips text like GitHub Pages does, and drives
 * Chromium through Playwright. Every run gets a fresh browser context with the HTTP cache disabled.
 * The slow phone copies Lighthouse's mobile profile: 150 ms added to every request, 1.6 Mbit/s down,
 * 750 kbit/s up (Chrome DevTools Protocol network emulation) and a 4× CPU slowdown, on a 412×823
 * phone viewport.
 *
 * Scenarios, each `--runs` times (default 5), reported as median, min and max:
 *   check  load the home page, wait for the load event plus 1 s, focus the box (as a click into it
 *          would: the checker starts loading its core then), type a build and click Check. The
 *          typing is instant (it is not what is measured) and goes to the browser together with the
 *          click as raw input, so the click lands within the box's 300 ms pause-after-typing check;
 *          a run where that check still came first is repeated (up to 3 times per row, and said so).
 *   paste  the same, but the build is pasted with a real Ctrl+V from the clipboard (permission
 *          granted to the context): the browser fires `paste` and then `input` with inputType
 *          'insertFromPaste', the path on which the checker runs at once (checked in every run).
 *   logs   the log scanner at /logs/ (skipped while that page does not exist): a 10 MB HttpProxy-style
 *          CSV log with ProxyLogon lines near the start is set on the page's file input.
 * Each is timed from the click, the Ctrl+V keydown or the input's change event (the event's
 * timeStamp, taken by a capture-phase listener: when the browser received the input, so a busy main
 * thread counts) to the verdict or first finding in the DOM (a MutationObserver) and to the next
 * paint (two requestAnimationFrame callbacks later, by when the frame showing it has been produced);
 * for logs also to the scan state "done", when the page reports it within the timeout.
 *
 * The selectors it waits for are the constants below; when the markup changes, a run fails after
 * `--timeout` ms with a message naming the selector, instead of hanging.
 * The per-run lines also say how long before the click or paste the page saw its first focus (the
 * checker starts loading its core when the box gets focus), to tell a slow core from a late start.
 *
 * Usage: npm run bench:browser [-- --runs 5] [--no-build] [--dist dist] [--timeout 15000]
 * Env: CHROME_PATH (default /usr/bin/chromium).
 * Exits 0 with a table of figures; 1 on a setup failure (no Chromium, build failed) or a run that
 * could not be measured.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');

/** The sub-path the site is built and served under, as on GitHub Pages. */
export const BASE = '/exchange-patch-check/';
/** What the visitor checks: one Exchange 2016 build (CU19 + March 2021 update). */
export const BUILD = '15.1.2176.9';
/** The log scanner page, relative to BASE. */
export const LOGS_ROUTE = 'logs/';
/** Size of the generated log file. */
export const LOG_BYTES = 10 * 1024 * 1024;

/** What the measurements wait for; adjust here when the markup changes. */
export const SELECTORS = {
  /** The checker's text box. */
  box: 'textarea#paste',
  /** A verdict inside the results section: Verdict.svelte and each results-table row carry data-finding. */
  verdict: '[data-results] [data-finding]',
  /** The log scanner's file input (the first one on the page). */
  logInput: 'input[type="file"]',
  /** One finding in the log scanner's report (assumed: the page is being built elsewhere). */
  logFinding: '[data-finding]',
  /** The log scanner's report state once the whole file has been read (assumed, as above). */
  logDone: '[data-scan-state="done"]',
};

/**
 * Lighthouse's mobile profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU), in the
 * units the DevTools Protocol takes: bytes per second, as Chrome DevTools' own presets compute them
 * (kbit × 1024 / 8).
 */
export const SLOW_PHONE = {
  name: 'slow phone',
  network: { latency: 150, downloadThroughput: (1600 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  mobile: true,
};
export const LAPTOP = {
  name: 'unthrottled laptop',
  network: null,
  cpuSlowdown: 1,
  viewport: { width: 1280, height: 800 },
  mobile: false,
};
/** @typedef {typeof SLOW_PHONE | typeof LAPTOP} Profile */

// ---------------------------------------------------------------------------------------------
// Options

/**
 * @typedef {{ build: boolean, runs: number, dist: string, timeout: number, help: boolean }} Options
 */

export const USAGE = `Usage: npm run bench:browser [-- options]
  --runs N       runs per scenario and profile (default 5)
  --no-build     serve the existing build instead of building first
  --dist DIR     the build to serve (default dist-bench; built there unless --no-build)
  --timeout MS   how long one run may wait for a verdict (default 15000)
  --help         this text`;

/**
 * Parses the command line (arguments after the script name). Throws an Error with a readable
 * message on anything it does not understand.
 * @param {string[]} argv
 * @returns {Options}
 */
export function parseOptions(argv) {
  const parse = () =>
    parseArgs({
      args: argv,
      options: {
        runs: { type: 'string' },
        'no-build': { type: 'boolean' },
        dist: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  /** @type {ReturnType<typeof parse>} */
  let values;
  try {
    values = parse();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, { cause: error });
  }
  const positiveInt = (
    /** @type {string | undefined} */ text,
    /** @type {string} */ name,
    /** @type {number} */ fallback,
  ) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1)
      throw new Error(`${name} must be a whole number of at least 1, not "${text}"\n${USAGE}`);
    return n;
  };
  return {
    build: !values['no-build'],
    runs: positiveInt(values.runs, '--runs', 5),
    dist: resolve(root, values.dist ?? 'dist-bench'),
    timeout: positiveInt(values.timeout, '--timeout', 15_000),
    help: !!values.help,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

/**
 * Median (mean of the two middle values for an even count), minimum and maximum.
 * @param {number[]} values
 * @returns {{ median: number, min: number, max: number, n: number } | null} null when there is nothing to summarise
 */
export function stats(values) {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  const at = (/** @type {number} */ i) => xs[i] ?? Number.NaN;
  const median = n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { median, min: at(0), max: at(n - 1), n };
}

/**
 * @typedef {{ scenario: string, profile: string, metric: string, values: number[] }} Row
 */

/**
 * The figures as an aligned text table, milliseconds rounded to whole numbers.
 * @param {Row[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const head = ['scenario', 'profile', 'until', 'median ms', 'min ms', 'max ms', 'runs'];
  const body = rows.map((r) => {
    const s = stats(r.values);
    const ms = (/** @type {number | undefined} */ x) => (x === undefined ? '—' : String(Math.round(x)));
    return [r.scenario, r.profile, r.metric, ms(s?.median), ms(s?.min), ms(s?.max), String(s?.n ?? 0)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Static server

/** Content types by extension; the text ones are gzipped, as GitHub Pages does. */
const TYPES = /** @type {Record<string, { type: string, gzip: boolean }>} */ ({
  '.html': { type: 'text/html; charset=utf-8', gzip: true },
  '.js': { type: 'text/javascript; charset=utf-8', gzip: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', gzip: true },
  '.css': { type: 'text/css; charset=utf-8', gzip: true },
  '.json': { type: 'application/json; charset=utf-8', gzip: true },
  '.webmanifest': { type: 'application/manifest+json; charset=utf-8', gzip: true },
  '.svg': { type: 'image/svg+xml', gzip: true },
  '.xml': { type: 'application/xml; charset=utf-8', gzip: true },
  '.txt': { type: 'text/plain; charset=utf-8', gzip: true },
  '.png': { type: 'image/png', gzip: false },
  '.jpg': { type: 'image/jpeg', gzip: false },
  '.jpeg': { type: 'image/jpeg', gzip: false },
  '.webp': { type: 'image/webp', gzip: false },
  '.avif': { type: 'image/avif', gzip: false },
  '.ico': { type: 'image/x-icon', gzip: false },
  '.woff2': { type: 'font/woff2', gzip: false },
});

/** @param {string} file */
export const contentTypeOf = (file) => TYPES[extname(file).toLowerCase()] ?? null;

/**
 * The file under `dist` a request path names, or a redirect for a folder asked without its
 * trailing slash, or null (404) for anything outside `base`, outside `dist` (also through
 * symbolic links), missing or of an unknown type.
 * @param {string} dist absolute, real path
 * @param {string} base
 * @param {string} urlPath the request's path, still percent-encoded, query removed
 * @returns {{ file: string } | { redirect: string } | null}
 */
export function resolveRequest(dist, base, urlPath) {
  if (!urlPath.startsWith(base)) return urlPath === base.slice(0, -1) ? { redirect: base } : null;
  let rest;
  try {
    rest = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return null;
  }
  if (rest.includes('\0') || rest.includes('\\')) return null;
  const candidate = resolve(dist, `.${sep}${rest}`);
  const inside = (/** @type {string} */ p) => p === dist || p.startsWith(dist + sep);
  if (!inside(candidate) || !existsSync(candidate)) return null;
  let file = candidate;
  if (statSync(file).isDirectory()) {
    if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
    file = join(file, 'index.html');
    if (!existsSync(file)) return null;
  }
  const real = realpathSync(file);
  if (!inside(real) || !statSync(real).isFile() || !contentTypeOf(real)) return null;
  return { file: real };
}

/**
 * Serves `dist` under `base` on 127.0.0.1 (a free port), gzipping text responses when the client
 * accepts gzip. A missing file gets status 404 (with dist/404.html as its body when there is one,
 * as on GitHub Pages).
 * @param {string} dist
 * @param {{ base?: string }} [options]
 * @returns {Promise<{ origin: string, url: string, close: () => Promise<void> }>}
 */
export async function startServer(dist, { base = BASE } = {}) {
  const realDist = realpathSync(resolve(dist));
  /** @type {Map<string, Buffer>} compressed once per file: the server's CPU is not what is measured */
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const found = req.method === 'GET' || req.method === 'HEAD' ? resolveRequest(realDist, base, path) : null;
    if (found && 'redirect' in found) {
      res.writeHead(301, { Location: found.redirect }).end();
      return;
    }
    const notFound = join(realDist, '404.html');
    const file = found?.file ?? (existsSync(notFound) ? notFound : null);
    const status = found ? 200 : 404;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const kind = contentTypeOf(file) ?? { type: 'application/octet-stream', gzip: false };
    const headers = { 'Content-Type': kind.type, 'Cache-Control': 'max-age=600', Vary: 'Accept-Encoding' };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (kind.gzip && acceptsGzip) {
      let body = gzipped.get(file);
      if (!body) {
        body = gzipSync(readFileSync(file), { level: 6 });
        gzipped.set(file, body);
      }
      res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(status, { ...headers, 'Content-Length': statSync(file).size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(null));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The log file

/** Columns of an Exchange HttpProxy log, by name (a real file has 74; a parser reads them by name). */
const LOG_FIELDS = [
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
  'GenericInfo',
];

/**
 * A `bytes`-long HttpProxy-style CSV log (header block, then about 1 KB lines of ordinary MAPI, OWA
 * and ActiveSync traffic) with two ProxyLogon requests on its tenth and eleventh lines: POSTs to
 * /ecp/y.js whose AnchorMailbox names a back-end path (`ServerInfo~…:444/…#`) and whose RoutingHint
 * is the X-BEResource cookie, the shape the public ProxyLogon detections look for.
 * @param {number} bytes
 * @returns {string}
 */
export function httpProxyLog(bytes) {
  const header = [
    LOG_FIELDS.join(','), // a bare CSV header line is likely written before the # block
    '#Software: Microsoft Exchange Server',
    '#Version: 15.01.2176.002',
    '#Log-type: HttpProxy Logs',
    '#Date: 2021-03-03T00:00:00.000Z',
    `#Fields: ${LOG_FIELDS.join(',')}`,
  ].join('\r\n');
  const protocols = [
    ['Mapi', '/mapi/emsmdb/', 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5095; Pro)'],
    ['Owa', '/owa/service.svc', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML  like Gecko)'],
    ['Eas', '/Microsoft-Server-ActiveSync/default.eas', 'Apple-iPhone13C2/1805.114'],
  ];
  const pad = 'x'.repeat(600);
  /** @param {number} i */
  const benign = (i) => {
    const [protocol, stem, agent] = protocols[i % protocols.length] ?? [];
    const second = String(i % 60).padStart(2, '0');
    return [
      `2021-03-03T00:00:${second}.${String(i % 1000).padStart(3, '0')}Z`,
      `${(i * 2654435761).toString(16).padStart(8, '0').slice(-8)}-5c1e-4f7a-9d21-0a1b2c3d4e5f`,
      '15',
      '1',
      '2176',
      '2',
      '',
      protocol,
      'mail.contoso.com',
      stem,
      '',
      'Negotiate',
      'true',
      `CONTOSO\\user${i % 500}`,
      '',
      `Sid~S-1-5-21-1004336348-1177238915-682003330-${1000 + (i % 500)}`,
      agent,
      `10.0.${(i >> 8) % 256}.${i % 256}`,
      'EX01',
      '200',
      '200',
      '',
      'POST',
      'Proxy',
      'ex01.contoso.local',
      'Version 15.1 (Build 2176.2)',
      'DatabaseGuid',
      '',
      '',
      `S:ServiceCommonMetadata.HttpMethod=POST;S:Padding=${pad}`,
    ].join(',');
  };
  /**
   * A ProxyLogon request (CVE-2021-26855): anonymous, to a static file under /ecp/, routed by the
   * X-BEResource cookie to `backend` on the back-end site (port 444).
   * @param {string} time @param {string} backend
   */
  const exploit = (time, backend) =>
    [
      time,
      `${time.slice(-8, -1).replace('.', '')}-5c1e-4f7a-9d21-0a1b2c3d4e5f`,
      '15',
      '1',
      '2176',
      '2',
      '',
      'Ecp',
      'mail.contoso.com',
      '/ecp/y.js',
      '',
      'Anonymous',
      'false',
      '',
      '',
      `ServerInfo~a]@ex01.contoso.local:444/${backend}?#`,
      'python-requests/2.25.1',
      '203.0.113.7',
      'EX01',
      '200',
      '200',
      '',
      'POST',
      'Proxy',
      'ex01.contoso.local',
      'Version 15.1 (Build 2176.2)',
      'BackEndCookie',
      'X-BEResource-Cookie',
      '',
      '',
    ].join(',');
  // The attack's first two requests: autodiscover.xml (which some checks ignore on its own), then ECP.
  const attack = new Map([
    [9, exploit('2021-03-03T02:14:07.118Z', 'autodiscover/autodiscover.xml')],
    [10, exploit('2021-03-03T02:14:08.402Z', 'ecp/proxyLogon.ecp')],
  ]);
  const lines = [header];
  let size = header.length + 2;
  for (let i = 0; size < bytes; i++) {
    const line = attack.get(i) ?? benign(i);
    lines.push(line);
    size += line.length + 2;
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// The browser

/** @typedef {{ start: string, key: string | null, selector: string, doneSelector: string | null }} ProbeArgs */

/**
 * Injected into the page before the measured action. Records when the first `start` event
 * happened (its timeStamp: when the browser received the input, so time the page's main thread
 * was too busy to handle it counts too; for `key`, only a keydown of that key with Ctrl or ⌘), the
 * time an element matching `selector` (and, optionally, `doneSelector`) is first in the DOM (a
 * MutationObserver: right after the script that added it), and the time two animation frames later
 * (the frame that shows it has been produced by then). Also notes the first focus (the checker
 * starts loading its core then) and the inputType of input events, so the paste scenario can tell
 * a real paste from a typed insert.
 * @param {ProbeArgs} args
 */
function installProbe({ start, key, selector, doneSelector }) {
  /** @type {{ t0: number | null, dom: number | null, paint: number | null, done: number | null, focus: number | null, inputTypes: string[], early: boolean }} */
  const probe = { t0: null, dom: null, paint: null, done: null, focus: null, inputTypes: [], early: false };
  /** @type {any} */ (window).__bench = probe;
  probe.early = document.querySelector(selector) !== null;
  /** @param {string} type @param {(e: Event) => void} listener */
  const listen = (type, listener) => window.addEventListener(type, listener, { capture: true });
  listen(start, (e) => {
    if (key && !(e instanceof KeyboardEvent && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === key)) return;
    if (probe.t0 === null) probe.t0 = e.timeStamp;
  });
  listen('focus', (e) => {
    if (probe.focus === null) probe.focus = e.timeStamp;
  });
  listen('input', (e) => probe.inputTypes.push(e instanceof InputEvent ? e.inputType : e.type));
  const look = () => {
    const now = performance.now();
    if (probe.dom === null && document.querySelector(selector)) {
      probe.dom = now;
      requestAnimationFrame(() => requestAnimationFrame(() => (probe.paint = performance.now())));
    }
    if (doneSelector && probe.done === null && document.querySelector(doneSelector)) probe.done = now;
  };
  new MutationObserver(look).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
}

/** The verdict came before the click: the box's pause-after-typing check ran first. */
class TooLate extends Error {}
/** How many such runs a row may repeat before it gives up. */
const MAX_RETRIES = 3;

/**
 * @typedef {{ dom: number, paint: number, done: number | null, focusBefore: number | null }} Timing
 *   milliseconds from the start event; focusBefore: how long before it the page saw its first focus
 *   event (the checker starts loading its core when the box gets focus)
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {import('@playwright/test').Browser} Browser
 */

/**
 * Waits for the probe to see its element painted; a clear error when it never does.
 * @param {Page} page
 * @param {{ selector: string, startWhat: string, timeout: number, wantDone: boolean }} what
 * @returns {Promise<Timing>}
 */
async function collect(page, { selector, startWhat, timeout, wantDone }) {
  try {
    await page.waitForFunction(
      (wantDone) => {
        const probe = /** @type {any} */ (window).__bench;
        return probe && probe.t0 !== null && probe.paint !== null && (!wantDone || probe.done !== null);
      },
      wantDone,
      { timeout, polling: 50 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/context was destroyed|navigat/i.test(message))
      throw new Error(
        `the page navigated away after the ${startWhat} (was the form submitted without JavaScript, before the checker hydrated?)`,
        { cause: error },
      );
    const probe = await page.evaluate(() => /** @type {any} */ (window).__bench).catch(() => null);
    if (probe && probe.t0 === null)
      throw new Error(`the ${startWhat} never reached the page within ${timeout} ms`, { cause: error });
    if (probe && probe.paint !== null && wantDone)
      return { dom: probe.dom - probe.t0, paint: probe.paint - probe.t0, done: null, focusBefore: null };
    throw new Error(
      `no element matching ${selector} appeared within ${timeout} ms of the ${startWhat}: did the markup change? ` +
        `Adjust SELECTORS in scripts/quality/bench-browser.js`,
      { cause: error },
    );
  }
  const probe = await page.evaluate(() => /** @type {any} */ (window).__bench);
  if (probe.dom < probe.t0) throw new TooLate(`${selector} appeared before the ${startWhat}`);
  return {
    dom: probe.dom - probe.t0,
    paint: probe.paint - probe.t0,
    done: probe.done === null ? null : probe.done - probe.t0,
    focusBefore: probe.focus === null ? null : probe.t0 - probe.focus,
  };
}

/**
 * A fresh context and page with the profile's throttling and the HTTP cache off.
 * @param {Browser} browser
 * @param {Profile} profile
 */
async function openPage(browser, profile) {
  const context = await browser.newContext({
    viewport: profile.viewport,
    isMobile: profile.mobile,
    hasTouch: profile.mobile,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  return { context, page, cdp };
}

/**
 * Loads `url` and waits for the load event plus one second, as a visitor who starts reading.
 * @param {Page} page
 * @param {string} url
 * @param {number} timeout
 */
async function arrive(page, url, timeout) {
  const response = await page.goto(url, { waitUntil: 'load', timeout: timeout * 2 });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  await page.waitForTimeout(1000);
}

/**
 * One run of a scenario.
 * @param {Browser} browser
 * @param {Profile} profile
 * @param {'check' | 'paste' | 'logs'} scenario
 * @param {{ url: string, timeout: number, logFile: string | null }} env
 * @returns {Promise<Timing>}
 */
async function runOnce(browser, profile, scenario, { url, timeout, logFile }) {
  const { context, page, cdp } = await openPage(browser, profile);
  try {
    if (scenario === 'logs') {
      if (!logFile) throw new Error('no log file');
      await arrive(page, `${url}${LOGS_ROUTE}`, timeout);
      await page.evaluate(
        installProbe,
        /** @type {ProbeArgs} */ ({
          start: 'change',
          key: null,
          selector: SELECTORS.logFinding,
          doneSelector: SELECTORS.logDone,
        }),
      );
      const input = page.locator(SELECTORS.logInput).first();
      await input.setInputFiles(logFile, { timeout }).catch((error) => {
        throw new Error(
          `could not choose the log file in ${SELECTORS.logInput} on /${LOGS_ROUTE} (adjust SELECTORS?): ${String(error).split('\n')[0]}`,
          { cause: error },
        );
      });
      // The "done" state is a bonus: the first finding is what is measured.
      return await collect(page, { selector: SELECTORS.logFinding, startWhat: 'file choice', timeout, wantDone: true });
    }
    await arrive(page, url, timeout);
    const box = page.locator(SELECTORS.box);
    if ((await box.count()) !== 1) throw new Error(`no single ${SELECTORS.box} on the home page: adjust SELECTORS`);
    const button = page.getByRole('button', { name: 'Check', exact: true });
    await button.scrollIntoViewIfNeeded({ timeout });
    const where = await button.boundingBox({ timeout });
    if (!where) throw new Error('the Check button has no box on the page');
    if (scenario === 'paste') await page.evaluate((text) => navigator.clipboard.writeText(text), BUILD);
    await page.evaluate(
      installProbe,
      /** @type {ProbeArgs} */ ({
        start: scenario === 'check' ? 'click' : 'keydown',
        key: scenario === 'check' ? null : 'v',
        selector: SELECTORS.verdict,
        doneSelector: null,
      }),
    );
    if (await page.evaluate(() => /** @type {any} */ (window).__bench.early))
      throw new Error(
        `${SELECTORS.verdict} is on the page before any check: the selector does not mark a fresh verdict`,
      );
    // Focus first, as a click into the box would (the checker starts loading its core then).
    await box.focus({ timeout });
    if (scenario === 'check') {
      // Typing (instant here) fires an input event, which starts the box's 300 ms pause-after-typing
      // check. The text and the click go to the browser together, as raw input, so the click comes
      // well within that pause even when this machine is busy (Playwright's fill and click wait for
      // a round trip each).
      const at = {
        x: where.x + where.width / 2,
        y: where.y + where.height / 2,
        button: /** @type {const} */ ('left'),
        clickCount: 1,
      };
      await Promise.all([
        cdp.send('Input.insertText', { text: BUILD }),
        cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }),
        cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }),
      ]);
    } else await page.keyboard.press('ControlOrMeta+V');
    const timing = await collect(page, {
      selector: SELECTORS.verdict,
      startWhat: scenario === 'check' ? 'click on Check' : 'Ctrl+V',
      timeout,
      wantDone: false,
    });
    if (scenario === 'paste') {
      const probe = await page.evaluate(() => /** @type {any} */ (window).__bench);
      if (!probe.inputTypes.includes('insertFromPaste'))
        throw new Error(`Ctrl+V did not paste (input events: ${probe.inputTypes.join(', ') || 'none'})`);
    }
    return timing;
  } finally {
    await context.close();
  }
}

/**
 * @param {Options} options
 * @returns {Promise<number>} the exit code
 */
async function main(options) {
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    console.error(`No Chromium at ${chrome}: install Debian's (apt-get install chromium) or set CHROME_PATH.`);
    return 1;
  }
  if (options.build) {
    console.log(`Building under ${BASE} into ${relative(root, options.dist) || '.'}/ …`);
    const built = spawnSync(process.execPath, ['scripts/build.js'], {
      cwd: root,
      env: { ...process.env, BASE_PATH: BASE, SITE_URL: 'http://127.0.0.1:4173', OUT_DIR: options.dist },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) {
      console.error('The build failed (see above).');
      return 1;
    }
  }
  if (!existsSync(join(options.dist, 'index.html'))) {
    console.error(`${options.dist}/index.html not found: build first, or drop --no-build.`);
    return 1;
  }

  const { chromium } = await import('@playwright/test');
  /** @type {Browser} */
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chrome });
  } catch (error) {
    console.error(
      `Chromium (${chrome}) did not start: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    );
    return 1;
  }
  const server = await startServer(options.dist);
  const tmp = mkdtempSync(join(tmpdir(), 'bench-browser-'));
  /** @type {Row[]} */
  const rows = [];
  const failures = [];
  try {
    const logsStatus = (await fetch(`${server.url}${LOGS_ROUTE}`, { method: 'HEAD' })).status;
    /** @type {string | null} */
    let logFile = null;
    if (logsStatus === 404) console.log(`logs: page not built yet — skipped (/${LOGS_ROUTE} answers 404)`);
    else {
      logFile = join(tmp, 'HttpProxy_2021030300-1.LOG');
      writeFileSync(logFile, httpProxyLog(LOG_BYTES));
    }
    const version = browser.version();
    console.log(
      `Chromium ${version}, ${options.runs} run(s) per row; slow phone = ${SLOW_PHONE.network.latency} ms per request, ` +
        `${Math.round((SLOW_PHONE.network.downloadThroughput * 8) / 1024)} kbit/s down, ` +
        `${Math.round((SLOW_PHONE.network.uploadThroughput * 8) / 1024)} kbit/s up, ${SLOW_PHONE.cpuSlowdown}× CPU; served gzipped from ${server.url}`,
    );
    /** @type {[('check' | 'paste' | 'logs'), string][]} */
    const scenarios = [
      ['check', `check ${BUILD}`],
      ['paste', `paste ${BUILD}`],
    ];
    if (logFile) scenarios.push(['logs', `logs ${LOG_BYTES / 1024 / 1024} MB`]);
    for (const profile of [SLOW_PHONE, LAPTOP])
      for (const [scenario, label] of scenarios) {
        const first = scenario === 'logs' ? 'first finding in DOM' : 'verdict in DOM';
        /** @type {Timing[]} */
        const timings = [];
        let retries = 0;
        for (let run = 0; run < options.runs; run++) {
          try {
            timings.push(
              await runOnce(browser, profile, scenario, { url: server.url, timeout: options.timeout, logFile }),
            );
          } catch (error) {
            // The pause-after-typing check beat the click: that run measured nothing; do it again.
            if (error instanceof TooLate && retries < MAX_RETRIES) {
              retries += 1;
              run -= 1;
              continue;
            }
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
            failures.push(`${label}, ${profile.name}, run ${run + 1}: ${message}`);
            console.error(`  ${label}, ${profile.name}, run ${run + 1} failed: ${message}`);
            break;
          }
        }
        const runs = timings.map(
          (t) => `${Math.round(t.dom)}${t.focusBefore === null ? '' : ` (focus ${Math.round(t.focusBefore)} before)`}`,
        );
        console.log(
          `  ${label}, ${profile.name}, ${first}: ${runs.join(', ')} ms${retries ? ` (${retries} run(s) repeated: the check ran before the click)` : ''}`,
        );
        rows.push({ scenario: label, profile: profile.name, metric: first, values: timings.map((t) => t.dom) });
        rows.push({
          scenario: label,
          profile: profile.name,
          metric: 'next paint',
          values: timings.map((t) => t.paint),
        });
        if (scenario === 'logs')
          rows.push({
            scenario: label,
            profile: profile.name,
            metric: 'scan done',
            values: timings.flatMap((t) => (t.done === null ? [] : [t.done])),
          });
      }
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(
    `\nFrom the click on Check / the paste / the file choice (check and paste start 1 s after the load event):\n${formatTable(rows)}`,
  );
  for (const f of failures) console.error(`Not measured: ${f}`);
  return failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  /** @type {Options} */
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  process.exit(await main(options));
}
