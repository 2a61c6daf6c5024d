/**
 * The world being built: the ScenarioJson (the one truth the canvas, inspector, editor and
 * request form derive from) and where its nodes sit on the map. Every change goes through
 * `applyEdit` (the engine's edit library, engine/edit) or `movePositions`, and is undoable;
 * `openDocument` replaces the whole document (a workspace opened, a file imported).
 *
 * Undo history keeps whole documents: a ScenarioJson is never mutated, so consecutive
 * entries share everything an edit did not touch and an entry costs little.
 */
import type { StateCreator } from 'zustand';
import { editLibrary } from './editEngine';
import type { EditError, EditResult, WorldEdit } from '../../engine/edit/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import type { WorldFault } from '../../engine/worker/protocol';
import type { AppState } from './index';

export type WorldStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'ready' }
  /** The file could not be read or is not a valid scenario: every fault with its JSON path. */
  | { readonly state: 'invalid'; readonly errors: readonly WorldFault[] }
  | { readonly state: 'failed'; readonly message: string };

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Node id → top-left position, relative to the node's parent box (as React Flow wants it). */
export type Positions = Readonly<Record<string, XY>>;

/** What a workspace holds and the undo history steps through. */
export interface WorldDocument {
  readonly scenario: ScenarioJson;
  readonly positions: Positions;
}

/** One step of the history: the document before (undo) or after (redo) a change, and what the change was. */
interface HistoryEntry {
  readonly document: WorldDocument;
  /** For the undo button's title: the edit's `op`, or `move`, `open`. */
  readonly label: string;
  /** Consecutive changes with the same key merge into one step (one drag; typing without a long pause). */
  readonly mergeKey?: string;
  /** When the step was last extended (ms since the epoch), for merges within a time window. */
  readonly at: number;
}

export interface MergeOptions {
  /** Merge with the previous step if it has the same key … */
  readonly mergeKey?: string;
  /** … and it was made at most this long ago (default: no limit). */
  readonly mergeWithinMs?: number;
}

/** Enough to undo a long session; old steps fall off the bottom. */
export const HISTORY_LIMIT = 200;

export interface WorldSlice {
  readonly world: ScenarioJson | null;
  readonly positions: Positions;
  readonly worldStatus: WorldStatus;
  /** Faults the engine found while compiling (e.g. an unknown managed policy): shown, not fatal. */
  readonly worldFaults: readonly WorldFault[];
  /** Bumped when another document is opened (not on edits): views reset what they derived from the old one. */
  readonly worldVersion: number;
  /** Bumped on every change of the document, edits and undo included (autosave watches it). */
  readonly revision: number;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  /** The last edit that was refused, until the next edit (the inspector shows it by its field). */
  readonly lastEditError: EditError | null;
  /**
   * Set while an exercise played by requests only is open (`exercise.worldLocked`): edits
   * are refused (`worldLocked`) unless they come from the simulated IAM API (`byApi`).
   * Undo and redo stay: taking back an attack step is how a learner tries again.
   */
  readonly worldLocked: boolean;

  /** Opens a document as a new world: history starts over unless `keepHistory` (an import is undoable). */
  openDocument(document: WorldDocument, options?: { readonly keepHistory?: boolean }): void;
  /** Applies one edit; a refused edit changes nothing and is returned (and kept in `lastEditError`). */
  applyEdit(edit: WorldEdit, options?: MergeOptions): EditResult;
  /** Applies edits as one undo step; stops at the first refusal and then changes nothing. */
  applyEdits(edits: readonly WorldEdit[], label?: string, options?: { readonly byApi?: boolean }): EditResult;
  setWorldLocked(locked: boolean): void;
  /**
   * Moves nodes. `mergeKey` merges the move with the previous step of the same key (one
   * drag = one undo step); `undoable: false` records positions the layout computed.
   */
  movePositions(patch: Positions, options?: MergeOptions & { readonly undoable?: boolean }): void;
  /** Forgets every saved position (the next layout is automatic); undoable. */
  resetPositions(): void;
  undo(): void;
  redo(): void;
  setWorldStatus(status: WorldStatus): void;
  setWorldFaults(faults: readonly WorldFault[]): void;
}

function snapshot(s: AppState): WorldDocument | null {
  return s.world ? { scenario: s.world, positions: s.positions } : null;
}

