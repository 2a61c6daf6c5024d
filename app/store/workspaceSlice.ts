/**
 * Which workspace is open and whether its last change is safely stored (app/persist
 * writes it to IndexedDB). Never undoable.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface WorkspaceInfo {
  readonly id: string;
  readonly name: string;
}

export type SaveState =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | { readonly state: 'saved'; readonly at: number }
  /** Another tab changed this workspace since this tab read it: nothing is overwritten until the learner chooses. */
  | { readonly state: 'conflict' }
  /** IndexedDB refused (private mode, quota): the world is kept in memory and the learner is told. */
  | { readonly state: 'error'; readonly message: string };

export interface WorkspaceSlice {
  readonly workspace: WorkspaceInfo | null;
  readonly saveState: SaveState;
  setWorkspace(workspace: WorkspaceInfo | null): void;
  setSaveState(saveState: SaveState): void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  workspace: null,
  saveState: { state: 'idle' },
  setWorkspace: (workspace) => set({ workspace }),
  setSaveState: (saveState) => set({ saveState }),
});
