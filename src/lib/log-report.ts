/**
 * The log scanner's report, in words: one sentence per kind of log, what the drop could not cover
 * (log families that are missing, days outside or between the files), findings grouped by attack
 * family, and the CSV and JSON exports. Pure functions over the triage core's FileReports: no DOM,
 * no Svelte, so they are unit-tested directly.
 *
 * The report never calls a server "clean": with no finding it says "no evidence in these logs"
 * and names the days the logs cover.
 */
import type { Family, FileKind, FileReport, Level, TriageFinding } from '../triage/index.ts';
import { humanDate } from '../shared/dates.ts';
import { BOM, guardCell, toCsv } from './csv-format.ts';

/** One scanned text: a dropped file, or one file inside a dropped archive. */
export interface ScannedFile {
  report: FileReport;
  /** Why it was not read to its end (damaged archive, unpacking limit, unreadable), in plain words. */
  problem?: string;
}

export const LEVELS: readonly Level[] = ['compromise', 'attempt', 'suspicious', 'info'];

/** Word and icon per level: the report never shows a level by colour alone. */
export const LEVEL_TEXT: Record<Level, { word: string; icon: string; tone: 'bad' | 'warn' | 'info' }> = {
  compromise: { word: 'Evidence of compromise', icon: '✕', tone: 'bad' },
  attempt: { word: 'Attempt', icon: '!', tone: 'warn' },
  suspicious: { word: 'Worth a look', icon: '?', tone: 'warn' },
  info: { word: 'Context', icon: 'i', tone: 'info' },
};

export const FAMILY_NAME: Record<Family, string> = {
  proxylogon: 'ProxyLogon (March 2021)',
  proxyshell: 'ProxyShell (2021)',
  proxynotshell: 'ProxyNotShell (2022)',
  owassrf: 'OWASSRF (2022)',
  webshell: 'Web shells',
  other: 'Other signs',
};
export const FAMILY_ORDER: readonly Family[] = [
  'proxylogon',
  'webshell',
  'proxyshell',
  'proxynotshell',
  'owassrf',
  'other',
];

interface KindInfo {
  /** Plural name of this kind of file, as the sentence that leads the report says it. */
  name: string;
  /** Said when the drop holds none of these files; null when their absence says nothing. */
  missing: string | null;
}

/**
 * Every kind of file the scanner reads, in report order, with what its absence leaves unchecked.
 * Paths as Exchange 2013 to 2019 and IIS write them by default.
 */
export const KINDS: Record<FileKind, KindInfo> = {
  httpproxy: {
    name: 'HttpProxy logs',
    missing:
      'No HttpProxy logs: ProxyLogon’s SSRF (CVE-2021-26855) cannot be checked. They are in %ExchangeInstallPath%Logging\\HttpProxy\\ (one folder per protocol; drop the whole folder).',
  },
  'ecp-server': {
    name: 'ECP server logs',
    missing:
      'No ECP server logs: a web shell planted through a virtual directory’s settings (CVE-2021-27065) cannot be checked. They are in %ExchangeInstallPath%Logging\\ECP\\Server\\.',
  },
  'oab-generator': {
    name: 'OAB generator logs',
    missing:
      'No OAB generator logs: files written to disk through the OAB generator (CVE-2021-26858) cannot be checked. They are in %ExchangeInstallPath%Logging\\OABGeneratorLog\\.',
  },
  'event-log': {
    name: 'exported event logs',
    missing:
      'No exported Application event log: the Unified Messaging bug (CVE-2021-26857) cannot be checked. In Event Viewer, save the Application log as CSV and drop that file.',
  },
  iis: {
    name: 'IIS logs',
    missing:
      'No IIS logs: requests that reached web shells, and ProxyShell and ProxyNotShell requests seen by IIS, cannot be checked. They are in C:\\inetpub\\logs\\LogFiles\\W3SVC1 (front end) and W3SVC2 (back end).',
  },
  'rps-http': {
    name: 'remote PowerShell (Rps_Http) logs',
    missing:
      'No Rps_Http logs: OWASSRF (CVE-2022-41080) through remote PowerShell cannot be checked. They are in %ExchangeInstallPath%Logging\\CmdletInfra\\Powershell-Proxy\\Http\\.',
  },
  'file-listing': {
    name: 'file listings',
    missing:
      'No file listing: web shells left on disk cannot be checked. Run Get-ChildItem -Recurse on C:\\inetpub\\wwwroot\\aspnet_client and on %ExchangeInstallPath%FrontEnd\\HttpProxy, save the output and drop it.',
  },
  'file-hashes': { name: 'hash lists', missing: null },
  'file-content': { name: 'suspect files', missing: null },
  'test-proxylogon': { name: 'Test-ProxyLogon output files', missing: null },
  unknown: { name: 'other files', missing: null },
};

