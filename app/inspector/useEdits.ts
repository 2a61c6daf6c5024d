/**
 * How the inspector changes the world: every change is a WorldEdit applied through the
 * store (undoable); a refusal comes back as a Problem, AWS's rule in the learner's
 * language, with the edit's field at fault. `check` asks the same question of the engine's
 * pure `applyEdit` without keeping the answer, so a field can say what is wrong while the
 * learner types; the inspector itself never judges a name.
 */
import { useCallback, useMemo } from 'react';
import { applyEdit as dryRun } from '../../engine/edit/apply';
import type { EditError, WorldEdit } from '../../engine/edit/types';
import { translate, translateEditError, type Lang, useLang } from '../i18n';
import { useAppStore } from '../store';

/** Why the inspector could not make a change: one sentence, and the edit's field it is about. */
export interface Problem {
  readonly text: string;
  readonly field?: string;
}

export type Edits = WorldEdit | readonly WorldEdit[];

function listOf(edits: Edits): readonly WorldEdit[] {
  return Array.isArray(edits) ? edits : [edits as WorldEdit];
}

function problemOf(lang: Lang, error: EditError): Problem {
  return { text: translateEditError(lang, error), ...(error.field ? { field: error.field } : {}) };
}

/** The edit library failed (a bug, not a refusal): said plainly, the world unchanged. */
function crashOf(lang: Lang, error: unknown): Problem {
  return { text: translate(lang, 'inspector.editFailed', { message: error instanceof Error ? error.message : String(error) }) };
}

export interface EditRunner {
  /** Applies the edits as one undo step; null when done, else why not (nothing changed). */
  run(edits: Edits): Problem | null;
  /** Whether the edits would be accepted now, without applying them. */
  check(edits: Edits): Problem | null;
}

export function useEdits(): EditRunner {
  const lang = useLang();
  const run = useCallback(
    (edits: Edits): Problem | null => {
      const list = listOf(edits);
      if (list.length === 0) return null;
      try {
        const store = useAppStore.getState();
        const result = list.length === 1 ? store.applyEdit(list[0] as WorldEdit) : store.applyEdits(list);
        return result.ok ? null : problemOf(lang, result.error);
      } catch (error) {
        return crashOf(lang, error);
      }
    },
    [lang],
  );
  const check = useCallback(
    (edits: Edits): Problem | null => {
      let world = useAppStore.getState().world;
      if (!world) return null;
      try {
        for (const edit of listOf(edits)) {
          const result = dryRun(world, edit);
          if (!result.ok) return problemOf(lang, result.error);
          world = result.world;
        }
        return null;
      } catch {
        // A check that cannot run says nothing; committing the edit will report it.
        return null;
      }
    },
    [lang],
  );
  return useMemo(() => ({ run, check }), [run, check]);
}
