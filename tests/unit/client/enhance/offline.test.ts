/** src/client/enhance/offline.ts: when the worker is registered, and the once-only footer note. */
import { describe, expect, it, vi } from 'vitest';
import { enableOffline, OFFLINE_NOTE } from '../../../../src/client/enhance/offline.ts';

const BASE = '/exchange-patch-check/';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

interface Options {
  protocol?: string;
  readyState?: DocumentReadyState;
  serviceWorker?: boolean;
  storage?: () => Storage;
  register?: () => Promise<unknown>;
}

function setup({
  protocol = 'https:',
  readyState = 'complete',
  serviceWorker = true,
  storage,
  register = async () => ({}),
}: Options = {}) {
  const line = { textContent: '' };
  const onLoad: (() => void)[] = [];
  const registerSpy = vi.fn(register);
  const store = memoryStorage();
  const win = {
    location: { protocol },
    navigator: serviceWorker ? { serviceWorker: { register: registerSpy, ready: Promise.resolve({}) } } : {},
    addEventListener: (type: string, listener: () => void) => type === 'load' && onLoad.push(listener),
    get localStorage() {
      return storage ? storage() : store;
    },
  };
  const doc = { readyState, querySelector: (selector: string) => (selector === '[data-offline-note]' ? line : null) };
  const run = async () => {
    enableOffline(doc as unknown as Document, win as unknown as Window, BASE);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { line, onLoad, registerSpy, store, run };
}

describe('enableOffline', () => {
  it('registers sw.js at the base path, scoped to the base path', async () => {
    const { registerSpy, run } = setup();
    await run();
    expect(registerSpy).toHaveBeenCalledWith(`${BASE}sw.js`, { scope: BASE });
  });

  it.each<{ options: Options; why: string }>([
    { options: { serviceWorker: false }, why: 'the browser has no service workers' },
    { options: { protocol: 'file:' }, why: 'a saved copy opened from disk has no origin to register with' },
  ])('does nothing when $why', async ({ options }) => {
    const { registerSpy, line, run } = setup(options);
    await run();
    expect(registerSpy).not.toHaveBeenCalled();
    expect(line.textContent).toBe('');
  });

  it('waits for the load event while the page is still loading', async () => {
    const { registerSpy, onLoad, run } = setup({ readyState: 'interactive' });
    await run();
    expect(registerSpy).not.toHaveBeenCalled();
    expect(onLoad).toHaveLength(1);
    onLoad[0]?.();
    expect(registerSpy).toHaveBeenCalledTimes(1);
  });

  it('says once, and only once per browser, that the site works offline', async () => {
    const first = setup();
    await first.run();
    expect(first.line.textContent).toBe(OFFLINE_NOTE);
    expect(first.store.getItem(`epc-offline-noted:${BASE}`)).not.toBeNull();
    const again = setup({ storage: () => first.store });
    await again.run();
    expect(again.registerSpy).toHaveBeenCalled();
    expect(again.line.textContent).toBe('');
  });

  it('remembers the note per site: another base path on the same origin still gets its own', async () => {
    const store = memoryStorage();
    store.setItem('epc-offline-noted:/other-site/', '2026-01-01T00:00:00.000Z');
    const { line, run } = setup({ storage: () => store });
    await run();
    expect(line.textContent).toBe(OFFLINE_NOTE);
  });

  it('stays quiet, without throwing, when storage is blocked (it could not remember)', async () => {
    const { line, run } = setup({
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    await run();
    expect(line.textContent).toBe('');
  });

  it('stays quiet, without throwing, when registration is refused', async () => {
    const { line, registerSpy, run } = setup({ register: () => Promise.reject(new Error('SecurityError')) });
    await run();
    expect(registerSpy).toHaveBeenCalled();
    expect(line.textContent).toBe('');
  });
});
