/**
 * The texts of each language, loaded on demand: each language is its own chunk (issue 9's
 * first-paint budget). The learner's language is loaded before the first render
 * (app/main.tsx), the other one when the browser is idle or when the learner switches to it
 * (uiSlice.setLanguage).
 */
import type { EditErrorCode } from '../../engine/edit/types';
import type { ReasonCode } from '../../engine/evaluate/reasons';
import type { Messages } from './en';
import type { Lang } from './language';

/** One language's texts: the app's messages, the engine's reason codes, the edit errors. */
interface Catalog {
  readonly messages: Messages;
  readonly reasons: Readonly<Record<ReasonCode, string>>;
  readonly editErrors: Readonly<Partial<Record<EditErrorCode, string>>>;
}

const loaders: Readonly<Record<Lang, () => Promise<{ default: Catalog }>>> = {
  en: () => import('./catalog.en'),
  ko: () => import('./catalog.ko'),
};
const catalogs: Partial<Record<Lang, Catalog>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};

export function loadLanguage(lang: Lang): Promise<void> {
  loading[lang] ??= loaders[lang]().then((module) => {
    catalogs[lang] = module.default;
  });
  return loading[lang];
}

export function isLanguageLoaded(lang: Lang): boolean {
  return catalogs[lang] !== undefined;
}

/**
 * The texts of a language; while a language the learner just chose is still loading, the
 * one already loaded stands in (the page re-renders when it arrives: uiSlice.textsLoaded).
 */
export function catalog(lang: Lang): Catalog {
  // INVARIANT: the app renders after the learner's language is loaded (app/main.tsx), so one is always there.
  const found = catalogs[lang] ?? catalogs.en ?? catalogs.ko;
  if (!found) throw new Error(`The ${lang} texts are not loaded yet.`);
  return found;
}

