/**
 * Data directives: build numbers, KBs, dates, "newest update" and lifecycle facts are rendered into
 * articles from the checker's own data at build time, never typed by hand. When a release is added
 * to src/data/, every article that names it changes with the next build.
 *
 * Syntax (documented in README, "Adding or changing an article"):
 *   inline, anywhere in running text, a table cell or raw HTML:   {{field:reference}}
 *   block, alone on its own line:                                 {{table:name}}, {{timeline:…}}, {{list:…}}
 *
 * A reference names a release by product and name (`2019 CU12 May22SU`, `2010 SP3 RU32`), a line's
 * CU or newest update (`2019 CU15 base`, `SE RTM newest`), a product's newest update (`SE newest`),
 * or a product alone (`2016`) for lifecycle fields. An unknown field or reference stops the build
 * with a DirectiveError naming it. Every value is computed from the checker's public API, so the
 * article says exactly what the checker and /builds/ say.
 */
import {
  allConflicts,
  allReleases,
  checkText,
  compareBuilds,
  DATA_AS_OF,
  humanDate,
  lines,
  parseBuild,
  shortProductName,
  supportStatus,
  type LineInfo,
  type Product,
  type Release,
  type ReleaseWithStatus,
} from '../../src/checker/index.ts';
import { escapeHtml } from '../../src/shared/html.ts';

export class DirectiveError extends Error {
  constructor(directive: string, problem: string) {
    super(`data directive {{${directive}}}: ${problem}`);
    this.name = 'DirectiveError';
  }
}

/** A guide page as the reviews table lists it. */
export interface ReviewedPage {
  title: string;
  /** Root-relative link, e.g. `/guide/what-happened/`. */
  href: string;
  reviewed: string;
  updated: string;
}

export interface DirectiveContext {
  /** ISO date that "today" means in support columns; default: the date of the build. */
  today?: string;
  /** Pages for `{{table:reviews}}`. */
  pages?: readonly ReviewedPage[];
}

const PRODUCT_WORDS: Record<string, Product> = {
  '2010': 'Exchange Server 2010',
  '2013': 'Exchange Server 2013',
  '2016': 'Exchange Server 2016',
  '2019': 'Exchange Server 2019',
  se: 'Exchange Server SE',
};

/** Bounded on purpose: a directive is short and never spans lines or nests. */
export const INLINE_DIRECTIVE = /\{\{([a-z][a-z-]{0,30})(?::([^{}\n]{1,120}))?\}\}/g;
const BLOCK_KINDS = new Set(['table', 'timeline', 'list']);

/** The checker's one short product name: `'Exchange Server 2019'` → `'Exchange 2019'`. */
export const shortProduct = (product: Product): string => shortProductName(product);

const monthYear = (iso: string): string => humanDate(iso.slice(0, 7));

/** Build order of two build strings from the data (which the data test guarantees parse). */
export function byBuild(a: string, b: string): number {
  const zero = [0, 0, 0, 0] as const;
  return compareBuilds(parseBuild(a)?.build ?? zero, parseBuild(b)?.build ?? zero);
}
const todayIso = (): string => new Date().toISOString().slice(0, 10);

let cachedReleases: ReleaseWithStatus[] | null = null;
/** Every release of every line (conflicting alternative values are not releases; see allConflicts). */
function releases(): ReleaseWithStatus[] {
  cachedReleases ??= allReleases().flatMap((group) => group.lines.flatMap((line) => line.releases));
  return cachedReleases;
}

function resolveProduct(directive: string, word: string | undefined): Product {
  const product = PRODUCT_WORDS[(word ?? '').toLowerCase()];
  if (!product)
    throw new DirectiveError(directive, `"${word ?? ''}" is not a product: use 2010, 2013, 2016, 2019 or SE`);
  return product;
}

function resolveLine(directive: string, product: Product, name: string): LineInfo {
  const productLines = lines().filter((l) => l.product === product);
  const line = productLines.find((l) => l.line === name);
  if (!line)
    throw new DirectiveError(
      directive,
      `${product} has no line "${name}" (lines: ${productLines.map((l) => l.line).join(', ')})`,
    );
  return line;
}

/**
 * Finds the release a reference names.
 * @example resolveRelease('build:2019 CU12 May22SU', '2019 CU12 May22SU').build // '15.2.1118.9'
 */
