/**
 * A learner solves curriculum exercises of two more kinds (issue #7 "Done when"), in the
 * builder and the policy editor, in English and in Korean: a cross-account bucket policy
 * (`cross-account-bucket`) and an SCP deny list (`scp-deny-list`). Every goal is judged by
 * the engine; the spec only reads what the card shows. (Policy writing, `first-policy`, is
 * in classroom-exercises.spec.ts; the privilege escalation in classroom-escalation.spec.ts.)
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const words = {
  en: {
    lang: 'English',
    crossCard: /^Exercise \d+ of \d+: Cross-account access to a bucket$/,
    scpCard: /^Exercise \d+ of \d+: An SCP deny list/,
    solved: 'Solved!',
    unmet: 'Not met yet',
    resource: 'Resource acme-reports',
    details: 'Details',
    addResourcePolicy: 'Add a resource-based policy',
    bucketDocument: 'Policy document of acme-reports',
    organization: /^Organization/,
    addScp: 'Add an SCP',
    scpDialog: 'Add a service control policy (SCP)',
    name: 'Name',
    document: 'Policy document (JSON)',
    create: 'Create',
    attachTo: 'Attach to',
    attach: 'Attach',
  },
  ko: {
    lang: '한국어',
    crossCard: /^연습 \d+개 중 \d+번: 버킷에 대한 교차 계정 액세스$/,
    scpCard: /^연습 \d+개 중 \d+번: SCP 거부 목록/,
    solved: '해결했습니다!',
    unmet: '아직 달성하지 못함',
    resource: '리소스 acme-reports',
    details: '세부 정보',
    addResourcePolicy: '리소스 기반 정책 추가',
    bucketDocument: 'acme-reports의 정책 문서',
    organization: /^조직/,
    addScp: 'SCP 추가',
    scpDialog: '서비스 제어 정책(SCP) 추가',
    name: '이름',
    document: '정책 문서(JSON)',
    create: '만들기',
    attachTo: '연결할 대상',
    attach: '연결',
  },
} as const;

type Lang = keyof typeof words;

/** Opens a curriculum exercise as a teacher's link to it would (`?pack=…&exercise=ID`), in `lang`. */
async function openExercise(page: Page, lang: Lang, id: string, card: RegExp): Promise<Locator> {
  await openApp(page);
  if (lang === 'ko') await page.getByRole('radio', { name: words.ko.lang }).check();
  await page.goto(`./?pack=packs/iam-foundations.json&exercise=${id}`);
  // The exercise's own workspace is open (the card can show while the world open before it is still on the map).
  await expect(page.getByRole('banner').getByRole('button', { name: /^(Workspace Exercise|작업 공간 연습): / })).toBeVisible();
  const region = page.getByRole('region', { name: card });
  await expect(region).toBeVisible();
  // The starting world fails at least one goal: the engine says which.
  await expect(region.getByRole('listitem').filter({ hasText: words[lang].unmet }).first()).toBeVisible();
  return region;
}

/** Replaces the editor's text, as typed (insertText: Monaco's auto-closing would garble `keyboard.type`). */
async function replaceText(page: Page, input: Locator, text: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const BUCKET_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AuditorReads', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:user/auditor' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' }],
});

const SCP = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: '*' }],
});

for (const lang of ['en', 'ko'] as const) {
  const w = words[lang];

  test(`a learner solves "cross-account-bucket" with a bucket policy naming the auditor (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const card = await openExercise(page, lang, 'cross-account-bucket', w.crossCard);
    await page.getByRole('button', { name: w.resource, exact: true }).click();
    const panel = page.getByRole('complementary', { name: w.details });
    await panel.getByRole('button', { name: w.addResourcePolicy }).click();
    await replaceText(page, panel.getByRole('textbox', { name: w.bucketDocument }), BUCKET_POLICY);
    await expect(card.getByRole('status').filter({ hasText: w.solved })).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: w.unmet })).toHaveCount(0);
  });

  test(`a learner solves "scp-deny-list" with an SCP attached to the Workloads OU (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const card = await openExercise(page, lang, 'scp-deny-list', w.scpCard);
    await page.getByRole('button', { name: w.organization }).click();
    await page.getByRole('menuitem', { name: w.addScp }).click();
    const dialog = page.getByRole('dialog', { name: w.scpDialog });
    await dialog.getByRole('textbox', { name: w.name, exact: true }).fill('ProtectCloudTrail');
    await dialog.getByRole('textbox', { name: w.document }).fill(SCP);
    await dialog.getByRole('button', { name: w.create }).click();
    await expect(dialog).toBeHidden();

    // The new SCP opens in the inspector: attach it to the OU of the account.
    const panel = page.getByRole('complementary', { name: w.details });
    await panel.getByRole('combobox', { name: w.attachTo }).selectOption({ label: 'Workloads (ou-acme-workloads)' });
    await panel.getByRole('button', { name: w.attach, exact: true }).click();
    await expect(card.getByRole('status').filter({ hasText: w.solved })).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: w.unmet })).toHaveCount(0);
  });
}
