/**
 * The app, imported by the page's entry (app/boot.ts) once that has started loading what the
 * first map needs (app/startLoading.ts): renders the app and opens the learner's workspace
 * (app/workspace/workspaces.ts: a share link, else the workspace open last, else the sample
 * world on a first visit); once the map has drawn it, registers the service worker and
 * preloads the editor and the other views. Engine restarts and the main-thread
 * fallback become notices.
 */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { onEngineEvent } from './engine/engine';
import { syncWorldToEngine } from './engine/syncWorld';
import { watchSessions } from './request/console/sessionReset';
import { loadCanvas } from './canvas/loadCanvas';
import { loadConsole } from './request/loadConsole';
import { preloadPolicyEditor } from './editor/loadEditor';
import { preloadViews } from './layout/viewChunks';
import { afterFirstView } from './layout/firstView';
import { registerServiceWorker } from './pwa/serviceWorker';
import { useAppStore } from './store';
import { loadLanguage } from './i18n';
import { startWorkspaces, workspaceActions } from './workspace/workspaces';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/canvas.css';
import './styles/request.css';
import './styles/details.css';

onEngineEvent((event) => {
  const { addNotice } = useAppStore.getState();
  if (event.type === 'restarted') addNotice({ kind: 'engineRestarted', reason: event.reason });
  else addNotice({ kind: 'engineMainThread' });
});

/** How long what waits for the first view waits at most when no map is drawn (a world that could not be opened). */
const FIRST_VIEW_WAIT_MS = 5000;

syncWorldToEngine();
watchSessions();

// The request console is shown once the world is open: its chunk is asked for after the
// map's (app/startLoading.ts), so it never delays the map's.
void loadCanvas().then(loadConsole, () => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The learner's language is loaded first (its own chunk): the page never shows a missing text.
// The first render is a transition, rendered in slices: a worker starts only between the
// page's tasks, and the engine's is parsing the first world meanwhile (app/startLoading.ts).
void loadLanguage(useAppStore.getState().language).then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary region="region.app" onReset={() => void workspaceActions.openSample()}>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  ),
);

// The world first; then, once the map has drawn it and the browser is idle, the service
// worker (which downloads the whole app for offline use), the editor's chunk and the other
// views' chunks, so none competes with the first view (app/layout/firstView.ts).
void startWorkspaces()
  .catch((error: unknown) => useAppStore.getState().setWorldStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) }))
  .then(() => afterFirstView(FIRST_VIEW_WAIT_MS))
  .finally(() => {
    const later = (fn: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 500));
    later(() => {
      registerServiceWorker();
      preloadPolicyEditor();
      preloadViews();
      // The other language too: switching shows its texts at once.
      for (const lang of ['en', 'ko'] as const) void loadLanguage(lang).then(() => undefined, () => undefined);
    });
  });