export function resolveRelease(directive: string, reference: string): Release {
  const words = reference.trim().split(/\s+/);
  const product = resolveProduct(directive, words[0]);
  const last = words.at(-1);
  if (words.length === 2 && last === 'newest') {
    const newest = lines()
      .filter((l) => l.product === product)
      .map((l) => l.newest)
      .sort((a, b) => byBuild(a.build, b.build))
      .at(-1);
    if (!newest) throw new DirectiveError(directive, `no release of ${product} in the data`);
    return newest;
  }
  if (words.length === 3 && (last === 'base' || last === 'newest')) {
    const line = resolveLine(directive, product, words[1] ?? '');
    return last === 'base' ? line.base : line.newest;
  }
  const name = `${product} ${words.slice(1).join(' ')}`;
  const release = releases().find((r) => r.name === name);
  if (!release) throw new DirectiveError(directive, `no release named "${name}" in src/data/releases.json`);
  return release;
}

/** The first build on a line that fixes a CVE, as the checker's verdict gives it. */
function fixFor(directive: string, argument: string): string {
  const [cve = '', ...rest] = argument.trim().split(/\s+/);
  if (!/^CVE-\d{4}-\d{4,7}$/.test(cve)) throw new DirectiveError(directive, `"${cve}" is not a CVE id`);
  if (rest.length !== 2)
    throw new DirectiveError(directive, 'write the CVE, then a product and line: fix:CVE-2024-21410 2016 CU23');
  const line = resolveLine(directive, resolveProduct(directive, rest[0]), rest[1] ?? '');
  const result = checkText(line.base.build)[0]?.cves.find((c) => c.id === cve);
  if (!result) throw new DirectiveError(directive, `${cve} is not in src/data/vulnerabilities.json`);
  if (!result.fixedIn) throw new DirectiveError(directive, `${cve} has no fixed build on ${line.product} ${line.line}`);
  return `${result.fixedIn.update ?? line.line} (${result.fixedIn.build})`;
}

/** Support status in a few words, for a table cell, on `today`. */
export function supportPhrase(product: Product, today: string): string {
  const status = supportStatus(product, today);
  if (!status) throw new DirectiveError(`support:${product}`, `no lifecycle row for ${product}`);
  const { endOfSupport, esuEnd } = status;
  if (status.status === 'modern' || endOfSupport === null) return 'Supported while kept up to date';
  if (status.status === 'supported') return `Supported until ${humanDate(endOfSupport)}`;
  const since = `Out of support since ${humanDate(endOfSupport)}`;
  if (status.status === 'extended-security-updates' && esuEnd)
    return `${since}; paid updates (ESU) until ${monthYear(esuEnd)}`;
  return esuEnd ? `${since}; paid updates (ESU) ended ${monthYear(esuEnd)}` : since;
}

function lifecycleField(directive: string, field: string, argument: string, today: string): string {
  const product = resolveProduct(directive, argument.trim());
  const status = supportStatus(product, today);
  if (!status) throw new DirectiveError(directive, `no lifecycle row for ${product}`);
  const need = (value: string | null, what: string): string => {
    if (value === null) throw new DirectiveError(directive, `${product} has no ${what} in src/data/lifecycle.json`);
    return value;
  };
  switch (field) {
    case 'eos':
      return humanDate(need(status.endOfSupport, 'end-of-support date'));
    case 'eos-iso':
      return need(status.endOfSupport, 'end-of-support date');
    case 'eos-month':
      return monthYear(need(status.endOfSupport, 'end-of-support date'));
    case 'esu-end-month':
      return monthYear(need(status.esuEnd, 'ESU end date'));
    case 'esu-end-iso':
      return need(status.esuEnd, 'ESU end date');
    case 'released':
      return humanDate(status.released);
    case 'released-iso':
      return status.released;
    default:
      return supportPhrase(product, today);
  }
}

const RELEASE_FIELDS: Record<string, (r: Release, directive: string) => string> = {
  build: (r) => r.build,
  kb: (r, directive) => {
    if (!r.kb) throw new DirectiveError(directive, `${r.name} has no KB number in the data`);
    return r.kb;
  },
  date: (r) => humanDate(r.date),
  iso: (r) => r.date,
  name: (r) => r.name,
  update: (r) => r.update ?? r.cu,
};
const LIFECYCLE_FIELDS = new Set([
  'eos',
  'eos-iso',
  'eos-month',
  'esu-end-month',
  'esu-end-iso',
  'released',
  'released-iso',
  'support',
]);

