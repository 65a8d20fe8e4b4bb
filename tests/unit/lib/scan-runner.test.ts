/**
 * The scan runner with a stand-in for the inline worker (Node has no Worker): it posts the jobs,
 * hands messages on, turns a worker error into one failure message and stops the worker, and
 * cancels by terminating.
 */
import { beforeEach, expect, test, vi } from 'vitest';

class FakeWorker extends EventTarget {
  static last: FakeWorker | null = null;
  static throwOnCreate: Error | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    super();
    if (FakeWorker.throwOnCreate) throw FakeWorker.throwOnCreate;
    FakeWorker.last = this;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

vi.mock('../../../src/worker/scan-worker.ts?worker&inline', () => ({ default: FakeWorker }));

const { startScan } = await import('../../../src/lib/scan-runner.ts');

beforeEach(() => {
  FakeWorker.last = null;
  FakeWorker.throwOnCreate = null;
});

const jobs = [{ id: 0, file: new File(['x'], 'a.log'), path: 'a.log' }];

test('posts the jobs once and hands every message on', () => {
  const seen: unknown[] = [];
  startScan(
    jobs,
    (m) => seen.push(m),
    () => undefined,
  );
  const worker = FakeWorker.last!;
  expect(worker.posted).toEqual([{ type: 'scan', jobs }]);
  worker.dispatchEvent(new MessageEvent('message', { data: { type: 'progress', id: 0, read: 1 } }));
  worker.dispatchEvent(new MessageEvent('message', { data: { type: 'done' } }));
  expect(seen).toEqual([{ type: 'progress', id: 0, read: 1 }, { type: 'done' }]);
});

test('cancel terminates the worker', () => {
  const scan = startScan(
    jobs,
    () => undefined,
    () => undefined,
  );
  expect(FakeWorker.last!.terminated).toBe(false);
  scan.cancel();
  expect(FakeWorker.last!.terminated).toBe(true);
});

test('a worker error stops the worker and is reported once, in words', () => {
  const failures: string[] = [];
  startScan(
    jobs,
    () => undefined,
    (f) => failures.push(f),
  );
  const error = new Event('error', { cancelable: true }) as Event & { message?: string };
  Object.defineProperty(error, 'message', { value: 'out of memory' });
  FakeWorker.last!.dispatchEvent(error);
  expect(failures).toEqual(['The scanner stopped unexpectedly (out of memory).']);
  expect(error.defaultPrevented).toBe(true);
  expect(FakeWorker.last!.terminated).toBe(true);
});

test('a worker the browser refuses to start (e.g. a stricter CSP) is a failure, not an exception', () => {
  FakeWorker.throwOnCreate = new Error('blocked by worker-src');
  const failures: string[] = [];
  const scan = startScan(
    jobs,
    () => undefined,
    (f) => failures.push(f),
  );
  expect(failures).toEqual(['The scanner could not start in this browser (blocked by worker-src).']);
  expect(() => scan.cancel()).not.toThrow();
});
