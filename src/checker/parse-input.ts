/**
 * Find every Exchange version in pasted text, in input order, with spans and context.
 * Linear time: one pass over the lines (no split); numbers are found by a hand-written scanner
 * (no match arrays or substrings for digit runs that cannot be builds); each regex is anchored or
 * has bounded quantifiers with no nested repetition and runs only where its answer can matter.
 * State for the whole paste lives in a `Paste`, state for one line in a `LineScan`; each step is a
 * small function of those two objects.
 */
import { type Build } from './compare-builds.ts';
import { classifyNumber, type NumberKind } from './classify-number.ts';
import { dateHeader, receivedDate } from './mail-date.ts';
import { isProseLine, mentionOf, wordsMatter, type Mention } from './mention.ts';
import { parseProductName, PRODUCT, type NamedVersion } from './product-names.ts';
import { nameLine, pairedName, promptLine, isServerName } from './server-names.ts';
import type { InputFormat, SupersededMention } from './types.ts';

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
  /** What the words around the mention say: tool output, a sentence, a quoted threshold, not installed. */
  mention: Mention;
  /** Received headers: ISO date of the mail (the header's own date, else the block's `Date:` header), else null. */
  asOf: string | null;
  /** PowerShell prompt section of the line (0: before any prompt line), for host names from prompts. */
  section: number;
  /** Filled by de-duplication: mentions folded into this one. */
  superseded: SupersededMention[];
  /** Filled by de-duplication: plain sentences about how this mention was read. */
  readingNotes: string[];
}

