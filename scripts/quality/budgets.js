// @ts-check
/**
 * Performance budgets, checked from the build output (dist/). The source of truth for the
 * per-page JavaScript budget; tests/e2e/bundle.spec.ts checks in a browser that a page never loads
 * a script this file did not count for it.
 *
 * For each built HTML page it counts, gzip -9:
 *   - JS: the page's module scripts and modulepreloads, plus every chunk they import statically
 *     (the import graph comes from Vite's build manifest, dist/.vite/manifest.json);
 *     on a page with islands, also the chunks loaded dynamically for those islands (the island's
 *     own chunk, the shared runtime chunks and everything they import, statically or dynamically);
 *   - CSS: the stylesheets the page links and its <style> elements (the build inlines the site's
 *     stylesheet, see scripts/prerender.js);
 *   - the HTML itself (inlined CSS included).
 * And every image in dist/ by raw size.
 *
 * Usage: node scripts/quality/budgets.js [distDir]   (npm run budgets, after a build)
 * Exits 1 with one "Budget exceeded: …" line per failure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { OFFLINE_FILE } from '../offline-edition.js';

const KB = 1024;
/** Budgets in bytes (gzip unless noted). */
export const BUDGETS = {
  /** JS the home page loads before the first check: entry, Svelte runtime, the paste-check island. */
  homeJs: 45 * KB,
  /**
   * Home JS once the first check has run: the above plus the lazily loaded checker core, its build
   * and vulnerability data and the results UI. The 45 KB above applies to what loads up front; the
   * data and heavy parts load lazily, on first use.
   */
  homeJsAfterCheck: 60 * KB,
  /** JS on any other page with an island (none today): the same ceiling as home. */
  islandPageJs: 45 * KB,
  /** JS on an article or any other page without islands. */
  pageJs: 5 * KB,
  /** CSS linked by any page. */
  css: 15 * KB,
  /** The home page's HTML. */
  homeHtml: 30 * KB,
  /** The single-file offline edition, everything inline (not a page of the site). */
  offlineEdition: 250 * KB,
  /** Any image file, raw bytes. */
  image: 100 * KB,
};

const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/i;

/** @param {Buffer | string} data */
export const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], dynamicImports?: string[] }} ManifestChunk
 */

/**
 * Vite's build manifest (dist/.vite/manifest.json, `build.manifest: true`): every chunk, keyed by
 * its source module, with what it imports statically and dynamically.
 * @param {string} dist
 * @returns {Record<string, ManifestChunk>}
 */
