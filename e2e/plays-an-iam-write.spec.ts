/**
 * A learner plays a privilege escalation through the request console, in English and in
 * Korean: dev-lee may attach any managed policy to itself, so dev-lee attaches
 * AdministratorAccess (the IAM API's parameters UserName and PolicyArn), sees the call
 * applied and the policy attached on the map, reads the payroll it was denied a moment ago,
 * and undo takes the step back. A call the IAM API refuses (a policy that does not exist)
 * reads as NoSuchEntity, after an authorization that allowed it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, importScenarioFiles, openApp, test } from './fixtures';

const FIXTURE = 'e2e/fixtures/iam-writes.json';
const DEV_LEE = 'arn:aws:iam::111122223333:user/dev-lee';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const PAYROLL = 'arn:aws:s3:::acme-payroll/2026-03.csv';

const LANGS = {
  en: {
    locale: 'en-US',
    file: 'File',
    importFiles: 'Import files…',
    importDialog: 'Import',
    importConfirm: 'Import',
    devLee: 'IAM user dev-lee',
    adminNode: 'AWS managed policy AdministratorAccess',
    caller: 'dev-lee · acme-dev',
    form: { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate' },
    params: 'Parameters',
    authzOnly: 'Left empty, the request only asks whether the call is allowed',
    decision: 'Decision',
    map: 'Map',
    allowed: 'Allowed',
    implicitDeny: 'Implicitly denied',
    noSuchEntity: 'Refused: NoSuchEntity',
    applied: 'The IAM API applied the call',
    appliedSummary: 'The policy AdministratorAccess is now attached to user dev-lee.',
    refusedSummary: 'but the IAM API refused the call: NoSuchEntity',
    apiStage: /^IAM API/,
    apiDetails: 'Details of IAM API',
    newKey: 'The new access key',
    shownOnce: 'AWS shows the secret access key only once',
    keySummary: /^dev-lee has a new access key, AKIA[A-Z0-9]{16}\.$/,
    keyRecord: /^Record: CreateAccessKey/,
    played: 'Step 11 of 11',
    logTab: 'Event log',
    table: 'CloudTrail records',
    record: /^Record: AttachUserPolicy/,
    json: 'The record as JSON',
    undo: /^Undo/,
  },
  ko: {
    locale: 'ko-KR',
    file: '파일',
    importFiles: '파일 가져오기…',
    importDialog: '가져오기',
    importConfirm: '가져오기',
    devLee: 'IAM 사용자 dev-lee',
    adminNode: 'AWS 관리형 정책 AdministratorAccess',
    caller: 'dev-lee · acme-dev',
    form: { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기' },
    params: '파라미터',
    authzOnly: '비워 두면 이 호출이 허용되는지만 묻고',
    decision: '결정',
    map: '지도',
    allowed: '허용',
    implicitDeny: '암시적 거부',
    noSuchEntity: '거절됨: NoSuchEntity',
    applied: 'IAM API가 호출을 적용했습니다',
    appliedSummary: '이제 사용자 dev-lee에 정책 AdministratorAccess이(가) 연결되었습니다.',
    refusedSummary: 'IAM API가 NoSuchEntity(으)로 호출을 거절했습니다',
    apiStage: /^IAM API/,
    apiDetails: 'IAM API 호출 자세히 보기',
    newKey: '새 액세스 키',
    shownOnce: 'AWS는 비밀 액세스 키를 이 응답에서 단 한 번만 보여 줍니다',
    keySummary: /^dev-lee에게 새 액세스 키 AKIA[A-Z0-9]{16}이\(가\) 생겼습니다\.$/,
    keyRecord: /^레코드: CreateAccessKey/,
    played: '11단계 중 11단계',
    logTab: '이벤트 기록',
    table: 'CloudTrail 레코드',
    record: /^레코드: AttachUserPolicy/,
    json: 'JSON 형식의 레코드',
    undo: /^실행 취소/,
  },
} as const;

type Words = (typeof LANGS)[keyof typeof LANGS];

/** Opens the app and imports the escalation world in a new workspace. */
async function openEscalationWorld(page: Page, w: Words) {
  await openApp(page);
  await importScenarioFiles(page, [FIXTURE], w.devLee, w);
}

