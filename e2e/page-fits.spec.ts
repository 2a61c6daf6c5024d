/**
 * The page is an application frame: its regions scroll, the page itself never does. A
 * visually hidden input positioned outside its scroll area once made the whole page scroll,
 * showing an empty band below the app (and focus could scroll the frame away).
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

async function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0);
}

test('no view makes the page itself scroll, only its regions', async ({ page }) => {
  await openApp(page);
  const viewport = page.viewportSize()!.height;
  expect(await pageHeight(page)).toBeLessThanOrEqual(viewport);
  for (const tab of ['Exercises', 'Decision', 'Event log', 'Map']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    expect(await pageHeight(page), `the ${tab} view`).toBeLessThanOrEqual(viewport);
  }
  await page.goto('./?pack=packs/iam-foundations.json&exercise=first-policy');
  await expect(page.getByRole('region', { name: /^Exercise \d+ of \d+:/ })).toBeVisible();
  expect(await pageHeight(page), 'with an exercise open').toBeLessThanOrEqual(viewport);
});