const KIND_ORDER = Object.keys(KINDS) as FileKind[];
/** Kinds whose lines carry times, so the days they cover can be named. */
const LOG_KINDS: readonly FileKind[] = ['httpproxy', 'ecp-server', 'oab-generator', 'event-log', 'iis', 'rps-http'];

/** The calendar day of an ISO time as written (no time-zone shift): `2021-03-03T23:59Z` → `2021-03-03`. */
export function dayOf(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** @example longDay('2021-03-01') // '1 March 2021' */
export function longDay(day: string): string {
  return humanDate(day);
}

/**
 * A span of days in words, the year said once when both ends share it.
 * @example daySpan('2021-03-01', '2021-03-30') // '1 March to 30 March 2021'
 */
export function daySpan(from: string, to: string): string {
  if (from === to) return longDay(from);
  const a = longDay(from);
  const b = longDay(to);
  return from.slice(0, 4) === to.slice(0, 4) ? `${a.slice(0, -5)} to ${b}` : `${a} to ${b}`;
}

function addDays(day: string, n: number): string {
  const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days between two files of one kind that no file covers, oldest first. */
export function gaps(spans: readonly { from: string; to: string }[]): { from: string; to: string }[] {
  const sorted = [...spans].sort((a, b) => a.from.localeCompare(b.from));
  const out: { from: string; to: string }[] = [];
  let reach: string | null = null;
  for (const s of sorted) {
    if (reach !== null && s.from > addDays(reach, 1)) out.push({ from: addDays(reach, 1), to: addDays(s.from, -1) });
    if (reach === null || s.to > reach) reach = s.to;
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The strongest level among findings, or null when there are none. */
export function strongest(findings: readonly TriageFinding[]): Level | null {
  let best: Level | null = null;
  for (const f of findings) if (best === null || LEVELS.indexOf(f.level) < LEVELS.indexOf(best)) best = f.level;
  return best;
}

function familiesOf(findings: readonly TriageFinding[]): string {
  const families = FAMILY_ORDER.filter((fam) => findings.some((f) => f.family === fam)).map((fam) =>
    FAMILY_NAME[fam].replace(/ \(.*\)$/, ''),
  );
  return families.length <= 1 ? (families[0] ?? '') : `${families.slice(0, -1).join(', ')} and ${families.at(-1)}`;
}

export interface KindSummary {
  kind: FileKind;
  name: string;
  files: number;
  level: Level | null;
  /** First and last day any file of this kind covers; null when none had readable times. */
  from: string | null;
  to: string | null;
  /** The one sentence the report leads with for this kind. */
  sentence: string;
}

/** One sentence per kind of file in the drop, strongest evidence first. */
export function summarise(files: readonly ScannedFile[]): KindSummary[] {
  const byKind = new Map<FileKind, FileReport[]>();
  for (const { report } of files) {
    // An empty or unreadable file says nothing about its kind; it is listed with its own message.
    if (report.kind === 'unknown' && report.findings.length === 0) continue;
    byKind.set(report.kind, [...(byKind.get(report.kind) ?? []), report]);
  }
  const out: KindSummary[] = [];
  for (const kind of KIND_ORDER) {
    const reports = byKind.get(kind);
    if (!reports) continue;
    const findings = reports.flatMap((r) => r.findings);
    const level = strongest(findings);
    const days = reports
      .flatMap((r) => [r.from, r.to])
      .map((t) => (t ? dayOf(t) : null))
      .filter((d): d is string => d !== null)
      .sort();
    const from = days[0] ?? null;
    const to = days.at(-1) ?? null;
    const name = KINDS[kind].name;
    const head = `${name[0]!.toUpperCase()}${name.slice(1)} (${plural(reports.length, 'file')})`;
    const when = from && to ? daySpan(from, to) : null;
    const strong = (lvl: Level) => findings.filter((f) => f.level === lvl);
    let sentence: string;
    if (level === 'compromise') {
      const hits = strong('compromise');
      const first = hits
        .map((f) => f.time)
        .filter((t): t is string => !!t)
        .sort()[0];
      sentence = `${head}: Evidence of compromise: ${plural(hits.length, 'finding')} (${familiesOf(hits)})${first ? `, the first on ${longDay(dayOf(first) ?? '')}` : ''}.`;
    } else if (level === 'attempt') {
      const hits = strong('attempt');
      sentence = `${head}: Attempts seen, no sign they worked: ${plural(hits.length, 'finding')} (${familiesOf(hits)})${when ? ` in logs that cover ${when}` : ''}.`;
    } else if (level === 'suspicious') {
      sentence = `${head}: Nothing here proves an attack, but ${plural(strong('suspicious').length, 'line')} ${strong('suspicious').length === 1 ? 'is' : 'are'} worth a look${when ? ` (these logs cover ${when})` : ''}.`;
    } else if (LOG_KINDS.includes(kind)) {
      sentence = when
        ? `${head}: No evidence in these logs, which cover ${when}.`
        : `${head}: No evidence in these logs, but no dates could be read in them, so the time they cover is unknown.`;
    } else {
      sentence = `${head}: No evidence in these ${name}.`;
    }
    out.push({ kind, name, files: reports.length, level, from, to, sentence });
  }
  return out.sort(
    (a, b) =>
      (a.level === null ? 9 : LEVELS.indexOf(a.level)) - (b.level === null ? 9 : LEVELS.indexOf(b.level)) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}

/** ProxyLogon was used against servers from 6 January 2021 (Volexity), before any fix existed. */
export const PROXYLOGON_FIRST_SEEN = '2021-01-06';
export const PROXYLOGON_SOURCE = {
  title: 'Volexity: Operation Exchange Marauder (2 March 2021)',
  url: 'https://www.volexity.com/blog/2021/03/02/active-exploitation-of-microsoft-exchange-zero-day-vulnerabilities/',
};

/**
 * What the drop could not show, in plain sentences: each missing kind of log with what it leaves
 * unchecked, the days before and after the logs, and days between files that no file covers.
 */
export function notCovered(files: readonly ScannedFile[]): string[] {
  const out: string[] = [];
  const present = new Set(files.map((f) => f.report.kind));
  if (present.has('test-proxylogon') && [...present].every((k) => k === 'test-proxylogon' || k === 'unknown'))
    out.push(
      'Only Test-ProxyLogon’s output was dropped: it shows what the script flagged, not the logs themselves. Drop the logs too for the lines behind each row and the days they cover.',
    );
  for (const kind of KIND_ORDER) {
    const missing = KINDS[kind].missing;
    if (missing && !present.has(kind)) out.push(missing);
  }
  for (const kind of LOG_KINDS) {
    const spans = files
      .filter((f) => f.report.kind === kind && f.report.from && f.report.to)
      .map((f) => ({ from: dayOf(f.report.from!) ?? '', to: dayOf(f.report.to!) ?? '' }))
      .filter((s) => s.from && s.to);
    if (spans.length === 0) continue;
    const from = spans.map((s) => s.from).sort()[0]!;
    const to = spans
      .map((s) => s.to)
      .sort()
      .at(-1)!;
    const name = KINDS[kind].name;
    let sentence = `The ${name} cover ${daySpan(from, to)}: nothing before ${longDay(from)} or after ${longDay(to)} is covered.`;
    if (from > PROXYLOGON_FIRST_SEEN && ['httpproxy', 'ecp-server', 'oab-generator', 'iis'].includes(kind))
      sentence += ` ProxyLogon was exploited from ${longDay(PROXYLOGON_FIRST_SEEN)}, so an attack before ${longDay(from)} would not show in them.`;
    out.push(sentence);
    const holes = gaps(spans);
    const shown = holes.slice(0, 5).map((g) => daySpan(g.from, g.to));
    if (shown.length)
      out.push(
        `No ${name.replace(/s$/, '')} covers ${shown.join('; ')}${holes.length > shown.length ? ` (and ${plural(holes.length - shown.length, 'more gap')})` : ''}.`,
      );
  }
  return out;
}

/** Per-file messages: files that could not be read, were cut short, empty, binary or of an unknown format. */
export function fileMessages(files: readonly ScannedFile[]): { file: string; messages: string[] }[] {
  return files
    .map(({ report, problem }) => ({
      file: report.fileName,
      messages: [
        ...(problem ? [problem] : []),
        ...report.notes,
        ...(report.error
          ? [
              `The scan of this file stopped early on an internal error; the lines before were checked. (${report.error})`,
            ]
          : []),
      ],
    }))
    .filter((m) => m.messages.length > 0);
}

export interface FindingRef {
  finding: TriageFinding;
  file: string;
}

/** Findings grouped by attack family (in FAMILY_ORDER), strongest first, then by time and file. */
export function groupFindings(files: readonly ScannedFile[]): { family: Family; findings: FindingRef[] }[] {
  const all = files.flatMap(({ report }) => report.findings.map((finding) => ({ finding, file: report.fileName })));
  return FAMILY_ORDER.map((family) => ({
    family,
    findings: all
      .filter((r) => r.finding.family === family)
      .sort(
        (a, b) =>
          LEVELS.indexOf(a.finding.level) - LEVELS.indexOf(b.finding.level) ||
          (a.finding.time ?? '').localeCompare(b.finding.time ?? '') ||
          a.file.localeCompare(b.file) ||
          a.finding.line - b.finding.line,
      ),
  })).filter((g) => g.findings.length > 0);
}

/** The request a finding's line shows, as "POST /ecp/y.js?…", or '' when the line is no request. */
export function requestOf(f: TriageFinding): string {
  const url = f.fields.url ?? f.fields.uri ?? '';
  return [f.fields.method ?? '', url].filter(Boolean).join(' ');
}

/** Counts for the live-region announcement and the report's heading. */
export function tally(files: readonly ScannedFile[]): { files: number; compromise: number; attempt: number } {
  let compromise = 0;
  let attempt = 0;
  for (const { report } of files) {
    const level = strongest(report.findings);
    if (level === 'compromise') compromise++;
    else if (level === 'attempt') attempt++;
  }
  return { files: files.length, compromise, attempt };
}

/**
 * The one announcement screen readers hear when a scan ends.
 * @example announcement({ files: 3, compromise: 1, attempt: 0 }, 'done') // 'Scan finished: 3 files, evidence of compromise in 1.'
 */
export function announcement(
  t: { files: number; compromise: number; attempt: number },
  state: 'done' | 'cancelled',
): string {
  const head = state === 'done' ? 'Scan finished' : 'Scan cancelled';
  const parts = [plural(t.files, 'file')];
  if (t.compromise) parts.push(`evidence of compromise in ${t.compromise.toLocaleString('en')}`);
  if (t.attempt) parts.push(`attempts in ${t.attempt.toLocaleString('en')}`);
  if (!t.compromise && !t.attempt) parts.push('no evidence of an attack in what was read');
  return `${head}: ${parts.join(', ')}.`;
}

export const CSV_HEADER = [
  'Level',
  'Family',
  'Rule',
  'Finding',
  'CVEs',
  'Time',
  'Client IP',
  'Method',
  'URL',
  'Status',
  'User agent',
  'File',
  'Line',
  'Excerpt',
  'Explanation',
  'Source',
  'Source URL',
  'Author',
  'Licence',
];

/** Header plus one row per finding (every cell guarded against formula injection), for a spreadsheet. */
export function reportToCsv(files: readonly ScannedFile[]): string {
  const rows = groupFindings(files).flatMap((g) =>
    g.findings.map(({ finding: f, file }) => [
      LEVEL_TEXT[f.level].word,
      FAMILY_NAME[f.family],
      f.rule,
      f.title,
      f.cves.join(' '),
      f.time ?? '',
      f.fields.clientIp ?? f.fields.ip ?? '',
      f.fields.method ?? '',
      f.fields.url ?? f.fields.uri ?? '',
      f.fields.status ?? '',
      f.fields.userAgent ?? f.fields.ua ?? '',
      file,
      String(f.line),
      f.excerpt,
      f.explanation,
      f.source.title,
      f.source.url,
      f.source.author ?? '',
      f.source.licence ?? '',
    ]),
  );
  return BOM + toCsv([CSV_HEADER, ...rows].map((row) => row.map(guardCell)));
}

/** The whole report as JSON: the sentences, what was not covered, and every file with its findings. */
export function reportToJson(files: readonly ScannedFile[], generatedAt: string): string {
  return `${JSON.stringify(
    {
      tool: 'Exchange Patch Check — log scanner',
      generatedAt,
      note: 'Findings are evidence in the files read, not a verdict on the whole server: no finding means no evidence in these files, for the days they cover.',
      summary: summarise(files).map((s) => s.sentence),
      notCovered: notCovered(files),
      files: files.map(({ report, problem }) => ({ ...report, ...(problem ? { problem } : {}) })),
    },
    null,
    2,
  )}\n`;
}

/** `exchange-log-scan-2026-11-29.csv` / `.json` */
export function exportFileName(isoDate: string, ext: 'csv' | 'json'): string {
  return `exchange-log-scan-${isoDate}.${ext}`;
}

/** @example bytes(1536) // '1.5 KB' */
export function bytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en')} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** An ISO time as written in the log, made readable: `2021-03-03T02:14:07.118Z` → `2021-03-03 02:14:07 UTC`. */
export function logTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z)?/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] ? ' UTC' : ' (server time)'}`;
}
