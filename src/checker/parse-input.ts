/**
 * Find every Exchange version in pasted text, in input order, with spans and context.
 * Linear time: one pass over the lines (no split); numbers are found by a hand-written scanner
 * (no match arrays or substrings for digit runs that cannot be builds); each regex is anchored or
 * has bounded quantifiers with no nested repetition and runs only where its answer can matter.
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
  /** Normalised build and part count (`'15.1.2176.9/4'`): the identity used by de-duplication and the verdict cache. */
  key: string;
}

const ADV = /Version (\d{1,2})\.(\d{1,2}) \(Build (\d{1,5})\.(\d{1,4})\)/g;
const PRODUCT = /\bExchange(?: Server)? (2010|2013|2016|2019|SE)\b/gi;
const NAME_LINE =
  /^\s*(?:Name|Server|Server ?Name|PSComputerName|ComputerName|Identity)\s*:\s*([A-Za-z0-9][A-Za-z0-9._-]{0,62})\s*$/i;
/** A server name: a host name or FQDN label, as PowerShell and inventories print it. */
const HOST = String.raw`[A-Za-z][\w.-]{0,62}`;
const SERVER_NAME = new RegExp(`^${HOST}$`);
const BUILD_TEXT = String.raw`\d{1,2}\.\d{1,2}\.\d{1,5}(?:\.\d{1,4})?`;
const PAIR_SEPARATOR = String.raw`"?(?:\s*[,;|\t]\s*|\s+)"?`;
/**
 * A line that is only a server's name and its build, in either order, as lists and CSV exports give
 * them: "EX01 15.1.2176.9", "EX01,15.1.2176.9", "\"ex01.contoso.local\";\"15.1.2176.9\"", "15.1.2176.9 | EX01".
 */
const NAME_THEN_BUILD = new RegExp(String.raw`^\s*"?(${HOST})${PAIR_SEPARATOR}(${BUILD_TEXT})"?\s*$`);
const BUILD_THEN_NAME = new RegExp(String.raw`^\s*"?(${BUILD_TEXT})${PAIR_SEPARATOR}(${HOST})"?\s*$`);
/** Words and labels that stand next to a build without being a server's name. */
const NOT_A_NAME =
  /^(?:(?:admindisplay|product|file|x-owa-)?version|build(?:number)?|exchange.*|exsetup(?:\.exe)?|owa|ecp|server(?:name)?|name|identity|ip|host(?:name)?|(?:ps)?computer(?:name)?|machine|ver|v|value|installed|current|latest|target|release|update|patched|unpatched|vulnerable|fixed|microsoft|outlook|windows|product|(?:cu|sp|su|rtm|kb|hu)\d*|[a-z]{3}\d{2}(?:su|hu)(?:v\d+)?)$/i;

/** The server name on a "name and build only" line, or null. */
function pairedName(lineText: string): string | null {
  if (lineText.length > 120) return null;
  const m = NAME_THEN_BUILD.exec(lineText);
  const name = m ? m[1] : BUILD_THEN_NAME.exec(lineText)?.[2];
  return name && !NOT_A_NAME.test(name) && !name.endsWith('.') ? name : null;
}

