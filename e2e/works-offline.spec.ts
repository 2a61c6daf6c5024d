import { expect, openApp, sendRequest, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('a learner goes offline, reloads, and everything still works', async ({ page, context }) => {
  await openApp(page);
  // Wait until the service worker has installed (precached the shell, the engine worker and Monaco) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });

  // The AWS managed policy the world uses, fetched before the service worker was in control, is cached once it is.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        for (const name of await caches.keys()) {
          if (!name.startsWith('iam-data')) continue;
          const keys = await (await caches.open(name)).keys();
          if (keys.some((r) => r.url.endsWith('/IAMUserChangePassword.json'))) return true;
        }
        return false;
      }),
    )
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('ListReports');

  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' });
  await expect(page.getByRole('region', { name: 'Decision' }).locator('.verdict-label')).toHaveText('Allowed');

  // A request decided by the AWS managed policy: the data came from the service worker's cache.
  await page.getByRole('button', { name: 'alice-changes-her-password' }).click();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByRole('region', { name: 'Decision' }).locator('.verdict-label')).toHaveText('Allowed');
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText('AWS managed policy IAMUserChangePassword');
  await context.setOffline(false);
});