/**
 * The plain-text value of one inline directive (not yet escaped).
 * @example inlineValue('kb', '2010 SP3 RU32') // 'KB5000978'
 */
export function inlineValue(field: string, argument: string | undefined, context: DirectiveContext = {}): string {
  const directive = argument === undefined ? field : `${field}:${argument}`;
  if (BLOCK_KINDS.has(field)) throw new DirectiveError(directive, 'is a block directive: put it alone on its own line');
  if (field === 'data-as-of') return humanDate(DATA_AS_OF);
  if (field === 'data-as-of-iso') return DATA_AS_OF;
  if (field === 'today' && argument === undefined) return humanDate(context.today ?? todayIso());
  if (argument === undefined) throw new DirectiveError(directive, 'needs a reference after a colon');
  const releaseField = RELEASE_FIELDS[field];
  if (releaseField) return releaseField(resolveRelease(directive, argument), directive);
  if (field === 'fix') return fixFor(directive, argument);
  if (LIFECYCLE_FIELDS.has(field)) return lifecycleField(directive, field, argument, context.today ?? todayIso());
  throw new DirectiveError(
    directive,
    `unknown field "${field}" (use ${[...Object.keys(RELEASE_FIELDS), 'fix', ...LIFECYCLE_FIELDS, 'data-as-of', 'today'].join(', ')})`,
  );
}

/** Replaces every inline directive in a piece of raw HTML (or text) with its escaped value. */
export function expandInline(html: string, context: DirectiveContext = {}): string {
  return html.replace(INLINE_DIRECTIVE, (_m, field: string, argument: string | undefined) =>
    escapeHtml(inlineValue(field, argument?.trim(), context)),
  );
}

// ---------------------------------------------------------------------------------------------
// Block directives: accessible tables (caption, scoped header cells) and lists, readable without JS.

interface Column {
  label: string;
}

/** A table in the same scrolling region the Markdown tables use, labelled by its caption. */
function table(caption: string, columns: Column[], bodies: string[]): string {
  const head = `<tr>${columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr>`;
  return (
    `<div class="table-wrap" role="region" aria-label="${escapeHtml(caption)}" tabindex="0">` +
    `<table class="data-table">\n<caption>${escapeHtml(caption)}</caption>\n<thead>${head}</thead>\n` +
    `${bodies.join('\n')}</table></div>\n`
  );
}

