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
  /** The file being read now. */
  current = $state<{ path: string; size: number; read: number } | null>(null);
  /** Said when a drop had more files than one scan takes, or entries that could not be opened. */
  pickNote = $state('');
  /** Set when the scanner itself could not run. */
  failure = $state('');
  /** The one announcement of the end of a scan, for the polite live region. */
  announced = $state('');
  /** The scanner's code has loaded: a scan starts without any request. */
  ready = $state(false);

  #runner: Promise<Runner | null> | null = null;
  #scan: RunningScan | null = null;
  #pending: ScannedFile[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #lastFlush = -Infinity;
  /** Path and size of each file, by job id (the index in the scan's list). */
  #sizes: { path: string; size: number }[] = [];
  #run = 0;

  /** Overall progress, 0 to 1, by bytes read. */
  get fraction(): number {
    if (this.totalBytes === 0) return this.state === 'done' ? 1 : 0;
    return Math.min(1, (this.bytesDone + (this.current?.read ?? 0)) / this.totalBytes);
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
    this.#scan?.cancel();
    const run = ++this.#run;
    this.#pending = [];
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    this.#lastFlush = -Infinity;
    this.results = [];
    this.failure = '';
    this.announced = '';
    this.pickNote = pickNote;
    this.fileCount = files.length;
    this.totalBytes = files.reduce((n, f) => n + f.file.size, 0);
    this.filesDone = 0;
    this.bytesDone = 0;
    this.current = null;
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
    this.#scan = runner.startScan(
      files.map((f, id) => ({ id, file: f.file, path: f.path })),
      (message) => {
        if (run === this.#run) this.#onMessage(message);
      },
      (failure) => {
        if (run !== this.#run) return;
        this.failure = `${failure} The files read before it stopped are in the report below.`;
        this.#finish('cancelled');
      },
    );
  }

  /** Stops the scan; what was read so far stays in the report. */
  cancel(): void {
    if (this.state !== 'scanning') return;
    this.#scan?.cancel();
    this.#scan = null;
    this.#finish('cancelled');
  }

  #onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'progress': {
        const file = this.#sizes[message.id];
        if (file) this.current = { ...file, read: message.read };
        break;
      }
      case 'report':
        this.#pending.push(
          message.problem ? { report: message.report, problem: message.problem } : { report: message.report },
        );
        // The first report shows at once; later ones at most every FLUSH_MS.
        if (performance.now() - this.#lastFlush >= FLUSH_MS) this.#flush();
        else this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
        break;
      case 'file-done':
        this.filesDone += 1;
        this.bytesDone += this.#sizes[message.id]?.size ?? 0;
        this.current = null;
        break;
      case 'done':
        this.#scan = null;
        this.#finish('done');
        break;
    }
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#pending.length === 0) return;
    this.#lastFlush = performance.now();
    this.results = [...this.results, ...this.#pending];
    this.#pending = [];
  }

  #finish(state: 'done' | 'cancelled'): void {
    this.#flush();
    this.current = null;
    this.state = state;
    this.announced = announcement(tally(this.results), state);
  }
}
