/**
 * Starts the scan worker. The worker is built inline (Vite `?worker&inline`): it runs from a
 * blob: URL made by this page, so the page's Content-Security-Policy (connect-src included) covers
 * it, where a worker served from its own URL on GitHub Pages would run with no policy at all. This
 * module carries the worker's whole code as a string, so the page imports it lazily.
 */
import ReadWorker from '../worker/read-worker.ts?worker&inline';
import ScanWorker from '../worker/scan-worker.ts?worker&inline';
import type { ScanJob, ScanRequest, WorkerMessage } from '../worker/protocol.ts';

/**
 * A reader worker joined to the scan worker by a channel, or null if the browser will not start
 * one: the scan worker then reads the files itself, only more slowly.
 */
function startReader(): { worker: Worker; port: MessagePort } | null {
  try {
    const worker = new ReadWorker();
    const channel = new MessageChannel();
    worker.postMessage({ port: channel.port1 }, [channel.port1]);
    return { worker, port: channel.port2 };
  } catch {
    return null;
  }
}

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
  const reader = startReader();
  const stop = () => {
    worker.terminate();
    reader?.worker.terminate();
  };
  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    onMessage(event.data);
    if (event.data?.type === 'done') stop();
  });
  let failedOnce = false;
  const failed = (event: ErrorEvent) => {
    event.preventDefault();
    stop();
    if (failedOnce) return;
    failedOnce = true;
    onFailure(`The scanner stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`);
  };
  worker.addEventListener('error', failed);
  reader?.worker.addEventListener('error', failed);
  if (reader) worker.postMessage({ type: 'scan', jobs, reader: reader.port } satisfies ScanRequest, [reader.port]);
  else worker.postMessage({ type: 'scan', jobs } satisfies ScanRequest);
  return { cancel: stop };
}
