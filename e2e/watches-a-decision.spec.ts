/**
 * A learner watches a decision unfold in the Decision tab: the stages in AWS's order, an
 * SCP that denies explicitly (its statement shown in the policy), a cross-account read in
 * two swimlanes that fails until the bucket policy names the caller's account, the player,
 * and an accessibility scan — in English and in Korean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, sendRequest, test } from './fixtures';

const fixture = new URL('./fixtures/guarded-organization.json', import.meta.url);

const TEXT = {
  en: {
    form: { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate' },
    alice: 'alice · app',
    decisionTab: 'Decision',
    explicitDeny: 'Explicitly denied',
    implicitDeny: 'Implicitly denied',
    allowed: 'Allowed',
    scpStage: /^Service control policies/,
    scanStage: /^Explicit-deny check/,
    scanDetails: 'Details of Explicit-deny check',
    goToScp: 'Go to Service control policies',
    denyWord: 'Explicit deny',
    passed: 'Passed',
    resourceStage: /^Resource-based policy/,
    details: 'Details of Service control policies',
    showInPolicy: 'Show in the policy',
    watch: 'Watch the decision',
    steps: 'Steps',
    back: 'Step back',
    forward: 'Step forward',
    laneCaller: "Caller's account app (111111111111)",
    laneResource: "Resource's account data (222222222222)",
    nearMiss: 'Near miss',
    whyNot: 'Why not',
    summary: 'the service control policy “DenyDeleteObjects” denies it explicitly',
    bucketPolicy: 'Resource-based policy data-lake',
    details2: 'Details',
    resourceDetails: 'Details of Resource-based policy',
    editor: 'Policy document of data-lake',
    crossNote: 'A cross-account request',
    player: 'Playback',
    play: 'Play',
    pause: 'Pause',
    position: (n: number, total: number) => `Step ${n} of ${total}`,
    graph: 'Decision graph',
    decisive: 'decided here',
  },
  ko: {
    form: { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기' },
    alice: 'alice · app',
    decisionTab: '결정',
    explicitDeny: '명시적 거부',
    implicitDeny: '암시적 거부',
    allowed: '허용',
    scpStage: /^서비스 제어 정책/,
    scanStage: /^명시적 거부 확인/,
    scanDetails: '명시적 거부 확인 자세히 보기',
    goToScp: '서비스 제어 정책 단계 보기',
    denyWord: '명시적 거부',
    passed: '통과',
    resourceStage: /^리소스 기반 정책/,
    details: '서비스 제어 정책 자세히 보기',
    showInPolicy: '정책에서 보기',
    watch: '결정 과정 보기',
    steps: '단계',
    back: '이전 단계',
    forward: '다음 단계',
    laneCaller: '호출자 계정 app (111111111111)',
    laneResource: '리소스 계정 data (222222222222)',
    nearMiss: '아깝게 불일치',
    whyNot: '일치하지 않은 이유',
    summary: '서비스 제어 정책(SCP) “DenyDeleteObjects”이(가) 명시적으로 거부하며',
    bucketPolicy: '리소스 기반 정책 data-lake',
    details2: '세부 정보',
    resourceDetails: '리소스 기반 정책 자세히 보기',
    editor: 'data-lake의 정책 문서',
    crossNote: '교차 계정 요청입니다',
    player: '재생',
    play: '재생',
    pause: '일시 정지',
    position: (n: number, total: number) => `${total}단계 중 ${n}단계`,
    graph: '결정 그래프',
    decisive: '여기서 결정됨',
  },
} as const;

type Lang = keyof typeof TEXT;

/** Screenshots for the lead's review, when a folder is given (E2E_SHOTS). */
async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png` });
}

/** Replaces the whole text of a Monaco editor, as typed (insertText: auto-closing would garble `keyboard.type`). */
async function replaceText(page: Page, input: Locator, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const FIXED_BUCKET_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AppReads', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-lake/*' },
  ],
});

/** Opens the app on the guarded organization (imported as a new workspace), in `lang`. */
async function openGuarded(page: Page, lang: Lang): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'IAM user alice' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(fixture.pathname);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Workspace / })).toHaveText(/Guarded organization/);
  if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
}

async function send(page: Page, lang: Lang, action: string, resource: string): Promise<Locator> {
  const text = TEXT[lang];
  await sendRequest(page, { principal: text.alice, action, resource }, text.form);
  return page.getByRole('region', { name: lang === 'en' ? 'Decision' : '결정', exact: true });
}

/** The Decision tab's panel, opened from the console's "Watch the decision". */
async function watch(page: Page, lang: Lang): Promise<Locator> {
  await page.getByRole('button', { name: TEXT[lang].watch }).click();
  const panel = page.getByRole('tabpanel', { name: TEXT[lang].decisionTab });
  await expect(panel).toBeVisible();
  return panel;
}

for (const lang of ['en', 'ko'] as const) {
  const text = TEXT[lang];

  test(`an SCP denies explicitly: the learner opens the SCP stage and sees the deny statement in the policy (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openGuarded(page, lang);
    const decision = await send(page, lang, 's3:DeleteObject', 'arn:aws:s3:::app-uploads/a.txt');
    await expect(decision.locator('.verdict-label')).toHaveText(text.explicitDeny);
    await expect(decision).toContainText(text.summary);

    const panel = await watch(page, lang);
    await expect(panel.locator('.dverdict-label')).toHaveText(text.explicitDeny);
    const graph = panel.getByRole('list', { name: text.graph });
    // AWS's deny evaluation comes first: the explicit-deny check says where the deny is, and takes the learner there.
    const scan = graph.getByRole('button', { name: text.scanStage });
    await expect(scan).toContainText(text.denyWord);
    await scan.click();
    const scanDetails = panel.getByRole('region', { name: text.scanDetails });
    await expect(scanDetails).toContainText('DenyDeleteObjects');
    await expect(scanDetails).toContainText('Workloads');
    await shoot(page, `deny-scan-${lang}`);
    await scanDetails.getByRole('button', { name: text.goToScp }).click();
    const details = panel.getByRole('region', { name: text.details });
    await expect(details).toContainText('DenyDeleteObjects');
    await expect(details).toContainText('Sid: NoDeletes');
    await expect(details).toContainText('Workloads');
    await shoot(page, `scp-deny-${lang}`);

    const statement = details.locator('.dstatement', { hasText: 'NoDeletes' });
    await statement.getByRole('button', { name: text.showInPolicy }).click();
    const side = page.getByRole('complementary', { name: text.details2 });
    await expect(side.getByRole('heading', { name: 'DenyDeleteObjects' })).toBeVisible();
    await expect(side.locator('.monaco-editor .statement-highlight').first()).toBeAttached();

    // What-if: switching off the SCP layer on its stage flips the decision, marked as hypothetical.
    await graph.getByRole('switch', { name: lang === 'en' ? 'Switch off the layer Service control policies' : '서비스 제어 정책 계층 끄기' }).check();
    await expect(panel.locator('.dverdict-label')).toHaveText(text.allowed);
    await expect(panel.locator('.dverdict')).toContainText(lang === 'en' ? 'What-if' : '가정 실험');
    await expect(graph.getByRole('button', { name: text.scpStage })).toContainText(lang === 'en' ? 'Not applicable' : '해당 없음');
    await expect(graph.getByRole('button', { name: text.scanStage })).toContainText(text.passed);
  });
}

