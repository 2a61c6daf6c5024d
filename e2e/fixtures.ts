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
