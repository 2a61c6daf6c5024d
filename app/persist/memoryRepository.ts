/**
 * Workspaces kept in this tab's memory: used when IndexedDB is refused (some private
 * windows, storage disabled), so the learner can still build, switch and import — only
 * nothing survives the tab. Same contract as the IndexedDB repository.
 */
import type { WorldDocument } from '../store/worldSlice';
import { newRecord, summaries, type NewWorkspace, type WorkspaceRepository } from './repository';
import { compareAndSet, type SaveResult } from './revisions';
import type { WorkspaceRecord, WorkspaceSummary, WorkspaceView } from './schema';

export class MemoryRepository implements WorkspaceRepository {
  readonly persistent: boolean = false;
  private readonly records = new Map<string, WorkspaceRecord>();
  private last: string | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  async list(): Promise<readonly WorkspaceSummary[]> {
    return summaries([...this.records.values()]);
  }

  async get(id: string): Promise<WorkspaceRecord | undefined> {
    return this.records.get(id);
  }

  async create(workspace: NewWorkspace): Promise<WorkspaceRecord> {
    const record = newRecord(workspace, this.now());
    this.records.set(record.id, record);
    return record;
  }

  async saveDocument(id: string, expectedRevision: number, document: WorldDocument, view: WorkspaceView): Promise<SaveResult> {
    const result = compareAndSet(this.records.get(id), expectedRevision, document, view, this.now());
    if (result.ok) this.records.set(id, result.record);
    return result;
  }

  async saveView(id: string, view: WorkspaceView): Promise<boolean> {
    const stored = this.records.get(id);
    if (!stored) return false;
    this.records.set(id, { ...stored, view });
    return true;
  }

  async rename(id: string, name: string): Promise<WorkspaceRecord | undefined> {
    const stored = this.records.get(id);
    if (!stored) return undefined;
    const renamed = { ...stored, name, updatedAt: Math.max(this.now(), stored.updatedAt) };
    this.records.set(id, renamed);
    return renamed;
  }

  async remove(id: string): Promise<void> {
    this.records.delete(id);
    if (this.last === id) this.last = undefined;
  }

  async lastOpened(): Promise<string | undefined> {
    return this.last;
  }

  async setLastOpened(id: string): Promise<void> {
    this.last = id;
  }
}
