import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { DIST, expectClean, expectNoAxeViolations, watch } from './helpers.ts';
import { settle } from './quality/quality-helpers.ts';

test.describe.configure({ timeout: 90_000 });

test('/builds/ HTML stays compact', () => {
  const page = readFileSync(join(DIST, 'builds/index.html'), 'utf8');
  // The site's CSS is inlined into every page (budgets.js counts it as CSS); this is the markup.
  const html = Buffer.from(page.replace(/<style>[\s\S]*?<\/style>/, ''));
  const gzip = gzipSync(html, { level: 9 }).length;
  console.log(`/builds/ markup: ${html.length} B raw, ${gzip} B gzip; whole page ${page.length} B raw`);
  expect(html.length).toBeLessThan(160_000);
  expect(gzip).toBeLessThan(20_000);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every build is in the page, grouped by CU with anchors, KB links and worded statuses', async ({ page }) => {
    await page.goto('./builds/');
    const cu19 = page.locator('#exchange-2016-cu19');
    await expect(cu19).toContainText('Exchange 2016 CU19');
    const row = cu19.locator('tr', { hasText: '15.1.2176.9' });
    await expect(row).toContainText('Mar21SU');
    await expect(row).toContainText('2021-03-02');
    await expect(row.locator('a[href="https://support.microsoft.com/help/5000871"]')).toHaveText('KB5000871');
    await expect(row.locator('td').nth(4)).toHaveText('✓ Patched');
    // ProxyShell to "Other exploited": one cell across the four columns.
    await expect(row.locator('td').nth(5)).toHaveText('✕ Vulnerable');
    await expect(row.locator('td').nth(5)).toHaveAttribute('colspan', '4');
    await expect(cu19.locator('tr', { hasText: '15.1.2176.2' }).locator('td').nth(4)).toHaveText('✕ Vulnerable');
    expect(await page.locator('table.builds tbody tr').count()).toBeGreaterThan(350);
    await expect(page.locator('#exchange-2010-sp3, [id^="exchange-2010"]').first()).toBeAttached();
    await expect(page.locator('[id^="exchange-se"]').first()).toBeAttached();
    await expect(page.locator('#builds-filter')).toBeDisabled();
    await expect(page.locator('[data-filter-count]')).toContainText('Ctrl+F');
  });
});

test('the filter box narrows rows by build, KB, CU or update and says how many match', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('./builds/');
  const filter = page.getByLabel('Filter builds');
  await expect(filter).toBeVisible();
  const count = page.locator('[data-filter-count]');
  await expect(count).toHaveText(/^Showing all \d+ builds\.$/);
  const visibleRows = page.locator('table.builds tbody tr:visible');

  await filter.fill('15.1.2176.9');
  await expect(count).toHaveText(/^1 of \d+ builds match\.$/);
  await expect(visibleRows).toHaveCount(1);
  await expect(visibleRows).toContainText('Mar21SU');

  await filter.fill('KB5000871');
  await expect(count).toHaveText(/^\d+ of \d+ builds match\.$/);
  const n = await visibleRows.count();
  expect(n).toBeGreaterThan(5);
  for (const text of await visibleRows.allInnerTexts()) expect(text).toContain('KB5000871');

  await filter.fill('2019  CU12');
  for (const text of await visibleRows.allInnerTexts()) expect(text).toMatch(/^\S+\s+15\.2\.1118\./);
  await expect(page.locator('section.builds-product:visible')).toHaveCount(1);

  await filter.fill('no such build');
  await expect(count).toHaveText('No build matches “no such build”.');
  await expect(visibleRows).toHaveCount(0);

  await filter.fill('');
  await expect(count).toHaveText(/^Showing all \d+ builds\.$/);
  expectClean(seen);
});

