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
