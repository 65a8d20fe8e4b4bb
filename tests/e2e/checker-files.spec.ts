/**
 * Opening files in the checker: the "Open a file" button and dropping files on the box read them in
 * the browser — several at once, each named in its findings; a binary or oversized file gets a
 * message naming it and the limit. Nothing is uploaded: no request at all leaves the page while
 * files are read (the off-origin and failed-request watch of helpers.ts, plus a count of every
 * request). The fixtures are written here, after the documented shapes of the tools' output.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectClean, firstUseFetched, watch } from './helpers.ts';

/** HealthChecker's HTML server report: an overview table, then label/value rows per server. */
const HEALTHCHECKER_HTML = `<html><style>td.Red{background: #FF0000;}</style><body>
<h1>Exchange Health Checker</h1><h2>Server Details</h2><table>
<tr><th>Server Name</th><th>EXHC1</th><tr>
<tr><td class="">Version</td><td class="">Exchange 2019 CU12 May22SU</td><tr>
<tr><td class="Red">Build Number</td><td class="Red">15.2.1118.9</td><tr>
</table></body></html>`;

/** A PowerShell transcript saved by Windows PowerShell 5.1's Out-File: UTF-16 LE with a byte-order mark. */
const TRANSCRIPT = [
  '**********************',
  'Windows PowerShell transcript start',
  '**********************',
  'PS C:\\> Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }',
  '',
  'ProductVersion   FileVersion      FileName',
  '--------------   -----------      --------',
  '15.01.2176.002   15.01.2176.002   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
].join('\r\n');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const CSV = '"Name","Build"\r\n"EXCSV1","15.2.2562.17"\r\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const FILES = [
  { name: 'healthchecker.html', mimeType: 'text/html', buffer: Buffer.from(HEALTHCHECKER_HTML) },
  { name: 'transcript.txt', mimeType: 'text/plain', buffer: utf16le(TRANSCRIPT) },
  { name: 'servers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) },
  { name: 'notes.log', mimeType: 'text/plain', buffer: Buffer.from('nothing about Exchange versions here') },
  { name: 'screenshot.png', mimeType: 'image/png', buffer: PNG },
  { name: 'huge.log', mimeType: 'text/plain', buffer: Buffer.alloc(4_000_001, 0x41) },
];

/** Counts every request the page makes from now on. */
function countRequests(page: Page): { urls: string[] } {
  const seen = { urls: [] as string[] };
  page.on('request', (r) => seen.urls.push(`${r.method()} ${r.url()}`));
  return seen;
}

async function ready(page: Page): Promise<void> {
  await page.goto('./');
  await firstUseFetched(page);
  await page.waitForLoadState('networkidle');
}

async function expectFileResults(page: Page): Promise<void> {
  const rows = page.locator('[data-row]');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-results-heading]')).toHaveText('Results for 3 servers');
  // Each row names its server and the file it came from.
  await expect(rows.nth(0)).toContainText('EXHC1');
  await expect(rows.nth(0).locator('.row-source')).toHaveText('from healthchecker.html');
  await expect(rows.nth(0)).toContainText('15.2.1118.9');
  await expect(rows.nth(1).locator('.row-source')).toHaveText('from transcript.txt');
  await expect(rows.nth(1)).toContainText('15.1.2176.2');
  await expect(rows.nth(1)).toContainText('Vulnerable');
  await expect(rows.nth(2)).toContainText('EXCSV1');
  await expect(rows.nth(2).locator('.row-source')).toHaveText('from servers.csv');
  // What each file gave, and a clear message naming each file that could not be read.
  const files = page.locator('[data-files] li');
  await expect(files).toHaveText([
    'healthchecker.html: Found 1 Exchange version.',
    'transcript.txt: Found 1 Exchange version.',
    'servers.csv: Found 1 Exchange version.',
    'notes.log: We found no Exchange version in that text.',
    /^“screenshot\.png” is not a text file\. Open a text file/,
    /^“huge\.log” is over 4 MB; we read files up to 4 MB \(2 million characters\)\./,
  ]);
  await expect(page.locator('[data-files]')).toContainText('nothing was uploaded');
  await expect(page.locator('[data-results-heading]')).toBeFocused();
  // A file's verdict says which file it was read from.
  await rows.nth(0).locator('.expand').click();
  await expect(page.locator('.detail-row:not([hidden]) dd.file-name')).toHaveText('healthchecker.html');
  // Files carry no share link: a share link holds pasted text.
  await expect(page.getByRole('button', { name: 'Create share link' })).toHaveCount(0);
}

test('Open a file: several files at once, read in the browser, nothing sent', async ({ page }) => {
  const seen = await watch(page);
  await ready(page);
  const requests = countRequests(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a file' }).click();
  await (await chooser).setFiles(FILES);
  await expectFileResults(page);
  // Only the page's own lazily loaded code (the file reader) may load; nothing carries the files.
  for (const r of requests.urls) expect(r).toMatch(/^GET .*\/exchange-patch-check\/assets\/[\w-]+\.js$/);
  expectClean(seen);
});

test('the Open a file button works from the keyboard', async ({ page }) => {
  await ready(page);
  const button = page.getByRole('button', { name: 'Open a file' });
  await button.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  const fc = await chooser;
  expect(fc.isMultiple()).toBe(true);
  await fc.setFiles([FILES[2]!]);
  await expect(page.locator('[data-row], [data-finding]').first()).toContainText('EXCSV1');
});

test('dropping files on the box reads them the same way; nothing sent', async ({ page }) => {
  const seen = await watch(page);
  await ready(page);
  const requests = countRequests(page);
  // Files made in the page: the large one from its size (a 4 MB array would be slow to pass in).
  const transfer = await page.evaluateHandle(
    (files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bytes = f.fill
          ? new Uint8Array(f.fill).fill(0x41)
          : Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
      }
      return dt;
    },
    FILES.map((f) => ({
      name: f.name,
      mimeType: f.mimeType,
      base64: f.buffer.length > 100_000 ? '' : f.buffer.toString('base64'),
      fill: f.buffer.length > 100_000 ? f.buffer.length : 0,
    })),
  );
  await page.dispatchEvent('#paste', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#paste', 'dragover', { dataTransfer: transfer });
  await expect(page.locator('form.checker')).toHaveClass(/checker--drop/);
  await page.dispatchEvent('#paste', 'drop', { dataTransfer: transfer });
  await expect(page.locator('form.checker')).not.toHaveClass(/checker--drop/);
  await expectFileResults(page);
  // The page is still the checker: the browser did not open the dropped file.
  expect(new URL(page.url()).pathname).toBe('/exchange-patch-check/');
  for (const r of requests.urls) expect(r).toMatch(/^GET .*\/exchange-patch-check\/assets\/[\w-]+\.js$/);
  expectClean(seen);
});

test('only unreadable files: a heading that says so, and each file named', async ({ page }) => {
  await ready(page);
  await page.locator('[data-file-input]').setInputFiles([FILES[4]!]);
  await expect(page.locator('[data-results-heading]')).toHaveText('We could not read that file');
  await expect(page.locator('[data-results-heading]')).toBeFocused();
  await expect(page.locator('[data-files] li')).toHaveText([/^“screenshot\.png” is not a text file/]);
  await expect(page.locator('[data-finding]')).toHaveCount(0);
});
