/**
 * A learner edits the root user's credentials as AWS's "Root user best practices" advise:
 * no access keys (deactivate, then delete), an MFA device; every change undoable, in
 * English and in Korean.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const ACCESS_KEY_ID = /^AKIA[A-Z2-7]{16}$/;

/** Creates a root access key in the open inspector and returns its id (shown once, with its secret). */
async function createKey(page: Page, panel: ReturnType<Page['getByRole']>, words: { create: string; created: string; done: string }): Promise<string> {
  await panel.getByRole('button', { name: words.create }).click();
  const reveal = panel.getByRole('region', { name: words.created });
  await expect(reveal).toBeVisible();
  const id = (await reveal.locator('code').first().textContent()) ?? '';
  expect(id).toMatch(ACCESS_KEY_ID);
  await reveal.getByRole('button', { name: words.done }).click();
  await expect(reveal).toHaveCount(0);
  return id;
}

test('a learner deactivates, deletes and restores the root user\'s access key, and adds an MFA device', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Root user root', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel).toContainText('arn:aws:iam::111111111111:root');
  // The sample's root user has no key and no MFA device: AWS's advice is said for each.
  await expect(panel.getByText('No access keys, as AWS recommends for the root user.')).toBeVisible();
  await expect(panel.getByRole('note').filter({ hasText: 'No MFA device: AWS recommends MFA for the root user.' })).toBeVisible();

  const id = await createKey(page, panel, { create: 'Create access key', created: 'Access key created', done: 'Done' });
  const keys = panel.getByRole('region', { name: /^Access keys/ });
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('Active');
  await expect(keys.getByRole('note')).toHaveText('AWS recommends that the root user have no access keys.');

  await keys.getByRole('button', { name: `Deactivate ${id}` }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('Inactive');
  await keys.getByRole('button', { name: `Delete access key ${id}` }).click();
  await expect(keys.getByRole('listitem')).toHaveCount(0);
  await expect(keys.getByRole('note')).toHaveCount(0);

  const toolbar = page.getByRole('toolbar', { name: 'Build the world' });
  await toolbar.getByRole('button', { name: 'Undo: delete access key' }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('Inactive');
  await toolbar.getByRole('button', { name: 'Undo: change access key status' }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('Active');

  // A weak root password is refused with the root user's own rule.
  const password = panel.getByLabel('Set a password');
  await password.fill('weakpass');
  await password.press('Enter');
  await expect(panel.getByText(/The root user’s password must be 8 to 128 characters/)).toBeVisible();

  // An MFA device: its seed shown once; the warning goes.
  const mfa = panel.getByRole('region', { name: /^MFA/ });
  await mfa.getByLabel('Add a virtual MFA device').fill('root-phone');
  await mfa.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(mfa.getByRole('region', { name: 'Virtual MFA device added' })).toContainText('arn:aws:iam::111111111111:mfa/root-phone');
  await mfa.getByRole('button', { name: 'Done' }).click();
  await expect(mfa.getByRole('listitem')).toHaveText('arn:aws:iam::111111111111:mfa/root-phone');
  await expect(mfa.getByRole('note')).toHaveCount(0);

  // The account's inspector sums the root user up (one MFA device, one key AWS advises against) and leads to it.
  await page.getByRole('group', { name: 'Account acme-analytics (111111111111)' }).locator('.box-header').click();
  const summary = panel.getByRole('region', { name: 'Root user' });
  await expect(summary.getByRole('note')).toHaveText('AWS recommends that the root user have no access keys.');
  await summary.getByRole('button', { name: 'Open the root user' }).click();
  await expect(panel.getByRole('region', { name: /^Access keys/ }).getByRole('listitem').filter({ hasText: id })).toBeVisible();
});

test('in Korean: 루트 사용자의 액세스 키를 비활성화하고 삭제한 뒤 실행 취소한다', async ({ page }) => {
  await openApp(page);
  await page.getByRole('radio', { name: '한국어' }).check();
  await page.getByRole('button', { name: '루트 사용자 root', exact: true }).click();
  const panel = page.getByRole('complementary', { name: '세부 정보' });
  await expect(panel.getByText('액세스 키가 없습니다. AWS가 루트 사용자에게 권장하는 상태입니다.')).toBeVisible();

  const id = await createKey(page, panel, { create: '액세스 키 만들기', created: '액세스 키를 만들었습니다', done: '확인' });
  const keys = panel.getByRole('region', { name: /^액세스 키/ });
  await expect(keys.getByRole('note')).toHaveText('AWS는 루트 사용자에게 액세스 키를 두지 않도록 권장합니다.');
  await keys.getByRole('button', { name: `${id} 비활성화` }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('비활성');
  await keys.getByRole('button', { name: `액세스 키 ${id} 삭제` }).click();
  await expect(keys.getByRole('listitem')).toHaveCount(0);

  const toolbar = page.getByRole('toolbar', { name: '환경 만들기' });
  await toolbar.getByRole('button', { name: '실행 취소: 액세스 키 삭제' }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toBeVisible();
});
