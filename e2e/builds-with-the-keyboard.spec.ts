/**
 * A learner builds a small world with the keyboard alone — Tab, Enter, typing: adds a user,
 * a group, a policy and a role from the toolbar, connects them in the inspector (adds the
 * user to the group, attaches the policy, lets the user assume the role), gives a name IAM
 * refuses and reads why, then a valid one, and sends requests the world now allows.
 * Screenshots of the inspector (a user, a role) in English and Korean, for review.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const SHOTS = `${process.env.E2E_OUTPUT ?? 'reports'}/screenshots`;

/**
 * Presses Tab (or Shift+Tab, when the target comes before the focus in the page) until
 * `target` has focus, as a learner would; fails if it never gets there.
 */
async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
  await expect(target).toBeVisible();
  const key = await target.evaluate((el) => {
    const at = document.activeElement;
    return !at || at === document.body || at.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'Tab' : 'Shift+Tab';
  });
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** Replaces the text of the focused field. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** Adds an item from the toolbar: its button, then the dialog's name field and Enter. */
async function addFromToolbar(page: Page, button: string, dialog: string, name: string): Promise<void> {
  await tabTo(page, page.getByRole('toolbar').getByRole('button', { name: button, exact: true }));
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: dialog });
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
}

/** Selects a node of the map: focus it (as Tab would) and press Enter. */
async function pick(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/** Selects a node of the map with the keyboard, tabbing to it. */
async function openOnMap(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('region', { name: /Map of the AWS world/ }).getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

async function sendWithKeyboard(page: Page, request: { principal: string; action: string; resource: string }): Promise<Locator> {
  await tabTo(page, page.getByLabel('Principal', { exact: true }));
  await page.keyboard.type(request.principal); // a select picks the option its typed label starts with
  await expect(page.getByLabel('Principal', { exact: true }).locator('option:checked')).toHaveText(new RegExp(`^${request.principal.replace('.', '\\.')}`));
  await tabTo(page, page.getByLabel('Action', { exact: true }));
  await retype(page, request.action);
  await tabTo(page, page.getByLabel('Resource', { exact: true }));
  await retype(page, request.resource);
  await tabTo(page, page.getByRole('button', { name: 'Evaluate' }));
  await page.keyboard.press('Enter');
  return page.getByRole('region', { name: 'Decision' });
}

test('a learner builds a user, a group, a policy and a role with the keyboard, connects them in the inspector, and the world allows the request', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const panel = page.getByRole('complementary', { name: 'Details' });
  const map = page.getByRole('region', { name: /Map of the AWS world/ });

  // ── four new things, from the toolbar ──
  await addFromToolbar(page, 'Add a user', 'Add an IAM user', 'carol');
  await expect(panel.getByRole('heading', { name: 'carol' })).toBeVisible();
  await addFromToolbar(page, 'Add a group', 'Add a user group', 'auditors');
  await addFromToolbar(page, 'Add a policy', 'Add a customer managed policy', 'ReadAcmeReports');
  await addFromToolbar(page, 'Add a role', 'Add a role', 'Auditor');
  await expect(panel.getByRole('heading', { name: 'Auditor' })).toBeVisible();

  // ── the role: carol may assume it ──
  await tabTo(page, panel.getByRole('combobox', { name: 'Allow to assume this role' }));
  await page.keyboard.type('arn:aws:iam::111111111111:user/carol');
  await page.keyboard.press('Enter');
  const trusted = panel.getByRole('region', { name: 'Who can assume this role' });
  await expect(trusted.getByRole('listitem').filter({ hasText: 'carol' })).toContainText('IAM user');

  // ── the group: it gets the policy ──
  await openOnMap(page, 'User group auditors');
  await expect(panel.getByRole('heading', { name: 'auditors' })).toBeVisible();
  await tabTo(page, panel.getByRole('combobox', { name: 'Attach a policy' }));
  await page.keyboard.type('ReadAcmeReports');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('region', { name: 'Attached managed policies' }).getByRole('button', { name: 'Open policy ReadAcmeReports' })).toBeVisible();

  // ── the user: into the group ──
  await openOnMap(page, 'IAM user carol');
  await tabTo(page, panel.getByRole('combobox', { name: 'Add to a group' }));
  await page.keyboard.type('auditors');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Add', exact: true }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  const groups = panel.getByRole('region', { name: 'Groups' });
  await expect(groups.getByRole('button', { name: 'Open auditors' })).toBeVisible();
  await expect(map.locator('.react-flow__edge.edge-member')).toHaveCount(2);

  // ── requests the world now allows: reading through the group's policy, assuming the role it trusts her for ──
  let decision = await sendWithKeyboard(page, { principal: 'carol', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' });
  await expect(decision.locator('.verdict-label')).toHaveText('Allowed');
  await expect(decision).toContainText('ReadAcmeReports');
  decision = await sendWithKeyboard(page, { principal: 'carol', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/Auditor' });
  await expect(decision.locator('.verdict-label')).toHaveText('Allowed');

  // ── a name IAM refuses, then a valid one (a request showed its decision: back to the map, by keyboard) ──
  // The tabs are one stop for Tab (the selected one); the arrow keys move between them.
  await tabTo(page, page.getByRole('tab', { name: 'Decision', exact: true }));
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Map', exact: true })).toHaveAttribute('aria-selected', 'true');
  await openOnMap(page, 'IAM user carol');
  const name = panel.getByRole('textbox', { name: 'Name', exact: true });
  await tabTo(page, name);
  await retype(page, 'Alice');
  await expect(name).toHaveAttribute('aria-invalid', 'true'); // checked as she types
  await page.keyboard.press('Enter');
  const why = panel.locator(`#${await name.getAttribute('aria-describedby').then((ids) => (ids ?? '').split(' ').at(-1))}`);
  await expect(why).toContainText('The name Alice is already taken here (IAM names are not case-sensitive).');
  await expect(name).toHaveValue('Alice'); // the learner's text stays, to fix
  await expect(panel.getByRole('heading', { name: 'carol' })).toBeVisible(); // the world is unchanged
  await expect(map.getByRole('button', { name: 'IAM user carol', exact: true })).toBeVisible();
  await page.keyboard.press('Escape'); // puts back what the world holds
  await expect(name).toHaveValue('carol');
  await expect(why).toBeEmpty();

  await retype(page, 'carol smith');
  await expect(why).toContainText('has characters IAM does not allow in a name');
  await retype(page, 'carol.smith');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'carol.smith' })).toBeVisible();
  await expect(name).toBeFocused(); // still in the field, on the renamed user
  await expect(map.getByRole('button', { name: 'IAM user carol.smith', exact: true })).toBeVisible();
  await expect(groups.getByRole('button', { name: 'Open auditors' })).toBeVisible(); // the membership followed the rename

  decision = await sendWithKeyboard(page, { principal: 'carol.smith', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' });
  await expect(decision.locator('.verdict-label')).toHaveText('Allowed');
});

/** No serious or critical accessibility violation in the details panel as it is now. */
async function expectAccessiblePanel(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.details-panel').exclude('.monaco-editor').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of ['en', 'ko'] as const) {
  test(`the inspector of a user, of a role and of a policy, in ${lang === 'en' ? 'English' : 'Korean'}, with no serious accessibility violations`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 1440, height: 1300 });
    await openApp(page);
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
    const panel = page.getByRole('complementary', { name: lang === 'en' ? 'Details' : '세부 정보' });
    const [user, role, policy] =
      lang === 'en'
        ? ['IAM user alice', 'Role ReportWriter', 'Customer managed policy ReadReports']
        : ['IAM 사용자 alice', '역할 ReportWriter', '고객 관리형 정책 ReadReports'];
    await pick(page, user);
    await expect(panel.getByRole('heading', { name: 'alice' })).toBeVisible();
    await panel.screenshot({ path: `${SHOTS}/inspector-user-${lang}.png` });
    await expectAccessiblePanel(page, user);
    await pick(page, role);
    await expect(panel.getByRole('heading', { name: 'ReportWriter' })).toBeVisible();
    await panel.screenshot({ path: `${SHOTS}/inspector-role-${lang}.png` });
    await expectAccessiblePanel(page, role);
    await pick(page, policy);
    await expect(panel.getByRole('heading', { name: 'ReadReports' })).toBeVisible();
    await expectAccessiblePanel(page, policy);
  });
}

