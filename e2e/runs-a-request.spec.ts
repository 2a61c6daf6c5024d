import { expect, openApp, sendRequest, test } from './fixtures';

const report = 'arn:aws:s3:::acme-reports/2026/q1.csv';

test('a learner runs a request and reads its decision and the deciding statement', async ({ page }) => {
  await openApp(page);
  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: report });

  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('.verdict-label')).toHaveText('Allowed');
  await expect(decision).toContainText('Identity-based policies');
  await expect(decision).toContainText('Statement 2');
  await expect(decision).toContainText('Sid: ReadReports');
  await expect(decision).toContainText('Customer managed policy ReadReports');
  await expect(decision.locator('.statement-text')).toContainText('"s3:GetObject"');

  // The statement opens in the editor, marked.
  await decision.getByRole('button', { name: 'Show in the policy' }).click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: 'ReadReports' })).toBeVisible();
  await expect(panel).toContainText('The highlighted statement decided the last request.');
  await expect(panel.locator('.monaco-editor .statement-highlight').first()).toBeAttached();
});

test('an explicit deny in the bucket policy wins over the allow of the identity-based policy', async ({ page }) => {
  await openApp(page);
  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:DeleteObject', resource: report });
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('.verdict-label')).toHaveText('Explicitly denied');
  await expect(decision).toContainText('Statement 1');
  await expect(decision).toContainText('Sid: NobodyDeletesReports');
  await expect(decision).toContainText('Resource-based policy acme-reports');
  await expect(decision.getByRole('blockquote').or(decision.locator('blockquote'))).toContainText('explicit deny');
});

test('a principal without any allowing policy is implicitly denied', async ({ page }) => {
  await openApp(page);
  await sendRequest(page, { principal: 'bob · acme-analytics', action: 's3:GetObject', resource: report });
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('.verdict-label')).toHaveText('Implicitly denied');
  await expect(decision).toContainText('No statement allows this request');
});

test("a scenario's own request fills the form and is checked against its expectation", async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'writer-publishes-report' }).click();
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue('s3:PutObject');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('.verdict-label')).toHaveText('Allowed');
  await expect(decision).toContainText('as the scenario expects');
  await expect(decision).toContainText('WriterPublishesReports');
});
