/**
 * What-if and predict-first, as a learner uses them, in English and in Korean: switch off
 * the SCP layer and watch an explicit deny become an allow (marked as hypothetical), switch
 * it back on; guess a decision before it is shown and be told when the guess was wrong.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, importScenarioFiles, openApp, sendRequest, test } from './fixtures';

const FIXTURE = 'e2e/fixtures/scp-denies-reads.json';
const READ = { principal: 'dana · workloads', action: 's3:GetObject', resource: 'arn:aws:s3:::workload-reports/q3.csv' };

const LANGS = {
  en: {
    locale: 'en-US',
    file: 'File',
    importFiles: 'Import files…',
    importDialog: 'Import',
    importConfirm: 'Import',
    dana: 'IAM user dana',
    form: { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate' },
    decision: 'Decision',
    explicitDeny: 'Explicitly denied',
    allowed: 'Allowed',
    whatIf: 'What if…',
    scpLayer: 'Switch off the layer Service control policies',
    scpPolicy: 'Switch off policy NoS3Reads',
    badge: 'What-if',
    reset: 'Switch everything back on',
    switchOnPolicy: 'Switch on again: Policy NoS3Reads',
    predictMode: 'Predict first',
    predictAsk: 'What will IAM decide, and which layer decides?',
    guessAllowed: 'Allowed',
    layer: 'Deciding layer',
    identity: 'Identity-based policies',
    reveal: 'Reveal the decision',
    wrong: 'Not quite.',
    answer: 'The answer: Explicitly denied, decided at Service control policies.',
    score: 'Score: 0 of 1 right',
    scp: 'Service control policies',
    right: 'Right! Explicitly denied, decided at Service control policies.',
    scoreAfter: 'Score: 1 of 2 right',
  },
  ko: {
    locale: 'ko-KR',
    file: '파일',
    importFiles: '파일 가져오기…',
    importDialog: '가져오기',
    importConfirm: '가져오기',
    dana: 'IAM 사용자 dana',
    form: { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기' },
    decision: '결정',
    explicitDeny: '명시적 거부',
    allowed: '허용',
    whatIf: '만약에…',
    scpLayer: '서비스 제어 정책 계층 끄기',
    scpPolicy: '정책 NoS3Reads 끄기',
    badge: '가정',
    reset: '모두 다시 켜기',
    switchOnPolicy: '다시 켜기: 정책 NoS3Reads',
    predictMode: '먼저 예측하기',
    predictAsk: 'IAM은 어떻게 결정할까요? 어느 계층이 결정할까요?',
    guessAllowed: '허용',
    layer: '결정한 계층',
    identity: '자격 증명 기반 정책',
    reveal: '결정 공개',
    wrong: '아쉽네요, 틀렸습니다.',
    answer: '정답: 서비스 제어 정책에서 결정한 명시적 거부.',
    score: '점수: 1개 중 0개 정답',
    scp: '서비스 제어 정책',
    right: '정답입니다! 서비스 제어 정책에서 결정한 명시적 거부입니다.',
    scoreAfter: '점수: 2개 중 1개 정답',
  },
} as const;

type Words = (typeof LANGS)[keyof typeof LANGS];

/** axe finds nothing serious or critical in the what-if bar and the prediction (the graph has its own scan). */
async function expectNoSeriousViolations(page: Page, selector: '.whatif-bar' | '.predict-panel') {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Opens the app and imports the world where an SCP denies Dana's reads, in a new workspace. */
async function openScpWorld(page: Page, w: Words) {
  await openApp(page);
  await importScenarioFiles(page, [FIXTURE], w.dana, w);
}

for (const [lang, w] of Object.entries(LANGS)) {
  test.describe(`in ${lang === 'en' ? 'English' : 'Korean'}`, () => {
    test.use({ locale: w.locale });
    // Importing a world and asking the engine several times, on a shared 2-core machine.
    test.describe.configure({ timeout: 150_000 });

    test('switching off the SCPs turns an explicit deny into a what-if allow, and switching them back on denies again', async ({ page }) => {
      await openScpWorld(page, w);
      await sendRequest(page, READ, w.form);
      const verdict = page.getByRole('region', { name: w.decision, exact: true }).locator('.verdict-label');
      await expect(verdict).toHaveText(w.explicitDeny);

      await page.getByRole('tab', { name: w.decision, exact: true }).click();
      const panel = page.getByRole('tabpanel', { name: w.decision, exact: true });
      const bar = panel.getByRole('region', { name: w.whatIf });
      await bar.getByRole('switch', { name: w.scpLayer }).check();
      await expect(verdict).toHaveText(w.allowed);
      await expect(bar.getByRole('status')).toContainText(w.badge);
      await page.screenshot({ path: test.info().outputPath(`what-if-${lang}.png`) });
      await expectNoSeriousViolations(page, '.whatif-bar');

      await bar.getByRole('button', { name: w.reset }).click();
      await expect(verdict).toHaveText(w.explicitDeny);
      await expect(bar.getByRole('switch', { name: w.scpLayer })).not.toBeChecked();
      await expect(bar.getByRole('status')).not.toContainText(w.badge);

      // One policy instead of the whole layer: FullAWSAccess still allows, so only NoS3Reads mattered.
      // (click, not check: the graph replays the new decision, so the switch may leave the screen at once)
      await panel.getByRole('switch', { name: w.scpPolicy }).first().click();
      await expect(verdict).toHaveText(w.allowed);
      await expect(bar.getByRole('listitem').filter({ hasText: 'NoS3Reads' })).toBeVisible();
      await bar.getByRole('button', { name: w.switchOnPolicy }).click();
      await expect(verdict).toHaveText(w.explicitDeny);
    });

    test('predict first: a wrong guess is told it was wrong and shown the right answer', async ({ page }) => {
      await openScpWorld(page, w);
      await page.getByRole('switch', { name: w.predictMode }).check();
      await sendRequest(page, READ, w.form);

      const prediction = page.getByRole('region', { name: w.decision, exact: true }).getByText(w.predictAsk);
      await expect(prediction).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`predict-${lang}.png`) });
      await expectNoSeriousViolations(page, '.predict-panel');
      // The decision stays hidden until the learner has guessed.
      await expect(page.getByRole('region', { name: w.decision, exact: true }).locator('.verdict-label')).toHaveCount(0);

      const region = page.getByRole('region', { name: w.decision, exact: true });
      await region.getByRole('radio', { name: w.guessAllowed, exact: true }).check();
      await region.getByLabel(w.layer, { exact: true }).selectOption({ label: w.identity });
      await region.getByRole('button', { name: w.reveal }).click();

      await expect(region).toContainText(w.wrong);
      await expect(region).toContainText(w.answer);
      await expect(region).toContainText(w.score);
      await expect(region.locator('.verdict-label')).toHaveText(w.explicitDeny);
      await page.screenshot({ path: test.info().outputPath(`predict-wrong-${lang}.png`) });
      await expectNoSeriousViolations(page, '.predict-panel');

      // Again, by keyboard alone this time, and right: the score counts both guesses.
      await page.getByRole('button', { name: w.form.submit }).click();
      await expect(region.locator('.verdict-label')).toHaveCount(0);
      await region.getByRole('radio', { name: w.explicitDeny, exact: true }).focus();
      await page.keyboard.press('Space');
      await region.getByLabel(w.layer, { exact: true }).selectOption({ label: w.scp });
      await region.getByRole('button', { name: w.reveal }).focus();
      await page.keyboard.press('Enter');
      await expect(region).toContainText(w.right);
      await expect(region).toContainText(w.scoreAfter);
    });
  });
}
