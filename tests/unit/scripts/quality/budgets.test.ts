/** scripts/quality/budgets.js on a tiny fake dist/: which chunks count for which page, and the messages. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { afterUseBudget, BUDGETS, checkBudgets, islandOf, measure } from '../../../../scripts/quality/budgets.js';

const root = mkdtempSync(join(tmpdir(), 'budgets-'));
const dist = join(root, 'dist');
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const page = (island = '') =>
  `<!doctype html><html><head><script type="module" crossorigin src="/base/assets/index-AAAAAAAA.js"></script>` +
  `<link rel="stylesheet" crossorigin href="/base/assets/style-BBBBBBBB.css"></head><body>${island ? `<div class="island" data-island="${island}"></div>` : ''}</body></html>`;

write('dist/index.html', page('paste-check'));
write('dist/guide/a/index.html', page());
write('dist/builds/index.html', page('widget'));
// What Vite's manifest says: the entry imports a shared chunk and loads two islands and the Svelte
// runtime lazily; the paste-check island loads its core lazily on first use.
write(
  'dist/.vite/manifest.json',
  JSON.stringify({
    'index.html': {
      file: 'assets/index-AAAAAAAA.js',
      src: 'index.html',
      isEntry: true,
      imports: ['_shared-CCCCCCCC.js'],
      dynamicImports: ['src/lib/PasteCheck.svelte', 'src/lib/Widget.svelte', 'node_modules/svelte/index-client.js'],
    },
    '_shared-CCCCCCCC.js': { file: 'assets/shared-CCCCCCCC.js' },
    'src/lib/PasteCheck.svelte': {
      file: 'assets/PasteCheck-DDDDDDDD.js',
      src: 'src/lib/PasteCheck.svelte',
      isDynamicEntry: true,
      imports: ['node_modules/svelte/index-client.js'],
      dynamicImports: ['src/checker/index.ts', 'src/checker/sources.ts'],
    },
    'src/checker/index.ts': { file: 'assets/core-GGGGGGGG.js', src: 'src/checker/index.ts', isDynamicEntry: true },
    // Loaded only when a file is opened; it imports the core, which a check loads anyway.
    'src/checker/sources.ts': {
      file: 'assets/sources-HHHHHHHH.js',
      src: 'src/checker/sources.ts',
      isDynamicEntry: true,
      imports: ['src/checker/index.ts'],
    },
    'src/lib/Widget.svelte': {
      file: 'assets/Widget-EEEEEEEE.js',
      src: 'src/lib/Widget.svelte',
      isDynamicEntry: true,
      imports: ['node_modules/svelte/index-client.js'],
    },
    'node_modules/svelte/index-client.js': {
      file: 'assets/index-client-FFFFFFFF.js',
      src: 'node_modules/svelte/index-client.js',
      isDynamicEntry: true,
    },
  }),
);
write('dist/assets/index-AAAAAAAA.js', 'export const entry=1;');
write('dist/assets/shared-CCCCCCCC.js', 'export const x=1;');
write('dist/assets/PasteCheck-DDDDDDDD.js', 'export const island=1;');
write('dist/assets/core-GGGGGGGG.js', 'x'.repeat(1000));
write('dist/assets/sources-HHHHHHHH.js', 'export const sources=1;');
write('dist/assets/Widget-EEEEEEEE.js', 'export const widget=1;');
write('dist/assets/index-client-FFFFFFFF.js', 'export const a=1;');
// The offline edition is not a page: it has its own budget, and random bytes make it too big.
write(
  'dist/exchange-patch-check-offline.html',
  `<!doctype html><style>${randomBytes(BUDGETS.offlineEdition).toString('hex')}</style>`,
);
write('dist/assets/style-BBBBBBBB.css', 'body{}');
write('dist/big.png', 'x'.repeat(BUDGETS.image + 1));
// A page whose CSS is inlined (as the real build does) and too big: random hex does not compress.
const bigCss = `.x{content:"${randomBytes(BUDGETS.css).toString('hex')}"}`;
write('dist/inline/index.html', page().replace(/<link rel="stylesheet"[^>]*>/, `<style>${bigCss}</style>`));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('budgets.js', () => {
  test.each([
    [
      'a lazily loaded Svelte component is an island named after its file',
      { src: 'src/x/PasteCheck.svelte', isDynamicEntry: true },
      'paste-check',
    ],
    ['one word', { src: 'src/x/Widget.svelte', isDynamicEntry: true }, 'widget'],
    ['a component bundled into its importer is no island', { src: 'src/x/Results.svelte' }, null],
    [
      'a lazily loaded module that is not a component is no island',
      { src: 'src/checker/index.ts', isDynamicEntry: true },
      null,
    ],
  ])('islandOf: %s', (_why, chunk, island) => {
    expect(islandOf({ file: 'assets/x.js', ...chunk })).toBe(island);
  });

  test('a page with an island that no chunk holds fails loudly', () => {
    write('dist/broken/index.html', page('no-such-island'));
    try {
      expect(() => measure(dist)).toThrow(/broken\/index\.html has island "no-such-island", but no chunk/);
    } finally {
      rmSync(join(dist, 'broken'), { recursive: true });
    }
  });

  test('counts island chunks only on pages with that island; what an island imports lazily counts separately', () => {
    const report = measure(dist);
    const files = (route: string) =>
      report.pages
        .find((p) => p.route === route)!
        .js.map((j) => j.file)
        .sort();
    expect(report.base).toBe('/base/');
    expect(files('guide/a/')).toEqual(['assets/index-AAAAAAAA.js', 'assets/shared-CCCCCCCC.js']);
    expect(files('')).toEqual([
      'assets/PasteCheck-DDDDDDDD.js',
      'assets/index-AAAAAAAA.js',
      'assets/index-client-FFFFFFFF.js',
      'assets/shared-CCCCCCCC.js',
    ]);
    const home = report.pages.find((p) => p.route === '')!;
    expect(home.jsLazy.map((j) => j.file)).toEqual(['assets/core-GGGGGGGG.js']);
    expect(home.jsLazyTotal).toBeGreaterThan(0);
    // What only opening a file loads counts apart, without the core a check loads anyway.
    expect(home.jsOnFileOpen.map((j) => j.file)).toEqual(['assets/sources-HHHHHHHH.js']);
    expect(home.jsOnFileOpenTotal).toBeGreaterThan(0);
    expect(report.pages.find((p) => p.route === 'builds/')!.jsOnFileOpen).toEqual([]);
    expect(files('builds/')).toEqual([
      'assets/Widget-EEEEEEEE.js',
      'assets/index-AAAAAAAA.js',
      'assets/index-client-FFFFFFFF.js',
      'assets/shared-CCCCCCCC.js',
    ]);
  });

  test('reports each exceeded budget with a clear message', () => {
    const failures = checkBudgets(measure(dist));
    expect(failures).toEqual([
      expect.stringMatching(/^Budget exceeded: CSS on \/inline\/ is \d+\.\d\d KB gzip, budget 15\.00 KB$/),
      expect.stringMatching(/^Budget exceeded: the offline edition is \d+\.\d\d KB gzip, budget 250\.00 KB$/),
      expect.stringMatching(/^Budget exceeded: image big\.png is 100\.00 KB, budget 100\.00 KB$/),
    ]);
  });

  test('what opening a file adds has its own budget', () => {
    const report = measure(dist);
    const over = {
      ...report,
      pages: report.pages.map((p) => (p.route === '' ? { ...p, jsOnFileOpenTotal: BUDGETS.homeJsOnFileOpen + 1 } : p)),
    };
    expect(checkBudgets(over)).toContainEqual(
      expect.stringMatching(
        /^Budget exceeded: JS on \/ for opening a file is 5\.00 KB gzip on top of a check, budget 5\.00 KB — assets\/sources-HHHHHHHH\.js/,
      ),
    );
  });

  describe('what a page may load once its islands are in use', () => {
    const home = () => measure(dist).pages.find((p) => p.route === '')!;
    const lazyPage = (route: string, lazyTotal: number) => ({
      ...home(),
      route,
      page: `${route}index.html`,
      jsLazyTotal: lazyTotal,
    });
    test.each([
      ['home: everything the first verdict needs', '', BUDGETS.homeJsAfterCheck, 'after the first check'],
      [
        'the log page: its scanner, which loads when the visitor reaches for it',
        'logs/',
        BUDGETS.logsJsWithScanner,
        'with the scanner',
      ],
      ['any other page: the ceiling for what loads up front', 'tools/', BUDGETS.islandPageJs, 'after first use'],
    ])('%s', (_why, route, budget, when) => {
      expect(afterUseBudget(lazyPage(route, 1))).toEqual({ budget, when });
    });

    test('a page that loads nothing lazily has none', () => {
      expect(afterUseBudget({ ...home(), jsLazy: [], jsLazyTotal: 0 })).toBeNull();
    });

    test("the log page is held to its own budget, not to home's", () => {
      const at = (route: string, total: number) => {
        const page = home();
        return { ...measure(dist), pages: [{ ...lazyPage(route, total - page.jsTotal) }] };
      };
      // Between the two budgets: fine for the log page, too much for home.
      const between = (BUDGETS.homeJsAfterCheck + BUDGETS.logsJsWithScanner) / 2;
      expect(BUDGETS.logsJsWithScanner).toBeGreaterThan(BUDGETS.homeJsAfterCheck);
      expect(checkBudgets(at('logs/', between)).filter((f) => f.includes('JS on'))).toEqual([]);
      expect(checkBudgets(at('', between))).toContainEqual(
        expect.stringMatching(
          /^Budget exceeded: JS on \/ after the first check is \d+\.\d\d KB gzip, budget 60\.00 KB — lazy: assets\/core-GGGGGGGG\.js/,
        ),
      );
      expect(checkBudgets(at('logs/', BUDGETS.logsJsWithScanner + 1))).toContainEqual(
        expect.stringMatching(
          /^Budget exceeded: JS on \/logs\/ with the scanner is \d+\.\d\d KB gzip, budget 70\.00 KB — lazy: /,
        ),
      );
    });
  });

  test('counts linked stylesheets and inline <style> elements as CSS', () => {
    const report = measure(dist);
    const css = (route: string) => report.pages.find((p) => p.route === route)!.css.map((c) => c.file);
    expect(css('guide/a/')).toEqual(['assets/style-BBBBBBBB.css']);
    expect(css('inline/')).toEqual(['<style> #1']);
  });
});
