/**
 * Links: a crawler over the built site served under the sub-path base. Starting at the
 * home page (and 404.html), it follows every same-origin link and asset reference over HTTP:
 * each must answer 200, stay under the base, and every #fragment must exist as an id on its
 * target page. Every external link must be a well-formed https URL (never fetched: no network).
 * Every page in the sitemap must be reachable by following links from home.
 */
import { expect, test } from '@playwright/test';
import { builtRoutes } from '../helpers.ts';

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** href/src values from <a>, <area>, <link>, <script>, <img>, <source>, with the attribute name. */
function references(html: string): { tag: string; url: string }[] {
  // Canonical and alternate links name the page at SITE_URL; site.spec.ts checks them.
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<link\b[^>]*\brel="(canonical|alternate)"[^>]*>/g, '');
  return [
    ...body.matchAll(
      /<(a|area|link|script|img|source|iframe)\b(?:[^>"']|"[^"]*"|'[^']*')*?\s(href|src|srcset)="([^"]*)"/gi,
    ),
  ].map((m) => ({ tag: (m[1] ?? '').toLowerCase(), url: decode(m[3] ?? '') }));
}

const ids = (html: string) => new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1] ?? '')));

test('crawl: every internal link and anchor resolves; every external link is well-formed https', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const base = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173/exchange-patch-check/');
  const pages = new Map<string, { status: number; html: string | null }>();
  const problems: string[] = [];
  const external = new Map<string, string>();
  const anchors: { from: string; page: string; fragment: string }[] = [];
  const queue = [base.href, new URL('404.html', base).href];

  while (queue.length > 0) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await request.get(url, { maxRedirects: 0 });
    const isHtml = (response.headers()['content-type'] ?? '').includes('text/html');
    // The offline edition is a download (an app in one file, checked in offline-edition.spec.ts),
    // not a page of the site: its links point at the published site.
    const download = url.endsWith('/exchange-patch-check-offline.html');
    const html = isHtml && !download ? await response.text() : null;
    pages.set(url, { status: response.status(), html });
    if (response.status() !== 200 || html === null) continue;
    for (const { tag, url: ref } of references(html)) {
      if (ref === '') {
        problems.push(`${url}: empty ${tag} reference`);
        continue;
      }
      let target: URL;
      try {
        target = new URL(ref, url);
      } catch {
        problems.push(`${url}: malformed URL ${ref}`);
        continue;
      }
      if (target.origin !== base.origin) {
        if (tag !== 'a' && tag !== 'area') problems.push(`${url}: <${tag}> loads from another origin: ${ref}`);
        else external.set(ref, url);
        continue;
      }
      if (!target.pathname.startsWith(base.pathname)) {
        problems.push(`${url}: link outside the base ${base.pathname}: ${ref}`);
        continue;
      }
      const page = target.href.split('#')[0]!;
      if (target.hash.length > 1) anchors.push({ from: url, page, fragment: decodeURIComponent(target.hash.slice(1)) });
      if (!pages.has(page)) queue.push(page);
    }
  }

  for (const [url, { status }] of pages) if (status !== 200) problems.push(`${url} answers ${status}`);
  for (const { from, page, fragment } of anchors) {
    const html = pages.get(page)?.html;
    if (html && !ids(html).has(fragment)) problems.push(`${from}: #${fragment} does not exist on ${page}`);
  }
  for (const [href, from] of external) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      problems.push(`${from}: malformed external link ${href}`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`${from}: external link is not https: ${href}`);
    else if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(url.hostname) || url.username || url.password || /\s/.test(href))
      problems.push(`${from}: suspicious external link ${href}`);
  }
  const reached = new Set([...pages.keys()].map((u) => u.slice(base.href.length)));
  for (const route of builtRoutes())
    if (!reached.has(route)) problems.push(`/${route} is in the sitemap but no link leads to it`);

  console.log(
    `crawled ${pages.size} URLs (${[...pages.values()].filter((p) => p.html).length} pages), ${anchors.length} anchors, ${external.size} distinct external links`,
  );
  expect(problems).toEqual([]);
});
