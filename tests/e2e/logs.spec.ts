/**
 * /logs/ — "Was this server attacked?": files come in every way a person can give them (picker,
 * folder picker, drop, zip, gz), the report says what it found and what it could not see, Cancel
 * stops a big scan, exports download, nothing is requested once the page has loaded (worker
 * included), and the report passes axe in light and dark at 375 and 1280 px. The fixture logs are
 * in tests/fixtures/logs (written for these tests from the documented formats); archives and
 * binary files are made here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { expectClean, watch } from './helpers.ts';
import { expectNoAxeMatrixViolations } from './quality/quality-helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/logs');
const read = (path: string) => readFileSync(join(FIXTURES, path));
const HTTPPROXY = 'server/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG';
const IIS_SHELL = 'server/W3SVC1/u_ex210303.log';
const IIS_CLEAN = 'server/W3SVC1/u_ex210310.log';

const report = (page: Page) => page.locator('[data-scan-state]');

/**
 * Opens /logs/ and reaches for the drop zone, as every way of giving files does first (the pointer
 * over it, focus on its buttons, or files dragged over the page): the scanner loads then, so a scan
 * needs no request.
 */
async function open(page: Page, { idle = false } = {}): Promise<void> {
  await page.goto('./logs/');
  // The service worker caches the site once after load; wait for that when counting requests.
  if (idle) await page.waitForLoadState('networkidle');
  // The pointer may arrive before the island has hydrated, as a person's can: then it comes again.
  const zone = page.locator('[data-drop-zone]');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await zone.hover();
    await expect(zone).toHaveAttribute('data-ready', '', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

async function done(page: Page): Promise<void> {
  await expect(report(page)).toHaveAttribute('data-scan-state', 'done', { timeout: 15_000 });
}

const file = (name: string, buffer: Buffer | Uint8Array, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(buffer),
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page explains what it reads, where the logs are, and that scanning needs JavaScript', async ({ page }) => {
    await page.goto('./logs/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was this server attacked?');
    await expect(page.getByRole('heading', { name: 'What it reads' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
    await expect(page.getByText('%ExchangeInstallPath%Logging\\HttpProxy\\', { exact: true })).toBeVisible();
    await expect(page.getByText('C:\\inetpub\\logs\\LogFiles\\W3SVC1', { exact: true })).toBeVisible();
    // Playwright disables script execution without switching the parser's scripting flag, so the
    // <noscript> content stays raw text here; real browsers with JavaScript off render it.
    expect(await page.locator('main noscript').textContent()).toContain('Scanning needs JavaScript');
    await expect(report(page)).toHaveAttribute('data-scan-state', 'idle');
  });
});

test('choose files: the report leads with a sentence per kind of log, findings carry their details, focus and one announcement', async ({
  page,
}) => {
  await open(page);
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([
      file('HttpProxy_2021030302-1.LOG', read(HTTPPROXY)),
      file('u_ex210310.log', read(IIS_CLEAN)),
      file('EX01-Cve-2021-26855.csv', read('EX01-Cve-2021-26855.csv')),
    ]);
  await done(page);
  const summary = page.locator('[data-summary]');
  await expect(summary).toContainText(
    'HttpProxy logs (1 file): Evidence of compromise: 1 finding (ProxyLogon), the first on 3 March 2021.',
  );
  await expect(summary).toContainText('IIS logs (1 file): No evidence in these logs, which cover 10 March 2021.');
  await expect(summary).toContainText('Test-ProxyLogon output files (1 file): Attempts seen, no sign they worked');
  await expect(page.locator('[data-scan-state]')).not.toContainText(/\bclean\b/i);
  // What the drop could not show.
  await expect(page.getByText('No ECP server logs: a web shell planted through')).toBeVisible();
  await expect(page.getByText(/^The IIS logs cover 10 March 2021: nothing before 10 March 2021/)).toBeVisible();
  await expect(page.getByText(/Test-ProxyLogon script\. Each row it wrote is shown below/)).toBeVisible();

  const proxyLogon = page.locator('[data-finding][data-level="compromise"]').filter({ hasText: '/ecp/y.js' }).first();
  for (const text of [
    '2021-03-03 02:14:07 UTC',
    '203.0.113.7',
    'POST /ecp/y.js',
    'python-requests/2.25.1',
    'HttpProxy_2021030302-1.LOG, line',
  ])
    await expect(proxyLogon).toContainText(text);
  await expect(proxyLogon.getByRole('link', { name: /Sigma rule/ })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/SigmaHQ\//,
  );
  await expect(proxyLogon).toContainText('Florian Roth');
  await expect(proxyLogon).toContainText('DRL 1.1');
  await expect(proxyLogon.getByRole('link', { name: 'what to do if you were compromised' })).toHaveAttribute(
    'href',
    '/exchange-patch-check/guide/if-you-were-compromised/',
  );
  // The Test-ProxyLogon row, explained.
  await expect(
    page.locator('[data-finding]').filter({ hasText: 'Test-ProxyLogon reports exactly these lines' }),
  ).toHaveCount(1);

  await expect(page.getByRole('heading', { level: 2, name: 'Report' })).toBeFocused();
  await expect(page.locator('[data-announce]')).toHaveText(
    /^Scan finished: 3 files, evidence of compromise in 1, attempts in 1\.$/,
  );
});

test('choose a folder: every file under it is read, with its path', async ({ page }) => {
  await open(page);
  await page.locator('input[webkitdirectory]').setInputFiles(FIXTURES);
  await done(page);
  await expect(page.locator('[data-summary] li')).toHaveCount(4);
  await expect(page.locator('[data-summary]')).toContainText('IIS logs (2 files): Evidence of compromise');
  await expect(page.locator('[data-summary]')).toContainText('File listings (1 file): Evidence of compromise');
  await expect(page.getByText('No IIS log covers 4 March to 9 March 2021.')).toBeVisible();
  await expect(
    page.locator('[data-finding]').filter({ hasText: 'logs/server/W3SVC1/u_ex210303.log, line' }).first(),
  ).toBeVisible();
});

test('files are read by a reader worker beside the scan worker; both are ended when the scan is done', async ({
  page,
}) => {
  await open(page);
  const workers: { url: string; closed: boolean }[] = [];
  page.on('worker', (worker) => {
    const seen = { url: worker.url(), closed: false };
    workers.push(seen);
    worker.on('close', () => (seen.closed = true));
  });
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([file('HttpProxy_2021030302-1.LOG', read(HTTPPROXY))]);
  await done(page);
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  expect(workers).toHaveLength(2);
  expect(workers.every((w) => w.url.startsWith('blob:'))).toBe(true);
  await expect.poll(() => workers.every((w) => w.closed)).toBe(true);
});

test('drop: files dropped on the zone are scanned', async ({ page }) => {
  await open(page);
  const text = read(IIS_SHELL).toString('utf8');
  await page.locator('[data-drop-zone]').evaluate((zone, content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'u_ex210303.log', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await done(page);
  await expect(page.locator('[data-summary]')).toContainText('IIS logs (1 file): Evidence of compromise');
  await expect(
    page.locator('[data-finding]').filter({ hasText: '/aspnet_client/system_web/shell.aspx' }).first(),
  ).toBeVisible();
});

test('a zip of two logs and a .gz log are opened in the browser', async ({ page }) => {
  await open(page);
  const zip = zipSync({ 'W3SVC1/u_ex210303.log': read(IIS_SHELL), 'W3SVC1/u_ex210310.log': read(IIS_CLEAN) });
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([
      file('iis-logs.zip', zip, 'application/zip'),
      file('HttpProxy_2021030302-1.LOG.gz', gzipSync(read(HTTPPROXY))),
    ]);
  await done(page);
  await expect(page.locator('[data-summary]')).toContainText('IIS logs (2 files): Evidence of compromise');
  await expect(page.locator('[data-summary]')).toContainText('HttpProxy logs (1 file): Evidence of compromise');
  await expect(
    page.locator('[data-finding]').filter({ hasText: 'iis-logs.zip › W3SVC1/u_ex210303.log, line' }).first(),
  ).toBeVisible();
  await expect(
    page
      .locator('[data-finding]')
      .filter({ hasText: /HttpProxy_2021030302-1\.LOG, line/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByText('No IIS log covers 4 March to 9 March 2021.')).toBeVisible();
});

test('binary, empty, damaged and unknown files each get a message naming the file, never a crash', async ({ page }) => {
  const seen = await watch(page);
  await open(page);
  const binary = Buffer.alloc(100_000, 0);
  binary.set([0x4d, 0x5a, 0x90, 0]);
  const cut = gzipSync(Buffer.concat(Array.from({ length: 300 }, () => read(IIS_CLEAN))));
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([
      file('tool.exe', binary),
      file('empty.log', Buffer.alloc(0)),
      file('u_ex210311.log.gz', cut.subarray(0, cut.length >> 1)),
      file('notes.txt', Buffer.from('Remember to patch the servers on Friday.\n')),
    ]);
  await done(page);
  const messages = page.locator('[data-file-message]');
  await expect(messages.filter({ hasText: 'tool.exe' })).toContainText('Windows program');
  await expect(messages.filter({ hasText: 'empty.log' })).toContainText('The file is empty.');
  await expect(messages.filter({ hasText: 'u_ex210311.log.gz' })).toContainText('is damaged or cut off');
  await expect(messages.filter({ hasText: 'notes.txt' })).toContainText('Format not recognised');
  await expect(page.locator('[data-announce]')).toHaveText(/^Scan finished: 4 files/);
  expectClean(seen);
});

test('Cancel stops a big scan at once and keeps the report of what was read', async ({ page }) => {
  await open(page);
  // 200 MB made in the page (never written to disk), then handed to the file input.
  await page.evaluate(() => {
    const line = `2021-03-03 10:00:00 10.0.0.5 GET /owa/ &CorrelationID=<empty>; 443 - 10.0.0.9 Mozilla/5.0 - 200 0 0 15\r\n`;
    const chunk = new TextEncoder().encode(line.repeat(Math.ceil((1 << 20) / line.length)));
    const head =
      '#Software: Microsoft Internet Information Services 10.0\r\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n';
    const big = new File([head, ...Array.from({ length: 200 }, () => chunk)], 'u_ex210312.log');
    const data = new DataTransfer();
    data.items.add(big);
    const input = document.querySelector<HTMLInputElement>('input[data-files-input]')!;
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(report(page)).toHaveAttribute('data-scan-state', 'scanning');
  await expect(page.getByRole('progressbar', { name: /^Scanned 0 of 1 file/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(report(page)).toHaveAttribute('data-scan-state', 'cancelled');
  await expect(page.getByRole('heading', { level: 2, name: 'Report (scan cancelled)' })).toBeFocused();
  await expect(page.locator('[data-announce]')).toHaveText(/^Scan cancelled: /);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});

test('exports: CSV (formula cells guarded) and JSON download with the findings', async ({ page }) => {
  await open(page);
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([file('=cmd.LOG', read(HTTPPROXY)), file('u_ex210303.log', read(IIS_SHELL))]);
  await done(page);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-csv]').click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^exchange-log-scan-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFLevel,Family,Rule,Finding,')).toBe(true);
  expect(csv).toContain('/ecp/y.js');
  expect(csv).toContain("'=cmd.LOG");
  expect(csv).not.toMatch(/(^|,)=cmd/m);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export-json]').click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
  const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
  expect(json.files.map((f: { fileName: string }) => f.fileName)).toEqual(['=cmd.LOG', 'u_ex210303.log']);
  expect(json.summary.some((s: string) => s.startsWith('HttpProxy logs (1 file): Evidence of compromise'))).toBe(true);
  expect(json.files[0].findings.length).toBeGreaterThan(0);
});

test('nothing is requested once the page has loaded: not by the page, not by the worker', async ({ page, context }) => {
  const seen = await watch(page);
  await open(page, { idle: true });
  const requests: string[] = [];
  const failed: string[] = [];
  // Context-level: also sees the worker's requests (and the service worker's).
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('blob:') && !url.startsWith('data:')) requests.push(`${request.method()} ${url}`);
  });
  context.on('requestfailed', (request) => failed.push(request.url()));
  page.on('requestfailed', (request) => failed.push(request.url()));
  const zip = zipSync({ 'a/u_ex210303.log': read(IIS_SHELL), 'b/HttpProxy.LOG': read(HTTPPROXY) });
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([
      file('logs.zip', zip, 'application/zip'),
      file('u_ex210310.log.gz', gzipSync(read(IIS_CLEAN))),
      file('listing.txt', read('listing.txt')),
    ]);
  await done(page);
  await page.locator('[data-export-csv]').click();
  await page.waitForTimeout(300);
  expect(requests, 'requests after load').toEqual([]);
  expect(failed, 'failed requests').toEqual([]);
  expectClean(seen);
  // Negative control: the listener does see a request made now (the page's, and the service
  // worker's when it fetches on the page's behalf).
  await page.evaluate(() => void (new Image().src = `${document.baseURI}../favicon.png?control`));
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  expect(
    requests.every((r) => /^GET .*\/favicon\.png\?control$/.test(r)),
    requests.join('\n'),
  ).toBe(true);
});

test('the scanner loads on first sign of use (pointer, focus or a drag over the page), not with the page', async ({
  page,
}) => {
  for (const reach of ['hover', 'focus', 'drag'] as const) {
    await page.goto('./logs/');
    await page.waitForLoadState('networkidle');
    const zone = page.locator('[data-drop-zone]');
    await expect(zone).not.toHaveAttribute('data-ready');
    if (reach === 'hover') await zone.hover();
    else if (reach === 'focus') await page.getByRole('button', { name: 'Choose files' }).focus();
    else
      await page
        .locator('main')
        .dispatchEvent('dragenter', { dataTransfer: await page.evaluateHandle(() => new DataTransfer()) });
    await expect(zone, reach).toHaveAttribute('data-ready', '');
  }
});

test('a blob: worker made by this page is bound by its CSP: it cannot fetch anything', async ({ page }) => {
  await open(page);
  const outcome = await page.evaluate(async () => {
    const code = `fetch(${JSON.stringify(location.origin + '/')}).then(() => postMessage('fetched'), (e) => postMessage('blocked: ' + e))`;
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    return await new Promise<string>((resolve) => (worker.onmessage = (e) => resolve(String(e.data))));
  });
  expect(outcome).toMatch(/^blocked: /);
});

test('axe: the finished report in light and dark, at 375 and 1280 px', async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);
  // Every part of a report: each level, a Test-ProxyLogon row, what was not covered, file messages.
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([
      file('HttpProxy_2021030302-1.LOG', read(HTTPPROXY)),
      file('listing.txt', read('listing.txt')),
      file('EX01-Cve-2021-26855.csv', read('EX01-Cve-2021-26855.csv')),
      file('empty.log', Buffer.alloc(0)),
    ]);
  await done(page);
  await expectNoAxeMatrixViolations(page, '/logs/ with a report');
});

test('keyboard: both pickers are buttons in the tab order', async ({ page }) => {
  await open(page);
  await page.locator('body').press('Tab');
  const names: string[] = [];
  for (let i = 0; i < 12; i++) {
    names.push((await page.evaluate(() => document.activeElement?.textContent?.trim())) ?? '');
    await page.keyboard.press('Tab');
  }
  expect(names).toEqual(expect.arrayContaining(['Choose files', 'Choose a folder']));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).focus();
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(true);
});
