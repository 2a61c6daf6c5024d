/**
 * Workspaces in IndexedDB (with `idb`). Every write that depends on what is stored reads
 * and writes inside one readwrite transaction, so two tabs cannot interleave between the
 * read and the write (IndexedDB runs overlapping readwrite transactions one at a time).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { WorldDocument } from '../store/worldSlice';
import { readWorkspaceRecord } from './records';
import { newRecord, summaries, type NewWorkspace, type WorkspaceRepository } from './repository';
import { compareAndSet, type SaveResult } from './revisions';
import { DB_NAME, DB_VERSION, upgrade, type PlaygroundDb, type WorkspaceRecord, type WorkspaceSummary, type WorkspaceView } from './schema';

/** Why the database can no longer be used by this tab. */
export type LostReason = 'newerVersion' | 'closed';

export class IdbRepository implements WorkspaceRepository {
  readonly persistent = true;

  private constructor(
    private readonly db: IDBPDatabase<PlaygroundDb>,
    private readonly now: () => number,
  ) {}

  /**
   * Opens (creating or upgrading) the database. `onLost` is called when this tab must let
   * go of it: another tab opened a newer version of the app, or the browser closed it.
   */
  static async open(onLost: (reason: LostReason) => void, now: () => number = Date.now): Promise<IdbRepository> {
    const db = await openDB<PlaygroundDb>(DB_NAME, DB_VERSION, {
      upgrade,
      // A newer version of the app wants to upgrade the database: let it, and stop using it here.
      blocking: () => {
        db.close();
        onLost('newerVersion');
      },
      terminated: () => onLost('closed'),
    });
    return new IdbRepository(db, now);
  }

  async list(): Promise<readonly WorkspaceSummary[]> {
    const values: unknown[] = await this.db.getAll('workspaces');
    return summaries(values.map(readWorkspaceRecord).filter((r): r is WorkspaceRecord => r !== null));
  }

  async get(id: string): Promise<WorkspaceRecord | undefined> {
    return readWorkspaceRecord(await this.db.get('workspaces', id)) ?? undefined;
  }

  async create(workspace: NewWorkspace): Promise<WorkspaceRecord> {
    const record = newRecord(workspace, this.now());
    await this.db.put('workspaces', record);
    return record;
  }

  async saveDocument(id: string, expectedRevision: number, document: WorldDocument, view: WorkspaceView): Promise<SaveResult> {
    const tx = this.db.transaction('workspaces', 'readwrite');
    // INVARIANT: nothing but requests of `tx` is awaited until the put, or the transaction
    // would commit in between and another tab could write between our read and our write.
    const stored = readWorkspaceRecord(await tx.store.get(id)) ?? undefined;
    const result = compareAndSet(stored, expectedRevision, document, view, this.now());
    if (result.ok) await tx.store.put(result.record);
    await tx.done;
    return result;
  }

  async saveView(id: string, view: WorkspaceView): Promise<boolean> {
    return this.update(id, (stored) => ({ ...stored, view })).then((r) => r !== undefined);
  }

  async rename(id: string, name: string): Promise<WorkspaceRecord | undefined> {
    return this.update(id, (stored) => ({ ...stored, name, updatedAt: Math.max(this.now(), stored.updatedAt) }));
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['workspaces', 'meta'], 'readwrite');
    await tx.objectStore('workspaces').delete(id);
    if ((await tx.objectStore('meta').get('lastOpened')) === id) await tx.objectStore('meta').delete('lastOpened');
    await tx.done;
  }

  async lastOpened(): Promise<string | undefined> {
    const id: unknown = await this.db.get('meta', 'lastOpened');
    return typeof id === 'string' ? id : undefined;
  }

  async setLastOpened(id: string): Promise<void> {
    await this.db.put('meta', id, 'lastOpened');
  }

  /** Reads and rewrites one record in one transaction; undefined when it is gone. */
  private async update(id: string, change: (stored: WorkspaceRecord) => WorkspaceRecord): Promise<WorkspaceRecord | undefined> {
    const tx = this.db.transaction('workspaces', 'readwrite');
    const stored = readWorkspaceRecord(await tx.store.get(id));
    const next = stored ? change(stored) : undefined;
    if (next) await tx.store.put(next);
    await tx.done;
    return next;
  }
}
