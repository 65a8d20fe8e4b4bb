// @ts-check
/**
 * Microsoft Learn, "Exchange Server build numbers and release dates"
 * (https://learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates):
 * one `<h2>` per product, then one table with the columns Product name, Release date,
 * Build number (short format), Build number (long format); newest row first. The KB number is only in
 * the link of the product-name cell. Names look like
 *   "Exchange Server SE RTM Aug26SU", "Exchange Server 2019 CU12 (2022H1)", "Exchange Server 2019 CU14 Nov24SUv2",
 *   "Update Rollup 32 for Exchange Server 2010 SP3", "Update Rollup 6 Exchange Server 2010 SP2", "Exchange Server 2010 SP3".
 */
import { normaliseBuild } from './builds.js';
import { readBlocks } from './html.js';
import { SourceError } from './source-error.js';

/** @typedef {import('./types.js').LearnPage} LearnPage */
/** @typedef {import('./types.js').LearnRow} LearnRow */
/** @typedef {import('./types.js').LearnProblem} LearnProblem */
/** @typedef {import('./types.js').Product} Product */
/** @typedef {import('./types.js').ReleaseName} ReleaseName */
/** @typedef {import('./html.js').Cell} Cell */
/** @typedef {{ name: number, date: number, short: number, long: number }} Columns index of each column; `long` is -1 when absent */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Release date as ISO: `May 10, 2022` → `2022-05-10`; month-only rows (`March, 2013`) → `2013-03`.
 *
 * @param {string} text
 * @returns {string | null}
 */
