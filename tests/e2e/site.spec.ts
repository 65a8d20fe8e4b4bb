import { expect, test } from '@playwright/test';
import { builtRoutes, expectClean, watch } from './helpers.ts';

const routes = builtRoutes();

test('the sitemap lists every page type', () => {
  expect(routes).toEqual(expect.arrayContaining(['', 'guide/', 'builds/', 'logs/', 'about/']));
  expect(routes.filter((r) => /^guide\/[a-z0-9-]+\/$/.test(r)).length).toBeGreaterThanOrEqual(2);
});

for (const route of routes) {
  test.describe(`/${route}`, () => {
    test('returns 200 with one h1, runs cleanly and stays on this origin', async ({ page }) => {
      const seen = await watch(page);
      const response = await page.goto(`./${route}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('header nav a')).toHaveCount(5);
      await page.waitForLoadState('networkidle');
      expectClean(seen);
    });

    // axe runs in quality/a11y.spec.ts: every page at 375 px and 1280 px, light and dark.
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const route of routes) {
    test(`/${route} reads fully`, async ({ page }) => {
      await page.goto(`./${route}`);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('header nav')).toContainText('Guide');
      await expect(page.locator('footer')).toContainText('Build data as of');
      const text = await page.locator('main').innerText();
      expect(text.length).toBeGreaterThan(150);
    });
  }

  test('an article shows its full text, code blocks and sources', async ({ page }) => {
    await page.goto('./guide/');
    const first = page.locator('main .card a').first();
    await first.click();
    await expect(page.locator('.prose')).toBeVisible();
    await expect(page.locator('.sources li').first()).toBeVisible();
  });
});

test('unknown routes are real 404s with the not-found page', async ({ page }) => {
  const response = await page.goto('./no-such-page/');
  expect(response?.status()).toBe(404);
});

test('404.html is a complete page with working links under the base', async ({ page }) => {
  const response = await page.goto('./404.html');
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('Page not found');
  const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const h of hrefs) expect(h).toMatch(/^\/exchange-patch-check\/([a-z-]+\/)?$/);
});

test('every internal link carries the base path and ends in a slash', async ({ request }) => {
  for (const route of routes) {
    // The served HTML (no need for a browser): every root-relative href in it.
    const html = await (await request.get(`./${route}`)).text();
    const hrefs = [...html.matchAll(/\shref="(\/[^"]*)"/g)].map((m) => m[1] ?? '');
    expect(hrefs.length, `links on /${route}`).toBeGreaterThan(4);
    for (const h of hrefs) {
      expect(h, `link on /${route}`).toMatch(/^\/exchange-patch-check\//);
      // Pages end in a slash; files keep their extension (the JSON API, the offline edition download).
      expect(h.split('#')[0], `link on /${route}`).toMatch(
        /\/$|\.(png|svg|xml|txt|css|js|json)$|\/exchange-patch-check-offline\.html$/,
      );
    }
  }
});

test('robots.txt points to the sitemap, which uses absolute URLs under the base', async ({ request }) => {
  const robots = await (await request.get('./robots.txt')).text();
  expect(robots).toContain('Sitemap: http://127.0.0.1:4173/exchange-patch-check/sitemap.xml');
  const sitemap = await (await request.get('./sitemap.xml')).text();
  expect(sitemap).toContain('<loc>http://127.0.0.1:4173/exchange-patch-check/guide/</loc>');
});

test('pages carry title, description, canonical and Open Graph meta', async ({ page }) => {
  await page.goto('./guide/');
  await expect(page).toHaveTitle(/Guide — Exchange Patch Check/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    'http://127.0.0.1:4173/exchange-patch-check/guide/',
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Guide');
});

test('code blocks get a working copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./guide/');
  const links = await page.locator('main .card a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const link of links) {
    await page.goto(link);
    if ((await page.locator('[data-copy]').count()) > 0) break;
  }
  const button = page.locator('[data-copy]').first();
  await expect(button).toBeVisible();
  await button.click();
  await expect(button).toContainText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const code = await page.locator('[data-code-block] pre').first().innerText();
  expect(clip.trim()).toBe(code.trim());
});
