// @ts-check
/**
 * Writes dist/<route>/index.html for every route, plus 404.html, the JSON API (api/v1/), sitemap.xml and robots.txt,
 * from the SSR build in dist-ssr/. Runs after both Vite builds (see scripts/build.js).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { islandPrefetch, readManifest } from './manifest.js';

const root = resolve(import.meta.dirname, '..');

/**
 * The deployment base as an absolute URL, or undefined without SITE_URL.
 * @param {string} base @param {string | undefined} siteUrl
 */
export function absoluteBase(base, siteUrl) {
  if (!siteUrl) return undefined;
  const url = new URL(siteUrl);
  // SITE_URL may be the origin only or already include the base path.
  return url.pathname.endsWith(base) ? url.href : new URL(base, url.origin).href;
}

/**
 * Puts the site's one stylesheet into the page as a <style> element and allows exactly that text in
 * the CSP (style-src 'sha256-…'; never 'unsafe-inline'). It is small (about 5 KB gzip) and every
 * page needs it before the first paint, so this saves a render-blocking request on a slow phone.
 * Returns the new template and the stylesheet files that are no longer referenced.
 * @param {string} template index.html as Vite built it
 * @param {string} dist
 * @param {string} base
 * @returns {{ html: string, inlined: string[] }}
 */
export function inlineStylesheets(template, dist, base) {
  /** @type {string[]} */
  const inlined = [];
  /** @type {string[]} */
  const hashes = [];
  const html = template.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (link) => {
    const href = /\bhref="([^"]+)"/.exec(link)?.[1] ?? '';
    if (!href.startsWith(base)) throw new Error(`stylesheet outside the base path ${base}: ${link}`);
    const file = join(dist, href.slice(base.length));
    const css = readFileSync(file, 'utf8');
    if (/<\/style/i.test(css)) throw new Error(`${file} contains "</style", which would end the <style> element`);
    inlined.push(file);
    hashes.push(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
    return `<style>${css}</style>`;
  });
  if (hashes.length === 0) return { html, inlined };
  let csp = 0;
  const withCsp = html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*\bstyle-src 'self')/,
    (m) => {
      csp += 1;
      return `${m} ${hashes.join(' ')}`;
    },
  );
  if (csp !== 1) throw new Error("index.html needs a CSP meta tag with style-src 'self' to allow the inlined CSS");
  return { html: withCsp, inlined };
}

/**
 * @param {{ base?: string, siteUrl?: string, dist?: string, ssrDir?: string }} options
 */
export async function prerender({
  base = '/',
  siteUrl = process.env.SITE_URL,
  dist = join(root, 'dist'),
  ssrDir = join(root, 'dist-ssr'),
} = {}) {
  /** @type {typeof import('../src/server/entry-server.ts')} */
  const entry = await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href);
  const { html: template, inlined } = inlineStylesheets(readFileSync(join(dist, 'index.html'), 'utf8'), dist, base);
  const site = absoluteBase(base, siteUrl);
  const manifest = readManifest(dist);
  /** @param {string} name */
  const prefetch = (name) => islandPrefetch(manifest, name).map((file) => `${base}${file}`);
  const routes = entry.listRoutes();
  for (const route of routes) {
    const html = await entry.renderDocument(template, route, { siteUrl: site, islandPrefetch: prefetch });
    const file = route.endsWith('.html') ? join(dist, route) : join(dist, route, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  // The open API: the data the checker uses, as JSON files under api/v1/, each with its schema.
  for (const [path, document] of Object.entries(entry.buildApi())) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), `${JSON.stringify(document, null, 2)}\n`);
  }
  const pages = routes.filter((route) => !route.endsWith('.html'));
  if (site) {
    const urls = pages.map((route) => `  <url><loc>${new URL(route, site).href}</loc></url>`).join('\n');
    writeFileSync(
      join(dist, 'sitemap.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    );
  }
  const robots = site
    ? `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', site).href}\n`
    : 'User-agent: *\nAllow: /\n';
  writeFileSync(join(dist, 'robots.txt'), robots);
  for (const file of inlined) rmSync(file);
  rmSync(ssrDir, { recursive: true, force: true });
  return routes;
}
