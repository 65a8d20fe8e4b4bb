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
 *     own chunk, the shared runtime chunks and everything they import, statically or dynamically),
 *     where what an island imports lazily counts apart (on first use), and what it loads only when
 *     a file is opened (ON_FILE_OPEN) apart again;
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
import { islandOf, ON_FILE_OPEN, readManifest } from '../manifest.js';
import { OFFLINE_FILE } from '../offline-edition.js';

export { islandOf, ON_FILE_OPEN, readManifest };
/** @typedef {import('../manifest.js').ManifestChunk} ManifestChunk */

const KB = 1024;
/** Budgets in bytes (gzip unless noted). */
export const BUDGETS = {
  /** JS the home page loads before the first check: entry, Svelte runtime, the paste-check island. */
  homeJs: 45 * KB,
  /**
   * Home JS once the first check has run: the above plus what the paste box loads on first use and
   * the page fetches ahead at idle time (the checker core, its build and vulnerability data, the
   * results UI): everything the first verdict needs, whatever was pasted.
   */
  homeJsAfterCheck: 60 * KB,
  /**
   * What opening a file on home adds on top of that: the file reader (encodings, HTML to text) and
   * the checker's several-files entry (ON_FILE_OPEN). A check never loads them.
   */
  homeJsOnFileOpen: 5 * KB,
  /** JS on any other page with an island: the same ceiling as home, for what loads up front. */
  islandPageJs: 45 * KB,
  /**
   * /logs/ JS once the visitor reaches for the drop zone: the above plus the scanner, which loads
   * then and never with the page. The scan worker (the triage rules, the zip and gzip reader) is
   * built into that one module so that it runs under the page's Content-Security-Policy, which is
   * why it is large (about 64 KB with the page today); the ceiling keeps it from growing unnoticed.
   */
  logsJsWithScanner: 70 * KB,
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
 * @typedef {{ file: string, gzip: number }} Sized
 * @typedef {{ page: string, route: string, html: number, islands: string[], js: Sized[], jsTotal: number,
 *   jsLazy: Sized[], jsLazyTotal: number, jsOnFileOpen: Sized[], jsOnFileOpenTotal: number,
 *   css: Sized[], cssTotal: number }} PageReport
 * @typedef {{ dist: string, base: string, pages: PageReport[], images: { file: string, bytes: number }[],
 *   offline: number | null }} Report
 */

/**
 * Measures every page in dist/.
 * @param {string} dist
 * @returns {Report}
 */
export function measure(dist) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html not found: build first (npm run build:test)`);
  const files = walk(dist);
  const htmlFiles = files.filter((f) => f.endsWith('.html') && basename(f) !== OFFLINE_FILE).sort();
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const entrySrc = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(home)?.[1] ?? '/';
  const base = entrySrc.includes('assets/') ? entrySrc.slice(0, entrySrc.indexOf('assets/')) : '/';
  const manifest = readManifest(dist);
  /** Built file (absolute) -> its manifest chunk. */
  const chunks = new Map(Object.values(manifest).map((c) => [join(dist, c.file), c]));
  const fileOf = (/** @type {string} */ key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} as an import but has no chunk for it`);
    return join(dist, chunk.file);
  };

  /** URL path on the site -> file in dist. @param {string} url */
  const toFile = (url) => {
    const path = url.split(/[?#]/)[0] ?? '';
    if (!path.startsWith(base)) throw new Error(`${url} is not under the base ${base}`);
    return join(dist, path.slice(base.length));
  };
  /** @param {string} file */
  const importsOf = (file) => {
    const chunk = chunks.get(file);
    if (!chunk) throw new Error(`${relative(dist, file)} is loaded by a page but is not in the build manifest`);
    return { static: (chunk.imports ?? []).map(fileOf), dynamic: (chunk.dynamicImports ?? []).map(fileOf) };
  };
  const islandChunks = new Map(
    [...chunks].flatMap(([file, chunk]) => {
      const island = islandOf(chunk);
      return island ? [[file, island]] : [];
    }),
  );
  const knownIslands = new Set(islandChunks.values());
  const fileOpenFiles = new Set(ON_FILE_OPEN.filter((key) => manifest[key]).map(fileOf));
  /** @type {Map<string, number>} */
  const sizes = new Map();
  const size = (/** @type {string} */ file) => {
    let s = sizes.get(file);
    if (s === undefined) sizes.set(file, (s = gzipSize(readFileSync(file))));
    return s;
  };

  const pages = htmlFiles.map((file) => {
    const html = readFileSync(file, 'utf8');
    const page = relative(dist, file).split('\\').join('/');
    const route = page === 'index.html' ? '' : page.replace(/index\.html$/, '');
    const pageIslands = [...html.matchAll(/data-island="([a-z0-9-]+)"/g)].map((m) => /** @type {string} */ (m[1]));
    for (const name of pageIslands)
      if (!knownIslands.has(name))
        throw new Error(`${page} has island "${name}", but no chunk in the manifest holds it`);
    const roots = [
      ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => toFile(m[1] ?? '')),
      ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => toFile(m[1] ?? '')),
    ];
    /** @type {Set<string>} */
    const js = new Set();
    /** Chunks an island imports lazily (e.g. the checker core and its data, on the first check). */
    /** @type {Set<string>} */
    const deferred = new Set();
    /** Chunks only opening a file loads (see ON_FILE_OPEN), and where that starts. */
    /** @type {Set<string>} */
    const onFileOpen = new Set();
    /** @type {string[]} */
    const fileOpenEntries = [];
    const visit = (/** @type {string} */ f, /** @type {boolean} */ followDynamic, /** @type {boolean} */ lazy) => {
      if (js.has(f) || (lazy && deferred.has(f))) return;
      if (lazy) deferred.add(f);
      else {
        deferred.delete(f);
        js.add(f);
      }
      const { static: stat, dynamic } = importsOf(f);
      for (const s of stat) visit(s, followDynamic, lazy);
      for (const d of dynamic) {
        // Island chunks load only on pages with that island; other lazy chunks (the Svelte
        // runtime) only on pages with any island; what an island itself imports lazily loads on
        // first use and is counted separately (see BUDGETS.homeJsAfterCheck).
        const island = islandChunks.get(d);
        if (followDynamic && fileOpenFiles.has(d)) fileOpenEntries.push(d);
        else if (followDynamic) visit(d, true, true);
        else if (pageIslands.length > 0 && (!island || pageIslands.includes(island)))
          visit(d, island !== undefined, lazy);
      }
    };
    for (const r of roots) visit(r, false, false);
    // Run the initial pass first so a chunk needed at load time is never counted as lazy.
    for (const f of js) deferred.delete(f);
    // Then what opening a file adds: whatever those entries reach that a check does not load.
    const visitFileOpen = (/** @type {string} */ f) => {
      if (js.has(f) || deferred.has(f) || onFileOpen.has(f)) return;
      onFileOpen.add(f);
      const { static: stat, dynamic } = importsOf(f);
      for (const x of [...stat, ...dynamic]) visitFileOpen(x);
    };
    for (const f of fileOpenEntries) visitFileOpen(f);
    const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) =>
      toFile(m[1] ?? ''),
    );
    const jsSized = [...js].sort().map((f) => ({ file: relative(dist, f), gzip: size(f) }));
    const lazySized = [...deferred].sort().map((f) => ({ file: relative(dist, f), gzip: size(f) }));
    const fileOpenSized = [...onFileOpen].sort().map((f) => ({ file: relative(dist, f), gzip: size(f) }));
    const cssSized = [
      ...[...new Set(css)].map((f) => ({ file: relative(dist, f), gzip: size(f) })),
      ...[...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m, i) => ({
        file: `<style> #${i + 1}`,
        gzip: gzipSize(m[1] ?? ''),
      })),
    ];
    return {
      page,
      route,
      html: gzipSize(html),
      islands: pageIslands,
      js: jsSized,
      jsTotal: jsSized.reduce((a, b) => a + b.gzip, 0),
      jsLazy: lazySized,
      jsLazyTotal: lazySized.reduce((a, b) => a + b.gzip, 0),
      jsOnFileOpen: fileOpenSized,
      jsOnFileOpenTotal: fileOpenSized.reduce((a, b) => a + b.gzip, 0),
      css: cssSized,
      cssTotal: cssSized.reduce((a, b) => a + b.gzip, 0),
    };
  });
  const images = files
    .filter((f) => IMAGE.test(f))
    .map((f) => ({ file: relative(dist, f), bytes: statSync(f).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const offlineFile = join(dist, OFFLINE_FILE);
  const offline = existsSync(offlineFile) ? gzipSize(readFileSync(offlineFile)) : null;
  return { dist, base, pages, images, offline };
}

/** The JS budget that applies to a page. @param {PageReport} p */
export function jsBudget(p) {
  if (p.route === '') return { budget: BUDGETS.homeJs, kind: 'home' };
  if (p.islands.length > 0) return { budget: BUDGETS.islandPageJs, kind: 'page with islands' };
  return { budget: BUDGETS.pageJs, kind: /^guide\/[^/]+\/$/.test(p.route) ? 'article' : 'page without islands' };
}

/**
 * The budget for a page's JS once its islands have loaded what they load on first use (up front
 * plus lazily), or null when they load nothing lazily. A page without a budget of its own for that
 * gets the ceiling for what loads up front.
 * @param {PageReport} p
 */
export function afterUseBudget(p) {
  if (p.jsLazy.length === 0) return null;
  if (p.route === '') return { budget: BUDGETS.homeJsAfterCheck, when: 'after the first check' };
  if (p.route === 'logs/') return { budget: BUDGETS.logsJsWithScanner, when: 'with the scanner' };
  return { budget: BUDGETS.islandPageJs, when: 'after first use' };
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
    const after = afterUseBudget(p);
    if (after && p.jsTotal + p.jsLazyTotal > after.budget)
      failures.push(
        `Budget exceeded: JS on /${p.route} ${after.when} is ${kb(p.jsTotal + p.jsLazyTotal)} gzip, budget ${kb(after.budget)} — lazy: ${p.jsLazy.map((j) => `${j.file} ${kb(j.gzip)}`).join(', ')}`,
      );
    if (p.route === '' && p.jsOnFileOpenTotal > BUDGETS.homeJsOnFileOpen)
      failures.push(
        `Budget exceeded: JS on / for opening a file is ${kb(p.jsOnFileOpenTotal)} gzip on top of a check, budget ${kb(BUDGETS.homeJsOnFileOpen)} — ${p.jsOnFileOpen.map((j) => `${j.file} ${kb(j.gzip)}`).join(', ')}`,
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
    const after = afterUseBudget(p);
    return `  /${p.route.padEnd(34)} ${kb(p.jsTotal)} / ${kb(budget)}  ${String(p.js.length).padStart(2)} files   ${kb(p.cssTotal)} / ${kb(BUDGETS.css)}   ${kb(p.html)}${p.route === '' ? ` / ${kb(BUDGETS.homeHtml)}` : ''}${after ? `\n  ${''.padEnd(35)} +${kb(p.jsLazyTotal)} lazily on first use (total ${after.when} ${kb(p.jsTotal + p.jsLazyTotal).trim()} / ${kb(after.budget).trim()})` : ''}${p.jsOnFileOpenTotal ? `\n  ${''.padEnd(35)} +${kb(p.jsOnFileOpenTotal)} more when a file is opened (budget ${kb(BUDGETS.homeJsOnFileOpen).trim()})` : ''}`;
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
