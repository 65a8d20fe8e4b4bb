/**
 * Exported Windows event logs. Event Viewer's "Save as CSV" or tab-separated text, Export-Csv of
 * Get-WinEvent / Get-EventLog, Format-List output, and wevtutil / Event Viewer "details" text all
 * spread one event over several lines (the message has line breaks). Rules need the whole event at
 * once (its source next to the message that mentions InvalidCastException, a cmdlet and its
 * parameters), so this handler reads every line and hands back one record per event: the event's
 * lines joined, reported at the event's first line.
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
/** An event longer than this is handed on in parts (each part keeps the event's source and time). */
const MAX_EVENT_LINES = 500;
const MAX_EVENT_CHARS = 256 * 1024;

export class EventLogHandler implements Handler {
  readonly headerStart = new Uint8Array(256);
  everyLine = true;
  readonly contextNeedles: readonly string[] = [];
  readonly hasTimes = true;
  private names: readonly string[] | null = null;
  private inQuote = false;
  private startKey: string | null = null;
  // the event being read
  private firstLine = 0;
  private lines: string[] = [];
  private chars = 0;
  private fields: LineRecord = {};
  /** The event was split because of its size: its columns were read from its first part. */
  private partial = false;

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
    const startsEvent = !this.inQuote;
    // a line holds an odd number of quotes exactly when it opens or closes a multi-line field
    let quotes = 0;
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1) this.inQuote = !this.inQuote;
    let out: LineOut[] = [];
    if (startsEvent) {
      const t = text.replace(/^\uFEFF/, '');
      if (t.startsWith('#') || t.trim() === '') return this.release(); // #TYPE line of Export-Csv
      if (this.names === null) {
        this.names = headerNames(t, delimiter);
        return [];
      }
      out = this.release();
    }
    return out.concat(this.add(text, lineNo));
  }

  /** Columns of a delimited event, read from all its lines (the message may hold line breaks). */
  private delimitedFields(): LineRecord {
    const names = this.names ?? [];
    const values = splitCsv(this.lines.join('\n'), this.mode === 'tsv' ? '\t' : ',');
    const fields = mapFields(names, values, {});
    delete fields.message;
    // Get-WinEvent's Level is a number; its LevelDisplayName is the word people know
    const display = values[names.indexOf('leveldisplayname')]?.trim();
    if (display) fields.eventLevel = display;
    return finishRecord(fields, false);
  }

  private pushText(text: string, lineNo: number): LineOut[] {
    const m = KEY_LINE.exec(text);
    const key = m ? m[1]!.trim().toLowerCase() : null;
    let out: LineOut[] = [];
    const unindented = text.length > 0 && text[0] !== ' ' && text[0] !== '\t';
    if (/^Event\[\d+\]:/i.test(text)) out = this.release();
    else if (key !== null && unindented) {
      // The first key of the file (Format-List) or "Log Name:" (wevtutil, Event Viewer) starts every event.
      this.startKey ??= key;
      if (key === this.startKey || key === 'log name') out = this.release();
    }
    if (m && key !== null) {
      const name = TEXT_KEYS[key] ?? ALIASES[key];
      if (name && name !== 'message' && !this.fields[name]) {
        const value = m[2]!.trim();
        this.fields[name] = name === 'time' ? (finishRecord({ time: value }, false).time ?? '') : value;
      }
    }
    if (text.trim() === '' && this.lines.length === 0) return out;
    return out.concat(this.add(text, lineNo));
  }

  private add(text: string, lineNo: number): LineOut[] {
    let out: LineOut[] = [];
    if (this.lines.length >= MAX_EVENT_LINES || this.chars + text.length > MAX_EVENT_CHARS) {
      if (this.mode !== 'text') this.fields = this.delimitedFields();
      const keep = this.fields;
      out = this.release();
      this.fields = { ...keep };
      this.partial = true;
    }
    if (this.lines.length === 0) this.firstLine = lineNo;
    this.lines.push(text);
    this.chars += text.length + 1;
    return out;
  }

  /** The event read so far as one record (its lines joined by spaces), reported at its first line. */
  private release(): LineOut[] {
    if (this.lines.length === 0) {
      this.fields = {};
      return [];
    }
    let line: string;
    if (this.mode === 'text') line = this.lines.map((l) => l.trim()).join(' ');
    else {
      // the values, unquoted (CSV doubles the quotes inside a message), line breaks as spaces
      const values = splitCsv(this.lines.join('\n'), this.mode === 'tsv' ? '\t' : ',');
      line = values.map((v) => v.replace(/\s*\n\s*/g, ' ').trim()).join(' ');
      if (!this.partial) this.fields = this.delimitedFields();
    }
    this.partial = false;
    const rec: LineRecord = { ...this.fields, line };
    const out = [{ lineNo: this.firstLine, rec }];
    this.lines = [];
    this.chars = 0;
    this.fields = {};
    return out;
  }

  flush(): LineOut[] {
    return this.release();
  }

  notes(): string[] {
    return [];
  }
}
