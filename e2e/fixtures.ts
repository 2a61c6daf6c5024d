/**
 * The page every spec uses, watched: an uncaught error, a CSP violation or a request to
 * another origin fails the spec (the app must never phone home, and a broken script must
 * not pass unnoticed).
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Watched {
  readonly problems: string[];
}

export const test = base.extend<{ watched: Watched }>({
  watched: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      page.on('request', (request) => {
        const url = request.url();
        if (/^(data|blob):/.test(url)) return;
        if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
      });
      await use({ problems });
      expect(problems, 'no page errors, CSP violations or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the sample world is drawn. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'IAM user alice' }).or(page.getByRole('button', { name: 'IAM 사용자 alice' }))).toBeVisible();
}

/** Brings the map back into view: a request from the console switches the main region to its decision. */
export async function showMap(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^(Map|지도)$/ }).click();
}

/** Fills the request form and sends it. */
export async function sendRequest(page: Page, request: { principal: string; action: string; resource: string }, labels = { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate' }): Promise<void> {
  await page.getByLabel(labels.principal, { exact: true }).selectOption({ label: request.principal });
  await page.getByLabel(labels.action, { exact: true }).fill(request.action);
  await page.getByLabel(labels.resource, { exact: true }).fill(request.resource);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** The words of the File menu's import, in a language. */
export interface ImportWords {
  readonly file: string;
  readonly importFiles: string;
  readonly importDialog: string;
  readonly importConfirm: string;
}

const IMPORT_EN: ImportWords = { file: 'File', importFiles: 'Import files…', importDialog: 'Import', importConfirm: 'Import' };

/** Imports files from the File menu (into a new workspace, the dialog's default) and waits until the map node named `shown` is drawn. */
export async function importScenarioFiles(page: Page, files: string[], shown: string, words: ImportWords = IMPORT_EN): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: words.file, exact: true }).click();
  await page.getByRole('button', { name: words.importFiles }).click();
  await (await chooser).setFiles(files);
  await page.getByRole('dialog', { name: words.importDialog }).getByRole('button', { name: words.importConfirm, exact: true }).click();
  await expect(page.getByRole('button', { name: shown, exact: true })).toBeVisible();
}
