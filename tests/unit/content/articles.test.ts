/**
 * Content quality of the real articles: every article in content/guide/ and the About
 * page is loaded through the build's own Markdown pipeline, under the GitHub Pages sub-path, and
 * checked for front matter, sources, "What to do next" links, internal links and anchors,
 * glossary links, diagram text alternatives, CSP-safe HTML and (for owner pages) readability.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rs from 'text-readability';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/content/types.ts';
import { loadArticles, loadPage, reviewedPages } from '../../../scripts/content/load.ts';
import { checkBuildMentions } from '../../../scripts/content/build-mentions.ts';
import { createMarkdownRenderer } from '../../../scripts/content/markdown.ts';
import { listRoutes } from '../../../src/server/routes.ts';

const BASE = '/exchange-patch-check/';
const ROOT = join(import.meta.dirname, '../../..');

// Loading runs the build's validation: a bad front matter, file name or duplicate slug throws here.
const renderer = await createMarkdownRenderer(BASE);
const articles = loadArticles(join(ROOT, 'content/guide'), renderer);
const about = loadPage(join(ROOT, 'content/pages/about.md'), renderer, 'about', { pages: reviewedPages(articles) });

interface ContentPage {
  route: string;
  article: Article;
  /** The Markdown file, as an author typed it. */
  source: string;
}
const PAGES: ContentPage[] = [
  ...articles.map((article) => ({
    route: `guide/${article.slug}/`,
    article,
    source: readFileSync(join(ROOT, 'content/guide', article.file), 'utf8'),
  })),
  { route: 'about/', article: about, source: readFileSync(join(ROOT, 'content/pages/about.md'), 'utf8') },
];
const glossary = articles.find((a) => a.slug === 'glossary');

/** Ids the page templates add around the article HTML (src/pages/Article.svelte, About.svelte). */
function templateIds(article: Article): string[] {
  // The About page template adds the conflicts recorded in the data (src/pages/About.svelte).
  const about = article.slug === 'about' ? ['data-conflicts'] : [];
  return ['main', 'sources-heading', ...about, ...(article.toc.length > 0 ? ['toc-heading'] : [])];
}

/** Every route of the site, relative to the base, from the site's own route table (minus 404.html). */
const ROUTES = new Set(listRoutes().filter((route) => !route.endsWith('.html')));
/** Anchors known per route; routes not listed here (home, guide index, builds) are checked by the e2e crawler. */
const ANCHORS = new Map(PAGES.map(({ route, article }) => [route, new Set([...article.ids, ...templateIds(article)])]));

const decodeEntities = (text: string): string =>
  text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Removes code blocks (with their language bar and copy button), <pre> and inline SVG. */
const withoutCodeAndDiagrams = (html: string): string =>
  html
    .replace(/<div class="code-block"[\s\S]*?<\/pre><\/div>/g, ' ')
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ');

const stripTags = (html: string): string =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The prose a reader reads, as one line for text-readability: no code, diagrams, tables or
 * "Link to this section" anchors. Headings, list items and captions are not sentences in the
 * Markdown, so each block that lacks end punctuation gets a full stop — otherwise the library
 * (which splits on ". " before a capital) would count a whole list as one endless sentence.
 */
