/**
 * Where workspaces are kept: IndexedDB (./idbRepository.ts), or this tab's memory when the
 * browser refuses IndexedDB (./memoryRepository.ts) — the app then still works, and says
 * that nothing will be kept. Both follow the same contract, tested on the memory one.
 */
import type { WorldDocument } from '../store/worldSlice';
import type { SaveResult } from './revisions';
import type { WorkspaceRecord, WorkspaceSummary, WorkspaceView } from './schema';

export interface NewWorkspace {
  readonly name: string;
  readonly document: WorldDocument;
  readonly view: WorkspaceView;
  /** Given when a workspace deleted in another tab is written again under its own id. */
  readonly id?: string;
}

export interface WorkspaceRepository {
  /** False when nothing survives the tab (IndexedDB refused). */
  readonly persistent: boolean;
  /** Every workspace, the most recently changed first. */
  list(): Promise<readonly WorkspaceSummary[]>;
  get(id: string): Promise<WorkspaceRecord | undefined>;
  create(workspace: NewWorkspace): Promise<WorkspaceRecord>;
  /** Writes the document (and the view) if the stored revision is `expectedRevision` (see ./revisions.ts). */
  saveDocument(id: string, expectedRevision: number, document: WorldDocument, view: WorkspaceView): Promise<SaveResult>;
  /** Writes only the view (no revision: see WorkspaceRecord.revision); false when the workspace is gone. */
  saveView(id: string, view: WorkspaceView): Promise<boolean>;
  rename(id: string, name: string): Promise<WorkspaceRecord | undefined>;
  remove(id: string): Promise<void>;
  lastOpened(): Promise<string | undefined>;
  setLastOpened(id: string): Promise<void>;
}

/** A new workspace id: a UUID where the browser makes one (secure contexts), else 128 random bits. */
export function newWorkspaceId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The record of a new workspace: revision 1, created and updated now. */
export function newRecord(workspace: NewWorkspace, now: number): WorkspaceRecord {
  return {
    id: workspace.id ?? newWorkspaceId(),
    name: workspace.name,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    document: workspace.document,
    view: workspace.view,
  };
}

/** Summaries, the most recently changed first (ties: by name, so the order is stable). */
export function summaries(records: readonly WorkspaceRecord[]): WorkspaceSummary[] {
  return records
    .map(({ id, name, updatedAt }) => ({ id, name, updatedAt }))
    .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}
