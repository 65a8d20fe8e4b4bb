/**
 * Offline after one visit (dist/sw.js, written by scripts/service-worker.js; registered by
 * src/client/enhance/offline.ts): one online visit to the home page caches the whole site; offline, every
 * built page and the checker still work; the next online visit after a new build shows the new
 * pages and replaces the cache, deleting only this site's old caches.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cachePrefix, writeServiceWorker } from '../../scripts/service-worker.js';
import { OFFLINE_NOTE } from '../../src/client/enhance/offline.ts';
import { builtRoutes, DIST, expectNoAxeViolations } from './helpers.ts';

const BASE = '/exchange-patch-check/';
const PREFIX = cachePrefix(BASE);
const OWN_CACHE = new RegExp(`^${PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{16}$`);

/** Waits until the worker is active and controls this page (it claims open pages on activation). */
async function waitForOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test.describe.configure({ timeout: 60_000 });

test('after one visit, every built page and the checker work offline', async ({ page, context, baseURL }) => {
  // The context sees the worker's own requests too (its precache), not only the page's.
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));

  await page.goto('./');
  await waitForOffline(page);
  const own = (await cacheNames(page)).filter((name) => OWN_CACHE.test(name));
  expect(own, `one cache named ${PREFIX}<version>`).toHaveLength(1);

  // Said once, in the footer's polite live region, and accessible.
  const note = page.locator('footer [data-offline-note][role="status"]');
  await expect(note).toHaveText(OFFLINE_NOTE);
  await expectNoAxeViolations(page, 'home with the offline note');
  await page.goto('./about/');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(note).toBeEmpty();

  await context.setOffline(true);
  // Offline, every file a page asks for must come from the cache: no failed load, no console error.
  const problems: string[] = [];
  page.on('requestfailed', (request) => problems.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('console', (msg) => void (msg.type() === 'error' && problems.push(msg.text())));
  page.on('pageerror', (error) => problems.push(error.message));
  const routes = builtRoutes();
  expect(routes).toEqual(expect.arrayContaining(['', 'guide/what-happened/', 'builds/']));
  for (const route of routes) {
    const response = await page.goto(`./${route}`);
    expect(response?.status(), `/${route} offline`).toBe(200);
    await expect(page.locator('h1'), `/${route} offline`).toHaveCount(1);
    await expect(page.locator('h1')).not.toBeEmpty();
  }
  // As on GitHub Pages, which redirects /guide to /guide/: the address without a slash works too.
  await page.goto('./guide');
  await expect(page.locator('h1')).toHaveText('Guide');

  await page.goto('./');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('form.checker button[type="submit"]')).toBeVisible();
  await page.locator('#paste').fill('15.1.2176.9');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = page.locator('[data-finding]');
  await expect(verdict).toHaveCount(1);
  await expect(verdict).toContainText('Exchange Server 2016 CU19');
  await expect(verdict.locator('h3')).not.toBeEmpty();

  expect(problems, 'failed loads or errors while offline').toEqual([]);
  // An unknown address gets the cached not-found page, with its 404 status.
  const missing = await page.goto('./no-such-page/');
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');

  const offScope = requested.filter((url) => !url.startsWith(new URL(BASE, baseURL).href));
  expect(offScope, 'requests outside this site (page or worker)').toEqual([]);
});

/** A GitHub Pages-like static server for a copy of dist/ under BASE (redirects, 404.html). */
function serve(root: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.png': 'image/png',
    '.json': 'application/json',
    '.xml': 'application/xml',
    '.txt': 'text/plain; charset=utf-8',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(BASE) ? normalize(join(root, path.slice(BASE.length))) : '';
    const kind = file.startsWith(root) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (kind?.isDirectory() && !path.endsWith('/')) {
      res.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    const target = kind?.isDirectory() ? join(file, 'index.html') : file;
    if (kind && statSync(target, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(200, { 'content-type': types[extname(target)] ?? 'application/octet-stream' });
      res.end(readFileSync(target));
      return;
    }
    res.writeHead(404, { 'content-type': types['.html'] ?? '' }).end(readFileSync(join(root, '404.html')));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a new build replaces the cached pages on the next online visit; only this site’s old caches go', async ({
  page,
  context,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'offline-site-'));
  cpSync(DIST, root, { recursive: true });
  const server = await serve(root);
  try {
    const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
    await page.goto(site);
    await waitForOffline(page);
    const [first] = (await cacheNames(page)).filter((name) => OWN_CACHE.test(name));
    // Caches of other sites on the same origin (every GitHub Pages site of one owner shares it),
    // including one whose base path starts like ours.
    const others = ['other-site', `${cachePrefix('/exchange-patch-check-fork/')}0123456789abcdef`, `${PREFIX}draft`];
    await page.evaluate((names) => Promise.all(names.map((name) => caches.open(name))), others);

    // The "new build": a changed article and a changed asset that keeps its name, then the worker
    // regenerated exactly as scripts/build.js does it.
    const article = join(root, 'guide/what-happened/index.html');
    const html = readFileSync(article, 'utf8');
    const oldTitle = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1] ?? '';
    expect(oldTitle).not.toBe('');
    writeFileSync(article, html.replace(`>${oldTitle}</h1>`, '>Updated: what happened</h1>'));
    const icon = Buffer.concat([readFileSync(join(root, 'favicon.png')), Buffer.from('\n')]);
    writeFileSync(join(root, 'favicon.png'), icon);
    const { version } = writeServiceWorker({ dist: root, base: BASE });
    expect(`${PREFIX}${version}`).not.toBe(first);

    // Next online visit: the new page straight away (network first for pages) …
    await page.goto(`${site}guide/what-happened/`);
    await expect(page.locator('h1')).toHaveText('Updated: what happened');
    // … and the new worker takes over with a new cache, deleting this site's old one only.
    await expect
      .poll(async () => (await cacheNames(page)).sort(), { timeout: 20_000 })
      .toEqual([...others, `${PREFIX}${version}`].sort());
    const cachedIcon = await page.evaluate(
      async ([name, url]) => (await (await caches.open(name)).match(url))?.arrayBuffer().then((b) => b.byteLength),
      [`${PREFIX}${version}`, `${site}favicon.png`] as const,
    );
    expect(cachedIcon, 'the changed favicon is what the new cache holds').toBe(icon.length);

    await context.setOffline(true);
    await page.goto(`${site}guide/what-happened/`);
    await expect(page.locator('h1')).toHaveText('Updated: what happened');
    await page.goto(site);
    await expect(page.locator('h1')).toHaveCount(1);
  } finally {
    await context.setOffline(false);
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
