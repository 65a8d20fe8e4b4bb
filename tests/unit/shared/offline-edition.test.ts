import { afterEach, expect, test, vi } from 'vitest';
import { offlineEdition } from '../../../src/shared/offline-edition.ts';

afterEach(() => vi.unstubAllEnvs());

const HASH = 'A'.repeat(64);

test('null where no edition was built', () => {
  vi.stubEnv('VITE_OFFLINE_FILE', '');
  expect(offlineEdition()).toBeNull();
});

test('the built edition as the build passed it', () => {
  vi.stubEnv('VITE_OFFLINE_FILE', 'exchange-patch-check-offline.html');
  vi.stubEnv('VITE_OFFLINE_SHA256', HASH);
  vi.stubEnv('VITE_OFFLINE_BYTES', '1234');
  expect(offlineEdition()).toEqual({ file: 'exchange-patch-check-offline.html', sha256: HASH, bytes: 1234 });
});

test.each([
  ['a lower-case or short hash', { VITE_OFFLINE_SHA256: 'a'.repeat(64) }],
  ['a file name with a path', { VITE_OFFLINE_FILE: '../x.html' }],
  ['no size', { VITE_OFFLINE_BYTES: '0' }],
])('null for %s', (_why, bad) => {
  vi.stubEnv('VITE_OFFLINE_FILE', 'exchange-patch-check-offline.html');
  vi.stubEnv('VITE_OFFLINE_SHA256', HASH);
  vi.stubEnv('VITE_OFFLINE_BYTES', '1234');
  for (const [key, value] of Object.entries(bad)) vi.stubEnv(key, value);
  expect(offlineEdition()).toBeNull();
});