/** Sends a request as dev-lee from the console (the form keeps what is not filled again). */
async function send(page: Page, w: Words, action: string, resource: string) {
  await page.getByLabel(w.form.principal, { exact: true }).selectOption({ label: w.caller });
  await page.getByLabel(w.form.action, { exact: true }).fill(action);
  await page.getByLabel(w.form.resource, { exact: true }).fill(resource);
  await page.getByRole('button', { name: w.form.submit }).click();
}

/** axe finds nothing serious or critical in `selector`. */
async function expectNoSeriousViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const verdictOf = (page: Page, w: Words) => page.getByRole('region', { name: w.decision, exact: true }).locator('.verdict-label');

for (const [lang, w] of Object.entries(LANGS)) {
  test.describe(`in ${lang === 'en' ? 'English' : 'Korean'}`, () => {
    test.use({ locale: w.locale });
    // Importing a world and asking the engine several times, on a shared 2-core machine.
    test.describe.configure({ timeout: 180_000 });

    test('attaches AdministratorAccess to itself through the console, reads what it was denied, and undo takes it back', async ({ page }) => {
      await openEscalationWorld(page, w);
      const decision = page.getByRole('region', { name: w.decision, exact: true });
      const verdict = verdictOf(page, w);

      // Before: dev-lee may not read the payroll.
      await send(page, w, 's3:GetObject', PAYROLL);
      await expect(verdict).toHaveText(w.implicitDeny);

      // The IAM write: its parameters, labelled with the API's names; choosing the user fills the empty resource.
      await page.getByLabel(w.form.action, { exact: true }).fill('iam:AttachUserPolicy');
      const params = page.getByRole('group', { name: w.params, exact: true });
      await expect(params).toContainText(w.authzOnly);
      await page.getByLabel(w.form.resource, { exact: true }).fill('');
      await params.getByLabel('UserName', { exact: true }).fill('dev-lee');
      await expect(page.getByLabel(w.form.resource, { exact: true })).toHaveValue(DEV_LEE);
      await params.getByLabel('PolicyArn', { exact: true }).fill(ADMIN);
      await params.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `reports/screenshots/console-iam-write-${lang}.png` });
      await expectNoSeriousViolations(page, '.console-params');
      await page.getByRole('button', { name: w.form.submit }).click();

      // Allowed, and applied: the console says what changed.
      await expect(verdict).toHaveText(w.allowed);
      await expect(decision.getByRole('region', { name: w.applied })).toContainText(w.appliedSummary);
      await expectNoSeriousViolations(page, '.applied-call');

      // The Decision tab: the IAM API stage after authorization, and the same change in words.
      const panel = page.getByRole('tabpanel', { name: w.decision, exact: true });
      await expect(panel.getByRole('region', { name: w.applied })).toContainText(w.appliedSummary);
      const apiStage = panel.getByRole('button', { name: w.apiStage });
      await apiStage.click();
      await expect(panel.getByRole('region', { name: w.apiDetails })).toContainText(w.appliedSummary);
      await expect(panel.getByText(w.played, { exact: true })).toBeVisible({ timeout: 20_000 });
      await apiStage.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `reports/screenshots/decision-iam-write-${lang}.png` });

      // The map shows the policy attached.
      await page.getByRole('tab', { name: w.map, exact: true }).click();
      await expect(page.getByRole('button', { name: w.adminNode, exact: true })).toBeVisible();

      // The request denied a moment ago is now allowed.
      await send(page, w, 's3:GetObject', PAYROLL);
      await expect(verdict).toHaveText(w.allowed);

      // Undo takes the attack step back: the policy leaves the map and the read is denied again.
      await page.getByRole('tab', { name: w.map, exact: true }).click();
      await page.getByRole('button', { name: w.undo }).first().click();
      await expect(page.getByRole('button', { name: w.adminNode, exact: true })).toHaveCount(0);
      await send(page, w, 's3:GetObject', PAYROLL);
      await expect(verdict).toHaveText(w.implicitDeny);

      // The event log keeps the call as CloudTrail writes it: its parameters, and no response (AttachUserPolicy returns none).
      await page.getByRole('tab', { name: w.logTab, exact: true }).click();
      await page.getByRole('grid', { name: w.table }).getByRole('row').filter({ hasText: 'AttachUserPolicy' }).click();
      const json = page.getByRole('region', { name: w.record }).getByLabel(w.json);
      await expect(json).toContainText(`"policyArn": "${ADMIN}"`);
      await expect(json).toContainText('"userName": "dev-lee"');
      await expect(json).toContainText('"responseElements": null');
    });

    // The refusal and the secret shown once differ between the languages only in words: played once, in English (the suite's time is shared).
    if (lang === 'en') {
      test('a call the IAM API refuses reads as NoSuchEntity, after authorization allowed it, and changes nothing', async ({ page }) => {
        await openEscalationWorld(page, w);
        await page.getByLabel(w.form.principal, { exact: true }).selectOption({ label: w.caller });
        await page.getByLabel(w.form.action, { exact: true }).fill('iam:AttachUserPolicy');
        await page.getByLabel(w.form.resource, { exact: true }).fill(DEV_LEE);
        const params = page.getByRole('group', { name: w.params, exact: true });
        await params.getByLabel('PolicyArn', { exact: true }).fill('arn:aws:iam::111122223333:policy/NoSuchPolicy');
        await page.getByRole('button', { name: w.form.submit }).click();

        const decision = page.getByRole('region', { name: w.decision, exact: true });
        await expect(verdictOf(page, w)).toHaveText(w.noSuchEntity);
        await expect(decision).toContainText(w.refusedSummary);
        await expect(decision.getByRole('region', { name: w.applied })).toHaveCount(0);
        // The Decision tab: the IAM API stage decided, with the API's own words.
        const panel = page.getByRole('tabpanel', { name: w.decision, exact: true });
        await panel.getByRole('button', { name: w.apiStage }).click();
        await expect(panel.getByRole('region', { name: w.apiDetails })).toContainText('NoSuchEntity');

        await page.getByRole('tab', { name: w.map, exact: true }).click();
        await expect(page.getByRole('button', { name: w.devLee, exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: w.adminNode, exact: true })).toHaveCount(0);
      });
    }

    // Played once, in English, like the refusal above.
    if (lang === 'en') {
      test('creates an access key for itself: the secret is shown once, in the response, and never in the event log', async ({ page }) => {
        await openEscalationWorld(page, w);
        await page.getByLabel(w.form.principal, { exact: true }).selectOption({ label: w.caller });
        await page.getByLabel(w.form.action, { exact: true }).fill('iam:CreateAccessKey');
        await page.getByLabel(w.form.resource, { exact: true }).fill('');
        await page.getByRole('group', { name: w.params, exact: true }).getByLabel('UserName', { exact: true }).fill('dev-lee');
        await expect(page.getByLabel(w.form.resource, { exact: true })).toHaveValue(DEV_LEE);
        await page.getByRole('button', { name: w.form.submit }).click();

        const applied = page.getByRole('region', { name: w.decision, exact: true }).getByRole('region', { name: w.applied });
        await expect(applied.locator('.applied-call-summary')).toHaveText(w.keySummary);
        await expect(applied).toContainText(w.newKey);
        await expect(applied).toContainText(w.shownOnce);
        const secret = (await applied.getByRole('definition').nth(1).textContent()) ?? '';
        expect(secret.length).toBeGreaterThanOrEqual(40);

        await page.getByRole('tab', { name: w.logTab, exact: true }).click();
        await page.getByRole('grid', { name: w.table }).getByRole('row').filter({ hasText: 'CreateAccessKey' }).click();
        const json = page.getByRole('region', { name: w.keyRecord }).getByLabel(w.json);
        await expect(json).toContainText('"accessKeyId": "AKIA');
        await expect(json).not.toContainText(secret);
        await expect(json).not.toContainText('secretAccessKey');
      });
    }
  });
}
