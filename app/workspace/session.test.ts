/**
 * The tab's workspace session against the in-memory repository (same contract as the
 * IndexedDB one, whose transactions are covered end to end in e2e/workspaces.spec.ts).
 * Two "tabs" are two stores with a session each, over one repository and one channel hub.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import type { ScenarioJson } from '../../engine/scenario/types';
import type { SyncChannel, SyncMessage } from '../persist/channel';
import { MemoryRepository } from '../persist/memoryRepository';
import { EMPTY_VIEW } from '../persist/schema';
import { createAppStore, type AppState } from '../store';
import { ConflictPendingError, SAVE_DELAY_MS, WorkspaceSession } from './session';

/** A store like the app's, one per tab. */
function newStore(): StoreApi<AppState> {
  return createAppStore('en');
}

/** Delivers each tab's messages to the other tabs, asynchronously like BroadcastChannel. */
class Hub {
  private readonly tabs = new Set<(m: SyncMessage) => void>();
  channel(receive: () => (m: SyncMessage) => void): SyncChannel {
    let mine: ((m: SyncMessage) => void) | undefined;
    const deliver = (m: SyncMessage) => mine?.(m);
    this.tabs.add(deliver);
    queueMicrotask(() => (mine = receive()));
    return {
      post: (m) => setTimeout(() => this.tabs.forEach((tab) => tab !== deliver && tab(m)), 0),
      close: () => this.tabs.delete(deliver),
    };
  }
}

function world(title: string, accounts: ScenarioJson['accounts'] = []): ScenarioJson {
  return { format: 'iam-playground/scenario', version: 1, title, accounts } as ScenarioJson;
}

/** The memory repository standing for IndexedDB: shared by the tabs of a test, and "saved" means kept. */
class SharedRepository extends MemoryRepository {
  override readonly persistent = true;
}

const ONE_USER = [{ id: '111111111111', users: [{ name: 'alice' }] }] as unknown as ScenarioJson['accounts'];

interface Tab {
  readonly store: StoreApi<AppState>;
  readonly session: WorkspaceSession;
}

const sessions: WorkspaceSession[] = [];

/** The frame that shows a new workspace; a test may hold it back. */
let drawn: () => Promise<void> = () => Promise.resolve();

function tab(repository: SharedRepository, hub = new Hub()): Tab {
  const store = newStore();
  const holder: { session?: WorkspaceSession } = {};
  const channel = hub.channel(() => (m) => holder.session?.receive(m));
  const session = new WorkspaceSession(repository, channel, store, drawn);
  holder.session = session;
  sessions.push(session);
  return { store, session };
}

/** Lets the autosave timer fire and every write and message settle. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 4);
}

/** A document change as an edit makes it: a new world, the revision bumped. */
function change(t: Tab, title: string): void {
  const s = t.store.getState();
  t.store.setState({ world: { ...s.world!, title }, revision: s.revision + 1 });
}

afterEach(() => {
  sessions.splice(0).forEach((s) => s.dispose());
  vi.useRealTimers();
});

