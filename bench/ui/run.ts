/**
 * `npm run bench` (second part): the map in a real Chromium, against a production build.
 * Figures, not tests.
 *   - open: a world of 2,000 entities on a first visit (in a window opened beforehand),
 *     reopened from the workspace menu and reloaded, until the map's first nodes are on
 *     screen (target 1.5 s; bench/ui/open.ts);
 *   - pan and zoom: a world of 300 map nodes dragged and wheel-zoomed for a few seconds,
 *     the median time between animation frames (target 20 ms);
 *   - decision: Run → verdict in a world of 500 entities, and the decision animation's
 *     frames (bench/ui/decision.ts).
 * Each world reaches the page as the first visit's sample world, the path a learner's browser
 * takes: the benchmark's own build ships the 2,000-entity world as its sample file; the
 * others answer the sample's request from here. The build is served as a static host serves
 * it, compressed once beforehand (./staticHost.ts), not by `vite preview`, which compresses
 * every response on the measured machine's own cores.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../../e2e/browser';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph } from '../../app/world/graph';
import { worldOfEntities, worldOfMapNodes } from './worlds';
import { frameIntervals, median, type UiFigure } from './frames';
import { decisionFigures } from './decision';
import { openFigures } from './open';
import { serveStatic } from './staticHost';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const DIST = 'node_modules/.tmp/bench-dist';
const URL_ROOT = `http://127.0.0.1:${PORT}/`;


function build(): void {
  const result = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The production build for the map benchmarks failed.');
}

/**
 * A page of a fresh visitor whose sample world is `world` (answered from here), once its map
 * shows it. The world is titled for the check: the build's own sample file is another world.
 */
async function openWorld(browser: Browser, world: ScenarioJson, title: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block', locale: 'en-US' });
  const body = JSON.stringify({ ...world, title });
  await context.route('**/samples/starter.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const page = await context.newPage();
  await page.goto(URL_ROOT);
  await page.getByRole('banner').getByText(title, { exact: true }).waitFor({ timeout: 60_000 });
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  return { page, close: () => context.close() };
}

/** A point of the map where a drag pans (the empty pane, not a node). */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const box = pane.getBoundingClientRect();
    for (let fy = 0.05; fy < 1; fy += 0.05) {
      for (let fx = 0.05; fx < 1; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('The map has no empty spot to drag.');
  return point;
}


async function main(): Promise<void> {
  console.log('The map in Chromium (production build; wall-clock milliseconds)\n');
  build();
  const big = worldOfEntities(2000);
  // Shipped as the sample file of this build (before the server starts: it reads the files once).
  writeFileSync(join(DIST, 'samples', 'starter.json'), JSON.stringify(big));
  const server = await serveStatic(DIST, PORT);
  const found = findChromium();
  const browser = await chromium.launch({ ...found.launchOptions, ...(found.channel ? { channel: found.channel } : {}) });
  try {
    for (const figure of await openFigures(browser, URL_ROOT, 'Benchmark world', worldGraph(big).nodes.length)) report(figure);

    const { world, nodes } = worldOfMapNodes(300);
    const opened = await openWorld(browser, world, `Benchmark world of ${nodes} map nodes`);
    const { page } = opened;
    await page.waitForTimeout(500);
    const start = await emptyPanePoint(page);
    const frames = await frameIntervals(page, async () => {
      for (let round = 0; round < 4; round++) {
        await page.mouse.move(start.x, start.y);
        await page.mouse.down();
        for (let i = 1; i <= 30; i++) await page.mouse.move(start.x + i * 8 * (round % 2 ? -1 : 1), start.y + i * 4);
        await page.mouse.up();
        await page.mouse.move(start.x, start.y);
        for (let i = 0; i < 12; i++) await page.mouse.wheel(0, round % 2 ? 120 : -120);
      }
    });
    await opened.close();
    report({ name: `map: pan and zoom ${nodes} nodes, median frame (${frames.length} frames)`, value: median(frames), unit: 'ms', target: 20 });
    for (const figure of await decisionFigures(browser, URL_ROOT)) report(figure);
  } finally {
    await browser.close();
    server.close();
  }
  const missed = figures.filter((f) => f.value > f.target);
  console.log(`\n${figures.length - missed.length} of ${figures.length} targets met.`);
}

const figures: UiFigure[] = [];

function report(figure: UiFigure): void {
  figures.push(figure);
  const met = figure.value <= figure.target;
  console.log(`${met ? 'MET ' : 'MISS'}  ${figure.name.padEnd(64)} ${figure.value.toFixed(1).padStart(9)} ${figure.unit.padEnd(4)} target ≤ ${figure.target}`);
  if (figure.runs) console.log(`      runs in order: ${figure.runs.map((v) => v.toFixed(0)).join(', ')} ${figure.unit}`);
}

await main();
