import { expect, test } from '@playwright/test';
import { builtRoutes } from './helpers.ts';

// `npm run dev` serves the same server-rendered pages, and hydration shows no mismatch in dev mode.
// One route per page type (every article uses the same template and islands).
const ROUTES = ['', 'guide/', 'guide/what-to-do-now/', 'builds/', 'about/'];

test('the page types tested here exist in the build', () => {
  expect(builtRoutes()).toEqual(expect.arrayContaining(ROUTES));
});

for (const route of ROUTES) {
  test(`dev server renders /${route} and hydrates without mismatch warnings`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning' || /hydration/i.test(msg.text()))
        problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // Count element nodes that hydration throws away (a mismatch repair removes and re-creates nodes).
    await page.addInitScript(() => {
      const w = window as unknown as { __removed: number };
      w.__removed = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.removedNodes) if (n.nodeType === 1) w.__removed += 1;
      }).observe(document, { childList: true, subtree: true });
    });
    const response = await page.goto(`./${route}`);
    // The dev server answers every route it renders with 200, the not-found page included.
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __removed: number }).__removed)).toBe(0);
  });
}

test('dev server answers unknown routes with 404', async ({ page }) => {
  const response = await page.goto('./no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});
