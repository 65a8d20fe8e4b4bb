/**
 * scripts/service-worker.js: what the offline worker caches, its version, its cache names, and how
 * the generated worker behaves (run in a sandbox with a fake Cache Storage and network).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  buildVersion,
  cachePrefix,
  precacheEntries,
  serviceWorkerSource,
  writeServiceWorker,
} from '../../../scripts/service-worker.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A small built site; each file with the reason it is (or is not) cached. */
const SITE: { file: string; url: string | null; why: string }[] = [
  { file: 'index.html', url: '', why: 'the home page, opened as the base path itself' },
  { file: '404.html', url: '404.html', why: 'shown offline for an address that is not cached' },
  { file: 'guide/index.html', url: 'guide/', why: 'pages are opened with a trailing slash' },
  { file: 'guide/what-happened/index.html', url: 'guide/what-happened/', why: 'a nested page' },
  { file: 'assets/index-AbCd1234.js', url: 'assets/index-AbCd1234.js', why: 'the entry script' },
  { file: 'assets/core-EfGh5678.js', url: 'assets/core-EfGh5678.js', why: 'a lazily loaded chunk' },
  { file: 'favicon.png', url: 'favicon.png', why: 'an asset without a hash in its name' },
  { file: 'api/v1/builds.json', url: null, why: 'the JSON API is for scripts; no page needs it offline' },
  { file: 'assets/index-AbCd1234.js.map', url: null, why: 'source maps are for developers' },
  { file: '.vite/manifest.json', url: null, why: "Vite's build manifest is not served to readers" },
  { file: '.nojekyll', url: null, why: 'a GitHub Pages switch, not a page' },
  { file: 'robots.txt', url: null, why: 'for crawlers' },
  { file: 'sitemap.xml', url: null, why: 'for crawlers' },
  { file: 'sw.js', url: null, why: 'the worker itself; the browser checks it for updates' },
];

function makeSite(): string {
  const dist = mkdtempSync(join(tmpdir(), 'sw-'));
  made.push(dist);
  for (const { file } of SITE) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), `contents of ${file}`);
  }
  return dist;
}

describe('cachePrefix', () => {
  it.each([
    ['/exchange-patch-check/', 'exchange-patch-check-exchange-patch-check-', 'a GitHub Pages project site'],
    ['/', 'exchange-patch-check--', 'a user site or own domain at the root'],
    ['/a/b/', 'exchange-patch-check-a/b-', 'a nested base keeps its slash, so it differs from /a-b/'],
  ])('%s → %s (%s)', (base, prefix) => {
    expect(cachePrefix(base)).toBe(prefix);
  });
});

describe('precacheEntries', () => {
  const dist = makeSite();
  const urls = precacheEntries(dist).map((e) => e.url);

  it.each(SITE)('$file: $why', ({ file, url }) => {
    if (url === null) expect(urls).not.toContain(file);
    else expect(urls).toContain(url);
  });

  it('lists exactly the cacheable files, sorted, each once', () => {
    const expected = SITE.flatMap((s) => (s.url === null ? [] : [s.url])).sort();
    expect(urls).toEqual(expected);
  });
});

describe('buildVersion', () => {
  it('is 16 hex digits and the same for the same files', () => {
    const a = buildVersion(precacheEntries(makeSite()));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(buildVersion(precacheEntries(makeSite()))).toBe(a);
  });

  it.each(SITE.filter((s) => s.url !== null))('changes when $file changes', ({ file }) => {
    const dist = makeSite();
    const before = buildVersion(precacheEntries(dist));
    writeFileSync(join(dist, file), `${readFileSync(join(dist, file), 'utf8')}!`);
    expect(buildVersion(precacheEntries(dist))).not.toBe(before);
  });

  it('changes when a cached file is renamed but not edited (a new page address)', () => {
    const dist = makeSite();
    const before = buildVersion(precacheEntries(dist));
    mkdirSync(join(dist, 'guide/renamed'));
    writeFileSync(join(dist, 'guide/renamed/index.html'), readFileSync(join(dist, 'guide/what-happened/index.html')));
    rmSync(join(dist, 'guide/what-happened'), { recursive: true });
    expect(buildVersion(precacheEntries(dist))).not.toBe(before);
  });
});

