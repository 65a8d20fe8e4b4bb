/**
 * The offline edition: the single HTML file, copied alone into an empty folder and opened from
 * file:// with every network request refused, checks a paste; its CSP allows nothing but its own
 * inline code; the site links to it with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext } from '@playwright/test';
import { DIST } from './helpers.ts';

const FILE = 'exchange-patch-check-offline.html';

/** The file alone in a fresh folder, as an admin would carry it across. */
function carriedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'epc-offline-'));
  copyFileSync(join(DIST, FILE), join(dir, FILE));
  return pathToFileURL(join(dir, FILE)).href;
}

/** Refuses every request that is not the file itself; returns what was attempted. */
async function noNetwork(context: BrowserContext): Promise<string[]> {
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:')) attempted.push(url);
  });
  return attempted;
}

test('opened from disk with no network, it checks a paste and scans a log; nothing is requested and the CSP holds', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const attempted = await noNetwork(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(carriedCopy());
  await expect(page.locator('h1')).toContainText('offline edition');
  await expect(page.locator('main')).toContainText('Build data as of');
  await page.locator('textarea#paste').fill('15.1.2176.2');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('[data-results]')).toContainText('Vulnerable to ProxyLogon');

  // …and scans a log in its worker (a blob: made from its own inline code), still with no network.
  const zone = page.locator('[data-drop-zone]');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await zone.hover();
    await expect(zone).toHaveAttribute('data-ready', '', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page
    .locator('.offline-logs input[type="file"]')
    .first()
    .setInputFiles(join(import.meta.dirname, '../fixtures/logs/server/W3SVC1/u_ex210303.log'));
  await expect(page.locator('[data-scan-state]')).toHaveAttribute('data-scan-state', 'done', { timeout: 20_000 });
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  await expect(page.locator('[data-summary]')).toContainText('IIS logs (1 file)');
  expect(problems).toEqual([]);
  expect(attempted).toEqual([]);
  await context.close();
});

test("its policy allows only its own inline code and no network; the site shows the file's SHA-256", async ({
  page,
}) => {
  const html = readFileSync(join(DIST, FILE), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toContain("'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const hash = createHash('sha256')
      .update(body ?? '', 'utf8')
      .digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
  }
  const sha256 = createHash('sha256')
    .update(readFileSync(join(DIST, FILE)))
    .digest('hex')
    .toUpperCase();
  for (const route of ['./', './about/']) {
    await page.goto(route);
    await expect(page.locator('[data-offline-sha256]')).toHaveText(sha256);
    const link = page.locator('[data-offline-download] a[download]');
    await expect(link).toHaveText('Download for offline use');
    const response = await page.request.get(new URL((await link.getAttribute('href')) ?? '', page.url()).href);
    expect(response.status()).toBe(200);
  }
  // The gzip budget of the whole file.
  const { gzipSync } = await import('node:zlib');
  expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(250 * 1024);
});
