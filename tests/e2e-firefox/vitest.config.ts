/**
 * `npm run test:firefox`: the offline edition in stock Firefox (Debian's firefox-esr), driven by
 * Puppeteer over WebDriver BiDi, since Playwright drives only its own patched Firefox build. Kept
 * apart from the unit tests (`npm run test:unit`), which need no browser and no build.
 */
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: join(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    // One Firefox for the whole file: starting it takes a few seconds on a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
