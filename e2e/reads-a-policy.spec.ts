import { expect, openApp, test } from './fixtures';

test('a learner selects the policy and reads it in the editor', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).click();

  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: 'ReadReports' })).toBeVisible();
  await expect(panel).toContainText('arn:aws:iam::111111111111:policy/ReadReports');
  // Monaco, bundled and loaded lazily, shows the document.
  await expect(panel.getByRole('textbox', { name: 'Policy document of ReadReports' })).toBeAttached();
  const lines = panel.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('"Sid": "ListReports"');
  await expect(lines).toContainText('s3:GetObject');

  // Keyboard: the map's items are buttons that Enter selects.
  await page.getByRole('button', { name: 'Resource-based policy acme-reports', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'acme-reports' })).toBeVisible();
  await expect(panel.locator('.monaco-editor .view-lines')).toContainText('NobodyDeletesReports');
});

test('a learner reads an AWS managed policy, served with the site', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'AWS managed policy IAMUserChangePassword', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel).toContainText('arn:aws:iam::aws:policy/IAMUserChangePassword');
  await expect(panel.locator('.monaco-editor .view-lines')).toContainText('iam:ChangePassword');
});
