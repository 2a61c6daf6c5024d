/**
 * The page: a header, the request console, the map of the world and the details panel,
 * each region behind its own error boundary so a failure stays local and recoverable.
 */
import { workspaceActions } from './workspace/workspaces';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { MainView } from './store/uiSlice';
import { Icon } from './components/Icon';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { useLang, useT } from './i18n';
import { Header } from './layout/Header';
import { Notices } from './layout/Notices';
import { WorldStatusView } from './layout/WorldStatusView';
import { DetailsPanel } from './panel/DetailsPanel';
import { loadConsole } from './request/loadConsole';
import { loadAnalysisView, loadDecisionPanel, loadEventLog, loadExercisesView } from './layout/viewChunks';
import { loadCanvas } from './canvas/loadCanvas';
import { useAppStore } from './store';
import { MainTabs, panelId, tabId } from './layout/MainTabs';
import { startClassroom } from './exercises/classroom';

const resetWorld = () => void workspaceActions.openSample();
const WorldCanvas = lazy(loadCanvas);
const ConsoleRegion = lazy(loadConsole);
// The exercise card only shows while an exercise is open: its chunk waits for one.
const ExerciseCard = lazy(() => import('./exercises/ExerciseCard').then((m) => ({ default: m.ExerciseCard })));
// The other views are their own chunks (app/layout/viewChunks.ts): not needed for the first paint.
const DecisionPanel = lazy(loadDecisionPanel);
const EventLog = lazy(loadEventLog);
const ExercisesView = lazy(loadExercisesView);
const AnalysisView = lazy(loadAnalysisView);

export function App() {
  const t = useT();
  const lang = useLang();
  const ready = useAppStore((s) => s.worldStatus.state === 'ready');
  const selected = useAppStore((s) => s.selectedId !== null);
  const mainView = useAppStore((s) => s.mainView);
  const exerciseOpen = useAppStore((s) => s.activeExercise !== null);
  // A view is mounted the first time it is shown, then kept (the map keeps its viewport and layout).
  const shown = useShownViews(mainView);

  // The classroom starts after the workspaces (it restores the open pack and follows `?pack=`).
  useEffect(() => void startClassroom(), []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.name');
  }, [lang, t]);

  return (
    <div className="app">
      <Header />
      <Notices />
      <div className="workspace">
        <main className="main">
          <section id="request-console" className="console" aria-labelledby="console-title" tabIndex={-1}>
            <h2 id="console-title" className="region-title">
              <Icon name="send" size={16} />
              {t('request.title')}
            </h2>
            <ErrorBoundary region="region.request" onReset={resetWorld}>
              {ready ? (
                <Suspense fallback={<p className="muted map-loading">{t('main.loading')}</p>}>
                  <ConsoleRegion />
                </Suspense>
              ) : null}
            </ErrorBoundary>
          </section>
          <section className="map" aria-labelledby="map-title">
            <h2 id="map-title" className="visually-hidden">
              {t('main.title')}
            </h2>
            <ErrorBoundary region="region.exercises" onReset={resetWorld}>
              {exerciseOpen ? (
                <Suspense fallback={null}>
                  <ExerciseCard />
                </Suspense>
              ) : null}
            </ErrorBoundary>
            <MainTabs />
            <div id={panelId('map')} role="tabpanel" aria-labelledby={tabId('map')} className="main-panel map-panel" hidden={mainView !== 'map'}>
              <ErrorBoundary region="region.map" onReset={resetWorld}>
                <WorldStatusView />
                <div className="map-canvas" aria-label={t('map.label')} role="region">
                  <Suspense fallback={<p className="muted map-loading">{t('map.loading')}</p>}>
                    <WorldCanvas />
                  </Suspense>
                </div>
              </ErrorBoundary>
            </div>
            <div id={panelId('decision')} role="tabpanel" aria-labelledby={tabId('decision')} className="main-panel" hidden={mainView !== 'decision'}>
              {shown.has('decision') ? (
                <ErrorBoundary region="region.decision" onReset={resetWorld}>
                  <Suspense fallback={<p className="muted map-loading">{t('main.loading')}</p>}>
                    <DecisionPanel />
                  </Suspense>
                </ErrorBoundary>
              ) : null}
            </div>
            <div id={panelId('log')} role="tabpanel" aria-labelledby={tabId('log')} className="main-panel" hidden={mainView !== 'log'}>
              {shown.has('log') ? (
                <ErrorBoundary region="region.log" onReset={resetWorld}>
                  <Suspense fallback={<p className="muted map-loading">{t('main.loading')}</p>}>
                    <EventLog />
                  </Suspense>
                </ErrorBoundary>
              ) : null}
            </div>
            <div id={panelId('exercises')} role="tabpanel" aria-labelledby={tabId('exercises')} className="main-panel" hidden={mainView !== 'exercises'}>
              {shown.has('exercises') ? (
                <ErrorBoundary region="region.exercises" onReset={resetWorld}>
                  <Suspense fallback={<p className="muted map-loading">{t('main.loading')}</p>}>
                    <ExercisesView />
                  </Suspense>
                </ErrorBoundary>
              ) : null}
            </div>
            <div id={panelId('analysis')} role="tabpanel" aria-labelledby={tabId('analysis')} className="main-panel" hidden={mainView !== 'analysis'}>
              {shown.has('analysis') ? (
                <ErrorBoundary region="region.analysis" onReset={resetWorld}>
                  <Suspense fallback={<p className="muted map-loading">{t('main.loading')}</p>}>
                    <AnalysisView />
                  </Suspense>
                </ErrorBoundary>
              ) : null}
            </div>
          </section>
        </main>
        <aside className={`details-panel${selected ? ' has-selection' : ''}`} aria-labelledby="panel-title">
          <h2 id="panel-title" className="visually-hidden">
            {t('panel.title')}
          </h2>
          <ErrorBoundary region="region.panel" onReset={resetWorld}>
            <DetailsPanel />
          </ErrorBoundary>
        </aside>
      </div>
    </div>
  );
}

function useShownViews(current: MainView): ReadonlySet<MainView> {
  const [shown, setShown] = useState<ReadonlySet<MainView>>(() => new Set([current]));
  if (!shown.has(current)) setShown(new Set([...shown, current]));
  return shown;
}
