/** Shared by the quality gates in this folder (accessibility, security, XSS, links). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { AXE_TAGS, builtRoutes } from '../helpers.ts';

/** Every built page: the sitemap's routes plus the not-found page. */
export const ALL_PAGES = [...builtRoutes(), '404.html'];

export const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
] as const;

/** Waits until CSS transitions and animations (e.g. after a colour-scheme switch) have finished. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Runs axe at 375 px and 1280 px, in light and dark, on the page as it is now (no reload), and
 * returns one line per violation, prefixed with where it was seen. `exclude` leaves out elements
 * that another test checks (a CSS selector).
 */
export async function axeMatrix(page: Page, label: string, exclude?: string): Promise<string[]> {
  const problems: string[] = [];
  // Every width and every scheme is covered in two runs, without repeating work that cannot
  // change: the full rule set in light at 1280 px; then, in dark at 375 px, the rules that depend on
  // the layout (target sizes, scrolling regions, zoom) and the colour rules. The dark scheme changes
  // only colours (tests/unit/styles.test.ts), so the layout rules give the same answer in light, and
  // the narrow layout (cards instead of tables) is where dark colours differ most.
  const NARROW = ['target-size', 'scrollable-region-focusable', 'meta-viewport', 'meta-viewport-large'];
  const COLOUR = ['color-contrast', 'link-in-text-block'];
  const runs = [
    { viewport: VIEWPORTS[1], colorScheme: 'light', rules: null },
    { viewport: VIEWPORTS[0], colorScheme: 'dark', rules: [...NARROW, ...COLOUR] },
  ] as const;
  for (const { viewport, colorScheme, rules } of runs) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    await settle(page);
    const builder = new AxeBuilder({ page });
    if (exclude) builder.exclude(exclude);
    const results = await (rules ? builder.withRules([...rules]) : builder.withTags(AXE_TAGS)).analyze();
    for (const v of results.violations)
      problems.push(
        `${label} @ ${viewport.width}px ${colorScheme}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} nodes` : ''}`,
      );
  }
  return problems;
}

export async function expectNoAxeMatrixViolations(page: Page, label: string, exclude?: string): Promise<void> {
  expect(await axeMatrix(page, label, exclude), `axe violations on ${label}`).toEqual([]);
}

/** Pastes text into the checker and presses Check; waits for the results area to update. */
export async function check(page: Page, text: string): Promise<void> {
  await page.locator('#paste').fill(text);
  await page.locator('form.checker button[type="submit"]').click();
}

/** Waits until the checker island has hydrated (its submit handler is live). */
export async function waitForChecker(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('form.checker button[type="submit"]')).toBeVisible();
}
