/**
 * The opening figures of `npm run bench -- map`: how long a world of 2,000 entities takes to
 * show on the map (target 1.5 s), three ways a learner meets it:
 *   - first visit: a fresh browser whose sample world is that world (the benchmark's build
 *     ships it as the sample file), from navigation in a window opened beforehand — nothing
 *     cached, the worker parses it;
 *   - reopened in the app: a saved workspace holding it chosen from the workspace menu, from
 *     the click;
 *   - reload: the page reloaded onto that workspace, from navigation.
 * Each is the time the map's first nodes reach the screen, as the page itself reports it:
 * the nodes' elements are named for Element Timing as they are inserted, and the browser
 * reports when the frame that paints them was presented (on a machine without a GPU, ~20–100
 * ms after the page's thread painted it: the frame is rasterised and composited on other
 * threads). Nothing polls the page meanwhile — a check on every animation frame
 * (Playwright's default) keeps a page drawing frames while it loads, work a learner's page
 * does not do — and each run starts once the machine has settled from the last one (a closed
 * browser context is still being torn down for a moment).
 */
import type { Browser, Page } from '@playwright/test';
import { median, type UiFigure } from './frames';

const RUNS = 5;
const TARGET_MS = 1500;
const SETTLE_MS = 1500;

declare global {
  interface Window {
    /** Resolves with the time (ms after navigation) the map's first nodes are on screen. */
    __mapShown?: Promise<number>;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * In the page: a promise of the time the first nodes of the map inserted from now on are on
 * screen (Element Timing's `renderTime`; entries from before now are of an earlier map). A map
 * already drawn when the watch starts is timed by its next frame instead.
 */
function watchForMapNodes(): Promise<number> {
  const since = performance.now();
  return new Promise((resolve) => {
    if (document.querySelector('.react-flow__node')) {
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      return;
    }
    const painted = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { readonly identifier?: string; readonly renderTime?: number })[]) {
        const at = entry.renderTime || entry.startTime;
        if (entry.identifier !== 'map-node' || at < since) continue;
        painted.disconnect();
        resolve(at);
        return;
      }
    });
    painted.observe({ type: 'element', buffered: true });
    new MutationObserver((_, observer) => {
      const nodes = document.querySelectorAll('.react-flow__node, .react-flow__node *');
      if (nodes.length === 0) return;
      observer.disconnect();
      // Named before the frame that paints them (this callback runs before the next rendering).
      for (const element of nodes) element.setAttribute('elementtiming', 'map-node');
    }).observe(document, { childList: true, subtree: true });
  });
}

async function newPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block', locale: 'en-US' });
  // Evaluated as the document starts, on every navigation (a reload too).
  await context.addInitScript(`window.__mapShown = (${watchForMapNodes.toString()})();`);
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Navigates (or reloads) and answers when the map's first nodes were drawn, in ms after navigation. */
async function shownAfterNavigation(page: Page, navigate: () => Promise<unknown>): Promise<number> {
  await navigate();
  return page.evaluate(() => window.__mapShown ?? Number.NaN);
}

function workspaceButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Workspace / });
}

/** Chooses a workspace from the menu and answers how long after the click its map's first nodes were drawn. */
async function switchTo(page: Page, name: string, expectNodes: boolean): Promise<number> {
  await workspaceButton(page).click();
  const item = page.getByRole('list', { name: 'Your workspaces' }).getByRole('button', { name, exact: true });
  await item.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __clickedAt?: number };
    document.addEventListener('click', () => (w.__clickedAt = performance.now()), { capture: true, once: true });
  });
  if (!expectNodes) {
    await item.click();
    await page.waitForFunction(() => document.querySelector('.react-flow__node') === null);
    return Number.NaN;
  }
  // The empty workspace shows no node: the next node drawn is the reopened world's.
  const shown = page.evaluate(`(${watchForMapNodes.toString()})().then((at) => at - (window.__clickedAt ?? NaN))`) as Promise<number>;
  await item.click();
  return shown;
}

/** The three opening figures for the world titled `title`, the sample file of the build served at `root`. */
export async function openFigures(browser: Browser, root: string, title: string, mapNodes: number): Promise<UiFigure[]> {
  const firstVisits: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A learner types the address into a browser window that is already open: the window's
    // own start-up (a fresh context opens one, with its address bar's renderer) is over
    // before the page loads.
    const { page, close } = await newPage(browser);
    await settle();
    firstVisits.push(await shownAfterNavigation(page, () => page.goto(root)));
    // The figure is of this world only if the page opened it.
    await page.getByText(title, { exact: true }).first().waitFor({ timeout: 10_000 });
    await close();
  }

  // One learner: the world saved in "My first world", and an empty workspace beside it.
  const { page, close } = await newPage(browser);
  await shownAfterNavigation(page, () => page.goto(root));
  await page.getByRole('banner').getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
  await workspaceButton(page).click();
  await page.getByRole('button', { name: 'New empty workspace…' }).click();
  await page.getByRole('dialog', { name: 'New empty workspace' }).getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => document.querySelector('.react-flow__node') === null);
  const reopened: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await settle();
    reopened.push(await switchTo(page, 'My first world', true));
    await page.getByRole('banner').getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
    if (run < RUNS - 1) await switchTo(page, 'Untitled world', false);
  }
  const reloads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await settle();
    reloads.push(await shownAfterNavigation(page, () => page.reload()));
    await page.getByRole('banner').getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
  }
  await close();

  const of = `a world of 2,000 entities (${mapNodes} map nodes), median of ${RUNS}`;
  return [
    { name: `map: first visit, the sample is ${of}`, value: median(firstVisits), unit: 'ms', target: TARGET_MS, runs: firstVisits },
    { name: `map: reopen a saved workspace: ${of}`, value: median(reopened), unit: 'ms', target: TARGET_MS, runs: reopened },
    { name: `map: reload onto a saved workspace: ${of}`, value: median(reloads), unit: 'ms', target: TARGET_MS, runs: reloads },
  ];
}
