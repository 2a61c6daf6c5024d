/**
 * This tab's open workspace: opens, creates, renames, duplicates and deletes workspaces,
 * and autosaves every change of the store into the repository (the document when the
 * world slice's `revision` moves; the view — selection, viewport, policy drafts — when
 * those move), at most SAVE_DELAY_MS after the change.
 *
 * Two tabs on one workspace never silently overwrite each other: a tab writes the document
 * only over the revision it last read or wrote (app/persist/revisions.ts), and tells the
 * other tabs what it saved (app/persist/channel.ts). A tab that learns of a newer revision
 * reloads it when it has nothing unsaved; when both changed, it stops saving (`conflict`)
 * until the learner loads the other version or keeps theirs as a copy.
 *
 * Undo history does not survive a reload: it is the tab's memory of how the world got
 * here, and it may be large; the world itself, its positions and the view are what is kept.
 *
 * INVARIANT: every operation runs in `queue`, one at a time, so an open, a pull and a
 * write never interleave (`open` changes only inside the queue).
 */
import type { StoreApi } from 'zustand';
import type { SyncChannel, SyncMessage } from '../persist/channel';
import type { RefusedReason } from '../persist/openRepository';
import { newRecord, type NewWorkspace, type WorkspaceRepository } from '../persist/repository';
import type { WorkspaceRecord, WorkspaceView } from '../persist/schema';
import type { AppState } from '../store';
import type { WorldDocument } from '../store/worldSlice';
import { graphOf } from '../world/useWorld';
import { nextFrame } from '../layout/frames';

/** Autosave writes this long after the first unsaved change (so a drag or typing is one write, and no change waits longer). */
export const SAVE_DELAY_MS = 250;

/** Thrown when an action would leave unsaved work behind while the learner has a conflict to settle. */
export class ConflictPendingError extends Error {
  constructor() {
    super('Another tab changed this workspace: choose which version to keep first.');
    this.name = 'ConflictPendingError';
  }
}

interface OpenWorkspace {
  readonly id: string;
  name: string;
  /** The stored revision this tab last read or wrote. */
  baseRevision: number;
  /** The store's `revision` at which its document equals the stored one. */
  savedStoreRevision: number;
  savedView: WorkspaceView;
}

function documentOf(s: AppState): WorldDocument | null {
  return s.world ? { scenario: s.world, positions: s.positions } : null;
}

function viewOf(s: AppState): WorkspaceView {
  return { selectedId: s.selectedId, viewport: s.viewport, policyDrafts: s.policyDrafts };
}

function sameView(a: WorkspaceView, b: WorkspaceView): boolean {
  if (a.selectedId !== b.selectedId) return false;
  const va = a.viewport;
  const vb = b.viewport;
  if (va !== vb && (!va || !vb || va.x !== vb.x || va.y !== vb.y || va.zoom !== vb.zoom)) return false;
  if (a.policyDrafts === b.policyDrafts) return true;
  const keys = Object.keys(a.policyDrafts);
  return keys.length === Object.keys(b.policyDrafts).length && keys.every((k) => a.policyDrafts[k] === b.policyDrafts[k]);
}

