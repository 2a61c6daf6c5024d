/**
 * The classroom: the open pack, the exercise being worked on, the engine's judgement of
 * its goals, and the learner's progress in the pack (kept in this browser by
 * app/exercises/progress.ts). Never undoable.
 *
 * Data flows one way: the world (store) → the worker judges the goals → `judgement` → the
 * exercise view renders it. The app never decides whether a goal is met.
 */
import type { StateCreator } from 'zustand';
import type { ExerciseJudgement, PerformedRecord } from '../../engine/check/exercise';
import type { PackJson } from '../../engine/scenario/types';
import type { WorldFault } from '../../engine/worker/protocol';
import type { AppState } from './index';

/** Where a pack came from: shipped with the site, a URL (`?pack=`), or a file the learner opened. */
export type PackSource =
  | { readonly kind: 'builtin'; readonly path: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly name: string };

export type PackStatus =
  | { readonly state: 'none' }
  /** `open`: the pack open meanwhile, still worked on until the new one is ready. */
  | { readonly state: 'loading'; readonly source: PackSource; readonly open?: { readonly pack: PackJson; readonly source: PackSource } }
  | { readonly state: 'ready'; readonly source: PackSource; readonly pack: PackJson }
  /**
   * The pack could not be read or is not valid: why, with JSON paths; the open pack (if any)
   * is kept as `open`, and stays the one being worked on.
   */
  | {
      readonly state: 'failed';
      readonly source: PackSource;
      readonly message?: string;
      readonly faults?: readonly WorldFault[];
      readonly open?: { readonly pack: PackJson; readonly source: PackSource };
    };

/** The pack being worked on: the ready one, or the one kept open while another loads or after it failed. */
export function openPack(status: PackStatus): { readonly pack: PackJson; readonly source: PackSource } | null {
  if (status.state === 'ready') return { pack: status.pack, source: status.source };
  if (status.state === 'failed' || status.state === 'loading') return status.open ?? null;
  return null;
}

/** The learner's work on one exercise. */
export interface ExerciseProgress {
  /** The workspace holding the learner's world for this exercise. */
  readonly workspaceId?: string;
  /** How many hints were revealed. */
  readonly hintsShown: number;
  /** Requests sent in this exercise (for `performed` goals and the completion report), oldest first. */
  readonly performed: readonly PerformedRecord[];
  /** ISO 8601, the first time every goal was met. */
  readonly solvedAt?: string;
  /** The last judgement, for the pack's overview and the report. */
  readonly lastJudgement?: ExerciseJudgement;
}

export type JudgementState =
  | { readonly state: 'idle' }
  | { readonly state: 'judging' }
  | { readonly state: 'done'; readonly judgement: ExerciseJudgement; readonly revision: number }
  | { readonly state: 'failed'; readonly message: string };

export interface ExerciseSlice {
  readonly packStatus: PackStatus;
  /** The id of the exercise being worked on (in the open pack), or null. */
  readonly activeExercise: string | null;
  readonly judgement: JudgementState;
  /** Progress in the open pack, by exercise id. */
  readonly progress: Readonly<Record<string, ExerciseProgress>>;
  setPackStatus(status: PackStatus): void;
  setActiveExercise(id: string | null): void;
  setJudgement(judgement: JudgementState): void;
  setProgress(progress: Readonly<Record<string, ExerciseProgress>>): void;
  /** Makes a pack the open one with its progress, in one change (progress is never seen under another pack). */
  adoptPack(source: PackSource, pack: PackJson, progress: Readonly<Record<string, ExerciseProgress>>): void;
  updateProgress(id: string, patch: Partial<ExerciseProgress>): void;
  /** Notes a request the learner sent (console or batch, not what-if) in the active exercise; nothing without one. */
  notePerformed(record: PerformedRecord): void;
}

const NO_PROGRESS: ExerciseProgress = { hintsShown: 0, performed: [] };

export const createExerciseSlice: StateCreator<AppState, [], [], ExerciseSlice> = (set, get) => ({
  packStatus: { state: 'none' },
  activeExercise: null,
  judgement: { state: 'idle' },
  progress: {},
  setPackStatus: (packStatus) => set({ packStatus }),
  setActiveExercise: (activeExercise) => set({ activeExercise, judgement: { state: 'idle' } }),
  setJudgement: (judgement) => set({ judgement }),
  setProgress: (progress) => set({ progress }),
  adoptPack: (source, pack, progress) => set({ packStatus: { state: 'ready', source, pack }, progress }),
  updateProgress: (id, patch) => set((s) => ({ progress: { ...s.progress, [id]: { ...(s.progress[id] ?? NO_PROGRESS), ...patch } } })),
  notePerformed: (record) => {
    const id = get().activeExercise;
    if (id === null) return;
    const current = get().progress[id] ?? NO_PROGRESS;
    get().updateProgress(id, { performed: [...current.performed, record] });
  },
});
