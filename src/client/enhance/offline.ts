/**
 * Offline after one visit: registers the service worker that the build writes at the base path
 * (scripts/service-worker.js), and says once, in a quiet line in the footer, that the site now also
 * works offline. Registration waits for the page's load event, so the worker's one-off caching of
 * the site's own files never competes with the page a visitor came for.
 */
const NOTED_KEY = 'epc-offline-noted:';

export const OFFLINE_NOTE =
  'This site now also works offline in this browser: its pages and the checker stay available without a connection.';

/**
 * @example enableOffline(document, window, import.meta.env.BASE_URL)
 */
export function enableOffline(doc: Document, win: Window, base: string): void {
  // Some browsers (Firefox private windows, old WebViews) have no service workers.
  const container = win.navigator.serviceWorker as ServiceWorkerContainer | undefined;
  // From file:// (a saved copy) there is no origin to register with.
  if (!container || !/^https?:$/.test(win.location.protocol)) return;
  const start = (): void => {
    container
      .register(`${base}sw.js`, { scope: base })
      .then(() => container.ready)
      .then(() => noteOnce(doc, win, base))
      // Offline use is an extra: the site works the same without it, so a refusal stays quiet.
      .catch(() => undefined);
  };
  if (doc.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
}

/**
 * Fills the footer's live region once per site and browser. The key carries the base path because
 * every GitHub Pages site of one owner shares one origin, and so one localStorage. When storage is
 * blocked nothing is shown: without a memory the line would come back on every page.
 */
function noteOnce(doc: Document, win: Window, base: string): void {
  const line = doc.querySelector<HTMLElement>('[data-offline-note]');
  if (!line) return;
  const key = `${NOTED_KEY}${base}`;
  try {
    if (win.localStorage.getItem(key) !== null) return;
    win.localStorage.setItem(key, new Date().toISOString());
  } catch {
    return;
  }
  line.textContent = OFFLINE_NOTE;
}
