/**
 * The page: a header, the request console, the map of the world and the details panel,
 * each region behind its own error boundary so a failure stays local and recoverable.
 */
import { workspaceActions } from './workspace/workspaces';
import { lazy, Suspense, useEffect } from 'react';
import { Icon } from './components/Icon';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { useLang, useT } from './i18n';
import { Header } from './layout/Header';
import { Notices } from './layout/Notices';
import { WorldStatusView } from './layout/WorldStatusView';
import { DetailsPanel } from './panel/DetailsPanel';
import { DecisionView } from './request/DecisionView';
import { Examples } from './request/Examples';
import { RequestForm } from './request/RequestForm';
import { loadCanvas } from './canvas/loadCanvas';
import { useAppStore } from './store';

const resetWorld = () => void workspaceActions.openSample();
const WorldCanvas = lazy(loadCanvas);

export function App() {
  const t = useT();
  const lang = useLang();
  const ready = useAppStore((s) => s.worldStatus.state === 'ready');
  const selected = useAppStore((s) => s.selectedId !== null);

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
                <>
                  <RequestForm />
                  <Examples />
                  <section className="decision-region" aria-labelledby="decision-title">
                    <h2 id="decision-title" className="region-title">
                      {t('decision.title')}
                    </h2>
                    <DecisionView />
                  </section>
                </>
              ) : null}
            </ErrorBoundary>
          </section>
          <section className="map" aria-labelledby="map-title">
            <h2 id="map-title" className="visually-hidden">
              {t('map.label')}
            </h2>
            <ErrorBoundary region="region.map" onReset={resetWorld}>
              <WorldStatusView />
              <div className="map-canvas">
                <Suspense fallback={<p className="muted map-loading">{t('map.loading')}</p>}>
                  <WorldCanvas />
                </Suspense>
              </div>
            </ErrorBoundary>
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
