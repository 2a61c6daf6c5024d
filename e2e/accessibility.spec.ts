/**
 * A learner's main view in both languages — a request decided, its statement opened in the
 * editor — screenshot for review and scanned by axe; then in forced colours (high contrast). The other views are
 * scanned by their own specs: the decision (watches-a-decision), the event log
 * (event-log), the exercises (classroom-exercises), the analyses (analysis-*).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, sendRequest, showMap, test } from './fixtures';

for (const lang of ['en', 'ko'] as const) {
  test(`the main view has no serious accessibility violations (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    await openApp(page);
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
    const labels =
      lang === 'en'
        ? { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate', show: 'Show in the policy' }
        : { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기', show: '정책에서 보기' };
    // A request decided and its statement opened in the editor: a learner's main view.
    await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:DeleteObject', resource: 'arn:aws:s3:::acme-reports/2026/q1.csv' }, labels);
    await page.getByRole('button', { name: labels.show }).click();
    await expect(page.locator('.monaco-editor .statement-highlight').first()).toBeAttached();
    await page.waitForTimeout(300); // the editor's reveal scroll
    // For review (reports/screenshots/).
    await page.screenshot({ path: `reports/screenshots/main-${lang}.png` });
    // The builder: the map with the policy open in the details panel (the Decision tab has its own scans).
    await showMap(page);
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // High contrast: with the system's forced colours, backgrounds are replaced, so what is
    // selected must show by more than a background (axe's contrast check is not reliable in
    // this mode: it pairs the authored text colour with the forced background).
    await page.emulateMedia({ forcedColors: 'active' });
    const outline = (name: string) => page.getByRole('tab', { name, exact: true }).evaluate((tab) => getComputedStyle(tab).outlineStyle);
    const [selected, other] = lang === 'en' ? ['Map', 'Decision'] : ['지도', '결정'];
    await showMap(page);
    expect([await outline(selected), await outline(other)]).toEqual(['solid', 'none']);
  });
}
