/**
 * Log formats: field names, default column orders, and the line handlers that turn a decoded line
 * into a record of named values. Columns are always read by header name when a header exists
 * (`#Fields:` or a bare CSV header, several per file allowed); the default orders below are only a
 * fallback for header-less files, and the report then says so.
 */
import type { LineRecord } from './conditions.ts';
import { headerNames, splitCsv } from './csv.ts';
import { normaliseUa } from './indicators.ts';
import { oabDownloadPath } from './rules.ts';
import { parseTimestamp } from './timestamps.ts';

/** A record and the 1-based line it belongs to (handlers may hand records back a little later). */
export interface LineOut {
  lineNo: number;
  rec: LineRecord;
}

/**
 * Turns the decoded lines of one file into records. The scanner decodes a line only when a rule
 * needle, a context needle or a header test says so (or always, when `everyLine` is set).
 */
export interface Handler {
  /** Decode every line (formats that carry state from line to line); may change while reading. */
  everyLine: boolean;
  /** Strings whose lines are decoded for context (for example `Directory:` in a listing). */
  readonly contextNeedles: readonly string[];
  /** Does the format have timestamps worth reporting as coverage? */
  readonly hasTimes: boolean;
  /** 256 entries, 1 for a byte that may start a header line: other lines skip `isHeader`. */
  readonly headerStart: Uint8Array;
  /** A cheap byte test for header/directive lines (`#…`, a repeated CSV header). */
  isHeader(buf: Uint8Array, start: number, end: number): boolean;
  /** A decoded header/directive line. */
  header(text: string): void;
  /** A decoded data line; returns the records now complete (usually just this line's). */
  push(text: string, lineNo: number): LineOut[];
  /** End of file: records still held back. */
  flush(): LineOut[];
  /** Plain-language caveats about how the file was read. */
  notes(): string[];
}

/** Header names (lower case) to the names rules use. */
export const ALIASES: Readonly<Record<string, string>> = {
  datetime: 'time',
  timestamp: 'time',
  timecreated: 'time',
  timegenerated: 'time',
  'date and time': 'time',
  lastwrite: 'time',
  lastwritetime: 'time',
  date: 'date',
  time: 'clock',
  clientipaddress: 'ip',
  'c-ip': 'ip',
  urlstem: 'stem',
  'cs-uri-stem': 'stem',
  urlquery: 'query',
  'cs-uri-query': 'query',
  method: 'method',
  'cs-method': 'method',
  httpstatus: 'status',
  'sc-status': 'status',
  useragent: 'ua',
  'cs(user-agent)': 'ua',
  anchormailbox: 'anchor',
  backendcookie: 'cookie',
  routinghint: 'routing',
  authenticateduser: 'user',
  'cs-username': 'user',
  urlhost: 'host',
  'cs-host': 'host',
  serverhostname: 'server',
  's-computername': 'server',
  servername: 'server',
  machinename: 'server',
  computername: 'server',
  's-port': 'port',
  clientinfo: 'clientinfo',
  commandname: 'command',
  eventdata: 'data',
  eventid: 'eventId',
  'event id': 'eventId',
  id: 'eventId',
  source: 'provider',
  providername: 'provider',
  message: 'message',
  path: 'path',
  fullname: 'path',
  name: 'name',
  type: 'type',
  hash: 'hash',
  protocol: 'protocol',
  targetserver: 'target',
  level: 'eventLevel',
  leveldisplayname: 'eventLevel',
  entrytype: 'eventLevel',
};

/** Record keys shown to people in a finding's `fields`, in this order. */
export const DISPLAY_FIELDS: readonly (readonly [string, string])[] = [
  ['ip', 'clientIp'],
  ['method', 'method'],
  ['uri', 'url'],
  ['status', 'status'],
  ['ua', 'userAgent'],
  ['user', 'user'],
  ['anchor', 'anchorMailbox'],
  ['cookie', 'backEndCookie'],
  ['routing', 'routingHint'],
  ['target', 'targetServer'],
  ['host', 'host'],
  ['server', 'server'],
  ['port', 'port'],
  ['clientinfo', 'clientInfo'],
  ['command', 'command'],
  ['provider', 'source'],
  ['eventId', 'eventId'],
  ['path', 'path'],
  ['hash', 'hash'],
  ['type', 'type'],
];

