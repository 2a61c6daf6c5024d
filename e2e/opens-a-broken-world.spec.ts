import { expect, test } from './fixtures';

test('a world file that is not valid is reported with where it is wrong, never a blank page', async ({ page }) => {
  await page.route('**/samples/starter.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ format: 'iam-playground/scenario', version: 1, accounts: [{ id: '12' }] }) }),
  );
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This scenario file is not valid');
  await expect(alert).toContainText('$.accounts[0].id');
  await expect(page.getByRole('heading', { name: 'Send a request' })).toBeVisible();
});

test('a world that cannot be fetched can be opened again', async ({ page }) => {
  let fail = true;
  await page.route('**/samples/starter.json', (route) => (fail ? route.fulfill({ status: 503, body: 'unavailable' }) : route.fallback()));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('The world could not be opened');
  fail = false;
  await page.getByRole('button', { name: 'Open the sample world again' }).click();
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
});
