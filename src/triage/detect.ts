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
export const PST_MAGIC = ascii('!BDN');
export const DER_MAGIC = [0x30, 0x82];

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

/**
 * @param rawHead first bytes of the file as stored (before any byte-order mark is removed)
 * @param sample the first part of the file decoded as text (after BOM removal / UTF-16 conversion)
 * @param binary the sample holds NUL bytes
 */
export function detect(fileName: string, rawHead: Uint8Array, sample: string, binary: boolean): Detection {
  const name = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  const notes: string[] = [];
  const done = (kind: FileKind, handler: Handler, stop = false): Detection => ({ kind, handler, notes, stop });

  if (binary) {
    if (startsWith(rawHead, PST_MAGIC) || startsWith(rawHead, DER_MAGIC)) {
      notes.push(
        startsWith(rawHead, PST_MAGIC)
          ? 'Binary file that starts like a PST mailbox export: checked for the page code ProxyShell attackers hid in such files.'
          : 'Binary file that starts like a certificate request: checked for the page code ProxyShell attackers hid in such files.',
      );
      return done('file-content', new PlainHandler(false));
    }
    const known = BINARY.find((b) => startsWith(rawHead, b.magic));
    notes.push(
      known?.note ??
        'This looks like a binary file, not text: it was not read. Drop logs, listings and hash lists as text files.',
    );
    return done('unknown', new PlainHandler(false), true);
  }

  const lines: string[] = [];
  for (let i = 0, n = 0; n < LINES_TO_SNIFF && i <= sample.length; n++) {
    let j = sample.indexOf('\n', i);
    if (j < 0) j = sample.length;
    lines.push(sample.slice(i, j).replace(/\r$/, ''));
    i = j + 1;
  }
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) {
    notes.push(sample.length === 0 ? 'The file is empty.' : 'The file holds only blank lines.');
    return done('unknown', new PlainHandler(false));
  }

  // Test-ProxyLogon's output: the script's file names, or its exact columns.
  const tplByName = tplFileFromName(name);
  if (tplByName) return done('test-proxylogon', new TplOutputHandler(tplByName));

  const directive = (key: string) =>
    lines
      .find((l) => l.toLowerCase().startsWith(key))
      ?.slice(key.length)
      .trim() ?? null;
  const software = directive('#software:');
  const logType = directive('#log-type:');
  const fields = lines.find((l) => /^#Fields:/i.test(l)) ?? null;
  const firstData = nonEmpty.find((l) => !l.startsWith('#')) ?? '';

  if (
    /internet information services/i.test(software ?? '') ||
    (fields && /cs-method|cs-uri-stem|\bc-ip\b/i.test(fields))
  )
    return done('iis', new W3cHandler());

  // A header: #Fields: or the first line of a CSV export
  const headerLine = fields ?? firstData;
  const delimiter = headerLine.includes('\t') && !headerLine.includes(',') ? '\t' : ',';
  const names = headerNames(headerLine, delimiter);
  const has = (n: string) => names.includes(n);

  // Test-ProxyLogon's 26855 output has HttpProxy columns too, but exactly its own nine
  const tplByHeader = tplFileFromHeader(names);
  if (tplByHeader) return done('test-proxylogon', new TplOutputHandler(tplByHeader));
  if (/httpproxy/i.test(logType ?? '') || (has('anchormailbox') && has('urlstem')))
    return done('httpproxy', new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime'));
  if (/ecp/i.test(logType ?? '') || (has('eventdata') && has('servername')))
    return done('ecp-server', new CsvLogHandler(ECP_FIELDS, 'TimeStamp'));
  if (/rps|powershell/i.test(logType ?? '') || (has('clientinfo') && has('commandname')))
    return done('rps-http', new CsvLogHandler(RPS_FIELDS, 'DateTime'));
  if (/oab/i.test(logType ?? '')) return done('oab-generator', new PlainHandler(true));

  const typeLine = nonEmpty[0]!;
  if (
    /^#TYPE System\.Diagnostics\.(Eventing\.Reader\.EventLogRecord|EventLogEntry)/i.test(typeLine) ||
    eventCsvLike(names)
  )
    return done('event-log', new EventLogHandler(delimiter === '\t' ? 'tsv' : 'csv'));
  const secondNames = headerNames(nonEmpty[1] ?? '', ',');
  if (typeLine.startsWith('#TYPE') && eventCsvLike(secondNames)) return done('event-log', new EventLogHandler('csv'));

  // Hash lists
  const hashRow = /^(?:[0-9a-f]{64}\s+\*?\S|"?SHA256"?[\s,]+"?[0-9a-f]{64})/i;
  if (
    (has('algorithm') && has('hash')) ||
    nonEmpty.some((l) => /^\s*Algorithm\s+Hash\s+Path\s*$/i.test(l) || /^\s*Algorithm\s*:\s*SHA/i.test(l)) ||
    nonEmpty.filter((l) => hashRow.test(l.trim())).length * 2 >= nonEmpty.length
  )
    return done('file-hashes', new ListingHandler(true));

  // Directory listings
  const pathLine = /^\s*"?(?:[A-Za-z]:\\|\\\\[^\\]|\/[^/])/;
  if (
    nonEmpty.some((l) => /^\s*Directory(?::| of)\s+\S/i.test(l) || /^\s*Mode\s+LastWriteTime\b/i.test(l)) ||
    has('fullname') ||
    nonEmpty.filter((l) => pathLine.test(l)).length * 2 >= nonEmpty.length
  )
    return done('file-listing', new ListingHandler(false));

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
    return done('event-log', new EventLogHandler('text'));

  // Header-less Exchange and IIS logs
  const isoCsv = /^"?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?"?,/;
  if (isoCsv.test(firstData)) {
    if (/,ECP\.[A-Za-z]+,|S:(?:TIME|CMD|URL)=/.test(firstData))
      return done('ecp-server', new CsvLogHandler(ECP_FIELDS, 'TimeStamp'));
    if (/oabgenerator/i.test(name) || /download failed and temporary file/i.test(sample))
      return done('oab-generator', new PlainHandler(true));
    if (/rps_http/i.test(name)) return done('rps-http', new CsvLogHandler(RPS_FIELDS, 'DateTime'));
    if (/^[^,]+,[0-9a-f-]{36},1[45],\d+,/i.test(firstData) || /httpproxy/i.test(name))
      return done('httpproxy', new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime'));
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ [A-Z_]{3,16} \//.test(firstData)) return done('iis', new W3cHandler());

  // Suspect files themselves
  // (a page or config starts with markup; a log line merely quoting a script does not)
  if (/^\s*</.test(nonEmpty[0]!) || ASPX_LIKE.test(name)) return done('file-content', new PlainHandler(false));

  // Names only
  if (/^httpproxy_/i.test(name)) return done('httpproxy', new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime'));
  if (/^ecpserver/i.test(name)) return done('ecp-server', new CsvLogHandler(ECP_FIELDS, 'TimeStamp'));
  if (/rps_http/i.test(name)) return done('rps-http', new CsvLogHandler(RPS_FIELDS, 'DateTime'));
  if (/oabgenerator/i.test(name)) return done('oab-generator', new PlainHandler(true));
  if (/^u_ex\d+/i.test(name)) return done('iis', new W3cHandler());

  notes.push(
    'Format not recognised: the file was only searched for indicators that need no format (exploit strings, web-shell commands, known hashes).',
  );
  return done('unknown', new PlainHandler(true));
}
