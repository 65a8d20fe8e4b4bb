/**
 * What the words around a version say about it. Tools print the server's own build; people and scanners
 * also write builds the server does not run: thresholds ("fixed in 15.1.2176.9", "(> 15.1.2176)"),
 * candidates ("CU18 or CU19"), and updates still to come or missing ("CU14 is missing", "we plan to
 * install CU23", the old side of "15.1.2176.2 -> 15.1.2176.9"). Only the clause around the mention is read (at most ~60 characters either side), so the
 * cost per mention is bounded; every regex is anchored at one end of that clause.
 */
import type { InputFormat } from './types.ts';

/**
 * - `tool`: printed by a tool (ExSetup, Get-ExchangeServer, HealthChecker, headers, URLs, inventories);
 * - `prose`: read from a sentence; may or may not be what the server runs;
 * - `reference`: quoted as a threshold or candidate, not as the server's build;
 * - `not-installed`: the sentence says it is not (or no longer, or not yet) installed.
 */
export type Mention = 'tool' | 'prose' | 'reference' | 'not-installed';

/** Formats whose words can carry a build the server does not run; every other format is tool output. */
const FREE_FORMATS: ReadonlySet<InputFormat> = new Set<InputFormat>([
  'build',
  'build-long',
  'build-3part',
  'product-name',
]);

/** True when the words around a mention of this format can matter (callers skip `mentionOf` otherwise). */
export const wordsMatter = (format: InputFormat): boolean => FREE_FORMATS.has(format);

