/**
 * A learner builds a world with the mouse, from an empty workspace: an account from the
 * empty map's button, a user and a role from the map's context menu, a group, a policy and
 * a bucket from the toolbar; then drags the user onto the group (membership), the policy
 * onto the group (attachment) and the user onto the role (trust); undoes and redoes with
 * the toolbar and the keyboard; moves a node and finds it at the same place after undo and
 * redo; deletes one with the keyboard; and sends a request the world now allows.
 * Screenshots of the builder in English and Korean, for review.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, sendRequest, showMap, test } from './fixtures';

const SHOTS = `${process.env.E2E_OUTPUT ?? 'reports'}/screenshots`;

const READ_REPORTS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::team-reports/*' }],
});

function map(page: Page): Locator {
  return page.getByRole('region', { name: /^(Map of the AWS world|AWS 환경 지도)/ });
}

function card(page: Page, name: string): Locator {
  return map(page).getByRole('button', { name, exact: true });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse from one point to another, in small steps as a hand would. */
async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Drags one card onto another. */
async function dropOnto(page: Page, dragged: Locator, target: Locator): Promise<void> {
  await dragBetween(page, await centre(dragged), await centre(target));
}

/** The dialog a create button or menu item opened: fill its name, create, and wait for it to close. */
async function createNamed(page: Page, title: string, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

async function emptyWorkspace(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: /^Workspace / }).click();
  await page.getByRole('button', { name: 'New empty workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New empty workspace' });
  await dialog.getByLabel('Name').fill('Built by hand');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