const TABLE_HEADER = /^\s*[A-Za-z]+(?:\s+[A-Za-z]+){1,12}\s*$/; // words only: no ':' and no digits
const DASHES = /^[\s-]+$/;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Exactly the characters of regex `\s` and `String.prototype.trim` (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const IP_BEFORE = /(?:\bIP(?:v4)?\b|address|\[|@)\s*:?\s*$/i;

function excerpt(lineText: string, start: number, end: number): string {
  if (lineText.length <= 200) return lineText.trim();
  const from = Math.max(0, start - 80);
  return (
    (from > 0 ? '…' : '') +
    lineText.slice(from, Math.min(lineText.length, end + 80)).trim() +
    (end + 80 < lineText.length ? '…' : '')
  );
}

/**
 * Last non-whitespace character code in `line` within the 40 characters before `at`, or -1
 * (= `line.slice(max(0, at - 40), at).trimEnd().slice(-1)`, without building strings).
 */
function lastNonSpace(line: string, at: number): number {
  for (let i = at - 1, stop = Math.max(0, at - 40); i >= stop; i--) {
    const c = line.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}

function numberFormat(
  last: number,
  tail: string,
  behind: () => string,
  parts: 3 | 4,
  long: boolean,
  exsetupLine: boolean,
): InputFormat {
  // Cheap dispatch on the last non-space character before the number; regexes only when it can matter.
  if (last === 58 /* : */) {
    if (/X-OWA-Version\s*:\s*$/i.test(tail)) return 'owa-header';
    if (/Build\s*Number\s*:\s*$/i.test(tail)) return 'healthchecker';
    if (/(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail)) return 'exsetup';
  } else if (last === 47 /* / */) {
    if (/\/owa\/(?:auth\/)?$/i.test(tail)) return 'owa-path';
    if (/\/ecp\/(?:auth\/)?$/i.test(tail)) return 'ecp-path';
  } else if (last === 100 || last === 68 /* d D */) {
    if (/\bid\s+$/i.test(tail) && /SMTP Server|Received:/i.test(behind())) return 'smtp-received';
  } else if (last === 114 || last === 82 /* r R */) {
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

const buildKey = (b: Build, parts: 3 | 4) => `${b[0]}.${b[1]}.${b[2]}.${b[3]}/${parts}`;

/**
 * All Exchange versions in `text`, in input order (by span), before de-duplication of repeated mentions.
 *
 * @example findVersions('EX01 15.1.2176.9')[0]?.serverName // 'EX01'
 */
export function findVersions(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const names: { lineNo: number; block: number; name: string }[] = [];
  const n = text.length;
  let pos = 0;
  let lineNo = 0;
  let block = 0;
  let table: Table | null = null;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let first = pos;
    while (first < end && isSpace(text.charCodeAt(first))) first++;
    if (first === end) {
      block++;
      table = null;
    } else {
      const lineText = text.slice(pos, end);
      const nameMatch = lineText.length < 120 && lineText.includes(':') ? NAME_LINE.exec(lineText) : null;
      if (nameMatch?.[1]) names.push({ lineNo, block, name: nameMatch[1] });
      const header = lineText.includes('Version') ? tableHeader(lineText) : null;
      if (header) table = header;
      else if (!(text.charCodeAt(first) === 45 && DASHES.test(lineText)))
        scanLine(text, lineText, pos, lineNo, block, table, out);
    }
    pos = nl + 1;
    lineNo++;
  }
  // Server names from "Name : X" lines: nearest before in the same block, else the nearest after.
  // Both lists are in line order, so one forward pass with a pointer is enough (linear).
  let k = 0;
  for (const f of out) {
    while (
      k < names.length &&
      (names[k]!.block < f.block || (names[k]!.block === f.block && names[k]!.lineNo <= f.lineNo))
    )
      k++;
    if (f.serverName) continue;
    const before = names[k - 1];
    const after = names[k];
    f.serverName =
      before && before.block === f.block ? before.name : after && after.block === f.block ? after.name : null;
  }
  return out;
}

function scanLine(
  text: string,
  lineText: string,
  offset: number,
  lineNo: number,
  block: number,
  table: Table | null,
  out: RawFinding[],
): void {
  // The AD object version "ExchangeVersion : 0.1 (8.0.535.0)" is not a server build.
  if (lineText.includes('ExchangeVersion') && /^\s*ExchangeVersion\s*:/i.test(lineText)) return;
  const firstOut = out.length;
  let sorted = true; // findings of this line in span order (numbers are; names and ADV are merged in)
  const len = lineText.length;
  // Per-line values, computed on first use only.
  let validName: string | null | undefined;
  const serverOfLine = (): string | null => {
    if (validName !== undefined) return validName;
    if (!table) return (validName = pairedName(lineText));
    const tokens = table.nameColumn ? lineText.trim().split(/\s+/) : null;
    const tableName = tokens ? ((table.nameColumn === 'first' ? tokens[0] : tokens.at(-1)) ?? null) : null;
    return (validName = tableName && SERVER_NAME.test(tableName) ? tableName : null);
  };
  let shortExcerpt: string | undefined; // lines up to 200 characters are shown whole (trimmed)
  const excerptOf = (start: number, stop: number): string =>
    len <= 200 ? (shortExcerpt ??= lineText.trim()) : excerpt(lineText, start, stop);
  let exsetupLine: boolean | undefined;
  let lineKey: string | undefined; // keys of the numbers reported from this line (usually 0 or 1)
  let lineKeys: Set<string> | undefined;

  if (lineText.includes('(Build ')) {
    ADV.lastIndex = 0;
    for (let m = ADV.exec(lineText); m; m = ADV.exec(lineText)) {
      const c = classifyNumber(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`, false);
      if (!c || c.kind !== 'onprem') continue;
      const stop = m.index + m[0].length;
      out.push({
        input: excerptOf(m.index, stop),
        span: [offset + m.index, offset + stop],
        build: c.build,
        parts: 4,
        format: 'admin-display-version',
        serverName: serverOfLine(),
        named: null,
        lineNo,
        block,
        listLabel: false,
        key: c.key,
      });
    }
    if (out.length > firstOut) sorted = false;
  }

  // Numbers: maximal runs of /\d+(?:\.\d+)*/, scanned by hand (linear, no allocation per run).
  // Indexes into the whole text (usually a flat string: faster than reading through a line slice).
  const stop = offset + len;
  for (let i = offset; i < stop;) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const at = i - offset;
    let dots = 0;
    i++;
    for (;;) {
      while (i < stop && isDigit(text.charCodeAt(i))) i++;
      if (i + 1 < stop && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        dots++;
        i += 2;
      } else break;
    }
    const end = i - offset;
    const size = end - at;
    if (size < 5 || size > 30) continue; // long digit runs and endless dots are never builds
    const prev = at > 0 ? lineText.charCodeAt(at - 1) : 32;
    // letters glued before a number ("KB15.1…") disqualify it, except a lone "v" ("v15.1.2176.9")
    if (isLetter(prev) && !((prev === 118 || prev === 86) && !(at > 1 && isLetter(lineText.charCodeAt(at - 2)))))
      continue;
    const next = end < len ? lineText.charCodeAt(end) : 32;
    if (isLetter(next) || isDigit(next)) continue;
    if (dots !== 2 && dots !== 3) continue;
    const t = lineText.slice(at, end);
    let c = classifyNumber(t, false);
    if (!c) continue;
    // A build already reported from this line would be dropped by dedupe (one finding per line and build).
    if (c.key === lineKey || lineKeys?.has(c.key)) continue;
    const last = lastNonSpace(lineText, at);
    // The 40 characters before the number, only where a regex needs them.
    const tail =
      last === 58 || last === 47 || last === 100 || last === 68 || last === 114 || last === 82
        ? lineText.slice(Math.max(0, at - 40), at)
        : '';
    // Only numbers that could be IPv4 addresses need the (regex) look at their surroundings.
    if (dots === 3 && c.build[0] <= 255 && c.build[1] <= 255 && c.build[2] <= 255 && c.build[3] <= 255) {
      const ipContext =
        IP_BEFORE.test(lineText.slice(Math.max(0, at - 20), at)) ||
        prev === 40 /* ( */ ||
        /^(?::\d|\/\d)/.test(lineText.slice(end, end + 2));
      if (ipContext && !(c = classifyNumber(t, true))) continue;
    }
    // Received headers fold over several lines: look back a bounded window in the whole text.
    const from = Math.max(0, offset + at - 600);
    const behind = () => text.slice(from, offset + at);
    exsetupLine ??= table?.kind === 'exsetup' || /ExSetup/i.test(lineText.slice(0, 400));
    const format: InputFormat =
      c.kind === 'online' ? 'exchange-online' : numberFormat(last, tail, behind, c.parts, c.long, exsetupLine);
    let serverName = serverOfLine();
    if (
      format === 'smtp-received' ||
      (c.kind === 'online' && (last === 100 || last === 68) && /\bid\s+$/i.test(tail))
    ) {
      const by = /\bby\s+([A-Za-z0-9][A-Za-z0-9.-]{0,100})/gi;
      const hay = behind();
      for (let b = by.exec(hay); b; b = by.exec(hay)) serverName = b[1] ?? serverName;
    }
    out.push({
      input: excerptOf(at, end),
      span: [offset + at, offset + end],
      build: c.build,
      parts: c.parts,
      format,
      serverName,
      named: null,
      lineNo,
      block,
      listLabel: last === 58 && /(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail),
      key: c.key,
    });
    if (lineKey === undefined) lineKey = c.key;
    else (lineKeys ??= new Set()).add(c.key);
  }

  // Product names: PRODUCT starts with the literal "Exchange", so lines without it cost one failed search.
  {
    const before = out.length;
    PRODUCT.lastIndex = 0;
    for (let m = PRODUCT.exec(lineText); m; m = PRODUCT.exec(lineText)) {
      const named = parseProductName(m[1] ?? '', lineText.slice(m.index + m[0].length, m.index + m[0].length + 40));
      if (!named) continue;
      const stop = m.index + m[0].length + named.length;
      out.push({
        input: excerptOf(m.index, stop),
        span: [offset + m.index, offset + stop],
        build: named.build,
        parts: named.parts,
        format: 'product-name',
        serverName: serverOfLine(),
        named,
        lineNo,
        block,
        listLabel: false,
        key: buildKey(named.build, named.parts),
      });
    }
    if (out.length > before && before > firstOut) sorted = false;
  }
  // Keep the output in span order (dedupe relies on it): merge this line's few findings if needed.
  if (!sorted && out.length - firstOut > 1) {
    const mine = out.splice(firstOut).sort((a, b) => a.span[0] - b.span[0]);
    for (const f of mine) out.push(f);
  }
}
