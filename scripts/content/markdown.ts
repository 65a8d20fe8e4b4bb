/**
 * Markdown → HTML, once, at build time. One configured `marked` instance; code highlighted by
 * shiki into classes (no inline styles, so the Content-Security-Policy can forbid them).
 * Nothing here ships to the browser.
 */
import GithubSlugger from 'github-slugger';
import { Marked, type Tokens } from 'marked';
import { createHighlighter, type Highlighter } from 'shiki';
import { transformerStyleToClass } from '@shikijs/transformers';
import type { TocEntry } from '../../src/shared/content/types.ts';
import { escapeHtml } from '../../src/shared/html.ts';
import { dataDirectives, DirectiveError, type DirectiveContext } from './data-directives.ts';

export interface RenderedMarkdown {
  html: string;
  toc: TocEntry[];
  /** every id in the document, for link checking */
  ids: string[];
  words: number;
}

export interface MarkdownRenderer {
  /** Renders Markdown; `{{…}}` data directives are filled from src/data (see data-directives.ts). */
  render(markdown: string, context?: DirectiveContext): RenderedMarkdown;
  /** CSS for the highlighted code classes (light and dark). */
  codeCss(): string;
}

const LANGUAGES = ['powershell', 'bash', 'json', 'http', 'html', 'xml', 'csv', 'text'] as const;

const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();


/**
 * Rewrites root-relative links to the deployment base and gives every external link
 * rel="noopener noreferrer". Applies to Markdown links and to raw HTML alike.
 */
export function rewriteLinks(html: string, base: string): string {
  return html.replace(/<a\s([^>]*?)>/g, (_tag, attrs: string) => {
    let out = attrs.replace(/\bhref="\/(?!\/)([^"]*)"/, (_m, rest: string) => `href="${base}${rest}"`);
    if (/\bhref="https?:\/\//i.test(out) && !/\brel=/.test(out)) out += ' rel="noopener noreferrer"';
    return `<a ${out}>`;
  });
}

interface Parser {
  parse(tokens: Tokens.Generic[]): string;
  parseInline(tokens: Tokens.Generic[]): string;
}

/** What one document's render collects on the way: heading ids, the table of contents, counters. */
interface RenderState {
  slugger: GithubSlugger;
  toc: TocEntry[];
  ids: string[];
  codeBlocks: number;
  tables: number;
}

/** A heading with a stable id and a "link to this section" anchor; h2 and h3 go in the table of contents. */
function headingHtml(inner: string, depth: number, state: RenderState): string {
  const text = stripTags(inner);
  const id = state.slugger.slug(text);
  state.ids.push(id);
  if (depth === 2 || depth === 3) state.toc.push({ depth, id, text });
  return (
    `<h${depth} id="${id}">${inner}` +
    ` <a class="heading-anchor" href="#${id}"><span aria-hidden="true">#</span>` +
    `<span class="visually-hidden">Link to this section: ${escapeHtml(text)}</span></a></h${depth}>\n`
  );
}

/** A highlighted code block with its language and a copy button that appears only with JavaScript. */
function codeBlockHtml(language: string, index: number, highlighted: string): string {
  const label = language === 'powershell' ? 'PowerShell' : language || 'text';
  return (
    `<div class="code-block" data-code-block>` +
    `<div class="code-block__bar"><span class="code-block__lang">${escapeHtml(label)}</span>` +
    `<button type="button" class="copy-button" data-copy hidden>Copy<span class="visually-hidden"> code ${index}</span></button></div>` +
    highlighted +
    `</div>\n`
  );
}

/** A table in a keyboard-focusable region that scrolls on its own at 320 px, labelled by its columns. */
function tableHtml(parser: Parser, token: Tokens.Table, index: number): string {
  const cell = (c: Tokens.TableCell, tag: 'th' | 'td') => {
    const align = c.align ? ` class="align-${c.align}"` : '';
    const scope = tag === 'th' ? ' scope="col"' : '';
    return `<${tag}${scope}${align}>${parser.parseInline(c.tokens)}</${tag}>`;
  };
  const head = `<tr>${token.header.map((c) => cell(c, 'th')).join('')}</tr>`;
  const body = token.rows.map((row) => `<tr>${row.map((c) => cell(c, 'td')).join('')}</tr>`).join('\n');
  const columns = token.header.map((c) => stripTags(parser.parseInline(c.tokens))).join(', ');
  const label = escapeHtml(`Table ${index}: ${columns}`);
  return `<div class="table-wrap" role="region" aria-label="${label}" tabindex="0"><table>\n<thead>${head}</thead>\n<tbody>${body}</tbody></table></div>\n`;
}

