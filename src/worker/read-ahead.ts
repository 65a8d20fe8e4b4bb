/**
 * Reading files on another thread while the scan worker scans. A Blob's stream is filled only when
 * it is read, so a worker that reads and scans in turn spends the reading time idle-waiting and the
 * scan takes read time + scan time. With a reader worker beside it, the reader keeps a few chunks
 * ahead and the two overlap: a big log scans in about the scan time alone.
 *
 * The two sides talk over a MessagePort: the scan side opens a stream for a file with `ahead`
 * chunks of credit and grants one more for each chunk it takes in, holding its grants back while
 * `ahead` chunks wait in its own queue. So at most `ahead` chunks are in flight and `ahead` queued,
 * and memory stays flat whatever the file's size. Chunks are transferred, not copied.
 */
import { errorText } from './error-text.ts';

/** Scan side → reader. */
export type ReadRequest =
  | { type: 'open'; stream: number; file: Blob; ahead: number }
  | { type: 'more'; stream: number; count: number }
  | { type: 'cancel'; stream: number };

/** Reader → scan side. */
export type ReadReply =
  | { stream: number; chunk: Uint8Array<ArrayBuffer> }
  | { stream: number; done: true }
  | { stream: number; error: string };

/** The part of a MessagePort used here (so tests and both worker scopes can pass theirs). */
export interface Port<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}

/** Chunks the reader may run ahead of the scan (Chromium's Blob streams give about 1 MiB each). */
export const READ_AHEAD_CHUNKS = 4;

/** Sends a chunk, moving its memory across when the engine allows it (copying when not). */
function send(port: Port<ReadRequest, ReadReply>, stream: number, chunk: Uint8Array<ArrayBuffer>): void {
  if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength) {
    try {
      port.postMessage({ stream, chunk }, [chunk.buffer]);
      return;
    } catch {
      // a buffer that cannot be transferred is copied below
    }
  }
  port.postMessage({ stream, chunk: chunk.slice() });
}

interface Serving {
  credit: number;
  cancelled: boolean;
  wake: (() => void) | null;
}

/** The reader's side: serves every stream opened on `port`. */
export function serveReads(port: Port<ReadRequest, ReadReply>): void {
  const serving = new Map<number, Serving>();
  port.onmessage = (event) => {
    const request = event.data;
    if (!request || typeof request !== 'object') return;
    if (request.type === 'open') {
      const state: Serving = { credit: Math.max(1, request.ahead), cancelled: false, wake: null };
      serving.set(request.stream, state);
      void serve(port, request.stream, request.file, state).finally(() => serving.delete(request.stream));
      return;
    }
    const state = serving.get(request.stream);
    if (!state) return;
    if (request.type === 'more') state.credit += Math.max(0, request.count);
    else state.cancelled = true;
    state.wake?.();
  };
}

async function serve(port: Port<ReadRequest, ReadReply>, stream: number, file: Blob, state: Serving): Promise<void> {
  let reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>> | undefined;
  try {
    reader = file.stream().getReader();
    for (;;) {
      while (state.credit <= 0 && !state.cancelled) await new Promise<void>((wake) => (state.wake = wake));
      state.wake = null;
      if (state.cancelled) {
        await reader.cancel().catch(() => undefined);
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        port.postMessage({ stream, done: true });
        return;
      }
      if (value.length === 0) continue;
      state.credit--;
      send(port, stream, value);
    }
  } catch (error) {
    if (!state.cancelled) port.postMessage({ stream, error: errorText(error) });
  }
}

/** The scan side: `open(file)` gives a stream of the file's bytes, read by the worker at `port`. */
interface Reading {
  controller: ReadableStreamDefaultController<Uint8Array<ArrayBuffer>>;
  /** Credit held back while the queue is full, granted when it drains. */
  owed: number;
}

export class ReadAhead {
  private next = 1;
  private readonly open = new Map<number, Reading>();

  constructor(
    private readonly port: Port<ReadReply, ReadRequest>,
    private readonly ahead = READ_AHEAD_CHUNKS,
  ) {
    port.onmessage = (event) => this.receive(event.data);
  }

  stream(file: Blob): ReadableStream<Uint8Array<ArrayBuffer>> {
    const id = this.next++;
    return new ReadableStream<Uint8Array<ArrayBuffer>>(
      {
        start: (controller) => {
          this.open.set(id, { controller, owed: 0 });
          this.port.postMessage({ type: 'open', stream: id, file, ahead: this.ahead });
        },
        // Called when the consumer waits on an empty queue: the credit held back goes out now.
        pull: () => {
          const reading = this.open.get(id);
          if (!reading || reading.owed === 0) return;
          this.port.postMessage({ type: 'more', stream: id, count: reading.owed });
          reading.owed = 0;
        },
        cancel: () => {
          this.open.delete(id);
          this.port.postMessage({ type: 'cancel', stream: id });
        },
      },
      // The reader holds the read-ahead; this stream queues nothing of its own.
      { highWaterMark: 0 },
    );
  }

  private receive(reply: ReadReply): void {
    const reading = reply && this.open.get(reply.stream);
    if (!reading) return;
    const { controller } = reading;
    if ('chunk' in reply) {
      controller.enqueue(reply.chunk);
      // With a high-water mark of 0, desiredSize is minus the number of chunks queued.
      if ((controller.desiredSize ?? 0) > -this.ahead)
        this.port.postMessage({ type: 'more', stream: reply.stream, count: 1 });
      else reading.owed++;
    } else if ('done' in reply) {
      this.open.delete(reply.stream);
      controller.close();
    } else {
      this.open.delete(reply.stream);
      controller.error(new Error(reply.error));
    }
  }
}
