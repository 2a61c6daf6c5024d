/**
 * The page's entry, kept small: it starts what the first map waits for (app/startLoading.ts:
 * the engine worker with the sample world as its first request, the database, the texts, the
 * map's chunk), then evaluates the app (app/main.tsx), whose chunks the page already preloads
 * (vite.config.ts `preloadApp`).
 *
 * Why two steps: a worker starts, and a page's fetches are handled, only between the main
 * thread's tasks. Evaluated together with the app (React and the shell, ~100 kB gzip), the
 * start-up would wait for that evaluation; on its own it runs as soon as its few kB arrive,
 * and the worker fetches and parses the world while the app is downloaded and evaluated.
 */
import './startLoading';

void import('./main').catch((error: unknown) => {
  // A failed download of the app's chunk (offline without the service worker yet, a deploy
  // that replaced it): say so in both languages rather than leave a blank page.
  const root = document.getElementById('root');
  if (root) root.textContent = `IAM Playground could not load (${error instanceof Error ? error.message : String(error)}). Reload the page. / IAM Playground를 불러오지 못했습니다. 페이지를 새로 고치세요.`;
});