test('a learner builds a world with the mouse: creates, connects by dragging, undoes, moves, deletes and sends a request it allows', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await emptyWorkspace(page);
  const toolbar = page.getByRole('toolbar', { name: 'Build the world' });
  const status = map(page).getByRole('status');

  // ── an empty world says what to do first ──
  const emptyState = map(page).getByRole('region', { name: 'An empty world' });
  await expect(emptyState).toContainText('Start with an AWS account');
  await expect(toolbar.getByRole('button', { name: 'Add a user' })).toBeDisabled();
  const empty = await new AxeBuilder({ page }).include('.map').analyze();
  expect(empty.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await emptyState.getByRole('button', { name: 'Add an account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add an account' });
  await expect(accountDialog.getByRole('textbox', { name: 'Account ID' })).toHaveValue('111111111111');
  await accountDialog.getByRole('textbox', { name: 'Alias' }).fill('dev');
  await accountDialog.getByRole('button', { name: 'Create' }).click();
  const account = map(page).getByRole('group', { name: 'Account dev (111111111111)' });
  await expect(account).toBeVisible();

  // ── a user, right where the learner right-clicks in the account ──
  const accountBox = (await account.boundingBox())!;
  const asked = { x: accountBox.x + accountBox.width - 8, y: accountBox.y + accountBox.height - 6 };
  await page.mouse.click(asked.x, asked.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Add here' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Add a user here', 'Add a group here', 'Add a role here', 'Add a policy here', 'Add a resource here', 'Tidy up']);
  await menu.getByRole('menuitem', { name: 'Add a user here' }).click();
  await createNamed(page, 'Add an IAM user', 'alice');
  await expect(card(page, 'IAM user alice')).toBeVisible();
  await expect(status).toHaveText('Created IAM user alice.');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'alice' })).toBeVisible();
  const aliceAt = await centre(card(page, 'IAM user alice'));
  expect(Math.hypot(aliceAt.x - asked.x, aliceAt.y - asked.y)).toBeLessThan(260);

  // ── a group, a policy and a bucket from the toolbar (the account is preselected from the selection) ──
  await toolbar.getByRole('button', { name: 'Add a group' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a user group' }).getByRole('combobox', { name: 'Account' })).toHaveValue('111111111111');
  await createNamed(page, 'Add a user group', 'readers');
  await toolbar.getByRole('button', { name: 'Add a policy' }).click();
  const policyDialog = page.getByRole('dialog', { name: 'Add a customer managed policy' });
  await policyDialog.getByRole('textbox', { name: 'Policy document (JSON)' }).fill('{ "Version": "2012-10-17", ');
  await policyDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('ReadReports');
  await policyDialog.getByRole('button', { name: 'Create' }).click();
  await expect(policyDialog.getByText(/This is not valid JSON/)).toBeVisible();
  await policyDialog.getByRole('textbox', { name: 'Policy document (JSON)' }).fill(READ_REPORTS);
  await policyDialog.getByRole('button', { name: 'Create' }).click();
  await expect(policyDialog).toBeHidden();
  await toolbar.getByRole('button', { name: 'Add a resource' }).click();
  const resourceDialog = page.getByRole('dialog', { name: 'Add a resource' });
  await expect(resourceDialog.getByRole('combobox', { name: 'Service' })).toHaveValue('s3');
  await resourceDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('team-reports');
  await expect(resourceDialog).toContainText('arn:aws:s3:::team-reports');
  await resourceDialog.getByRole('button', { name: 'Create' }).click();
  await expect(card(page, 'Resource team-reports')).toBeVisible();

  // A name IAM refuses: the engine's reason next to the field, the dialog stays open.
  await toolbar.getByRole('button', { name: 'Add a role' }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Add a role' });
  await roleDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('bad name!');
  await roleDialog.getByRole('button', { name: 'Create' }).click();
  await expect(roleDialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(roleDialog.getByRole('alert')).not.toBeEmpty();
  await roleDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Auditor');
  await roleDialog.getByRole('button', { name: 'Create' }).click();
  await expect(card(page, 'Role Auditor')).toBeVisible();
  // A new role trusts its own account: its root user may assume it.
  await expect(map(page).locator('.react-flow__edge.edge-trust')).toHaveCount(1);

  // ── drag to connect: the dragged card makes the relation and goes back to its place ──
  await map(page).getByRole('button', { name: 'Fit the whole world' }).click();
  await page.waitForTimeout(400); // the fit's short animation
  const alice = card(page, 'IAM user alice');
  const before = await alice.boundingBox();
  await dropOnto(page, alice, card(page, 'User group readers'));
  await expect(map(page).locator('.react-flow__edge.edge-member')).toHaveCount(1);
  await expect(status).toHaveText('IAM user alice is now a member of User group readers.');
  await expect.poll(async () => (await alice.boundingBox())?.x).toBeCloseTo(before!.x, 0);

  await dropOnto(page, card(page, 'Customer managed policy ReadReports'), card(page, 'User group readers'));
  await expect(map(page).locator('.react-flow__edge.edge-attached')).toHaveCount(1);

  await dropOnto(page, alice, card(page, 'Role Auditor'));
  await expect(map(page).locator('.react-flow__edge.edge-trust')).toHaveCount(2);

  // ── undo and redo: the toolbar names the step; the keyboard does the same ──
  await toolbar.getByRole('button', { name: 'Undo: allow to assume role' }).click();
  await expect(map(page).locator('.react-flow__edge.edge-trust')).toHaveCount(1);
  await toolbar.getByRole('button', { name: 'Redo: allow to assume role' }).click();
  await expect(map(page).locator('.react-flow__edge.edge-trust')).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(map(page).locator('.react-flow__edge.edge-trust')).toHaveCount(1);
  await page.keyboard.press('Shift+ControlOrMeta+z');
  await expect(map(page).locator('.react-flow__edge.edge-trust')).toHaveCount(2);

  // ── a moved card is found at the same place after undo and redo ──
  const bucket = card(page, 'Resource team-reports');
  const start = (await bucket.boundingBox())!;
  const box = (await account.boundingBox())!;
  const spot = { x: box.x + box.width - 40, y: box.y + box.height - 12 };
  await dragBetween(page, await centre(bucket), spot);
  const moved = (await bucket.boundingBox())!;
  expect(Math.hypot(moved.x - start.x, moved.y - start.y)).toBeGreaterThan(30);
  await toolbar.getByRole('button', { name: 'Undo: move' }).click();
  await expect.poll(async () => (await bucket.boundingBox())?.x).toBeCloseTo(start.x, 0);
  await toolbar.getByRole('button', { name: 'Redo: move' }).click();
  await expect.poll(async () => (await bucket.boundingBox())?.x).toBeCloseTo(moved.x, 0);
  expect((await bucket.boundingBox())!.y).toBeCloseTo(moved.y, 0);

  // ── delete with the keyboard, told how to undo it ──
  await bucket.click();
  await page.keyboard.press('Delete');
  await expect(bucket).toHaveCount(0);
  await expect(status).toHaveText(/^Deleted Resource team-reports\. Undo with (Ctrl\+Z|⌘Z)\.$/);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(bucket).toBeVisible();

  // ── the world the learner built allows alice to read the reports ──
  await sendRequest(page, { principal: 'alice · dev', action: 's3:GetObject', resource: 'arn:aws:s3:::team-reports/q1.csv' });
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText('Allowed');
  await showMap(page);

  const built = await new AxeBuilder({ page }).include('.map').analyze();
  expect(built.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // ── screenshots for review: the built world with a node's menu open, in both languages ──
  await card(page, 'IAM user alice').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Actions for IAM user alice' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/builder-en.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: '한국어' }).check();
  await card(page, 'IAM 사용자 alice').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'IAM 사용자 alice 작업' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/builder-ko.png` });
});

test('the context menu and the dialogs work from the keyboard: Shift+F10 on a card, arrows, Escape, F2 to rename', async ({ page }) => {
  await openApp(page);
  const alice = card(page, 'IAM user alice');
  await alice.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for IAM user alice' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(alice).toBeFocused();

  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename IAM user alice' });
  await expect(rename.getByRole('textbox', { name: 'Name' })).toHaveValue('alice');
  await rename.getByRole('textbox', { name: 'Name' }).fill('alicia');
  await page.keyboard.press('Enter');
  await expect(card(page, 'IAM user alicia')).toBeFocused();
  // Renamed, alicia is still in her group.
  await expect(map(page).locator('.react-flow__edge.edge-member')).toHaveCount(1);

  // Arrow keys move the selected card; a burst of presses is one step to undo.
  const alicia = card(page, 'IAM user alicia');
  const start = (await alicia.boundingBox())!;
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await alicia.boundingBox())!.y).toBeGreaterThan(start.y + 10);
  await page.getByRole('toolbar', { name: 'Build the world' }).getByRole('button', { name: 'Undo: move' }).click();
  await expect.poll(async () => (await alicia.boundingBox())!.y).toBeCloseTo(start.y, 0);
  await alicia.focus();

  // A name IAM refuses: the engine says why, next to the field.
  await page.keyboard.press('F2');
  const refused = page.getByRole('dialog', { name: 'Rename IAM user alicia' });
  await refused.getByRole('textbox', { name: 'Name' }).fill('a/b');
  await page.keyboard.press('Enter');
  await expect(refused.getByRole('alert')).toBeVisible();
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(refused).toHaveCount(0);
});

test('an organization from the toolbar, and a hostile OU name shown as plain text, cut short, isolated from the layout', async ({ page }) => {
  await openApp(page);
  await page.getByRole('toolbar', { name: 'Build the world' }).getByRole('button', { name: 'Organization' }).click();
  await page.getByRole('menuitem', { name: 'Create an organization' }).click();
  const create = page.getByRole('dialog', { name: 'Create an organization' });
  await expect(create.getByRole('combobox', { name: 'Management account' })).toHaveValue('111111111111');
  await create.getByRole('button', { name: 'Create' }).click();
  const root = map(page).getByRole('group', { name: /^Organization root Root/ });
  await expect(root).toBeVisible();
  // The management account moved into the organization, and AWS's FullAWSAccess SCP is attached to both.
  await expect(map(page).getByRole('button', { name: 'Service control policy (SCP) FullAWSAccess' })).toBeVisible();
  await expect(map(page).locator('.react-flow__edge.edge-scp')).toHaveCount(2);

  const hostile = `<img src=x onerror="document.title='owned'">مرحبا بالعالم ${'x'.repeat(60)}`;
  await root.locator('.box-header').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add an OU here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an organizational unit (OU)' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(hostile);
  await dialog.getByRole('button', { name: 'Create' }).click();
  const unit = map(page).getByRole('group', { name: `Organizational unit ${hostile}` });
  await expect(unit).toBeVisible();
  await expect(map(page).locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');
  const name = unit.locator('.box-name');
  await expect(name).toHaveAttribute('title', hostile);
  await expect(name).toHaveAttribute('dir', 'auto');
  const [nameBox, unitBox] = [(await name.boundingBox())!, (await unit.boundingBox())!];
  expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(unitBox.x + unitBox.width);
});

test("a link drawn from a card's connection point to another card makes the same relation as a drop", async ({ page }) => {
  await openApp(page);
  const bob = card(page, 'IAM user bob');
  await bob.hover();
  const handle = bob.locator('.connect-handle');
  await expect(handle).toBeVisible();
  await dragBetween(page, await centre(handle), await centre(card(page, 'User group analysts')));
  await expect(map(page).locator('.react-flow__edge.edge-member')).toHaveCount(2);
  await expect(map(page).getByRole('status')).toHaveText('IAM user bob is now a member of User group analysts.');

  // The new link can be selected and removed with the keyboard, and that too is one undo step.
  const link = map(page).getByRole('group', { name: 'analysts → bob: Is a member of' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(map(page).locator('.react-flow__edge.edge-member')).toHaveCount(1);
  await expect(map(page).getByRole('status')).toContainText('Removed the link from User group analysts to IAM user bob.');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(map(page).locator('.react-flow__edge.edge-member')).toHaveCount(2);
});