function readableText(html: string): string {
  const blocks = withoutCodeAndDiagrams(html)
    .replace(/<div class="table-wrap"[\s\S]*?<\/table><\/div>/g, ' ')
    .replace(/<table[\s\S]*?<\/table>/g, ' ')
    .replace(/<a class="heading-anchor"[\s\S]*?<\/a>/g, '')
    .replace(/<\/(h[1-6]|li|p|figcaption|dt|dd|blockquote)>/g, '\u0000');
  return blocks
    .split('\u0000')
    .map((block) => stripTags(block))
    .filter(Boolean)
    .map((block) => (/[.?!:;]["')\]]*$/.test(block) ? block : `${block}.`))
    .join(' ')
    .replace(/:(?= [A-Z])/g, '.') // a lead-in sentence ending in a colon ends there
    .replace(/\s+/g, ' ')
    .trim();
}

/** Prose where a glossary term counts as "used": no code, diagrams, headings, or text of links. */
function proseForTerms(html: string): string {
  return stripTags(
    withoutCodeAndDiagrams(html)
      .replace(/<h([1-6])[\s\S]*?<\/h\1>/g, ' ')
      .replace(/<a\s[\s\S]*?<\/a>/g, ' ')
      .replace(/<code>[\s\S]*?<\/code>/g, ' '),
  );
}

const hrefs = (html: string): string[] => [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((m) => m[1] ?? '');

/** The HTML of each h2 section, keyed by heading id, in document order. */
function h2Sections(html: string): { id: string; html: string }[] {
  const starts = [...html.matchAll(/<h2 id="([^"]+)"/g)];
  return starts.map((match, i) => ({
    id: match[1] ?? '',
    html: html.slice(match.index, starts[i + 1]?.index ?? html.length),
  }));
}

/**
 * How a reader spots each glossary term in running text. Keys are the glossary's ### ids. Plain
 * English that merely overlaps a term (any "security update", "Exchange" on its own, a CVE
 * number like CVE-2021-26855 or a KB number like KB5000871) is deliberately not matched.
 */
const GLOSSARY_TERMS: Record<string, RegExp[]> = {
  'exchange-online': [/\bExchange Online\b/],
  'exchange-server-se': [/\bExchange (?:Server )?SE\b/, /\bSubscription Edition\b/],
  hybrid: [/\bhybrid\b/i],
  'on-premises': [/\bon-premises\b/i],
  admindisplayversion: [/\bAdminDisplayVersion\b/],
  'build-number': [/\bbuild numbers?\b/i],
  cu: [/\bCU\d*s?\b/, /\bcumulative updates?\b/i],
  esu: [/\bESUs?\b/, /\bExtended Security Updates?\b/i],
  'end-of-support': [/\bend of support\b/i, /\bout of support\b/i],
  exsetup: [/\bExSetup\b/],
  hu: [/\bHUs?\b/, /\bhotfix updates?\b/i],
  kb: [/\bKB\b(?!\d)/, /\bKnowledge Base\b/],
  'out-of-band': [/\bout-of-band\b/i],
  'patch-tuesday': [/\bPatch Tuesday\b/i],
  su: [/\bSUs?\b/],
  'active-directory': [/\bActive Directory\b/],
  apt: [/\bAPTs?\b/, /\badvanced persistent threats?\b/i],
  cve: [/\bCVEs?\b(?!-)/],
  ioc: [/\bIOCs?\b/, /\bindicators? of compromise\b/i],
  kev: [/\bKEV\b/, /\bKnown Exploited Vulnerabilities\b/i],
  lsass: [/\bLSASS\b/],
  ransomware: [/\bransomware\b/i],
  ssrf: [/\bSSRF\b/, /\bserver-side request forgery\b/i],
  'web-shell': [/\bweb shells?\b/i],
  'zero-day': [/\bzero-days?\b/i],
  ecp: [/\bECP\b/, /\bExchange Control Panel\b/],
  eomt: [/\bEOMT\b/, /\bExchange On-premises Mitigation Tool\b/i],
  'extended-protection': [/\bExtended Protection\b/],
  healthchecker: [/\bHealthChecker\b/],
  msert: [/\bMSERT\b/, /\bMicrosoft Safety Scanner\b/],
  msp: [/\bMSPs?\b/, /\bmanaged service providers?\b/i, /\bIT service providers?\b/i],
  owa: [/\bOWA\b/, /\bOutlook on the web\b/i],
  'test-proxylogon': [/\bTest-ProxyLogon\b/],
  'unified-messaging': [/\bUnified Messaging\b/],
  'url-rewrite': [/\bURL Rewrite\b/],
};

/** Glossary entries not checked for links, each with the reason. */
const UNCHECKED_TERMS: Record<string, string> = {
  'exchange-server':
    'the subject of every page; "Exchange server" is plain English here, so a link is good practice but not required',
};

const today = new Date().toISOString().slice(0, 10);

describe('the content set', () => {
  it('loads every guide article and the About page through the build pipeline', () => {
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(articles.map((a) => a.order)).toEqual([...articles.map((a) => a.order)].sort((x, y) => x - y));
    expect(glossary, 'content/guide/*-glossary.md').toBeDefined();
  });

  it('maps every glossary entry to the words that identify it (so new entries are not silently unchecked)', () => {
    const entries = glossary?.toc.filter((t) => t.depth === 3).map((t) => t.id) ?? [];
    expect(entries.length).toBeGreaterThan(20);
    expect([...Object.keys(GLOSSARY_TERMS), ...Object.keys(UNCHECKED_TERMS)].sort()).toEqual([...entries].sort());
  });

  it('gives each article a distinct title and description', () => {
    for (const field of ['title', 'description'] as const) {
      const values = PAGES.map((p) => p.article[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });
});

describe('text extraction used by the checks', () => {
  const html = renderer.render(
    '## Heading\n\nSome prose with a [web shell](/guide/glossary/#web-shell) link.\n\n' +
      '- first item\n- second item\n\n```powershell\nGet-ExchangeServer # SSRF\n```\n\n' +
      '| A | B |\n| - | - |\n| LSASS | x |\n\n<svg role="img" aria-label="x"><text>OWA</text></svg>\n',
  ).html;

  it('drops code, tables, diagrams and heading anchors, and ends every block with a full stop', () => {
    expect(readableText(html)).toBe('Heading. Some prose with a web shell link. first item. second item.');
  });

  it('does not count code, diagrams, headings or link text as term uses', () => {
    const prose = proseForTerms(html);
    expect(prose).toContain('Some prose with a link.');
    for (const term of ['SSRF', 'OWA', 'web shell', 'Heading']) expect(prose).not.toContain(term);
    expect(prose).toContain('LSASS'); // a table cell is prose
  });

  it('scores easy prose above hard prose (the library is wired up the right way round)', () => {
    const easy = 'The cat sat on the mat. It was warm. The dog ran to the door. We had tea.';
    const hard =
      'Comprehensive organisational vulnerability remediation necessitates systematic identification, ' +
      'prioritisation and implementation of authoritative configuration modifications.';
    expect(rs.fleschReadingEase(easy)).toBeGreaterThan(80);
    expect(rs.fleschReadingEase(hard)).toBeLessThan(30);
    expect(rs.fleschKincaidGrade(hard)).toBeGreaterThan(rs.fleschKincaidGrade(easy));
  });
});

describe.each(PAGES)('$route', ({ route, article, source }) => {
  it('has a search-sized description and dates that are not in the future', () => {
    expect(article.description.length, article.description).toBeLessThanOrEqual(160);
    for (const field of ['updated', 'reviewed'] as const) {
      expect(article[field] <= today, `${field} ${article[field]} is after ${today}`).toBe(true);
      expect(article[field] >= '2021-03-02', `${field} before the events it describes`).toBe(true);
    }
  });

  // Numbers that change with new releases come from data directives; any typed by hand must agree with the data.
  it('types only build and KB numbers the data knows, labelled with the CU, update and product the data gives', () => {
    expect(checkBuildMentions(source)).toEqual([]);
  });

  it('cites at least two distinct, well-formed https sources', () => {
    expect(article.sources.length).toBeGreaterThanOrEqual(2);
    const urls = article.sources.map((s) => {
      const url = new URL(s.url);
      expect(url.protocol, s.url).toBe('https:');
      expect(url.hostname, s.url).toMatch(/\.[a-z]{2,}$/);
      return `${url.hostname}${url.pathname.replace(/\/$/, '')}${url.search}`.toLowerCase();
    });
    expect(urls.filter((u, i) => urls.indexOf(u) !== i), 'duplicate sources').toEqual([]);
    const titles = article.sources.map((s) => s.title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i), 'duplicate source titles').toEqual([]);
  });

  it('ends with a "What to do next" section of at least two links into the site', () => {
    const sections = h2Sections(article.html);
    expect(sections.at(-1)?.id).toBe('what-to-do-next');
    const links = hrefs(sections.at(-1)?.html ?? '').filter((h) => !h.startsWith('#what-to-do-next'));
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.filter((h) => !h.startsWith(BASE))).toEqual([]);
  });

  it('has only internal links that resolve under the base, to real routes and anchors', () => {
    const problems: string[] = [];
    for (const href of hrefs(article.html)) {
      if (href.startsWith('https://')) {
        if (!URL.canParse(href)) problems.push(`${href}: not a valid URL`);
      } else if (href.startsWith('mailto:')) {
        continue;
      } else if (href.startsWith('#')) {
        if (!ANCHORS.get(route)?.has(decodeURIComponent(href.slice(1)))) problems.push(`${href}: no such id on this page`);
      } else if (href.startsWith(BASE)) {
        const [path = '', fragment] = href.slice(BASE.length).split('#');
        if (!ROUTES.has(path)) problems.push(`${href}: no such page (internal links end in a slash)`);
        else if (fragment !== undefined && ANCHORS.has(path) && !ANCHORS.get(path)?.has(decodeURIComponent(fragment)))
          problems.push(`${href}: no id "${fragment}" on ${path}`);
      } else {
        problems.push(`${href}: not https, not under ${BASE} and not a same-page anchor`);
      }
    }
    expect(problems).toEqual([]);
  });

  // The glossary itself defines the terms; every other page links them.
  if (article.slug !== 'glossary')
  it('links every glossary term it uses to its glossary entry', () => {
    const prose = proseForTerms(article.html);
    const linked = new Set(
      hrefs(article.html)
        .filter((h) => h.startsWith(`${BASE}guide/glossary/#`))
        .map((h) => h.split('#')[1]),
    );
    const unlinked = Object.entries(GLOSSARY_TERMS)
      .filter(([id, patterns]) => !linked.has(id) && patterns.some((p) => p.test(prose)))
      .map(([id, patterns]) => `${id} (used as "${patterns.map((p) => p.exec(prose)?.[0]).find(Boolean)}")`);
    expect(unlinked, 'terms used without a link to /guide/glossary/#id').toEqual([]);
  });

  it('gives every diagram a role, an accessible name and a text alternative', () => {
    for (const svg of article.html.match(/<svg\b[^>]*>/g) ?? []) {
      expect(svg).toMatch(/\brole="img"/);
      const label = /\baria-label="([^"]+)"/.exec(svg)?.[1];
      const labelledBy = /\baria-labelledby="([^"]+)"/.exec(svg)?.[1];
      expect(label ?? labelledBy, `${svg} has no aria-label or aria-labelledby`).toBeTruthy();
      for (const id of labelledBy?.split(/\s+/) ?? []) {
        expect(article.html, `aria-labelledby points to missing #${id}`).toMatch(
          new RegExp(`<(title|desc) id="${id}">[^<]+</\\1>`),
        );
      }
    }
    for (const [figure, after] of article.html.matchAll(/<figure\b[\s\S]*?<\/figure>([\s\S]{0,400})/g)) {
      if (!figure.includes('<svg')) continue;
      expect(figure, 'a diagram needs a visible caption').toMatch(/<figcaption>[^<]{10,}/);
      // The long description: a list inside the figure, or right after it (optionally after a lead-in paragraph).
      expect(
        /<(ol|ul)>/.test(figure.replace(/<svg[\s\S]*<\/svg>/, '')) || /^\s*(<p>[^]*?<\/p>\s*)?<(ol|ul)>/.test(after ?? ''),
        'a diagram needs a text version: a list in or right after its <figure>',
      ).toBe(true);
    }
  });

  it('has no inline styles, scripts or event handlers (the CSP forbids them)', () => {
    expect(article.html).not.toMatch(/\sstyle="/);
    expect(article.html).not.toMatch(/<script\b/i);
    expect(article.html).not.toMatch(/\son[a-z]+="/i);
    expect(article.html).not.toMatch(/href="javascript:/i);
  });

  const measured = () => {
    const text = readableText(article.html);
    const ease = rs.fleschReadingEase(text);
    const grade = rs.fleschKincaidGrade(text);
    console.log(
      `readability ${route.padEnd(34)} audience=${article.audience.padEnd(5)} ` +
        `ease=${ease.toFixed(1).padStart(5)} grade=${grade.toFixed(1).padStart(4)} ` +
        `words=${rs.lexiconCount(text)} sentences=${rs.sentenceCount(text)}`,
    );
    return { text, ease, grade };
  };

  if (article.audience === 'owner') {
    it('reads easily for non-specialists: Flesch-Kincaid grade ≤ 6 and Flesch reading ease ≥ 55', () => {
      const { ease, grade } = measured();
      expect(grade, `grade ${grade}`).toBeLessThanOrEqual(6);
      expect(ease, `reading ease ${ease}`).toBeGreaterThanOrEqual(55);
    });
  } else {
    it('reports its readability figures (asserted only for owner pages)', () => {
      const { text, ease, grade } = measured();
      expect(rs.lexiconCount(text)).toBeGreaterThan(100);
      expect(Number.isFinite(ease) && Number.isFinite(grade)).toBe(true);
    });
  }
});
