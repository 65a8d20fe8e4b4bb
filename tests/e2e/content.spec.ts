/**
 * Content behaviour in the built site: every article is reachable from the main
 * navigation, the home page sends owners and IT staff straight to their path, and the owner
 * checklist works with JavaScript (ticks persist in this browser) and reads without it.
 * The whole-site link crawl and the axe matrix live in tests/e2e/quality/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtRoutes } from './helpers.ts';

const articleRoutes = builtRoutes().filter((route) => /^guide\/[a-z0-9-]+\/$/.test(route));
const CHECKLIST = 'guide/what-to-do-now/';
const CHECKLIST_KEY = `epc-checklist:/exchange-patch-check/${CHECKLIST}`;
/** Unticked task items in the Markdown source: each must render as one checkbox. */
const TASKS =
  readFileSync(join(import.meta.dirname, '../../content/guide/03-what-to-do-now.md'), 'utf8').match(/^- \[ \] /gm)
    ?.length ?? 0;

async function openGuideFromHome(page: Page): Promise<void> {
  await page.goto('./');
  await page.locator('header nav').getByRole('link', { name: 'Guide', exact: true }).click();
  await expect(page).toHaveURL(/\/exchange-patch-check\/guide\/$/);
  await expect(page.locator('h1')).toHaveText('Guide');
}

test('the sitemap lists the guide articles and the checklist has items', () => {
  // Guards the table below: an empty or partial sitemap would make the reachability tests vacuous.
  expect(articleRoutes.length).toBeGreaterThanOrEqual(10);
  expect(articleRoutes).toContain(CHECKLIST);
  expect(articleRoutes).toContain('guide/glossary/');
  expect(TASKS, 'unticked "- [ ]" items in the checklist source').toBeGreaterThanOrEqual(5);
});

test.describe('every article is reachable from the navigation', () => {
  test('home → Guide → every article, each opening with its own title and audience badge', async ({ page }) => {
    test.setTimeout(120_000); // three navigations per article, for every article
    for (const route of articleRoutes) {
      await openGuideFromHome(page);
      const link = page.locator(`main a[href="/exchange-patch-check/${route}"]`);
      await expect(link, `the guide index links to /${route}`).toHaveCount(1);
      const title = (await link.innerText()).trim();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/exchange-patch-check/${route}$`));
      await expect(page.locator('h1'), `/${route}`).toHaveText(title);
      await expect(page.locator('.audience'), `/${route}`).toBeVisible();
    }
  });

  test('the guide index lists nothing but the built articles', async ({ page }) => {
    await openGuideFromHome(page);
    const linked = await page
      .locator('main .card a')
      .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').replace('/exchange-patch-check/', '')));
    expect([...linked].sort()).toEqual([...articleRoutes].sort());
  });
});

test.describe('the home page sends each reader straight to their path', () => {
  // Each door must land on an article written for that reader, marked with the matching badge.
  const doors = [
    { door: 'I run a business', badge: 'For business owners', audience: 'owner', why: 'owners need plain answers' },
    { door: 'I run the servers', badge: 'For IT staff', audience: 'it', why: 'IT staff need builds and steps' },
  ];
  // The doors are plain links: they must work before (or without) the checker script.
  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled });
      for (const { door, badge, audience, why } of doors) {
        test(`"${door}" opens an ${audience} article (${why})`, async ({ page }) => {
          await page.goto('./');
          const link = page.locator('main').getByRole('link', { name: new RegExp(`^${door}`) });
          await expect(link).toHaveCount(1);
          await expect(link).toBeVisible();
          await link.click();
          await expect(page).toHaveURL(/\/exchange-patch-check\/guide\/[a-z0-9-]+\/$/);
          await expect(page.locator('article .audience')).toHaveText(badge);
          await expect(page.locator('article .audience')).toHaveClass(new RegExp(`audience--${audience}\\b`));
        });
      }
    });
  }
});

test.describe('the owner checklist', () => {
  test('is tickable, remembers ticks across a reload, and "Clear all ticks" clears them', async ({ page }) => {
    await page.goto(`./${CHECKLIST}`);
    const boxes = page.locator('main input.task-checkbox');
    await expect(boxes).toHaveCount(TASKS);
    for (let i = 0; i < TASKS; i += 1) await expect(boxes.nth(i)).toBeEnabled();

    // Tick by clicking the label text, as a reader would.
    const first = page.getByRole('checkbox', { name: /Find out where our email lives/ });
    const third = page.getByRole('checkbox', { name: /Get the exact version and build number/ });
    await page.getByText('Find out where our email lives').click();
    await third.check();
    await expect(first).toBeChecked();
    await expect(third).toBeChecked();
    expect(await page.evaluate((key) => localStorage.getItem(key), CHECKLIST_KEY)).toBeTruthy();

    await page.reload();
    await expect(first).toBeChecked();
    await expect(third).toBeChecked();
    await expect(page.locator('main input.task-checkbox:checked')).toHaveCount(2);

    const clear = page.getByRole('button', { name: 'Clear all ticks' });
    await expect(clear).toBeVisible();
    await clear.click();
    await expect(page.locator('main input.task-checkbox:checked')).toHaveCount(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), CHECKLIST_KEY)).toBeNull();

    await page.reload();
    await expect(page.locator('main input.task-checkbox:checked')).toHaveCount(0);
  });

  test('keeps ticks to its own page', async ({ page }) => {
    await page.goto(`./${CHECKLIST}`);
    await page.getByRole('checkbox', { name: /Set a date to check again/ }).check();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => k.startsWith('epc-checklist:'))).toEqual([CHECKLIST_KEY]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('shows every item as a disabled checkbox and still reads in full', async ({ page }) => {
      await page.goto(`./${CHECKLIST}`);
      const boxes = page.locator('main input.task-checkbox');
      await expect(boxes).toHaveCount(TASKS);
      for (let i = 0; i < TASKS; i += 1) {
        await expect(boxes.nth(i)).toBeVisible();
        await expect(boxes.nth(i)).toBeDisabled();
        await expect(boxes.nth(i)).not.toBeChecked();
      }
      await expect(page.getByRole('checkbox', { name: /Find out where our email lives/ })).toBeVisible();
      // The reset button needs the script; it must not sit there doing nothing.
      await expect(page.getByRole('button', { name: 'Clear all ticks' })).toBeHidden();
      for (const heading of ['Your checklist', 'Questions to ask your IT provider', 'What to do next', 'Sources']) {
        await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) })).toBeVisible();
      }
      await expect(page.locator('main')).toContainText('Ask for answers in writing');
    });
  });
});
