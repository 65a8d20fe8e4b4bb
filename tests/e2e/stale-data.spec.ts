/**
 * The stale-data notice: more than 60 days after the data's date, verdicts and /builds/ say the
 * build data "may be out of date" and link to Microsoft's list; within 60 days they say nothing.
 * Decided in the browser from the reader's clock (fixed here), never at build time.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TAGS } from './helpers.ts';

/** The data's date, as /builds/ states it, and a date `days` after it (noon, local time). */
async function dataAsOf(page: Page): Promise<string> {
  await page.goto('./builds/');
  const asOf = await page.locator('[data-stale-notice]').getAttribute('data-as-of');
  expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return asOf ?? '';
}
const after = (iso: string, days: number): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days, 12);
};

async function checkABuild(page: Page): Promise<void> {
  await page.goto('./');
  await page.locator('textarea#paste').fill('15.1.2176.9');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('[data-results] h2').first()).toBeVisible();
}

for (const [days, stale] of [
  [30, false],
  [60, false],
  [61, true],
  [400, true],
] as const) {
  test(`${days} days after the data: ${stale ? 'the notice shows' : 'no notice'} on /builds/ and with a verdict`, async ({
    page,
    browser,
  }) => {
    const asOf = await dataAsOf(page);
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.clock.setFixedTime(after(asOf, days));

    await reader.goto('./builds/');
    const onBuilds = reader.locator('[data-stale-notice]');
    await expect(reader.locator('h1')).toHaveText('Every Exchange Server build');
    if (stale) {
      await expect(onBuilds).toBeVisible();
      await expect(onBuilds).toContainText('may be out of date');
      await expect(onBuilds.locator('a')).toHaveAttribute(
        'href',
        /learn\.microsoft\.com\/.*build-numbers-and-release-dates/,
      );
      const axe = await new AxeBuilder({ page: reader }).withTags(AXE_TAGS).include('[data-stale-notice]').analyze();
      expect(axe.violations).toEqual([]);
    } else await expect(onBuilds).toBeHidden();

    await checkABuild(reader);
    const withVerdict = reader.locator('[data-results] [data-stale-notice]');
    if (stale) await expect(withVerdict).toContainText('may be out of date');
    else await expect(withVerdict).toHaveCount(0);
    await context.close();
  });
}
