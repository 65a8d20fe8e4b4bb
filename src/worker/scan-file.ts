/**
 * Reads one dropped file in chunks and streams it through the triage core: plain text as it is, a
 * gzip file through the browser's DecompressionStream, a zip archive entry by entry through fflate's
 * streaming Unzip. No file is ever held whole in memory or turned into one string, so files larger
 * than any string or buffer limit scan too. Never throws: whatever goes wrong becomes a report with
 * a `problem` that names the file.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { createScanner, type FileReport, type FileScanner } from '../triage/index.ts';
import { errorText } from './error-text.ts';
import { MAX_UNPACKED_BYTES, MAX_UNPACKED_TEXT } from './limits.ts';

/** What one file turns into: reports (one per file inside an archive) and reading progress. */
export interface ScanSink {
  /** Bytes of the dropped file read so far (compressed bytes for an archive). */
  progress(read: number): void;
  /** One scanned file; `problem` says in plain words why it was not read to its end. */
  report(report: FileReport, problem?: string): void;
}

export type Container = 'plain' | 'gzip' | 'zip';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/** What a file is, from its first bytes: the name can lie, the bytes cannot. */
export function containerOf(head: Uint8Array): Container {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(GZIP_MAGIC)) return 'gzip';
  if (starts(ZIP_MAGIC) || starts(EMPTY_ZIP_MAGIC)) return 'zip';
  return 'plain';
}

/** `HttpProxy_2021030302-1.LOG.gz` → `HttpProxy_2021030302-1.LOG`: the name the text inside had. */
export function unpackedName(path: string): string {
  return /\.(gz|gzip)$/i.test(path) ? path.replace(/\.(gz|gzip)$/i, '') : `${path} (unpacked)`;
}

const mib = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${bytes.toLocaleString('en')} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Reads a stream to its end, handing each chunk to `each`; stops early when `each` returns false. */
async function pump(
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  each: (chunk: Uint8Array) => boolean,
): Promise<void> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!each(value)) {
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Limits, replaceable by tests. */
export interface ScanLimits {
  maxUnpacked: number;
  maxUnpackedText: string;
}
const LIMITS: ScanLimits = { maxUnpacked: MAX_UNPACKED_BYTES, maxUnpackedText: MAX_UNPACKED_TEXT };

/** A file's bytes as a stream: its own stream, or one read ahead by a reader worker. */
export type Open = (file: Blob) => ReadableStream<Uint8Array<ArrayBuffer>>;
const ownStream: Open = (file) => file.stream();

export interface ScanOptions {
  limits?: ScanLimits;
  open?: Open;
}

/** Scans one file; resolves when every report for it has gone to the sink. */
export async function scanFile(file: Blob, path: string, sink: ScanSink, options: ScanOptions = {}): Promise<void> {
  const limits = options.limits ?? LIMITS;
  const open = options.open ?? ownStream;
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  } catch (error) {
    sink.report(
      createScanner(path).finish(),
      `“${path}” could not be read (${errorText(error)}). Was it moved or deleted after it was chosen?`,
    );
    return;
  }
  const container = containerOf(head);
  if (container === 'gzip') return scanGzip(open(file), path, sink, limits);
  if (container === 'zip') return scanZip(open(file), path, sink, limits);
  return scanPlain(open(file), path, sink);
}

async function scanPlain(bytes: ReadableStream<Uint8Array<ArrayBuffer>>, path: string, sink: ScanSink): Promise<void> {
  const scanner = createScanner(path);
  let read = 0;
  try {
    await pump(bytes, (chunk) => {
      scanner.push(chunk);
      read += chunk.length;
      sink.progress(read);
      // A binary file is not read past its first bytes: a mistaken 2 GB database costs nothing.
      return scanner.wantsMore();
    });
    sink.report(scanner.finish());
  } catch (error) {
    sink.report(
      scanner.finish(),
      `Reading “${path}” stopped after ${mib(read)} (${errorText(error)}): only the lines before that were checked.`,
    );
  }
}

