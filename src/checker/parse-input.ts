/**
 * Find every Exchange version in pasted text, in input order, with spans and context.
 * Linear time: the text is split into lines once; each regex is anchored or has bounded
 * quantifiers with no nested repetition, so nothing can backtrack catastrophically.
 */
import { type Build } from './compare-builds.ts';
import { classifyNumber } from './classify-number.ts';
import { parseProductName, type NamedVersion } from './product-names.ts';
import type { InputFormat } from './types.ts';

export interface RawFinding {
  input: string;
  span: [number, number];
  build: Build;
  parts: 3 | 4;
  format: InputFormat;
  serverName: string | null;
  /** Set for product names typed by people ("Exchange 2016 CU19"). */
  named: NamedVersion | null;
  /** Index of the text line, for de-duplication. */
  lineNo: number;
  block: number;
  listLabel: boolean;
}

const NUMBER = /\d+(?:\.\d+)*/g; // one unambiguous repetition: linear
const ADV = /Version (\d{1,2})\.(\d{1,2}) \(Build (\d{1,5})\.(\d{1,4})\)/g;
const PRODUCT = /\bExchange(?: Server)? (2010|2013|2016|2019|SE)\b/gi;
const NAME_LINE = /^\s*(?:Name|Server|Server ?Name|PSComputerName|ComputerName|Identity)\s*:\s*([A-Za-z0-9][A-Za-z0-9._-]{0,62})\s*$/i;
const TABLE_HEADER = /^\s*[A-Za-z]+(?:\s+[A-Za-z]+){1,12}\s*$/; // words only: no ':' and no digits
const NON_BLANK = /\S/;
const DASHES = /^[\s-]+$/;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const IP_BEFORE = /(?:\bIP(?:v4)?\b|address|\[|@)\s*:?\s*$/i;

function excerpt(lineText: string, start: number, end: number): string {
  if (lineText.length <= 200) return lineText.trim();
  const from = Math.max(0, start - 80);
  return (from > 0 ? '…' : '') + lineText.slice(from, Math.min(lineText.length, end + 80)).trim() + (end + 80 < lineText.length ? '…' : '');
}

function numberFormat(tail: string, behind: () => string, parts: 3 | 4, long: boolean, exsetupLine: boolean): InputFormat {
  // Cheap dispatch on the last non-space character before the number; regexes only when it can matter.
  const last = tail.trimEnd().slice(-1);
  if (last === ':') {
    if (/X-OWA-Version\s*:\s*$/i.test(tail)) return 'owa-header';
    if (/Build\s*Number\s*:\s*$/i.test(tail)) return 'healthchecker';
    if (/(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail)) return 'exsetup';
  } else if (last === '/') {
    if (/\/owa\/(?:auth\/)?$/i.test(tail)) return 'owa-path';
    if (/\/ecp\/(?:auth\/)?$/i.test(tail)) return 'ecp-path';
  } else if (last === 'd' || last === 'D') {
    if (/\bid\s+$/i.test(tail) && /SMTP Server|Received:/i.test(behind())) return 'smtp-received';
  } else if (last === 'r' || last === 'R') {
    if (/Build\s*Number\s*$/i.test(tail)) return 'healthchecker';
  }
  if (exsetupLine) return 'exsetup';
  if (parts === 3) return 'build-3part';
  return long ? 'build-long' : 'build';
}

interface Table {
  kind: 'adv' | 'exsetup' | 'other';
  nameColumn: 'first' | 'last' | null;
}

function tableHeader(lineText: string): Table | null {
  if (lineText.length > 300 || !TABLE_HEADER.test(lineText)) return null;
  const cols = lineText.trim().split(/\s+/);
  const has = (c: string) => cols.some((x) => x.toLowerCase() === c.toLowerCase());
  if (!has('AdminDisplayVersion') && !has('ProductVersion') && !has('FileVersion')) return null;
  const first = cols[0]?.toLowerCase();
  const last = cols.at(-1)?.toLowerCase();
  const nameColumn = first === 'name' ? 'first' : last === 'pscomputername' || last === 'name' ? 'last' : null;
  return { kind: has('AdminDisplayVersion') ? 'adv' : 'exsetup', nameColumn };
}

/**
 * All Exchange versions in `text`, in input order, before de-duplication of repeated mentions.
 *
 * @example findVersions('EX01 15.1.2176.9')[0]?.format // 'build'
 */
export function findVersions(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const names: { lineNo: number; block: number; name: string }[] = [];
  let pos = 0;
  let lineNo = 0;
  let block = 0;
  let table: Table | null = null;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const raw = text.slice(pos, nl);
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const offset = pos;
    if (!NON_BLANK.test(lineText)) {
      block++;
      table = null;
    } else {
      const nameMatch = lineText.length < 120 && lineText.includes(':') ? NAME_LINE.exec(lineText) : null;
      if (nameMatch?.[1]) names.push({ lineNo, block, name: nameMatch[1] });
      const header = lineText.includes('Version') ? tableHeader(lineText) : null;
      if (header) table = header;
      else if (!DASHES.test(lineText)) scanLine(text, lineText, offset, lineNo, block, table, out);
    }
    pos = nl + 1;
    lineNo++;
  }
  // Server names from "Name : X" lines: nearest before in the same block, else the nearest after.
  // Both lists are in line order, so one forward pass with a pointer is enough (linear).
  let k = 0;
  for (const f of out) {
    while (k < names.length && (names[k]!.block < f.block || (names[k]!.block === f.block && names[k]!.lineNo <= f.lineNo))) k++;
    if (f.serverName) continue;
    const before = names[k - 1];
    const after = names[k];
    f.serverName = before && before.block === f.block ? before.name : after && after.block === f.block ? after.name : null;
  }
  return out;
}

