import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BUDGETS, jsBudget, measure, gzipSize } from '../../scripts/quality/budgets.js';
import { builtRoutes, DIST } from './helpers.ts';

const assets = join(DIST, 'assets');
const jsFiles = readdirSync(assets).filter((f) => f.endsWith('.js'));

test('marked never reaches a client bundle', () => {
  for (const file of jsFiles) {
    const code = readFileSync(join(assets, file), 'utf8');
    expect(code, file).not.toContain('marked(): input parameter');
    expect(code, file).not.toMatch(/Token with "[^"]*" type was not found/);
    expect(code, file).not.toContain('shiki');
  }
});

test('article HTML is not duplicated inside any JS bundle', () => {
  const article = readFileSync(join(DIST, 'guide/glossary/index.html'), 'utf8');
  const sentences = [...article.matchAll(/<p>([^<]{60,})<\/p>/g)].map((m) => m[1] ?? '').slice(0, 5);
  expect(sentences.length).toBeGreaterThan(0);
  const allJs = jsFiles.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  for (const sentence of sentences) expect(allJs).not.toContain(sentence.slice(0, 50));
});

// scripts/quality/budgets.js (npm run budgets) is the source of truth for the budgets, computed
// from dist/. This test checks it against a real browser: every script a page actually loads (after
// its islands hydrate) was counted for that page, and the browser-measured total is within budget.
test('JavaScript loaded per page stays within budget (gzip) and matches scripts/quality/budgets.js', async ({
  page,
}) => {
  const report = measure(DIST);
  const loaded = new Map<string, number>();
  // Revalidated scripts come back as 304 without a body: size what was requested from dist/.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js') && url.pathname.startsWith(report.base))
      loaded.set(url.pathname, gzipSize(readFileSync(join(DIST, url.pathname.slice(report.base.length)))));
  });
  for (const route of builtRoutes()) {
    const counted = report.pages.find((p) => p.route === route);
    expect(counted, `/${route} measured by budgets.js`).toBeDefined();
    if (!counted) continue;
    const { budget } = jsBudget(counted);
    // Leave the previous page completely first, so none of its late requests are counted here.
    await page.goto('about:blank');
    loaded.clear();
    await page.goto(`./${route}`);
    await page.waitForLoadState('networkidle');
    const countedFiles = counted.js.map((j) => `${report.base}${j.file}`);
    // Home also fetches the checker core and the results UI at idle time after load (see the next
    // test): budgets.js counts those as lazy, not against the budget for the load.
    const lazyFiles = counted.jsLazy.map((j) => `${report.base}${j.file}`);
    const total = [...loaded].reduce((sum, [file, bytes]) => sum + (lazyFiles.includes(file) ? 0 : bytes), 0);
    console.log(
      `JS on /${route}: ${total} B gzip in ${loaded.size} files (budgets.js: ${counted.jsTotal} B; budget ${budget} B)`,
    );
    for (const file of loaded.keys())
      expect([...countedFiles, ...lazyFiles], `/${route} loaded ${file}, which budgets.js did not count`).toContain(
        file,
      );
    expect(total, `/${route} JS gzip`).toBeLessThanOrEqual(budget);
    expect(total, `/${route} JS gzip (browser) vs budgets.js`).toBeLessThanOrEqual(counted.jsTotal);
  }
});

test('home fetches the checker core and the results UI ahead at idle time, after the load event, and shows nothing until asked', async ({
  page,
}) => {
  const report = measure(DIST);
  const home = report.pages.find((p) => p.route === '');
  const lazy = (home?.jsLazy ?? []).map((j) => `${report.base}${j.file}`);
  // The checker core (its wording) and its build data are among them, not in what loads up front.
  const holds = (files: readonly string[], text: string) =>
    files.some((f) => readFileSync(join(DIST, f.slice(report.base.length)), 'utf8').includes(text));
  const loadedUpFront = (home?.js ?? []).map((j) => `${report.base}${j.file}`);
  for (const text of ['We found no Exchange version in that text.', 'KB5000871']) {
    expect(holds(lazy, text), `"${text}" is in a lazy chunk`).toBe(true);
    expect(holds(loadedUpFront, text), `"${text}" is not loaded up front`).toBe(false);
  }
  await page.goto('./');
  // The build lists what the island loads on first use; that is what budgets.js counts as lazy.
  const listed = (await page.locator('[data-island="paste-check"]').getAttribute('data-prefetch'))?.split(' ') ?? [];
  expect(listed.sort()).toEqual([...lazy].sort());
  // Nobody touches the page: the chunks still arrive, so the first check need not wait for them.
  await page.waitForFunction(
    (files) => files.every((f) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(f))),
    lazy,
  );
  const timing = await page.evaluate(() => ({
    load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    starts: performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as const),
    preloads: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href')),
  }));
  expect(timing.load).toBeGreaterThan(0);
  for (const file of lazy) {
    const start = timing.starts.find(([name]) => name.endsWith(file))?.[1] ?? -1;
    expect(start, `${file} starts after the load event`).toBeGreaterThanOrEqual(timing.load);
    // As module preloads, so the download never waits on the main thread; they run at a later idle moment.
    expect(timing.preloads).toContain(file);
  }
  // Warmed up, not shown: the results UI has rendered nothing, and the box still works at once.
  await page.waitForTimeout(500);
  await expect(page.locator('[data-results] [data-results-heading]')).toHaveCount(0);
  await page.fill('#paste', '15.1.2176.9');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('[data-finding]')).toHaveCount(1);
});

test('after the first check, home has loaded only counted chunks, within the after-check budget', async ({ page }) => {
  const report = measure(DIST);
  const home = report.pages.find((p) => p.route === '');
  expect(home?.jsLazy.length, 'budgets.js found the lazily loaded checker core').toBeGreaterThan(0);
  if (!home) return;
  const loaded = new Map<string, number>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js') && url.pathname.startsWith(report.base))
      loaded.set(url.pathname, gzipSize(readFileSync(join(DIST, url.pathname.slice(report.base.length)))));
  });
  await page.goto('./');
  await page.fill('#paste', '15.1.2176.9');
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const counted = [...home.js, ...home.jsLazy].map((j) => `${report.base}${j.file}`);
  for (const file of loaded.keys())
    expect(counted, `home loaded ${file}, which budgets.js did not count`).toContain(file);
  const total = [...loaded.values()].reduce((a, b) => a + b, 0);
  console.log(`JS on / after the first check: ${total} B gzip (budget ${BUDGETS.homeJsAfterCheck} B)`);
  expect(total).toBeLessThanOrEqual(BUDGETS.homeJsAfterCheck);
});