test("a user's access keys: the secret is shown once, and a third key is refused as AWS refuses it", async ({ page }) => {
  await openApp(page);
  await pick(page, 'IAM user bob');
  const panel = page.getByRole('complementary', { name: 'Details' });
  const keys = panel.getByRole('region', { name: /^Access keys/ });

  await keys.getByRole('button', { name: 'Create access key' }).click();
  const shown = keys.getByRole('region', { name: 'Access key created' });
  await expect(shown).toBeFocused();
  await expect(shown).toContainText('This is the only time the secret access key is shown.');
  const id = (await shown.locator('.secret-value').first().textContent()) ?? '';
  expect(id).toMatch(/^AKIA[A-Z0-9]{16}$/);
  await expect(shown.locator('.secret-value').nth(1)).toHaveText(/^[A-Za-z0-9+/]{40}$/);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden(); // never shown again
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('Active');

  await keys.getByRole('button', { name: `Deactivate ${id}` }).click();
  await expect(keys.getByRole('listitem').filter({ hasText: id })).toContainText('Inactive');

  await keys.getByRole('button', { name: 'Create access key' }).click();
  await keys.getByRole('button', { name: 'Done' }).click();
  await keys.getByRole('button', { name: 'Create access key' }).click();
  await expect(keys.locator('.field-problem')).toContainText('has reached the AWS quota of 2');
  await expect(keys.getByRole('listitem')).toHaveCount(2);
});

