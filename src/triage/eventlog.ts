/**
 * Exported Windows event logs. Event Viewer's "Save as CSV" or tab-separated text, Export-Csv of
 * Get-WinEvent / Get-EventLog, Format-List output, and wevtutil / Event Viewer "details" text all
 * spread one event over several lines (the message has line breaks). A rule needs the event's
 * source next to the line that mentions, say, InvalidCastException, so this handler reads every
 * line and gives each one the source, time and id of the event it belongs to.
 */
import type { LineRecord } from './conditions.ts';
import { headerNames, splitCsv } from './csv.ts';
import { ALIASES, type Handler, type LineOut, finishRecord, mapFields } from './formats.ts';

/** Keys of the "Key : value" text forms, to record names. */
const TEXT_KEYS: Readonly<Record<string, string>> = {
  providername: 'provider',
  source: 'provider',
  timecreated: 'time',
  timegenerated: 'time',
  date: 'time',
  id: 'eventId',
  'event id': 'eventId',
  eventid: 'eventId',
  instanceid: 'eventId',
  level: 'eventLevel',
  leveldisplayname: 'eventLevel',
  entrytype: 'eventLevel',
  machinename: 'server',
  computer: 'server',
};
const KEY_LINE = /^\s{0,8}([A-Za-z][A-Za-z ]{0,30}?)\s*:\s?(.{0,400})$/;
const MAX_BLOCK_LINES = 2000;

export class EventLogHandler implements Handler {
  everyLine = true;
  readonly contextNeedles: readonly string[] = [];
  readonly hasTimes = true;
  private names: readonly string[] | null = null;
  private inQuote = false;
  private current: LineRecord = {};
  // text forms: lines of the event being read, released when the next event starts
  private block: { lineNo: number; text: string }[] = [];
  private blockFields: LineRecord = {};
  private startKey: string | null = null;

  constructor(private readonly mode: 'csv' | 'tsv' | 'text') {}

  isHeader(): boolean {
    return false;
  }
  header(): void {}

  push(text: string, lineNo: number): LineOut[] {
    return this.mode === 'text' ? this.pushText(text, lineNo) : this.pushDelimited(text, lineNo);
  }

  private pushDelimited(text: string, lineNo: number): LineOut[] {
    const delimiter = this.mode === 'tsv' ? '\t' : ',';
    const startsRecord = !this.inQuote;
    // a line holds an odd number of quotes exactly when it opens or closes a multi-line field
    let quotes = 0;
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1) this.inQuote = !this.inQuote;
    if (startsRecord) {
      const t = text.replace(/^\uFEFF/, '');
      if (t.startsWith('#')) return []; // #TYPE line of Export-Csv
      if (this.names === null) {
        this.names = headerNames(t, delimiter);
        return [];
      }
      const values = splitCsv(t, delimiter);
      this.current = mapFields(this.names, values, {});
      finishRecord(this.current, false);
    }
    const rec: LineRecord = { ...this.current, line: text };
    if (!startsRecord) delete rec.message;
    return [{ lineNo, rec }];
  }

  private pushText(text: string, lineNo: number): LineOut[] {
    const m = KEY_LINE.exec(text);
    const key = m ? m[1]!.trim().toLowerCase() : null;
    let out: LineOut[] = [];
    const unindented = text.length > 0 && text[0] !== ' ' && text[0] !== '\t';
    if (key !== null && (unindented || /^event\[/i.test(text))) {
      // The first key of the file (or an "Event[n]:" / "Log Name:" line) starts every event.
      if (this.startKey === null) this.startKey = key;
      if (key === this.startKey || key === 'log name' || /^event\[\d+\]$/i.test(key)) out = this.release();
    }
    if (m && key !== null) {
      const name = TEXT_KEYS[key] ?? ALIASES[key];
      if (name && !this.blockFields[name]) this.blockFields[name] = m[2]!.trim();
    }
    this.block.push({ lineNo, text });
    if (this.block.length >= MAX_BLOCK_LINES) out = out.concat(this.release());
    return out;
  }

  private release(): LineOut[] {
    const fields = finishRecord({ ...this.blockFields }, false);
    const out = this.block.map(({ lineNo, text }) => ({ lineNo, rec: { ...fields, line: text } }));
    this.block = [];
    this.blockFields = {};
    return out;
  }

  flush(): LineOut[] {
    return this.mode === 'text' ? this.release() : [];
  }

  notes(): string[] {
    return [];
  }
}
