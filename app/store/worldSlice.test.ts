/**
 * The world's undo history: every change of the document is one step back, the selection
 * is not, a refused edit changes nothing, and a drag is one step however many moves it has.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../engine/scenario/types';
import { useAppStore } from './index';
import { HISTORY_LIMIT } from './worldSlice';

const empty: ScenarioJson = { format: 'iam-playground/scenario', version: 1, accounts: [{ id: '111122223333' }] };
const store = () => useAppStore.getState();

function userNames(): string[] {
  return (store().world?.accounts[0]?.users ?? []).map((u) => u.name);
}

beforeEach(() => {
  store().openDocument({ scenario: empty, positions: {} });
});

describe('undo and redo of the world', () => {
  it('undoes and redoes an edit, and a new edit clears what could be redone', () => {
    expect(store().applyEdit({ op: 'createUser', account: '111122223333', name: 'alice' }).ok).toBe(true);
    expect(store().applyEdit({ op: 'createUser', account: '111122223333', name: 'bob' }).ok).toBe(true);
    expect(userNames()).toEqual(['alice', 'bob']);
    store().undo();
    expect(userNames()).toEqual(['alice']);
    store().undo();
    expect(userNames()).toEqual([]);
    store().redo();
    expect(userNames()).toEqual(['alice']);
    expect(store().future).toHaveLength(1);
    store().applyEdit({ op: 'createUser', account: '111122223333', name: 'carol' });
    expect(store().future).toHaveLength(0);
    expect(userNames()).toEqual(['alice', 'carol']);
  });

  it('a refused edit changes nothing, adds no step and says why', () => {
    store().applyEdit({ op: 'createUser', account: '111122223333', name: 'alice' });
    const before = store().world;
    const result = store().applyEdit({ op: 'createUser', account: '111122223333', name: 'ALICE' });
    expect(result.ok).toBe(false);
    expect(store().world).toBe(before);
    expect(store().past).toHaveLength(1);
    expect(store().lastEditError?.code).toBe('nameTaken');
  });

  it('applies several edits as one step, or none of them when one is refused', () => {
    const ok = store().applyEdits([
      { op: 'createUser', account: '111122223333', name: 'alice' },
      { op: 'createGroup', account: '111122223333', name: 'devs' },
      { op: 'addUserToGroup', account: '111122223333', user: 'alice', group: 'devs' },
    ]);
    expect(ok.ok).toBe(true);
    expect(store().past).toHaveLength(1);
    const refused = store().applyEdits([
      { op: 'createUser', account: '111122223333', name: 'bob' },
      { op: 'addUserToGroup', account: '111122223333', user: 'bob', group: 'nobody' },
    ]);
    expect(refused.ok).toBe(false);
    expect(userNames()).toEqual(['alice']);
    store().undo();
    expect(userNames()).toEqual([]);
  });

  it('the selection is not part of the history', () => {
    store().applyEdit({ op: 'createUser', account: '111122223333', name: 'alice' });
    store().select('acct:111122223333/user:alice');
    store().undo();
    expect(store().selectedId).toBe('acct:111122223333/user:alice');
  });

  it('one drag is one step, and positions the layout computed are no step at all', () => {
    store().movePositions({ a: { x: 0, y: 0 } }, { undoable: false });
    expect(store().past).toHaveLength(0);
    for (let i = 1; i <= 5; i++) store().movePositions({ a: { x: i, y: i } }, { mergeKey: 'drag:a:1' });
    expect(store().past).toHaveLength(1);
    store().movePositions({ a: { x: 50, y: 50 } }, { mergeKey: 'drag:a:2' });
    expect(store().past).toHaveLength(2);
    store().undo();
    expect(store().positions.a).toEqual({ x: 5, y: 5 });
    store().undo();
    expect(store().positions.a).toEqual({ x: 0, y: 0 });
    store().redo();
    expect(store().positions.a).toEqual({ x: 5, y: 5 });
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store().movePositions({ a: { x: i, y: 0 } });
    expect(store().past).toHaveLength(HISTORY_LIMIT);
  });

  it('opening another document starts a new history, unless the opening is itself undoable (an import)', () => {
    store().applyEdit({ op: 'createUser', account: '111122223333', name: 'alice' });
    const other: ScenarioJson = { format: 'iam-playground/scenario', version: 1, accounts: [] };
    store().openDocument({ scenario: other, positions: {} }, { keepHistory: true });
    expect(store().world).toBe(other);
    store().undo();
    expect(userNames()).toEqual(['alice']);
    store().openDocument({ scenario: other, positions: {} });
    expect(store().past).toHaveLength(0);
  });

  it('counts every change of the document in `revision` (autosave follows it)', () => {
    const start = store().revision;
    store().applyEdit({ op: 'createUser', account: '111122223333', name: 'alice' });
    store().undo();
    store().redo();
    store().select(null);
    expect(store().revision).toBe(start + 3);
  });
});

describe('merging steps', () => {
  it('typing with short pauses is one step; after the window, or after an undo, a new one', () => {
    const edit = (name: string) => store().applyEdit({ op: 'setTitle', title: name }, { mergeKey: 'typing:x', mergeWithinMs: 60_000 });
    edit('a');
    edit('ab');
    edit('abc');
    expect(store().past).toHaveLength(1);
    store().undo();
    expect(store().world?.title).toBeUndefined();
    store().redo();
    edit('abcd');
    expect(store().past).toHaveLength(2);
    store().applyEdit({ op: 'setTitle', title: 'z' }, { mergeKey: 'typing:x', mergeWithinMs: -1 });
    expect(store().past).toHaveLength(3);
  });
});
