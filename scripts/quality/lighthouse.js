// @ts-check
/**
 * Lighthouse 12 (mobile defaults) on /, one article and /builds/ of the built site, served by
 * `vite preview` under the test sub-path. Prints the four category scores per URL and exits 1 if
 * any is below 100. Lighthouse is not a devDependency (about 185 MB): it runs through
 * `npx -y lighthouse@12.8.2`, so the first run downloads it.
 *
 * Usage: npm run build:test && npm run lighthouse
 * Env: CHROME_PATH (default /usr/bin/chromium), LH_PORT (default 4174).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const BASE = '/exchange-patch-check/';
const PORT = Number(process.env.LH_PORT ?? 4174);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGES = ['', 'guide/what-happened/', 'builds/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  env: { ...process.env, BASE_PATH: BASE },
  stdio: 'ignore',
  detached: true,
});
const stop = () => {
  try {
    if (server.pid) process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}${BASE}`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start on ${ORIGIN}${BASE}`);
}

await waitForServer();
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const failures = [];
console.log(`Lighthouse 12.8.2, mobile defaults, ${chrome}`);
console.log(`  ${'page'.padEnd(24)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
for (const [i, page] of PAGES.entries()) {
  const url = `${ORIGIN}${BASE}${page}`;
  const report = join(out, `report-${i}.json`);
  const run = spawnSync(
    'npx',
    [
      '-y',
      'lighthouse@12.8.2',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox',
    ],
    { cwd: root, env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (run.status !== 0) {
    failures.push(`Lighthouse failed on ${url}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
    continue;
  }
  /** @type {{ categories: Record<string, { score: number | null }>, audits: Record<string, { score: number | null, title: string, scoreDisplayMode: string, displayValue?: string }> }} */
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
  const metric = (/** @type {string} */ id) => lhr.audits[id]?.displayValue ?? '?';
  console.log(
    `  /${page.padEnd(23)} ${scores.map((s) => String(s).padStart(15)).join('')}   FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
  );
  for (const [j, score] of scores.entries())
    if (score < 100) {
      const failing = Object.entries(lhr.audits)
        .filter(
          ([, a]) =>
            a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
        )
        .map(([id]) => id)
        .slice(0, 8);
      failures.push(
        `Lighthouse ${CATEGORIES[j]} on /${page} is ${score}, not 100 (audits below 1: ${failing.join(', ')})`,
      );
    }
}
rmSync(out, { recursive: true, force: true });
stop();
for (const f of failures) console.error(f);
process.exit(failures.length > 0 ? 1 : 0);
