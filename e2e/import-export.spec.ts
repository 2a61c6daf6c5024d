import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

function workspaceButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Workspace / });
}

async function fileMenu(page: Page, item: 'Import files…' | 'Export scenario file' | 'Share link…') {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: item }).click();
}

/** Exports the open world and returns the downloaded file's name and text. */
async function exportWorld(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await fileMenu(page, 'Export scenario file');
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function importFiles(page: Page, files: string[] | { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await fileMenu(page, 'Import files…');
  await (await chooser).setFiles(files);
}

test('a learner exports the world as a scenario file, and importing the file gives the same world back', async ({ page }) => {
  await openApp(page);
  const exported = await exportWorld(page);
  expect(exported.name).toBe('My first world.json');
  const scenario = JSON.parse(exported.text);
  expect(scenario).toMatchObject({ format: 'iam-playground/scenario', version: 1, title: { en: 'Starter: a team reads its reports' } });
  // A clean scenario file: the format's keys only, no map positions.
  expect(Object.keys(scenario)).not.toContain('positions');
  expect(exported.text).toBe(`${JSON.stringify(scenario, null, 2)}\n`);

  await importFiles(page, [{ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) }]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toContainText('My first world.json as scenario');
  await expect(dialog.getByRole('radio', { name: 'In a new workspace' })).toBeChecked();
  await expect(dialog.getByLabel('Name of the new workspace')).toHaveValue('Starter: a team reads its reports');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(workspaceButton(page)).toHaveText(/Starter: a team reads its reports/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();

  const again = await exportWorld(page);
  expect(again.name).toBe('Starter- a team reads its reports.json');
  expect(again.text).toBe(exported.text);
});

test('importing a file that is not a world changes nothing and says, for the file, where and what is wrong', async ({ page }) => {
  await openApp(page);
  await importFiles(page, ['e2e/fixtures/notes.txt']);
  const failed = page.getByRole('alertdialog', { name: 'Nothing was imported' });
  await expect(failed).toContainText('Your workspace is unchanged.');
  await expect(failed.getByRole('listitem').first()).toContainText('notes.txt');
  await failed.getByRole('button', { name: 'Close' }).last().click();
  await expect(failed).toBeHidden();
  await expect(page.getByRole('button', { name: 'File', exact: true })).toBeFocused();
  await expect(workspaceButton(page)).toHaveText(/My first world/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
  await workspaceButton(page).click();
  await expect(page.getByRole('list', { name: 'Your workspaces' }).getByRole('button')).toHaveCount(1);
});

test('a learner imports the output of aws iam get-account-authorization-details in place of the world, and Undo brings the world back', async ({ page }) => {
  await openApp(page);
  await importFiles(page, ['tests/fixtures/import/iam/authorization-details.json']);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toContainText('authorization-details.json as authorizationDetails');
  await dialog.getByRole('radio', { name: 'Instead of the world of “My first world” (undo brings it back)' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const map = page.getByRole('region', { name: /Map of the AWS world/ });
  await expect(map.getByRole('group', { name: /^Account .*111122223333/ })).toBeVisible();
  await expect(map.getByRole('button', { name: 'Role Deploy', exact: true })).toBeVisible();
  await expect(map.getByRole('group', { name: /^Account .*111111111111/ })).toHaveCount(0);
  await expect(workspaceButton(page)).toHaveText(/My first world/);
  await expect(page.getByRole('banner')).toContainText('Saved');

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(map.getByRole('group', { name: 'Account acme-analytics (111111111111)' })).toBeVisible();
  await expect(map.getByRole('group', { name: /^Account .*111122223333/ })).toHaveCount(0);
});

test('files dropped on the page are imported', async ({ page }) => {
  await openApp(page);
  const text = await readFile('e2e/fixtures/orders-team.json', 'utf8');
  const files = await page.evaluateHandle((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'orders-team.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: files });
  await expect(page.getByText('Drop the files to import them')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: files });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(workspaceButton(page)).toHaveText(/Orders team/);
  await expect(page.getByRole('button', { name: 'IAM user carol', exact: true })).toBeVisible();
});
