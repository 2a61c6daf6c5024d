import { expect, openApp, test } from './fixtures';

test('a learner opens the sample world and sees it drawn on the map', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('banner')).toContainText('IAM Playground');
  await expect(page.getByRole('banner')).toContainText('Starter: a team reads its reports');

  const map = page.getByRole('region', { name: /Map of the AWS world/ });
  await expect(map.getByRole('group', { name: 'Account acme-analytics (111111111111)' })).toBeVisible();
  for (const name of ['Root user root', 'IAM user alice', 'IAM user bob', 'User group analysts', 'Role ReportWriter', 'Customer managed policy ReadReports', 'Resource acme-reports', 'Resource-based policy acme-reports', 'Trust policy ReportWriter']) {
    await expect(map.getByRole('button', { name, exact: true })).toBeVisible();
  }
  // An AWS managed policy is shared, outside the account.
  const shared = map.getByRole('button', { name: 'AWS managed policy IAMUserChangePassword', exact: true });
  await expect(shared).toBeVisible();
  await expect(map.getByRole('group', { name: /^Account/ }).getByRole('button', { name: 'AWS managed policy IAMUserChangePassword' })).toHaveCount(0);
  // Edges: the group's membership and the policies' attachments are drawn.
  await expect(map.locator('.react-flow__edge.edge-member')).toHaveCount(1);
  await expect(map.locator('.react-flow__edge.edge-attached')).toHaveCount(3);
  // The legend explains the shapes.
  const legend = map.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText('Is a member of');
  await legend.getByRole('button', { name: 'Show the kinds' }).click();
  await expect(legend).toContainText('Customer managed policy');
});

test('a learner selects a user and sees which policies apply, through its group', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'IAM user alice', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: 'alice' })).toBeVisible();
  await expect(panel).toContainText('arn:aws:iam::111111111111:user/alice');
  await expect(panel.getByRole('button', { name: /ReadReports/ })).toContainText('through group analysts');
});
