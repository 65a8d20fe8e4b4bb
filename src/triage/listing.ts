/**
 * Directory listings and hash lists. Reads full paths wherever they appear on a line (dir /s /b,
 * Select FullName, Get-FileHash, sha256sum, CSV exports), and rebuilds paths from Get-ChildItem's
 * and dir's "Directory:" blocks, whose rows hold only a file name.
 */
import type { LineRecord } from './conditions.ts';
import type { Handler, LineOut } from './formats.ts';
import { parseTimestamp } from './timestamps.ts';

/** Folders where every file matters, so every row under them is read. */
const WATCHED_DIRS = /aspnet_client|\\owa\\auth|\\ecp\\auth|programdata|\\all users\\|\\windows\\temp|^[a-z]:\\root/i;
const DIRECTORY = /^\s{0,8}Directory(?::| of)\s+(\S.{0,1000})$/i;
const DRIVE_PATH = /(?:^|[\s"'=,;*(])([A-Za-z]:\\|\\\\[^\\\s"]{1,255}\\)/;
const SHA256 = /(?:^|[^0-9A-Fa-f])([0-9A-Fa-f]{64})(?![0-9A-Fa-f])/;
const GCI_MODE = /^[-darhsl]{6}$/i;
const DIR_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const KEY_PATH = /^\s{0,8}(?:Path|FullName)\s*:\s(.{1,1000})$/i;

/** `/` to `\`, trimmed. */
export const normalisePath = (p: string): string => p.trim().replace(/\//g, '\\');

/** The full path written on a line, if any (quoted, after a drive letter, a UNC share, or a Unix root). */
export function pathOnLine(line: string): string | null {
  const m = DRIVE_PATH.exec(line);
  if (m) {
    const start = m.index + m[0].length - m[1]!.length;
    const before = line[start - 1];
    let end = line.length;
    if (before === '"' || before === "'") {
      const close = line.indexOf(before, start);
      if (close > 0) end = close;
    }
    return normalisePath(line.slice(start, end));
  }
  const t = line.trim();
  if (t.startsWith('/') && !t.startsWith('//')) return normalisePath(t);
  return null;
}

export class ListingHandler implements Handler {
  readonly headerStart = new Uint8Array(256);
  everyLine: boolean;
  readonly contextNeedles: readonly string[] = ['directory'];
  readonly hasTimes = false;
  private dir: string | null = null;
  private pendingHash: LineOut | null = null;

  /** `hashes`: a hash list, small enough to read every line (Format-List puts the path after the hash). */
  constructor(private readonly hashes: boolean) {
    this.everyLine = hashes;
  }

  isHeader(): boolean {
    return false;
  }
  header(): void {}

  push(text: string, lineNo: number): LineOut[] {
    const out: LineOut[] = [];
    const line = text.replace(/\r$/, '');
    const d = DIRECTORY.exec(line);
    if (d) {
      this.dir = normalisePath(d[1]!).replace(/\\+$/, '');
      if (!this.hashes) this.everyLine = WATCHED_DIRS.test(this.dir);
      return this.release(out);
    }
    const rec: LineRecord = { line };
    const hash = SHA256.exec(line);
    if (hash) rec.hash = hash[1]!.toLowerCase();
    const keyed = KEY_PATH.exec(line);
    if (keyed && this.pendingHash && !this.pendingHash.rec.path) {
      // Format-List: "Hash : …" then "Path : …"
      this.pendingHash.rec.path = normalisePath(keyed[1]!);
    }
    const full = pathOnLine(line);
    if (full) rec.path = full;
    else {
      const row = this.row(line);
      if (row && this.dir) {
        rec.path = `${this.dir}\\${row.name}`;
        rec.name = row.name;
        if (row.time) rec.time = row.time;
      }
    }
    this.release(out);
    if (rec.hash && !rec.path) this.pendingHash = { lineNo, rec };
    else out.push({ lineNo, rec });
    return out;
  }

  private release(out: LineOut[]): LineOut[] {
    if (this.pendingHash) out.push(this.pendingHash);
    this.pendingHash = null;
    return out;
  }

  /** A row of Get-ChildItem's table (Mode LastWriteTime Length Name) or of dir (date time size name). */
  private row(line: string): { name: string; time: string | null } | null {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length < 3) return null;
    let i: number;
    let date: string;
    let clock: string;
    if (GCI_MODE.test(tokens[0]!)) {
      if (tokens.length < 4) return null;
      date = tokens[1]!;
      clock = tokens[2]!;
      i = 3;
    } else if (DIR_DATE.test(tokens[0]!)) {
      date = tokens[0]!;
      clock = tokens[1]!;
      i = 2;
    } else return null;
    if (!/^\d{1,2}:\d{2}/.test(clock)) return null;
    if (/^[AaPp]\.?[Mm]\.?$/.test(tokens[i] ?? '')) clock += ' ' + tokens[i++]!;
    const size = tokens[i] ?? '';
    if (/^[\d.,]+$/.test(size) || size.toUpperCase() === '<DIR>' || size.toUpperCase() === '<JUNCTION>') i++;
    if (i >= tokens.length) return null;
    // the name is the rest of the line from the i-th token (names may contain spaces)
    let pos = 0;
    const trimmed = line.trim();
    for (let k = 0; k < i; k++) {
      pos = trimmed.indexOf(tokens[k]!, pos) + tokens[k]!.length;
    }
    const name = trimmed.slice(pos).trim();
    return name ? { name, time: parseTimestamp(`${date} ${clock}`) } : null;
  }

  flush(): LineOut[] {
    return this.release([]);
  }

  notes(): string[] {
    return [];
  }
}
