/**
 * The scan worker. The page creates it from a blob: URL (Vite's `?worker&inline`), so the page's own
 * Content-Security-Policy applies to it, including `connect-src`: a worker loaded from its own URL
 * on GitHub Pages would run with no policy at all. It reads each file it is given (File objects:
 * only a handle crosses, never the bytes) and posts reports, progress and the end of each file.
 * Cancelling is the page terminating the worker. When the request carries a port to a reader
 * worker (read-worker.ts), the files are read there, a few chunks ahead of the scan.
 */
import { PROGRESS_INTERVAL_MS } from './limits.ts';
import type { ScanRequest, WorkerMessage } from './protocol.ts';
import { ReadAhead } from './read-ahead.ts';
import { type Open, scanFile } from './scan-file.ts';

/** The parts of the worker's global scope used here (typed by hand so tests can stand in for it). */
declare const self: {
  addEventListener(type: 'message', listener: (event: MessageEvent<ScanRequest>) => void): void;
  postMessage(message: WorkerMessage): void;
};

const post = (message: WorkerMessage): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<ScanRequest>) => {
  if (event.data?.type !== 'scan') return;
  void scanAll(event.data);
});

async function scanAll(request: ScanRequest): Promise<void> {
  // With a reader worker, files are read on its thread while this one scans.
  const ahead = request.reader ? new ReadAhead(request.reader) : null;
  const open: Open | undefined = ahead ? (file) => ahead.stream(file) : undefined;
  for (const job of request.jobs) {
    let last = -Infinity;
    await scanFile(
      job.file,
      job.path,
      {
        progress(read) {
          const now = performance.now();
          if (now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          post({ type: 'progress', id: job.id, read });
        },
        report(report, problem) {
          post(
            problem === undefined
              ? { type: 'report', id: job.id, report }
              : { type: 'report', id: job.id, report, problem },
          );
        },
      },
      { open },
    );
    post({ type: 'file-done', id: job.id });
  }
  post({ type: 'done' });
}
