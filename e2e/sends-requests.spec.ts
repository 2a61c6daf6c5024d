/**
 * The request console, as a learner uses it, in English and in Korean: a same-account
 * request allowed; an AssumeRole across accounts with an external id and MFA, then a
 * request made with the session it issued; two requests saved and run together.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/** What a learner reads on screen, in each language. */
const LABELS = {
  en: {
    locale: 'en-US',
    file: 'File',
    importFiles: 'Import files…',
    importDialog: 'Import',
    importButton: 'Import',
    principal: 'Principal',
    action: 'Action',
    resource: 'Resource',
    evaluate: 'Evaluate',
    decision: 'Decision',
    allowed: 'Allowed',
    implicitDeny: 'Implicitly denied',
    stsTab: 'STS call',
    apiTab: 'API call',
    stsApi: 'STS API',
    callAssumeRole: 'Call AssumeRole',
    codeNow: 'Code now',
    keepAs: 'Keep the session as',
    issued: 'Session issued',
    useSession: 'Call as this session',
    decisionTab: 'Decision',
    save: 'Save this request',
    saveId: 'Name (request id)',
    saveExpect: 'Expected decision',
    saveButton: 'Save',
    saved: 'Saved requests',
    runAll: 'Run all',
    results: 'Results of the run',
    met: 'Yes',
    expectsImplicitDeny: 'expects: implicitly denied',
    user: 'IAM user erin',
  },
  ko: {
    locale: 'ko-KR',
    file: '파일',
    importFiles: '파일 가져오기…',
    importDialog: '가져오기',
    importButton: '가져오기',
    principal: '보안 주체',
    action: '작업(Action)',
    resource: '리소스',
    evaluate: '평가하기',
    decision: '결정',
    allowed: '허용',
    implicitDeny: '암시적 거부',
    stsTab: 'STS 호출',
    apiTab: 'API 호출',
    stsApi: 'STS API',
    callAssumeRole: 'AssumeRole 호출',
    codeNow: '지금 코드',
    keepAs: '세션을 저장할 이름',
    issued: '발급된 세션',
    useSession: '이 세션으로 호출',
    decisionTab: '결정',
    save: '이 요청 저장',
    saveId: '이름(요청 ID)',
    saveExpect: '예상 결정',
    saveButton: '저장',
    saved: '저장한 요청',
    runAll: '모두 실행',
    results: '실행 결과',
    met: '예',
    expectsImplicitDeny: '예상: 암시적 거부',
    user: 'IAM 사용자 erin',
  },
} as const;

type Labels = (typeof LABELS)[keyof typeof LABELS];

const REPORT = 'arn:aws:s3:::acme-reports/2026/q1.csv';

function requestConsole(page: Page) {
  return page.locator('#request-console');
}

/** Chooses the caller, the action and the resource of an API call. */
async function fillApiCall(page: Page, l: Labels, request: { principal: string; action: string; resource: string }): Promise<void> {
  const form = requestConsole(page);
  await form.getByLabel(l.principal, { exact: true }).selectOption({ label: request.principal });
  await form.getByLabel(l.action, { exact: true }).fill(request.action);
  await form.getByLabel(l.resource, { exact: true }).fill(request.resource);
}

async function importWorld(page: Page, l: Labels, file: string): Promise<void> {
  await page.getByRole('button', { name: l.file, exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: l.importFiles }).click();
  await (await chooser).setFiles([file]);
  const dialog = page.getByRole('dialog', { name: l.importDialog });
  await dialog.getByRole('button', { name: l.importButton, exact: true }).click();
  await expect(page.getByRole('button', { name: l.user, exact: true })).toBeVisible();
}

async function save(page: Page, l: Labels, id: string, expected: string): Promise<void> {
  const form = requestConsole(page);
  const details = form.locator('details', { has: page.getByText(l.save, { exact: true }) });
  if ((await details.getAttribute('open')) === null) await form.getByText(l.save, { exact: true }).click();
  await form.getByLabel(l.saveId, { exact: true }).fill(id);
  await form.getByLabel(l.saveExpect, { exact: true }).selectOption({ label: expected });
  await form.getByRole('button', { name: l.saveButton, exact: true }).click();
  await expect(form.getByRole('list').getByRole('button', { name: id, exact: true })).toBeVisible();
}

