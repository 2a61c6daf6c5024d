/**
 * Translation: `useT()` gives `t(key, params)` in the current language. Keys are typed
 * from en.ts, reason codes from the engine's table; `{name}` in a text is replaced by the
 * parameter of that name and left as is when none is given (so a missing parameter shows).
 */
import { useMemo } from 'react';
import type { EditError } from '../../engine/edit/types';
import { catalog } from './catalogs';
import { useAppStore } from '../store';
import type { MessageKey } from './en';
import type { Lang } from './language';

export type { Lang } from './language';
export type { MessageKey } from './en';
export { isLanguageLoaded, loadLanguage } from './catalogs';

export type Params = Readonly<Record<string, string | number | boolean>>;

export function format(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return format(catalog(lang).messages[key], params);
}

/** A reason code of the engine in the learner's language; an unknown code (a newer engine) shows as itself. */
export function translateReason(lang: Lang, code: string, params?: Params): string {
  const text = (catalog(lang).reasons as Readonly<Record<string, string>>)[code];
  return text === undefined ? code : format(text, params);
}

/** Why an edit was refused, in the learner's language (the engine's English sentence when a code is untranslated). */
export function translateEditError(lang: Lang, error: EditError): string {
  const text = catalog(lang).editErrors[error.code];
  return text === undefined ? error.message : format(text, error.params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** `t` for the current language; components re-render when the language changes. */
export function useT(): Translate {
  const lang = useAppStore((s) => s.language);
  // A new `t` once the chosen language's texts arrive (`texts` changes), so every component using it re-renders.
  const texts = useAppStore((s) => s.textsLoaded);
  return useMemo(() => {
    void texts;
    return (key: MessageKey, params?: Params) => translate(lang, key, params);
  }, [lang, texts]);
}

export function useLang(): Lang {
  // Subscribed to the texts too: a component that translates with `useLang()` re-renders when they arrive.
  useAppStore((s) => s.textsLoaded);
  return useAppStore((s) => s.language);
}
