/**
 * The streaming scanner. Bytes come in chunks of any size; lines are split on `\n` in bytes; a
 * multi-needle byte scan picks the few lines that can matter; only those (plus header lines, the
 * first data lines and the last one) are decoded. Memory stays flat: at most one partial line
 * (capped at MAX_LINE_BYTES) is kept between chunks, so files beyond any string limit scan too.
 */
import { Utf16ToUtf8, asciiLower, decodeUtf8 } from './bytes.ts';
import type { LineRecord } from './conditions.ts';
import { type Detection, detect } from './detect.ts';
import { type Compiled, compileFor, evaluate, excerpt, groupsInBytes, groupsInText, supersede } from './engine.ts';
import type { Handler, LineOut } from './formats.ts';
import { MAX_FINDINGS_PER_FILE, MAX_LINE_BYTES, SNIFF_BYTES } from './limits.ts';
import { NeedleSet } from './needles.ts';
import { Span } from './timestamps.ts';
import type { FileKind, FileReport, FileScanner, Level, TriageFinding } from './types.ts';

const LOG_KINDS: readonly FileKind[] = ['httpproxy', 'ecp-server', 'oab-generator', 'rps-http', 'iis'];
const FIRST_TIME_TRIES = 100;
const LEVELS: readonly Level[] = ['compromise', 'attempt', 'suspicious', 'info'];

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** UTF-16LE without a BOM: mostly zero odd bytes and non-zero even bytes in the first kilobyte. */
function looksUtf16le(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 8) return false;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  return zeroOdd * 10 >= (n / 2) * 9 && zeroEven * 10 <= n / 2;
}

class Scanner implements FileScanner {
  private readonly fileName: string;
  private bytes = 0;
  private sniffParts: Uint8Array[] = [];
  private sniffLen = 0;
  private phase: 'sniff' | 'scan' | 'stopped' | 'done' = 'sniff';
  private rawHead = new Uint8Array(0);
  private transcoder: Utf16ToUtf8 | null = null;
  private kind: FileKind = 'unknown';
  private handler!: Handler;
  private compiled!: Compiled;
  /** The compiled rules' needles, with anchors picked for this file when it is big enough. */
  private needles!: NeedleSet;
  private readonly notes: string[] = [];
  private error: string | undefined;

  // line state
  private lineNo = 0;
  private carry: Uint8Array[] = [];
  private carryLen = 0;
  private carryOverlong = false;
  private overlongLines = 0;
  private sawNewline = false;
  private endsWithoutNewline = false;

  // findings
  private readonly findings: TriageFinding[] = [];
  private readonly perLevel = new Map<Level, number>();
  private dropped = 0;
  private readonly span = new Span();
  private firstTimeTries = 0;
  private haveFirstTime = false;
  private lastData: { bytes: Uint8Array; lineNo: number } | null = null;
  // file-wide rules: per rule, the line each needle group was first met, and the deciding line
  private fileGroupLine: number[][] = [];
  private fileDecided: ({ lineNo: number; text: string; at: number } | null)[] = [];
  /** Per line rule, the last line its other needles were checked on. */
  private triedOnLine = new Int32Array(0);

  constructor(fileName: string) {
    this.fileName = typeof fileName === 'string' ? fileName : String(fileName);
  }

  push(chunk: Uint8Array): void {
    if (this.phase === 'done' || this.error) return;
    try {
      if (!(chunk instanceof Uint8Array) || chunk.length === 0) return;
      this.bytes += chunk.length;
      if (this.phase === 'stopped') return;
      if (this.phase === 'sniff') {
        // chunk buffers may be reused by the caller: keep copies
        this.sniffParts.push(chunk.slice());
        this.sniffLen += chunk.length;
        if (this.sniffLen >= SNIFF_BYTES) this.start();
        return;
      }
      this.feed(chunk);
    } catch (e) {
      this.fail(e);
    }
  }

  wantsMore(): boolean {
    // An internal error ends the scan too: fail() sets the phase to 'done'.
    return this.phase === 'sniff' || this.phase === 'scan';
  }

  progress() {
    return { bytes: this.bytes, lines: this.lineNo, findings: this.findings.length };
  }

  finish(): FileReport {
    if (this.phase !== 'done' && !this.error) {
      try {
        if (this.phase === 'sniff') this.start();
        if (this.phase === 'scan') {
          if (this.transcoder) this.feedDecoded(this.transcoder.end());
          this.endOfInput();
        }
      } catch (e) {
        this.fail(e);
      }
    }
    this.phase = 'done';
    return this.report();
  }

  private fail(e: unknown): void {
    this.error = `Internal error while scanning: ${e instanceof Error ? e.message : String(e)}`;
    this.phase = 'done';
  }

  // -------------------------------------------------------------------------------- set-up

