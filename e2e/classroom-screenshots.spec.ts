/**
 * Screenshots of the classroom in both languages, into reports/screenshots/ (next to those
 * of the main view): the Exercises tab with the curriculum, and the exercise card above the
 * map with a hint shown; each view is also checked for serious accessibility violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const words = {
  en: { tab: 'Exercises', curriculum: 'Open the curriculum', exercise: 'Your first policy: Effect, Action, Resource', card: /^Exercise 3 of/, hint: /^Show a hint/ },
  ko: { tab: '연습 문제', curriculum: '커리큘럼 열기', exercise: '첫 번째 정책: Effect, Action, Resource', card: /^연습 \d+개 중 3번/, hint: /^힌트 보기/ },
} as const;

for (const lang of ['en', 'ko'] as const) {
  const w = words[lang];
  test(`screenshots of the Exercises view and the exercise card, without serious accessibility violations (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
    await page.getByRole('tab', { name: w.tab }).click();
    await page.getByRole('button', { name: w.curriculum }).click();
    const open = page.getByRole('button', { name: w.exercise });
    await expect(open).toBeVisible();
    await page.screenshot({ path: `reports/screenshots/classroom-exercises-${lang}.png` });
    await expectNoSeriousViolations(page);

    await open.click();
    const card = page.getByRole('region', { name: w.card });
    await card.getByRole('button', { name: w.hint }).click();
    await expect(card.getByRole('listitem').last()).toBeVisible();
    await page.screenshot({ path: `reports/screenshots/classroom-card-${lang}.png` });
    await expectNoSeriousViolations(page);
  });
}