/** One <tbody> per product: its name heads the group, each row is headed by its CU. */
function productGroup(product: string, rows: string[][]): string {
  const body = rows.map((cells, i) => {
    const group = i === 0 ? `<th scope="rowgroup" rowspan="${rows.length}">${escapeHtml(product)}</th>` : '';
    const [head = '', ...rest] = cells;
    return `<tr>${group}<th scope="row">${head}</th>${rest.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<tbody>${body.join('\n')}</tbody>`;
}

const PRODUCT_ORDER: readonly Product[] = [
  'Exchange Server SE',
  'Exchange Server 2019',
  'Exchange Server 2016',
  'Exchange Server 2013',
  'Exchange Server 2010',
];

type FixKind = 'shipped' | 'update' | 'never';
interface LineFix {
  line: LineInfo & { releases: ReleaseWithStatus[] };
  kind: FixKind;
  first: ReleaseWithStatus | null;
}

/** How each line got its ProxyLogon fix: with the CU itself, by an update on top, or never. */
export function proxyLogonFixes(): { product: Product; lines: LineFix[] }[] {
  return allReleases().map((group) => ({
    product: group.product,
    lines: group.lines
      // Previews were never production builds and never got an update.
      .filter((line) => line.line !== 'Preview')
      .map((line) => {
        const first = line.releases.find((r) => r.families.proxylogon === 'patched') ?? null;
        const kind: FixKind = !first ? 'never' : first.build === line.base.build ? 'shipped' : 'update';
        return { line, kind, first };
      }),
  }));
}

function lineLabel(l: LineInfo): string {
  return `${l.line} (${l.base.build})`;
}

/** Neighbouring lines with the same kind of answer share a row ("RTM to CU7"). */
function mergeRuns(fixes: LineFix[]): LineFix[][] {
  const runs: LineFix[][] = [];
  for (const fix of fixes) {
    const run = runs.at(-1);
    if (run && fix.kind !== 'update' && run[0]?.kind === fix.kind) run.push(fix);
    else runs.push([fix]);
  }
  return runs;
}

function proxyLogonTable(): string {
  const conflicts = allConflicts();
  const notes: string[] = [];
  const groups = PRODUCT_ORDER.flatMap((product) => {
    const group = proxyLogonFixes().find((g) => g.product === product);
    if (!group) return [];
    const rows = mergeRuns(group.lines).map((run): string[] => {
      const head = run[0] as LineFix;
      const tail = run.at(-1) as LineFix;
      const cu = run.length === 1 ? lineLabel(head.line) : `${lineLabel(head.line)} to ${lineLabel(tail.line)}`;
      if (head.kind === 'shipped') return [escapeHtml(cu), 'Fix included in the CU', '–'];
      if (head.kind === 'never')
        return [escapeHtml(cu), 'No update fixes these', 'Move to a later, fixed CU or service pack'];
      const first = head.first as ReleaseWithStatus;
      const disputed = conflicts.filter((c) => c.builds.includes(first.build));
      for (const c of disputed) notes.push(c.message);
      const mark = disputed.length > 0 ? ' (sources disagree: see the note below the table)' : '';
      const kb = first.kb ? ` (${first.kb})` : '';
      return [
        escapeHtml(cu),
        `${escapeHtml(first.build)}${escapeHtml(mark)}`,
        escapeHtml(`${first.update ?? first.cu}${kb}`),
      ];
    });
    return [productGroup(shortProduct(product), rows)];
  });
  const caption = `First build that fixes ProxyLogon on each CU (build data as of ${humanDate(DATA_AS_OF)})`;
  const columns = [
    { label: 'Product' },
    { label: 'CU (its own build)' },
    { label: 'First fixed build' },
    { label: 'Update (KB)' },
  ];
  const noteList =
    notes.length > 0
      ? `<p>Where the sources disagree:</p>\n<ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>\n`
      : '';
  return table(caption, columns, groups) + noteList;
}

function products(): Product[] {
  return [...new Set(lines().map((l) => l.product))];
}

function lifecycleTable(today: string): string {
  const rows = products().map((product) => {
    const s = supportStatus(product, today);
    if (!s) throw new DirectiveError('table:lifecycle', `no lifecycle row for ${product}`);
    const end = s.endOfSupport ? humanDate(s.endOfSupport) : 'No fixed date (Modern Lifecycle Policy)';
    const esu = s.esuEnd ? `Paid ESU updates until ${monthYear(s.esuEnd)}` : '–';
    return `<tr><th scope="row">${escapeHtml(shortProduct(product))}</th><td>${escapeHtml(humanDate(s.released))}</td><td>${escapeHtml(end)}</td><td>${escapeHtml(esu)}</td><td>${escapeHtml(supportPhrase(product, today))}</td></tr>`;
  });
  const caption = `Support dates of each Exchange Server version, and the status on ${humanDate(today)}`;
  const columns = [
    { label: 'Product' },
    { label: 'Released' },
    { label: 'End of support' },
    { label: 'Extended Security Updates' },
    { label: `Status on ${humanDate(today)}` },
  ];
  return table(caption, columns, [`<tbody>${rows.join('\n')}</tbody>`]);
}

const PROXYLOGON_CVE_COUNT = 4;
const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four'];

/** Which of the four ProxyLogon CVEs can affect some line of a product, per the checker. */
export function proxyLogonCvesFor(product: Product): string[] {
  const hit = new Set<string>();
  for (const line of lines().filter((l) => l.product === product && l.line !== 'Preview')) {
    for (const cve of checkText(line.base.build)[0]?.cves ?? [])
      if (cve.families.includes('proxylogon') && cve.status === 'vulnerable') hit.add(cve.id);
  }
  return [...hit].sort();
}

function ownerSupport(product: Product, today: string): string {
  const s = supportStatus(product, today);
  if (!s) throw new DirectiveError('table:affected', `no lifecycle row for ${product}`);
  if (s.status === 'modern' || !s.endOfSupport) return 'Yes, if you install every update';
  if (s.status === 'supported') return `Yes, until ${humanDate(s.endOfSupport)}`;
  const since = `since ${monthYear(s.endOfSupport)}`;
  if (s.status === 'extended-security-updates' && s.esuEnd)
    return `Only if you pay for extra updates (ESU), until ${monthYear(s.esuEnd)}`;
  return s.esuEnd ? `No, ${since}. Paid extra updates ended ${monthYear(s.esuEnd)}` : `No, ${since}`;
}

function affectedTable(today: string): string {
  const rows = products().map((product) => {
    const hit = proxyLogonCvesFor(product).length;
    const answer =
      hit === 0
        ? 'No: the fix was built in from the start'
        : hit === PROXYLOGON_CVE_COUNT
          ? 'Yes, by all four holes'
          : `Partly: ${NUMBER_WORDS[hit] ?? hit} of the four holes`;
    return `<tr><th scope="row">${escapeHtml(shortProduct(product))}</th><td>${escapeHtml(answer)}</td><td>${escapeHtml(ownerSupport(product, today))}</td></tr>`;
  });
  const caption = `Which server versions the 2021 attack hit, and which still get security fixes (on ${humanDate(today)})`;
  const columns = [{ label: 'Version' }, { label: 'Hit by the 2021 attack?' }, { label: 'Still gets security fixes?' }];
  return table(caption, columns, [`<tbody>${rows.join('\n')}</tbody>`]);
}

function reviewsTable(pages: readonly ReviewedPage[]): string {
  if (pages.length === 0) throw new DirectiveError('table:reviews', 'has no pages to list');
  const rows = pages.map(
    (p) =>
      `<tr><th scope="row"><a href="${escapeHtml(p.href)}">${escapeHtml(p.title)}</a></th>` +
      `<td><time datetime="${p.reviewed}">${escapeHtml(humanDate(p.reviewed))}</time></td>` +
      `<td><time datetime="${p.updated}">${escapeHtml(humanDate(p.updated))}</time></td></tr>`,
  );
  const columns = [{ label: 'Page' }, { label: 'Last reviewed' }, { label: 'Last updated' }];
  return table('When each page was last fact-checked and last changed', columns, [`<tbody>${rows.join('\n')}</tbody>`]);
}

/** Each source once, named by its publisher (the part of the title before the colon). */
function sourceLinks(list: Release['sources']): string {
  const unique = [...new Map(list.filter((s) => s.url).map((s) => [s.url, s])).values()];
  return unique
    .map((s) => `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title.split(':')[0] ?? s.title)}</a>`)
    .join(', ');
}

/** Released after the product's end of support, while the paid ESU programme ran. */
function esuOnly(r: Release): boolean {
  const s = supportStatus(r.product, r.date.length === 7 ? `${r.date}-01` : r.date);
  return !!s?.endOfSupport && !!s.esuEnd && r.date > s.endOfSupport && r.date <= s.esuEnd;
}

/** Every security or hotfix update since a date, one timeline entry per release day. */
function updatesTimeline(directive: string, since: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new DirectiveError(directive, `"${since}" is not a YYYY-MM-DD date`);
  const byDate = new Map<string, ReleaseWithStatus[]>();
  for (const r of releases()) {
    if (r.update === null || r.date < since) continue;
    byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  }
  if (byDate.size === 0) throw new DirectiveError(directive, `no update in the data since ${since}`);
  const items = [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => {
      const ordered = PRODUCT_ORDER.flatMap((p) => day.filter((r) => r.product === p));
      const names = [...new Set(ordered.map((r) => r.update))].join(' and ');
      const what = ordered
        .map((r) => {
          return `${shortProduct(r.product)} ${r.cu} (${r.build}${esuOnly(r) ? ', paid ESU only' : ''})`;
        })
        .join('; ');
      const thirdParty = ordered.some((r) => r.confidence === 'third-party')
        ? ' Known to us only from a third-party post; check Microsoft’s build page.'
        : '';
      const sources = sourceLinks(ordered.flatMap((r) => r.sources));
      return (
        `<li><time datetime="${date}">${escapeHtml(humanDate(date))}</time>: Microsoft releases ` +
        `${escapeHtml(names)} for ${escapeHtml(what)}.${escapeHtml(thirdParty)} Sources: ${sources}.</li>`
      );
    });
  return `<ol class="timeline">\n${items.join('\n')}\n</ol>\n`;
}

function thirdPartyList(): string {
  const rows = releases().filter((r) => r.confidence === 'third-party');
  if (rows.length === 0)
    return '<p>Every build in our data comes from at least one list that Microsoft maintains.</p>\n';
  const items = rows.map(
    (r) => `<li>${escapeHtml(`${r.name}: ${r.build}`)}${r.kb ? ` (${escapeHtml(r.kb)})` : ''}</li>`,
  );
  return (
    `<p>These ${rows.length} builds are in our data from a third-party post only, so the checker and ` +
    `the build table mark them as unconfirmed:</p>\n<ul>${items.join('')}</ul>\n`
  );
}

/**
 * The HTML of one block directive.
 * @example renderBlock('table', 'proxylogon-fixes') // '<div class="table-wrap" …><table …><caption>First build…'
 */
export function renderBlock(kind: string, argument: string, context: DirectiveContext = {}): string {
  const directive = `${kind}:${argument}`;
  const today = context.today ?? todayIso();
  const [name = '', ...rest] = argument.trim().split(/\s+/);
  if (kind === 'table' && rest.length === 0) {
    if (name === 'proxylogon-fixes') return proxyLogonTable();
    if (name === 'lifecycle') return lifecycleTable(today);
    if (name === 'affected') return affectedTable(today);
    if (name === 'reviews') return reviewsTable(context.pages ?? []);
  }
  if (kind === 'timeline' && name === 'updates-since' && rest.length === 1)
    return updatesTimeline(directive, rest[0] ?? '');
  if (kind === 'list' && name === 'third-party-releases' && rest.length === 0) return thirdPartyList();
  throw new DirectiveError(
    directive,
    'unknown block (use table:proxylogon-fixes, table:lifecycle, table:affected, table:reviews, ' +
      'timeline:updates-since YYYY-MM-DD or list:third-party-releases)',
  );
}

/** A block directive alone on its line (optionally followed by blank lines). */
export const BLOCK_DIRECTIVE = /^\{\{(table|timeline|list):([^{}\n]{1,120})\}\}[ \t]*(?:\n+|$)/;
const INLINE_AT_START = /^\{\{([a-z][a-z-]{0,30})(?::([^{}\n]{1,120}))?\}\}/;

interface DirectiveToken {
  type: 'dataBlock' | 'dataInline';
  raw: string;
  kind: string;
  argument: string | undefined;
}

/**
 * A `marked` extension: block and inline directives as tokens (so code spans and code blocks are
 * never touched), plus directives inside raw HTML such as `<time datetime="{{iso:…}}">`.
 */
export function dataDirectives(context: DirectiveContext = {}) {
  return {
    extensions: [
      {
        name: 'dataBlock',
        level: 'block' as const,
        start: (src: string) => /^\{\{(?:table|timeline|list):/m.exec(src)?.index,
        tokenizer(src: string): DirectiveToken | undefined {
          const match = BLOCK_DIRECTIVE.exec(src);
          if (!match) return undefined;
          return { type: 'dataBlock', raw: match[0], kind: match[1] ?? '', argument: match[2] ?? '' };
        },
        renderer: (token: unknown) => {
          const t = token as DirectiveToken;
          return renderBlock(t.kind, t.argument ?? '', context);
        },
      },
      {
        name: 'dataInline',
        level: 'inline' as const,
        start: (src: string) => {
          const index = src.indexOf('{{');
          return index < 0 ? undefined : index;
        },
        tokenizer(src: string): DirectiveToken | undefined {
          const match = INLINE_AT_START.exec(src);
          if (!match) return undefined;
          return { type: 'dataInline', raw: match[0], kind: match[1] ?? '', argument: match[2]?.trim() };
        },
        renderer: (token: unknown) => {
          const t = token as DirectiveToken;
          return escapeHtml(inlineValue(t.kind, t.argument, context));
        },
      },
    ],
    renderer: {
      html: ({ text }: { text: string }) => expandInline(text, context),
    },
  };
}
