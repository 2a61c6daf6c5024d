/**
 * Every shared link, imported file and pack is untrusted input: a scenario whose names,
 * descriptions, tags, ARNs and request ids hold markup, and a `javascript:` pack address,
 * are shown as text and execute nothing (issue 9). The page watches for the markup's side
 * effects (`window.__pwned`), for dialogs and for any request the markup would make.
 */
import type { Page } from '@playwright/test';
import { expect, importScenarioFiles, openApp, test } from './fixtures';

const HOSTILE = 'e2e/fixtures/hostile-names.json';

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

test('a scenario full of markup and a javascript: pack address execute nothing and show as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // An <img src=x> that became an element would request `x` from the site.
  const imageRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/x$/.test(new URL(request.url()).pathname)) imageRequests.push(request.url());
  });

  await openApp(page);
  await importScenarioFiles(page, [HOSTILE], 'Role Admin');

  // The title is the workspace's name, as text.
  await expect(page.getByRole('banner').getByRole('button', { name: /^Workspace / })).toContainText('<img src=x onerror=window.__pwned=10> Hostile world');

  // The role's description in the inspector, the user's tag, the policy's description and document.
  await page.getByRole('button', { name: 'Role Admin', exact: true }).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('textbox', { name: 'Description' })).toHaveValue('<img src=x onerror=window.__pwned=2> javascript:window.__pwned=3');
  await page.getByRole('button', { name: 'IAM user alice', exact: true }).click();
  await expect(panel.getByRole('textbox', { name: 'Value of tag 1' })).toHaveValue('<img src=x onerror=window.__pwned=1>');
  await page.getByRole('button', { name: 'Customer managed policy P', exact: true }).click();
  await expect(panel.getByRole('textbox', { name: 'Description' })).toHaveValue('<script>window.__pwned=4</script>');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('onerror=window.__pwned=5');

  // The scenario's request (its id is markup) is offered in the console and decided; the decision and the log show the ARN as text.
  await page.getByRole('button', { name: '<img src=x onerror=window.__pwned=6>' }).click();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('.verdict-label')).toHaveText('Implicitly denied');
  await expect(decision).toContainText('arn:aws:s3:::b/<img src=x onerror=window.__pwned=7>');
  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Event log' })).toContainText('<img src=x onerror=window.__pwned=7>');

  // A pack address with the javascript: scheme is refused, not followed.
  await page.goto('./?pack=javascript:window.__pwned=8');
  await page.getByRole('tab', { name: 'Exercises' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Exercises' })).toContainText('This pack could not be opened');

  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(imageRequests).toEqual([]);
});
