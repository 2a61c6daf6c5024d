/**
 * The classroom, as a learner uses it (issue #7), in English and in Korean: the Exercises
 * tab, the curriculum, an exercise with its goals judged by the engine, a hint, solving it
 * in the policy editor, progress that survives a reload, the completion report, a pack by
 * `?pack=` and a link to one exercise, and a broken pack that says why and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/packs/${name}`, import.meta.url));

/** Serves the fixture packs under `test-packs/` of the site (same origin, as a teacher's server would). */
async function serveTestPacks(page: Page): Promise<void> {
  await page.route('**/test-packs/mini.json', (route) => route.fulfill({ path: fixture('mini-pack.json'), contentType: 'application/json' }));
  await page.route('**/test-packs/broken.json', (route) => route.fulfill({ path: fixture('broken-pack.json'), contentType: 'application/json' }));
}

const words = {
  en: {
    lang: 'English',
    tab: 'Exercises',
    mapTab: 'Map',
    curriculum: 'Open the curriculum',
    packTitle: 'AWS IAM from first principles',
    firstPolicy: 'Your first policy: Effect, Action, Resource',
    card: /^Exercise 3 of \d+: Your first policy/,
    goals: 'Goals',
    noneMet: /^3 of 5 goals met$/,
    allMet: /^5 of 5 goals met$/,
    unmet: 'Not met yet',
    met: 'Met',
    goal0: 'alice can list the bucket acme-reports',
    showHint: /^Show a hint \(0 of 3 shown\)$/,
    hint1: 'alice has no policy yet',
    user: 'IAM user alice',
    details: 'Details',
    newInline: 'New inline policy',
    document: 'Policy document of ReadAcmeReports',
    solved: 'Solved!',
    explanation: 'that is least privilege',
    progress: /^1 of \d+ solved$/,
    itemSolved: 'Solved',
    report: 'Download the completion report',
    next: 'Next exercise',
    nextCard: /^Exercise 4 of \d+: AWS managed, customer managed and inline policies$/,
    openFile: 'Open a pack file…',
    miniExercise: 'Read-only access to one bucket',
    scratch: 'Inline policy Scratch',
    startOver: 'Start over',
    miniTitle: 'A first policy',
    miniCard: 'Exercise 1 of 1: Read-only access to one bucket',
    analyst: 'IAM user analyst',
    urlLabel: 'Address of a pack (URL)',
    urlOpen: 'Open from the address',
    failed: 'This pack could not be opened',
    nothingChanged: 'Nothing was changed',
  },
  ko: {
    lang: '한국어',
    tab: '연습 문제',
    mapTab: '지도',
    curriculum: '커리큘럼 열기',
    packTitle: '처음부터 배우는 AWS IAM',
    firstPolicy: '첫 번째 정책: Effect, Action, Resource',
    card: /^연습 \d+개 중 3번: 첫 번째 정책/,
    goals: '목표',
    noneMet: /^목표 5개 중 3개 달성$/,
    allMet: /^목표 5개 중 5개 달성$/,
    unmet: '아직 달성하지 못함',
    met: '달성',
    goal0: 'alice가 acme-reports 버킷의 목록을 볼 수 있다',
    showHint: /^힌트 보기 \(3개 중 0개 봄\)$/,
    hint1: 'alice에게는 아직 정책이 없으므로',
    user: 'IAM 사용자 alice',
    details: '세부 정보',
    newInline: '새 인라인 정책',
    document: 'ReadAcmeReports의 정책 문서',
    solved: '해결했습니다!',
    explanation: '이것이 최소 권한입니다',
    progress: /^\d+개 중 1개 해결$/,
    itemSolved: '해결함',
    report: '완료 보고서 내려받기',
    next: '다음 연습 문제',
    nextCard: /^연습 \d+개 중 4번: /,
    openFile: '팩 파일 열기…',
    miniExercise: '버킷 하나에 대한 읽기 전용 권한',
    scratch: '인라인 정책 Scratch',
    startOver: '처음부터 다시',
    miniTitle: '첫 번째 정책',
    miniCard: '연습 1개 중 1번: 버킷 하나에 대한 읽기 전용 권한',
    analyst: 'IAM 사용자 analyst',
    urlLabel: '팩 주소(URL)',
    urlOpen: '주소에서 열기',
    failed: '이 팩을 열 수 없습니다',
    nothingChanged: '아무것도 바뀌지 않았습니다',
  },
} as const;

