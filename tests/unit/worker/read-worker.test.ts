/**
 * The reader worker's entry, with a stand-in for the worker's global scope: given one end of a
 * channel, it serves reads on it; anything else is ignored.
 */
import { expect, test, vi } from 'vitest';
import { type Port, ReadAhead, type ReadReply, type ReadRequest } from '../../../src/worker/read-ahead.ts';

const scope = new EventTarget();
vi.stubGlobal('self', scope);
await import('../../../src/worker/read-worker.ts');

test('serves reads on the port it is given', async () => {
  const { port1, port2 } = new MessageChannel();
  scope.dispatchEvent(new MessageEvent('message', { data: { port: port1 } }));
  const ahead = new ReadAhead(port2 as unknown as Port<ReadReply, ReadRequest>);
  const file = new Blob(['2021-03-03T00:00:00Z,line\n'.repeat(5000)]);
  const text = await new Response(ahead.stream(file)).text();
  expect(text).toBe(await file.text());
  port1.close();
  port2.close();
});

test('a message without a port is ignored', () => {
  expect(() => scope.dispatchEvent(new MessageEvent('message', { data: null }))).not.toThrow();
  expect(() => scope.dispatchEvent(new MessageEvent('message', { data: { hello: 1 } }))).not.toThrow();
});
