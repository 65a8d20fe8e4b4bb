import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const DIST = join(import.meta.dirname, '../../dist');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every page route, relative to the base, read from the built sitemap ('' is home). */
export function builtRoutes(): string[] {
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const routes = [...sitemap.matchAll(/<loc>[^<]*?\/exchange-patch-check\/([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
  if (routes.length === 0)
    throw new Error('dist/sitemap.xml lists no routes: build with SITE_URL set (npm run build:test)');
  return routes;
}

/**
 * Waits until the browser has fetched every chunk the paste check needs on first use: the files the
 * build lists on the island (data-prefetch), which the page fetches at idle time after load or when
 * the box gets focus.
 */
export async function firstUseFetched(page: Page): Promise<void> {
  const listed = (await page.locator('[data-island="paste-check"]').getAttribute('data-prefetch')) ?? '';
  const files = listed.split(' ').filter(Boolean);
  expect(files.length, 'the island lists what it loads on first use').toBeGreaterThan(0);
  await page.waitForFunction(
    (urls) => urls.every((url) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(url))),
    files,
  );
}

export interface Watch {
  consoleProblems: string[];
  offOrigin: string[];
  failed: string[];
  cspViolations: string[];
}

/**
 * Records console errors and warnings, requests to other origins, failed requests and CSP
 * violations for one page. Call before navigating.
 */
export async function watch(page: Page): Promise<Watch> {
  const result: Watch = { consoleProblems: [], offOrigin: [], failed: [], cspViolations: [] };
  const origin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173/').origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') result.consoleProblems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => result.consoleProblems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) result.offOrigin.push(url);
  });
  page.on('requestfailed', (request) => result.failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.exposeFunction('__cspViolation', (text: string) => result.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return result;
}

export function expectClean(result: Watch): void {
  expect(result.consoleProblems, 'console errors or warnings').toEqual([]);
  expect(result.offOrigin, 'requests to another origin').toEqual([]);
  expect(result.failed, 'failed requests').toEqual([]);
  expect(result.cspViolations, 'Content-Security-Policy violations').toEqual([]);
}

export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations${context ? ` on ${context}` : ''}`).toEqual([]);
}
