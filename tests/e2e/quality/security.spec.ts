/**
 * Security, from the built files and in the browser:
 *   - every page has a Content-Security-Policy meta tag, first in <head>, with default-src 'self',
 *     no unsafe-inline / unsafe-eval for scripts, object-src 'none', base-uri and form-action locked;
 *     inline CSS (the build inlines the stylesheet) is allowed by its hash, never by 'unsafe-inline';
 *   - a referrer-policy meta; no inline event handlers, inline scripts or javascript: URLs;
 *   - external links carry rel="noopener noreferrer" (static pages and rendered checker results);
 *   - the CSP violation listener works (negative control). The per-route "no CSP violation, no
 *     request to another origin" browser test is in ../site.spec.ts (every route) and here for
 *     404.html and the checker's result states.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, expectClean, watch } from '../helpers.ts';
import { check, waitForChecker } from './quality-helpers.ts';

// The offline edition is a download with its own policy, checked in tests/e2e/offline-edition.spec.ts.
const files = (readdirSync(DIST, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html') && f !== 'exchange-patch-check-offline.html')
  .map((f) => join(DIST, f));
const pages = files.map((file) => ({ name: relative(DIST, file), html: readFileSync(file, 'utf8') }));

/** Start tags with their attributes (names lower-cased, values entity-decoded enough for checks). */
function tags(html: string): { name: string; attrs: Map<string, string>; raw: string }[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1');
  return [...withoutComments.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g)].map((m) => {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(/([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g))
      attrs.set(
        (a[1] ?? '').toLowerCase(),
        (a[2] ?? a[3] ?? a[4] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
      );
    return { name: (m[1] ?? '').toLowerCase(), attrs, raw: m[0] };
  });
}

function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

test('there are built pages to check', () => {
  expect(pages.length).toBeGreaterThanOrEqual(10);
});

/** Every way a built page breaks the CSP / referrer / handler / external-link rules. */
function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const fail = (ok: boolean, message: string) => void (ok || problems.push(message));
  const all = tags(html);
  const head = html.slice(0, html.indexOf('</head>'));
  const cspMetas = all.filter(
    (t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  fail(cspMetas.length === 1, `expected one CSP meta tag, found ${cspMetas.length}`);
  // A meta CSP only governs what comes after it: it must precede every script, style and link.
  const cspAt = head.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
  const firstLoad = head.search(/<(script|style|link)\b/i);
  fail(
    cspAt > -1 && (firstLoad === -1 || cspAt < firstLoad),
    'CSP meta must come in <head> before any script, style or link',
  );

  const csp = parseCsp(cspMetas[0]?.attrs.get('content') ?? '');
  const is = (directive: string, ...allowed: string[]) => {
    const values = csp.get(directive) ?? [];
    fail(
      values.length === 1 && allowed.includes(values[0]!),
      `CSP ${directive} must be ${allowed.join(' or ')}, is "${values.join(' ')}"`,
    );
  };
  is('default-src', "'self'");
  is('object-src', "'none'");
  is('base-uri', "'self'", "'none'");
  is('form-action', "'self'", "'none'");
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
  for (const bad of [
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",
    'data:',
    'blob:',
    '*',
    'http:',
    'https:',
  ])
    fail(!scriptSrc.includes(bad), `CSP script-src must not allow ${bad}`);
  fail(
    !(csp.get('script-src-attr') ?? []).includes("'unsafe-inline'"),
    "CSP script-src-attr must not allow 'unsafe-inline'",
  );
  const styleSrc = csp.get('style-src') ?? csp.get('default-src') ?? [];
  fail(!styleSrc.includes("'unsafe-inline'"), "CSP style-src must not allow 'unsafe-inline'");
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    const hash = `'sha256-${createHash('sha256')
      .update(m[1] ?? '')
      .digest('base64')}'`;
    fail(styleSrc.includes(hash), `inline <style> whose hash ${hash} is not in style-src`);
  }
  for (const [directive, values] of csp)
    fail(
      !values.some((v) => v === '*' || v.startsWith('http')),
      `CSP ${directive} must allow no other origin: ${values.join(' ')}`,
    );

  const referrer = all.find((t) => t.name === 'meta' && t.attrs.get('name') === 'referrer')?.attrs.get('content');
  fail(
    /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/.test(referrer ?? ''),
    `referrer meta is "${referrer}"`,
  );

  for (const t of all) {
    for (const [name, value] of t.attrs) {
      fail(!/^on/.test(name), `inline event handler <${t.name} ${name}>`);
      fail(!/^\s*(javascript|vbscript):/i.test(value), `script URL <${t.name} ${name}="${value}">`);
    }
    fail(!t.attrs.has('style'), `style attribute (blocked by style-src 'self'): ${t.raw.slice(0, 80)}`);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi))
    fail(
      /\bsrc=/.test(m[1] ?? '') || /type="application\/(ld\+)?json"/.test(m[1] ?? '') || (m[2] ?? '').trim() === '',
      `inline script: ${m[0].slice(0, 80)}`,
    );

  for (const a of all.filter((t) => t.name === 'a' && /^[a-z][a-z0-9+.-]*:/i.test(t.attrs.get('href') ?? ''))) {
    const rel = (a.attrs.get('rel') ?? '').split(/\s+/);
    fail(
      rel.includes('noopener') && rel.includes('noreferrer'),
      `external link without rel="noopener noreferrer": ${a.raw}`,
    );
  }
  return problems;
}