describe('creating', () => {
  afterEach(() => {
    drawn = () => Promise.resolve();
  });

  it('shows a new workspace before writing it, and says it is saved once written', async () => {
    let draw: () => void = () => undefined;
    drawn = () => new Promise((resolve) => (draw = resolve));
    const repository = new SharedRepository();
    const a = tab(repository);
    const creating = a.session.createWorkspace({ name: 'W', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    // On screen, not yet in the database.
    await vi.waitFor(() => expect(a.store.getState().world?.title).toBe('one'));
    expect(a.store.getState().saveState.state).toBe('saving');
    expect(await repository.list()).toEqual([]);
    draw();
    const created = await creating;
    expect(a.store.getState().workspace).toEqual({ id: created.id, name: 'W' });
    expect((await repository.get(created.id))?.document.scenario.title).toBe('one');
    expect(a.store.getState().saveState.state).toBe('saved');
    expect(a.store.getState().workspaces.map((w) => w.id)).toEqual([created.id]);
  });

  it('keeps a workspace whose first write failed open, says it is not saved, and writes it with the next change', async () => {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const create = vi.spyOn(repository, 'create').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const a = tab(repository);
    const created = await a.session.createWorkspace({ name: 'W', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    expect(a.store.getState().world?.title).toBe('one');
    expect(a.store.getState().saveState).toEqual({ state: 'error', message: 'QuotaExceededError' });
    expect(await repository.get(created.id)).toBeUndefined();
    change(a, 'two');
    await settle();
    expect(create).toHaveBeenCalledTimes(2);
    expect((await repository.get(created.id))?.document.scenario.title).toBe('two');
    expect(a.store.getState().saveState.state).toBe('saved');
  });

  it('writes a workspace whose first write failed when the page is hidden, even without an edit', async () => {
    const repository = new SharedRepository();
    vi.spyOn(repository, 'create').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const a = tab(repository);
    const created = await a.session.createWorkspace({ name: 'W', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    expect(await repository.get(created.id)).toBeUndefined();
    await a.session.flush();
    expect((await repository.get(created.id))?.document.scenario.title).toBe('one');
    expect(a.store.getState().saveState.state).toBe('saved');
  });
});

describe('autosave', () => {
  it('writes a change of the document within the save delay, with a new revision', async () => {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const a = tab(repository);
    const created = await a.session.createWorkspace({ name: 'W', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    change(a, 'two');
    expect(a.store.getState().saveState.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const stored = await repository.get(created.id);
    expect(stored?.document.scenario.title).toBe('two');
    expect(stored?.revision).toBe(2);
    expect(a.store.getState().saveState.state).toBe('saved');
  });

  it('writes the view (selection, viewport, drafts) without a new revision, and restores it on open', async () => {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const a = tab(repository);
    const created = await a.session.createWorkspace({ name: 'W', document: { scenario: world('one', ONE_USER), positions: {} }, view: EMPTY_VIEW });
    a.store.getState().select('acct:111111111111/user:alice');
    a.store.getState().setViewport({ x: 10, y: 20, zoom: 1.5 });
    a.store.getState().setPolicyDraft('acct:111111111111/policy:P', '{ "Version": ');
    await settle();
    expect((await repository.get(created.id))?.revision).toBe(1);

    const b = tab(repository);
    expect(await b.session.openWorkspace(created.id)).toBe(true);
    const s = b.store.getState();
    expect(s.selectedId).toBe('acct:111111111111/user:alice');
    expect(s.viewport).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect(s.policyDrafts).toEqual({ 'acct:111111111111/policy:P': '{ "Version": ' });
    expect(s.workspace).toEqual({ id: created.id, name: 'W' });
  });

  it('forgets a saved selection whose node is no longer in the world', async () => {
    const repository = new SharedRepository();
    const created = await repository.create({ name: 'W', document: { scenario: world('one'), positions: {} }, view: { ...EMPTY_VIEW, selectedId: 'acct:1/user:gone' } });
    const a = tab(repository);
    await a.session.openWorkspace(created.id);
    expect(a.store.getState().selectedId).toBeNull();
  });

  it('saves the open workspace before opening another', async () => {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const a = tab(repository);
    const first = await a.session.createWorkspace({ name: 'first', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    const second = await a.session.createWorkspace({ name: 'second', document: { scenario: world('other'), positions: {} }, view: EMPTY_VIEW });
    await a.session.openWorkspace(first.id);
    change(a, 'edited');
    await a.session.openWorkspace(second.id);
    expect((await repository.get(first.id))?.document.scenario.title).toBe('edited');
    expect(a.store.getState().world?.title).toBe('other');
  });
});

describe('two tabs on one workspace', () => {
  async function twoTabs() {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const hub = new Hub();
    const a = tab(repository, hub);
    const b = tab(repository, hub);
    await settle();
    const created = await a.session.createWorkspace({ name: 'W', document: { scenario: world('one', ONE_USER), positions: {} }, view: EMPTY_VIEW });
    await b.session.openWorkspace(created.id);
    return { repository, a, b, id: created.id };
  }

  it('a tab with nothing unsaved follows the other tab silently, keeping its selection', async () => {
    const { a, b } = await twoTabs();
    b.store.getState().select('acct:111111111111/user:alice');
    await settle();
    change(a, 'changed in A');
    await settle();
    expect(b.store.getState().world?.title).toBe('changed in A');
    expect(b.store.getState().selectedId).toBe('acct:111111111111/user:alice');
    expect(b.store.getState().saveState.state).toBe('saved');
    // B follows without writing anything back: A is not disturbed.
    expect(a.store.getState().saveState.state).toBe('saved');
  });

  it('when both changed, the second tab stops saving and overwrites nothing', async () => {
    const { repository, a, b, id } = await twoTabs();
    change(b, 'B, not saved yet');
    change(a, 'A');
    await a.session.flush();
    await settle();
    expect(b.store.getState().saveState.state).toBe('conflict');
    expect((await repository.get(id))?.document.scenario.title).toBe('A');
    change(b, 'B again');
    await settle();
    expect((await repository.get(id))?.document.scenario.title).toBe('A');
  });

  it('the revision check alone catches a change the channel never announced', async () => {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const a = tab(repository, new Hub());
    const b = tab(repository, new Hub()); // another hub: B never hears A
    const created = await a.session.createWorkspace({ name: 'W', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    await b.session.openWorkspace(created.id);
    change(a, 'A');
    await settle();
    change(b, 'B');
    await settle();
    expect(b.store.getState().saveState.state).toBe('conflict');
    expect((await repository.get(created.id))?.document.scenario.title).toBe('A');
  });

  it("'Load the other tab's version' replaces this tab's world, one undo away", async () => {
    const { a, b } = await twoTabs();
    change(b, 'B');
    change(a, 'A');
    await a.session.flush();
    await settle();
    await b.session.resolveConflict('theirs', 'unused');
    expect(b.store.getState().world?.title).toBe('A');
    expect(b.store.getState().saveState.state).toBe('saved');
    b.store.getState().undo();
    expect(b.store.getState().world?.title).toBe('B');
  });

  it("'Keep mine as a copy' saves this tab's world as a new workspace and leaves the other's untouched", async () => {
    const { repository, a, b, id } = await twoTabs();
    change(b, 'B');
    change(a, 'A');
    await a.session.flush();
    await settle();
    await expect(b.session.openWorkspace(id)).rejects.toBeInstanceOf(ConflictPendingError);
    await b.session.resolveConflict('copy', 'W (copy)');
    const copy = b.store.getState().workspace;
    expect(copy?.name).toBe('W (copy)');
    expect((await repository.get(copy!.id))?.document.scenario.title).toBe('B');
    expect((await repository.get(id))?.document.scenario.title).toBe('A');
    change(b, 'B2');
    await settle();
    expect((await repository.get(copy!.id))?.document.scenario.title).toBe('B2');
    expect((await repository.list()).map((w) => w.name).sort()).toEqual(['W', 'W (copy)']);
  });

  it('a rename in one tab shows in the other', async () => {
    const { a, b, id } = await twoTabs();
    await a.session.renameWorkspace(id, 'Renamed');
    await settle();
    expect(b.store.getState().workspace?.name).toBe('Renamed');
    expect(b.store.getState().workspaces.map((w) => w.name)).toEqual(['Renamed']);
  });

  it('a workspace deleted in another tab while open here is told, and written again by the next change', async () => {
    const { repository, a, b, id } = await twoTabs();
    await a.session.deleteWorkspace(id, () => ({ name: 'Untitled world', document: { scenario: world('empty'), positions: {} }, view: EMPTY_VIEW }));
    await settle();
    expect(b.store.getState().workspaceNotices).toEqual([{ kind: 'deletedElsewhere', name: 'W' }]);
    change(b, 'kept');
    await settle();
    expect((await repository.get(id))?.document.scenario.title).toBe('kept');
  });
});

describe('deleting', () => {
  it('deleting the open workspace opens the most recent other one, or a new one when none is left', async () => {
    vi.useFakeTimers();
    const repository = new SharedRepository();
    const a = tab(repository);
    const replacement = () => ({ name: 'Untitled world', document: { scenario: world('empty'), positions: {} }, view: EMPTY_VIEW });
    const first = await a.session.createWorkspace({ name: 'first', document: { scenario: world('one'), positions: {} }, view: EMPTY_VIEW });
    await vi.advanceTimersByTimeAsync(5);
    const second = await a.session.createWorkspace({ name: 'second', document: { scenario: world('two'), positions: {} }, view: EMPTY_VIEW });
    await a.session.deleteWorkspace(second.id, replacement);
    expect(a.store.getState().workspace?.id).toBe(first.id);
    await a.session.deleteWorkspace(first.id, replacement);
    expect(a.store.getState().workspace?.name).toBe('Untitled world');
    expect(a.store.getState().world?.title).toBe('empty');
    expect(a.store.getState().workspaces.map((w) => w.name)).toEqual(['Untitled world']);
  });
});
