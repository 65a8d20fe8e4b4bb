/**
 * The text of an HTML file, for the checker: HealthChecker's HTML report, a saved OWA page. The
 * result is only ever read by the checker and shown as text; nothing here builds DOM or renders the
 * file as HTML. One linear pass, no regex over the whole input.
 *
 * - Each table row becomes one line. A row of two cells is a label and its value and reads
 *   `label: value`, as HealthChecker's own text report prints it (`Build Number: 15.2.1118.9`,
 *   `Server Name: EX01`); wider rows join their cells with tabs.
 * - Block elements (paragraphs, headings, list items, line breaks…) start a new line; a table or a
 *   heading is set apart by an empty line.
 * - `href` and `src` addresses are kept, each on a line of its own after the line or row they sit
 *   in: an OWA sign-in page names its version only there (`/owa/auth/15.1.2176/themes/…`).
 * - Script, style and comment contents are dropped; common character references are decoded.
 */

const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'form',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'title',
  'ul',
]);
/** Elements set apart by an empty line: they start a new block for the checker (server names bind within a block). */
const SECTION = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'template', 'textarea', 'title']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;
/** Attributes whose values are kept (bounded: the tag text it runs on is capped). */
const ADDRESS = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/** Longest tag whose attributes are read for addresses. */
const MAX_TAG = 4_000;

/** Decodes the character references HTML reports use; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Index just past the `>` that closes the tag opened at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if ((c === 34 || c === 39) && afterEquals) quote = c;
    else if (c === 62) return i + 1;
    // A quote opens a value only right after `=`, as in `title="a > b"`; elsewhere it is text.
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) afterEquals = c === 61;
  }
  return html.length;
}

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Index of the `</name` that ends a raw-text element, case-insensitively, or -1. */
function closingTag(html: string, name: string, from: number): number {
  for (let i = html.indexOf('</', from); i !== -1; i = html.indexOf('</', i + 2))
    if (
      html.slice(i + 2, i + 2 + name.length).toLowerCase() === name &&
      !isNameChar(html.charCodeAt(i + 2 + name.length))
    )
      return i;
  return -1;
}

/**
 * @example htmlToText('<tr><td>Build Number</td><td>15.2.1118.9</td></tr>') // 'Build Number: 15.2.1118.9'
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let cells: string[] | null = null;
  let cell = '';
  /** Addresses met inside a line or row, written after it. */
  let addresses: string[] = [];
  const flushAddresses = () => {
    for (const a of addresses) lines.push(a);
    addresses = [];
  };

  const pushText = (raw: string) => {
    const text = decodeEntities(raw.replace(/\s+/g, ' '));
    if (cells) cell += text;
    else line += text;
  };
  const endLine = () => {
    const text = line.trim();
    if (text) lines.push(text);
    line = '';
    if (!cells) flushAddresses();
  };
  const blank = () => {
    endLine();
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };
  const endCell = () => {
    if (cells) cells.push(cell.trim());
    cell = '';
  };
  const endRow = () => {
    if (!cells) return;
    endCell();
    const filled = cells.filter((c) => c !== '');
    endLine(); // text before the row's first cell; the row's addresses wait for the row
    cells = null;
    const [label, value] = filled;
    if (filled.length > 0)
      lines.push(
        filled.length === 2 && label !== undefined && value !== undefined
          ? `${label}${label.endsWith(':') ? '' : ':'} ${value}`
          : filled.join('\t'),
      );
    flushAddresses();
  };

  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) {
      pushText(html.slice(pos));
      break;
    }
    if (lt > pos) pushText(html.slice(pos, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      pos = close === -1 ? html.length : close + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47; /* / */
    let n = lt + (closing ? 2 : 1);
    const nameStart = n;
    while (n < html.length && isNameChar(html.charCodeAt(n))) n++;
    if (n === nameStart) {
      // `<!doctype>`, `<?xml?>` or a lone `<` in text.
      const c = html.charCodeAt(lt + 1);
      if (c === 33 || c === 63) pos = tagEnd(html, lt + 1);
      else {
        pushText('<');
        pos = lt + 1;
      }
      continue;
    }
    const name = html.slice(nameStart, n).toLowerCase();
    const end = tagEnd(html, n);
    pos = end;
    if (!closing && end - lt <= MAX_TAG && (name === 'a' || name === 'link' || name === 'script' || name === 'img')) {
      const tag = html.slice(lt, end);
      ADDRESS.lastIndex = 0;
      for (let m = ADDRESS.exec(tag); m; m = ADDRESS.exec(tag)) {
        const address = decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim();
        if (address) addresses.push(address);
      }
    }
    if (!closing && RAW_TEXT.has(name)) {
      const close = closingTag(html, name, end);
      const inner = html.slice(end, close === -1 ? html.length : close);
      pos = close === -1 ? html.length : tagEnd(html, close + 2);
      if (name === 'title' || name === 'textarea') {
        pushText(inner);
        endLine();
      }
      continue;
    }
    if (name === 'tr') {
      endRow();
      if (!closing) {
        endLine();
        cells = [];
      }
    } else if (name === 'td' || name === 'th') {
      if (!cells) {
        endLine();
        cells = [];
      }
      if (!closing && cell !== '') endCell();
      else if (closing) endCell();
    } else if (SECTION.has(name)) {
      endRow();
      blank();
    } else if (BLOCK.has(name)) {
      if (cells) cell += ' ';
      else endLine();
    }
  }
  endRow();
  endLine();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
