/**
 * Imported first by the page's entry (app/boot.ts), before the app is evaluated: it starts
 * everything the first map waits for, in the order it is needed.
 * - The engine worker, and on a probable first visit the sample world as its first request
 *   (engineClient.ts `startWith`): the worker fetches and parses the sample while the page
 *   evaluates and renders.
 * - The database's opening (openRepository.ts takes it over).
 * - The chunks no world opens without (the learner's texts, the edit library), then the map's.
 *   A page has six connections to an HTTP/1.1 server: what is asked first comes first, and
 *   the request console's chunk is asked for only after the map's (main.tsx).
 */
import { engine } from './engine/engine';
import { startOpeningStorage } from './persist/openRepository';
import { loadLanguage } from './i18n/catalogs';
import { initialLanguage } from './i18n/language';
import { loadEditLibrary } from './store/editEngine';
import { loadCanvas } from './canvas/loadCanvas';
import { prefetchFirstVisitSample } from './workspace/visits';

// The sample first: asked before the engine starts, it is the worker's first request.
prefetchFirstVisitSample();
engine.start();
startOpeningStorage();
void loadLanguage(initialLanguage());
void loadEditLibrary();
void loadCanvas();
