/**
 * End-to-end specs run in a real Chromium (see ./e2e/browser.ts for which) against the
 * production build (`vite preview` serves dist/; this config builds nothing: `npm test`
 * builds first).
 */
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './e2e/browser';
import { SUB_PATH, SUB_PATH_PORT_OFFSET } from './e2e/subPath';

// Several checkouts or builds can be tested side by side: each its own port, build folder and results.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST;
const OUTPUT = process.env.E2E_OUTPUT;
const found = findChromium();
const SUB_PATH_PORT = PORT + SUB_PATH_PORT_OFFSET;

export default defineConfig({
  testDir: 'e2e',
  outputDir: OUTPUT ? `${OUTPUT}/test-results` : 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two browsers at a time: the machines have two cores, and the suite must stay well under 15 minutes.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: OUTPUT ? `${OUTPUT}/playwright.json` : 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    ...(found.channel ? { channel: found.channel } : {}),
    launchOptions: found.launchOptions,
    locale: 'en-US',
    // Tracing every action of a page holding Monaco costs seconds per test on 2 cores: only on a retry.
    trace: 'on-first-retry',
    // The service worker downloads the whole app (~6 MB) in every fresh context: only the
    // offline spec, which is about it, lets it run.
    serviceWorkers: 'block',
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${DIST ? ` --outDir ${DIST}` : ''}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The build is not rebuilt for the sub-path: every URL in it is relative.
      command: `npx vite preview --host 127.0.0.1 --port ${SUB_PATH_PORT} --strictPort --base ${SUB_PATH}${DIST ? ` --outDir ${DIST}` : ''}`,
      url: `http://127.0.0.1:${SUB_PATH_PORT}${SUB_PATH}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