test('tags are checked as they are typed; a reserved key is refused and the tags stay as they were', async ({ page }) => {
  await openApp(page);
  await pick(page, 'Role ReportWriter');
  const panel = page.getByRole('complementary', { name: 'Details' });
  const tags = panel.getByRole('region', { name: /^Tags/ });
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByRole('textbox', { name: 'Key of tag 1' })).toBeFocused();
  await page.keyboard.type('aws:team');
  await expect(tags.getByRole('textbox', { name: 'Key of tag 1' })).toHaveAttribute('aria-invalid', 'true');
  await expect(tags.locator('.field-problem')).toContainText('Tag key aws:team is not allowed');
  await page.keyboard.press('Escape');
  await expect(tags).toContainText('No tags.');

  await tags.getByRole('button', { name: 'Add tag' }).click();
  await page.keyboard.type('team');
  await page.keyboard.press('Tab');
  await page.keyboard.type('reports');
  await page.keyboard.press('Enter');
  await expect(tags.getByRole('textbox', { name: 'Value of tag 1' })).toHaveValue('reports');
  await expect(tags.locator('.section-count')).toHaveText('1');
});

test('an inline policy is added from the inspector and opens in the editor', async ({ page }) => {
  await openApp(page);
  await pick(page, 'IAM user bob');
  const panel = page.getByRole('complementary', { name: 'Details' });
  await panel.getByRole('combobox', { name: 'New inline policy' }).fill('ReadOwnReports');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'ReadOwnReports' })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('ReadOwnReports');
  await panel.getByRole('button', { name: 'Open bob' }).click();
  await expect(panel.getByRole('region', { name: /^Inline policies/ }).getByRole('button', { name: 'Open policy ReadOwnReports' })).toBeVisible();
});

