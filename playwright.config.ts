/**
 * End-to-end specs run in a real Chromium against the production build (`vite preview`
 * serves dist/; this config builds nothing: `npm test` builds first). Playwright cannot
 * download its browser everywhere, so the browser is found, in this order:
 *   1. $CHROMIUM_PATH;
 *   2. Playwright's own Chromium, if its executable really exists (a failed download
 *      leaves an empty folder behind);
 *   3. Debian's /usr/bin/chromium, with flags for a container without a GPU or a sandbox;
 *   else a clear error saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices, type LaunchOptions } from '@playwright/test';

const CONTAINER_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function browser(): { channel?: string; launchOptions: LaunchOptions } {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is \`${fromEnv}\`, but no file is there. Point it at a Chromium or Chrome executable.`);
    return { launchOptions: { executablePath: fromEnv, args: CONTAINER_FLAGS } };
  }
  if (playwrightChromium()) return { channel: 'chromium', launchOptions: {} };
  if (existsSync('/usr/bin/chromium')) return { launchOptions: { executablePath: '/usr/bin/chromium', args: CONTAINER_FLAGS } };
  throw new Error(
    'No Chromium found for the end-to-end tests. Either run `npx playwright install chromium`, ' +
      'install Debian\'s `chromium` package (/usr/bin/chromium), or set CHROMIUM_PATH to a Chromium executable.',
  );
}

// Several checkouts or builds can be tested side by side: each its own port, build folder and results.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST;
const OUTPUT = process.env.E2E_OUTPUT;
const found = browser();

export default defineConfig({
  testDir: 'e2e',
  outputDir: OUTPUT ? `${OUTPUT}/test-results` : 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
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
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${DIST ? ` --outDir ${DIST}` : ''}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
