/**
 * A file the user opened, turned into text for the checker — in the browser, nothing is uploaded.
 * Pure (bytes in, text or a message out), so it is unit-tested without a browser.
 *
 * What admins have at hand: HealthChecker's .txt or .html report, a saved PowerShell transcript or
 * `Out-File` output (UTF-16 LE with a byte-order mark in Windows PowerShell 5.1), `Set-Content`
 * output (the Windows "ANSI" code page, windows-1252 in the West), CSV exports, logs and .eml
 * messages. Anything else, or anything binary, gets a message naming the file.
 */
import { MAX_INPUT_CHARS, MAX_SOURCES, MAX_SOURCES_CHARS } from '../checker/limits.ts';
import type { SourceText } from '../checker/types.ts';
import { htmlToText } from './html-text.ts';

/** Largest file we read: the checker's 2 million characters, stored as UTF-16 (two bytes each). */
export const MAX_FILE_BYTES = 2 * MAX_INPUT_CHARS;

export type FileText = { ok: true; text: string; kind: 'text' | 'html' | 'eml' } | { ok: false; message: string };

/** `4 MB` (decimal megabytes, one decimal when it matters). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

const limitWords = `${megabytes(MAX_FILE_BYTES)} (${(MAX_INPUT_CHARS / 1_000_000).toString()} million characters)`;

/**
 * The message for a file too large to read, or `null`; checked before reading, from its size alone.
 * @example tooLarge('big.log', 9_000_000) // '“big.log” is 9 MB; we read files up to 4 MB (2 million characters). …'
 */
export function tooLarge(name: string, bytes: number): string | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  const shown = megabytes(bytes);
  const size = shown === megabytes(MAX_FILE_BYTES) ? `over ${shown}` : shown;
  return `“${name}” is ${size}; we read files up to ${limitWords}. Open only the part with version numbers, or paste it.`;
}

export const notText = (name: string): string =>
  `“${name}” is not a text file. Open a text file: a HealthChecker report (.txt or .html), a PowerShell transcript, a CSV export, a .log or an .eml message.`;

export const unreadable = (name: string): string => `“${name}” could not be read. Open it again, or paste its text.`;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How much of a file the binary and encoding checks look at. */
const SAMPLE = 65_536;
/** Share of undecodable or control bytes above which a file without NUL bytes counts as binary. */
const BINARY_RATIO = 0.1;

/**
 * The text encoding of `bytes` and where the text starts (after a byte-order mark), or `null` for a
 * binary file. A byte-order mark decides; without one, NUL bytes mean UTF-16 when they sit in every
 * other byte (ASCII-range text), else binary; then UTF-8 when it decodes cleanly, windows-1252 when a
 * few bytes do not (Windows' "ANSI" files), binary when many do or control bytes abound.
 */
export function sniffEncoding(bytes: Uint8Array): { encoding: Encoding; start: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  const sample = bytes.subarray(0, SAMPLE);
  let evenZeros = 0;
  let oddZeros = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (b < 9 || (b > 13 && b < 32 && b !== 27) || b === 127) control++;
  }
  if (evenZeros + oddZeros > 0) {
    const pairs = Math.max(1, Math.floor(sample.length / 2));
    // A character such as U+0100 puts a NUL in the other half now and then: allow a few.
    if (oddZeros > pairs * 0.3 && evenZeros < oddZeros * 0.05) return { encoding: 'utf-16le', start: 0 };
    if (evenZeros > pairs * 0.3 && oddZeros < evenZeros * 0.05) return { encoding: 'utf-16be', start: 0 };
    return null;
  }
  if (control > sample.length * BINARY_RATIO) return null;
  // A multi-byte character may be cut at the sample's end: stream mode leaves it undecoded.
  const decoded = new TextDecoder('utf-8').decode(sample, { stream: sample.length < bytes.length });
  let bad = 0;
  for (let i = decoded.indexOf('\uFFFD'); i !== -1; i = decoded.indexOf('\uFFFD', i + 1)) bad++;
  if (bad === 0) return { encoding: 'utf-8', start: 0 };
  return bad > decoded.length * BINARY_RATIO ? null : { encoding: 'windows-1252', start: 0 };
}

const HTML_NAME = /\.x?html?$/i;
const HTML_START = /^\s*<(?:!doctype\s+html|html|head|body|table)\b/i;
const EML_NAME = /\.eml$/i;

/**
 * The header section of an e-mail message: everything before the first empty line. The Received
 * headers are there; a message body (attachments encoded in base64 among them) is not read.
 */
export function emailHeaders(text: string): string {
  const m = /\r?\n[ \t]*\r?\n/.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/**
 * The text of a file for the checker, or a message naming the file.
 * @example fileToText('hc.txt', new TextEncoder().encode('Build Number: 15.2.1118.9')) // { ok: true, text: 'Build Number: 15.2.1118.9', kind: 'text' }
 */
export function fileToText(name: string, bytes: Uint8Array): FileText {
  const size = tooLarge(name, bytes.length);
  if (size) return { ok: false, message: size };
  const sniffed = sniffEncoding(bytes);
  if (!sniffed) return { ok: false, message: notText(name) };
  let text: string;
  try {
    text = new TextDecoder(sniffed.encoding).decode(bytes.subarray(sniffed.start));
  } catch {
    return { ok: false, message: unreadable(name) };
  }
  let kind: 'text' | 'html' | 'eml' = 'text';
  if (EML_NAME.test(name)) {
    text = emailHeaders(text);
    kind = 'eml';
  } else if (HTML_NAME.test(name) || HTML_START.test(text.slice(0, 200))) {
    text = htmlToText(text);
    kind = 'html';
  }
  if (text.length > MAX_INPUT_CHARS)
    return {
      ok: false,
      message: `“${name}” holds ${(text.length / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} million characters; we read files up to ${limitWords}. Open only the part with version numbers, or paste it.`,
    };
  return { ok: true, text, kind };
}

/** A file that could not be read, with the message that names it. */
export interface FileProblem {
  name: string;
  message: string;
}

/**
 * Reads files (a FileList or dropped files) into named texts for the checker, in order; a file too
 * large (judged from its size, before reading), binary or unreadable becomes a problem that names it.
 * Past the checker's limits for one go (20 files, 10 million characters together) the remaining
 * files are not read, and each is named.
 */
export async function readFiles(
  files: readonly Pick<File, 'name' | 'size' | 'arrayBuffer'>[],
): Promise<{ sources: SourceText[]; problems: FileProblem[] }> {
  const sources: SourceText[] = [];
  const problems: FileProblem[] = [];
  let chars = 0;
  for (const [i, file] of files.entries()) {
    if (i >= MAX_SOURCES) {
      problems.push({
        name: file.name,
        message: `“${file.name}” was not read: we read at most ${MAX_SOURCES.toString()} files at once.`,
      });
      continue;
    }
    const big = tooLarge(file.name, file.size);
    if (big) {
      problems.push({ name: file.name, message: big });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      problems.push({ name: file.name, message: unreadable(file.name) });
      continue;
    }
    const read = fileToText(file.name, bytes);
    if (!read.ok) problems.push({ name: file.name, message: read.message });
    else if (chars + read.text.length > MAX_SOURCES_CHARS)
      problems.push({
        name: file.name,
        message: `“${file.name}” was not read: together with the files before it, it holds more than ${(MAX_SOURCES_CHARS / 1_000_000).toString()} million characters, the most we read at once.`,
      });
    else {
      chars += read.text.length;
      sources.push({ name: file.name, text: read.text });
    }
  }
  return { sources, problems };
}