test('a verdict links to its CU on /builds/', async ({ page }) => {
  await page.goto('./');
  await page.locator('#paste').fill('15.2.1118.9');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('[data-finding] a[href$="builds/#exchange-2019-cu12"]').click();
  await expect(page).toHaveURL(/\/builds\/#exchange-2019-cu12$/);
  await expect(page.locator('#exchange-2019-cu12')).toBeInViewport();
});

test('/builds/ build rows have no axe violations, light and dark, every kind of cell', async ({ page }) => {
  test.setTimeout(120_000);
  // quality/a11y.spec.ts checks the rest of /builds/ (light and dark, 375 and 1280 px). The rows are
  // checked here, filtered to a set with every kind of cell, at 1280 px where all columns are in
  // view (a CU block is as wide at 375 px, scrolled sideways, so target sizes are the same).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./builds/');
  // The March 2021 updates: fixed, vulnerable and (Exchange 2010) not assessed, side by side.
  await page.getByLabel('Filter builds').fill('2021-03-02');
  const rows = page.locator('table.builds tbody tr:visible');
  await expect(rows.first()).toBeVisible();
  for (const status of ['s-ok', 's-bad', 's-warn'])
    expect(await rows.locator(`td.${status}`).count(), status).toBeGreaterThan(0);
  expect(await rows.locator('td a[href^="https://support.microsoft.com/"]').count()).toBeGreaterThan(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    await expectNoAxeViolations(page, `/builds/ filtered (${colorScheme})`);
  }
});

test('tables far from the screen are skipped until scrolled to, filtered or printed, and stay in the page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('./builds/');
  await expect(page.getByLabel('Filter builds')).toBeEnabled();
  /** Per CU block: is its table rendered (not skipped by content-visibility)? */
  const rendered = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.builds-cu table')].map((t) => t.checkVisibility({ contentVisibilityAuto: true })),
    );
  const atLoad = await rendered();
  expect(atLoad.length).toBeGreaterThan(60);
  expect(atLoad.filter(Boolean).length).toBeLessThan(10);
  expect(atLoad.at(-1)).toBe(false);

  // Skipped rows are still in the document and the accessibility tree.
  const last = page.locator('.builds-cu').last();
  await expect(last.getByRole('row').last()).toBeAttached();
  expect(await last.locator('tbody tr').count()).toBeGreaterThan(0);
  await last.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await rendered()).at(-1)).toBe(true);

  await page.getByLabel('Filter builds').fill('KB5000871');
  expect((await rendered()).filter(Boolean).length).toBeGreaterThan(atLoad.filter(Boolean).length);

  await page.getByLabel('Filter builds').fill('');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ media: 'print' });
  expect((await rendered()).every(Boolean)).toBe(true);
});

test('printed, every table fits an A4 page (718 px between default margins), statuses as symbols with a legend', async ({
  page,
}) => {
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.goto('./builds/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('In the tables: ✓ patched, ✕ vulnerable')).toBeVisible();
  await expect(page.locator('.builds-toc')).toBeHidden();
  const tables = await page.evaluate(() =>
    [...document.querySelectorAll('table.builds')].map((t) => ({
      id: t.closest('.builds-cu')?.id,
      fits: t.getBoundingClientRect().width <= (t.parentElement?.clientWidth ?? 0) + 0.5,
    })),
  );
  expect(tables.length).toBeGreaterThan(60);
  expect(tables.filter((t) => !t.fits)).toEqual([]);
  // The word is still in the document; on paper a one-family cell shows the symbol, and a cell
  // spanning several families keeps its words.
  const mar21 = page.locator('#exchange-2016-cu19 tr', { hasText: '15.1.2176.9' });
  const single = mar21.locator('td.s-ok');
  await expect(single).toHaveText('✓ Patched');
  expect(await single.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"✓"');
  expect(await single.evaluate((td) => getComputedStyle(td).fontSize)).toBe('0px');
  const spanning = mar21.locator('td.s-bad[colspan]');
  expect(await spanning.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('none');
  expect(await spanning.evaluate((td) => parseFloat(getComputedStyle(td).fontSize))).toBeGreaterThan(8);
});