/**
 * HttpProxy columns of Exchange 15.01.2375 (74 fields; 30–65 not recorded in our source, so unnamed).
 * Used only for files without a header.
 */
export const HTTPPROXY_FIELDS: readonly string[] = [
  ...'DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,BackEndCookie'.split(
    ',',
  ),
  ...Array.from({ length: 36 }, (_, i) => `column${i + 30}`),
  ...'UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus'.split(
    ',',
  ),
].map((f) => f.toLowerCase());

/** Rps_Http columns as CrowdStrike's script reads them. */
export const RPS_FIELDS: readonly string[] =
  'DateTime,StartTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,UrlHost,UrlStem,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,ManagedOrganization,ClientIpAddress,ServerHostName,FrontEndServer,HttpStatus,SubStatus,ErrorCode,Action,CommandId,CommandName,SessionId,ShellId,FailFast,ContributeToFailFast,RequestBytes,ClientInfo,CPU,Memory,ActivityContextLifeTime,TotalTime,UrlQuery,GenericLatency,GenericInfo,GenericErrors'
    .toLowerCase()
    .split(',');

export const ECP_FIELDS: readonly string[] = ['timestamp', 'servername', 'eventid', 'eventdata'];

/** IIS's default W3C fields. */
export const IIS_DEFAULT_FIELDS: readonly string[] = [
  'date',
  'time',
  's-ip',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
  's-port',
  'cs-username',
  'c-ip',
  'cs(user-agent)',
  'cs(referer)',
  'sc-status',
  'sc-substatus',
  'sc-win32-status',
  'time-taken',
];

const DOWNLOAD_FAILED = 'download failed and temporary file';

/** Fill the derived fields every record gets: uri, normalised user agent, time, OAB download path. */
export function finishRecord(rec: LineRecord, utc: boolean): LineRecord {
  if (rec.date !== undefined && rec.clock !== undefined) rec.time = `${rec.date} ${rec.clock}`;
  if (rec.time !== undefined) rec.time = parseTimestamp(rec.time, utc) ?? '';
  if (rec.stem !== undefined || rec.query !== undefined) {
    const stem = rec.stem ?? '';
    const query = rec.query ?? '';
    rec.uri = query ? `${stem}?${query}` : stem;
  }
  if (rec.ua) rec.ua = normaliseUa(rec.ua);
  const line = rec.line ?? '';
  if (rec.path === undefined && line.toLowerCase().includes(DOWNLOAD_FAILED)) rec.path = oabDownloadPath(line) ?? '';
  return rec;
}

/** Map values to record keys by header names; `-` (IIS's empty) becomes ''. */
export function mapFields(names: readonly string[], values: readonly string[], rec: LineRecord): LineRecord {
  const n = Math.min(names.length, values.length);
  for (let i = 0; i < n; i++) {
    const key = ALIASES[names[i]!];
    if (key === undefined || rec[key]) continue;
    const v = values[i]!.trim();
    rec[key] = v === '-' ? '' : v;
  }
  return rec;
}

const HASH = 0x23;

/** A headerStart table for these first characters (both cases of letters). */
export function startBytes(chars: string): Uint8Array {
  const t = new Uint8Array(256);
  for (const ch of chars) {
    t[ch.toLowerCase().charCodeAt(0) & 0xff] = 1;
    t[ch.toUpperCase().charCodeAt(0) & 0xff] = 1;
  }
  return t;
}
const NO_HEADERS = new Uint8Array(256);

/**
 * Exchange's CSV logs (HttpProxy, ECP, Rps_Http, OAB generator) and CSV exports with a header.
 * Header lines may come as `#Fields: …`, as a bare header row, or not at all (fallback order).
 */
export class CsvLogHandler implements Handler {
  everyLine = false;
  readonly contextNeedles: readonly string[] = [];
  readonly hasTimes = true;
  private names: readonly string[] | null = null;
  private usedFallback = false;
  private readonly firstName: Uint8Array;
  readonly headerStart: Uint8Array;

  constructor(
    /** Column order to fall back to when the file has no header. */
    private readonly fallback: readonly string[] | null,
    /** First header name, to recognise bare header rows (repeated when logs are concatenated). */
    firstName: string,
    private readonly delimiter = ',',
  ) {
    this.firstName = new Uint8Array([...firstName.toLowerCase()].map((c) => c.charCodeAt(0)));
    this.headerStart = startBytes(`#"${firstName[0] ?? '#'}`);
  }

