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
 * @typedef {{ kind: 'text', text: string } | { kind: 'tag', tag: string, name: string, closing: boolean }} Token
 *   `tag` is the tag's source (`<a href="…">`), `name` its lower-case element name
 */

/**
 * The page as text runs and tags, in order. Comments and the content of scripts and styles are skipped
 * (their opening tag too); a `<` that cannot start a tag is text; a tag that never closes ends the page.
 *
 * @param {string} html
 * @returns {Generator<Token>}
 */
function* tokens(html) {
  /** @type {string | undefined} lower-case copy, made once, to find the end of scripts and styles */
  let lower;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    yield { kind: 'text', text: html.slice(i, lt < 0 ? html.length : lt) };
    if (lt < 0) return;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z/]/.test(html[lt + 1] ?? '')) {
      // A bare "<" in text, not a tag.
      yield { kind: 'text', text: '<' };
      i = lt + 1;
      continue;
    }
    const gt = tagEnd(html, lt);
    if (gt < 0) return;
    const tag = html.slice(lt, gt + 1);
    i = gt + 1;
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
    if (!m) continue; // "</>" or a doctype-like oddity
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (!closing && (name === 'script' || name === 'style')) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, i);
      i = end < 0 ? html.length : end;
      continue;
    }
    yield { kind: 'tag', tag, name, closing };
  }
}

/** Builds the blocks from the tokens: the open heading, table, row and cell, and what is already done. */
class BlockCollector {
  /** @type {Block[]} */
  blocks = [];
  /** @type {{ level: number, text: string } | null} */
  heading = null;
  /** @type {Cell[][] | null} */
  table = null;
  /** @type {Cell[] | null} */
  row = null;
  /** @type {Cell | null} */
  cell = null;
  cellText = '';

  /** @param {string} text a heading's or a cell's text; text anywhere else does not count */
  text(text) {
    if (this.heading) this.heading.text += text;
    else if (this.cell) this.cellText += text;
  }

  /**
   * @param {{ tag: string, name: string, closing: boolean }} token
   * @returns {boolean} false at the end of `<main>`: nothing after it is read
   */
  tag({ tag, name, closing }) {
    if (name === 'main') {
      if (closing) return false;
      // Only the main content counts: drop what came before it.
      this.blocks.length = 0;
      this.heading = null;
      this.table = null;
      this.row = null;
      this.cell = null;
    } else if (/^h[1-6]$/.test(name)) this.headingTag(name, closing);
    else if (name === 'table') this.tableTag(closing);
    else if (this.table) this.tableContentTag(tag, name, closing);
    return true;
  }

  /**
   * @param {string} name `h1`…`h6`
   * @param {boolean} closing
   */
  headingTag(name, closing) {
    if (!closing) this.heading = { level: Number(name[1]), text: '' };
    else if (this.heading) {
      this.blocks.push({ kind: 'heading', level: this.heading.level, text: clean(this.heading.text) });
      this.heading = null;
    }
  }

  /** @param {boolean} closing */
  tableTag(closing) {
    if (!closing) this.table = [];
    else if (this.table) this.closeTable();
  }

  /**
   * Rows, cells, line breaks and links inside a table; row and cell end tags are optional.
   *
   * @param {string} tag
   * @param {string} name
   * @param {boolean} closing
   */
  tableContentTag(tag, name, closing) {
    if (name === 'tr') {
      this.closeRow();
      if (!closing) this.row = [];
    } else if (name === 'td' || name === 'th') {
      this.closeCell();
      if (!closing) {
        if (!this.row) this.row = [];
        this.cell = { text: '', href: null, header: name === 'th' };
      }
    } else if (name === 'br' && this.cell) this.cellText += ' ';
    else if (name === 'a' && !closing && this.cell && this.cell.href === null) this.cell.href = attribute(tag, 'href');
  }

  closeCell() {
    if (this.cell && this.row) {
      this.cell.text = clean(this.cellText);
      this.row.push(this.cell);
    }
    this.cell = null;
    this.cellText = '';
  }

  closeRow() {
    this.closeCell();
    if (this.row && this.table && this.row.length > 0) this.table.push(this.row);
    this.row = null;
  }

  closeTable() {
    if (!this.table) return;
    this.closeRow();
    this.blocks.push({ kind: 'table', rows: this.table });
    this.table = null;
  }
}

/**
 * Headings (h1–h6) and tables of a page, in document order. When the page has a `<main>` element only
 * its content is read (navigation and footers can hold unrelated tables).
 *
 * @param {string} html
 * @returns {Block[]}
 */
export function readBlocks(html) {
  const collector = new BlockCollector();
  for (const token of tokens(html)) {
    if (token.kind === 'text') collector.text(token.text);
    else if (!collector.tag(token)) break;
  }
  // A table the page never closes still counts.
  collector.closeTable();
  return collector.blocks;
}