const ADV = /Version (\d{1,2})\.(\d{1,2}) \(Build (\d{1,5})\.(\d{1,4})\)/g;
const TABLE_HEADER = /^\s*[A-Za-z]+(?:\s+[A-Za-z]+){1,12}\s*$/; // words only: no ':' and no digits
const DASHES = /^[\s-]+$/;
const IP_BEFORE = /(?:\bIP(?:v4)?\b|address|\[|@)\s*:?\s*$/i;
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

interface Table {
  kind: 'adv' | 'exsetup' | 'other';
  /** Where a row names its server: first or last word, a tab-separated cell (by index), or nowhere. */
  nameColumn: 'first' | 'last' | number | null;
}

const TAB_HEADER_CELL = /^[A-Za-z][A-Za-z ]{0,40}$/;
/** Column labels that name a row's server, most specific first: a "Name" next to a "Server" column names something else. */
const TAB_NAME_CELLS = ['server name', 'servername', 'server', 'pscomputername', 'computername', 'name'];
const TAB_VERSION_CELLS =
  /^(?:exchange version|exchange build|admindisplayversion|productversion|fileversion|build number|version)$/;

/**
 * A tab-separated table header (HealthChecker's "Servers Overview" as an HTML report reads, a sheet
 * pasted from Excel) with a server-name column and a version column: each row below names its
 * server in that cell, so a version on the row is that server's.
 */
function tabHeader(lineText: string): Table | null {
  if (lineText.length > 600 || !lineText.includes('\t')) return null;
  // Split before trimming: a leading empty cell still counts, so the rows' cells line up.
  const cells = lineText.split('\t').map((c) => c.trim().toLowerCase());
  if (cells.length < 2 || cells.length > 40 || !cells.every((c) => TAB_HEADER_CELL.test(c))) return null;
  if (!cells.some((c) => TAB_VERSION_CELLS.test(c))) return null;
  const index = TAB_NAME_CELLS.map((label) => cells.indexOf(label)).find((i) => i >= 0);
  if (index === undefined) return null;
  const kind = cells.includes('admindisplayversion')
    ? 'adv'
    : cells.includes('fileversion') || cells.includes('productversion')
      ? 'exsetup'
      : 'other';
  return { kind, nameColumn: index };
}

/**
 * A PowerShell table header with a version column. The server's name is in a `PSComputerName`,
 * `Server`/`ServerName` or `Name` column at either end; a `Name` column next to a `Server` column
 * names something else (a mailbox database), so it labels nothing.
 */
function tableHeader(lineText: string): Table | null {
  const tabbed = tabHeader(lineText);
  if (tabbed) return tabbed;
  if (lineText.length > 300 || !TABLE_HEADER.test(lineText)) return null;
  const cols = lineText
    .trim()
    .split(/\s+/)
    .map((c) => c.toLowerCase());
  if (!cols.includes('admindisplayversion') && !cols.includes('productversion') && !cols.includes('fileversion'))
    return null;
  const serverCol = (c: string | undefined) => c === 'server' || c === 'servername' || c === 'pscomputername';
  const first = cols[0];
  const last = cols.at(-1);
  const hasServer = cols.some(serverCol);
  let nameColumn: Table['nameColumn'] = null;
  if (serverCol(last)) nameColumn = 'last';
  else if (serverCol(first)) nameColumn = 'first';
  else if (!hasServer) nameColumn = first === 'name' ? 'first' : last === 'name' ? 'last' : null;
  return { kind: cols.includes('admindisplayversion') ? 'adv' : 'exsetup', nameColumn };
}

const buildKey = (b: Build, parts: 3 | 4) => `${b[0]}.${b[1]}.${b[2]}.${b[3]}/${parts}`;

interface Mark<T> {
  lineNo: number;
  block: number;
  value: T;
}

/** What a PowerShell prompt says about the output below it, up to the next prompt. */
interface Section {
  /** Host that labels the section's output, or null. */
  host: string | null;
}

/** State for the whole paste. */
interface Paste {
  text: string;
  out: RawFinding[];
  strongNames: Mark<string>[];
  weakNames: Mark<string>[];
  dates: Mark<string>[];
  sections: Section[];
  /** Host of an `Enter-PSSession` still open, or null. */
  session: string | null;
  table: Table | null;
  block: number;
  lineNo: number;
}

/** State for one line: the small context every scanning step reads. */
interface LineScan {
  paste: Paste;
  lineText: string;
  /** Offset of the line in the paste. */
  offset: number;
  firstOut: number;
  /** Findings of this line are in span order (numbers are; names and AdminDisplayVersion are merged in). */
  sorted: boolean;
  // Per-line values, computed on first use only.
  server?: string | null;
  shortExcerpt?: string;
  exsetupLine?: boolean;
  prose?: boolean;
  /** Keys of the numbers reported from this line (usually 0 or 1). */
  lineKey?: string;
  lineKeys?: Set<string>;
  /** End and kind of the last threshold or not-installed mention on the line (lists continue them). */
  listFrom: number;
  listKind: Mention;
}

/**
 * All Exchange versions in `text`, in input order (by span), before de-duplication of repeated mentions.
 *
 * @example findVersions('EX01 15.1.2176.9')[0]?.serverName // 'EX01'
 */
export function findVersions(text: string): RawFinding[] {
  const paste: Paste = {
    text,
    out: [],
    strongNames: [],
    weakNames: [],
    dates: [],
    sections: [{ host: null }],
    session: null,
    table: null,
    block: 0,
    lineNo: 0,
  };
  const n = text.length;
  for (let pos = 0; pos <= n; paste.lineNo++) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let first = pos;
    while (first < end && isSpace(text.charCodeAt(first))) first++;
    if (first === end) {
      paste.block++;
      paste.table = null;
    } else readLine(paste, pos, end, first);
    pos = nl + 1;
  }
  assignNames(paste);
  return paste.out;
}

function readLine(paste: Paste, pos: number, end: number, first: number): void {
  const { text } = paste;
  const lineText = text.slice(pos, end);
  const mark = <T>(value: T): Mark<T> => ({ lineNo: paste.lineNo, block: paste.block, value });
  const named = nameLine(lineText);
  if (named) (named.strong ? paste.strongNames : paste.weakNames).push(mark(named.name));
  const date = lineText.includes('Date:') ? dateHeader(lineText) : null;
  if (date) paste.dates.push(mark(date));
  const c = text.charCodeAt(first);
  if (c === 91 /* [ */ || c === 80 /* P */ || c === 79 /* O */) readPrompt(paste, lineText);
  const header = lineText.includes('Version') || lineText.includes('\t') ? tableHeader(lineText) : null;
  if (header) paste.table = header;
  else if (!(c === 45 && DASHES.test(lineText)))
    scanLine({
      paste,
      lineText,
      offset: pos,
      firstOut: paste.out.length,
      sorted: true,
      listFrom: -1,
      listKind: 'tool',
    });
}