for (const lang of ['en', 'ko'] as const) {
  const text = TEXT[lang];

  test(`a cross-account read fails in two swimlanes until the bucket policy names the caller's account (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openGuarded(page, lang);
    const decision = await send(page, lang, 's3:GetObject', 'arn:aws:s3:::data-lake/2026/q1.csv');
    await expect(decision.locator('.verdict-label')).toHaveText(text.implicitDeny);

    const panel = await watch(page, lang);
    await expect(panel).toContainText(text.crossNote);
    await expect(panel).toContainText(text.laneCaller);
    await expect(panel).toContainText(text.laneResource);
    await panel.getByRole('list', { name: text.graph }).scrollIntoViewIfNeeded();
    await shoot(page, `cross-lanes-${lang}`);
    // The steps list tells the same story in text, each stage with its account.
    const steps = panel.getByRole('region', { name: text.steps });
    await expect(steps.getByRole('listitem').filter({ hasText: text.resourceStage }).first()).toContainText('222222222222');

    await panel.getByRole('list', { name: text.graph }).getByRole('button', { name: text.resourceStage }).click();
    const details = panel.getByRole('region', { name: text.resourceDetails });
    const nearMiss = details.locator('.dstatement', { hasText: 'AppReads' });
    await expect(nearMiss).toContainText(text.nearMiss);
    await expect(nearMiss).toContainText(text.whyNot);
    await expect(nearMiss).toContainText('Principal');
    await shoot(page, `cross-account-${lang}`);

    // The learner opens the bucket policy at the statement and names the caller's account.
    await nearMiss.getByRole('button', { name: text.showInPolicy }).click();
    const side = page.getByRole('complementary', { name: text.details2 });
    await expect(side.locator('.monaco-editor .statement-highlight').first()).toBeAttached();
    await replaceText(page, side.getByRole('textbox', { name: text.editor }), FIXED_BUCKET_POLICY);
    await expect(side.locator('.monaco-editor .view-lines')).toContainText('111111111111:root');

    await page.getByRole('tab', { name: lang === 'en' ? 'Map' : '지도' }).click();
    const again = await send(page, lang, 's3:GetObject', 'arn:aws:s3:::data-lake/2026/q1.csv');
    await expect(again.locator('.verdict-label')).toHaveText(text.allowed);
    const after = await watch(page, lang);
    await expect(after.locator('.dverdict-label')).toHaveText(text.allowed);
    await expect(after.getByRole('list', { name: text.graph }).getByRole('button', { name: text.resourceStage })).toContainText(lang === 'en' ? 'Allows' : '허용');
  });

  // The player's controls, once (in English): the Korean labels are read by the specs around it.
  if (lang === 'en') {
    test(`the player steps through the stages, and the steps list follows (${lang})`, async ({ page }) => {
      test.setTimeout(60_000);
      await openGuarded(page, lang);
      await send(page, lang, 's3:DeleteObject', 'arn:aws:s3:::app-uploads/a.txt');
      const panel = await watch(page, lang);
      const player = panel.getByRole('group', { name: text.player });
      const scrub = player.getByRole('slider');
      // It plays by itself to the last stage, the decision.
      await expect(scrub).toHaveAttribute('aria-valuetext', text.position(10, 10), { timeout: 15_000 });
      await expect(player.getByRole('button', { name: text.forward })).toBeDisabled();

      await player.getByRole('button', { name: text.back }).click();
      await expect(scrub).toHaveAttribute('aria-valuetext', text.position(9, 10));
      const steps = panel.getByRole('region', { name: text.steps }).getByRole('listitem');
      await expect(steps.nth(8)).toHaveAttribute('aria-current', 'step');
      // The decision node is hidden again until the player reaches it.
      const graph = panel.getByRole('list', { name: text.graph });
      await expect(graph.getByRole('button', { name: new RegExp(`^${lang === 'en' ? 'Decision' : '결정'} — `) })).toBeHidden();

      // The keyboard: Home, then arrows, with focus in the player.
      await player.getByRole('button', { name: text.back }).focus();
      await page.keyboard.press('Home');
      await expect(scrub).toHaveAttribute('aria-valuetext', text.position(1, 10));
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Third, before any policy type: the explicit-deny check (AWS's deny evaluation).
      await expect(scrub).toHaveAttribute('aria-valuetext', text.position(3, 10));
      await expect(steps.nth(2)).toHaveAttribute('aria-current', 'step');
      await expect(graph.getByRole('button', { name: text.scanStage })).toBeVisible();
      await expect(graph.getByRole('button', { name: text.scpStage })).toBeHidden();
      // Paused part-way: the steps still to come are quieter but keep readable contrast, and the scrolling side panel takes the keyboard.
      const midway = await new AxeBuilder({ page }).include('.dpanel').analyze();
      expect(midway.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await steps.nth(2).scrollIntoViewIfNeeded();
      await shoot(page, `decision-midway-${lang}`);
      await page.keyboard.press('ArrowRight');
      await expect(scrub).toHaveAttribute('aria-valuetext', text.position(4, 10));
      await expect(graph.getByRole('button', { name: text.scpStage })).toBeVisible();
      await expect(graph.getByRole('button', { name: text.scpStage })).toContainText(text.decisive);
      await player.getByRole('button', { name: text.forward }).click();
      await expect(scrub).toHaveAttribute('aria-valuetext', text.position(5, 10));
    });
  }

  test(`the console and the Decision tab have no serious accessibility violations (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openGuarded(page, lang);
    await send(page, lang, 's3:GetObject', 'arn:aws:s3:::data-lake/2026/q1.csv');
    const panel = await watch(page, lang);
    await panel.getByRole('list', { name: text.graph }).getByRole('button', { name: text.resourceStage }).click();
    await expect(panel.getByRole('region', { name: text.resourceDetails })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#request-console').include('.dpanel').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

const stsFlow = new URL('../tests/fixtures/sts-flow.json', import.meta.url);

for (const lang of ['en', 'ko'] as const) {
  test(`a request with a role session shows the AssumeRole chain before it, each link its own decision (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'IAM user alice' })).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: 'Import files…' }).click();
    await (await chooser).setFiles(stsFlow.pathname);
    await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();

    // AssumeRole with the external id and an MFA code, then a request with the session it issued.
    const submit = page.getByRole('button', { name: lang === 'en' ? /^(Evaluate|Call AssumeRole)$/ : /^(평가하기|AssumeRole 호출)$/ });
    await page.getByRole('button', { name: 'assume-partner-role-with-external-id-and-mfa', exact: true }).click();
    await submit.click();
    const decision = page.getByRole('region', { name: lang === 'en' ? 'Decision' : '결정', exact: true });
    await expect(decision.locator('.verdict-label')).toHaveText(TEXT[lang].allowed);
    await page.getByRole('button', { name: 'partner-session-reads-the-report', exact: true }).click();
    await submit.click();
    await expect(decision.locator('.verdict-label')).toHaveText(TEXT[lang].allowed);

    const panel = await watch(page, lang);
    const chain = panel.getByRole('region', { name: lang === 'en' ? 'How the caller got its session' : '호출자가 세션을 얻은 과정' });
    await expect(chain).toContainText('user/alice');
    await expect(chain).toContainText('assumed-role/PartnerAccess/alice');
    await expect(chain).toContainText(lang === 'en' ? 'trust policy: Allows' : '신뢰 정책: 허용');
    await shoot(page, `chain-${lang}`);

    // The AssumeRole link shows that call's own decision, with its trust policy stage.
    await chain.getByRole('button', { name: lang === 'en' ? 'Show the decision of AssumeRole by user/alice' : 'user/alice의 AssumeRole 결정 보기' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'AssumeRole' })).toBeVisible();
    await expect(panel.getByRole('list', { name: TEXT[lang].graph }).getByRole('button', { name: lang === 'en' ? /^Trust policy/ : /^신뢰 정책/ })).toBeVisible();
    await panel.getByRole('button', { name: lang === 'en' ? 'Back to the latest request' : '최근 요청으로 돌아가기' }).click();
    await expect(panel.locator('.dstory-request')).toContainText('s3:GetObject');
  });
}
