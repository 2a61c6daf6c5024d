/**
 * A learner plays a privilege escalation (`escalate-create-policy-version`), in English and
 * in Korean. The world is locked: the builder may not change it, only IAM API calls sent
 * from the request console can. As dev-lee the learner creates a new default version of
 * their own policy (the form's fields are the API's parameters: PolicyArn, PolicyDocument,
 * SetAsDefault), then reads the secret; the engine judges the `performed` goals from the
 * requests sent.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const words = {
  en: {
    card: /^Exercise \d+ of \d+: Privilege escalation: a new policy version$/,
    locked: 'This exercise is played by requests',
    toConsole: 'Go to the request console',
    console: 'Send a request',
    principal: 'Principal',
    action: 'Action',
    resource: 'Resource',
    submit: 'Evaluate',
    solved: 'Solved!',
    unmet: 'Not met yet',
    goal: 'dev-lee read payroll.csv in acme-secrets',
  },
  ko: {
    card: /^연습 \d+개 중 \d+번: 권한 상승: 새 정책 버전$/,
    locked: '이 연습 문제는 요청으로만 진행합니다',
    toConsole: '요청 콘솔로 이동',
    console: '요청 보내기',
    principal: '보안 주체',
    action: '작업(Action)',
    resource: '리소스',
    submit: '평가하기',
    solved: '해결했습니다!',
    unmet: '아직 달성하지 못함',
    goal: 'dev-lee가 acme-secrets의 payroll.csv를 읽었다',
  },
} as const;

type Lang = keyof typeof words;

async function send(page: Page, lang: Lang, action: string, resource: string): Promise<void> {
  const w = words[lang];
  const console = page.getByRole('region', { name: w.console });
  await console.getByLabel(w.principal, { exact: true }).selectOption({ label: 'dev-lee · acme-prod' });
  await console.getByLabel(w.action, { exact: true }).fill(action);
  await console.getByLabel(w.resource, { exact: true }).fill(resource);
}

const ADMIN = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

for (const lang of ['en', 'ko'] as const) {
  const w = words[lang];

  test(`a learner plays "escalate-create-policy-version" from the request console (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    await openApp(page);
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
    await page.goto('./?pack=packs/iam-foundations.json&exercise=escalate-create-policy-version');
    const card = page.getByRole('region', { name: w.card });
    await expect(card.getByRole('note')).toContainText(w.locked);
    await expect(card.getByRole('listitem').filter({ hasText: w.goal })).toContainText(w.unmet);

    // The lock points to the console.
    await card.getByRole('button', { name: w.toConsole }).click();
    await expect(page.locator('#request-console')).toBeFocused();

    // Step 1: a new default version of dev-lee's own policy that allows everything.
    await send(page, lang, 'iam:CreatePolicyVersion', 'arn:aws:iam::111111111111:policy/DevLeePolicy');
    const form = page.getByRole('region', { name: w.console });
    await form.getByLabel('PolicyDocument', { exact: true }).fill(ADMIN);
    await form.getByRole('checkbox', { name: 'SetAsDefault' }).check();
    await form.getByRole('button', { name: w.submit }).click();

    // Step 2: the secret.
    await send(page, lang, 's3:GetObject', 'arn:aws:s3:::acme-secrets/payroll.csv');
    await form.getByRole('button', { name: w.submit }).click();

    await expect(card.getByRole('status').filter({ hasText: w.solved })).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: w.unmet })).toHaveCount(0);
  });
}