/** `- [ ] item` as a labelled checkbox (enabled and remembered by src/client/enhance/checklist.ts); `false` for other items. */
function taskItemHtml(parser: Parser, item: Tokens.ListItem): string | false {
  if (!item.task) return false;
  // Tight lists put the checkbox before the text token; loose lists put it inside the paragraph.
  const [first, ...rest] = item.tokens.filter((t) => t.type !== 'checkbox');
  const inlineTokens: Tokens.Generic[] =
    first && 'tokens' in first && Array.isArray(first.tokens) ? (first.tokens as Tokens.Generic[]) : [];
  const label = parser.parseInline(inlineTokens.filter((t) => t.type !== 'checkbox'));
  const checked = item.checked ? ' checked' : '';
  return (
    `<li class="task-item"><label><input type="checkbox" class="task-checkbox" disabled${checked}> ` +
    `<span>${label}</span></label>${parser.parse(rest)}</li>\n`
  );
}

/** Fails on `{{…}}` left in the output: a mistyped directive would otherwise reach the page as literal braces. */
function assertNoLeftoverDirective(html: string): void {
  const leftover = /\{\{[^{}\n]{0,120}\}\}/.exec(html.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, ''));
  if (leftover) throw new DirectiveError(leftover[0].slice(2, -2), 'is not a data directive (see README: data directives)');
}

export async function createMarkdownRenderer(base: string): Promise<MarkdownRenderer> {
  const highlighter: Highlighter = await createHighlighter({
    themes: ['github-light-high-contrast', 'github-dark-high-contrast'],
    langs: [...LANGUAGES],
  });
  const toClass = transformerStyleToClass({ classPrefix: 'hl-' });

  function highlight(code: string, lang: string): string {
    const language = (LANGUAGES as readonly string[]).includes(lang) ? lang : 'text';
    return highlighter.codeToHtml(code, {
      lang: language,
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: 'light',
      transformers: [toClass],
    });
  }

  function render(markdown: string, context: DirectiveContext = {}): RenderedMarkdown {
    const state: RenderState = { slugger: new GithubSlugger(), toc: [], ids: [], codeBlocks: 0, tables: 0 };
    const marked = new Marked({ gfm: true });
    marked.use({
      renderer: {
        heading(this: { parser: Parser }, { tokens, depth }: Tokens.Heading) {
          return headingHtml(this.parser.parseInline(tokens), depth, state);
        },
        code({ text, lang }: Tokens.Code) {
          const language = (lang ?? '').trim().split(/\s+/)[0] ?? '';
          return codeBlockHtml(language, ++state.codeBlocks, highlight(text, language));
        },
        table(this: { parser: Parser }, token: Tokens.Table) {
          return tableHtml(this.parser, token, ++state.tables);
        },
        listitem(this: { parser: Parser }, item: Tokens.ListItem) {
          return taskItemHtml(this.parser, item);
        },
      },
    });
    marked.use(dataDirectives(context));

    const raw = marked.parse(markdown, { async: false });
    assertNoLeftoverDirective(raw);
    // ids written in raw HTML (e.g. <ol id="…">, SVG title ids) count as anchors too.
    for (const match of raw.matchAll(/\sid="([^"]+)"/g)) {
      if (match[1] && !state.ids.includes(match[1])) state.ids.push(match[1]);
    }
    const html = rewriteLinks(raw, base);
    const words = stripTags(html).split(/\s+/).filter(Boolean).length;
    return { html, toc: state.toc, ids: state.ids, words };
  }

  return { render, codeCss: () => toClass.getCSS() };
}
