import { expect, openApp, sendRequest, test } from './fixtures';

test('when the browser cannot start a worker, the engine runs on the page and says so', async ({ page }) => {
  await page.addInitScript(() => {
    // A browser (or a policy) without module workers.
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'runs on the page itself' })).toBeVisible();
  await sendRequest(page, { principal: 'bob · acme-analytics', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/x' });
  await expect(page.getByRole('region', { name: 'Decision' }).locator('.verdict-label')).toHaveText('Implicitly denied');
});

test("when the engine's own chunk fails to download once, the worker starts afresh and the next request is judged in the world", async ({ page }) => {
  // The worker's small entry answers the sample; the engine is loaded after it (engine/worker/serve.ts).
  let failed = false;
  await page.context().route(/\/assets\/worker-[^/]+\.js$/, (route) => {
    if (failed) return route.continue();
    failed = true;
    return route.abort('connectionreset');
  });
  await openApp(page);
  await expect.poll(() => failed).toBe(true);
  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' });
  await expect(page.getByRole('region', { name: 'Decision' }).locator('.verdict-label')).toHaveText('Allowed');
});
