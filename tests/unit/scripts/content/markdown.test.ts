import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../../scripts/content/load.ts';
import { createMarkdownRenderer, rewriteLinks, type MarkdownRenderer } from '../../../../scripts/content/markdown.ts';

let md: MarkdownRenderer;
beforeAll(async () => {
  md = await createMarkdownRenderer('/repo/');
});

const FRONT = `---\ntitle: T\ndescription: D\naudience: all\nupdated: 2026-11-27\nreviewed: 2026-11-29\nsources:\n  - title: S\n    url: https://example.org/a\n---\n`;

describe('Markdown pipeline', () => {
  it('gives headings stable GitHub-style ids with an anchor link, and de-duplicates them', () => {
    const { html, toc } = md.render('## What is a web shell?\n\n## What is a web shell?\n\n### Deeper');
    expect(html).toContain('<h2 id="what-is-a-web-shell">What is a web shell?');
    expect(html).toContain('<h2 id="what-is-a-web-shell-1">');
    expect(html).toContain('<a class="heading-anchor" href="#what-is-a-web-shell">');
    expect(toc).toEqual([
      { depth: 2, id: 'what-is-a-web-shell', text: 'What is a web shell?' },
      { depth: 2, id: 'what-is-a-web-shell-1', text: 'What is a web shell?' },
      { depth: 3, id: 'deeper', text: 'Deeper' },
    ]);
  });

  it('prefixes root-relative links with the base and marks external links noopener noreferrer', () => {
    const { html } = md.render('[guide](/guide/glossary/#web-shell) and [MS](https://www.microsoft.com/)');
    expect(html).toContain('href="/repo/guide/glossary/#web-shell"');
    expect(html).toMatch(/href="https:\/\/www\.microsoft\.com\/" rel="noopener noreferrer"/);
  });

  it('rewrites links in raw HTML blocks too, but leaves protocol-relative and anchor links alone', () => {
    expect(rewriteLinks('<a href="/builds/">x</a><a href="//cdn.example">y</a><a href="#top">z</a>', '/b/')).toBe(
      '<a href="/b/builds/">x</a><a href="//cdn.example">y</a><a href="#top">z</a>',
    );
    expect(rewriteLinks('<a href="https://x.org" rel="external">x</a>', '/')).toBe('<a href="https://x.org" rel="external">x</a>');
  });

  it('highlights PowerShell at build time with classes, no inline styles, and a hidden copy button', () => {
    const { html } = md.render('```powershell\nGet-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }\n```');
    expect(html).toContain('class="shiki');
    expect(html).toContain('<span class="code-block__lang">PowerShell</span>');
    expect(html).toMatch(/<button type="button" class="copy-button" data-copy hidden>/);
    expect(html).not.toMatch(/style="/);
    expect(md.codeCss()).toMatch(/\.hl-[a-z0-9]+\s*\{/);
  });

  it('renders task lists as labelled checkboxes the checklist script can enable', () => {
    const { html } = md.render('- [ ] Install the update\n- [x] Read the guide');
    expect(html).toContain('<li class="task-item"><label><input type="checkbox" class="task-checkbox" disabled> <span>Install the update</span></label>');
    expect(html).toContain('class="task-checkbox" disabled checked>');
  });

  it('wraps tables in a focusable scroll region with column headers', () => {
    const { html } = md.render('| Build | KB |\n| --- | --- |\n| 15.1.2176.9 | KB5000871 |');
    expect(html).toContain('<div class="table-wrap" role="region" aria-label="Table 1: Build, KB" tabindex="0"><table>');
    expect(html).toContain('<th scope="col">Build</th>');
    expect(html).toContain('<td>15.1.2176.9</td>');
  });

  it('counts ids from raw HTML as anchors', () => {
    const { ids } = md.render('<ol id="events"><li>x</li></ol>\n\n## Heading');
    expect(ids).toEqual(expect.arrayContaining(['events', 'heading']));
  });
});

describe('loadArticles', () => {
  const dirWith = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'epc-content-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('orders articles by their numeric prefix and derives the slug', () => {
    const dir = dirWith({ '02-second.md': `${FRONT}Two`, '01-first.md': `${FRONT}One` });
    expect(loadArticles(dir, md).map((a) => [a.order, a.slug])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  it('fails on a duplicate slug, naming both files', () => {
    const dir = dirWith({ '01-same.md': `${FRONT}One`, '02-same.md': `${FRONT}Two` });
    expect(() => loadArticles(dir, md)).toThrow(/02-same\.md: front matter field "slug" "same" is already used by 01-same\.md/);
  });

  it('fails on a badly named file', () => {
    const dir = dirWith({ 'Intro.md': `${FRONT}x` });
    expect(() => loadArticles(dir, md)).toThrow(/Intro\.md: .*must look like NN-lowercase-slug\.md/);
  });

  it('fails on a second h1 in the body', () => {
    const dir = dirWith({ '01-x.md': `${FRONT}# Another title` });
    expect(() => loadArticles(dir, md)).toThrow(/01-x\.md: front matter field "title" is the only h1/);
  });

  it('adds a table of contents only to long articles', () => {
    const long = `${FRONT}${['A', 'B', 'C', 'D'].map((h) => `## ${h}\n\ntext`).join('\n\n')}`;
    const dir = dirWith({ '01-short.md': `${FRONT}## A\n\ntext`, '02-long.md': long });
    const [short, longArticle] = loadArticles(dir, md);
    expect(short?.toc).toEqual([]);
    expect(longArticle?.toc.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
