/**
 * The classroom offline: the curriculum shipped with the site is precached by the service
 * worker, so with the network cut a learner still opens it, opens an exercise and gets its
 * goals judged (the engine runs in the page). In English and in Korean.
 */
import { expect, openApp, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

const words = {
  en: { tab: 'Exercises', curriculum: 'Open the curriculum', pack: 'AWS IAM from first principles', exercise: 'Your first policy: Effect, Action, Resource', card: /^Exercise 3 of/, count: /^3 of 5 goals met$/ },
  ko: { tab: '연습 문제', curriculum: '커리큘럼 열기', pack: '처음부터 배우는 AWS IAM', exercise: '첫 번째 정책: Effect, Action, Resource', card: /^연습 \d+개 중 3번/, count: /^목표 5개 중 3개 달성$/ },
} as const;

// One test for both languages: the service worker's install (the whole app) is the slow part.
test('offline, a learner opens the shipped curriculum and an exercise whose goals the engine judges (en, then ko)', async ({ page, context }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });

  await context.setOffline(true);
  await page.reload();
  const { en, ko } = words;
  await page.getByRole('tab', { name: en.tab }).click();
  await page.getByRole('button', { name: en.curriculum }).click();
  await expect(page.getByRole('heading', { name: en.pack })).toBeVisible();
  await page.getByRole('button', { name: en.exercise, exact: true }).click();
  await expect(page.getByRole('region', { name: en.card }).getByText(en.count)).toBeVisible();

  await page.getByRole('radio', { name: '한국어' }).check();
  await expect(page.getByRole('region', { name: ko.card }).getByText(ko.count)).toBeVisible();
  await page.getByRole('tab', { name: ko.tab }).click();
  await expect(page.getByRole('heading', { name: ko.pack })).toBeVisible();
  await context.setOffline(false);
});
