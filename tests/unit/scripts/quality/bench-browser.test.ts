/**
 * scripts/quality/bench-browser.js, the parts that need no browser: figures, options, the log file
 * it generates, and the static server (gzip, content types, 404s, nothing served from outside dist).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BASE,
  formatTable,
  httpProxyLog,
  parseOptions,
  resolveRequest,
  startServer,
  stats,
} from '../../../../scripts/quality/bench-browser.js';

describe('stats', () => {
  test.each([
    { values: [3], median: 3, min: 3, max: 3, why: 'one value is its own median' },
    {
      values: [5, 1, 4],
      median: 4,
      min: 1,
      max: 5,
      why: 'odd count: the middle of the sorted values, not of the input',
    },
    { values: [10, 2, 4, 8], median: 6, min: 2, max: 10, why: 'even count: the mean of the two middle values' },
    { values: [2, 2, 2, 9, 9], median: 2, min: 2, max: 9, why: 'repeated values are counted, not merged' },
    { values: [-5, 0, 5], median: 0, min: -5, max: 5, why: 'negative values sort numerically, not as text' },
    { values: [100, 20, 3], median: 20, min: 3, max: 100, why: 'numeric order, not string order ("100" < "20")' },
    { values: [1, Number.NaN, 3], median: 2, min: 1, max: 3, why: 'a value that is not a number is left out' },
  ])('$why', ({ values, median, min, max }) => {
    const copy = [...values];
    expect(stats(values)).toEqual({ median, min, max, n: values.filter(Number.isFinite).length });
    expect(values).toEqual(copy);
  });

  test('nothing to summarise gives null, not a made-up number', () => {
    expect(stats([])).toBeNull();
    expect(stats([Number.NaN])).toBeNull();
  });
});

describe('formatTable', () => {
  test('one line per row with rounded median, min, max and the run count; a row without runs shows dashes', () => {
    const table = formatTable([
      { scenario: 'check', profile: 'slow phone', metric: 'verdict in DOM', values: [480.4, 451.6, 516.2] },
      { scenario: 'logs', profile: 'slow phone', metric: 'scan done', values: [] },
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^scenario\s+profile\s+until\s+median ms\s+min ms\s+max ms\s+runs$/);
    expect(table[2]?.split(/\s{2,}/)).toEqual(['check', 'slow phone', 'verdict in DOM', '480', '452', '516', '3']);
    expect(table[3]?.split(/\s{2,}/)).toEqual(['logs', 'slow phone', 'scan done', '—', '—', '—', '0']);
  });
});

describe('parseOptions', () => {
  const root = resolve(import.meta.dirname, '../../../..');
  test.each([
    { argv: [], want: { build: true, runs: 5, timeout: 15_000, help: false }, why: 'defaults: build, 5 runs, 15 s' },
    { argv: ['--runs', '3'], want: { runs: 3 }, why: 'runs as a separate value' },
    { argv: ['--runs=7'], want: { runs: 7 }, why: 'runs with =' },
    { argv: ['--no-build'], want: { build: false }, why: '--no-build serves the existing build' },
    { argv: ['--timeout', '2000'], want: { timeout: 2000 }, why: 'per-run timeout in ms' },
    { argv: ['--help'], want: { help: true }, why: 'help' },
  ])('$why', ({ argv, want }) => {
    expect(parseOptions(argv)).toMatchObject(want);
  });

  test('the build to serve is resolved from the repository root; dist-bench by default', () => {
    expect(parseOptions([]).dist).toBe(join(root, 'dist-bench'));
    expect(parseOptions(['--dist', 'dist']).dist).toBe(join(root, 'dist'));
    expect(parseOptions(['--dist', '/tmp/x']).dist).toBe('/tmp/x');
  });

  test.each([
    { argv: ['--runs', '0'], message: /--runs must be a whole number of at least 1, not "0"/, why: 'zero runs' },
    { argv: ['--runs=-2'], message: /--runs must be/, why: 'negative runs' },
    { argv: ['--runs', '2.5'], message: /--runs must be/, why: 'a fraction' },
    { argv: ['--runs', 'five'], message: /--runs must be/, why: 'not a number' },
    { argv: ['--runs', ''], message: /--runs must be/, why: 'empty' },
    {
      argv: ['--timeout', '1e3'],
      message: /--timeout must be/,
      why: 'exponent notation is not a whole number as typed',
    },
    {
      argv: ['--fast'],
      message: /Unknown option '--fast'[\s\S]*Usage:/,
      why: 'an unknown option names itself and shows usage',
    },
    { argv: ['extra'], message: /Unexpected argument 'extra'/, why: 'a stray argument' },
    { argv: ['--runs'], message: /--runs/, why: 'an option missing its value' },
  ])('rejects $why with a readable message', ({ argv, message }) => {
    expect(() => parseOptions(argv)).toThrow(message);
  });
});

describe('httpProxyLog', () => {
  const bytes = 200_000;
  const log = httpProxyLog(bytes);
  const lines = log.split('\r\n').slice(0, -1);
  const fieldsLine = lines.find((l) => l.startsWith('#Fields: ')) ?? '';
  const fields = fieldsLine.slice('#Fields: '.length).split(',');
  const rows = lines.filter((l) => !l.startsWith('#') && l !== fields.join(','));

  test('is at least the size asked for, and less than one line more', () => {
    expect(log.length).toBeGreaterThanOrEqual(bytes);
    expect(log.length).toBeLessThan(bytes + 2_000);
    expect(httpProxyLog(10 * 1024 * 1024).length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  test('has the HttpProxy header block, and every row has exactly the fields the header names', () => {
    expect(lines[1]).toBe('#Software: Microsoft Exchange Server');
    expect(lines).toContain('#Log-type: HttpProxy Logs');
    expect(fields).toContain('AnchorMailbox');
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.split(',')).toHaveLength(fields.length);
  });

  test('holds ProxyLogon requests near the start and nowhere else', () => {
    const at = (row: string, name: string) => row.split(',')[fields.indexOf(name)];
    const hits = rows.flatMap((row, i) => (at(row, 'AnchorMailbox')?.startsWith('ServerInfo~') ? [i] : []));
    expect(hits).toEqual([9, 10]);
    const ecp = rows[10] ?? '';
    expect(at(ecp, 'UrlStem')).toBe('/ecp/y.js');
    expect(at(ecp, 'AnchorMailbox')).toMatch(/^ServerInfo~[^/]+:444\/ecp\/.+#$/);
    expect(at(ecp, 'RoutingHint')).toBe('X-BEResource-Cookie');
    expect(at(rows[9] ?? '', 'AnchorMailbox')).toContain('/autodiscover/autodiscover.xml');
  });
});

describe('static server', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-browser-'));
  const dist = join(root, 'dist');
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const page = '<!doctype html><title>home</title>' + 'hello '.repeat(200);
  write('dist/index.html', page);
  write('dist/guide/index.html', '<!doctype html><title>guide</title>');
  write('dist/404.html', '<!doctype html><title>Not found</title>');
  write('dist/assets/app-1.js', 'export const a = 1;'.repeat(50));
  write('dist/assets/style-1.css', 'body{color:red}'.repeat(50));
  write('dist/data.json', '{"a":1}');
  write('dist/icon.svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  write('dist/favicon.png', '\x89PNG fake');
  write('dist/notes.exe', 'MZ');
  write('secret.txt', 'SECRET outside dist');
  write('dist-other/secret.js', 'SECRET in a sibling folder whose name starts like dist');
  symlinkSync(join(root, 'secret.txt'), join(dist, 'link.txt'));
  symlinkSync(root, join(dist, 'up'));

  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer(dist);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A raw request: the path goes out exactly as written (fetch would normalise "..", this does not). */
  const get = (path: string, { gzip = true, method = 'GET' } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (ok, fail) => {
        const url = new URL(server.origin);
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method,
            headers: gzip ? { 'Accept-Encoding': 'gzip, deflate, br' } : {},
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on('error', fail);
        req.end();
      },
    );
  const text = (r: { headers: Record<string, unknown>; body: Buffer }) =>
    (r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');

  test('listens on 127.0.0.1 under the sub-path', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/exchange-patch-check\/$/);
    expect(server.url.endsWith(BASE)).toBe(true);
  });

  test.each([
    { path: `${BASE}`, type: 'text/html; charset=utf-8', body: 'hello', why: 'the folder index' },
    { path: `${BASE}index.html`, type: 'text/html; charset=utf-8', body: 'hello', why: 'the file by name' },
    { path: `${BASE}guide/?q=1`, type: 'text/html; charset=utf-8', body: 'guide', why: 'a query string is ignored' },
    { path: `${BASE}assets/app-1.js`, type: 'text/javascript; charset=utf-8', body: 'export', why: 'a script' },
    { path: `${BASE}assets/style-1.css`, type: 'text/css; charset=utf-8', body: 'body{', why: 'a stylesheet' },
    { path: `${BASE}data.json`, type: 'application/json; charset=utf-8', body: '"a"', why: 'JSON' },
    { path: `${BASE}icon.svg`, type: 'image/svg+xml', body: '<svg', why: 'SVG is text' },
  ])('gzips text: $why', async ({ path, type, body }) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(text(r)).toContain(body);
  });

  test('compresses: the home page travels smaller than it is', async () => {
    const r = await get(BASE);
    expect(r.body.length).toBeLessThan(page.length / 4);
    expect(gunzipSync(r.body).toString('utf8')).toBe(page);
  });

  test('sends text uncompressed to a client that does not accept gzip, and never gzips an image', async () => {
    const plain = await get(`${BASE}index.html`, { gzip: false });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(page);
    const png = await get(`${BASE}favicon.png`);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-encoding']).toBeUndefined();
  });

  test('HEAD answers the headers without a body', async () => {
    const r = await get(`${BASE}assets/app-1.js`, { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.body.length).toBe(0);
  });

  test.each([
    { path: `${BASE}guide`, location: `${BASE}guide/`, why: 'a folder without its slash' },
    { path: '/exchange-patch-check', location: BASE, why: 'the sub-path without its slash' },
  ])('redirects $why, as GitHub Pages does', async ({ path, location }) => {
    const r = await get(path);
    expect(r.status).toBe(301);
    expect(r.headers['location']).toBe(location);
  });

  test.each([
    { path: `${BASE}logs/`, why: 'a page that does not exist' },
    { path: `${BASE}missing.js`, why: 'a missing file' },
    { path: '/index.html', why: 'the file outside the sub-path' },
    { path: '/', why: 'the server root' },
    { path: `${BASE}notes.exe`, why: 'a file of a type a static site does not serve' },
    { path: `${BASE}../secret.txt`, why: 'a raw ../ out of dist' },
    { path: `${BASE}..%2fsecret.txt`, why: 'an encoded slash after ..' },
    { path: `${BASE}%2e%2e/secret.txt`, why: 'encoded dots' },
    { path: `${BASE}%2e%2e%2f%2e%2e%2fsecret.txt`, why: 'fully encoded, twice' },
    { path: `${BASE}assets/../../secret.txt`, why: 'down then up past the root' },
    { path: `${BASE}..%5csecret.txt`, why: 'an encoded backslash' },
    { path: `${BASE}../dist-other/secret.js`, why: 'a sibling folder whose name starts with dist' },
    { path: `${BASE}link.txt`, why: 'a symbolic link to a file outside dist' },
    { path: `${BASE}up/secret.txt`, why: 'a symbolic link to a folder outside dist' },
    { path: `${BASE}index.html%00.js`, why: 'a NUL byte' },
    { path: `${BASE}%E0%A4%A`, why: 'broken percent-encoding' },
  ])('404 for $why, with the 404 page and never a file from outside dist', async ({ path }) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(text(r)).toContain('Not found');
    expect(text(r)).not.toContain('SECRET');
  });

  test('404 without a 404 page is plain text', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'bench-browser-bare-'));
    writeFileSync(join(bare, 'index.html'), 'x');
    const other = await startServer(bare, { base: '/b/' });
    try {
      const r = await fetch(`${other.origin}/b/nothing`);
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect((await fetch(`${other.origin}/b/`)).status).toBe(200);
    } finally {
      await other.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });

  test('resolveRequest answers only files inside dist', () => {
    const real = realpathSync(dist);
    expect(resolveRequest(real, BASE, `${BASE}assets/app-1.js`)).toEqual({ file: join(real, 'assets/app-1.js') });
    expect(resolveRequest(real, BASE, `${BASE}../secret.txt`)).toBeNull();
    expect(resolveRequest(real, BASE, `${BASE}up/secret.txt`)).toBeNull();
  });
});
