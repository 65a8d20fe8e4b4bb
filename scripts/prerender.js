// @ts-check
/**
 * Writes dist/<route>/index.html for every route, plus 404.html, sitemap.xml and robots.txt,
 * from the SSR build in dist-ssr/. Runs after both Vite builds (see scripts/build.js).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/** @param {string} base @param {string | undefined} siteUrl */
function absoluteBase(base, siteUrl) {
  if (!siteUrl) return undefined;
  const url = new URL(siteUrl);
  // SITE_URL may be the origin only or already include the base path.
  return url.pathname.endsWith(base) ? url.href : new URL(base, url.origin).href;
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
  /** @type {typeof import('../src/entry-server.ts')} */
  const entry = await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href);
  const template = readFileSync(join(dist, 'index.html'), 'utf8');
  const site = absoluteBase(base, siteUrl);
  const routes = entry.listRoutes();
  for (const route of routes) {
    const html = await entry.renderDocument(template, route, { siteUrl: site });
    const file = route.endsWith('.html') ? join(dist, route) : join(dist, route, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
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
  rmSync(ssrDir, { recursive: true, force: true });
  return routes;
}
