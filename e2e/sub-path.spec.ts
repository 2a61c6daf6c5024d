/**
 * The same production build served under a sub-path (as on GitHub Pages:
 * https://USER.github.io/iam-playground/): the main journey works there unchanged, every
 * request stays under the sub-path, and the service worker's scope is the sub-path.
 */
import { SUB_PATH, SUB_PATH_PORT_OFFSET } from './subPath';
import { expect, sendRequest, test } from './fixtures';

// The server playwright.config.ts starts beside the main one.
const site = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + SUB_PATH_PORT_OFFSET}${SUB_PATH}`;

test.use({ serviceWorkers: 'allow', baseURL: site });

test('the app works under a sub-path: the world, a decision, the editor, the exercises and the service worker', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && !url.pathname.startsWith(SUB_PATH)) outside.push(url.pathname);
  });

  await page.goto(site);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();

  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' });
  await expect(page.getByRole('region', { name: 'Decision' }).locator('.verdict-label')).toHaveText('Allowed');

  // The editor's chunk and the AWS managed policies' data come from the sub-path too.
  await page.getByRole('tab', { name: 'Map' }).click();
  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('ListReports');

  await page.getByRole('tab', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'Open the curriculum' }).click();
  await expect(page.getByRole('list', { name: 'Exercises of this pack' })).toBeVisible();

  // The service worker is registered for the sub-path, not for the whole origin.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? null)).toBe(site);
  expect(outside, 'every request stays under the sub-path').toEqual([]);
});
