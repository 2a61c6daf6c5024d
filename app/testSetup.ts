/** Vitest set-up: what the app loads before its first world (app/main.tsx) is loaded here too. */
import { loadLanguage } from './i18n/catalogs';
import { loadEditLibrary } from './store/editEngine';

await Promise.all([loadEditLibrary(), loadLanguage('en'), loadLanguage('ko')]);