async function scanGzip(
  bytes: ReadableStream<Uint8Array<ArrayBuffer>>,
  path: string,
  sink: ScanSink,
  limits: ScanLimits,
): Promise<void> {
  const name = unpackedName(path);
  const scanner = createScanner(name);
  let read = 0;
  let unpacked = 0;
  let tooBig = false;
  const counted = bytes.pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, BufferSource>({
      transform(chunk, controller) {
        read += chunk.length;
        sink.progress(read);
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    await pump(counted.pipeThrough(new DecompressionStream('gzip')), (chunk) => {
      if (unpacked + chunk.length > limits.maxUnpacked) {
        scanner.push(chunk.subarray(0, limits.maxUnpacked - unpacked));
        tooBig = true;
        return false;
      }
      unpacked += chunk.length;
      scanner.push(chunk);
      return scanner.wantsMore();
    });
    sink.report(
      scanner.finish(),
      tooBig
        ? `“${path}” unpacks to more than ${limits.maxUnpackedText}, the limit for one compressed file: only its first ${limits.maxUnpackedText} were checked.`
        : undefined,
    );
  } catch (error) {
    sink.report(
      scanner.finish(),
      `“${path}” is damaged or cut off: its gzip data stops making sense after ${mib(unpacked)} of text (${errorText(error)}). The lines before that were checked.`,
    );
  }
}

interface Entry {
  name: string;
  scanner: FileScanner;
  unpacked: number;
  tooBig: boolean;
  failed: string | null;
}

async function scanZip(
  bytes: ReadableStream<Uint8Array<ArrayBuffer>>,
  path: string,
  sink: ScanSink,
  limits: ScanLimits,
): Promise<void> {
  let read = 0;
  let entries = 0;
  let current: Entry | null = null;
  const finish = (entry: Entry, problem?: string): void => {
    if (current === entry) current = null;
    const report = entry.scanner.finish();
    sink.report(
      report,
      problem ??
        entry.failed ??
        (entry.tooBig
          ? `“${entry.name}” unpacks to more than ${limits.maxUnpackedText}, the limit for one compressed file: only its first ${limits.maxUnpackedText} were checked.`
          : undefined),
    );
  };
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (zipped: UnzipFile) => {
    // Folders are entries too; they hold no text.
    if (zipped.name.endsWith('/')) return;
    entries++;
    const entry: Entry = {
      name: `${path} › ${zipped.name}`,
      scanner: createScanner(`${path} › ${zipped.name}`),
      unpacked: 0,
      tooBig: false,
      failed: null,
    };
    if (zipped.compression !== 0 && zipped.compression !== 8) {
      finish(
        entry,
        `“${entry.name}” is packed with a method the browser cannot unpack (zip method ${zipped.compression}; only “stored” and “deflate” are supported). Unpack the archive and drop the file itself.`,
      );
      return;
    }
    if (current)
      finish(current, `“${current.name}” ends early in the archive: only the lines before that were checked.`);
    current = entry;
    zipped.ondata = (error, data, final) => {
      if (entry.failed !== null || entry.tooBig) {
        if (final) finish(entry);
        return;
      }
      if (error) {
        entry.failed = `“${entry.name}” is damaged (${errorText(error)}) after ${mib(entry.unpacked)}: only the lines before that were checked.`;
        finish(entry);
        return;
      }
      if (entry.unpacked + data.length > limits.maxUnpacked) {
        entry.scanner.push(data.subarray(0, limits.maxUnpacked - entry.unpacked));
        entry.tooBig = true;
      } else {
        entry.unpacked += data.length;
        entry.scanner.push(data);
      }
      if (final) finish(entry);
    };
    try {
      zipped.start();
    } catch (error) {
      finish(entry, `“${entry.name}” could not be unpacked (${errorText(error)}).`);
    }
  };
  let problem: string | null = null;
  try {
    await pump(bytes, (chunk) => {
      read += chunk.length;
      unzip.push(chunk);
      sink.progress(read);
      return true;
    });
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    problem = `“${path}” is damaged or cut off after ${mib(read)} (${errorText(error)}).`;
  }
  const open = current as Entry | null;
  if (open)
    finish(
      open,
      `“${open.name}” is cut off: the archive ends in the middle of it. The lines before that were checked.`,
    );
  if (entries === 0 || problem)
    sink.report(
      createScanner(path).finish(),
      problem ?? `No file was found in the zip archive “${path}”: it is empty, damaged, or not a zip file after all.`,
    );
}
