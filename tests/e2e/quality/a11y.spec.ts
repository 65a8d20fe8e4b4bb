/**
 * Accessibility: axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, best-practice) with
 * zero violations on every page, in light and dark, at 375 px and 1280 px (one page load, two axe
 * runs; see axeMatrix), and on the home page in each of the checker's result states. Also a keyboard-only
 * walkthrough of the checker and reduced motion.
 */
import { expect, test, type Page } from '@playwright/test';
import { ALL_PAGES, check, expectNoAxeMatrixViolations, waitForChecker } from './quality-helpers.ts';

const BULK = [
  'ProductVersion   FileVersion      FileName                                                          PSComputerName',
  '--------------   -----------      --------                                                          --------------',
  '15.01.2176.002   15.01.2176.002   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX01',
  '15.02.1118.009   15.02.1118.009   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX02',
  '15.02.2562.017   15.02.2562.017   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX03',
  '14.03.0513.000   14.03.0513.000   C:\\Program Files\\Microsoft\\Exchange Server\\V14\\bin\\ExSetup.exe   EX04',
].join('\n');

for (const route of ALL_PAGES) {
  test(`axe: /${route} at 375 px and 1280 px, light and dark`, async ({ page }) => {
    test.setTimeout(120_000);
    const response = await page.goto(`./${route}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    // The ~400 build rows of /builds/ repeat one pattern; ../builds.spec.ts checks a filtered set
    // that has every kind of cell, in light and dark, with every rule. Everything else is checked here.
    await expectNoAxeMatrixViolations(page, `/${route}`, route === 'builds/' ? '.builds-cu tbody' : undefined);
  });
}

test.describe('axe: the home page in its result states', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    await waitForChecker(page);
  });

  test('one vulnerable server', async ({ page }) => {
    await check(page, '15.1.2176.2');
    await expect(page.locator('[data-results] [data-finding]')).toHaveCount(1);
    await expectNoAxeMatrixViolations(page, 'home, one server');
  });

  test('one patched server with every detail open', async ({ page }) => {
    await check(page, '15.2.2562.17');
    await expect(page.locator('[data-results] [data-finding]')).toHaveCount(1);
    for (const summary of await page.locator('[data-results] details > summary').all()) await summary.click();
    await expectNoAxeMatrixViolations(page, 'home, one server, details open');
  });

  test('many servers, sorted, with a row expanded and a share link', async ({ page }) => {
    await check(page, BULK);
    await expect(page.locator('[data-results] [data-row]')).toHaveCount(4);
    await page.locator('[data-results] th button').nth(2).click();
    await page.locator('[data-results] [data-row] button[aria-expanded]').first().click();
    const share = page.getByRole('button', { name: /share link/i });
    if ((await share.count()) > 0) await share.first().click();
    await expectNoAxeMatrixViolations(page, 'home, bulk table');
  });

  test('opened files, one of them unreadable', async ({ page }) => {
    await page.locator('[data-file-input]').setInputFiles([
      { name: 'servers.csv', mimeType: 'text/csv', buffer: Buffer.from('EX01,15.1.2176.2\nEX02,15.2.2562.17\n') },
      { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) },
    ]);
    await expect(page.locator('[data-results] [data-files] li')).toHaveCount(2);
    await expectNoAxeMatrixViolations(page, 'home, opened files');
  });

  test('nothing found', async ({ page }) => {
    await check(page, 'Just some words, no version here.');
    await expect(page.locator('[data-results] [data-no-result]')).toBeVisible();
    await expectNoAxeMatrixViolations(page, 'home, nothing found');
  });

  test('empty input', async ({ page }) => {
    await check(page, '');
    await expect(page.locator('[data-results] [data-no-result]')).toBeVisible();
    await expectNoAxeMatrixViolations(page, 'home, empty input');
  });

  test('a damaged share link', async ({ page }) => {
    await page.goto('./#v1=!!!');
    await waitForChecker(page);
    await expect(page.locator('[data-results] [data-share-note]')).toBeVisible();
    await expectNoAxeMatrixViolations(page, 'home, damaged share link');
  });
});

/** Presses Tab until `selector` has focus, checking each stop shows a visible focus indicator. */
async function tabTo(page: Page, selector: string, max = 60): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const ring = style.boxShadow !== 'none';
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      return { label, matches: el.matches(sel), visible: el.matches(':focus-visible') && (outline || ring) };
    }, selector);
    if (!stop) continue;
    visited.push(stop.label);
    expect(stop.visible, `focus indicator visible on ${stop.label}`).toBe(true);
    if (stop.matches) return visited;
  }
  throw new Error(`Tab never reached ${selector}; visited: ${visited.join(' → ')}`);
}

test('keyboard only: skip link, paste, check, results, expand, sort, export', async ({ page }) => {
  await page.goto('./');
  await waitForChecker(page);
  // The first Tab stop is the skip link, and it leads to the main content.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(/skip to main content/i);
  await tabTo(page, '#paste');
  await page.keyboard.insertText(BULK);
  await tabTo(page, 'form.checker button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-results] [data-row]')).toHaveCount(4);
  // Focus moves to the results heading, which says what was found; the live region stays quiet.
  await expect(page.locator('[data-results-heading]')).toBeFocused();
  await expect(page.locator('[data-results-heading]')).toHaveText('Results for 4 servers');
  await expect(page.locator('[data-announce]')).toHaveText('');
  // Every control in the results is reachable in order.
  await tabTo(page, '[data-csv]');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await tabTo(page, '[data-results] th button');
  const header = page.locator('[data-results] th').first();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await tabTo(page, '[data-results] [data-row] button[aria-expanded]');
  const expand = page.locator(':focus');
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  const detail = page.locator(`#${await expand.getAttribute('aria-controls')}`);
  await expect(detail).toBeVisible();
  await page.keyboard.press('Space');
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const route of ['', 'guide/glossary/']) {
    test(`/${route}: no transition or animation lasts, no smooth scrolling`, async ({ page }) => {
      await page.goto(`./${route}`);
      await page.waitForLoadState('networkidle');
      if (route === '') await check(page, BULK);
      const moving = await page.evaluate(() => {
        const seconds = (list: string) =>
          Math.max(...list.split(',').map((d) => (d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d))));
        const found: string[] = [];
        for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
          for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(el, pseudo);
            const transition = s.transitionProperty !== 'none' ? seconds(s.transitionDuration) : 0;
            const animation =
              s.animationName !== 'none'
                ? seconds(s.animationDuration) * (s.animationIterationCount === 'infinite' ? Infinity : 1)
                : 0;
            if (transition > 0.01 || animation > 0.01)
              found.push(
                `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo ?? ''}: transition ${s.transitionDuration}, animation ${s.animationName} ${s.animationDuration}`,
              );
          }
        }
        if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
          found.push('html: scroll-behavior smooth');
        return found;
      });
      expect(moving).toEqual([]);
    });
  }
});