/** A prompt line starts a new section; its host (or an open remote session's) labels the output below. */
function readPrompt(paste: Paste, lineText: string): void {
  const prompt = promptLine(lineText);
  if (!prompt) return;
  if (prompt.session !== null) paste.session = prompt.session || null;
  const host = prompt.commandHost ?? (prompt.orgWide ? null : (prompt.host ?? paste.session));
  paste.sections.push({ host });
}

function scanLine(line: LineScan): void {
  const { lineText } = line;
  // The AD object version "ExchangeVersion : 0.1 (8.0.535.0)" is not a server build.
  if (lineText.includes('ExchangeVersion') && /^\s*ExchangeVersion\s*:/i.test(lineText)) return;
  if (lineText.includes('(Build ')) scanAdminDisplayVersions(line);
  scanNumbers(line);
  scanProductNames(line);
  keepSpanOrder(line);
}

/** The server named on this line (table column or "name and build" line), computed once. */
function serverOfLine(line: LineScan): string | null {
  if (line.server !== undefined) return line.server;
  const { table } = line.paste;
  if (!table) return (line.server = pairedName(line.lineText));
  if (typeof table.nameColumn === 'number') {
    const cell = line.lineText.split('\t')[table.nameColumn]?.trim() ?? null;
    return (line.server = cell && isServerName(cell) ? cell : null);
  }
  const tokens = table.nameColumn ? line.lineText.trim().split(/\s+/) : null;
  const name = tokens ? ((table.nameColumn === 'first' ? tokens[0] : tokens.at(-1)) ?? null) : null;
  return (line.server = name && isServerName(name) ? name : null);
}

function excerptOf(line: LineScan, start: number, stop: number): string {
  // Lines up to 200 characters are shown whole (trimmed).
  return line.lineText.length <= 200
    ? (line.shortExcerpt ??= line.lineText.trim())
    : excerpt(line.lineText, start, stop);
}

type Found = Pick<RawFinding, 'build' | 'parts' | 'format' | 'named' | 'key'> &
  Partial<Pick<RawFinding, 'serverName' | 'listLabel' | 'asOf'>>;

/** Record one mention found at `[start, stop)` of the line. */
function push(line: LineScan, start: number, stop: number, found: Found): void {
  const { paste, lineText } = line;
  const lineServer = serverOfLine(line);
  // A table row or a "name and build" line holds no words that could make it a threshold or prose.
  const mention =
    wordsMatter(found.format) && lineServer === null
      ? mentionOf({
          lineText,
          start,
          end: stop,
          format: found.format,
          listFrom: line.listFrom,
          listKind: line.listKind,
          proseLine: () => (line.prose ??= isProseLine(lineText)),
        })
      : 'tool';
  if (mention === 'reference' || mention === 'not-installed') {
    line.listFrom = stop;
    line.listKind = mention;
  }
  // Every field written out (no spread): one object shape for all findings.
  paste.out.push({
    input: excerptOf(line, start, stop),
    span: [line.offset + start, line.offset + stop],
    build: found.build,
    parts: found.parts,
    format: found.format,
    serverName: found.serverName === undefined ? lineServer : found.serverName,
    named: found.named,
    lineNo: paste.lineNo,
    block: paste.block,
    listLabel: found.listLabel ?? false,
    key: found.key,
    mention,
    asOf: found.asOf ?? null,
    section: paste.sections.length - 1,
    superseded: [],
    readingNotes: [],
  });
}

