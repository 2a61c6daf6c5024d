import type { Page } from '@playwright/test';
import { encodeShareFragment } from '../app/share/shareLink';
import { expect, openApp, test } from './fixtures';

function workspaceButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Workspace / });
}

/** Makes the share link of the open world through the File menu and returns it. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Share link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this world' });
  const field = dialog.getByLabel('Link to this world');
  await expect(field).toHaveValue(/#w=/);
  // Copied when the browser allows it; else the learner copies it from the field.
  await expect(dialog.getByRole('status')).toHaveText(/The link is copied to the clipboard\.|Select the link above and copy it/);
  const url = await field.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  return url;
}

test('a share link opened in a fresh browser shows the same world, in a new workspace of its own', async ({ page, browser, baseURL }) => {
  test.slow(); // two browsers, each with its engine
  await openApp(page);
  const url = await shareLink(page);
  expect(url.startsWith(baseURL ?? '')).toBe(true);

  const fresh = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const elsewhere = await fresh.newPage();
    await elsewhere.goto(url);
    await expect(elsewhere.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
    await expect(elsewhere.getByRole('banner')).toContainText('Starter: a team reads its reports');
    await expect(workspaceButton(elsewhere)).toHaveText(/My first world/);
    await expect(elsewhere.getByRole('status').filter({ hasText: 'The shared world opened in a new workspace, “My first world”.' })).toBeVisible();
    // The link did its work: the address no longer carries it, and a reload opens the workspace.
    await expect.poll(() => new URL(elsewhere.url()).hash).toBe('');
    await elsewhere.reload();
    await expect(elsewhere.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
    await workspaceButton(elsewhere).click();
    await expect(elsewhere.getByRole('list', { name: 'Your workspaces' }).getByRole('button')).toHaveCount(1);
  } finally {
    await fresh.close();
  }
});

test('a share link opened beside existing workspaces adds one and touches none', async ({ page }) => {
  await openApp(page);
  const url = await shareLink(page);
  await page.goto(url.replace(/#.*/, '') + '#request-console'); // any other fragment opens nothing new
  await page.goto(url);
  await expect(workspaceButton(page)).toHaveText(/My first world 2/);
  await workspaceButton(page).click();
  await expect(page.getByRole('list', { name: 'Your workspaces' }).getByRole('button')).toHaveText([/My first world 2/, /My first world/]);
});

test('a damaged share link opens nothing, keeps the workspaces and says why', async ({ page }) => {
  await openApp(page);
  const url = await shareLink(page);
  // A link cut short on its way (a chat app truncating it).
  const damaged = url.slice(0, url.length - Math.floor((url.length - url.indexOf('#w=')) / 2));
  await page.goto('about:blank');
  await page.goto(damaged);
  const notice = page.getByRole('status').filter({ hasText: 'share link' });
  await expect(notice).toContainText('nothing was opened');
  await expect(notice).toContainText('Your workspaces are unchanged.');
  await expect(workspaceButton(page)).toHaveText(/My first world$/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
  await workspaceButton(page).click();
  await expect(page.getByRole('list', { name: 'Your workspaces' }).getByRole('button')).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).hash).toBe('');
});

test('a share link whose world is not valid opens nothing and says where it is wrong', async ({ page }) => {
  // The link is well formed (made by the app's own codec); only the world inside is wrong.
  const fragment = await encodeShareFragment({ scenario: { format: 'iam-playground/scenario', version: 1, accounts: [{ id: '12' }] }, positions: {} });
  await page.goto(`./#${fragment}`);
  const notice = page.getByRole('status').filter({ hasText: 'share link' });
  await expect(notice).toContainText('The world in this share link is not valid, so nothing was opened.');
  await expect(notice).toContainText('$.accounts[0].id');
  // A first visit all the same: the sample world opens as the learner's first workspace.
  await expect(workspaceButton(page)).toHaveText(/My first world$/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
});
