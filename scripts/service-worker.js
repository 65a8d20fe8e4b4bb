// @ts-check
/**
 * Writes dist/sw.js, the service worker that keeps the site usable offline after one visit.
 * Runs after the prerender (see scripts/build.js), when every page and asset is on disk, and bakes
 * into the worker the list of files to cache and a version: a hash of all those files, so any
 * change to any page, script or data file gives a new sw.js, which the browser notices on the next
 * online visit.
 *
 * Why hand-written (about 60 lines) rather than Workbox: it is fully auditable for a security
 * tool, needs no dependency, and its cache names and clean-up are under our control, which matters
 * because every GitHub Pages site of one owner shares one origin (https://<owner>.github.io), and
 * so one Cache Storage. The design follows SvelteKit's documented service-worker pattern (build
 * file list + version → cache name): https://svelte.dev/docs/kit/service-workers
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { OFFLINE_FILE } from './offline-edition.js';

/** The file the build writes at the base path; its folder is the widest scope it may control. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Built files that are not for reading offline: the worker itself, crawler files, source maps,
 * dot-files or dot-folders (.nojekyll, Vite's .vite/manifest.json), and the JSON API (api/v1/, for
 * scripts, about 600 KB that no page needs), and the offline edition (a download, not a page).
 */
const SKIP = new RegExp(
  String.raw`(^|/)\.|\.map$|^(sw\.js|robots\.txt|sitemap\.xml)$|^api/|^${OFFLINE_FILE.replace(/\./g, '\\.')}$`,
);

/**
 * The first part of every cache name this site's worker creates, unique per base path, so two
 * sites on one origin never share or delete each other's caches.
 * @example cachePrefix('/exchange-patch-check/') // 'exchange-patch-check-exchange-patch-check-'
 * @param {string} base a normalised base path ("/" or "/a/b/")
 */
export function cachePrefix(base) {
  return `exchange-patch-check-${base.replace(/^\/+|\/+$/g, '')}-`;
}

/**
 * Every file to cache, as a URL relative to the scope: "guide/index.html" becomes "guide/" and the
 * home page "" (the URLs readers actually open). Sorted, so the output is reproducible.
 * @param {string} dist
 * @returns {{ url: string, file: string }[]}
 */
export function precacheEntries(dist) {
  return /** @type {string[]} */ (readdirSync(dist, { recursive: true }))
    .map((name) => name.split(sep).join('/'))
    .filter((name) => !SKIP.test(name) && statSync(join(dist, name)).isFile())
    .map((name) => ({ url: name.replace(/(^|\/)index\.html$/, '$1'), file: join(dist, name) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * A 16-hex-digit hash of the worker's own code and of every cached file's URL and bytes.
 * @param {{ url: string, file: string }[]} entries
 */
export function buildVersion(entries) {
  const hash = createHash('sha256').update(WORKER);
  for (const { url, file } of entries) hash.update(`\0${url}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The worker's code. PREFIX, VERSION and FILES are prepended by serviceWorkerSource().
 *   - install: cache every built file (same origin, inside the scope), revalidating with the
 *     server so a stale HTTP-cache copy is never stored; then take over at once;
 *   - activate: delete this site's older caches only (same prefix, then exactly a version);
 *     other sites' caches on the shared origin are never touched;
 *   - pages (navigations): network first, so an online visitor always gets the current page and
 *     data; the fresh copy replaces the cached one; offline, the cached copy ("/guide" also finds
 *     "/guide/"), else the cached 404 page;
 *   - everything else in scope: cache first (file names under assets/ carry a content hash; the
 *     rest changes only with a new build, which brings a new cache); a miss is fetched and kept.
 *   Requests to other origins or outside the scope are left alone (the site makes none).
 */
const WORKER = `const CACHE = PREFIX + VERSION;
const SCOPE = self.registration.scope;
// Servers may answer with "Vary: Origin" (Vite's preview does), and a module script's request
// carries an Origin header that the install-time request did not; the files are the same.
const MATCH = { ignoreVary: true };
const isOldOwnCache = (key) =>
  key !== CACHE && key.startsWith(PREFIX) && /^[0-9a-f]{16}$/.test(key.slice(PREFIX.length));
const keep = (event, cache, key, response) => {
  if (response.ok && response.status === 200 && response.type === 'basic')
    event.waitUntil(cache.put(key, response.clone()).catch(() => undefined));
  return response;
};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(new URL(file, SCOPE), { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter(isOldOwnCache).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function page(event, url) {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;
  try {
    return keep(event, cache, key, await fetch(event.request));
  } catch (error) {
    const hit = (await cache.match(key, MATCH)) ?? (key.endsWith('/') ? undefined : await cache.match(key + '/', MATCH));
    if (hit) return hit;
    const missing = await cache.match(new URL('404.html', SCOPE).href, MATCH);
    if (!missing) throw error;
    return new Response(missing.body, { status: 404, statusText: 'Not Found', headers: missing.headers });
  }
}

async function asset(event) {
  const cache = await caches.open(CACHE);
  return (await cache.match(event.request, MATCH)) ?? keep(event, cache, event.request, await fetch(event.request));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || request.headers.has('range')) return;
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  event.respondWith(request.mode === 'navigate' ? page(event, url) : asset(event));
});
`;

/**
 * The complete worker source with its settings baked in.
 * @param {{ prefix: string, version: string, files: string[] }} settings
 */
export function serviceWorkerSource({ prefix, version, files }) {
  if (!/^[0-9a-f]{16}$/.test(version)) throw new Error(`service worker version must be 16 hex digits: ${version}`);
  return [
    '// Generated by scripts/service-worker.js at build time: keeps this site usable offline.',
    `const PREFIX = ${JSON.stringify(prefix)};`,
    `const VERSION = ${JSON.stringify(version)};`,
    `const FILES = ${JSON.stringify(files, null, 1)};`,
    WORKER,
  ].join('\n');
}

/**
 * Writes <dist>/sw.js for a site served under `base`.
 * @param {{ dist: string, base: string }} options
 * @returns {{ file: string, version: string, files: string[] }}
 */
export function writeServiceWorker({ dist, base }) {
  const entries = precacheEntries(dist);
  if (!entries.some((e) => e.url === ''))
    throw new Error(`${dist}/index.html missing: nothing to cache for offline use`);
  const version = buildVersion(entries);
  const files = entries.map((e) => e.url);
  const file = join(dist, SERVICE_WORKER_FILE);
  writeFileSync(file, serviceWorkerSource({ prefix: cachePrefix(base), version, files }));
  return { file: relative(dist, file), version, files };
}
