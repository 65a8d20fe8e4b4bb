/**
 * Starts the scan worker. The worker is built inline (Vite `?worker&inline`): it runs from a
 * blob: URL made by this page, so the page's Content-Security-Policy (connect-src included) covers
 * it, where a worker served from its own URL on GitHub Pages would run with no policy at all. This
 * module carries the worker's whole code as a string, so the page imports it lazily.
 */
import ScanWorker from '../worker/scan-worker.ts?worker&inline';
import type { ScanJob, ScanRequest, WorkerMessage } from '../worker/protocol.ts';

export interface RunningScan {
  /** Stops at once: the worker is terminated, whatever it was reading. */
  cancel(): void;
}

/**
 * @example const scan = startScan(jobs, (m) => console.log(m.type), (e) => console.error(e));
 *          scan.cancel();
 */
export function startScan(
  jobs: ScanJob[],
  onMessage: (message: WorkerMessage) => void,
  onFailure: (message: string) => void,
): RunningScan {
  let worker: Worker;
  try {
    worker = new ScanWorker();
  } catch (error) {
    onFailure(
      `The scanner could not start in this browser (${error instanceof Error ? error.message : String(error)}).`,
    );
    return { cancel: () => undefined };
  }
  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => onMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    onFailure(`The scanner stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`);
  });
  worker.postMessage({ type: 'scan', jobs } satisfies ScanRequest);
  return { cancel: () => worker.terminate() };
}
