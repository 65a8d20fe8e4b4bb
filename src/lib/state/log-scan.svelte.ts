/**
 * State of the log-scan island: which files are being read, how far the worker has got, and the
 * reports that came back. The scanning itself happens in a worker (src/worker), started by the
 * lazily loaded scan runner; the wording of the report is in src/lib/log-report.ts.
 */
import type { PickedFile } from '../dropped-files.ts';
import { announcement, tally, type ScannedFile } from '../log-report.ts';
import type { RunningScan } from '../scan-runner.ts';
import type { WorkerMessage } from '../../worker/protocol.ts';

type Runner = typeof import('../scan-runner.ts');

export type ScanState = 'idle' | 'scanning' | 'done' | 'cancelled';

/** How often, at most, newly arrived reports are handed to the page: keeps a 10,000-file drop smooth. */
const FLUSH_MS = 250;

/** Workers reading at once: one per core, at most four (reading is CPU-bound in the triage core). */
function workerCount(files: number): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores, files));
}

/**
 * Shares files between `n` workers so each gets about as many bytes (largest first, to the worker
 * with the least so far, then the fewest files); each worker still reads its files in the order they were given.
 * @example partition([5, 1, 1, 3], 2) // [[0], [1, 2, 3]]
 */
export function partition(sizes: readonly number[], n: number): number[][] {
  const queues = Array.from({ length: Math.max(1, n) }, () => ({ bytes: 0, ids: [] as number[] }));
  const order = sizes.map((size, id) => ({ size, id })).sort((a, b) => b.size - a.size || a.id - b.id);
  for (const { size, id } of order) {
    const lightest = queues.reduce((best, q) =>
      q.bytes < best.bytes || (q.bytes === best.bytes && q.ids.length < best.ids.length) ? q : best,
    );
    lightest.bytes += size;
    lightest.ids.push(id);
  }
  return queues.map((q) => q.ids.sort((a, b) => a - b)).filter((ids) => ids.length > 0);
}

export class LogScanState {
  state = $state<ScanState>('idle');
  /** Every scanned text so far (one per file, one per file inside an archive), in arrival order. */
  results = $state.raw<ScannedFile[]>([]);
  /** Files in this scan and their total size. */
  fileCount = $state(0);
  totalBytes = $state(0);
  /** Files finished, and the bytes of those files. */
  filesDone = $state(0);
  bytesDone = $state(0);
  /** The files being read now, one per worker. */
  reading = $state.raw<{ id: number; path: string; size: number; read: number }[]>([]);
  /** Said when a drop had more files than one scan takes, or entries that could not be opened. */
  pickNote = $state('');
  /** Set when the scanner itself could not run. */
  failure = $state('');
  /** The one announcement of the end of a scan, for the polite live region. */
  announced = $state('');
  /** The scanner's code has loaded: a scan starts without any request. */
  ready = $state(false);

  #runner: Promise<Runner | null> | null = null;
  #scans: RunningScan[] = [];
  /** Workers that have not said 'done' yet. */
  #open = 0;
  /** Reports not yet shown, with the job each belongs to (the page lists them in drop order). */
  #pending: { id: number; file: ScannedFile }[] = [];
  #resultIds: number[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #lastFlush = -Infinity;
  /** Path and size of each file, by job id (the index in the scan's list). */
  #sizes: { path: string; size: number }[] = [];
  #run = 0;

  /** Overall progress, 0 to 1, by bytes read. */
  get fraction(): number {
    if (this.totalBytes === 0) return this.state === 'done' ? 1 : 0;
    const reading = this.reading.reduce((n, f) => n + Math.min(f.read, f.size), 0);
    return Math.min(1, (this.bytesDone + reading) / this.totalBytes);
  }

  /** Starts loading the scanner (the worker's code); safe to call often. */
  load(): Promise<Runner | null> {
    this.#runner ??= import('../scan-runner.ts').then(
      (runner) => {
        this.ready = true;
        return runner;
      },
      () => {
        this.#runner = null;
        return null;
      },
    );
    return this.#runner;
  }

  /** Scans these files (replacing any earlier report). */
  async start(files: PickedFile[], pickNote = ''): Promise<void> {
    this.#stopWorkers();
    const run = ++this.#run;
    this.#pending = [];
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    this.#lastFlush = -Infinity;
    this.results = [];
    this.#resultIds = [];
    this.failure = '';
    this.announced = '';
    this.pickNote = pickNote;
    this.fileCount = files.length;
    this.totalBytes = files.reduce((n, f) => n + f.file.size, 0);
    this.filesDone = 0;
    this.bytesDone = 0;
    this.reading = [];
    this.#sizes = files.map((f) => ({ path: f.path, size: f.file.size }));
    this.state = 'scanning';
    if (files.length === 0) {
      this.#finish('done');
      return;
    }
    const runner = await this.load();
    if (run !== this.#run) return;
    if (!runner) {
      this.failure = 'The scanner could not load. Reload the page and try again.';
      this.state = 'idle';
      return;
    }
    const queues = partition(
      files.map((f) => f.file.size),
      workerCount(files.length),
    );
    this.#open = queues.length;
    this.#scans = queues.map((ids) =>
      runner.startScan(
        ids.map((id) => ({ id, file: files[id]!.file, path: files[id]!.path })),
        (message) => {
          if (run === this.#run) this.#onMessage(message);
        },
        (failure) => {
          if (run !== this.#run) return;
          this.#stopWorkers();
          this.failure = `${failure} The files read before it stopped are in the report below.`;
          this.#finish('cancelled');
        },
      ),
    );
  }

  /** Stops the scan; what was read so far stays in the report. */
  cancel(): void {
    if (this.state !== 'scanning') return;
    this.#stopWorkers();
    this.#finish('cancelled');
  }

  #stopWorkers(): void {
    for (const scan of this.#scans) scan.cancel();
    this.#scans = [];
    this.#open = 0;
  }

  #onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'progress': {
        const file = this.#sizes[message.id];
        if (file)
          this.reading = [
            ...this.reading.filter((f) => f.id !== message.id),
            { id: message.id, ...file, read: message.read },
          ].sort((a, b) => a.id - b.id);
        break;
      }
      case 'report':
        this.#pending.push({
          id: message.id,
          file: message.problem ? { report: message.report, problem: message.problem } : { report: message.report },
        });
        // The first report shows at once; later ones at most every FLUSH_MS.
        if (performance.now() - this.#lastFlush >= FLUSH_MS) this.#flush();
        else this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
        break;
      case 'file-done':
        this.filesDone += 1;
        this.bytesDone += this.#sizes[message.id]?.size ?? 0;
        this.reading = this.reading.filter((f) => f.id !== message.id);
        break;
      case 'done':
        this.#open -= 1;
        if (this.#open === 0) {
          this.#scans = [];
          this.#finish('done');
        }
        break;
    }
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#pending.length === 0) return;
    this.#lastFlush = performance.now();
    // Merged in drop order (a stable sort keeps a zip's files in archive order).
    const merged = [...this.results.map((file, i) => ({ id: this.#resultIds[i]!, file })), ...this.#pending].sort(
      (a, b) => a.id - b.id,
    );
    this.#pending = [];
    this.#resultIds = merged.map((m) => m.id);
    this.results = merged.map((m) => m.file);
  }

  #finish(state: 'done' | 'cancelled'): void {
    this.#flush();
    this.reading = [];
    this.state = state;
    this.announced = announcement(tally(this.results), state);
  }
}
