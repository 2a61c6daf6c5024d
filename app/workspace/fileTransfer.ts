/**
 * Files in and out. Export writes the world exactly as a scenario file (pretty JSON, the
 * ScenarioJson and nothing else: positions on the map are not part of the format). Import
 * hands the files' text to the engine (engine/import), which reads scenario files, IAM
 * authorization details and AWS Organizations CLI outputs into one world, or says for each
 * file where and what is wrong — and then nothing is imported.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import type { WorldFault } from '../../engine/worker/protocol';
import { engine } from '../engine/engine';
import { translate } from '../i18n';
import { useAppStore } from '../store';
import { fileNameOf } from './names';
import { downloadTextFile } from '../components/downloadFile';

/**
 * Files larger than this are refused before they are read into memory: the engine refuses
 * a file of more than 64 Mi characters anyway (MAX_IMPORT_FILE_CHARS in engine/import,
 * not imported here: that would put the importer into the app's first chunk).
 */
export const IMPORT_FILE_LIMIT_MB = 64;

export type ImportOutcome =
  | {
      readonly ok: true;
      readonly scenario: ScenarioJson;
      readonly kinds: readonly { readonly name: string; readonly kind: string }[];
      readonly warnings: readonly WorldFault[];
      /** The world's title, else the first file's name without its extension. */
      readonly suggestedName: string;
    }
  | { readonly ok: false; readonly errors: readonly WorldFault[] };

/** The file's text as a scenario: the pretty JSON of the world, ending with a newline. */
export function scenarioFileText(world: ScenarioJson): string {
  return `${JSON.stringify(world, null, 2)}\n`;
}

/** Downloads the open world as `<workspace name>.json`. */
export function exportScenario(): void {
  const { world, workspace } = useAppStore.getState();
  if (!world) return;
  downloadTextFile(scenarioFileText(world), fileNameOf(workspace?.name ?? 'world', 'json'));
}

function titleOf(world: ScenarioJson): string | undefined {
  const title = world.title;
  if (typeof title === 'string') return title;
  const lang = useAppStore.getState().language;
  return title?.[lang] ?? title?.en ?? title?.ko;
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '');
}

/** Reads `files` and has the engine import them together. Never throws: a failure is a list of faults. */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const lang = useAppStore.getState().language;
  const tooLarge = files.filter((f) => f.size > IMPORT_FILE_LIMIT_MB * 1024 * 1024);
  if (tooLarge.length > 0) {
    return {
      ok: false,
      errors: tooLarge.map((f) => ({
        path: f.name,
        message: translate(lang, 'workspace.import.tooLarge', { name: f.name, size: (f.size / 1024 / 1024).toFixed(1), limit: IMPORT_FILE_LIMIT_MB }),
      })),
    };
  }
  try {
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    const answer = await engine.call({ type: 'importFiles', files: texts });
    if (answer.type !== 'filesImported') throw new Error(`Unexpected answer \`${answer.type}\` to importFiles.`);
    const result = answer.result;
    if (!result.ok) return result;
    const first = files[0];
    return {
      ...result,
      suggestedName: titleOf(result.scenario) ?? (first ? baseName(first.name) : translate(lang, 'workspace.importedName')),
    };
  } catch (error) {
    return { ok: false, errors: [{ path: files.map((f) => f.name).join(', '), message: error instanceof Error ? error.message : String(error) }] };
  }
}
