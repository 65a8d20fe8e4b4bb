/**
 * XSS: every payload of the OWASP XSS filter-evasion cheat sheet (xss-payloads.ts), pasted
 * into the checker — alone and next to a real build so results render — and opened through a share
 * link, renders as inert text: no dialog, no injected element or event-handler attribute, no
 * script-ish URL, no CSP violation and no request to another origin. One page per test, reused.
 */
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectClean, watch } from '../helpers.ts';
import { check, waitForChecker } from './quality-helpers.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

test.describe.configure({ mode: 'parallel' });

/** Elements a payload could inject; their number on the page must never change. */
const WATCHED = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'img',
  'image',
  'base',
  'meta',
  'link',
  'style',
  'video',
  'audio',
  'source',
  'math',
  'bgsound',
  'marquee',
  'isindex',
  'xss',
  'x',
  'template',
  'body',
  'head',
  'svg script',
  'svg foreignObject',
  'form',
];

interface Snapshot {
  counts: Record<string, number>;
  handlers: string[];
  scriptUrls: string[];
}

async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((watched) => {
    const counts: Record<string, number> = {};
    for (const selector of watched) counts[selector] = document.querySelectorAll(selector).length;
    const handlers: string[] = [];
    const scriptUrls: string[] = [];
    for (const el of document.querySelectorAll('*'))
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) handlers.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
        if (/^\s*(javascript|vbscript|data):/i.test(attr.value) && attr.name !== 'value')
          scriptUrls.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
      }
    return { counts, handlers, scriptUrls };
  }, WATCHED);
}

/** What a textarea's value becomes for a given text (the HTML spec normalises line breaks). */
const asTextareaValue = (text: string) => text.replace(/\r\n?/g, '\n');

function shareFragment(text: string): string {
  return `v1=${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;
}

async function setup(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const seen = await watch(page);
  await page.goto('./');
  await waitForChecker(page);
  // The baseline: the page with a normal result on it.
  await check(page, '15.1.2176.9');
  await expect(page.locator('[data-results] [data-finding]')).toHaveCount(1);
  const baseline = await snapshot(page);
  expect(baseline.handlers).toEqual([]);
  expect(baseline.scriptUrls).toEqual([]);
  return { dialogs, seen, baseline };
}

async function expectInert(page: Page, baseline: Snapshot, dialogs: string[], label: string): Promise<void> {
  const now = await snapshot(page);
  expect(dialogs, `dialogs after ${label}`).toEqual([]);
  expect(now.handlers, `event-handler attributes after ${label}`).toEqual([]);
  expect(now.scriptUrls, `script URLs after ${label}`).toEqual([]);
  expect(now.counts, `elements after ${label}`).toEqual(baseline.counts);
}

test('at least 50 OWASP filter-evasion payloads are tested', () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
});

for (const mode of ['alone', 'with a build'] as const) {
  test(`pasted payloads (${mode}) render as inert text`, async ({ page }) => {
    test.setTimeout(120_000);
    const { dialogs, seen, baseline } = await setup(page);
    // Half the payloads go in next to a build (the result is rendered around them), the other half
    // alone (the "nothing found" path): every payload is pasted once, at least 50 per path, and
    // every one of them also goes through a share link below.
    const payloads = XSS_PAYLOADS.filter((_, i) => i % 2 === (mode === 'alone' ? 1 : 0));
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    for (const [i, payload] of payloads.entries()) {
      const text = mode === 'alone' ? payload : `${payload}\nEX01 ${payload} 15.1.2176.9\n`;
      await check(page, text);
      await expect(page.locator('#paste')).toHaveValue(asTextareaValue(text));
      if (mode === 'with a build') await expect(page.locator('[data-results] [data-finding]').first()).toBeVisible();
      else await expect(page.locator('[data-results] [data-no-result]')).toBeVisible();
      await expectInert(page, baseline, dialogs, `payload ${i}: ${payload.slice(0, 60)}`);
    }
    // Give late handlers (onerror, onload, meta refresh) a moment to fire, then check again.
    await page.waitForTimeout(300);
    await expectInert(page, baseline, dialogs, 'all payloads');
    expectClean(seen);
  });
}

test('payloads opened through a share link render as inert text', async ({ page }) => {
  test.setTimeout(120_000);
  const { dialogs, seen, baseline } = await setup(page);
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const text = `${payload}\n15.2.1118.7 ${payload}`;
    // Alternate between following a link (hash change) and opening it afresh (full load).
    if (i % 10 === 0) {
      await page.goto(`./#${shareFragment(text)}`);
      await waitForChecker(page);
    } else await page.evaluate((hash) => (location.hash = hash), shareFragment(text));
    await expect(page.locator('#paste')).toHaveValue(asTextareaValue(text));
    await expect(page.locator('[data-results] [data-finding]').first()).toBeVisible();
    await expect(page.locator('[data-share-note]')).toBeVisible();
    await expectInert(page, baseline, dialogs, `shared payload ${i}: ${payload.slice(0, 60)}`);
  }
  await page.waitForTimeout(300);
  await expectInert(page, baseline, dialogs, 'all shared payloads');
  expectClean(seen);
});
