/**
 * The reader worker: reads the files the scan worker asks for and hands it their bytes a few
 * chunks ahead (see read-ahead.ts). The page creates it beside each scan worker, inline like the
 * scan worker (so the page's Content-Security-Policy covers it too), and gives each one end of a
 * MessageChannel.
 */
import { serveReads } from './read-ahead.ts';

/** The part of the worker's global scope used here (typed by hand so tests can stand in for it). */
declare const self: {
  addEventListener(type: 'message', listener: (event: MessageEvent<{ port?: MessagePort } | null>) => void): void;
};

self.addEventListener('message', (event) => {
  const port = event.data?.port;
  if (port) serveReads(port);
});
