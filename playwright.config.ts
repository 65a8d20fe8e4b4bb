import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/** The e2e tests run against the production build served under a GitHub Pages-like sub-path. */
export const BASE_PATH = '/exchange-patch-check/';
// Other ports (E2E_PORT, E2E_DEV_PORT) let two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}${BASE_PATH}`;
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5174);
const DEV_URL = `http://127.0.0.1:${DEV_PORT}${BASE_PATH}`;

// Debian's Chromium (or CHROME_PATH) when present; Playwright's own browser otherwise.
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
if (!chromePath && !existsSync(chromium.executablePath())) {
  throw new Error(
    "No Chromium found: install Debian's (apt-get install chromium), set CHROME_PATH, or run `npx playwright install chromium`.",
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: chromePath ? { executablePath: chromePath } : {},
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /dev-server\.spec\.ts/ },
    // Svelte's hydration-mismatch checks exist only in dev builds: run them against `vite dev`,
    // which serves the same server-rendered pages through the content plugin's middleware.
    { name: 'dev-server', use: { ...devices['Desktop Chrome'], baseURL: DEV_URL }, testMatch: /dev-server\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `BASE_PATH=${BASE_PATH} npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: BASE_URL,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `BASE_PATH=${BASE_PATH} npx vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
      url: DEV_URL,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
