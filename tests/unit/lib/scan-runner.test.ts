/**
 * The scan runner with stand-ins for the two inline workers (Node has no Worker): it joins a reader
 * worker to the scan worker by a channel, posts the jobs, hands messages on, turns a worker error
 * into one failure message and stops both workers, stops them when the scan is done, and cancels by
 * terminating. Without a reader worker the scan still runs (the scan worker reads for itself).
 */
import { beforeEach, expect, test, vi } from 'vitest';

class FakeWorker extends EventTarget {
  posted: { message: unknown; transfer: unknown[] }[] = [];
  terminated = false;
  postMessage(message: unknown, transfer: unknown[] = []): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
}
class FakeScanWorker extends FakeWorker {
  static last: FakeScanWorker | null = null;
  static throwOnCreate: Error | null = null;
  constructor() {
    super();
    if (FakeScanWorker.throwOnCreate) throw FakeScanWorker.throwOnCreate;
    FakeScanWorker.last = this;
  }
}
class FakeReadWorker extends FakeWorker {
  static last: FakeReadWorker | null = null;
  static throwOnCreate: Error | null = null;
  constructor() {
    super();
    if (FakeReadWorker.throwOnCreate) throw FakeReadWorker.throwOnCreate;
    FakeReadWorker.last = this;
  }
}

vi.mock('../../../src/worker/scan-worker.ts?worker&inline', () => ({ default: FakeScanWorker }));
vi.mock('../../../src/worker/read-worker.ts?worker&inline', () => ({ default: FakeReadWorker }));

const { startScan } = await import('../../../src/lib/scan-runner.ts');

beforeEach(() => {
  FakeScanWorker.last = null;
  FakeScanWorker.throwOnCreate = null;
  FakeReadWorker.last = null;
  FakeReadWorker.throwOnCreate = null;
});

const jobs = [{ id: 0, file: new File(['x'], 'a.log'), path: 'a.log' }];
const none = () => undefined;

test('joins a reader worker to the scan worker: each gets one end of one channel, moved, not copied', () => {
  startScan(jobs, none, none);
  const scan = FakeScanWorker.last!;
  const reader = FakeReadWorker.last!;
  expect(scan.posted).toHaveLength(1);
  expect(reader.posted).toHaveLength(1);
  const request = scan.posted[0]!.message as { type: string; jobs: unknown; reader: MessagePort };
  const toReader = reader.posted[0]!.message as { port: MessagePort };
  expect(request.type).toBe('scan');
  expect(request.jobs).toEqual(jobs);
  expect(request.reader).toBeInstanceOf(MessagePort);
  expect(toReader.port).toBeInstanceOf(MessagePort);
  expect(toReader.port).not.toBe(request.reader);
  expect(scan.posted[0]!.transfer).toEqual([request.reader]);
  expect(reader.posted[0]!.transfer).toEqual([toReader.port]);
  request.reader.close();
  toReader.port.close();
});

test('hands every message on, and stops both workers once the scan is done', () => {
  const seen: unknown[] = [];
  startScan(jobs, (m) => seen.push(m), none);
  const scan = FakeScanWorker.last!;
  scan.dispatchEvent(new MessageEvent('message', { data: { type: 'progress', id: 0, read: 1 } }));
  expect(scan.terminated).toBe(false);
  scan.dispatchEvent(new MessageEvent('message', { data: { type: 'done' } }));
  expect(seen).toEqual([{ type: 'progress', id: 0, read: 1 }, { type: 'done' }]);
  expect(scan.terminated).toBe(true);
  expect(FakeReadWorker.last!.terminated).toBe(true);
});

test('cancel terminates both workers', () => {
  const scan = startScan(jobs, none, none);
  expect(FakeScanWorker.last!.terminated).toBe(false);
  scan.cancel();
  expect(FakeScanWorker.last!.terminated).toBe(true);
  expect(FakeReadWorker.last!.terminated).toBe(true);
});

function workerError(message: string): Event {
  const error = new Event('error', { cancelable: true });
  Object.defineProperty(error, 'message', { value: message });
  return error;
}

test('a worker error stops both workers and is reported once, in words', () => {
  const failures: string[] = [];
  startScan(jobs, none, (f) => failures.push(f));
  const error = workerError('out of memory');
  FakeScanWorker.last!.dispatchEvent(error);
  FakeReadWorker.last!.dispatchEvent(workerError('gone too'));
  expect(failures).toEqual(['The scanner stopped unexpectedly (out of memory).']);
  expect(error.defaultPrevented).toBe(true);
  expect(FakeScanWorker.last!.terminated).toBe(true);
  expect(FakeReadWorker.last!.terminated).toBe(true);
});

test('an error in the reader worker stops the scan too (the scan would otherwise wait for bytes forever)', () => {
  const failures: string[] = [];
  startScan(jobs, none, (f) => failures.push(f));
  FakeReadWorker.last!.dispatchEvent(workerError('NotReadableError'));
  expect(failures).toEqual(['The scanner stopped unexpectedly (NotReadableError).']);
  expect(FakeScanWorker.last!.terminated).toBe(true);
});

test('a reader worker the browser refuses to start: the scan worker gets the jobs without a reader', () => {
  FakeReadWorker.throwOnCreate = new Error('nested workers not allowed');
  const failures: string[] = [];
  startScan(jobs, none, (f) => failures.push(f));
  expect(failures).toEqual([]);
  expect(FakeScanWorker.last!.posted).toEqual([{ message: { type: 'scan', jobs }, transfer: [] }]);
});

test('a scan worker the browser refuses to start (e.g. a stricter CSP) is a failure, not an exception', () => {
  FakeScanWorker.throwOnCreate = new Error('blocked by worker-src');
  const failures: string[] = [];
  const scan = startScan(jobs, none, (f) => failures.push(f));
  expect(failures).toEqual(['The scanner could not start in this browser (blocked by worker-src).']);
  expect(FakeReadWorker.last).toBeNull();
  expect(() => scan.cancel()).not.toThrow();
});