function scanAdminDisplayVersions(line: LineScan): void {
  const { lineText } = line;
  const before = line.paste.out.length;
  ADV.lastIndex = 0;
  for (let m = ADV.exec(lineText); m; m = ADV.exec(lineText)) {
    const c = classifyNumber(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`, false);
    if (!c || c.kind !== 'onprem') continue;
    const { build, key } = c;
    push(line, m.index, m.index + m[0].length, { build, parts: 4, format: 'admin-display-version', named: null, key });
  }
  if (line.paste.out.length > before) line.sorted = false;
}

/** Numbers: maximal runs of /\d+(?:\.\d+)*\/, scanned by hand (linear, no allocation per run). */
function scanNumbers(line: LineScan): void {
  const { text } = line.paste;
  // Indexes into the whole text (usually a flat string: faster than reading through a line slice).
  const stop = line.offset + line.lineText.length;
  for (let i = line.offset; i < stop;) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const at = i;
    let dots = 0;
    i++;
    for (;;) {
      while (i < stop && isDigit(text.charCodeAt(i))) i++;
      if (i + 1 < stop && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        dots++;
        i += 2;
      } else break;
    }
    const size = i - at;
    // Long digit runs and endless dots are never builds.
    if (size >= 5 && size <= 30 && (dots === 2 || dots === 3))
      readNumber(line, at - line.offset, i - line.offset, dots);
  }
}

/** Classify the number at `[at, end)` of the line (IP addresses and glued text excluded) and record it. */
function readNumber(line: LineScan, at: number, end: number, dots: number): void {
  const { lineText } = line;
  const prev = at > 0 ? lineText.charCodeAt(at - 1) : 32;
  // Letters glued before a number ("KB15.1…") disqualify it, except a lone "v" ("v15.1.2176.9").
  if (isLetter(prev) && !((prev === 118 || prev === 86) && !(at > 1 && isLetter(lineText.charCodeAt(at - 2))))) return;
  const next = end < lineText.length ? lineText.charCodeAt(end) : 32;
  if (isLetter(next) || isDigit(next)) return;
  const t = lineText.slice(at, end);
  let c = classifyNumber(t, false);
  // A build already reported from this line would be dropped by dedupe (one finding per line and build).
  if (!c || c.key === line.lineKey || line.lineKeys?.has(c.key)) return;
  // Only numbers that could be IPv4 addresses need the (regex) look at their surroundings.
  const b = c.build;
  if (dots === 3 && b[0] <= 255 && b[1] <= 255 && b[2] <= 255 && b[3] <= 255 && ipContext(lineText, at, end, prev))
    if (!(c = classifyNumber(t, true))) return;
  const last = lastNonSpace(lineText, at);
  // The 40 characters before the number, only where a regex needs them.
  const tail = labelEnd(last) ? lineText.slice(Math.max(0, at - 40), at) : '';
  const format = c.kind === 'online' ? 'exchange-online' : numberFormat(line, { at, last, tail, number: c });
  const received = format === 'smtp-received' || (c.kind === 'online' && isSmtpId(last, tail));
  push(line, at, end, {
    build: c.build,
    parts: c.parts,
    format,
    named: null,
    key: c.key,
    listLabel: last === 58 && /(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail),
    ...(received ? receivedContext(line, at, end, format === 'smtp-received') : {}),
  });
  if (line.lineKey === undefined) line.lineKey = c.key;
  else (line.lineKeys ??= new Set()).add(c.key);
}

function ipContext(lineText: string, at: number, end: number, prev: number): boolean {
  return (
    IP_BEFORE.test(lineText.slice(Math.max(0, at - 20), at)) ||
    prev === 40 /* ( */ ||
    /^(?::\d|\/\d)/.test(lineText.slice(end, end + 2))
  );
}

/** Characters that end a label a format depends on: ':' '/' 'd' 'D' ('id') 'r' 'R' ('Build Number'). */
const labelEnd = (c: number) => c === 58 || c === 47 || c === 100 || c === 68 || c === 114 || c === 82;
const isSmtpId = (last: number, tail: string) => (last === 100 || last === 68) && /\bid\s+$/i.test(tail);

/** Received headers fold over several lines: look back a bounded stretch of the whole text. */
function behind(line: LineScan, at: number): string {
  const to = line.offset + at;
  return line.paste.text.slice(Math.max(0, to - 600), to);
}

/** Where a number sits: the last non-space character before it and the 40 characters before it. */
interface NumberSite {
  at: number;
  last: number;
  tail: string;
  number: NumberKind;
}

/** The input format of a number, from what stands before it; regexes run only when the last character can matter. */
function numberFormat(line: LineScan, site: NumberSite): InputFormat {
  const { last, tail } = site;
  if (last === 58 /* : */) {
    if (/X-OWA-Version\s*:\s*$/i.test(tail)) return 'owa-header';
    if (/Build\s*Number\s*:\s*$/i.test(tail)) return 'healthchecker';
    if (/(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail)) return 'exsetup';
  } else if (last === 47 /* / */) {
    if (/\/owa\/(?:auth\/)?$/i.test(tail)) return 'owa-path';
    if (/\/ecp\/(?:auth\/)?$/i.test(tail)) return 'ecp-path';
  } else if (last === 100 || last === 68 /* d D */) {
    if (isSmtpId(last, tail) && /SMTP Server|Received:/i.test(behind(line, site.at))) return 'smtp-received';
  } else if (last === 114 || last === 82 /* r R */) {
    if (/Build\s*Number\s*$/i.test(tail)) return 'healthchecker';
  }
  line.exsetupLine ??= line.paste.table?.kind === 'exsetup' || /ExSetup/i.test(line.lineText.slice(0, 400));
  if (line.exsetupLine) return 'exsetup';
  if (site.number.parts === 3) return 'build-3part';
  return site.number.long ? 'build-long' : 'build';
}

/** A Received header names the receiving server after "by" and ends with the date the mail passed it. */
function receivedContext(
  line: LineScan,
  at: number,
  end: number,
  dated: boolean,
): Pick<RawFinding, 'serverName' | 'asOf'> {
  const by = /\bby\s+([A-Za-z0-9][A-Za-z0-9.-]{0,100})/gi;
  const hay = behind(line, at);
  let serverName: string | null = serverOfLine(line);
  for (let b = by.exec(hay); b; b = by.exec(hay)) serverName = b[1] ?? serverName;
  // Exchange Online builds say nothing about a server's update level at that date.
  return { serverName, asOf: dated ? receivedDate(line.paste.text, line.offset + end) : null };
}

/** Product names: PRODUCT starts with "Ex", so most lines cost one failed search. */
function scanProductNames(line: LineScan): void {
  const { lineText, paste } = line;
  const before = paste.out.length;
  PRODUCT.lastIndex = 0;
  for (let m = PRODUCT.exec(lineText); m; m = PRODUCT.exec(lineText)) {
    const after = m.index + m[0].length;
    const named = parseProductName(m[1] ?? '', lineText.slice(after, after + 60));
    if (!named) continue;
    const key = buildKey(named.build, named.parts);
    push(line, m.index, after + named.length, {
      build: named.build,
      parts: named.parts,
      format: 'product-name',
      named,
      key,
    });
  }
  if (paste.out.length > before && before > line.firstOut) line.sorted = false;
}

/** Keep the output in span order (dedupe relies on it): merge this line's few findings if needed. */
function keepSpanOrder(line: LineScan): void {
  const { out } = line.paste;
  if (line.sorted || out.length - line.firstOut <= 1) return;
  const mine = out.splice(line.firstOut).sort((a, b) => a.span[0] - b.span[0]);
  for (const f of mine) out.push(f);
}

/**
 * For each finding without a name, the nearest mark before it in its block, else the nearest after it.
 * Marks and findings are both in line order, so one forward pass with a pointer is enough (linear).
 */
function nearestInBlock<T>(out: readonly RawFinding[], marks: readonly Mark<T>[], use: (f: RawFinding, v: T) => void) {
  if (marks.length === 0) return;
  let k = 0;
  for (const f of out) {
    while (
      k < marks.length &&
      (marks[k]!.block < f.block || (marks[k]!.block === f.block && marks[k]!.lineNo <= f.lineNo))
    )
      k++;
    const before = marks[k - 1];
    const after = marks[k];
    const mark = before?.block === f.block ? before : after?.block === f.block ? after : undefined;
    if (mark) use(f, mark.value);
  }
}

/**
 * Names for findings whose line named no server: a `Server`/`PSComputerName` line of the block, else a
 * `Name` line of the block, else the host of the PowerShell prompt above, when that prompt's output holds
 * at most one build per format (one server). Dates from a `Date:` header for Received headers without one.
 */
function assignNames(paste: Paste): void {
  const { out } = paste;
  const unnamed = (f: RawFinding, name: string) => {
    if (f.serverName === null) f.serverName = name;
  };
  nearestInBlock(out, paste.strongNames, unnamed);
  nearestInBlock(out, paste.weakNames, unnamed);
  nearestInBlock(out, paste.dates, (f, date) => {
    if (f.format === 'smtp-received' && f.asOf === null) f.asOf = date;
  });
  if (paste.sections.length === 1) return;
  // A section whose output holds two different builds of one format lists several servers: no host name.
  const seen = new Map<string, string>();
  const several = new Set<number>();
  for (const f of out) {
    const k = `${f.section}|${f.format}`;
    const key = seen.get(k);
    if (key === undefined) seen.set(k, f.key);
    else if (key !== f.key) several.add(f.section);
  }
  for (const f of out) {
    const host = paste.sections[f.section]?.host;
    if (host && !several.has(f.section)) unnamed(f, host);
  }
}
