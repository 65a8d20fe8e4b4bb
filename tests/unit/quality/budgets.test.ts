/** scripts/quality/budgets.js on a tiny fake dist/: which chunks count for which page, and the messages. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BUDGETS, checkBudgets, chunkImports, measure } from '../../../scripts/quality/budgets.js';

const root = mkdtempSync(join(tmpdir(), 'budgets-'));
const dist = join(root, 'dist');
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const page = (island = '') =>
  `<!doctype html><html><head><script type="module" crossorigin src="/base/assets/index-AAAAAAAA.js"></script>` +
  `<link rel="stylesheet" crossorigin href="/base/assets/style-BBBBBBBB.css"></head><body>${island ? `<div class="island" data-island="${island}"></div>` : ''}</body></html>`;

write(
  'src/islands/client.ts',
  `const LOADERS = { checker: () => import('../lib/Checker.svelte'), widget: () => import('../lib/Widget.svelte') };`,
);
write('dist/index.html', page('checker'));
write('dist/guide/a/index.html', page());
write('dist/builds/index.html', page('widget'));
write(
  'dist/assets/index-AAAAAAAA.js',
  `import"./shared-CCCCCCCC.js";const l={checker:()=>import(\`./Checker-DDDDDDDD.js\`),b:()=>import(\`./Widget-EEEEEEEE.js\`)};import(\`./index-client-FFFFFFFF.js\`);`,
);
write('dist/assets/shared-CCCCCCCC.js', 'export const x=1;');
write('dist/assets/Checker-DDDDDDDD.js', `import{a}from"./index-client-FFFFFFFF.js";import(\`./core-GGGGGGGG.js\`);`);
write('dist/assets/core-GGGGGGGG.js', 'x'.repeat(1000));
write('dist/assets/Widget-EEEEEEEE.js', `import{a}from"./index-client-FFFFFFFF.js";`);
write('dist/assets/index-client-FFFFFFFF.js', 'export const a=1;');
write('dist/assets/style-BBBBBBBB.css', 'body{}');
write('dist/big.png', 'x'.repeat(BUDGETS.image + 1));
// A page whose CSS is inlined (as the real build does) and too big: random hex does not compress.
const bigCss = `.x{content:"${randomBytes(BUDGETS.css).toString('hex')}"}`;
write('dist/inline/index.html', page().replace(/<link rel="stylesheet"[^>]*>/, `<style>${bigCss}</style>`));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('budgets.js', () => {
  test('parses static and dynamic imports of minified chunks', () => {
    expect(chunkImports('import"./a.js";import{b as c}from"./b-1.js";export{d}from"./d.js";import(`./e.js`)')).toEqual({
      static: ['./a.js', './b-1.js', './d.js'],
      dynamic: ['./e.js'],
    });
  });

  test('counts island chunks only on pages with that island; what an island imports lazily counts separately', () => {
    const report = measure(dist, { root });
    const files = (route: string) =>
      report.pages
        .find((p) => p.route === route)!
        .js.map((j) => j.file)
        .sort();
    expect(report.base).toBe('/base/');
    expect(files('guide/a/')).toEqual(['assets/index-AAAAAAAA.js', 'assets/shared-CCCCCCCC.js']);
    expect(files('')).toEqual([
      'assets/Checker-DDDDDDDD.js',
      'assets/index-AAAAAAAA.js',
      'assets/index-client-FFFFFFFF.js',
      'assets/shared-CCCCCCCC.js',
    ]);
    const home = report.pages.find((p) => p.route === '')!;
    expect(home.jsLazy.map((j) => j.file)).toEqual(['assets/core-GGGGGGGG.js']);
    expect(home.jsLazyTotal).toBeGreaterThan(0);
    expect(files('builds/')).toEqual([
      'assets/Widget-EEEEEEEE.js',
      'assets/index-AAAAAAAA.js',
      'assets/index-client-FFFFFFFF.js',
      'assets/shared-CCCCCCCC.js',
    ]);
  });

  test('reports each exceeded budget with a clear message', () => {
    const failures = checkBudgets(measure(dist, { root }));
    expect(failures).toEqual([
      expect.stringMatching(/^Budget exceeded: CSS on \/inline\/ is \d+\.\d\d KB gzip, budget 15\.00 KB$/),
      expect.stringMatching(/^Budget exceeded: image big\.png is 100\.00 KB, budget 100\.00 KB$/),
    ]);
  });

  test('counts linked stylesheets and inline <style> elements as CSS', () => {
    const report = measure(dist, { root });
    const css = (route: string) => report.pages.find((p) => p.route === route)!.css.map((c) => c.file);
    expect(css('guide/a/')).toEqual(['assets/style-BBBBBBBB.css']);
    expect(css('inline/')).toEqual(['<style> #1']);
  });
});
