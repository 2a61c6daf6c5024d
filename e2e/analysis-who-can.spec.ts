/**
 * The Analysis tab's questions about principals, as a learner asks them: who can read the
 * payroll bucket (directly, or by assuming a role), shown on the map; what one user is
 * really allowed; and, in Korean, the escalation path of a world where a developer may
 * create an access key for an administrator, highlighted on the map and cleared again.
 * Screenshots of each section in both languages go to reports/screenshots/analysis-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, importScenarioFiles, openApp, test } from './fixtures';

const WORDS = {
  en: {
    file: 'File',
    importFiles: 'Import files…',
    importDialog: 'Import',
    importConfirm: 'Import',
    analysis: 'Analysis',
    map: 'Map',
    whoCan: 'Who can',
    effective: 'Effective permissions',
    graph: 'Access graph',
    analyse: 'Analyse',
    action: 'Action',
    resource: 'Resource',
    principal: 'Principal',
    showOnMap: 'Show on the map',
    clear: 'Clear the highlight',
  },
  ko: {
    file: '파일',
    importFiles: '파일 가져오기…',
    importDialog: '가져오기',
    importConfirm: '가져오기',
    analysis: '분석',
    map: '지도',
    whoCan: '누가 할 수 있나',
    effective: '유효 권한',
    graph: '액세스 그래프',
    analyse: '분석',
    action: '작업(Action)',
    resource: '리소스',
    principal: '보안 주체',
    showOnMap: '지도에서 보기',
    clear: '강조 지우기',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

async function importWorld(page: Page, w: Words, file: string, shown: string): Promise<void> {
  await importScenarioFiles(page, [file], shown, w);
}

/** Opens a section of the Analysis tab and runs its analysis; the panel of the section. */
async function openSection(page: Page, w: Words, section: string) {
  await page.getByRole('tab', { name: w.analysis, exact: true }).click();
  await page.getByRole('tab', { name: section, exact: true }).click();
  return page.getByRole('tabpanel', { name: section, exact: true });
}

