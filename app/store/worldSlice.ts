/**
 * The world being explored: the ScenarioJson as the engine validated it. It is the one
 * truth the canvas, the request form and the panels derive from; it is also the only part
 * of the state that will be undoable once the world can be edited.
 */
import type { StateCreator } from 'zustand';
import type { ScenarioJson } from '../../engine/scenario/types';
import type { WorldFault } from '../../engine/worker/protocol';
import type { AppState } from './index';

export type WorldStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'ready' }
  /** The file could not be read or is not a valid scenario: every fault with its JSON path. */
  | { readonly state: 'invalid'; readonly errors: readonly WorldFault[] }
  | { readonly state: 'failed'; readonly message: string };

export interface WorldSlice {
  readonly world: ScenarioJson | null;
  readonly worldStatus: WorldStatus;
  /** Faults the engine found while compiling (e.g. an unknown managed policy): shown, not fatal. */
  readonly worldFaults: readonly WorldFault[];
  /** Bumped on every new world so views can reset what they derived from the old one. */
  readonly worldVersion: number;
  setWorld(world: ScenarioJson): void;
  setWorldStatus(status: WorldStatus): void;
  setWorldFaults(faults: readonly WorldFault[]): void;
}

export const createWorldSlice: StateCreator<AppState, [], [], WorldSlice> = (set) => ({
  world: null,
  worldStatus: { state: 'loading' },
  worldFaults: [],
  worldVersion: 0,
  setWorld: (world) =>
    set((s) => ({
      world,
      worldFaults: [],
      worldVersion: s.worldVersion + 1,
      // A new world invalidates what was selected and decided in the old one.
      selectedId: null,
      highlight: null,
      result: { state: 'idle' },
    })),
  setWorldStatus: (worldStatus) => set({ worldStatus }),
  setWorldFaults: (worldFaults) => set({ worldFaults }),
});
