/**
 * The worker's message loop, with a stand-in for the worker's global scope: one scan request gives,
 * per file in order, its reports then 'file-done', and 'done' once at the end; progress is sent at
 * most about ten times a second per file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import type { ScanRequest, WorkerMessage } from '../../../src/worker/protocol.ts';
import { type Port, type ReadReply, type ReadRequest, serveReads } from '../../../src/worker/read-ahead.ts';

const posted: WorkerMessage[] = [];
const scope = Object.assign(new EventTarget(), { postMessage: (m: WorkerMessage) => posted.push(m) });
vi.stubGlobal('self', scope);
await import('../../../src/worker/scan-worker.ts');

const IIS = readFileSync(join(import.meta.dirname, '../../fixtures/logs/server/W3SVC1/u_ex210303.log'));

async function run(request: ScanRequest): Promise<WorkerMessage[]> {
  posted.length = 0;
  scope.dispatchEvent(new MessageEvent('message', { data: request }));
  await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'));
  return [...posted];
}

test('reports, then file-done, per file in order; done once at the end', async () => {
  const messages = await run({
    type: 'scan',
    jobs: [
      { id: 7, file: new File([IIS], 'u_ex210303.log'), path: 'W3SVC1/u_ex210303.log' },
      { id: 3, file: new File([], 'empty.log'), path: 'empty.log' },
    ],
  });
  const shape = messages.filter((m) => m.type !== 'progress').map((m) => ('id' in m ? `${m.type}:${m.id}` : m.type));
  expect(shape).toEqual(['report:7', 'file-done:7', 'report:3', 'file-done:3', 'done']);
  const first = messages.find((m) => m.type === 'report');
  expect(first?.type === 'report' && first.report.fileName).toBe('W3SVC1/u_ex210303.log');
  expect(first?.type === 'report' && first.report.findings.length).toBeGreaterThan(0);
});

test('progress is throttled: a file read in many small chunks gives one or two progress messages', async () => {
  const chunks = Array.from({ length: 500 }, () => IIS);
  const messages = await run({ type: 'scan', jobs: [{ id: 1, file: new File(chunks, 'big.log'), path: 'big.log' }] });
  const progress = messages.filter((m) => m.type === 'progress');
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.length).toBeLessThan(10);
});

test('anything but a scan request is ignored', async () => {
  posted.length = 0;
  scope.dispatchEvent(new MessageEvent('message', { data: { type: 'hello' } }));
  scope.dispatchEvent(new MessageEvent('message', { data: null }));
  await new Promise((ok) => setTimeout(ok, 50));
  expect(posted).toEqual([]);
});

test('with a port to a reader, the files are read there and the reports are the same', async () => {
  const file = new File([IIS], 'u_ex210303.log');
  const job = { id: 7, file, path: 'W3SVC1/u_ex210303.log' };
  const direct = (await run({ type: 'scan', jobs: [job] })).filter((m) => m.type !== 'progress');
  const { port1, port2 } = new MessageChannel();
  const asked: unknown[] = [];
  const serve = { onmessage: null as ((e: MessageEvent) => void) | null, postMessage: port1.postMessage.bind(port1) };
  serveReads(serve as unknown as Port<ReadRequest, ReadReply>);
  port1.onmessage = (e) => (asked.push(e.data), serve.onmessage?.(e));
  const viaReader = (await run({ type: 'scan', jobs: [job], reader: port2 })).filter((m) => m.type !== 'progress');
  expect(viaReader).toEqual(direct);
  expect(asked).toContainEqual(expect.objectContaining({ type: 'open', stream: 1 }));
  port1.close();
  port2.close();
});