/** No serious or critical accessibility violation in the Analysis tab as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).include('#main-panel-analysis').analyze();
  const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('analysis: who can, effective permissions, the access graph', () => {
  // Importing a world and asking the worker several analyses, on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('who can read the payroll bucket: directly, or by assuming a role — shown on the map; then what hr-lead may really do', async ({ page }) => {
    const w = WORDS.en;
    await openApp(page);
    await importWorld(page, w, 'e2e/fixtures/who-can-payroll.json', 'IAM user hr-lead');

    const panel = await openSection(page, w, w.whoCan);
    await panel.getByLabel(w.action, { exact: true }).fill('s3:GetObject');
    await panel.getByLabel(w.resource, { exact: true }).fill('arn:aws:s3:::payroll/2026-05.csv');
    await panel.getByRole('button', { name: w.analyse, exact: true }).click();

    await expect(panel.getByText('4 of 5 principals asked can.')).toBeVisible();
    const answers = panel.locator('.analysis-list > li');
    await expect(answers).toHaveCount(4);
    const row = (name: string) => answers.filter({ has: page.locator('.analysis-principal-name', { hasText: new RegExp(`^${name}$`) }) });
    await expect(row('hr-lead')).toContainText('can act directly');
    await expect(row('PayrollReader')).toContainText('can act directly');
    // The account's root user (named by its account) may do anything in its own account.
    await expect(row('123456789012')).toContainText('can act directly');
    await expect(row('auditor')).toContainText('by assuming PayrollReader');
    await expect(row('auditor').getByRole('list', { name: 'Path of auditor' }).getByRole('listitem')).toHaveText(['auditor', 'PayrollReader']);
    // The intern only lists buckets: not among them.
    await expect(row('intern')).toHaveCount(0);
    await page.screenshot({ path: 'reports/screenshots/analysis-who-can-en.png' });

    // The auditor's path on the map: numbered in order, then cleared.
    await row('auditor').getByRole('button', { name: w.showOnMap }).click();
    await expect(page.getByRole('tab', { name: w.map, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'IAM user auditor, step 1 of the highlighted path' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Role PayrollReader, step 2 of the highlighted path' })).toBeVisible();
    await expect(page.getByText('Highlighted on the map: auditor → PayrollReader.')).toBeVisible();
    await page.getByRole('button', { name: w.clear }).click();
    await expect(page.getByRole('button', { name: 'IAM user auditor', exact: true })).toBeVisible();
    await expect(page.locator('.access-step')).toHaveCount(0);

    // Effective permissions of hr-lead: s3:GetObject on the payroll bucket's objects, granted by its inline policy.
    const effective = await openSection(page, w, w.effective);
    await effective.getByLabel(w.principal, { exact: true }).selectOption({ label: 'hr-lead · IAM user' });
    await effective.getByRole('button', { name: w.analyse, exact: true }).click();
    const getObject = effective.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^s3:GetObject arn:aws:s3:::payroll/ }) });
    await expect(getObject.first()).toContainText('Allowed');
    await page.screenshot({ path: 'reports/screenshots/analysis-effective-en.png' });
    // The granting statement opens in the policy editor, marked.
    await getObject.first().getByRole('button', { name: 'Open P at the statement' }).click();
    await expect(page.locator('.monaco-editor .statement-highlight').first()).toBeAttached();

    // The access graph of this world: the auditor can assume PayrollReader (no escalation).
    const graph = await openSection(page, w, w.graph);
    await graph.getByRole('button', { name: w.analyse, exact: true }).click();
    await expect(graph.getByText('can assume the role PayrollReader (sts:AssumeRole)').first()).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'reports/screenshots/analysis-graph-en.png' });
  });

});

test.describe('분석: 권한 상승 경로 (in Korean)', () => {
  test.use({ locale: 'ko-KR' });
  test.describe.configure({ timeout: 120_000 });

  test('in Korean: dev-lee can become the administrator ops-admin by creating its access key, highlighted on the map', async ({ page }) => {
    const w = WORDS.ko;
    await openApp(page);
    await importWorld(page, w, 'e2e/fixtures/escalation-access-key.json', 'IAM 사용자 dev-lee');

    const panel = await openSection(page, w, w.graph);
    await panel.getByRole('button', { name: w.analyse, exact: true }).click();
    const path = panel.locator('.analysis-item.is-escalation').filter({ hasText: 'dev-lee은(는) 관리자 ops-admin이(가) 될 수 있음' });
    await expect(path).toBeVisible();
    await expect(path.getByRole('listitem').first()).toHaveText('dev-lee ops-admin의 액세스 키를 만들어 그 이름으로 요청에 서명할 수 있음 (iam:CreateAccessKey)');
    await expect(panel.getByRole('heading', { name: '관리자', exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'reports/screenshots/analysis-graph-ko.png' });
    await panel.getByRole('figure').screenshot({ path: 'reports/screenshots/analysis-graph-drawing-ko.png' });

    await path.getByRole('button', { name: w.showOnMap }).click();
    await expect(page.getByRole('tab', { name: w.map, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'IAM 사용자 dev-lee, 강조한 경로의 1단계' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'IAM 사용자 ops-admin, 강조한 경로의 2단계, 관리자' })).toBeVisible();
    await expect(page.locator('.entity-node.is-access-admin .access-admin').first()).toHaveText('관리자');
    await page.screenshot({ path: 'reports/screenshots/analysis-map-ko.png' });
    await page.getByRole('button', { name: w.clear }).click();
    await expect(page.locator('.entity-node.is-access-path')).toHaveCount(0);

    // Who can create ops-admin's access keys, in Korean.
    const whoCan = await openSection(page, w, w.whoCan);
    await whoCan.getByLabel(w.action, { exact: true }).fill('iam:CreateAccessKey');
    await whoCan.getByLabel(w.resource, { exact: true }).fill('arn:aws:iam::111111111111:user/ops-admin');
    await whoCan.getByRole('button', { name: w.analyse, exact: true }).click();
    await expect(whoCan.locator('.analysis-principal-name', { hasText: /^dev-lee$/ })).toBeVisible();
    await expect(whoCan.locator('.analysis-principal-name', { hasText: /^dev-choi$/ })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'reports/screenshots/analysis-who-can-ko.png' });

    const effective = await openSection(page, w, w.effective);
    await effective.getByLabel(w.principal, { exact: true }).selectOption({ label: 'dev-lee · IAM 사용자' });
    await effective.getByRole('button', { name: w.analyse, exact: true }).click();
    await expect(effective.getByRole('rowheader', { name: 'iam:CreateAccessKey arn:aws:iam::111111111111:user/ops-admin' })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'reports/screenshots/analysis-effective-ko.png' });
  });
});
