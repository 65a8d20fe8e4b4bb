// @ts-check
/**
 * Just enough HTML reading for Microsoft's build-number page: headings and tables, read in one linear
 * pass with `indexOf` (no regex over the whole page, no dependency). It tolerates missing closing tags
 * for cells and rows, skips comments, scripts and styles, and reads `<br>` as a space.
 */

/**
 * @typedef {object} Cell
 * @property {string} text
 * @property {string | null} href first link in the cell
 * @property {boolean} header a `<th>`
 */

/**
 * @typedef {{ kind: 'heading', level: number, text: string } | { kind: 'table', rows: Cell[][] }} Block
 */

const ENTITIES = /** @type {Record<string, string>} */ ({
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  rsquo: '’',
});

/**
 * Decode the character references Microsoft's pages use; unknown named ones stay as written.
 *
 * @param {string} text
 * @returns {string}
 */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref) => {
    const r = String(ref);
    if (r[0] === '#') {
      const code = r[1] === 'x' || r[1] === 'X' ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[r.toLowerCase()] ?? whole;
  });
}

/** Whitespace, including the no-break spaces Microsoft uses to indent update rows. */
const clean = (/** @type {string} */ s) =>
  decodeEntities(s)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/**
 * The value of one attribute in a tag's source (`a href="…"`), or null.
 *
 * @param {string} tag
 * @param {string} name
 * @returns {string | null}
 */
function attribute(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

/**
 * End of the tag that starts at `lt` (index of its `>`), honouring quoted attribute values.
 *
 * @param {string} html
 * @param {number} lt
 * @returns {number} -1 when the tag never closes
 */
function tagEnd(html, lt) {
  let quote = '';
  for (let i = lt + 1; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/**
 * Headings (h1–h6) and tables of a page, in document order. When the page has a `<main>` element only
 * its content is read (navigation and footers can hold unrelated tables).
 *
 * @param {string} html
 * @returns {Block[]}
 */
export function readBlocks(html) {
  const text = html;
  /** @type {string | undefined} lower-case copy, made once, to find the end of scripts and styles */
  let lower;
  /** @type {Block[]} */
  const blocks = [];
  /** @type {{ level: number, text: string } | null} */
  let heading = null;
  /** @type {Cell[][] | null} */
  let table = null;
  /** @type {Cell[] | null} */
  let row = null;
  /** @type {Cell | null} */
  let cell = null;
  let cellText = '';

  const closeCell = () => {
    if (cell && row) {
      cell.text = clean(cellText);
      row.push(cell);
    }
    cell = null;
    cellText = '';
  };
  const closeRow = () => {
    closeCell();
    if (row && table && row.length > 0) table.push(row);
    row = null;
  };

  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (heading) heading.text += chunk;
    else if (cell) cellText += chunk;
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z/]/.test(text[lt + 1] ?? '')) {
      // A bare "<" in text, not a tag.
      if (heading) heading.text += '<';
      else if (cell) cellText += '<';
      i = lt + 1;
      continue;
    }
    const gt = tagEnd(text, lt);
    if (gt < 0) break;
    const tag = text.slice(lt, gt + 1);
    i = gt + 1;
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
    if (!m) continue; // "</>" or a doctype-like oddity
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (!closing && (name === 'script' || name === 'style')) {
      lower ??= text.toLowerCase();
      const end = lower.indexOf(`</${name}`, i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (name === 'main') {
      // Only the main content counts: drop what came before it, stop at its end.
      if (closing) break;
      blocks.length = 0;
      heading = null;
      table = null;
      row = null;
      cell = null;
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      if (!closing) heading = { level: Number(name[1]), text: '' };
      else if (heading) {
        blocks.push({ kind: 'heading', level: heading.level, text: clean(heading.text) });
        heading = null;
      }
      continue;
    }
    if (name === 'table') {
      if (!closing) table = [];
      else if (table) {
        closeRow();
        blocks.push({ kind: 'table', rows: table });
        table = null;
      }
      continue;
    }
    if (!table) continue;
    if (name === 'tr') {
      closeRow();
      if (!closing) row = [];
    } else if (name === 'td' || name === 'th') {
      closeCell();
      if (!closing) {
        if (!row) row = [];
        cell = { text: '', href: null, header: name === 'th' };
      }
    } else if (name === 'br' && cell) cellText += ' ';
    else if (name === 'a' && !closing && cell && cell.href === null) cell.href = attribute(tag, 'href');
  }
  if (table) {
    closeRow();
    blocks.push({ kind: 'table', rows: table });
  }
  return blocks;
}