describe('writeServiceWorker', () => {
  it('writes sw.js naming every cached file, this site’s prefix and the version', () => {
    const dist = makeSite();
    const { file, version, files } = writeServiceWorker({ dist, base: '/exchange-patch-check/' });
    expect(file).toBe('sw.js');
    const source = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(source).toContain(`const VERSION = "${version}";`);
    expect(source).toContain('const PREFIX = "exchange-patch-check-exchange-patch-check-";');
    expect(files).toEqual(precacheEntries(dist).map((e) => e.url));
    for (const url of files) expect(source).toContain(JSON.stringify(url));
  });

  it('refuses a folder without a home page', () => {
    const dist = makeSite();
    rmSync(join(dist, 'index.html'));
    expect(() => writeServiceWorker({ dist, base: '/' })).toThrow(/index\.html missing/);
  });

  it('refuses a version that is not 16 hex digits', () => {
    expect(() => serviceWorkerSource({ prefix: 'p-', version: 'v1', files: [] })).toThrow(/16 hex digits/);
  });
});

// ---- The generated worker, run against fakes -------------------------------------------------

const SCOPE = 'https://owner.github.io/exchange-patch-check/';
const PREFIX = cachePrefix('/exchange-patch-check/');
const VERSION = '00112233445566ff';
const FILES = ['', '404.html', 'guide/', 'assets/index-AbCd1234.js'];

type Listener = (event: Record<string, unknown>) => void;

/** Response.type is read-only and "default" for constructed responses; the network gives "basic". */
const basic = (body: string, status = 200): Response =>
  Object.defineProperty(new Response(body, { status }), 'type', { value: 'basic' });

function startWorker(existing: string[] = [], network: (url: string) => Promise<Response> = () => Promise.reject()) {
  const store = new Map<string, Map<string, Response>>(existing.map((name) => [name, new Map()]));
  const added: Request[] = [];
  const fetched: string[] = [];
  const key = (r: string | Request) => (typeof r === 'string' ? r : r.url);
  const caches = {
    keys: async () => [...store.keys()],
    delete: async (name: string) => store.delete(name),
    open: async (name: string) => {
      const entries = store.get(name) ?? new Map<string, Response>();
      store.set(name, entries);
      return {
        addAll: async (requests: Request[]) => {
          for (const request of requests) {
            added.push(request);
            entries.set(request.url, basic(`cached ${request.url}`));
          }
        },
        match: async (r: string | Request) => entries.get(key(r))?.clone(),
        put: async (r: string | Request, response: Response) => void entries.set(key(r), response),
      };
    },
  };
  const listeners = new Map<string, Listener>();
  const self = {
    registration: { scope: SCOPE },
    location: new URL(`${SCOPE}sw.js`),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: vi.fn(async () => undefined),
    clients: { claim: vi.fn(async () => undefined) },
  };
  const fetch = (request: Request | string) => {
    fetched.push(key(request));
    return network(key(request));
  };
  runInNewContext(serviceWorkerSource({ prefix: PREFIX, version: VERSION, files: FILES }), {
    self,
    caches,
    fetch,
    Request,
    Response,
    URL,
  });

  /** Dispatches an event; resolves with what respondWith received (or undefined) once all work is done. */
  async function dispatch(type: string, extra: Record<string, unknown> = {}): Promise<Response | undefined> {
    const pending: Promise<unknown>[] = [];
    let responded: Promise<Response> | undefined;
    listeners.get(type)?.({
      ...extra,
      waitUntil: (p: Promise<unknown>) => pending.push(p),
      respondWith: (p: Promise<Response>) => (responded = p),
    });
    const response = await responded;
    for (let i = 0; i < pending.length; i++) await pending[i];
    return response;
  }
  const get = (url: string, mode = 'no-cors', method = 'GET') =>
    dispatch('fetch', { request: { url, mode, method, headers: new Headers() } });
  return { store, added, fetched, self, dispatch, get };
}