const REFERENCE_BEFORE =
  /(?:\b(?:fixed|patched|resolved|addressed|remediated|mitigated)\s+(?:in|by|with|from|since|as\s+of)|\bfix(?:es)?\s+(?:(?:is|are)\s+)?in|\bfirst\s+(?:fixed|patched|safe)|\b(?:at\s+least|minimum|min|requires?|required|recommended|latest|newest|target|threshold|baseline|expected|before|after|until|prior\s+to|below|above)|\b(?:later|newer|higher|greater|older|lower|earlier)\s+than|(?:^|[\s([])[<>≤≥]=?)\s*(?:(?:build|version|update|is|are|was)\s*){0,2}[:=]?\s*$/i;
const NOT_INSTALLED_BEFORE =
  /(?:\b(?:(?:need|needs|needed|plan|plans|planned|planning|want|wants|wanted|going|have|has|had|ought|intend|intends|intended|try|tries|trying|tried|forgot|failed|unable|time|how|when|whether)\s+to|will|shall|must|should|cannot|can't|can|could|would|might|please|never|not|didn't|haven't|hasn't|don't|doesn't)\s+(?:(?:also|still|first|then|now|finally|just|yet)\s+)?(?:install|apply|applie|deploy|upgrad|updat|patch|migrat|mov|go|get|download)\w{0,3}(?:\s+(?:to|with|on))?|\b(?:missing|lacks?|lacking|without|instead\s+of|rather\s+than|from)|\bnot\s+(?:yet\s+)?(?:on|at|running))\s*(?:the\s+)?(?:(?:build|version|update)\s*)?[:(]?\s*$/i;
const REFERENCE_AFTER =
  /^\s*(?:(?:or|and)\s+(?:later|newer|higher|above|greater|up|beyond|after)\b|\+|or\s+(?:CU\s?\d|SP\s?\d|RU\s?\d|Exchange\b|\d{1,2}\.\d)|(?:(?:is|are|was|were)\s+)?(?:(?:the\s+)?(?:required|recommended|needed|available|released|latest|newest|minimum|target|first\s+fixed)\b|out\s+now))/i;
const NOT_INSTALLED_AFTER =
  /^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:is|are|was|were|has|have|had|seems?|appears?)\s+)?(?:(?:still|also|now|currently)\s+)?(?:(?:not|never)\s+(?:(?:yet|been)\s+){0,2}(?:installed|applied|deployed|there|present|running)|(?:isn't|aren't|wasn't|hasn't\s+been|haven't\s+been)\s+(?:installed|applied)|missing|failed|failing|pending|planned|scheduled|coming|to\s+be\s+installed)\b|^\s*(?:-{1,2}>|→|=>)\s*(?:v?\d{1,2}\.\d|Exchange\b|EX\d|CU\s?\d)/i;
/** Text between two mentions that continues a list: "fixed in A / B", "A, B (CU19) and C". */
const LIST_GAP = /^[\s,/&]*(?:\([^()]{0,30}\)[\s,/&]*)?(?:(?:and|or)\s)?[\s,/&]*$/i;
/** Scanner and exploit-tool output lines: nmap script output, Metasploit status lines. */
const TOOL_LINE = /^\s*(?:\|_?|\[[*+!-]\])/;

/** Clause breaks: `,;!?|` and a full stop followed by a space (a dot inside a build or FQDN is not one). */
function isBreak(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // Not `)`: in `alert(3)> 15.2.1118.9` the `>` ends an HTML tag, and a clause starting right after
  // the `)` would read it as a threshold ("> 15.2.1118.9") and drop a server's own build.
  if (c === 44 || c === 59 || c === 33 || c === 63 || c === 124 || c === 40) return true;
  return c === 46 && i + 1 < s.length && (s.charCodeAt(i + 1) === 32 || s.charCodeAt(i + 1) === 9);
}

/** The clause before `start` (at most 60 characters, from the last clause break). */
export function clauseBefore(lineText: string, start: number): string {
  const from = Math.max(0, start - 60);
  let i = start - 1;
  while (i >= from && !isBreak(lineText, i)) i--;
  return lineText.slice(i + 1, start);
}

/** The clause after `end` (at most 60 characters, up to the next clause break other than parentheses). */
export function clauseAfter(lineText: string, end: number): string {
  const stop = Math.min(lineText.length, end + 60);
  let i = end;
  while (i < stop && !(isBreak(lineText, i) && lineText.charCodeAt(i) !== 40 && lineText.charCodeAt(i) !== 41)) i++;
  return lineText.slice(end, i);
}

// Words that name the product or a label; they say nothing about whether a line is a sentence.
const PRODUCT_WORDS = new Set([
  'exchange',
  'server',
  'microsoft',
  'cumulative',
  'update',
  'rollup',
  'service',
  'pack',
  'security',
  'version',
  'build',
  'number',
  'edition',
  'standard',
  'enterprise',
]);

/**
 * True when a line reads as a sentence (three or more ordinary words, outside `<tags>`, in its first
 * 300 characters), not as tool output. Scanner output lines (`|_…`, `[*] …`) are tool output.
 *
 * @example isProseLine('We run Exchange 2016 CU19 on two boxes') // true
 * @example isProseLine('Version: Exchange 2019 CU12 May22SU') // false
 */
export function isProseLine(lineText: string): boolean {
  if (TOOL_LINE.test(lineText)) return false;
  const stop = Math.min(lineText.length, 300);
  let words = 0;
  let inTag = false;
  for (let i = 0; i < stop;) {
    const c = lineText.charCodeAt(i);
    if (c === 60 /* < */) inTag = true;
    else if (c === 62 /* > */) inTag = false;
    if (!isAsciiLetter(c) || inTag) {
      i++;
      continue;
    }
    const from = i;
    while (i < stop && isAsciiLetter(lineText.charCodeAt(i))) i++;
    // A word is letters only, at least two, not glued to digits ("CU19", "EX01" and "15.1" are not words).
    const glued =
      (from > 0 && isWordChar(lineText.charCodeAt(from - 1))) || (i < stop && isWordChar(lineText.charCodeAt(i)));
    if (i - from >= 2 && !glued && !PRODUCT_WORDS.has(lineText.slice(from, i).toLowerCase())) words++;
    if (words >= 3) return true;
  }
  return false;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: number) => (c >= 48 && c <= 57) || c === 95 || c === 45;

/** Where a mention sits: its line, its span on the line, and the previous reference-like mention on the line. */
export interface MentionSite {
  lineText: string;
  start: number;
  end: number;
  format: InputFormat;
  /** End of the previous mention on this line that was a reference or not installed, or -1. */
  listFrom: number;
  /** Kind of that previous mention. */
  listKind: Mention;
  /** Whether the line reads as a sentence (computed once per line by the caller). */
  proseLine: () => boolean;
}

/**
 * Classify one mention.
 *
 * @example mentionOf({ lineText: 'fixed in 15.1.2176.9', start: 9, end: 20, format: 'build', listFrom: -1, listKind: 'tool', proseLine: () => false }) // 'reference'
 */
export function mentionOf(site: MentionSite): Mention {
  if (!FREE_FORMATS.has(site.format)) return 'tool';
  const { lineText, start, end } = site;
  if (site.listFrom >= 0 && start - site.listFrom <= 40 && LIST_GAP.test(lineText.slice(site.listFrom, start)))
    return site.listKind;
  const before = clauseBefore(lineText, start);
  const after = clauseAfter(lineText, end);
  if (NOT_INSTALLED_AFTER.test(after) || NOT_INSTALLED_BEFORE.test(before)) return 'not-installed';
  if (REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(after)) return 'reference';
  return site.proseLine() ? 'prose' : 'tool';
}
