/**
 * Monaco, bundled with the site and loaded lazily (it is ~4 MB: never on the first paint).
 * Only the editor core, its features and JSON are imported — the package's root entry
 * would pull a TypeScript worker and ~80 languages. Its workers come from our own bundle,
 * so the editor works offline and the CSP can forbid every other origin.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export { monaco };