export function readManifest(dist) {
  const file = join(dist, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: the build must set build.manifest (vite.config.ts)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The island a chunk holds, if any: islands are Svelte components loaded dynamically, named in
 * kebab case after their file (src/shared/islands.ts): PasteCheck.svelte → "paste-check".
 * @param {ManifestChunk} chunk
 */
export function islandOf(chunk) {
  if (!chunk.isDynamicEntry || !chunk.src?.endsWith('.svelte')) return null;
  return basename(chunk.src, '.svelte')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/**
 * @typedef {{ file: string, gzip: number }} Sized
 * @typedef {{ page: string, route: string, html: number, islands: string[], js: Sized[], jsTotal: number,
 *   jsLazy: Sized[], jsLazyTotal: number, css: Sized[], cssTotal: number }} PageReport
 * @typedef {{ dist: string, base: string, pages: PageReport[], images: { file: string, bytes: number }[],
 *   offline: number | null }} Report
 */

/**
 * The build's chunks as a graph, from Vite's manifest: what each built file imports, and which
 * chunks hold an island.
 * @param {string} dist
 */
export function chunkGraph(dist) {
  const manifest = readManifest(dist);
  /** Built file (absolute) -> its manifest chunk. */
  const chunks = new Map(Object.values(manifest).map((c) => [join(dist, c.file), c]));
  const fileOf = (/** @type {string} */ key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} as an import but has no chunk for it`);
    return join(dist, chunk.file);
  };
  /** @param {string} file */
  const importsOf = (file) => {
    const chunk = chunks.get(file);
    if (!chunk) throw new Error(`${relative(dist, file)} is loaded by a page but is not in the build manifest`);
    return { static: (chunk.imports ?? []).map(fileOf), dynamic: (chunk.dynamicImports ?? []).map(fileOf) };
  };
  /** @type {Map<string, string>} built file -> island name */
  const islands = new Map();
  for (const [file, chunk] of chunks) {
    const island = islandOf(chunk);
    if (island) islands.set(file, island);
  }
  return { importsOf, islands };
}

/**
 * The JS a page loads up front (`js`) and on first use of its islands (`lazy`), starting from its
 * module scripts and modulepreloads. Island chunks load only on pages with that island; other lazy
 * chunks (the Svelte runtime) only on pages with any island; what an island itself imports lazily
 * loads on first use and is counted separately (see BUDGETS.homeJsAfterCheck).
 * @param {string[]} roots built files the page's HTML loads
 * @param {string[]} pageIslands island names on the page
 * @param {ReturnType<typeof chunkGraph>} graph
 */
export function pageScripts(roots, pageIslands, graph) {
  /** @type {Set<string>} */
  const js = new Set();
  /** @type {Set<string>} */
  const lazy = new Set();
  const visit = (/** @type {string} */ f, /** @type {boolean} */ followDynamic, /** @type {boolean} */ isLazy) => {
    if (js.has(f) || (isLazy && lazy.has(f))) return;
    if (isLazy) lazy.add(f);
    else {
      lazy.delete(f);
      js.add(f);
    }
    const { static: stat, dynamic } = graph.importsOf(f);
    for (const s of stat) visit(s, followDynamic, isLazy);
    for (const d of dynamic) {
      const island = graph.islands.get(d);
      if (followDynamic) visit(d, true, true);
      else if (pageIslands.length > 0 && (!island || pageIslands.includes(island)))
        visit(d, island !== undefined, isLazy);
    }
  };
  for (const r of roots) visit(r, false, false);
  // A chunk needed at load time is never counted as lazy.
  for (const f of js) lazy.delete(f);
  return { js, lazy };
}

/** Values of one attribute on the elements a pattern finds. @param {string} html @param {RegExp} pattern */
const attributeValues = (html, pattern) => [...html.matchAll(pattern)].map((m) => m[1] ?? '');

/**
 * Measures every page in dist/.
 * @param {string} dist
 * @returns {Report}
 */
export function measure(dist) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html not found: build first (npm run build:test)`);
  const files = walk(dist);
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const entrySrc = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(home)?.[1] ?? '/';
  const base = entrySrc.includes('assets/') ? entrySrc.slice(0, entrySrc.indexOf('assets/')) : '/';
  const graph = chunkGraph(dist);
  const knownIslands = new Set(graph.islands.values());

  /** URL path on the site -> file in dist. @param {string} url */
  const toFile = (url) => {
    const path = url.split(/[?#]/)[0] ?? '';
    if (!path.startsWith(base)) throw new Error(`${url} is not under the base ${base}`);
    return join(dist, path.slice(base.length));
  };
  /** @type {Map<string, number>} */
  const sizes = new Map();
  /** @param {Iterable<string>} list @returns {Sized[]} */
  const sized = (list) =>
    [...list].sort().map((file) => {
      let gzip = sizes.get(file);
      if (gzip === undefined) sizes.set(file, (gzip = gzipSize(readFileSync(file))));
      return { file: relative(dist, file), gzip };
    });
  const total = (/** @type {Sized[]} */ list) => list.reduce((a, b) => a + b.gzip, 0);

  const pages = files
    .filter((f) => f.endsWith('.html') && basename(f) !== OFFLINE_FILE)
    .sort()
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const page = relative(dist, file).split('\\').join('/');
      const islands = attributeValues(html, /data-island="([a-z0-9-]+)"/g);
      for (const name of islands)
        if (!knownIslands.has(name))
          throw new Error(`${page} has island "${name}", but no chunk in the manifest holds it`);
      const roots = [
        ...attributeValues(html, /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
        ...attributeValues(html, /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
      ].map(toFile);
      const scripts = pageScripts(roots, islands, graph);
      const js = sized(scripts.js);
      const jsLazy = sized(scripts.lazy);
      const css = [
        ...sized(new Set(attributeValues(html, /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g).map(toFile))),
        ...attributeValues(html, /<style\b[^>]*>([\s\S]*?)<\/style>/g).map((text, i) => ({
          file: `<style> #${i + 1}`,
          gzip: gzipSize(text),
        })),
      ];
      return {
        page,
        route: page === 'index.html' ? '' : page.replace(/index\.html$/, ''),
        html: gzipSize(html),
        islands,
        js,
        jsTotal: total(js),
        jsLazy,
        jsLazyTotal: total(jsLazy),
        css,
        cssTotal: total(css),
      };
    });
  const offlineFile = join(dist, OFFLINE_FILE);
  const offline = existsSync(offlineFile) ? gzipSize(readFileSync(offlineFile)) : null;
  const images = files
    .filter((f) => IMAGE.test(f))
    .map((f) => ({ file: relative(dist, f), bytes: statSync(f).size }))
    .sort((a, b) => b.bytes - a.bytes);
  return { dist, base, pages, images, offline };
}

/** The JS budget that applies to a page. @param {PageReport} p */
export function jsBudget(p) {
  if (p.route === '') return { budget: BUDGETS.homeJs, kind: 'home' };
  if (p.islands.length > 0) return { budget: BUDGETS.islandPageJs, kind: 'page with islands' };
  return { budget: BUDGETS.pageJs, kind: /^guide\/[^/]+\/$/.test(p.route) ? 'article' : 'page without islands' };
}

/**
 * @param {Report} report
 * @returns {string[]} one message per exceeded budget (empty when all pass)
 */
export function checkBudgets(report) {
  const kb = (/** @type {number} */ n) => `${(n / KB).toFixed(2)} KB`;
  /** @type {string[]} */
  const failures = [];
  for (const p of report.pages) {
    const { budget, kind } = jsBudget(p);
    if (p.jsTotal > budget)
      failures.push(
        `Budget exceeded: JS on /${p.route} (${kind}) is ${kb(p.jsTotal)} gzip, budget ${kb(budget)} — ${p.js.map((j) => `${j.file} ${kb(j.gzip)}`).join(', ')}`,
      );
    if (p.route === '' && p.jsTotal + p.jsLazyTotal > BUDGETS.homeJsAfterCheck)
      failures.push(
        `Budget exceeded: JS on / after the first check is ${kb(p.jsTotal + p.jsLazyTotal)} gzip, budget ${kb(BUDGETS.homeJsAfterCheck)} — lazy: ${p.jsLazy.map((j) => `${j.file} ${kb(j.gzip)}`).join(', ')}`,
      );
    if (p.cssTotal > BUDGETS.css)
      failures.push(`Budget exceeded: CSS on /${p.route} is ${kb(p.cssTotal)} gzip, budget ${kb(BUDGETS.css)}`);
    if (p.route === '' && p.html > BUDGETS.homeHtml)
      failures.push(`Budget exceeded: home HTML is ${kb(p.html)} gzip, budget ${kb(BUDGETS.homeHtml)}`);
  }
  if (!report.pages.some((p) => p.route === ''))
    failures.push('Budget check failed: no home page (index.html) in dist/');
  if (report.offline === null) failures.push(`Budget check failed: no offline edition (${OFFLINE_FILE}) in dist/`);
  else if (report.offline > BUDGETS.offlineEdition)
    failures.push(
      `Budget exceeded: the offline edition is ${kb(report.offline)} gzip, budget ${kb(BUDGETS.offlineEdition)}`,
    );
  for (const image of report.images)
    if (image.bytes > BUDGETS.image)
      failures.push(`Budget exceeded: image ${image.file} is ${kb(image.bytes)}, budget ${kb(BUDGETS.image)}`);
  return failures;
}

/** @param {Report} report */
export function formatReport(report) {
  const kb = (/** @type {number} */ n) => (n / KB).toFixed(2).padStart(6);
  const rows = report.pages.map((p) => {
    const { budget } = jsBudget(p);
    return `  /${p.route.padEnd(34)} ${kb(p.jsTotal)} / ${kb(budget)}  ${String(p.js.length).padStart(2)} files   ${kb(p.cssTotal)} / ${kb(BUDGETS.css)}   ${kb(p.html)}${p.route === '' ? ` / ${kb(BUDGETS.homeHtml)}` : ''}${p.jsLazyTotal ? `\n  ${''.padEnd(35)} +${kb(p.jsLazyTotal)} lazily on first use (total ${kb(p.jsTotal + p.jsLazyTotal).trim()} / ${kb(BUDGETS.homeJsAfterCheck).trim()})` : ''}`;
  });
  const largest = report.images[0];
  return [
    `Budgets for ${report.dist} (base ${report.base}), KB gzip -9 (1 KB = 1024 B):`,
    `  ${'page'.padEnd(35)} ${'JS / budget'.padEnd(16)}  files     ${'CSS / budget'.padEnd(15)}   HTML`,
    ...rows,
    `  images: ${report.images.length}${largest ? `, largest ${largest.file} ${(largest.bytes / KB).toFixed(2)} KB raw (budget ${(BUDGETS.image / KB).toFixed(0)} KB)` : ''}`,
    `  offline edition (${OFFLINE_FILE}): ${report.offline === null ? 'missing' : `${(report.offline / KB).toFixed(2)} / ${(BUDGETS.offlineEdition / KB).toFixed(0)} KB`}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '../../dist'));
  const report = measure(dist);
  console.log(formatReport(report));
  const failures = checkBudgets(report);
  for (const f of failures) console.error(f);
  if (failures.length > 0) process.exit(1);
  console.log('All budgets met.');
}
