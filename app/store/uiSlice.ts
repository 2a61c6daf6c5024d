/**
 * The interface's own state: the language, and notices about the engine and the offline
 * cache. Never undoable, and only the language is remembered (localStorage).
 */
import type { StateCreator } from 'zustand';
import { isLanguageLoaded, loadLanguage } from '../i18n/catalogs';
import { type Lang, rememberLanguage } from '../i18n/language';
import type { AppState } from './index';

export type Notice =
  | { readonly kind: 'engineRestarted'; readonly reason: 'crashed' | 'hung' | 'version' }
  | { readonly kind: 'engineMainThread' }
  | { readonly kind: 'offlineReady' }
  | { readonly kind: 'updateAvailable' };

/** What the main region shows: the map of the world, the decision of the last request, the event log, the exercises, or the analyses. */
export type MainView = 'map' | 'decision' | 'log' | 'exercises' | 'analysis';

export interface UiSlice {
  readonly language: Lang;
  readonly mainView: MainView;
  setMainView(view: MainView): void;
  readonly notices: readonly Notice[];
  /** Counts the languages whose texts arrived after the first render (components that translate re-render). */
  readonly textsLoaded: number;
  setLanguage(language: Lang): void;
  addNotice(notice: Notice): void;
  dismissNotice(kind: Notice['kind']): void;
}

export const createUiSlice =
  (initialLanguage: Lang): StateCreator<AppState, [], [], UiSlice> =>
  (set, get) => ({
    language: initialLanguage,
    mainView: 'map',
    setMainView: (mainView) => set({ mainView }),
    notices: [],
    textsLoaded: 0,
    setLanguage: (language) => {
      rememberLanguage(language);
      // The choice shows at once; texts not loaded yet arrive a moment later and the page re-renders with them.
      set({ language });
      if (!isLanguageLoaded(language)) void loadLanguage(language).then(() => set((s) => ({ textsLoaded: s.textsLoaded + 1 })));
    },
    // One notice of a kind at a time: a second restart replaces the first message.
    addNotice: (notice) => {
      set((s) => ({ notices: [...s.notices.filter((n) => n.kind !== notice.kind), notice] }));
      // Good news needs no action: it leaves by itself. Warnings and updates stay until dismissed.
      if (notice.kind === 'offlineReady') setTimeout(() => get().dismissNotice('offlineReady'), 6000);
    },
    dismissNotice: (kind) => set((s) => ({ notices: s.notices.filter((n) => n.kind !== kind) })),
  });
