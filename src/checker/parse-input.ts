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
const IP_BEFORE = /(?:\bIP(?:v4)?\b|address|\[|@)\s*:?\s*$/i;

function excerpt(lineText: string, start: number, end: number): string {
  if (lineText.length <= 200) return lineText.trim();
  const from = Math.max(0, start - 80);
  return (from > 0 ? '…' : '') + lineText.slice(from, Math.min(lineText.length, end + 80)).trim() + (end + 80 < lineText.length ? '…' : '');
}

function numberFormat(before: string, lineText: string, behind: string, parts: 3 | 4, long: boolean, exsetupContext: boolean): InputFormat {
  const tail = before.slice(-40);
  if (/X-OWA-Version\s*:\s*$/i.test(tail)) return 'owa-header';
  if (/\/owa\/(?:auth\/)?$/i.test(tail)) return 'owa-path';
  if (/\/ecp\/(?:auth\/)?$/i.test(tail)) return 'ecp-path';
  if (/\bid\s+$/i.test(tail) && /SMTP Server|Received:/i.test(behind)) return 'smtp-received';
  if (/Build\s*Number\s*:?\s*$/i.test(tail)) return 'healthchecker';
  if (exsetupContext || /(?:ProductVersion|FileVersion)\s*:\s*$/i.test(tail) || /ExSetup/i.test(lineText.slice(0, 400))) return 'exsetup';
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
    if (lineText.trim() === '') {
      block++;
      table = null;
    } else {
      const nameMatch = lineText.length < 120 ? NAME_LINE.exec(lineText) : null;
      if (nameMatch?.[1]) names.push({ lineNo, block, name: nameMatch[1] });
      const header = tableHeader(lineText);
      if (header) table = header;
      else if (!/^[\s-]+$/.test(lineText)) scanLine(text, lineText, offset, lineNo, block, table, out);
    }
    pos = nl + 1;
    lineNo++;
  }
  // Server names from "Name : X" lines: nearest before in the same block, else the nearest after.
  for (const f of out) {
    if (f.serverName) continue;
    let best: string | null = null;
    for (const n of names) {
      if (n.block !== f.block) continue;
      if (n.lineNo <= f.lineNo) best = n.name;
      else if (best === null) {
        best = n.name;
        break;
      }
    }
    f.serverName = best;
  }
  return out;
}

function scanLine(text: string, lineText: string, offset: number, lineNo: number, block: number, table: Table | null, out: RawFinding[]): void {
  // The AD object version "ExchangeVersion : 0.1 (8.0.535.0)" is not a server build.
  if (/^\s*ExchangeVersion\s*:/i.test(lineText)) return;
  const tokens = table?.nameColumn ? lineText.trim().split(/\s+/) : null;
  const tableName = tokens ? (table?.nameColumn === 'first' ? tokens[0] : tokens.at(-1)) ?? null : null;
  const validName = tableName && /^[A-Za-z][A-Za-z0-9._-]{0,62}$/.test(tableName) && !/\\|:/.test(tableName) ? tableName : null;
  const base = { lineNo, block, named: null, listLabel: false };

  ADV.lastIndex = 0;
  for (let m = ADV.exec(lineText); m; m = ADV.exec(lineText)) {
    const text = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
    const c = classifyNumber(text, false);
    if (!c || c.kind !== 'onprem') continue;
    out.push({ ...base, input: excerpt(lineText, m.index, m.index + m[0].length), span: [offset + m.index, offset + m.index + m[0].length], build: c.build, parts: 4, format: 'admin-display-version', serverName: validName });
  }

  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(lineText); m; m = NUMBER.exec(lineText)) {
    const t = m[0];
    if (t.length > 30) continue; // long digit runs and endless dots are never builds
    const before = lineText.slice(0, m.index);
    const prevChar = before.at(-1) ?? '';
    const nextChar = lineText.charAt(m.index + t.length);
    if (/[A-Za-z_]/.test(prevChar) && !/(?:^|[^A-Za-z])[vV]$/.test(before.slice(-2))) continue;
    if (/[A-Za-z0-9_]/.test(nextChar)) continue;
    const dots = t.split('.').length - 1;
    if (dots !== 2 && dots !== 3) continue;
    const ipContext = IP_BEFORE.test(before.slice(-20)) || /^(?::\d|\/\d)/.test(lineText.slice(m.index + t.length, m.index + t.length + 2)) || prevChar === '(';
    const c = classifyNumber(t, ipContext && dots === 3);
    if (!c) continue;
    // Received headers fold over several lines: look back a bounded window in the whole text.
    const behind = text.slice(Math.max(0, offset + m.index - 600), offset + m.index);
    const format: InputFormat = numberFormat(before, lineText, behind, c.parts, c.long, table?.kind === 'exsetup');
    let serverName = validName;
    if (format === 'smtp-received' || (c.kind === 'online' && /SMTP Server/i.test(behind))) {
      const by = /\bby\s+([A-Za-z0-9][A-Za-z0-9.-]{0,100})/gi;
      for (let b = by.exec(behind); b; b = by.exec(behind)) serverName = b[1] ?? serverName;
    }
    out.push({
      ...base,
      listLabel: /(?:ProductVersion|FileVersion)\s*:\s*$/i.test(before.slice(-40)),
      input: excerpt(lineText, m.index, m.index + t.length),
      span: [offset + m.index, offset + m.index + t.length],
      build: c.build,
      parts: c.parts,
      format: c.kind === 'online' ? 'exchange-online' : format,
      serverName,
    });
  }

  PRODUCT.lastIndex = 0;
  for (let m = PRODUCT.exec(lineText); m; m = PRODUCT.exec(lineText)) {
    const named = parseProductName(m[1] ?? '', lineText.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!named) continue;
    const end = m.index + m[0].length + named.length;
    out.push({ ...base, named, input: excerpt(lineText, m.index, end), span: [offset + m.index, offset + end], build: named.build, parts: named.parts, format: 'product-name', serverName: validName });
  }
}