  isHeader(buf: Uint8Array, start: number, end: number): boolean {
    if (start >= end) return false;
    if (buf[start] === HASH) return true;
    let i = start;
    if (buf[i] === 0x22) i++; // "DateTime",…
    const f = this.firstName;
    if (end - i < f.length + 1) return false;
    for (let j = 0; j < f.length; j++) if ((buf[i + j]! | 0x20) !== f[j]) return false;
    const after = buf[i + f.length]!;
    return after === 0x2c || after === 0x22 || after === 0x09;
  }

  header(text: string): void {
    const t = text.replace(/^\uFEFF/, '');
    if (/^#Fields:/i.test(t)) this.names = headerNames(t, this.delimiter);
    else if (!t.startsWith('#')) this.names = headerNames(t, this.delimiter);
  }

  push(text: string, lineNo: number): LineOut[] {
    if (text.trim() === '') return [];
    const values = splitCsv(text, this.delimiter);
    let names = this.names;
    if (!names) {
      names = this.fallback ?? [];
      if (this.fallback) this.usedFallback = true;
    }
    const rec: LineRecord = { line: text };
    // A header-less file of another build may have other columns after the first 29: only trust
    // the fallback's tail when the count matches.
    mapFields(this.names || values.length === names.length ? names : names.slice(0, 29), values, rec);
    if (!this.names) {
      // Routing values are recognisable by their prefix wherever they landed.
      for (const v of values) {
        if (/^ServerInfo~/i.test(v) && !/^ServerInfo~/i.test(rec.anchor ?? '')) rec.anchor = v;
        else if (/^Server~/i.test(v) && !rec.cookie) rec.cookie = v;
      }
    }
    return [{ lineNo, rec: finishRecord(rec, true) }];
  }

  flush(): LineOut[] {
    return [];
  }

  notes(): string[] {
    return this.usedFallback
      ? [
          'No header line (#Fields or column names) before the data: columns were read in the order Exchange 2016 and 2019 write them. If this log comes from another version, some fields may be misread.',
        ]
      : [];
  }
}

/** IIS W3C logs: space-separated, `#Fields:` directives (possibly several per file, in any order). */
export class W3cHandler implements Handler {
  everyLine = false;
  readonly headerStart = startBytes('#');
  readonly contextNeedles: readonly string[] = [];
  readonly hasTimes = true;
  private names: readonly string[] | null = null;
  private usedDefault = false;

  isHeader(buf: Uint8Array, start: number, end: number): boolean {
    return start < end && buf[start] === HASH;
  }

  header(text: string): void {
    if (/^#Fields:/i.test(text)) this.names = headerNames(text, ' ');
  }

  push(text: string, lineNo: number): LineOut[] {
    if (text.trim() === '') return [];
    if (!this.names) this.usedDefault = true;
    const rec = mapFields(this.names ?? IIS_DEFAULT_FIELDS, text.trim().split(/ +/), { line: text });
    return [{ lineNo, rec: finishRecord(rec, true) }];
  }

  flush(): LineOut[] {
    return [];
  }

  notes(): string[] {
    return this.usedDefault
      ? ['No #Fields line before the data: IIS’s default field order was assumed for those lines.']
      : [];
  }
}

/** Plain lines (OAB generator logs, file contents, unknown text): the record is the line itself. */
export class PlainHandler implements Handler {
  everyLine = false;
  readonly headerStart = NO_HEADERS;
  readonly contextNeedles: readonly string[] = [];
  constructor(readonly hasTimes: boolean) {}
  isHeader(): boolean {
    return false;
  }
  header(): void {}
  push(text: string, lineNo: number): LineOut[] {
    const rec: LineRecord = { line: text };
    if (this.hasTimes) {
      // OAB generator and similar logs start with a timestamp field
      const first = /^"?(\d{4}-\d{2}-\d{2}[T ][0-9:.]{8,16}Z?)/.exec(text);
      if (first) rec.time = first[1]!;
    }
    return [{ lineNo, rec: finishRecord(rec, true) }];
  }
  flush(): LineOut[] {
    return [];
  }
  notes(): string[] {
    return [];
  }
}