function scanLine(text: string, lineText: string, offset: number, lineNo: number, block: number, table: Table | null, out: RawFinding[]): void {
  // The AD object version "ExchangeVersion : 0.1 (8.0.535.0)" is not a server build.
  if (lineText.includes('ExchangeVersion') && /^\s*ExchangeVersion\s*:/i.test(lineText)) return;
  const mentionsExchange = /exchange/i.test(lineText);
  if (!mentionsExchange && !/\d\.\d/.test(lineText)) return; // fast path for prose
  const tokens = table?.nameColumn ? lineText.trim().split(/\s+/) : null;
  const tableName = tokens ? ((table?.nameColumn === 'first' ? tokens[0] : tokens.at(-1)) ?? null) : null;
  const validName = tableName && /^[A-Za-z][A-Za-z0-9._-]{0,62}$/.test(tableName) ? tableName : null;
  const base = { lineNo, block, named: null, listLabel: false };
  let exsetupLine: boolean | null = null; // computed on the first candidate only

  if (lineText.includes('(Build ')) {
    ADV.lastIndex = 0;
    for (let m = ADV.exec(lineText); m; m = ADV.exec(lineText)) {
      const c = classifyNumber(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`, false);
      if (!c || c.kind !== 'onprem') continue;
      out.push({ ...base, input: excerpt(lineText, m.index, m.index + m[0].length), span: [offset + m.index, offset + m.index + m[0].length], build: c.build, parts: 4, format: 'admin-display-version', serverName: validName });
    }
  }

  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(lineText); m; m = NUMBER.exec(lineText)) {
    const t = m[0];
    if (t.length < 5 || t.length > 30) continue; // long digit runs and endless dots are never builds
    const at = m.index;
    const end = at + t.length;
    const prev = at > 0 ? lineText.charCodeAt(at - 1) : 32;
    // letters glued before a number ("KB15.1…") disqualify it, except a lone "v" ("v15.1.2176.9")
    if (isLetter(prev) && !((prev === 118 || prev === 86) && !(at > 1 && isLetter(lineText.charCodeAt(at - 2))))) continue;
    const next = end < lineText.length ? lineText.charCodeAt(end) : 32;
    if (isLetter(next) || (next >= 48 && next <= 57)) continue;
    let dots = 0;
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 46) dots++;
    if (dots !== 2 && dots !== 3) continue;
    const tail = lineText.slice(Math.max(0, at - 40), at);
    let c = classifyNumber(t, false);
    if (!c) continue;
    // Only numbers that could be IPv4 addresses need the (regex) look at their surroundings.
    if (dots === 3 && c.build.every((n) => n <= 255)) {
      const ipContext = IP_BEFORE.test(tail.slice(-20)) || prev === 40 /* ( */ || /^(?::\d|\/\d)/.test(lineText.slice(end, end + 2));
      if (ipContext && !(c = classifyNumber(t, true))) continue;
    }
    // Received headers fold over several lines: look back a bounded window in the whole text.
    const from = Math.max(0, offset + at - 600);
    const behind = () => text.slice(from, offset + at);
    exsetupLine ??= table?.kind === 'exsetup' || /ExSetup/i.test(lineText.slice(0, 400));
    const format: InputFormat = c.kind === 'online' ? 'exchange-online' : numberFormat(tail, behind, c.parts, c.long, exsetupLine);
    let serverName = validName;
    if (format === 'smtp-received' || (c.kind === 'online' && /\bid\s+$/i.test(tail))) {
      const by = /\bby\s+([A-Za-z0-9][A-Za-z0-9.-]{0,100})/gi;
      const hay = behind();
      for (let b = by.exec(hay); b; b = by.exec(hay)) serverName = b[1] ?? serverName;
    }
    const lastChar = tail.trimEnd().slice(-1);
    out.push({ ...base, listLabel: lastChar === ':' && /(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail), input: excerpt(lineText, at, end), span: [offset + at, offset + end], build: c.build, parts: c.parts, format, serverName });
  }

  if (!mentionsExchange) return;
  PRODUCT.lastIndex = 0;
  for (let m = PRODUCT.exec(lineText); m; m = PRODUCT.exec(lineText)) {
    const named = parseProductName(m[1] ?? '', lineText.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!named) continue;
    const end = m.index + m[0].length + named.length;
    out.push({ ...base, named, input: excerpt(lineText, m.index, end), span: [offset + m.index, offset + end], build: named.build, parts: named.parts, format: 'product-name', serverName: validName });
  }
}
