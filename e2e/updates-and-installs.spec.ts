/**
 * The site as a learner's installed app (issue 9): Chromium finds it installable (a
 * manifest with proper icons and a service worker that handles fetches), and when the site
 * is updated the new version is offered — not forced — and taking it keeps the learner's
 * work. The build is served by a small server of this spec, so the spec can publish a new
 * version under the same address.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, openApp, test } from './fixtures';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 200;
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.txt': 'text/plain',
};

let site: string;
let server: Server;

test.beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'iam-site-'));
  cpSync(process.env.E2E_DIST ?? 'dist', site, { recursive: true });
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      // No HTTP caching: the service worker's update check must see a new sw.js at once.
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(site, { recursive: true, force: true });
});

test.use({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${PORT}/` });

test('Chromium finds the app installable; a new version of the site is offered and taking it keeps the learner’s work', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });

  // What Chromium checks before it offers to install: a manifest (name, icons incl. 192 and 512 px, start URL, display) and a service worker.
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Playwright's browser contexts are incognito ones, where Chromium never installs apps: that one reason is the test's, not the app's.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
  expect(manifest.errors).toEqual([]);

  // The learner's work: a description written on a policy.
  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).click();
  const description = page.getByRole('complementary').getByRole('textbox', { name: 'Description' });
  await description.fill('Written before the update');
  await description.press('Tab');
  await expect(page.getByRole('banner').getByText('Saved', { exact: true })).toBeVisible();

  // A new version of the site is published (its service worker changed), and the page checks for it.
  writeFileSync(join(site, 'sw.js'), `${readFileSync(join(site, 'sw.js'), 'utf8')}\n// a new version\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

  // Offered, not forced: the page stays as it is until the learner takes it.
  const notice = page.getByRole('status').filter({ hasText: 'A new version' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(description).toHaveValue('Written before the update');
  // The page reloads on the new version with the work where it was.
  const reloaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: 'Update now' }).click();
  await reloaded;
  await page.getByRole('button', { name: 'Customer managed policy ReadReports', exact: true }).click();
  await expect(page.getByRole('complementary').getByRole('textbox', { name: 'Description' })).toHaveValue('Written before the update');
});
