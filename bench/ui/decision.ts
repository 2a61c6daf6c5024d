/**
 * The decision figures of `npm run bench -- map`, in a real Chromium against a production
 * build, in a world of 500 entities (bench/ui/worlds.ts):
 *   - Run → decision: from pressing the console's Run button until the frame that paints
 *     the console's verdict, median of 25 runs (target 50 ms); once with the map shown,
 *     once with the Decision tab shown (its graph renders too);
 *   - the decision animation: the interval between animation frames while the Decision tab
 *     plays a decision (target 60 fps: a median of one 16.7 ms frame, with 0.3 ms for the
 *     timer's jitter, and no dropped frame at the 95th percentile: under two frames, 20 ms).
 * The request is the world's own (its `requests`), loaded into the console as a learner
 * would: the example's button, then Run.
 */
import type { Browser, Page } from '@playwright/test';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldOfEntities } from './worlds';
import { frameIntervals, median, percentile, type UiFigure } from './frames';


const ENTITIES = 500;
const WARM_UP = 3;
const RUNS = 25;
const REQUEST_ID = 'bench-read';
/** 60 frames a second: one 16.7 ms frame, plus the jitter of the browser's frame clock. */
const FRAME_TARGET = 17;
/** No dropped frame: an interval under two frames. */
const FRAME_P95_TARGET = 20;

/** The benchmark world: 500 entities, and one request of its first account's first user. */
export function decisionWorld(): ScenarioJson {
  const world = worldOfEntities(ENTITIES);
  const account = world.accounts[0]!;
  const user = account.users![0]!.name;
  const bucket = account.resources![0]!.arn;
  return { ...world, requests: [{ id: REQUEST_ID, principal: `arn:aws:iam::${account.id}:user/${user}`, action: 's3:GetObject', resource: `${bucket}/report.csv` }] };
}

/** The console's Run button (the submit button of the request console's form). */
const RUN_BUTTON = '#request-console form button[type="submit"]';
/** The console's verdict: the words of the decision. */
const VERDICT = '#request-console .verdict-label';

/**
 * Presses Run inside the page and resolves with the milliseconds until the frame after a
 * new verdict appeared (the previous verdict's element is replaced: the console shows
 * "running" in between), so the figure holds the click's handling, the world flush, the
 * worker round trip, React's render and the layout and paint of that frame.
 */
async function runOnce(page: Page): Promise<number> {
  return page.evaluate(
    ({ button, verdict }) =>
      new Promise<number>((resolve, reject) => {
        const previous = document.querySelector(verdict);
        const run = document.querySelector<HTMLButtonElement>(button);
        if (!run || run.disabled) {
          reject(new Error(`No enabled Run button (\`${button}\`).`));
          return;
        }
        const timeout = setTimeout(() => reject(new Error('No decision within 10 s.')), 10_000);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const now = document.querySelector(verdict);
          if (!now || now === previous) return;
          observer.disconnect();
          // The frame that shows it: after its animation-frame callbacks, at the paint.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(timeout);
              resolve(performance.now() - start);
            };
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
        run.click();
      }),
    { button: RUN_BUTTON, verdict: VERDICT },
  );
}

async function runMany(page: Page, label: string): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await runOnce(page);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(await runOnce(page));
    // Let the page settle as a learner's pause would (the decision graph's animation keeps running).
    await page.waitForTimeout(50);
  }
  // The spread tells a slow page from a busy machine: a loaded machine moves the median, not the fastest runs.
  console.log(`      ${label}: fastest ${percentile(times, 0).toFixed(1)} ms, quartiles ${percentile(times, 25).toFixed(1)} / ${percentile(times, 75).toFixed(1)} ms`);
  return times;
}


/**
 * The figures, measured on a fresh page of `root` whose sample world is the benchmark's
 * (the caller's server serves the production build).
 */
export async function decisionFigures(browser: Browser, root: string): Promise<UiFigure[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block', locale: 'en-US' });
  try {
    const body = JSON.stringify(decisionWorld());
    await context.route('**/samples/starter.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    const page = await context.newPage();
    await page.goto(root);
    await page.getByRole('button', { name: REQUEST_ID, exact: true }).click({ timeout: 60_000 });
    await page.waitForSelector(`${RUN_BUTTON}:not([disabled])`);

    const figures: UiFigure[] = [];
    const mapShown = await runMany(page, 'map shown');
    figures.push({ name: `decision: Run → verdict, ${ENTITIES} entities, map shown (median of ${RUNS})`, value: median(mapShown), unit: 'ms', target: 50 });

    await page.locator('#main-tab-decision').click();
    const tabShown = await runMany(page, 'Decision tab shown');
    figures.push({ name: `decision: Run → verdict, Decision tab shown (median of ${RUNS})`, value: median(tabShown), unit: 'ms', target: 50 });

    // The animation of one decision, from Run until it has played out (or 6 s).
    const frames = await frameIntervals(page, async () => {
      await runOnce(page);
      await page.waitForTimeout(6000);
    });
    figures.push({ name: `decision: animation, median frame (${frames.length} frames)`, value: median(frames), unit: 'ms', target: FRAME_TARGET });
    figures.push({ name: 'decision: animation, 95th percentile frame', value: percentile(frames, 95), unit: 'ms', target: FRAME_P95_TARGET });
    return figures;
  } finally {
    await context.close();
  }
}
