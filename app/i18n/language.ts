/**
 * Which language the interface speaks: the learner's last choice (localStorage), else the
 * browser's preferred languages, else English.
 */
export const LANGUAGES = ['ko', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'iam-playground.language';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages we speak, by primary subtag (`ko-KR` → `ko`). */
export function detectLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings): the choice is then not remembered
  }
}

export function initialLanguage(): Lang {
  const stored = storage()?.getItem(STORAGE_KEY);
  if (isLang(stored)) return stored;
  const nav = typeof navigator === 'undefined' ? [] : navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return detectLanguage(nav);
}

export function rememberLanguage(language: Lang): void {
  try {
    storage()?.setItem(STORAGE_KEY, language);
  } catch {
    // a full or disabled storage only costs the memory of the choice
  }
}
