/**
 * Which Chromium the end-to-end specs and the map benchmarks drive. Playwright cannot
 * download its browser everywhere, so, in this order:
 *   1. $CHROMIUM_PATH;
 *   2. Playwright's own Chromium, if its executable really exists (a failed download
 *      leaves an empty folder behind);
 *   3. Debian's /usr/bin/chromium, with flags for a container without a GPU or a sandbox;
 *   else a clear error saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const CONTAINER_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export interface FoundBrowser {
  readonly channel?: string;
  readonly launchOptions: LaunchOptions;
}

export function findChromium(): FoundBrowser {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is \`${fromEnv}\`, but no file is there. Point it at a Chromium or Chrome executable.`);
    return { launchOptions: { executablePath: fromEnv, args: CONTAINER_FLAGS } };
  }
  if (playwrightChromium()) return { channel: 'chromium', launchOptions: {} };
  if (existsSync('/usr/bin/chromium')) return { launchOptions: { executablePath: '/usr/bin/chromium', args: CONTAINER_FLAGS } };
  throw new Error(
    'No Chromium found. Either run `npx playwright install chromium`, ' +
      "install Debian's `chromium` package (/usr/bin/chromium), or set CHROMIUM_PATH to a Chromium executable.",
  );
}
