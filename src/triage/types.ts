/**
 * Public types of the triage core ("Was this server attacked?"). The page and its worker build on
 * these: additions are fine, renames are not. Every string here is plain text; the UI renders it as
 * text, never as HTML.
 */

/** What a file was recognised as. Detected from its content first, its name second. */
export type FileKind =
  | 'httpproxy' // Exchange HttpProxy log (Logging\HttpProxy\<protocol>\HttpProxy_*.LOG)
  | 'ecp-server' // Exchange ECP server (or activity) log (Logging\ECP\Server\ECPServer*.LOG)
  | 'oab-generator' // Exchange OAB generator log (Logging\OABGeneratorLog)
  | 'rps-http' // Exchange remote PowerShell proxy log (Logging\CmdletInfra\Powershell-Proxy\Http\*Rps_Http_*)
  | 'iis' // IIS W3C log (inetpub\logs\LogFiles\W3SVC1 or W3SVC2, u_ex*.log)
  | 'event-log' // an exported Windows event log (CSV or text), e.g. Application or MSExchange Management
  | 'file-listing' // Get-ChildItem output, dir /s (/b) output, or a list of full paths
  | 'file-hashes' // Get-FileHash output (table, list or CSV) or sha256sum output
  | 'file-content' // a suspect file itself: .aspx/.ashx page, a config dump, an exported PST renamed .aspx
  | 'test-proxylogon' // an output file of Microsoft's Test-ProxyLogon.ps1
  | 'unknown'; // anything else: only format-free indicators are looked for

/** Which attack campaign or bug family a rule is about. */
export type Family = 'proxylogon' | 'proxyshell' | 'proxynotshell' | 'owassrf' | 'webshell' | 'other';

/**
 * How strong the evidence is.
 * - `compromise`: evidence an attack worked (an exploit request answered 200, a malicious
 *   virtual-directory config written, a web shell on disk or answering commands, a known bad hash).
 * - `attempt`: exploitation was tried; nothing here shows it worked.
 * - `suspicious`: worth a look, not specific to an attack.
 * - `info`: context (log coverage, scanners probing).
 */
export type Level = 'compromise' | 'attempt' | 'suspicious' | 'info';

/** Where a rule or indicator comes from. DRL 1.1 (Sigma, signature-base) requires the author with every match. */
export interface RuleSource {
  title: string;
  url: string;
  author?: string;
  licence?: string;
}

/** One piece of evidence, tied to one line of one file. */
export interface TriageFinding {
  /** Stable rule id, e.g. `'tpl-cve-2021-26855'`. */
  rule: string;
  /** Short human name of the rule. */
  title: string;
  family: Family;
  level: Level;
  cves: string[];
  /** 1-based line in the file (for file-wide content rules: the line of the first decisive string). */
  line: number;
  /** ISO 8601 time of the line when it has one; without `Z` it is the exporting machine's local time. */
  time: string | null;
  /** The evidence as plain text, at most about 300 characters (`…` marks a cut). */
  excerpt: string;
  /** Named values read from the line: ip, method, uri, status, userAgent, user, anchorMailbox, path, hash… */
  fields: Record<string, string>;
  /** What this means, in plain words (why the level, what to check next). */
  explanation: string;
  source: RuleSource;
}

/** The result of scanning one file. */
export interface FileReport {
  fileName: string;
  kind: FileKind;
  /** Number of lines read (split on `\n`; a final line without line ending counts). */
  lines: number;
  /** Bytes read (after the byte-order mark, before any UTF-16 conversion). */
  bytes: number;
  /** ISO 8601 span of the timestamps seen in a log (first and last data line, every finding). `null` when none. */
  from: string | null;
  to: string | null;
  findings: TriageFinding[];
  /** Plain-language caveats: truncation, binary input, missing header, no timestamps, findings capped… */
  notes: string[];
  /**
   * Set only when the scanner hit an internal error and stopped early: the report then covers the
   * lines before it. Never set for bad input (bad input gets a note); tests assert it stays unset.
   */
  error?: string;
}

/** A streaming scanner for one file: push bytes in order, then finish once. */
export interface FileScanner {
  /** Feed the next bytes of the file. Chunks may split lines and multi-byte characters anywhere. */
  push(chunk: Uint8Array): void;
  /**
   * False once more bytes cannot change the report (a binary file that is not read, or an internal
   * error): the reader may stop reading and call finish().
   */
  wantsMore(): boolean;
  /** Bytes and lines seen so far, for progress. */
  progress(): { bytes: number; lines: number; findings: number };
  /** End of file: returns the report. Calling push() afterwards is ignored. */
  finish(): FileReport;
}
