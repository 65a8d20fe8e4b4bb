/**
 * Reading ahead on another thread, over a real MessageChannel (Node has them): the bytes that come
 * out are the file's bytes, in order; the reader never runs more than `ahead` chunks ahead of the
 * scan; cancelling stops the reading; a read error reaches the scan side as a stream error.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  READ_AHEAD_CHUNKS,
  ReadAhead,
  type Port,
  type ReadReply,
  type ReadRequest,
  serveReads,
} from '../../../src/worker/read-ahead.ts';

type Listener<T> = ((event: MessageEvent<T>) => void) | null;

/**
 * Two ports joined in memory, delivering on a later task like a real channel. A message sent with
 * a transfer list is structured-cloned with it (its buffers are moved, as between threads); others
 * are handed over as they are, so the tests can pass Blob stand-ins the real clone would refuse.
 */
function memoryChannel<A, B>(): [Port<A, B>, Port<B, A>] {
  const make = <In, Out>(deliver: (m: Out) => void): Port<In, Out> => ({
    onmessage: null as Listener<In>,
    postMessage(message: Out, transfer?: Transferable[]) {
      const sent = transfer?.length ? structuredClone(message, { transfer }) : message;
      setTimeout(() => deliver(sent), 0);
    },
  });
  const a: Port<A, B> = make<A, B>((m) => b.onmessage?.(new MessageEvent('message', { data: m })));
  const b: Port<B, A> = make<B, A>((m) => a.onmessage?.(new MessageEvent('message', { data: m })));
  return [a, b];
}

/** A channel with both sides, and a log of what crossed it. */
function channel(ahead?: number) {
  const [readerPort, scanPort] = memoryChannel<ReadRequest, ReadReply>();
  const toReader: ReadRequest[] = [];
  const toScan: ReadReply[] = [];
  serveReads(readerPort);
  const serve = readerPort.onmessage!;
  readerPort.onmessage = (e) => (toReader.push(e.data), serve(e));
  const post = readerPort.postMessage.bind(readerPort);
  readerPort.postMessage = (m, t) => (toScan.push(m), post(m, t));
  return { ahead: new ReadAhead(scanPort, ahead), toReader, toScan };
}

async function readAll(stream: ReadableStream<Uint8Array>, each?: () => Promise<void>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    await each?.();
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** A Blob-like file whose stream gives `count` chunks of `size` bytes, and records what it was asked. */
function countingFile(count: number, size = 1024) {
  const log = { pulled: 0, cancelled: false };
  const file = {
    stream: () =>
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (log.pulled === count) return controller.close();
            controller.enqueue(new Uint8Array(size).fill(log.pulled++ % 251));
          },
          cancel() {
            log.cancelled = true;
          },
        },
        { highWaterMark: 0 },
      ),
  } as unknown as Blob;
  return { file, log };
}

test('gives the bytes of the file, in order, whatever its size and chunking (200 runs)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 5000 }), { maxLength: 20 }), async (parts) => {
      const { ahead } = channel();
      const file = new Blob(parts);
      expect(await readAll(ahead.stream(file))).toEqual(new Uint8Array(await file.arrayBuffer()));
    }),
    { numRuns: 200 },
  );
});

test('several files can be read through one reader, one after the other or at once', async () => {
  const { ahead } = channel();
  const a = new Blob(['first file\n'.repeat(1000)]);
  const b = new Blob(['second\n'.repeat(3000)]);
  const [ra, rb] = await Promise.all([readAll(ahead.stream(a)), readAll(ahead.stream(b))]);
  expect(Buffer.from(ra).toString()).toBe(await a.text());
  expect(Buffer.from(rb).toString()).toBe(await b.text());
  expect(Buffer.from(await readAll(ahead.stream(a))).toString()).toBe(await a.text());
});

test(`the reader reads at most ${READ_AHEAD_CHUNKS} chunks in flight and ${READ_AHEAD_CHUNKS} queued ahead of a slow scan`, async () => {
  const { ahead } = channel();
  const { file, log } = countingFile(60);
  let consumed = 0;
  let most = 0;
  // The consumer yields to the event loop after each chunk, so every message that arrives is queued.
  const bytes = await readAll(ahead.stream(file), async () => {
    consumed++;
    await new Promise((ok) => setTimeout(ok, 3));
    most = Math.max(most, log.pulled - consumed);
  });
  expect(bytes.length).toBe(60 * 1024);
  expect(log.pulled).toBe(60);
  expect(most).toBeGreaterThanOrEqual(READ_AHEAD_CHUNKS);
  // one more may be in the reader's hands, read but not yet sent
  expect(most).toBeLessThanOrEqual(2 * READ_AHEAD_CHUNKS + 1);
});

test('a scan that stops early cancels the reading: the rest of the file is never read', async () => {
  const { ahead } = channel(2);
  const { file, log } = countingFile(1000);
  const reader = ahead.stream(file).getReader();
  await reader.read();
  await reader.cancel();
  await new Promise((ok) => setTimeout(ok, 50));
  expect(log.cancelled).toBe(true);
  expect(log.pulled).toBeLessThan(10);
});

test('a read error reaches the scan side as an error of its stream, with the reason', async () => {
  const { ahead } = channel();
  const broken = {
    stream: () =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array([65, 10]));
          controller.error(new Error('NotReadableError: the file changed'));
        },
      }),
  } as unknown as Blob;
  await expect(readAll(ahead.stream(broken))).rejects.toThrow('NotReadableError: the file changed');
});

test('chunks are moved across when they can be, and copied when they are a view into a bigger buffer', async () => {
  const big = new Uint8Array(100).fill(7);
  const chunks = [new Uint8Array(64).fill(1), big.subarray(10, 20)];
  const file = {
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(c);
          controller.close();
        },
      }),
  } as unknown as Blob;
  const { ahead } = channel();
  const bytes = await readAll(ahead.stream(file));
  expect([...bytes]).toEqual([...new Uint8Array(64).fill(1), ...new Uint8Array(10).fill(7)]);
  expect(chunks[0]!.byteLength).toBe(0); // transferred: detached here
  expect(big.byteLength).toBe(100); // the view's buffer was copied, not taken
});

test('messages it does not know are ignored on both sides', async () => {
  const [readerPort, scanPort] = memoryChannel<ReadRequest, ReadReply>();
  serveReads(readerPort);
  const ahead = new ReadAhead(scanPort);
  scanPort.postMessage(null as unknown as ReadRequest);
  scanPort.postMessage({ type: 'more', stream: 99, count: 1 });
  readerPort.postMessage({ stream: 42, done: true });
  const file = new Blob(['still works']);
  expect(Buffer.from(await readAll(ahead.stream(file))).toString()).toBe('still works');
});

test('works over a real MessageChannel too (a real Blob crosses it)', async () => {
  const { port1, port2 } = new MessageChannel();
  serveReads(port1 as unknown as Port<ReadRequest, ReadReply>);
  const ahead = new ReadAhead(port2 as unknown as Port<ReadReply, ReadRequest>);
  const file = new Blob(['x'.repeat(100_000), 'y'.repeat(50_000)]);
  expect(Buffer.from(await readAll(ahead.stream(file))).toString()).toBe(await file.text());
  port1.close();
  port2.close();
});
