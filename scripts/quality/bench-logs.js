// @ts-check
/**
 * How fast /logs/ scans a big log, and whether its memory stays flat, in Chromium.
 *
 * It builds the site under the GitHub Pages sub-path into dist-bench/ (or serves an existing build
 * with --no-build), serves it with bench-browser.js's gzipping static server, and in the page makes
 * a `--mb`-sized (default 600 MB) HttpProxy-shaped log as a Blob of repeated 1 MiB chunks (nothing
 * is written to disk; the first chunk holds two ProxyLogon lines). Then, `--runs` times each:
 *   read  a worker made by the page reads the file with file.stream() and only counts the bytes:
 *         the floor for any scanner that reads the file;
 *   scan  the file is handed to the page's file input; timed from its change event to the report's
 *         data-scan-state="done" (the whole scan through the UI: worker, triage core, report).
 * It reports MB/s for both (1 MB = 1,048,576 bytes here, as the file is built in MiB), the
 * scan/read ratio, and memory: the main thread's JS heap (DevTools Protocol Performance.getMetrics,
 * JSHeapUsedSize) and the resident memory of the renderer process that runs the page and its worker
 * (SystemInfo.getProcessInfo for the process, then /proc/<pid>/status VmRSS, Linux only), sampled
 * every 100 ms, as the peak above the level just before the scan. The worker's own JS heap is not
 * reachable from Playwright: the renderer's resident memory includes it.
 *
 * Targets (printed next to the figures): scan ≥ 200 MB/s, scan time within 3× of read time.
 *
 * With --files N the same size is split into N files: the page reads several files at once (one
 * worker per core), while the read-only baseline reads them one after the other in one worker.
 *
 * Usage: node scripts/quality/bench-logs.js [--mb 600] [--files 1] [--runs 3] [--no-build] [--dist dist-bench]
 * Env: CHROME_PATH (default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BASE, httpProxyLog, LOGS_ROUTE, startServer, stats } from './bench-browser.js';

const root = resolve(import.meta.dirname, '../..');
const MIB = 1024 * 1024;
export const TARGET_MB_S = 200;
export const TARGET_RATIO = 3;

/**
 * The first chunk (header and two ProxyLogon lines, then ordinary traffic) and a chunk of ordinary
 * traffic only, each about 1 MiB and ending at a line end, so repeating the second makes a log of
 * any size with whole lines.
 * @returns {{ first: string, rest: string }}
 */
export function logChunks() {
  const first = httpProxyLog(MIB);
  const lines = httpProxyLog(2 * MIB + 64 * 1024).split('\r\n');
  // Skip the header block (6 lines) and the first data lines, which hold the two attack lines.
  const rest = [];
  let size = 0;
  for (const line of lines.slice(6 + 20)) {
    if (!line || size + line.length + 2 > MIB) break;
    rest.push(line);
    size += line.length + 2;
  }
  return { first, rest: `${rest.join('\r\n')}\r\n` };
}