function pushed(past: readonly HistoryEntry[], entry: HistoryEntry): readonly HistoryEntry[] {
  const next = [...past, entry];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

export const createWorldSlice: StateCreator<AppState, [], [], WorldSlice> = (set, get) => {
  /** Replaces the document after a change labelled `label`, recording the old one for undo. */
  const commit = (next: WorldDocument, label: string, merge: MergeOptions = {}) =>
    set((s) => {
      const before = snapshot(s);
      const last = s.past.at(-1);
      const now = Date.now();
      const { mergeKey, mergeWithinMs = Infinity } = merge;
      // INVARIANT: a merge only happens onto the newest step (nothing was undone since: `future` is empty).
      const merges = mergeKey !== undefined && last?.mergeKey === mergeKey && s.future.length === 0 && now - last.at <= mergeWithinMs;
      const past = !before ? s.past : merges ? [...s.past.slice(0, -1), { ...last, at: now }] : pushed(s.past, { document: before, label, mergeKey, at: now });
      return {
        world: next.scenario,
        positions: next.positions,
        past,
        future: [],
        revision: s.revision + 1,
        lastEditError: null,
      };
    });

  const run = (edits: readonly WorldEdit[], label: string, merge?: MergeOptions, byApi = false): EditResult => {
    const { world, worldLocked } = get();
    if (!world) {
      const error: EditError = { code: 'notFound', params: { what: 'world' }, path: '$', message: 'No world is open.' };
      set({ lastEditError: error });
      return { ok: false, error };
    }
    if (worldLocked && !byApi) {
      const error: EditError = { code: 'worldLocked', params: {}, path: '$', message: 'This exercise is played by sending requests: the world changes only through the IAM API.' };
      set({ lastEditError: error });
      return { ok: false, error };
    }
    let current = world;
    for (const edit of edits) {
      const result = editLibrary().applyEdit(current, edit);
      if (!result.ok) {
        set({ lastEditError: result.error });
        return result;
      }
      current = result.world;
    }
    if (current !== world) commit({ scenario: current, positions: get().positions }, label, merge);
    return { ok: true, world: current };
  };

  const step = (from: 'past' | 'future') =>
    set((s) => {
      const stack = s[from];
      const entry = stack.at(-1);
      const here = snapshot(s);
      if (!entry || !here) return {};
      const back: HistoryEntry = { document: here, label: entry.label, at: Date.now() };
      return {
        world: entry.document.scenario,
        positions: entry.document.positions,
        past: from === 'past' ? stack.slice(0, -1) : pushed(s.past, back),
        future: from === 'future' ? stack.slice(0, -1) : [...s.future, back],
        revision: s.revision + 1,
        lastEditError: null,
      };
    });

  return {
    world: null,
    positions: {},
    worldStatus: { state: 'loading' },
    worldFaults: [],
    worldVersion: 0,
    revision: 0,
    past: [],
    future: [],
    lastEditError: null,
    worldLocked: false,

    openDocument: (document, options = {}) =>
      set((s) => {
        const before = snapshot(s);
        return {
          world: document.scenario,
          positions: document.positions,
          worldFaults: [],
          worldVersion: s.worldVersion + 1,
          revision: s.revision + 1,
          past: options.keepHistory && before ? pushed(s.past, { document: before, label: 'open', at: Date.now() }) : [],
          future: [],
          lastEditError: null,
          worldStatus: { state: 'ready' },
          // A new world invalidates what was selected and decided in the old one.
          selectedId: null,
          highlight: null,
          result: { state: 'idle' },
        };
      }),
    applyEdit: (edit, options) => run([edit], edit.op, options),
    applyEdits: (edits, label, options) => run(edits, label ?? edits[0]?.op ?? 'edit', undefined, options?.byApi === true),
    setWorldLocked: (worldLocked) => set({ worldLocked }),
    movePositions: (patch, options = {}) => {
      const s = get();
      if (!s.world) return;
      const positions = { ...s.positions, ...patch };
      if (options.undoable === false) {
        set({ positions, revision: s.revision + 1 });
        return;
      }
      commit({ scenario: s.world, positions }, 'move', options);
    },
    resetPositions: () => {
      const s = get();
      if (s.world && Object.keys(s.positions).length > 0) commit({ scenario: s.world, positions: {} }, 'layout');
    },
    undo: () => step('past'),
    redo: () => step('future'),
    setWorldStatus: (worldStatus) => set({ worldStatus }),
    setWorldFaults: (worldFaults) => set({ worldFaults }),
  };
};
