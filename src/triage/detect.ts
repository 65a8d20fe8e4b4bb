/**
 * What is this file? Decided from its first bytes and first lines (content first), then its name.
 * Returns the kind, the handler that will read its lines, and notes for the report.
 */
import { headerNames } from './csv.ts';
import { EventLogHandler } from './eventlog.ts';
import {
  CsvLogHandler,
  ECP_FIELDS,
  HTTPPROXY_FIELDS,
  type Handler,
  PlainHandler,
  RPS_FIELDS,
  W3cHandler,
} from './formats.ts';
import { ListingHandler } from './listing.ts';
import { TplOutputHandler, tplFileFromHeader, tplFileFromName } from './tpl-output.ts';
import type { FileKind } from './types.ts';

export interface Detection {
  kind: FileKind;
  handler: Handler;
  notes: string[];
  /** Nothing more can be read from this file (binary of a kind we do not open). */
  stop: boolean;
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const PST_MAGIC = ascii('!BDN');
const DER_MAGIC = [0x30, 0x82];

/** Binary formats we recognise but do not read, with what to do instead. */
const BINARY: readonly { magic: readonly number[]; note: string }[] = [
  {
    magic: ascii('ElfFile\0'),
    note: 'This is a Windows event log in its binary .evtx form, which the browser cannot read. In Event Viewer choose “Save All Events As…” → CSV, or run: Get-WinEvent -LogName Application | Export-Csv app.csv, and drop that file.',
  },
  { magic: [0x50, 0x4b, 0x03, 0x04], note: 'This is a zip archive: unpack it and drop the files inside.' },
  { magic: [0x1f, 0x8b], note: 'This is a gzip-compressed file: unpack it and drop the file inside.' },
  { magic: ascii('7z'), note: 'This is a 7-Zip archive: unpack it and drop the files inside.' },
  { magic: ascii('Rar!'), note: 'This is a RAR archive: unpack it and drop the files inside.' },
  {
    magic: ascii('MZ'),
    note: 'This is a Windows program or library. Its content is not checked here; compare its SHA-256 (Get-FileHash) instead.',
  },
];

const LINES_TO_SNIFF = 200;
const ASPX_LIKE = /\.(aspx|ashx|asmx|asp|ascx|asax|master|config|cs|vb|req|pst)$/i;

function eventCsvLike(names: readonly string[]): boolean {
  const has = (n: string) => names.includes(n);
  return (
    (has('message') && (has('providername') || has('source') || has('eventid') || has('id'))) ||
    (has('source') && has('event id') && (has('date and time') || has('level')))
  );
}

/** What the file is and who reads it, before the notes are attached. */
type Kind = { kind: FileKind; handler: Handler };
/** null: this family of signs does not tell. */
type Found = Kind | null;

const found = (kind: FileKind, handler: Handler): Found => ({ kind, handler });
const httpProxy = () => found('httpproxy', new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime'));
const ecpServer = () => found('ecp-server', new CsvLogHandler(ECP_FIELDS, 'TimeStamp'));
const rpsHttp = () => found('rps-http', new CsvLogHandler(RPS_FIELDS, 'DateTime'));
const oabGenerator = () => found('oab-generator', new PlainHandler(true));

/** The first lines of a text file, and what its name and first data line say. */
interface Sniffed {
  /** File name without folders, lower-cased. */
  name: string;
  sample: string;
  lines: string[];
  nonEmpty: string[];
  /** The first non-blank line that is not a `#` directive ('' if none). */
  firstData: string;
}

/** Its header: W3C directives, or the first line of a CSV export, read as column names. */
interface Header {
  software: string | null;
  logType: string | null;
  fields: string | null;
  delimiter: ',' | '\t';
  names: string[];
  has: (name: string) => boolean;
}

/** A binary file: only PST exports and certificate requests are read (ProxyShell hid pages in them). */
function detectBinary(rawHead: Uint8Array, notes: string[]): Detection {
  if (startsWith(rawHead, PST_MAGIC) || startsWith(rawHead, DER_MAGIC)) {
    notes.push(
      startsWith(rawHead, PST_MAGIC)
        ? 'Binary file that starts like a PST mailbox export: checked for the page code ProxyShell attackers hid in such files.'
        : 'Binary file that starts like a certificate request: checked for the page code ProxyShell attackers hid in such files.',
    );
    return { kind: 'file-content', handler: new PlainHandler(false), notes, stop: false };
  }
  const known = BINARY.find((b) => startsWith(rawHead, b.magic));
  notes.push(
    known?.note ??
      'This looks like a binary file, not text: it was not read. Drop logs, listings and hash lists as text files.',
  );
  return { kind: 'unknown', handler: new PlainHandler(false), notes, stop: true };
}

/** The first LINES_TO_SNIFF lines of the sample, without their line ends. */
function sniffLines(sample: string): string[] {
  const lines: string[] = [];
  for (let i = 0, n = 0; n < LINES_TO_SNIFF && i <= sample.length; n++) {
    let j = sample.indexOf('\n', i);
    if (j < 0) j = sample.length;
    lines.push(sample.slice(i, j).replace(/\r$/, ''));
    i = j + 1;
  }
  return lines;
}

/** Reads the header once for every check that needs it. */
function readHeader({ lines, firstData }: Sniffed): Header {
  const directive = (key: string) =>
    lines
      .find((l) => l.toLowerCase().startsWith(key))
      ?.slice(key.length)
      .trim() ?? null;
  const fields = lines.find((l) => /^#Fields:/i.test(l)) ?? null;
  const headerLine = fields ?? firstData;
  const delimiter = headerLine.includes('\t') && !headerLine.includes(',') ? '\t' : ',';
  const names = headerNames(headerLine, delimiter);
  return {
    software: directive('#software:'),
    logType: directive('#log-type:'),
    fields,
    delimiter,
    names,
    has: (n) => names.includes(n),
  };
}

/** Signs in the header: W3C directives, Exchange's #Log-type, known column sets, PowerShell's #TYPE. */
function byHeader(h: Header, { nonEmpty }: Sniffed): Found {
  const { logType, fields, has } = h;
  if (
    /internet information services/i.test(h.software ?? '') ||
    (fields && /cs-method|cs-uri-stem|\bc-ip\b/i.test(fields))
  )
    return found('iis', new W3cHandler());
  // Test-ProxyLogon's 26855 output has HttpProxy columns too, but exactly its own nine
  const tplByHeader = tplFileFromHeader(h.names);
  if (tplByHeader) return found('test-proxylogon', new TplOutputHandler(tplByHeader));
  if (/httpproxy/i.test(logType ?? '') || (has('anchormailbox') && has('urlstem'))) return httpProxy();
  if (/ecp/i.test(logType ?? '') || (has('eventdata') && has('servername'))) return ecpServer();
  if (/rps|powershell/i.test(logType ?? '') || (has('clientinfo') && has('commandname'))) return rpsHttp();
  if (/oab/i.test(logType ?? '')) return oabGenerator();

  const typeLine = nonEmpty[0]!;
  if (
    /^#TYPE System\.Diagnostics\.(Eventing\.Reader\.EventLogRecord|EventLogEntry)/i.test(typeLine) ||
    eventCsvLike(h.names)
  )
    return found('event-log', new EventLogHandler(h.delimiter === '\t' ? 'tsv' : 'csv'));
  const secondNames = headerNames(nonEmpty[1] ?? '', ',');
  if (typeLine.startsWith('#TYPE') && eventCsvLike(secondNames)) return found('event-log', new EventLogHandler('csv'));
  return null;
}

/** Signs spread over many lines: hash lists, directory listings, events exported as "Key : value". */
function byContentMarkers({ has }: Header, { nonEmpty }: Sniffed): Found {
  // Hash lists
  const hashRow = /^(?:[0-9a-f]{64}\s+\*?\S|"?SHA256"?[\s,]+"?[0-9a-f]{64})/i;
  if (
    (has('algorithm') && has('hash')) ||
    nonEmpty.some((l) => /^\s*Algorithm\s+Hash\s+Path\s*$/i.test(l) || /^\s*Algorithm\s*:\s*SHA/i.test(l)) ||
    nonEmpty.filter((l) => hashRow.test(l.trim())).length * 2 >= nonEmpty.length
  )
    return found('file-hashes', new ListingHandler(true));

  // Directory listings
  const pathLine = /^\s*"?(?:[A-Za-z]:\\|\\\\[^\\]|\/[^/])/;
  if (
    nonEmpty.some((l) => /^\s*Directory(?::| of)\s+\S/i.test(l) || /^\s*Mode\s+LastWriteTime\b/i.test(l)) ||
    has('fullname') ||
    nonEmpty.filter((l) => pathLine.test(l)).length * 2 >= nonEmpty.length
  )
    return found('file-listing', new ListingHandler(false));

  // Event log exported as "Key : value" text
  const keyCount = new Set(
    nonEmpty
      .map((l) =>
        /^\s*(Log Name|Source|Event ID|ProviderName|TimeCreated|Id|Message|EntryType|Date)\s*:/i
          .exec(l)?.[1]
          ?.toLowerCase(),
      )
      .filter(Boolean),
  ).size;
  if (keyCount >= 3 || nonEmpty.some((l) => /^Event\[\d+\]:/.test(l)))
    return found('event-log', new EventLogHandler('text'));
  return null;
}

/** Header-less Exchange and IIS logs, known by the shape of their first data line; and suspect files themselves. */
function byFirstLine({ name, sample, nonEmpty, firstData }: Sniffed): Found {
  const isoCsv = /^"?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?"?,/;
  if (isoCsv.test(firstData)) {
    if (/,ECP\.[A-Za-z]+,|S:(?:TIME|CMD|URL)=/.test(firstData)) return ecpServer();
    if (/oabgenerator/i.test(name) || /download failed and temporary file/i.test(sample)) return oabGenerator();
    if (/rps_http/i.test(name)) return rpsHttp();
    if (/^[^,]+,[0-9a-f-]{36},1[45],\d+,/i.test(firstData) || /httpproxy/i.test(name)) return httpProxy();
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ [A-Z_]{3,16} \//.test(firstData)) return found('iis', new W3cHandler());

  // A page or config starts with markup; a log line merely quoting a script does not
  if (/^\s*</.test(nonEmpty[0]!) || ASPX_LIKE.test(name)) return found('file-content', new PlainHandler(false));
  return null;
}

/** The file name alone, when nothing in the content told. */
function byFileName(name: string): Found {
  if (/^httpproxy_/i.test(name)) return httpProxy();
  if (/^ecpserver/i.test(name)) return ecpServer();
  if (/rps_http/i.test(name)) return rpsHttp();
  if (/oabgenerator/i.test(name)) return oabGenerator();
  if (/^u_ex\d+/i.test(name)) return found('iis', new W3cHandler());
  return null;
}

/** A text file: tries each family of signs in order, content before name, and takes the first that answers. */
function detectText(name: string, sample: string, notes: string[]): Detection {
  const done = (f: Kind): Detection => ({ ...f, notes, stop: false });
  const lines = sniffLines(sample);
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) {
    notes.push(sample.length === 0 ? 'The file is empty.' : 'The file holds only blank lines.');
    return done({ kind: 'unknown', handler: new PlainHandler(false) });
  }
  // Test-ProxyLogon's output: the script's file names here, or its exact columns in byHeader.
  const tplByName = tplFileFromName(name);
  if (tplByName) return done({ kind: 'test-proxylogon', handler: new TplOutputHandler(tplByName) });

  const s: Sniffed = { name, sample, lines, nonEmpty, firstData: nonEmpty.find((l) => !l.startsWith('#')) ?? '' };
  const h = readHeader(s);
  const answer = byHeader(h, s) ?? byContentMarkers(h, s) ?? byFirstLine(s) ?? byFileName(name);
  if (answer) return done(answer);
  notes.push(
    'Format not recognised: the file was only searched for indicators that need no format (exploit strings, web-shell commands, known hashes).',
  );
  return done({ kind: 'unknown', handler: new PlainHandler(true) });
}

/**
 * @param rawHead first bytes of the file as stored (before any byte-order mark is removed)
 * @param sample the first part of the file decoded as text (after BOM removal / UTF-16 conversion)
 * @param binary the sample holds NUL bytes
 */
export function detect(fileName: string, rawHead: Uint8Array, sample: string, binary: boolean): Detection {
  const notes: string[] = [];
  if (binary) return detectBinary(rawHead, notes);
  return detectText(fileName.replace(/^.*[\\/]/, '').toLowerCase(), sample, notes);
}
