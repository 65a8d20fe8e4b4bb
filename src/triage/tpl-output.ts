/**
 * Test-ProxyLogon's own output files, so their rows can be explained in plain words. The script
 * writes `<server>-Cve-2021-26855.csv`, `-Cve-2021-27065-ResetVDir.csv` (HttpProxy columns, read by
 * the same rules as the logs), `-Cve-2021-26857.csv` (events), `-Cve-2021-26858.log`,
 * `-Cve-2021-26858-DownloadPaths.log` and `-Cve-2021-27065.log` (lists), `-other.csv` (files, read by
 * the listing rules) and `-LogAgeDays.csv` (how far back the logs went). Windows PowerShell's
 * Export-Csv starts each CSV with a `#TYPE` line.
 */
import type { LineRecord } from './conditions.ts';
import { headerNames, splitCsv } from './csv.ts';
import { type Handler, type LineOut, finishRecord, mapFields } from './formats.ts';
import { normalisePath } from './listing.ts';

export type TplFile = '26855' | 'resetvdir' | '26857' | '26858' | '26858-paths' | '27065' | 'other' | 'log-age';

/** Which output file this is, from its name. */
export function tplFileFromName(fileName: string): TplFile | null {
  const n = fileName.toLowerCase();
  if (/cve-2021-26855\.csv$/.test(n)) return '26855';
  if (/cve-2021-27065-resetvdir\.csv$/.test(n)) return 'resetvdir';
  if (/cve-2021-26857\.csv$/.test(n)) return '26857';
  if (/cve-2021-26858-downloadpaths\.log$/.test(n)) return '26858-paths';
  if (/cve-2021-26858\.log$/.test(n)) return '26858';
  if (/cve-2021-27065\.log$/.test(n)) return '27065';
  if (/-other\.csv$/.test(n)) return 'other';
  if (/-logagedays\.csv$/.test(n)) return 'log-age';
  return null;
}

const COLUMNS_26855 =
  'datetime,requestid,clientipaddress,urlhost,urlstem,routinghint,useragent,anchormailbox,httpstatus';
const COLUMNS_26857 = 'timecreated,machinename,message';
const COLUMNS_OTHER = 'computername,type,path,name,lastwrite';

/** Which output file this is, from its header (the columns the script writes). */
export function tplFileFromHeader(names: readonly string[]): TplFile | null {
  const joined = names.join(',');
  if (joined === COLUMNS_26855) return '26855';
  if (joined === COLUMNS_26857) return '26857';
  if (joined === COLUMNS_OTHER) return 'other';
  if (names.includes('oabgen') && names.includes('ecpproxy') && names.includes('owaproxy')) return 'log-age';
  return null;
}

export class TplOutputHandler implements Handler {
  readonly headerStart = new Uint8Array(256);
  everyLine = true;
  readonly contextNeedles: readonly string[] = [];
  readonly hasTimes: boolean;
  private names: readonly string[] | null = null;
  private inQuote = false;

  constructor(private readonly file: TplFile) {
    this.hasTimes = file === '26855' || file === 'resetvdir' || file === '26857';
  }

  isHeader(): boolean {
    return false;
  }
  header(): void {}

  push(text: string, lineNo: number): LineOut[] {
    const line = text.replace(/^\uFEFF/, '');
    const lists = this.file === '26858' || this.file === '26858-paths' || this.file === '27065';
    if (lists) {
      const path = line.trim();
      if (!path) return [];
      return [{ lineNo, rec: { line, path: normalisePath(path), tplFile: this.file } }];
    }
    // CSV outputs; the 26857 message column spans lines
    const startsRecord = !this.inQuote;
    let quotes = 0;
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1) this.inQuote = !this.inQuote;
    if (!startsRecord || line.trim() === '') return [{ lineNo, rec: { line } }];
    if (line.startsWith('#')) return [];
    if (this.names === null) {
      this.names = headerNames(line, ',');
      return [];
    }
    const values = splitCsv(line, ',');
    const rec: LineRecord = mapFields(this.names, values, { line, tplFile: this.file });
    if (this.file === 'log-age') {
      rec.message = this.names
        .map((n, i) => `${n} ${values[i]?.trim() || '?'}`)
        .join(', ')
        .slice(0, 400);
    }
    if (this.file === 'other' && rec.path) rec.path = normalisePath(rec.path);
    return [{ lineNo, rec: finishRecord(rec, false) }];
  }

  flush(): LineOut[] {
    return [];
  }

  notes(): string[] {
    return [];
  }
}
