/**
 * The main region's four views as tabs (WAI-ARIA tabs pattern: arrow keys move between
 * tabs, Home/End jump): the map of the world, the decision of the last request, the event
 * log, the exercises of the open pack, the analyses of the world. Every panel stays mounted once shown, so the map keeps its state while hidden.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import type { MainView } from '../store/uiSlice';

const VIEWS: readonly { readonly view: MainView; readonly label: MessageKey }[] = [
  { view: 'map', label: 'main.tab.map' },
  { view: 'decision', label: 'main.tab.decision' },
  { view: 'log', label: 'main.tab.log' },
  { view: 'exercises', label: 'main.tab.exercises' },
  { view: 'analysis', label: 'main.tab.analysis' },
];

export const tabId = (view: MainView) => `main-tab-${view}`;
export const panelId = (view: MainView) => `main-panel-${view}`;

export function MainTabs({ badges }: { readonly badges?: Partial<Record<MainView, ReactNode>> }) {
  const t = useT();
  const current = useAppStore((s) => s.mainView);
  const setMainView = useAppStore((s) => s.setMainView);
  const list = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex((v) => v.view === current);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (index + VIEWS.length - 1) % VIEWS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? VIEWS.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const view = VIEWS[next]!.view;
    setMainView(view);
    list.current?.querySelector<HTMLElement>(`#${tabId(view)}`)?.focus();
  };

  return (
    <div ref={list} className="main-tabs" role="tablist" aria-label={t('main.tabs')} onKeyDown={move}>
      {VIEWS.map(({ view, label }) => (
        <button
          key={view}
          id={tabId(view)}
          type="button"
          role="tab"
          className="main-tab"
          aria-selected={current === view}
          aria-controls={panelId(view)}
          tabIndex={current === view ? 0 : -1}
          onClick={() => setMainView(view)}
        >
          {t(label)}
          {badges?.[view] ?? null}
        </button>
      ))}
    </div>
  );
}
