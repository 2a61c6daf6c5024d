import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const ALICE = 'acct:111111111111/user:alice';

function workspaceButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Workspace / });
}

/** Opens the workspace menu and returns its list of workspaces. */
async function openWorkspaceMenu(page: Page) {
  await workspaceButton(page).click();
  return page.getByRole('list', { name: 'Your workspaces' });
}

/** What IndexedDB holds: the test waits on it, as a learner would wait a moment before reloading. */
interface StoredWorkspace {
  readonly name: string;
  readonly revision: number;
  readonly document: { positions: Record<string, { x: number; y: number }> };
  readonly view: { selectedId: string | null; viewport: { x: number; y: number; zoom: number } | null; policyDrafts: Record<string, string> };
}

async function stored(page: Page): Promise<StoredWorkspace[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('iam-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('workspaces').objectStore('workspaces').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Imports `file` from e2e/fixtures in place of the open workspace's world. */
async function replaceWorldWith(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(`e2e/fixtures/${file}`);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('radio', { name: /^Instead of the world of/ }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('on a first visit the sample world opens as "My first world"; a reload finds the same workspace, world and selection', async ({ page }) => {
  await openApp(page);
  await expect(workspaceButton(page)).toHaveText(/My first world/);
  await expect(page.getByRole('banner')).toContainText('Saved');

  // Selected from the keyboard, as the map's nodes offer (Enter on a focused node).
  await page.getByRole('button', { name: 'IAM user alice', exact: true }).press('Enter');
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: 'alice' })).toBeVisible();
  await expect.poll(async () => (await stored(page))[0]?.view.selectedId).toBe(ALICE);
  // Zoomed in, the map is kept as it was left (once the zoom has ended and is stored).
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const mapView = page.locator('.react-flow__viewport');
  const shown = async () => {
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec((await mapView.getAttribute('style')) ?? '');
    return m ? { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) } : null;
  };
  const close = (a: { x: number; y: number; zoom: number } | null | undefined, b: { x: number; y: number; zoom: number } | null | undefined) =>
    !!a && !!b && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 0.001;
  await expect.poll(async () => close((await stored(page))[0]?.view.viewport, await shown())).toBe(true);
  const left = await shown();
  expect(left?.zoom).toBeGreaterThan(1);

  await page.reload();
  await expect(workspaceButton(page)).toHaveText(/My first world/);
  await expect(page.getByRole('banner')).toContainText('Starter: a team reads its reports');
  await expect(panel.getByRole('heading', { name: 'alice' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => close(await shown(), left)).toBe(true);
  expect((await stored(page)).map((w) => w.name)).toEqual(['My first world']);
});

test('a node moved on the map is where it was put after a reload', async ({ page }) => {
  await openApp(page);
  const alice = page.getByRole('button', { name: 'IAM user alice', exact: true });
  await alice.press('Enter');
  const before = await stored(page);
  for (let i = 0; i < 6; i++) await alice.press('ArrowDown');
  await expect.poll(async () => (await stored(page))[0]?.document.positions[ALICE]?.y).toBeGreaterThan(before[0]?.document.positions[ALICE]?.y ?? 0);
  await expect(page.getByRole('banner')).toContainText('Saved');
  const moved = (await stored(page))[0]?.document.positions[ALICE];
  const box = await alice.boundingBox();

  await page.reload();
  await expect(alice).toBeVisible();
  expect((await stored(page))[0]?.document.positions[ALICE]).toEqual(moved);
  await expect.poll(async () => (await alice.boundingBox())?.y).toBeCloseTo(box?.y ?? NaN, 0);
  expect((await alice.boundingBox())?.x).toBeCloseTo(box?.x ?? NaN, 0);
});

test('a policy being typed, not valid JSON yet, is still there after a reload', async ({ page }) => {
  test.slow(); // the editor loads twice
  await openApp(page);
  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).press('Enter');
  const panel = page.getByRole('complementary', { name: 'Details' });
  const lines = panel.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('"Sid": "ListReports"');
  await panel.getByRole('textbox', { name: 'Policy document of ReadReports' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Balanced brackets and quotes (nothing for the editor to close), but not JSON: a word is missing its quotes.
  const half = '{"Version": "2012-10-17", "Statement": [{"Sid": Half}]}';
  await page.keyboard.insertText(half);
  await expect.poll(async () => Object.values((await stored(page))[0]?.view.policyDrafts ?? {})).toEqual([half]);

  await page.reload();
  await expect(lines).toContainText('"Sid": Half');
  await expect(lines).not.toContainText('ListReports');
});

test('a learner keeps several workspaces: new, rename, switch, duplicate and delete', async ({ page }) => {
  test.slow(); // many steps, each a world opened
  await openApp(page);

  // New: an empty world, named by the learner.
  await openWorkspaceMenu(page);
  await page.getByRole('button', { name: 'New empty workspace…' }).click();
  const create = page.getByRole('dialog', { name: 'New empty workspace' });
  await expect(create.getByLabel('Name')).toHaveValue('Untitled world');
  await create.getByLabel('Name').fill('   ');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toContainText('Give the workspace a name.');
  await create.getByLabel('Name').fill('Sandbox');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(workspaceButton(page)).toHaveText(/Sandbox/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toHaveCount(0);

  // Rename, and Escape closes a dialog with focus back on the menu's button.
  await openWorkspaceMenu(page);
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(workspaceButton(page)).toBeFocused();
  await openWorkspaceMenu(page);
  await page.getByRole('button', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the workspace' });
  await rename.getByLabel('Name').fill('Empty sandbox');
  await rename.getByLabel('Name').press('Enter');
  await expect(workspaceButton(page)).toHaveText(/Empty sandbox/);

  // Switch back: the sample world is there as it was.
  const list = await openWorkspaceMenu(page);
  await expect(list.getByRole('button')).toHaveText(['Empty sandboxopen', 'My first world']);
  await list.getByRole('button', { name: 'My first world' }).click();
  await expect(workspaceButton(page)).toHaveText(/My first world/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();

  // Duplicate opens the copy; deleting it (confirmed) opens another.
  await openWorkspaceMenu(page);
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(workspaceButton(page)).toHaveText(/My first world \(copy\)/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
  await openWorkspaceMenu(page);
  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “My first world (copy)”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(workspaceButton(page)).not.toHaveText(/copy/);
  await expect.poll(async () => (await stored(page)).map((w) => w.name).sort()).toEqual(['Empty sandbox', 'My first world']);

  // A reload opens the workspace open last.
  const openNow = (await workspaceButton(page).textContent())?.replace('Workspace', '');
  await page.reload();
  await expect(workspaceButton(page)).toHaveText(new RegExp(`${openNow}$`));
});

test('two tabs on one workspace: a change in one shows in the other', async ({ page, context }) => {
  test.slow(); // two whole apps, each with its engine
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);
  await expect(workspaceButton(other)).toHaveText(/My first world/);

  await replaceWorldWith(page, 'orders-team.json');
  await expect(page.getByRole('button', { name: 'IAM user carol', exact: true })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Saved');

  await expect(other.getByRole('button', { name: 'IAM user carol', exact: true })).toBeVisible();
  await expect(other.getByRole('banner')).toContainText('Orders team');
  await expect(other.getByRole('banner')).toContainText('Saved');
  expect((await stored(page)).map((w) => w.name)).toEqual(['My first world']);
});

test.describe('two tabs that both changed one workspace', () => {
  // Two whole apps, each with its engine.
  test.slow();

  /**
   * The second tab never hears the first (no BroadcastChannel, as if the message were
   * lost): the revision check in IndexedDB alone must keep it from overwriting.
   */
  async function bothChanged(page: Page, other: Page): Promise<void> {
    await other.addInitScript(() => {
      Object.defineProperty(window, 'BroadcastChannel', { value: undefined });
    });
    await openApp(page);
    await openApp(other);
    await replaceWorldWith(page, 'orders-team.json');
    await expect(page.getByRole('banner')).toContainText('Saved');
    await replaceWorldWith(other, 'billing-team.json');
  }

  test('nothing is overwritten; "Keep mine as a copy" saves this tab\'s world as a new workspace', async ({ page, context }) => {
    const other = await context.newPage();
    await bothChanged(page, other);
    const conflict = other.getByRole('alertdialog', { name: 'This workspace changed in another tab' });
    await expect(conflict).toBeVisible();
    await expect(other.getByRole('banner')).toContainText('Not saved: changed in another tab');
    expect((await stored(page)).map((w) => w.name)).toEqual(['My first world']);

    await conflict.getByRole('button', { name: /Keep mine as a copy/ }).click();
    await expect(workspaceButton(other)).toHaveText(/My first world \(copy\)/);
    await expect(other.getByRole('button', { name: 'IAM user dave', exact: true })).toBeVisible();
    await expect(other.getByRole('banner')).toContainText('Saved');

    await page.reload();
    await expect(page.getByRole('button', { name: 'IAM user carol', exact: true })).toBeVisible();
    const list = await openWorkspaceMenu(page);
    await expect(list.getByRole('button')).toHaveText([/My first world \(copy\)/, /My first world/]);
  });

  test('"Load the other tab\'s version" shows the other tab\'s world, this one a click on Undo away', async ({ page, context }) => {
    const other = await context.newPage();
    await bothChanged(page, other);
    const conflict = other.getByRole('alertdialog', { name: 'This workspace changed in another tab' });
    // Put off, the choice waits behind the status.
    await conflict.getByRole('button', { name: 'Decide later' }).click();
    await expect(conflict).toBeHidden();
    await other.getByRole('button', { name: 'Not saved: changed in another tab' }).click();
    await conflict.getByRole('button', { name: /Load the other tab’s version/ }).click();
    await expect(other.getByRole('button', { name: 'IAM user carol', exact: true })).toBeVisible();
    await expect(other.getByRole('banner')).toContainText('Saved');
    await expect(workspaceButton(other)).toHaveText(/My first world$/);
    expect((await stored(page)).map((w) => w.name)).toEqual(['My first world']);
    await other.getByRole('button', { name: /^Undo/ }).click();
    await expect(other.getByRole('button', { name: 'IAM user dave', exact: true })).toBeVisible();
  });
});

test('when the browser refuses storage, the app still works and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'does not let IAM Playground store anything' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Not saved: this tab only');
  // Workspaces still work within the tab.
  await openWorkspaceMenu(page);
  await page.getByRole('button', { name: 'New from the sample world…' }).click();
  await page.getByRole('dialog', { name: 'New workspace from the sample world' }).getByRole('button', { name: 'Create' }).click();
  await expect(workspaceButton(page)).toHaveText(/Sample world/);
  await expect(page.getByRole('button', { name: 'IAM user alice', exact: true })).toBeVisible();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the workspace menu and its dialogs, in Korean, have no serious accessibility violations', async ({ page }) => {
  test.slow(); // three accessibility scans
  await openApp(page);
  await page.getByRole('radio', { name: '한국어' }).check();
  await expect(page.getByRole('banner')).toContainText('저장됨');
  await page.getByRole('banner').getByRole('button', { name: /^작업 공간 / }).click();
  await expect(page.getByRole('list', { name: '내 작업 공간' })).toContainText('My first world');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '빈 작업 공간 만들기…' }).click();
  const dialog = page.getByRole('dialog', { name: '빈 작업 공간' });
  await expect(dialog.getByLabel('이름')).toHaveValue('제목 없는 환경');
  await expect(dialog.getByLabel('이름')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '파일', exact: true }).click();
  await page.getByRole('button', { name: '공유 링크…' }).click();
  await expect(page.getByRole('dialog', { name: '이 환경 공유하기' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
