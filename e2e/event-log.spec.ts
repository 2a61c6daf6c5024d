import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { expect, openApp, sendRequest, test } from './fixtures';

const report = 'arn:aws:s3:::acme-reports/2026/q1.csv';

const texts = {
  en: {
    form: { principal: 'Principal', action: 'Action', resource: 'Resource', submit: 'Evaluate' },
    decision: 'Decision',
    allowed: 'Allowed',
    explicitDeny: 'Explicitly denied',
    logTab: 'Event log',
    decisionTab: 'Decision',
    table: 'CloudTrail records',
    success: 'Success',
    outcome: 'Outcome',
    errorsOnly: /^Errors only/,
    count: '1 of 2 records',
    record: /^Record: DeleteObject/,
    recordAllowed: /^Record: GetObject/,
    json: 'The record as JSON',
    copy: 'Copy JSON',
    copied: 'Copied.',
    exportShown: 'Export 1 shown',
    exportAll: 'Export all (2)',
    clearFilters: 'Clear filters',
    showDecision: 'Show the decision',
    clear: 'Clear log',
    clearConfirm: 'Delete all records',
    empty: 'No requests logged yet',
    explicit: 'explicit deny',
  },
  ko: {
    form: { principal: '보안 주체', action: '작업(Action)', resource: '리소스', submit: '평가하기' },
    decision: '결정',
    allowed: '허용',
    explicitDeny: '명시적 거부',
    logTab: '이벤트 기록',
    decisionTab: '결정',
    table: 'CloudTrail 레코드',
    success: '성공',
    outcome: '결과',
    errorsOnly: /^오류만/,
    count: '레코드 2개 중 1개',
    record: /^레코드: DeleteObject/,
    recordAllowed: /^레코드: GetObject/,
    json: 'JSON 형식의 레코드',
    copy: 'JSON 복사',
    copied: '복사했습니다.',
    exportShown: '표시된 1개 내보내기',
    exportAll: '모두 내보내기 (2)',
    clearFilters: '필터 지우기',
    showDecision: '결정 보기',
    clear: '기록 지우기',
    clearConfirm: '모든 레코드 삭제',
    empty: '아직 기록된 요청이 없습니다',
    explicit: '명시적 거부',
  },
} as const;

async function recordsOf(download: Download): Promise<{ Records: { eventName: string; errorCode?: string }[] }> {
  const path = await download.path();
  return JSON.parse(await readFile(path, 'utf8')) as { Records: { eventName: string; errorCode?: string }[] };
}

async function exportFile(page: Page, button: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^iam-playground_CloudTrail_\d{8}T\d{4}Z\.json$/);
  return recordsOf(download);
}

for (const lang of ['en', 'ko'] as const) {
  const x = texts[lang];

  test(`a learner reads, filters, exports and clears the CloudTrail records of the requests sent (${lang})`, async ({ page, context }) => {
    // Long: two requests, then the whole log journey (a loaded 2-core machine needs the margin).
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    if (lang === 'ko') await page.getByRole('radio', { name: '한국어' }).check();
    const decision = page.getByRole('region', { name: x.decision, exact: true });

    await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:GetObject', resource: report }, x.form);
    await expect(decision.locator('.verdict-label')).toHaveText(x.allowed);
    await sendRequest(page, { principal: 'alice · acme-analytics', action: 's3:DeleteObject', resource: report }, x.form);
    await expect(decision.locator('.verdict-label')).toHaveText(x.explicitDeny);

    await page.getByRole('tab', { name: x.logTab }).click();
    const table = page.getByRole('grid', { name: x.table });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3); // the header and two records, newest first
    await expect(rows.nth(1)).toContainText('DeleteObject');
    await expect(rows.nth(1)).toContainText('AccessDenied');
    await expect(rows.nth(1)).toContainText(x.explicit);
    await expect(rows.nth(2)).toContainText('GetObject');
    await expect(rows.nth(2)).toContainText('s3.amazonaws.com');
    await expect(rows.nth(2)).toContainText(x.success);

    // Errors only.
    const outcome = page.getByLabel(x.outcome, { exact: true });
    await outcome.selectOption({ label: (await outcome.locator('option').allTextContents()).find((o) => x.errorsOnly.test(o))! });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('DeleteObject');
    await expect(page.getByText(x.count, { exact: true })).toBeVisible();

    // The keyboard opens the record: Tab reaches the newest row (after the filters), Enter opens it.
    await page.getByRole('button', { name: x.clearFilters }).focus();
    await page.keyboard.press('Tab');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    const record = page.getByRole('region', { name: x.record });
    const json = record.getByLabel(x.json);
    await expect(json).toContainText('"eventName": "DeleteObject"');
    await expect(json).toContainText('"errorCode": "AccessDenied"');
    await expect(json).toContainText('"userName": "alice"');
    await record.getByRole('button', { name: x.copy }).click();
    await expect(record.getByRole('status')).toHaveText(x.copied);
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { eventName: string };
    expect(copied.eventName).toBe('DeleteObject');

    // The log, filtered and with a record open, has no serious accessibility violation.
    const scan = await new AxeBuilder({ page }).include('#main-panel-log').analyze();
    const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Export what is shown, then everything: files shaped like CloudTrail's.
    const shown = await exportFile(page, x.exportShown);
    expect(shown.Records).toHaveLength(1);
    expect(shown.Records[0]).toMatchObject({ eventName: 'DeleteObject', errorCode: 'AccessDenied' });
    const all = await exportFile(page, x.exportAll);
    expect(all.Records.map((r) => r.eventName)).toEqual(['GetObject', 'DeleteObject']);

    // The allowed request's decision comes back on screen.
    await page.getByRole('button', { name: x.clearFilters }).click();
    await expect(rows).toHaveCount(3);
    await rows.nth(2).click();
    await page.getByRole('region', { name: x.recordAllowed }).getByRole('button', { name: x.showDecision }).click();
    await expect(page.getByRole('tab', { name: x.decisionTab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(decision.locator('.verdict-label')).toHaveText(x.allowed);

    // Clearing asks first.
    await page.getByRole('tab', { name: x.logTab }).click();
    await page.getByRole('button', { name: x.clear }).click();
    await page.getByRole('button', { name: x.clearConfirm }).click();
    await expect(page.getByRole('heading', { name: x.empty })).toBeFocused();
    await expect(table).toHaveCount(0);
  });
}
