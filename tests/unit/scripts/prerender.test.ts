/** scripts/prerender.js: the site's stylesheet is inlined and allowed by hash, never by 'unsafe-inline'. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { inlineStylesheets } from '../../../scripts/prerender.js';

const dist = mkdtempSync(join(tmpdir(), 'prerender-'));
mkdirSync(join(dist, 'assets'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'" />`;
const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;
const link = (file: string) => `<link rel="stylesheet" crossorigin href="/base/assets/${file}">`;
const css = 'body{color:#111}\n.a::before{content:"✓"}';
writeFileSync(join(dist, 'assets/style-A.css'), css);

describe('inlineStylesheets', () => {
  test('replaces the link with the file as <style> and adds exactly its sha256 to style-src', () => {
    const { html, inlined } = inlineStylesheets(page(CSP + link('style-A.css')), dist, '/base/');
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).not.toContain('<link rel="stylesheet"');
    const hash = createHash('sha256').update(css).digest('base64');
    expect(html).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(html).not.toContain('unsafe-inline');
    expect(inlined).toEqual([join(dist, 'assets/style-A.css')]);
  });

  test('leaves a page without stylesheets alone', () => {
    const template = page(CSP);
    expect(inlineStylesheets(template, dist, '/base/')).toEqual({ html: template, inlined: [] });
  });

  test('refuses CSS that would end the <style> element, a page without a CSP, and files outside the base', () => {
    writeFileSync(join(dist, 'assets/style-B.css'), 'a{}</style><script>alert(1)</script>');
    expect(() => inlineStylesheets(page(CSP + link('style-B.css')), dist, '/base/')).toThrow(/<\/style/);
    expect(() => inlineStylesheets(page(link('style-A.css')), dist, '/base/')).toThrow(/CSP meta/);
    expect(() => inlineStylesheets(page(CSP + link('style-A.css')), dist, '/other/')).toThrow(/outside the base/);
  });
});