export class WorkspaceSession {
  private open: OpenWorkspace | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Store changes made by the session itself (opening a document) are not unsaved changes. */
  private applying = false;
  /** Why writing stopped: a conflict to settle, or the database taken over by a newer version of the app. */
  private halted: 'conflict' | 'lost' | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly repository: WorkspaceRepository,
    private readonly channel: SyncChannel,
    private readonly store: StoreApi<AppState>,
    /** Resolves once a newly created workspace is on screen (the next frame), before it is written. */
    private readonly drawn: () => Promise<void> = nextFrame,
  ) {
    this.unsubscribe = store.subscribe((state, previous) => this.changed(state, previous));
  }

  get persistent(): boolean {
    return this.repository.persistent;
  }

  /** The open workspace's id, if any. */
  get openId(): string | null {
    return this.open?.id ?? null;
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.channel.close();
  }

  // ── autosave ──

  private changed(s: AppState, previous: AppState): void {
    if (!this.open || this.applying || this.halted) return;
    const documentChanged = s.revision !== previous.revision;
    const viewChanged = s.selectedId !== previous.selectedId || s.viewport !== previous.viewport || s.policyDrafts !== previous.policyDrafts;
    if (!documentChanged && !viewChanged) return;
    // Only the document drives "Saving…": a click on the map is saved too, but is not news.
    if (documentChanged && this.persistent && s.saveState.state !== 'saving') s.setSaveState({ state: 'saving' });
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, SAVE_DELAY_MS);
    }
  }

  /** Writes what is unsaved now (also used when the page is hidden or closed). */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    return this.run(() => this.write()).catch((error: unknown) => {
      this.store.getState().setSaveState({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  }

  private async write(): Promise<void> {
    const open = this.open;
    const s = this.store.getState();
    const document = documentOf(s);
    if (!open || !document || this.halted) return;
    const view = viewOf(s);
    if (s.revision !== open.savedStoreRevision) {
      const result = await this.repository.saveDocument(open.id, open.baseRevision, document, view);
      if (result.ok) {
        this.stored(open, result.record.revision, s.revision, view);
        this.touched(open.id, result.record.updatedAt);
        this.channel.post({ type: 'saved', id: open.id, revision: result.record.revision });
      } else if (result.reason === 'conflict') {
        this.enterConflict();
      } else {
        // Deleted in another tab while open here: written again under its own id, so what
        // the learner did here is never lost.
        const record = await this.repository.create({ id: open.id, name: open.name, document, view });
        this.stored(open, record.revision, s.revision, view);
        this.channel.post({ type: 'created', id: open.id });
        await this.refreshList();
      }
    } else if (!sameView(view, open.savedView)) {
      // A view of a workspace deleted elsewhere is not worth resurrecting it: the next change of the document does.
      if (await this.repository.saveView(open.id, view)) open.savedView = view;
    }
  }

  private stored(open: OpenWorkspace, revision: number, storeRevision: number, view: WorkspaceView): void {
    open.baseRevision = revision;
    open.savedStoreRevision = storeRevision;
    open.savedView = view;
    this.showSaved();
  }

  /** The list's order follows the change without reading every workspace again. */
  private touched(id: string, updatedAt: number): void {
    const s = this.store.getState();
    const item = s.workspaces.find((w) => w.id === id);
    if (item) s.setWorkspaces([{ ...item, updatedAt }, ...s.workspaces.filter((w) => w.id !== id)]);
  }

  private showSaved(): void {
    const s = this.store.getState();
    if (!this.persistent || this.halted || !this.open) return;
    // Changes made while writing keep "Saving…": their own write is already scheduled.
    if (s.revision === this.open.savedStoreRevision) s.setSaveState({ state: 'saved', at: Date.now() });
  }

  private enterConflict(): void {
    this.halted = 'conflict';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.store.getState().setSaveState({ state: 'conflict' });
  }

  /** The database was taken over by a newer version of the app in another tab, or closed by the browser: stop writing, say so. */
  storageLost(reason: RefusedReason): void {
    this.halted = 'lost';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.store.getState().setSaveState({ state: 'memoryOnly', reason });
  }

  // ── other tabs ──

  /** A message of another tab. */
  receive(message: SyncMessage): void {
    const open = this.open;
    const mine = open?.id === message.id;
    switch (message.type) {
      case 'saved':
        if (mine && message.revision > open.baseRevision) void this.checkForNewer();
        void this.refreshList();
        break;
      case 'renamed':
        if (mine) {
          open.name = message.name;
          this.store.getState().setWorkspace({ id: open.id, name: message.name });
        }
        void this.refreshList();
        break;
      case 'created':
        void this.refreshList();
        break;
      case 'deleted':
        if (mine) this.store.getState().addWorkspaceNotice({ kind: 'deletedElsewhere', name: open.name });
        void this.refreshList();
        break;
    }
  }

  /** Reads the stored revision (a message arrived, or the tab is shown again) and follows it if it is newer. */
  checkForNewer(): Promise<void> {
    return this.run(() => this.pull()).catch(() => undefined);
  }

  private async pull(): Promise<void> {
    const open = this.open;
    if (!open || this.halted) return;
    const stored = await this.repository.get(open.id);
    if (!stored || stored.revision <= open.baseRevision) return;
    if (this.store.getState().revision !== open.savedStoreRevision) {
      this.enterConflict();
      return;
    }
    // Nothing unsaved here: take the other tab's world silently, keeping where this tab looks.
    // Its undo history starts over (undoing into a world older than the other tab's change would overwrite it).
    this.apply(open, stored, 'follow');
  }

  /** Settles a conflict: the other tab's version replaces this one (undoable), or this one is saved as a new workspace named `copyName`. */
  resolveConflict(choice: 'theirs' | 'copy', copyName: string): Promise<void> {
    return this.run(async () => {
      const open = this.open;
      if (!open || this.halted !== 'conflict') return;
      const stored = choice === 'theirs' ? await this.repository.get(open.id) : undefined;
      if (stored) {
        this.halted = null;
        this.apply(open, stored, 'theirs');
        this.showSaved();
        return;
      }
      // Keep mine (also when the other version is gone: there is nothing else to load).
      const s = this.store.getState();
      const document = documentOf(s);
      if (!document) return;
      const record = await this.repository.create({ name: copyName, document, view: viewOf(s) });
      this.halted = null;
      this.open = { id: record.id, name: record.name, baseRevision: record.revision, savedStoreRevision: s.revision, savedView: record.view };
      s.setWorkspace({ id: record.id, name: record.name });
      await this.repository.setLastOpened(record.id);
      this.channel.post({ type: 'created', id: record.id });
      this.showSaved();
      await this.refreshList();
    });
  }

  // ── workspaces ──

  /** The stored world of a workspace, without opening it (the completion report reads the learner's other exercises). */
  async readWorld(id: string): Promise<WorldDocument['scenario'] | undefined> {
    return (await this.repository.get(id))?.document.scenario;
  }

  /** Opens a stored workspace (after saving the open one); false when it is not there. */
  openWorkspace(id: string): Promise<boolean> {
    return this.run(async () => {
      await this.leave();
      return this.openNow(id);
    });
  }

  /** Creates a workspace and opens it. */
  createWorkspace(workspace: NewWorkspace): Promise<WorkspaceRecord> {
    return this.run(async () => {
      await this.leave();
      return this.createNow(workspace);
    });
  }

  /** Copies a workspace (as stored, after saving the open one) under `name` and opens the copy. */
  duplicateWorkspace(id: string, name: string): Promise<WorkspaceRecord | undefined> {
    return this.run(async () => {
      await this.leave();
      const source = await this.repository.get(id);
      return source ? this.createNow({ name, document: source.document, view: source.view }) : undefined;
    });
  }

  renameWorkspace(id: string, name: string): Promise<void> {
    return this.run(async () => {
      const renamed = await this.repository.rename(id, name);
      if (!renamed) return;
      if (this.open?.id === id) {
        this.open.name = name;
        this.store.getState().setWorkspace({ id, name });
      }
      this.channel.post({ type: 'renamed', id, name });
      await this.refreshList();
    });
  }

  /** Deletes a workspace; deleting the open one opens the most recent other one, or `replacement` when none is left. */
  deleteWorkspace(id: string, replacement: () => NewWorkspace): Promise<void> {
    return this.run(async () => {
      const wasOpen = this.open?.id === id;
      if (!wasOpen) await this.leave();
      await this.repository.remove(id);
      this.channel.post({ type: 'deleted', id });
      if (wasOpen) {
        // What was unsaved of the deleted workspace goes with it (the learner confirmed), and so does a conflict about it.
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
        if (this.halted === 'conflict') this.halted = null;
        this.open = null;
        const next = (await this.repository.list())[0];
        if (!next || !(await this.openNow(next.id))) await this.createNow(replacement());
      }
      await this.refreshList();
    });
  }

  /** Reads the list of workspaces into the store. */
  async refreshList(): Promise<void> {
    this.store.getState().setWorkspaces(await this.repository.list());
  }

  /** The last workspace opened in any tab, if it still exists. */
  lastOpened(): Promise<string | undefined> {
    return this.repository.lastOpened();
  }

  // ── inside the queue ──

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Saves the open workspace before another is opened; refuses while a conflict waits (its work would be lost). */
  private async leave(): Promise<void> {
    this.refuseInConflict();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
    // The write itself may have found the other tab's save.
    this.refuseInConflict();
  }

  private refuseInConflict(): void {
    if (this.halted === 'conflict') throw new ConflictPendingError();
  }

  private async openNow(id: string): Promise<boolean> {
    const record = await this.repository.get(id);
    if (!record) return false;
    this.open = { id: record.id, name: record.name, baseRevision: record.revision, savedStoreRevision: -1, savedView: record.view };
    this.apply(this.open, record, 'open');
    await this.repository.setLastOpened(record.id);
    return true;
  }

  /**
   * Shows the new workspace, then writes it once its first frame is drawn: the write copies
   * the whole world on this thread and waits for the database, and a first visit's large
   * world need not wait for either. A write that fails leaves it open and unsaved (the save
   * state says why); every later save — an edit, the page hidden or left — writes it again
   * under its id (see `write`).
   */
  private async createNow(workspace: NewWorkspace): Promise<WorkspaceRecord> {
    const shown = newRecord(workspace, Date.now());
    const open: OpenWorkspace = { id: shown.id, name: shown.name, baseRevision: shown.revision, savedStoreRevision: -1, savedView: shown.view };
    this.open = open;
    this.apply(open, shown, 'open', 'unsaved');
    await this.drawn();
    let record: WorkspaceRecord;
    try {
      record = await this.repository.create({ ...workspace, id: shown.id });
    } catch (error) {
      // Unsaved: the next `write` finds the document changed and creates it again.
      open.savedStoreRevision = -1;
      if (this.persistent && !this.halted && this.open === open) this.store.getState().setSaveState({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      return shown;
    }
    this.channel.post({ type: 'created', id: record.id });
    if (this.open === open) this.showSaved();
    await this.repository.setLastOpened(record.id);
    await this.refreshList();
    return record;
  }

  /**
   * Puts a stored workspace into the store. `open`: its own view too (restored before the
   * map mounts, which reads the viewport when it is drawn); `follow` (another tab saved) and
   * `theirs` (the learner chose the other tab's version, undoable) keep this tab's view and
   * selection, if the selected node is still in the world.
   */
  private apply(open: OpenWorkspace, record: WorkspaceRecord, how: 'open' | 'follow' | 'theirs', stored: 'saved' | 'unsaved' = 'saved'): void {
    const s = this.store.getState();
    const selectedId = how === 'open' ? record.view.selectedId : s.selectedId;
    this.applying = true;
    try {
      if (how === 'open') {
        s.setViewport(record.view.viewport);
        s.setPolicyDrafts(record.view.policyDrafts);
      }
      s.openDocument(record.document, { keepHistory: how === 'theirs' });
      if (selectedId !== null && graphOf(record.document.scenario).nodes.some((n) => n.id === selectedId)) s.select(selectedId);
      s.setWorkspace({ id: record.id, name: record.name });
      if (this.persistent && !this.halted) s.setSaveState(stored === 'saved' ? { state: 'saved', at: record.updatedAt } : { state: 'saving' });
    } finally {
      this.applying = false;
    }
    open.baseRevision = record.revision;
    open.savedStoreRevision = this.store.getState().revision;
    open.savedView = how === 'open' ? record.view : viewOf(this.store.getState());
  }
}