describe('the generated worker', () => {
  it('install: caches every file from this site, revalidated, under PREFIX + VERSION, then takes over', async () => {
    const worker = startWorker();
    await worker.dispatch('install');
    expect(worker.added.map((r) => r.url)).toEqual(FILES.map((f) => new URL(f, SCOPE).href));
    expect(worker.added.every((r) => r.cache === 'no-cache')).toBe(true);
    expect([...worker.store.keys()]).toEqual([`${PREFIX}${VERSION}`]);
    expect(worker.self.skipWaiting).toHaveBeenCalled();
  });

  it('activate: deletes only this site’s older caches; other sites on the origin keep theirs', async () => {
    const kept = [
      `${PREFIX}${VERSION}`, // the current cache
      `${cachePrefix('/exchange-patch-check-fork/')}0123456789abcdef`, // a site whose base starts like ours
      `${cachePrefix('/')}0123456789abcdef`, // the owner's root site running this project too
      `${PREFIX}draft`, // our prefix but not one of our versions
      'workbox-precache-v2-https://owner.github.io/other/', // an unrelated site
    ];
    const worker = startWorker([`${PREFIX}0123456789abcdef`, ...kept, `${PREFIX}aaaaaaaaaaaaaaaa`]);
    await worker.dispatch('activate');
    expect([...worker.store.keys()]).toEqual(kept);
    expect(worker.self.clients.claim).toHaveBeenCalled();
  });

  it.each([
    ['https://elsewhere.example/x.js', 'GET', 'another origin'],
    ['https://owner.github.io/other-site/', 'GET', 'another site on the shared origin (outside the scope)'],
    [`${SCOPE}guide/`, 'POST', 'not a GET'],
  ])('leaves %s (%s) alone: %s', async (url, method) => {
    const worker = startWorker();
    expect(await worker.get(url, 'navigate', method)).toBeUndefined();
  });

  it('offline: pages come from the cache ("guide" finds "guide/"); an unknown page gets 404.html with 404', async () => {
    const worker = startWorker();
    await worker.dispatch('install');
    const home = await worker.get(`${SCOPE}?from=share`, 'navigate');
    expect(await home?.text()).toBe(`cached ${SCOPE}`);
    const guide = await worker.get(`${SCOPE}guide`, 'navigate');
    expect(await guide?.text()).toBe(`cached ${SCOPE}guide/`);
    const missing = await worker.get(`${SCOPE}nowhere/`, 'navigate');
    expect(missing?.status).toBe(404);
    expect(await missing?.text()).toBe(`cached ${SCOPE}404.html`);
  });

  it('online: a page comes from the network and replaces the cached copy', async () => {
    const worker = startWorker([], async (url) => basic(`fresh ${url}`));
    await worker.dispatch('install');
    const page = await worker.get(`${SCOPE}guide/`, 'navigate');
    expect(await page?.text()).toBe(`fresh ${SCOPE}guide/`);
    const cached = await worker.store.get(`${PREFIX}${VERSION}`)?.get(`${SCOPE}guide/`)?.text();
    expect(cached).toBe(`fresh ${SCOPE}guide/`);
  });

  it('online: an error page from the network is shown but never cached', async () => {
    const worker = startWorker([], async () => basic('gone', 404));
    await worker.dispatch('install');
    expect((await worker.get(`${SCOPE}guide/`, 'navigate'))?.status).toBe(404);
    expect(await worker.store.get(`${PREFIX}${VERSION}`)?.get(`${SCOPE}guide/`)?.text()).toBe(`cached ${SCOPE}guide/`);
  });

  it('assets: cache first; a miss is fetched once and kept', async () => {
    const worker = startWorker([], async (url) => basic(`fresh ${url}`));
    await worker.dispatch('install');
    const script = `${SCOPE}assets/index-AbCd1234.js`;
    expect(await (await worker.get(script))?.text()).toBe(`cached ${script}`);
    expect(worker.fetched).toEqual([]);
    const late = `${SCOPE}assets/late-Zz99Yy88.js`;
    expect(await (await worker.get(late))?.text()).toBe(`fresh ${late}`);
    expect(await (await worker.get(late))?.text()).toBe(`fresh ${late}`);
    expect(worker.fetched).toEqual([late]);
  });
});