export function parseLearnDate(text) {
  const m = /^([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?,?\s+(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.startsWith((m[1] ?? '').toLowerCase()));
  if (month < 0) return null;
  const mm = String(month + 1).padStart(2, '0');
  if (!m[2]) return `${m[3]}-${mm}`;
  const iso = `${m[3]}-${mm}-${m[2].padStart(2, '0')}`;
  // Reject impossible days (February 30) rather than let Date roll them over.
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * KB number from the link of a product-name cell. Only support.microsoft.com links carry one:
 * `/help/5014261`, `/kb/5014261`, `/topic/…-kb5000871-…`, `/servicing/exchange/server/update/2026/5129955`.
 * Download Center links (`details.aspx?id=108855`) are not KB numbers.
 *
 * @param {string | null} href
 * @returns {string | null}
 */
export function kbFromHref(href) {
  if (!href) return null;
  let url;
  try {
    url = new URL(href, 'https://learn.microsoft.com/');
  } catch {
    return null;
  }
  if (!/(^|\.)support\.microsoft\.com$/i.test(url.hostname)) return null;
  const path = url.pathname;
  const named = /kb(\d{6,7})(?![0-9])/i.exec(path);
  if (named) return `KB${named[1]}`;
  const last = /\/(\d{6,7})\/?$/.exec(path);
  return last ? `KB${last[1]}` : null;
}

const PRODUCT_BY_LABEL = /** @type {Record<string, Product>} */ ({
  2010: 'Exchange Server 2010',
  2013: 'Exchange Server 2013',
  2016: 'Exchange Server 2016',
  2019: 'Exchange Server 2019',
  SE: 'Exchange Server SE',
});

/**
 * Product a section heading is about, `'older'` for Exchange 2007 and before (not covered), or null.
 *
 * @param {string} heading
 * @returns {Product | 'older' | null}
 */
export function productOfHeading(heading) {
  const m = /\bExchange Server (2010|2013|2016|2019|SE)\b/i.exec(heading);
  if (m) return PRODUCT_BY_LABEL[(m[1] ?? '').toUpperCase()] ?? null;
  if (/\bExchange (?:Server )?(?:2007|2003|2000|5\.5|5\.0|4\.0)\b/i.test(heading)) return 'older';
  return null;
}

const MODERN =
  /^Exchange Server (2013|2016|2019|SE) (RTM|Preview|SP1|CU\d{1,2})(?: ([A-Z][a-z]{2}\d{2}(?:SU|HU)(?:v\d)?))?$/;
const ROLLUP = /^Update Rollup (\d{1,2})(?: (v\d))? (?:for )?Exchange Server 2010(?: (SP[1-3]))?$/;
const E2010 = /^Exchange Server 2010(?: (RTM|SP[1-3]))?$/;

/**
 * Split a release name as Microsoft's table writes it into product, line, rollup and update.
 * Half-year tags ("(2022H1)"), footnote marks and a stray closing parenthesis are ignored.
 *
 * @param {string} name
 * @returns {ReleaseName | null}
 * @example parseReleaseName('Exchange Server 2019 CU14 Nov24SUv2') // { product: 'Exchange Server 2019', line: 'CU14', rollup: null, update: 'Nov24SUv2' }
 * @example parseReleaseName('Update Rollup 8 v2 for Exchange Server 2010 SP3') // { …, line: 'SP3', rollup: 'RU8 v2', update: null }
 */
export function parseReleaseName(name) {
  let n = name
    .replace(/\s*\(\d{4}\s*H[12]\)/gi, '')
    .replace(/[\s*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (n.endsWith(')') && !n.includes('(')) n = n.slice(0, -1).trim();
  n = n.replace(/^Microsoft /, '');
  const modern = MODERN.exec(n);
  if (modern) {
    const product = PRODUCT_BY_LABEL[modern[1] ?? ''];
    if (!product) return null;
    return { product, line: modern[2] ?? '', rollup: null, update: modern[3] ?? null };
  }
  const rollup = ROLLUP.exec(n);
  if (rollup) {
    return {
      product: 'Exchange Server 2010',
      line: rollup[3] ?? 'RTM',
      rollup: `RU${rollup[1]}${rollup[2] ? ` ${rollup[2]}` : ''}`,
      update: null,
    };
  }
  const base = E2010.exec(n);
  if (base) return { product: 'Exchange Server 2010', line: base[1] ?? 'RTM', rollup: null, update: null };
  return null;
}

/**
 * Map the header cells of a build table to column indexes; null when the table is not a build table.
 *
 * @param {string[]} header
 * @returns {Columns | null}
 */
function columns(header) {
  const find = (/** @type {RegExp} */ re) => header.findIndex((h) => re.test(h));
  const name = find(/product name|^product$|^name$/i);
  const date = find(/release date|^date$/i);
  const short = find(/short/i);
  const long = find(/long/i);
  if (name < 0 || date < 0 || short < 0) return null;
  return { name, date, short, long };
}

/**
 * Read every release row of the page. Rows whose name or cells cannot be read are returned as
 * problems (the merge decides whether they matter); a page with no readable row at all throws,
 * because an empty result must never look like "nothing new".
 *
 * @param {string} html
 * @param {string} [origin] file name or URL, for messages
 * @returns {LearnPage}
 */
export function parseLearnPage(html, origin = 'Microsoft Learn page') {
  if (typeof html !== 'string' || html.trim() === '') throw new SourceError(`${origin}: the page is empty.`);
  /** @type {LearnPage} */
  const page = { rows: [], problems: [], sections: [], skippedSections: [] };
  let heading = '';
  let tables = 0;

  for (const block of readBlocks(html)) {
    if (block.kind === 'heading') {
      if (block.level <= 3) heading = block.text;
      continue;
    }
    const [first, ...rest] = block.rows;
    if (!first) continue;
    const cols = columns(first.map((c) => c.text));
    if (!cols) continue;
    tables++;
    const sectionProduct = productOfHeading(heading);
    if (sectionProduct === 'older') {
      page.skippedSections.push(heading);
      continue;
    }
    const read = readTableRows(rest, cols, heading, sectionProduct);
    page.rows.push(...read.rows);
    page.problems.push(...read.problems);
    page.sections.push({ heading, product: sectionProduct, rows: read.rows.length });
  }
  if (page.rows.length === 0)
    throw new SourceError(
      `${origin}: no release row could be read (${tables} build table${tables === 1 ? '' : 's'} found). ` +
        'The page layout may have changed; nothing was written.',
    );
  return page;
}

/**
 * The release rows of one build table (header row excluded).
 *
 * @param {Cell[][]} bodyRows
 * @param {Columns} cols
 * @param {string} heading the section's heading
 * @param {Product | null} sectionProduct the product the heading names, if any
 * @returns {{ rows: LearnRow[], problems: LearnProblem[] }}
 */
function readTableRows(bodyRows, cols, heading, sectionProduct) {
  /** @type {{ rows: LearnRow[], problems: LearnProblem[] }} */
  const read = { rows: [], problems: [] };
  for (const cells of bodyRows) {
    const row = readRow(cells, cols, heading, sectionProduct);
    if (row && 'problem' in row) read.problems.push(row.problem);
    else if (row) read.rows.push(row.row);
  }
  return read;
}

/**
 * One release row, or why it cannot be read: a name we do not understand or of another product than
 * its section, a build that is not four numbers or differs between the short and long columns, a date
 * we do not understand. Null for a row without a name.
 *
 * @param {Cell[]} cells
 * @param {Columns} cols
 * @param {string} heading
 * @param {Product | null} sectionProduct
 * @returns {{ row: LearnRow } | { problem: LearnProblem } | null}
 */
function readRow(cells, cols, heading, sectionProduct) {
  const nameCell = cells[cols.name];
  const name = nameCell?.text ?? '';
  if (!name) return null;
  const shortText = cells[cols.short]?.text ?? '';
  const build = normaliseBuild(shortText);
  const problem = (/** @type {string} */ reason) => ({ problem: { section: heading, name, build, reason } });
  const parsed = parseReleaseName(name);
  if (!parsed) return problem('release name not understood');
  if (sectionProduct && parsed.product !== sectionProduct)
    return problem(`listed under "${heading}" but names ${parsed.product}`);
  if (!build) return problem(`short build "${shortText}" is not a 4-part build number`);
  const longText = cols.long >= 0 ? (cells[cols.long]?.text ?? '') : '';
  if (longText && normaliseBuild(longText) !== build)
    return problem(`short build ${build} and long build ${longText} differ`);
  const dateText = cells[cols.date]?.text ?? '';
  const date = parseLearnDate(dateText);
  if (!date) return problem(`release date "${dateText}" not understood`);
  return { row: { ...parsed, name, section: heading, build, date, kb: kbFromHref(nameCell?.href ?? null) } };
}
