/**
 * Which workspace is open, the list of workspaces, whether the last change is safely
 * stored (app/workspace/session.ts writes it to IndexedDB) and the workspace's own notices.
 * Never undoable. The session is the only writer; the views read.
 */
import type { StateCreator } from 'zustand';
import type { RefusedReason } from '../persist/openRepository';
import type { WorkspaceSummary } from '../persist/schema';
import type { WorldFault } from '../../engine/worker/protocol';
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
  /** IndexedDB refused or was taken over by a newer version of the app: the world lives in this tab only. */
  | { readonly state: 'memoryOnly'; readonly reason: RefusedReason }
  /** A write failed (quota, storage cleared): the next change tries again. */
  | { readonly state: 'error'; readonly message: string };

/** Why a share link opened nothing. */
export type ShareRefusal = 'unknownVersion' | 'damaged' | 'tooLarge' | 'invalidWorld' | 'unreadable';

export type WorkspaceNotice =
  | { readonly kind: 'storageRefused'; readonly reason: RefusedReason }
  | { readonly kind: 'shareRefused'; readonly reason: ShareRefusal; readonly faults: readonly WorldFault[] }
  | { readonly kind: 'sharedOpened'; readonly name: string }
  | { readonly kind: 'deletedElsewhere'; readonly name: string }
  /** A workspace action without a dialog of its own (switching, duplicating) failed. */
  | { readonly kind: 'actionFailed'; readonly message: string };

export interface WorkspaceSlice {
  readonly workspace: WorkspaceInfo | null;
  /** Every stored workspace, the most recently changed first. */
  readonly workspaces: readonly WorkspaceSummary[];
  readonly saveState: SaveState;
  readonly workspaceNotices: readonly WorkspaceNotice[];
  setWorkspace(workspace: WorkspaceInfo | null): void;
  setWorkspaces(workspaces: readonly WorkspaceSummary[]): void;
  setSaveState(saveState: SaveState): void;
  /** One notice of a kind at a time: a newer one replaces it. */
  addWorkspaceNotice(notice: WorkspaceNotice): void;
  dismissWorkspaceNotice(kind: WorkspaceNotice['kind']): void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  workspace: null,
  workspaces: [],
  saveState: { state: 'idle' },
  workspaceNotices: [],
  setWorkspace: (workspace) => set({ workspace }),
  setWorkspaces: (workspaces) => set({ workspaces }),
  setSaveState: (saveState) => set({ saveState }),
  addWorkspaceNotice: (notice) => set((s) => ({ workspaceNotices: [...s.workspaceNotices.filter((n) => n.kind !== notice.kind), notice] })),
  dismissWorkspaceNotice: (kind) => set((s) => ({ workspaceNotices: s.workspaceNotices.filter((n) => n.kind !== kind) })),
});
