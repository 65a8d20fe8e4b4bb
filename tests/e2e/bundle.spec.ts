import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { DIST } from './helpers.ts';

const assets = join(DIST, 'assets');
const jsFiles = readdirSync(assets).filter((f) => f.endsWith('.js'));

test('marked never reaches a client bundle', () => {
  for (const file of jsFiles) {
    const code = readFileSync(join(assets, file), 'utf8');
    expect(code, file).not.toContain('marked(): input parameter');
    expect(code, file).not.toMatch(/Token with "[^"]*" type was not found/);
    expect(code, file).not.toContain('shiki');
  }
});

test('article HTML is not duplicated inside any JS bundle', () => {
  const article = readFileSync(join(DIST, 'guide/glossary/index.html'), 'utf8');
  const sentences = [...article.matchAll(/<p>([^<]{60,})<\/p>/g)].map((m) => m[1] ?? '').slice(0, 5);
  expect(sentences.length).toBeGreaterThan(0);
  const allJs = jsFiles.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  for (const sentence of sentences) expect(allJs).not.toContain(sentence.slice(0, 50));
});

test('JavaScript loaded per page stays within budget (gzip)', async ({ page }) => {
  const budgets: [string, number][] = [
    ['guide/glossary/', 5 * 1024],
    ['about/', 5 * 1024],
    ['', 45 * 1024],
  ];
  for (const [route, budget] of budgets) {
    const sizes = new Map<string, number>();
    page.on('response', async (response) => {
      if (!response.url().endsWith('.js') || response.status() !== 200) return;
      sizes.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
    });
    await page.goto(`./${route}`);
    await page.waitForLoadState('networkidle');
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.log(`JS on /${route}: ${total} B gzip in ${sizes.size} files (budget ${budget} B)`);
    expect(total, `/${route} JS gzip`).toBeLessThanOrEqual(budget);
    page.removeAllListeners('response');
  }
});
