/**
 * Screenshots of the main view in both languages, for review (reports/screenshots/) — a
 * request decided and its statement opened in the editor.
 */
import { expect, openApp, sendRequest, test } from './fixtures';

for (const lang of ['en', 'ko'] as const) {
  test(`a learner's main view, in ${lang === 'en' ? 'English' : 'Korean'}`, async ({ page }) => {
    await openApp(page);
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
    const labels =
      lang === 'en'
        ? { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate', show: 'Show in the policy' }
        : { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기', show: '정책에서 보기' };
    await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:DeleteObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' }, labels);
    await page.getByRole('button', { name: labels.show }).click();
    await expect(page.locator('.monaco-editor .statement-highlight').first()).toBeAttached();
    await page.waitForTimeout(300); // the editor's reveal scroll
    await page.screenshot({ path: `reports/screenshots/main-${lang}.png` });
  });
}