for (const { name, html } of pages) {
  test(`${name}: CSP and referrer meta, no inline handlers or scripts, safe external links`, () => {
    expect(pageProblems(html), name).toEqual([]);
  });
}

test('the CSP violation listener catches a violation (negative control)', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('./about/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  });
  await expect.poll(() => seen.cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
});

test('404.html runs cleanly: no CSP violation, no request to another origin', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('./404.html');
  await page.waitForLoadState('networkidle');
  expectClean(seen);
});

test('checker results: no CSP violation or off-origin request; external links are noopener noreferrer', async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto('./');
  await waitForChecker(page);
  await check(page, 'EX01 15.1.2176.2\nEX02 15.2.2562.17\nEX03 14.3.513.0\nX-OWA-Version: 15.20.7452.28');
  await expect(page.locator('[data-results] [data-row]').first()).toBeVisible();
  for (const button of await page.locator('[data-results] [data-row] button[aria-expanded]').all())
    if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
  for (const summary of await page.locator('[data-results] details > summary').all()) await summary.click();
  const links = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, rel: a.getAttribute('rel') ?? '' })));
  const origin = new URL(page.url()).origin;
  const external = links.filter((l) => new URL(l.href).origin !== origin);
  for (const l of external) {
    expect(l.href, 'external links use https').toMatch(/^https:\/\//);
    expect(l.rel.split(/\s+/), `${l.href} rel`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }
  await page.waitForLoadState('networkidle');
  expectClean(seen);
});

test('opened files stay in the browser: no request carries them, none leaves the origin, no CSP violation', async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto('./');
  await waitForChecker(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  const secret = 'EX-SECRET-7f3a 15.1.2176.2';
  await page.locator('[data-file-input]').setInputFiles([
    { name: 'inventory.csv', mimeType: 'text/csv', buffer: Buffer.from(`${secret}\n`) },
    { name: 'report.html', mimeType: 'text/html', buffer: Buffer.from(`<p>${secret}</p><img src="x.png">`) },
  ]);
  await expect(page.locator('[data-results] [data-row]')).toHaveCount(2);
  await page.waitForLoadState('networkidle');
  // Only the page's own code may load (the file reader, on first use); an <img> in an opened HTML
  // file is never fetched, and nothing is posted.
  for (const r of requests)
    expect(r).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/exchange-patch-check\/assets\/[\w-]+\.js$/);
  expectClean(seen);
});
