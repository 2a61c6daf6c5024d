import AxeBuilder from '@axe-core/playwright';
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
    user: 'IAM user dana',
    mode: 'Signed HTTP request',
    signedBy: 'Signed by',
    action: 'Action',
    resource: 'Resource',
    sign: 'Sign',
    text: 'HTTP request (editable)',
    parts: 'The parts of the request',
    run: 'Run',
    decision: 'Decision',
    allowed: 'Allowed',
    refused: 'Refused: SignatureDoesNotMatch',
    sessions: 'Issued sessions (temporary credentials)',
  },
  ko: {
    locale: 'ko-KR',
    file: '파일',
    importFiles: '파일 가져오기…',
    importDialog: '가져오기',
    importButton: '가져오기',
    user: 'IAM 사용자 dana',
    mode: '서명된 HTTP 요청',
    signedBy: '서명하는 자격 증명',
    action: '작업(Action)',
    resource: '리소스',
    sign: '서명하기',
    text: 'HTTP 요청(편집 가능)',
    parts: '요청의 구성 요소',
    run: '실행',
    decision: '결정',
    allowed: '허용',
    refused: '거절됨: SignatureDoesNotMatch',
    sessions: '발급된 세션(임시 자격 증명)',
  },
} as const;

type Labels = (typeof LABELS)[keyof typeof LABELS];

const KEY = 'AKIADANAEXAMPLE00001';
const OBJECT = 'arn:aws:s3:::team-reports/q1.csv';
const S3_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

async function importSignedWorld(page: Page, l: Labels): Promise<void> {
  await page.getByRole('button', { name: l.file, exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: l.importFiles }).click();
  await (await chooser).setFiles(['e2e/fixtures/signed-requests.json']);
  const dialog = page.getByRole('dialog', { name: l.importDialog });
  await dialog.getByRole('button', { name: l.importButton, exact: true }).click();
  await expect(page.getByRole('button', { name: l.user, exact: true })).toBeVisible();
}

/** The request console's "signed HTTP request" mode, however the console offers it (a tab or a radio). */
async function openSignedMode(page: Page, l: Labels): Promise<void> {
  const pane = page.locator('#request-console');
  await pane.getByRole('tab', { name: l.mode }).or(pane.getByRole('radio', { name: l.mode })).click();
}

/** Chooses who signs, the action and the resource, and presses Sign. */
async function sign(page: Page, l: Labels, who: { option: string; group?: string }, action: string, resource: string): Promise<void> {
  const pane = page.locator('#request-console');
  const signedBy = pane.getByLabel(l.signedBy, { exact: true });
  const scope = who.group !== undefined ? signedBy.locator(`optgroup[label="${who.group}"]`) : signedBy;
  const option = scope.locator('option', { hasText: who.option });
  await expect(option).toHaveCount(1);
  await signedBy.selectOption({ label: (await option.textContent()) ?? who.option });
  await pane.getByLabel(l.action, { exact: true }).fill(action);
  await pane.getByLabel(l.resource, { exact: true }).fill(resource);
  // Leave the field as a learner would: its list of suggestions closes, and does not swallow the click on Sign.
  await pane.getByLabel(l.resource, { exact: true }).press('Tab');
  await pane.getByRole('button', { name: l.sign, exact: true }).click();
}

/** Flips the last hex digit of the `Signature=` value. */
function tamper(http: string): string {
  return http.replace(/(Signature=[0-9a-f]*)([0-9a-f])/, (_m, head: string, last: string) => head + (last === '0' ? '1' : '0'));
}

for (const lang of ['en', 'ko'] as const) {
  const l = LABELS[lang];
  test.describe(`in ${lang === 'en' ? 'English' : 'Korean'}`, () => {
    test.use({ locale: l.locale });

    test('a learner signs a request as an access key holder, runs it, then tampers one character of the signature and AWS refuses it', async ({ page }) => {
      // axe over the console takes a while on a busy 2-core machine.
      test.setTimeout(90_000);
      await openApp(page);
      await importSignedWorld(page, l);
      await openSignedMode(page, l);

      const pane = page.locator('#request-console');
      await sign(page, l, { option: KEY }, 's3:GetObject', OBJECT);

      const text = pane.getByLabel(l.text, { exact: true });
      await expect(text).toHaveValue(/^GET \/q1\.csv HTTP\/1\.1\nHost: team-reports\.s3\.amazonaws\.com\n/);
      await expect(text).toHaveValue(new RegExp(`Authorization: AWS4-HMAC-SHA256 Credential=${KEY}/20260301/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}`));
      const parts = pane.getByRole('region', { name: l.parts });
      await expect(parts).toContainText('Authorization: Signature');
      await expect(parts).toContainText('X-Amz-Date');
      const axe = await new AxeBuilder({ page }).include('#request-console').analyze();
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      await pane.getByRole('button', { name: l.run, exact: true }).click();
      const decision = page.getByRole('region', { name: l.decision, exact: true });
      await expect(decision.locator('.verdict-label')).toHaveText(l.allowed);

      const signed = await text.inputValue();
      const tampered = tamper(signed);
      expect(tampered).not.toBe(signed);
      await text.fill(tampered);
      await pane.getByRole('button', { name: l.run, exact: true }).click();
      await expect(decision.locator('.verdict-label')).toHaveText(l.refused);
      await expect(decision).toContainText(S3_MISMATCH);
    });

    test('a learner assumes a role with a signed STS request, then signs the next request with the session\'s temporary credentials', async ({ page }) => {
      // Two signed requests and an import: more than the default 30 s on a busy 2-core machine.
      test.setTimeout(90_000);
      await openApp(page);
      await importSignedWorld(page, l);
      await openSignedMode(page, l);
      const pane = page.locator('#request-console');
      const text = pane.getByLabel(l.text, { exact: true });
      const decision = page.getByRole('region', { name: l.decision, exact: true });

      await sign(page, l, { option: KEY }, 'sts:AssumeRole', 'arn:aws:iam::111111111111:role/ReportReader');
      await expect(text).toHaveValue(/^POST \/ HTTP\/1\.1\nHost: sts\.amazonaws\.com\n[\s\S]*\n\nAction=AssumeRole&Version=2011-06-15&RoleArn=/);
      await pane.getByRole('button', { name: l.run, exact: true }).click();
      await expect(decision.locator('.verdict-label')).toHaveText(l.allowed);

      // The session AssumeRole issued signs now: its temporary key (ASIA…) and its session token.
      await sign(page, l, { option: 'ASIA', group: l.sessions }, 's3:GetObject', OBJECT);
      await expect(text).toHaveValue(/\nX-Amz-Security-Token: \S+\n/);
      await expect(text).toHaveValue(/Credential=ASIA[A-Z0-9]{16}\/20260301\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
      await expect(pane.getByRole('region', { name: l.parts })).toContainText('X-Amz-Security-Token');
      await pane.getByRole('button', { name: l.run, exact: true }).click();
      await expect(decision.locator('.verdict-label')).toHaveText(l.allowed);
      await expect(decision).toContainText('arn:aws:sts::111111111111:assumed-role/ReportReader/');
    });
  });
}
