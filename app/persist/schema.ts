/**
 * What IndexedDB holds, and how an older database becomes the current one. Database
 * `iam-playground`: a store of workspaces (one record per workspace) and a small meta store
 * (which workspace was open last). Bump DB_VERSION for any change of shape and add a step
 * to `upgrade`: a browser that skipped versions runs every step in turn.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Viewport } from '../store/selectionSlice';
import type { WorldDocument } from '../store/worldSlice';

export const DB_NAME = 'iam-playground';
export const DB_VERSION = 1;

/**
 * A tab's own way of looking at the workspace: restored on reload, never part of the
 * document (two tabs on one workspace may look at different places). The language is not
 * here: it is the learner's, for every workspace (app/i18n/language.ts).
 */
export interface WorkspaceView {
  readonly selectedId: string | null;
  readonly viewport: Viewport | null;
  readonly policyDrafts: Readonly<Record<string, string>>;
}

export interface WorkspaceRecord {
  readonly id: string;
  readonly name: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /**
   * Counts the saves of the document (1 when created). A tab writes the document only if
   * the stored revision is still the one it last read or wrote (compare-and-set), so two
   * tabs never silently overwrite each other. Saving only the view does not count: the view
   * is each tab's own, and the last tab to move wins.
   */
  readonly revision: number;
  readonly document: WorldDocument;
  readonly view: WorkspaceView;
}

/** What the workspace menu lists. */
export interface WorkspaceSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
}

export const EMPTY_VIEW: WorkspaceView = { selectedId: null, viewport: null, policyDrafts: {} };

export interface PlaygroundDb extends DBSchema {
  workspaces: { key: string; value: WorkspaceRecord; indexes: { updatedAt: number } };
  meta: { key: 'lastOpened'; value: string };
}

/** Takes the database from `oldVersion` to DB_VERSION (idb's `upgrade` callback). */
export function upgrade(
  db: IDBPDatabase<PlaygroundDb>,
  oldVersion: number,
  _newVersion: number | null,
  _transaction: IDBPTransaction<PlaygroundDb, StoreNames<PlaygroundDb>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const workspaces = db.createObjectStore('workspaces', { keyPath: 'id' });
    workspaces.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('meta');
  }
  // Version 2 and later: one `if (oldVersion < N)` block each, migrating records through
  // `_transaction` (e.g. `_transaction.objectStore('workspaces').openCursor()`).
}
