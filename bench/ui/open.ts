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

/** How long a watch waits for the map's first nodes to be reported on screen. */
const WATCH_TIMEOUT_MS = 60_000;

/**
 * In the page: a promise of the time the first nodes of the map inserted from now on are on
 * screen (Element Timing's `renderTime`; entries from before now are of an earlier map). Every
 * node inserted is named until one is reported: Element Timing reports text painted in view,
 * and the first nodes inserted may be replaced or out of view. It rejects, saying why, when
 * the browser reports no Element Timing, when a map is already shown as the watch starts (its
 * nodes were painted before), or when nothing is reported in time.
 */
function watchForMapNodes(timeoutMs: number): Promise<number> {
  const since = performance.now();
  return new Promise((resolve, reject) => {
    if (!PerformanceObserver.supportedEntryTypes.includes('element')) return reject(new Error('This browser reports no Element Timing: the map cannot be timed.'));
    if (document.querySelector('.react-flow__node')) return reject(new Error('A map is already shown: the watch must start before its nodes are inserted.'));
    const name = (root: Element) => {
      if (root.matches('.react-flow__node, .react-flow__node *')) root.setAttribute('elementtiming', 'map-node');
      for (const element of root.querySelectorAll('.react-flow__node, .react-flow__node *')) element.setAttribute('elementtiming', 'map-node');
    };
    // Named as they are inserted, before the frame that paints them (this callback runs before the next rendering).
    const inserted = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) name(node);
    });
    const stop = () => {
      inserted.disconnect();
      painted.disconnect();
      clearTimeout(timer);
    };
    const painted = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { readonly identifier?: string; readonly renderTime?: number })[]) {
        const at = entry.renderTime || entry.startTime;
        if (entry.identifier !== 'map-node' || at < since) continue;
        stop();
        resolve(at);
        return;
      }
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No node of the map was reported on screen within ${timeoutMs} ms.`));
    }, timeoutMs);
    painted.observe({ type: 'element', buffered: true });
    inserted.observe(document, { childList: true, subtree: true });
  });
}

async function newPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block', locale: 'en-US' });
  // Evaluated as the document starts, on every navigation (a reload too).
  await context.addInitScript(`window.__mapShown = (${watchForMapNodes.toString()})(${WATCH_TIMEOUT_MS});`);
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
    // The click's own time (when the input arrived), not when the page got round to it.
    document.addEventListener('click', (event) => (w.__clickedAt = event.timeStamp), { capture: true, once: true });
  });
  if (!expectNodes) {
    await item.click();
    await page.waitForFunction(() => document.querySelector('.react-flow__node') === null);
    return Number.NaN;
  }
  // The empty workspace shows no node: the next node drawn is the reopened world's.
  const shown = page.evaluate(`(${watchForMapNodes.toString()})(${WATCH_TIMEOUT_MS}).then((at) => at - (window.__clickedAt ?? NaN))`) as Promise<number>;
  await item.click();
  return shown;
}

/** The three opening figures for the world titled `title`, the sample file of the build served at `root`. */
export async function openFigures(browser: Browser, root: string, title: string, mapNodes: number): Promise<UiFigure[]> {
  const firstVisits: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A learner types the address into a browser window that is already open: the window's
    // own start-up is over before the page loads. (A fresh context opens a window, and its
    // address bar starts a renderer of its own: ~3 s of CPU, which on two cores ran beside
    // the page it measured.)
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