type Lang = keyof typeof words;

async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  if (lang === 'ko') await page.getByRole('radio', { name: words.ko.lang }).check();
}

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: ['arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*'] }],
});

/** No serious or critical accessibility violation on the page as it is now (the editor aside). */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of ['en', 'ko'] as const) {
  const w = words[lang];

  test(`a learner opens the curriculum, takes a hint, solves "first-policy", keeps the progress over a reload and downloads the report (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await chooseLanguage(page, lang);

    await page.getByRole('tab', { name: w.tab }).click();
    await page.getByRole('button', { name: w.curriculum }).click();
    await expect(page.getByRole('heading', { name: w.packTitle })).toBeVisible();
    // For review (reports/screenshots/), and the view's accessibility.
    await page.screenshot({ path: `reports/screenshots/classroom-exercises-${lang}.png` });
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: w.firstPolicy, exact: true }).click();

    // The exercise opens on the map, its card above it; the engine finds no goal met yet.
    await expect(page.getByRole('tab', { name: w.mapTab })).toHaveAttribute('aria-selected', 'true');
    const card = page.getByRole('region', { name: w.card });
    await expect(card).toBeVisible();
    const goals = card.getByRole('list', { name: w.goals, exact: true });
    await expect(card.getByText(w.noneMet)).toBeVisible();
    await expect(goals.getByRole('listitem')).toHaveCount(5);
    await expect(goals.getByRole('listitem').filter({ hasText: w.goal0 })).toContainText(w.unmet);

    // A hint, one at a time.
    await card.getByRole('button', { name: w.showHint }).click();
    await expect(card.getByText(w.hint1)).toBeVisible();
    await page.screenshot({ path: `reports/screenshots/classroom-card-${lang}.png` });
    await expectNoSeriousViolations(page);

    // The learner writes alice's inline policy in the editor.
    await page.getByRole('button', { name: w.user, exact: true }).click();
    const panel = page.getByRole('complementary', { name: w.details });
    await panel.getByRole('combobox', { name: w.newInline }).fill('ReadAcmeReports');
    await page.keyboard.press('Enter');
    const input = panel.getByRole('textbox', { name: w.document });
    await input.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(POLICY);

    // Every goal met: the engine says so, the card shows it with the explanation.
    await expect(card.getByRole('status').filter({ hasText: w.solved })).toContainText(w.explanation);
    await expect(card.getByText(w.allMet)).toBeVisible();
    await expect(goals.getByRole('listitem').filter({ hasText: w.goal0 })).toContainText(w.met);

    // A reload reopens the exercise in the learner's world, solved, with the hint still shown.
    await page.waitForTimeout(1200); // the workspace's autosave
    await page.reload();
    await expect(card.getByRole('status').filter({ hasText: w.solved })).toBeVisible();
    await expect(card.getByText(w.hint1)).toBeVisible();

    // The pack's overview: one solved.
    await page.getByRole('tab', { name: w.tab }).click();
    await expect(page.getByText(w.progress)).toBeVisible();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: w.firstPolicy }) });
    await expect(item).toContainText(w.itemSolved);

    // The completion report: the engine's verdicts, the learner's world, the hints taken.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.report }).click()]);
    expect(download.suggestedFilename()).toMatch(/^iam-foundations-report-\d{4}-\d{2}-\d{2}\.json$/);
    const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      version: number;
      pack: { id: string };
      exercises: { id: string; solved: boolean; solvedAt: string | null; hintsShown: number; goals: { met: boolean }[]; solution: { accounts: { users?: { name: string; inlinePolicies?: Record<string, unknown> }[] }[] } | null }[];
    };
    expect(report.format).toBe('iam-playground/report');
    expect(report.version).toBe(1);
    expect(report.pack.id).toBe('iam-foundations');
    const solved = report.exercises.find((e) => e.id === 'first-policy');
    expect(solved?.solved).toBe(true);
    expect(solved?.solvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(solved?.hintsShown).toBe(1);
    expect(solved?.goals.map((g) => g.met)).toEqual([true, true, true, true, true]);
    expect(solved?.solution?.accounts[0]?.users?.find((u) => u.name === 'alice')?.inlinePolicies).toHaveProperty('ReadAcmeReports');
    const untouched = report.exercises.find((e) => e.id === 'root-user');
    expect(untouched).toMatchObject({ solved: false, solution: null, goals: [] });

    // Coming back to the exercise reopens the learner's world (solved), and the next one follows.
    await page.getByRole('button', { name: w.firstPolicy, exact: true }).click();
    await expect(card.getByRole('status').filter({ hasText: w.solved })).toBeVisible();
    await card.getByRole('button', { name: w.next }).click();
    await expect(page.getByRole('region', { name: w.nextCard })).toBeVisible();
  });

  // Once, in Korean; the first journey above runs in both languages.
  if (lang === 'ko') {
    test(`a learner opens a pack file, changes the world and starts the exercise over (${lang})`, async ({ page }) => {
      test.setTimeout(90_000);
      await openApp(page);
      await chooseLanguage(page, lang);
      await page.getByRole('tab', { name: w.tab }).click();
      await page.getByLabel(w.openFile).setInputFiles(fixture('mini-pack.json'));
      await expect(page.getByRole('heading', { name: w.miniTitle })).toBeVisible();
      await page.getByRole('button', { name: w.miniExercise }).click();
      const card = page.getByRole('region', { name: w.miniCard });
      await expect(card.getByRole('listitem').filter({ hasText: w.unmet }).first()).toBeVisible();

      // A change in the builder: an inline policy for the analyst.
      await page.getByRole('button', { name: w.analyst, exact: true }).click();
      const panel = page.getByRole('complementary', { name: w.details });
      await panel.getByRole('combobox', { name: w.newInline }).fill('Scratch');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: w.scratch, exact: true })).toBeVisible();

      // Start over: the starting world again.
      await card.getByRole('button', { name: w.startOver }).click();
      await expect(page.getByRole('button', { name: w.analyst, exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: w.scratch, exact: true })).toHaveCount(0);
    });
  }

  // Once, in English; the first journey above runs in both languages.
  if (lang === 'en') {
    test(`a pack opens from ?pack=, an exercise from its link, and a broken pack says why and changes nothing (${lang})`, async ({ page }) => {
      test.setTimeout(90_000);
      await serveTestPacks(page);
      await openApp(page);
      await chooseLanguage(page, lang);

      // A teacher's link to a pack: the Exercises tab shows it.
      await page.goto('./?pack=test-packs/mini.json');
      await expect(page.getByRole('tab', { name: w.tab })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('heading', { name: w.miniTitle })).toBeVisible();
      // The address no longer carries the link (a reload restores from this browser).
      await expect(page).not.toHaveURL(/pack=/);

      // A link to one exercise opens it in its own world.
      await page.goto('./?pack=test-packs/mini.json&exercise=read-one-bucket');
      await expect(page.getByRole('region', { name: w.miniCard })).toBeVisible();
      await expect(page.getByRole('button', { name: w.analyst, exact: true })).toBeVisible();

      // A broken pack by its address: why (with the JSON path), and nothing changed.
      await page.getByRole('tab', { name: w.tab }).click();
      await page.getByLabel(w.urlLabel).fill('test-packs/broken.json');
      await page.getByRole('button', { name: w.urlOpen }).click();
      const alert = page.getByRole('alert').filter({ hasText: w.failed });
      await expect(alert).toContainText('$.exercises[0].accounts[0].id');
      await expect(alert).toContainText(w.nothingChanged);
      await expect(page.getByRole('heading', { name: w.miniTitle })).toBeVisible();
      await expect(page.getByRole('region', { name: w.miniCard })).toBeVisible();

      // And after a reload, the pack opened by address is still there (kept in this browser).
      await page.reload();
      await page.getByRole('tab', { name: w.tab }).click();
      await expect(page.getByRole('heading', { name: w.miniTitle })).toBeVisible();
    });
  }
}