/** @param {string[]} argv */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string' },
      files: { type: 'string' },
      runs: { type: 'string' },
      'no-build': { type: 'boolean' },
      dist: { type: 'string' },
    },
    strict: true,
  });
  const int = (/** @type {string | undefined} */ v, /** @type {number} */ d, /** @type {string} */ name) => {
    if (v === undefined) return d;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${name} must be a whole number of at least 1, not "${v}"`);
    return Number(v);
  };
  return {
    mb: int(values.mb, 600, '--mb'),
    files: int(values.files, 1, '--files'),
    runs: int(values.runs, 3, '--runs'),
    build: !values['no-build'],
    dist: resolve(root, values.dist ?? 'dist-bench'),
  };
}

/** @param {number} pid */
function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) throw new Error(`No Chromium at ${chrome}: install Debian's or set CHROME_PATH.`);
  if (options.build) {
    console.log(`Building under ${BASE} into ${relative(root, options.dist)}/ …`);
    const built = spawnSync(process.execPath, ['scripts/build.js'], {
      cwd: root,
      env: { ...process.env, BASE_PATH: BASE, SITE_URL: 'http://127.0.0.1:4173', OUT_DIR: options.dist },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('The build failed (see above).');
  }
  if (!existsSync(join(options.dist, LOGS_ROUTE, 'index.html')))
    throw new Error(`${options.dist}/${LOGS_ROUTE}index.html not found: build first, or drop --no-build.`);

  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chrome });
  const server = await startServer(options.dist);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${server.url}${LOGS_ROUTE}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // The scanner loads when the pointer reaches the zone (again if it came before hydration).
    for (let tries = 0; ; tries++) {
      await page.mouse.move(0, 0);
      await page.locator('[data-drop-zone]').hover();
      const ready = await page
        .locator('[data-drop-zone][data-ready]')
        .waitFor({ state: 'attached', timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      if (ready) break;
      if (tries === 3) throw new Error('the log scanner never loaded: is /logs/ built with its island?');
    }

    const { first, rest } = logChunks();
    const bytes = await page.evaluate(
      ({ first, rest, mb, count }) => {
        const enc = new TextEncoder();
        const a = enc.encode(first);
        const b = enc.encode(rest);
        const each = Math.max(1, Math.round(mb / count));
        const files = Array.from(
          { length: count },
          (_, i) =>
            new File(
              [a, ...Array.from({ length: each - 1 }, () => b)],
              `HttpProxy_20210303${String(i).padStart(2, '0')}-1.LOG`,
            ),
        );
        /** @type {any} */ (window).__benchFiles = files;
        return files.reduce((n, f) => n + f.size, 0);
      },
      { first, rest, mb: options.mb, count: options.files },
    );
    const mb = bytes / MIB;
    console.log(
      `Chromium ${browser.version()}; ${options.files === 1 ? 'a' : `${options.files} files, together`} ${mb.toFixed(0)} MB HttpProxy-shaped log made in the page.`,
    );

    // The renderer process that runs the page (and its dedicated workers).
    const browserCdp = await browser.newBrowserCDPSession();
    /** @type {{ processInfo: { id: number, type: string }[] }} */
    const info = /** @type {any} */ (await browserCdp.send(/** @type {any} */ ('SystemInfo.getProcessInfo')));
    const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
    const rss = () => renderers.map(rssBytes).reduce((a, b) => (a ?? 0) + (b ?? 0), 0) ?? null;
    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    };

    /** @type {number[]} */ const readTimes = [];
    /** @type {number[]} */ const scanTimes = [];
    /** @type {number[]} */ const rssPeaks = [];
    /** @type {number[]} */ const heapPeaks = [];
    let findings = 0;
    for (let run = 0; run < options.runs; run++) {
      // (1) Reading only, in a worker of the page's own (a blob: worker, as the scanner is).
      const readMs = await page.evaluate(async () => {
        const code = `onmessage = async (e) => {
          const t0 = performance.now(); let n = 0;
          for (const file of e.data) {
            const reader = file.stream().getReader();
            for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.length; }
          }
          postMessage({ ms: performance.now() - t0, n });
        };`;
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        const result = await new Promise((resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.postMessage(/** @type {any} */ (window).__benchFiles);
        });
        worker.terminate();
        return /** @type {{ ms: number }} */ (result).ms;
      });
      readTimes.push(readMs);

      // (2) The whole scan, through the page's file input.
      await page.waitForTimeout(500);
      const rssBase = rss();
      const heapBase = await heap();
      let rssPeak = rssBase ?? 0;
      let heapPeak = heapBase;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const r = rss();
          if (r !== null && r > rssPeak) rssPeak = r;
          const h = await heap();
          if (h > heapPeak) heapPeak = h;
          await new Promise((ok) => setTimeout(ok, 100));
        }
      })();
      const scanMs = await page.evaluate(async () => {
        const input = /** @type {HTMLInputElement} */ (document.querySelector('input[data-files-input]'));
        const data = new DataTransfer();
        for (const file of /** @type {any} */ (window).__benchFiles) data.items.add(file);
        let t0 = 0;
        input.addEventListener('change', (e) => (t0 = e.timeStamp), { once: true, capture: true });
        const done = new Promise((resolve) => {
          const look = () => {
            if (document.querySelector('[data-scan-state="done"]')) {
              observer.disconnect();
              resolve(performance.now());
            }
          };
          const observer = new MutationObserver(look);
          observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-scan-state'] });
        });
        input.files = data.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return /** @type {number} */ (await done) - t0;
      });
      sampling = false;
      await sampler;
      scanTimes.push(scanMs);
      if (rssBase !== null) rssPeaks.push(rssPeak - rssBase);
      heapPeaks.push(heapPeak - heapBase);
      findings = await page.locator('[data-finding]').count();
      console.log(
        `  run ${run + 1}: read ${readMs.toFixed(0)} ms (${(mb / (readMs / 1000)).toFixed(0)} MB/s), scan ${scanMs.toFixed(0)} ms (${(mb / (scanMs / 1000)).toFixed(0)} MB/s), ` +
          `renderer memory +${rssBase === null ? '?' : ((rssPeak - rssBase) / MIB).toFixed(0)} MB, main-thread heap +${((heapPeak - heapBase) / MIB).toFixed(1)} MB`,
      );
    }
    const read = stats(readTimes);
    const scan = stats(scanTimes);
    if (!read || !scan) throw new Error('nothing was measured');
    const readRate = mb / (read.median / 1000);
    const scanRate = mb / (scan.median / 1000);
    const ratio = scan.median / read.median;
    const rssMax = rssPeaks.length ? Math.max(...rssPeaks) / MIB : null;
    console.log(`\nMedian of ${options.runs} run(s), ${mb.toFixed(0)} MB:`);
    console.log(`  read only (file.stream() in a worker): ${read.median.toFixed(0)} ms = ${readRate.toFixed(0)} MB/s`);
    console.log(
      `  full scan via the page:                ${scan.median.toFixed(0)} ms = ${scanRate.toFixed(0)} MB/s ` +
        `(target ≥ ${TARGET_MB_S} MB/s: ${scanRate >= TARGET_MB_S ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  scan / read time:                      ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  peak memory above the level before the scan: renderer (page + worker) ${rssMax === null ? 'not measurable here (no /proc)' : `${rssMax.toFixed(0)} MB resident`}, ` +
        `main-thread JS heap ${(Math.max(...heapPeaks) / MIB).toFixed(1)} MB; the file is ${mb.toFixed(0)} MB`,
    );
    console.log(`  findings shown: ${findings}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
