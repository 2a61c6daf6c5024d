import type { Locator, Page } from '@playwright/test';
import { expect, openApp, sendRequest, showMap, test } from './fixtures';

const upload = { principal: 'alice · acme-analytics', action: 's3:PutObject', resource: 'arn:aws:s3:::acme-reports/2026/q2.csv' };

/** The editor of the selected policy: its text as shown, and its input. */
function editorOf(page: Page): { panel: Locator; lines: Locator; input: Locator } {
  const panel = page.getByRole('complementary', { name: 'Details' });
  return { panel, lines: panel.locator('.monaco-editor .view-lines'), input: panel.getByRole('textbox', { name: 'Policy document of ReadReports' }) };
}

async function openReadReports(page: Page): Promise<ReturnType<typeof editorOf>> {
  await showMap(page);
  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).click();
  const editor = editorOf(page);
  await expect(editor.lines).toContainText('"Sid": "ListReports"');
  return editor;
}

/** Replaces the whole text, as typed (insertText: Monaco's auto-closing would garble `keyboard.type`). */
async function replaceText(page: Page, input: Locator, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('a learner edits a customer managed policy: completion, a quick fix, Format, and a request that follows the edit', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);

  // Before the edit, alice may not upload.
  await sendRequest(page, upload);
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.locator('.verdict-label')).toHaveText('Implicitly denied');

  const { panel, lines, input } = await openReadReports(page);

  // The learner writes the policy on one line, misspelling one action and starting another.
  await replaceText(
    page,
    input,
    '{"Version": "2012-10-17", "Statement": [{"Sid": "ListReports", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports"}, {"Sid": "ReadReports", "Effect": "Allow", "Action": ["s3:GetObjekt", "s3:PutOb',
  );
  // Completion offers the actions of the typed service, with their access level.
  await page.keyboard.type('j');
  const suggestion = page.locator('.suggest-widget .monaco-list-row.focused');
  await expect(suggestion).toContainText('s3:PutObject');
  await expect(page.locator('.suggest-widget')).toContainText('Write');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('"], "Resource": "arn:aws:s3:::acme-reports/*"}]}');
  await expect(lines).toContainText('"s3:GetObjekt", "s3:PutObject"], "Resource"');

  // The misspelt action is marked, with AWS's did-you-mean.
  await expect(panel).toContainText('1 error(s)');
  const misspelt = lines.locator('span', { hasText: 'GetObjekt' }).last();
  await misspelt.hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'The action `s3:GetObjekt` does not exist; did you mean `s3:GetObject`?' })).toBeVisible();

  // Ctrl+. on it offers the fix; Enter applies it.
  await misspelt.click();
  await page.keyboard.press('Control+.');
  const fix = page.getByRole('option', { name: /Change to `s3:GetObject`/ });
  await expect(fix).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(lines).toContainText('"s3:GetObject", "s3:PutObject"]');
  await expect(panel).toContainText('No problems found');

  // Format lays the one line out.
  await panel.getByRole('button', { name: 'Format' }).click();
  await expect(lines.locator('.view-line').filter({ hasText: /"Sid":\s"ReadReports",$/ })).toHaveCount(1);
  await expect(panel).toContainText('Changes are saved to the world as you type.');

  // The world holds the edit: now alice may upload, by this statement.
  await sendRequest(page, upload);
  await expect(decision.locator('.verdict-label')).toHaveText('Allowed');
  await expect(decision).toContainText('Sid: ReadReports');
  await expect(decision).toContainText('Customer managed policy ReadReports');
});

test('invalid JSON is kept as a draft: the map stays, the panel says why it is not saved, and a reload keeps it', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  const { panel, input } = await openReadReports(page);

  // A comma forgotten between two elements.
  await replaceText(page, input, '{"Version": "2012-10-17" "Statement": []}');
  await expect(panel.getByRole('status').filter({ hasText: 'Not saved to the world: invalid JSON' })).toContainText('line 1, column 26');
  // The world keeps the last valid document: the map and requests still work.
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' });
  await expect(page.getByRole('region', { name: 'Decision' }).locator('.verdict-label')).toHaveText('Allowed');

  // The draft is saved with the workspace (autosave): after a reload the editor reopens it.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
  // The workspace reopens with the policy still selected.
  await expect(panel.getByRole('heading', { name: 'ReadReports' })).toBeVisible();
  await expect(editorOf(page).lines).toContainText('"2012-10-17" "Statement"');
  await expect(editorOf(page).panel).toContainText('Not saved to the world: invalid JSON');
});

test('in Korean, markers, hover documentation and quick fixes speak Korean', async ({ page }) => {
  await openApp(page);
  await page.getByRole('radio', { name: '한국어' }).check();
  await page.getByRole('button', { name: '고객 관리형 정책 ReadReports', exact: true }).click();
  const panel = page.getByRole('complementary', { name: '세부 정보' });
  const lines = panel.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('ListReports');
  await replaceText(page, panel.getByRole('textbox', { name: 'ReadReports의 정책 문서' }), '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"');
  await expect(panel).toContainText('오류 1개');

  // The element explained in Korean.
  await lines.locator('span', { hasText: '"Effect"' }).last().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: '명시적 거부' })).toBeVisible();
  // The marker's message in Korean, and its fix.
  const misspelt = lines.locator('span', { hasText: 'GetObjekt' }).last();
  await misspelt.hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: '작업 `s3:GetObjekt`은(는) 없습니다. `s3:GetObject`을(를) 뜻했나요?' })).toBeVisible();
  await misspelt.click();
  await page.keyboard.press('Control+.');
  await expect(page.getByRole('option', { name: /`s3:GetObject`\(으\)로 바꾸기/ })).toBeVisible();
});

test('undo in the builder brings the document back into the editor', async ({ page }) => {
  await openApp(page);
  const { panel, lines, input } = await openReadReports(page);
  await replaceText(page, input, '{"Version": "2012-10-17", "Statement": {"Sid": "OnlyList", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-reports"');
  await expect(lines).toContainText('"OnlyList"');
  await expect(panel).toContainText('No problems found');
  await expect(page.getByRole('button', { name: /^Undo: / })).toBeEnabled();

  await page.getByRole('button', { name: /^Undo: / }).click();
  await expect(lines).toContainText('"Sid": "ListReports"');
  await expect(lines).not.toContainText('OnlyList');
  await expect(panel).toContainText('Changes are saved to the world as you type.');
});