for (const lang of ['en', 'ko'] as const) {
  const l = LABELS[lang];
  test.describe(`in ${lang === 'en' ? 'English' : 'Korean'}`, () => {
    test.use({ locale: l.locale });

    test('a learner chooses who calls, the action and the resource, runs it and reads that it is allowed', async ({ page }) => {
      await openApp(page);
      await fillApiCall(page, l, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: REPORT });
      await page.getByLabel(l.resource, { exact: true }).press('Enter');

      const decision = page.getByRole('region', { name: l.decision, exact: true });
      await expect(decision.locator('.verdict-label')).toHaveText(l.allowed);
      // The learner is taken to the decision view to watch it unfold.
      await expect(page.getByRole('tab', { name: l.decisionTab, exact: true })).toHaveAttribute('aria-selected', 'true');
    });

    test('a learner assumes a role in another account with an external id and MFA, then calls as the session and is allowed', async ({ page }) => {
      await openApp(page);
      await importWorld(page, l, 'e2e/fixtures/partner-audit.json');
      const form = requestConsole(page);

      await form.getByRole('tab', { name: l.stsTab, exact: true }).click();
      await form.getByLabel(l.principal, { exact: true }).selectOption({ label: 'erin · partner' });
      await expect(form.getByLabel(l.stsApi, { exact: true })).toHaveValue('AssumeRole');
      await form.getByLabel('RoleArn', { exact: true }).fill('arn:aws:iam::222222222222:role/Auditor');
      await form.getByLabel('RoleSessionName', { exact: true }).fill('erin-audit');
      await form.getByLabel('ExternalId', { exact: true }).fill('partner-42');
      await form.getByLabel('SerialNumber', { exact: true }).fill('arn:aws:iam::111111111111:mfa/erin');
      await form.getByRole('button', { name: l.codeNow, exact: true }).click();
      await expect(form.getByLabel('TokenCode', { exact: true })).toHaveValue(/^\d{6}$/);
      await expect(form.getByLabel(l.keepAs, { exact: true })).toHaveValue('session1');
      await form.getByRole('button', { name: l.callAssumeRole, exact: true }).click();

      const decision = page.getByRole('region', { name: l.decision, exact: true });
      await expect(decision.locator('.verdict-label')).toHaveText(l.allowed);
      const issued = form.getByRole('region', { name: l.issued });
      await expect(issued).toContainText('arn:aws:sts::222222222222:assumed-role/Auditor/erin-audit');
      await expect(issued).toContainText('$session1');

      await issued.getByRole('button', { name: l.useSession }).click();
      await expect(form.getByRole('tab', { name: l.apiTab, exact: true })).toHaveAttribute('aria-selected', 'true');
      await expect(form.getByLabel(l.principal, { exact: true })).toHaveValue('$session1');
      await form.getByLabel(l.action, { exact: true }).fill('s3:GetObject');
      await form.getByLabel(l.resource, { exact: true }).fill('arn:aws:s3:::audit-logs/2026/02.log');
      await form.getByRole('button', { name: l.evaluate, exact: true }).click();
      await expect(decision.locator('.verdict-label')).toHaveText(l.allowed);
      await expect(decision).toContainText('arn:aws:sts::222222222222:assumed-role/Auditor/erin-audit');
    });

    test('a learner saves two requests with their expected decisions, runs them all and reads the results table', async ({ page }) => {
      await openApp(page);
      await fillApiCall(page, l, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: REPORT });
      await save(page, l, 'alice-reads-q1', l.allowed);
      await fillApiCall(page, l, { principal: 'bob · acme-analytics', action: 's3:GetObject', resource: REPORT });
      await save(page, l, 'bob-reads-q1', l.implicitDeny);

      const saved = requestConsole(page).getByRole('region', { name: l.saved });
      // The expectation reads in the learner's words, not in the file's (`implicitDeny`).
      await expect(saved.getByRole('listitem').filter({ hasText: 'bob-reads-q1' })).toContainText(l.expectsImplicitDeny);
      await saved.getByRole('button', { name: l.runAll, exact: true }).click();
      const table = saved.getByRole('table', { name: l.results });
      const alice = table.getByRole('row', { name: /alice-reads-q1/ });
      const bob = table.getByRole('row', { name: /bob-reads-q1/ });
      await expect(alice.getByRole('cell').nth(0)).toHaveText(l.allowed);
      await expect(alice.getByRole('cell').nth(1)).toContainText(l.met);
      await expect(bob.getByRole('cell').nth(0)).toHaveText(l.implicitDeny);
      await expect(bob.getByRole('cell').nth(1)).toContainText(l.met);
    });
  });
}
