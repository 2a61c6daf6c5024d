import { expect, openApp, sendRequest, test } from './fixtures';

test('a learner switches to Korean, and the choice is remembered after a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('radio', { name: '한국어' }).check();

  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '요청 보내기' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'IAM 사용자 alice', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '요청 보내기' })).toBeVisible();

  await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:DeleteObject', resource: 'arn:aws:s3:::acme-reports/a.csv' }, { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기' });
  const decision = page.getByRole('region', { name: '결정' });
  await expect(decision.locator('.verdict-label')).toHaveText('명시적 거부');
  await expect(decision).toContainText('리소스 기반 정책');
});

test.describe('with a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('the app speaks Korean from the first visit', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('radio', { name: '한국어' })).toBeChecked();
  });
});