  private start(): void {
    const raw = concat(this.sniffParts, this.sniffLen);
    this.sniffParts = [];
    this.rawHead = raw.slice(0, 64);
    let body = raw;
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) {
      body = raw.subarray(3);
      this.bytes -= 3;
    } else if (raw[0] === 0xff && raw[1] === 0xfe) {
      this.transcoder = new Utf16ToUtf8(false);
      body = raw.subarray(2);
      this.bytes -= 2;
      this.notes.push('Read as UTF-16 text (as Windows PowerShell writes exports).');
    } else if (raw[0] === 0xfe && raw[1] === 0xff) {
      this.transcoder = new Utf16ToUtf8(true);
      body = raw.subarray(2);
      this.bytes -= 2;
      this.notes.push('Read as UTF-16 (big-endian) text.');
    } else if (looksUtf16le(raw)) {
      this.transcoder = new Utf16ToUtf8(false);
      this.notes.push('Read as UTF-16 text without a byte-order mark.');
    }
    if (this.transcoder) body = this.transcoder.push(body);
    const sample = body.subarray(0, Math.min(body.length, SNIFF_BYTES));
    const probe = sample.subarray(0, Math.min(sample.length, 8192));
    const binary = probe.includes(0);
    const det: Detection = detect(this.fileName, this.rawHead, decodeUtf8(sample, 0, sample.length), binary);
    this.kind = det.kind;
    this.handler = det.handler;
    this.notes.push(...det.notes);
    if (det.stop) {
      this.phase = 'stopped';
      return;
    }
    this.compiled = compileFor(this.kind, this.handler.contextNeedles);
    // Fitting the search to the file costs a fraction of a millisecond: worth it from 64 KiB on.
    this.needles =
      sample.length >= SNIFF_BYTES ? new NeedleSet(this.compiled.needles.needles, sample) : this.compiled.needles;
    if (this.compiled.everyLineRules.length) this.handler.everyLine = true;
    this.fileGroupLine = this.compiled.fileRules.map((r) => r.groups.map(() => 0));
    this.fileDecided = this.compiled.fileRules.map(() => null);
    this.triedOnLine = new Int32Array(this.compiled.lineRules.length);
    this.phase = 'scan';
    this.feedDecoded(body);
  }

  private feed(chunk: Uint8Array): void {
    this.feedDecoded(this.transcoder ? this.transcoder.push(chunk) : chunk);
  }

  // -------------------------------------------------------------------------------- lines

  private appendCarry(buf: Uint8Array, from: number, to: number): void {
    const room = MAX_LINE_BYTES - this.carryLen;
    if (to - from > room) {
      this.carryOverlong = true;
      to = from + Math.max(0, room);
    }
    if (to > from) {
      this.carry.push(buf.slice(from, to));
      this.carryLen += to - from;
    }
  }

  private feedDecoded(buf: Uint8Array): void {
    if (buf.length === 0) return;
    let pos = 0;
    if (this.carryLen > 0 || this.carryOverlong) {
      const nl = buf.indexOf(10);
      if (nl < 0) {
        this.appendCarry(buf, 0, buf.length);
        return;
      }
      this.appendCarry(buf, 0, nl);
      this.takeCarryLine();
      pos = nl + 1;
    }
    const last = buf.lastIndexOf(10);
    if (last >= pos) {
      this.sawNewline = true;
      this.region(buf, pos, last + 1);
      pos = last + 1;
    }
    if (pos < buf.length) this.appendCarry(buf, pos, buf.length);
  }

  /** The line collected across chunks, as its own one-line region. */
  private takeCarryLine(): void {
    const line = concat(this.carry, this.carryLen);
    const overlong = this.carryOverlong;
    this.carry = [];
    this.carryLen = 0;
    this.carryOverlong = false;
    this.sawNewline = true;
    const withNl = new Uint8Array(line.length + 1);
    withNl.set(line);
    withNl[line.length] = 10;
    if (overlong) this.overlongLines++;
    this.region(withNl, 0, withNl.length);
  }

  private endOfInput(): void {
    if (this.carryLen > 0 || this.carryOverlong) {
      // a last line without a line ending
      const line = concat(this.carry, this.carryLen);
      const overlong = this.carryOverlong;
      this.carry = [];
      this.carryLen = 0;
      this.carryOverlong = false;
      const withNl = new Uint8Array(line.length + 1);
      withNl.set(line);
      withNl[line.length] = 10;
      if (overlong) this.overlongLines++;
      this.endsWithoutNewline = true;
      this.region(withNl, 0, withNl.length);
    }
    for (const out of this.handler.flush()) this.evaluateOut(out, null);
    this.fileFindings();
    this.coverageOfLastLine();
  }

  /** Lines buf[from, to), each ending with `\n` (the last at to − 1). */
  private region(buf: Uint8Array, from: number, to: number): void {
    const handler = this.handler;
    const hits: number[] = [];
    this.needles.scan(buf, from, to, hits);
    const lens = this.needles.needles;
    const headerStart = handler.headerStart;
    let slow = this.readsEveryLine();
    let h = 0;
    let s = from;
    let lastStart = -1;
    let lastEnd = -1;
    let lastNo = 0;
    let lineNo = this.lineNo;
    while (s < to) {
      let e = buf.indexOf(10, s);
      if (e < 0 || e >= to) e = to;
      lineNo++;
      // Most lines have no needle, no header mark and need no decoding: only counted.
      if (slow || (h < hits.length && hits[h]! < e) || headerStart[buf[s]!] === 1 || e - s > MAX_LINE_BYTES) {
        this.lineNo = lineNo;
        let end = e > s && buf[e - 1] === 13 ? e - 1 : e;
        if (end - s > MAX_LINE_BYTES) {
          end = s + MAX_LINE_BYTES;
          this.overlongLines++;
        }
        const h0 = h;
        while (h < hits.length && hits[h]! < e) h += 2;
        if (this.line(buf, s, end, hits, h0, h, lens)) {
          lastStart = s;
          lastEnd = end;
          lastNo = lineNo;
        }
        slow = this.readsEveryLine();
      } else if (e > s && !(e === s + 1 && buf[s] === 13)) {
        lastStart = s;
        lastEnd = buf[e - 1] === 13 ? e - 1 : e;
        lastNo = lineNo;
      }
      s = e + 1;
    }
    this.lineNo = lineNo;
    if (lastStart >= 0 && handler.hasTimes) {
      this.lastData = { bytes: buf.slice(lastStart, Math.min(lastEnd, lastStart + 65536)), lineNo: lastNo };
    }
  }

  /** Every line must be decoded: the format needs it, or the first timestamp is still missing. */
  private readsEveryLine(): boolean {
    return (
      this.handler.everyLine || (this.handler.hasTimes && !this.haveFirstTime && this.firstTimeTries < FIRST_TIME_TRIES)
    );
  }

  /** One line; returns whether it was a data line. */
  private line(
    buf: Uint8Array,
    s: number,
    e: number,
    hits: number[],
    h0: number,
    h1: number,
    needles: readonly string[],
  ): boolean {
    if (s >= e) return false;
    const handler = this.handler;
    if (handler.isHeader(buf, s, e)) {
      handler.header(decodeUtf8(buf, s, e));
      return false;
    }
    const c = this.compiled;
    let rules: number[] | null = null;
    let view: Uint8Array | null = null;
    let context = false;
    let fileDecidedNow = false;
    for (let k = h0; k < h1; k += 2) {
      const at = hits[k]!;
      const id = hits[k + 1]!;
      if (at + needles[id]!.length > e) continue; // past the cap
      for (const ri of c.anchorRules[id]!) {
        // each rule is checked once per line, however often its needle occurs there
        if (this.triedOnLine[ri] === this.lineNo) continue;
        this.triedOnLine[ri] = this.lineNo;
        if (groupsInBytes(c.lineRules[ri]!, (view ??= buf.subarray(s, e)))) (rules ??= []).push(ri);
      }
      if (c.context[id]) context = true;
      for (const [fi, gi] of c.fileHits[id]!) {
        const seen = this.fileGroupLine[fi]!;
        if (seen[gi] === 0) {
          seen[gi] = this.lineNo;
          if (!this.fileDecided[fi] && seen.every((n) => n > 0)) fileDecidedNow = true;
        }
      }
    }
    const wantTime = handler.hasTimes && !this.haveFirstTime && this.firstTimeTries < FIRST_TIME_TRIES;
    if (!rules && !context && !fileDecidedNow && !handler.everyLine && !wantTime) return true;
    const text = decodeUtf8(buf, s, e);
    if (fileDecidedNow) {
      const lower = asciiLower(text);
      this.compiled.fileRules.forEach((r, fi) => {
        if (this.fileDecided[fi] || !this.fileGroupLine[fi]!.every((n) => n > 0)) return;
        const positions = r.groups
          .flat()
          .map((n) => lower.indexOf(n))
          .filter((i) => i >= 0);
        this.fileDecided[fi] = { lineNo: this.lineNo, text, at: positions.length ? Math.min(...positions) : 0 };
      });
    }
    if (wantTime) this.firstTimeTries++;
    const current = this.lineNo;
    for (const out of handler.push(text, current)) {
      this.evaluateOut(out, out.lineNo === current && !handler.everyLine ? rules : null);
    }
    return true;
  }

  /**
   * Evaluate the rules for a record. `byteRules`: the rules the byte prefilter passed for this very
   * line; null means the record came back later (or every line is read) and the needles are
   * checked again on its text.
   */
  private evaluateOut(out: LineOut, byteRules: number[] | null): void {
    const rec: LineRecord = out.rec;
    if (rec.time) {
      this.span.add(rec.time);
      this.haveFirstTime = true;
    }
    const c = this.compiled;
    let candidates: number[];
    if (byteRules) candidates = byteRules.concat(c.everyLineRules);
    else {
      const lowerLine = asciiLower(rec.line ?? '');
      candidates = [];
      c.lineRules.forEach((r, i) => {
        if (r.groups.length === 0 || groupsInText(r, lowerLine)) candidates.push(i);
      });
    }
    if (candidates.length === 0) return;
    const lower = new Map<string, string>();
    const found: TriageFinding[] = [];
    for (const ri of candidates) {
      const f = evaluate(c.lineRules[ri]!, rec, out.lineNo, lower);
      if (!f) continue;
      // Rows of Test-ProxyLogon's CSVs go through the log rules: say where they come from.
      if (this.kind === 'test-proxylogon' && !f.rule.startsWith('tpl-output'))
        f.explanation = `Test-ProxyLogon listed this row. ${f.explanation}`;
      found.push(f);
    }
    for (const f of supersede(found)) this.keep(f);
  }

  private keep(f: TriageFinding): void {
    const n = this.perLevel.get(f.level) ?? 0;
    if (n >= MAX_FINDINGS_PER_FILE) {
      this.dropped++;
      return;
    }
    this.perLevel.set(f.level, n + 1);
    this.findings.push(f);
    if (f.time) this.span.add(f.time);
  }

  /** File-wide rules, decided at the end once size and first bytes are known. */
  private fileFindings(): void {
    const c = this.compiled;
    const found: TriageFinding[] = [];
    c.fileRules.forEach((r, fi) => {
      const decided = this.fileDecided[fi];
      if (!decided) return;
      const spec = r.rule.file!;
      if (spec.maxBytes !== undefined && this.bytes > spec.maxBytes) return;
      if (spec.magic && !spec.magic.every((b, i) => this.rawHead[i] === b)) return;
      const f = evaluate(r, { line: decided.text }, decided.lineNo, new Map());
      if (f) found.push({ ...f, excerpt: excerpt(decided.text, decided.at) });
    });
    const all = supersede([...this.findings, ...found]);
    const kept = new Set(all);
    const remaining = this.findings.filter((f) => kept.has(f));
    this.findings.length = 0;
    this.findings.push(...remaining);
    for (const f of found) if (kept.has(f)) this.keep(f);
  }

  private coverageOfLastLine(): void {
    const last = this.lastData;
    if (!last || !this.handler.hasTimes || this.handler.everyLine) return;
    // Stateless handlers (CSV and W3C logs) can read the last line again just for its time.
    const out = this.handler.push(decodeUtf8(last.bytes, 0, last.bytes.length), last.lineNo);
    for (const o of out) if (o.rec.time) this.span.add(o.rec.time);
  }

  private report(): FileReport {
    const notes = [...this.notes];
    if (this.handler && this.phase !== 'stopped') notes.push(...this.handler.notes());
    if (this.overlongLines)
      notes.push(
        `${this.overlongLines.toLocaleString('en')} line(s) were longer than ${MAX_LINE_BYTES / 1048576} MiB; only the first ${MAX_LINE_BYTES / 1048576} MiB of each was read.`,
      );
    if (this.endsWithoutNewline && this.sawNewline && LOG_KINDS.includes(this.kind))
      notes.push(
        'The last line has no line ending: the log may have been cut off while it was being written or copied.',
      );
    if (this.dropped)
      notes.push(
        `${this.dropped.toLocaleString('en')} more matching line(s) not listed: at most ${MAX_FINDINGS_PER_FILE.toLocaleString('en')} findings per level are kept.`,
      );
    if (this.handler?.hasTimes && this.span.from === null && this.lineNo > 0 && this.phase !== 'stopped')
      notes.push('No timestamps could be read, so the time span these lines cover is unknown.');
    const findings = [...this.findings].sort(
      (a, b) => a.line - b.line || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.rule.localeCompare(b.rule),
    );
    const report: FileReport = {
      fileName: this.fileName,
      kind: this.kind,
      lines: this.lineNo,
      bytes: this.bytes,
      from: this.handler?.hasTimes ? this.span.from : null,
      to: this.handler?.hasTimes ? this.span.to : null,
      findings,
      notes,
    };
    if (this.error) report.error = this.error;
    return report;
  }
}

/**
 * A streaming scanner for one file (for a worker reading `File.stream()`).
 *
 * @example const s = createScanner('HttpProxy_2021030301-1.LOG');
 *          for await (const chunk of file.stream()) s.push(chunk);
 *          const report = s.finish();
 */
export function createScanner(fileName: string): FileScanner {
  return new Scanner(fileName);
}
