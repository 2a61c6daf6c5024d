import type { Page } from '@playwright/test';
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

/** Waits until the map's frame has taken a new size and the page has drawn twice since. */
async function frameResized(page: Page, before: { width: number; height: number }): Promise<void> {
  const frame = page.getByRole('application');
  await expect.poll(async () => { const box = await frame.boundingBox(); return box !== null && (box.width !== before.width || box.height !== before.height); }).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** How many of the map's nodes lie, even in part, outside the map's frame. */
function nodesOutOfView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const frame = document.querySelector('[role="application"]')?.getBoundingClientRect();
    if (!frame) return Number.NaN;
    const nodes = [...document.querySelectorAll('[aria-roledescription="node"]')].map((node) => node.getBoundingClientRect());
    return nodes.filter((n) => n.left < frame.left - 1 || n.top < frame.top - 1 || n.right > frame.right + 1 || n.bottom > frame.bottom + 1).length;
  });
}

test('the map keeps the whole world in view while its frame changes size, until the learner moves the view', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => nodesOutOfView(page)).toBe(0);
  const frame = page.getByRole('application');
  const large = (await frame.boundingBox())!;
  // A smaller window, as when an exercise's card takes the top of the page: the world is fitted again.
  await page.setViewportSize({ width: 1200, height: 720 });
  await frameResized(page, large);
  expect(await nodesOutOfView(page)).toBe(0);

  // Once the learner has zoomed, the view is theirs: a change of size leaves it as it is.
  const alice = page.getByRole('button', { name: 'IAM user alice', exact: true });
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => nodesOutOfView(page)).toBeGreaterThan(0);
  const zoomed = (await alice.boundingBox())!.width;
  const small = (await frame.boundingBox())!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await frameResized(page, small);
  expect((await alice.boundingBox())!.width).toBeCloseTo(zoomed, 0);
  expect(await nodesOutOfView(page)).toBeGreaterThan(0);
});
