/**
 * Reads every article in content/guide/ and the standalone pages in content/pages/, validates
 * them and renders them to HTML. Ordering comes from the numeric file-name prefix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/shared/content/types.ts';
import { ContentError, splitFrontMatter, validateFrontMatter } from './front-matter.ts';
import { DirectiveError, type DirectiveContext, type ReviewedPage } from './data-directives.ts';
import type { MarkdownRenderer, RenderedMarkdown } from './markdown.ts';

const ARTICLE_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
/** A table of contents helps once an article is this long. */
const TOC_MIN_HEADINGS = 4;

export function parseArticle(
  file: string,
  source: string,
  renderer: MarkdownRenderer,
  order = 0,
  slug = '',
  context: DirectiveContext = {},
): Article {
  const { data, body } = splitFrontMatter(file, source);
  const meta = validateFrontMatter(file, data);
  if (/^#\s/m.test(body.replace(/```[\s\S]*?```/g, ''))) {
    throw new ContentError(file, 'title', 'is the only h1: use ## for headings in the body, not #');
  }
  let rendered: RenderedMarkdown;
  try {
    rendered = renderer.render(body, context);
  } catch (error) {
    // A bad data directive names the file, like a bad front matter does.
    if (error instanceof DirectiveError) error.message = `${file}: ${error.message}`;
    throw error;
  }
  const toc = rendered.toc.filter((entry) => entry.depth === 2).length >= TOC_MIN_HEADINGS ? rendered.toc : [];
  return {
    ...meta,
    slug,
    order,
    file,
    html: rendered.html,
    toc,
    ids: rendered.ids,
    words: rendered.words,
    readingMinutes: Math.max(1, Math.round(rendered.words / 200)),
  };
}

/** Loads content/guide/NN-slug.md in order. Throws ContentError on a bad name, front matter or duplicate slug. */
export function loadArticles(dir: string, renderer: MarkdownRenderer): Article[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  const seen = new Map<string, string>();
  return files.map((name) => {
    const match = ARTICLE_FILE.exec(name);
    if (!match) throw new ContentError(name, '(file name)', 'must look like NN-lowercase-slug.md');
    const slug = match[2] ?? '';
    const previous = seen.get(slug);
    if (previous) throw new ContentError(name, 'slug', `"${slug}" is already used by ${previous}`);
    seen.set(slug, name);
    return parseArticle(name, readFileSync(join(dir, name), 'utf8'), renderer, Number(match[1]), slug);
  });
}

/** Loads a standalone page; `context.pages` feeds its `{{table:reviews}}` directive. */
export function loadPage(file: string, renderer: MarkdownRenderer, slug: string, context: DirectiveContext = {}): Article {
  return parseArticle(file, readFileSync(file, 'utf8'), renderer, 0, slug, context);
}

/** What the About page's reviews table lists for each article. */
export function reviewedPages(articles: readonly Article[]): ReviewedPage[] {
  return articles.map((a) => ({ title: a.title, href: `/guide/${a.slug}/`, reviewed: a.reviewed, updated: a.updated }));
}
