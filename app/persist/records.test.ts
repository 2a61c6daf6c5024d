import { describe, expect, it } from 'vitest';
import { readSyncMessage } from './channel';
import { cleanName, readPositions, readView, readWorkspaceRecord } from './records';
import { compareAndSet } from './revisions';
import { EMPTY_VIEW, type WorkspaceRecord } from './schema';

const scenario = { format: 'iam-playground/scenario', version: 1, accounts: [] };

describe('readWorkspaceRecord', () => {
  it('reads a record as this version writes it', () => {
    const record = {
      id: 'w1',
      name: 'My first world',
      createdAt: 1,
      updatedAt: 2,
      revision: 3,
      document: { scenario, positions: { a: { x: 1, y: 2 } } },
      view: { selectedId: 'a', viewport: { x: 1, y: 2, zoom: 0.5 }, policyDrafts: { p: '{' } },
    };
    expect(readWorkspaceRecord(record)).toEqual(record);
  });

  it('refuses what is not a workspace: no id, no scenario outline', () => {
    expect(readWorkspaceRecord(null)).toBeNull();
    expect(readWorkspaceRecord({ id: '', document: { scenario } })).toBeNull();
    expect(readWorkspaceRecord({ id: 'w', document: { scenario: { format: 'other', version: 1, accounts: [] } } })).toBeNull();
    expect(readWorkspaceRecord({ id: 'w', document: { scenario: { ...scenario, accounts: {} } } })).toBeNull();
  });

  it('repairs damaged fields instead of trusting them', () => {
    const read = readWorkspaceRecord({ id: 'w', name: '   ', revision: -4, createdAt: 'yesterday', document: { scenario, positions: { a: { x: 'NaN', y: 1 }, b: { x: 0, y: 0 } } }, view: 'nope' });
    expect(read).toEqual({ id: 'w', name: 'w', createdAt: 0, updatedAt: 0, revision: 1, document: { scenario, positions: { b: { x: 0, y: 0 } } }, view: EMPTY_VIEW });
  });
});

describe('readView and readPositions', () => {
  it('drops a viewport that cannot be shown and drafts that are not text', () => {
    expect(readView({ selectedId: 5, viewport: { x: 0, y: 0, zoom: 0 }, policyDrafts: { a: 'x', b: 1 } })).toEqual({ selectedId: null, viewport: null, policyDrafts: { a: 'x' } });
    expect(readPositions([{ x: 1, y: 1 }])).toEqual({});
    expect(readPositions({ a: { x: Infinity, y: 0 } })).toEqual({});
  });
});

describe('cleanName', () => {
  it('trims, joins white space and caps the length; an empty name is no name', () => {
    expect(cleanName('  a \n b ')).toBe('a b');
    expect(cleanName('x'.repeat(150))).toHaveLength(100);
    expect(cleanName(' \t ')).toBeNull();
    expect(cleanName(7)).toBeNull();
  });
});

describe('compareAndSet', () => {
  const stored: WorkspaceRecord = { id: 'w', name: 'W', createdAt: 1, updatedAt: 5, revision: 4, document: { scenario: scenario as never, positions: {} }, view: EMPTY_VIEW };
  const next = { scenario: { ...scenario, title: 'new' } as never, positions: {} };

  it('writes over the revision the tab last read, and counts one more', () => {
    const result = compareAndSet(stored, 4, next, EMPTY_VIEW, 10);
    expect(result).toEqual({ ok: true, record: { ...stored, document: next, revision: 5, updatedAt: 10 } });
  });

  it('refuses to write over a revision another tab saved, and returns what it saved', () => {
    expect(compareAndSet(stored, 3, next, EMPTY_VIEW, 10)).toEqual({ ok: false, reason: 'conflict', stored });
  });

  it('says when the workspace is gone', () => {
    expect(compareAndSet(undefined, 4, next, EMPTY_VIEW, 10)).toEqual({ ok: false, reason: 'missing' });
  });

  it('never moves the time of the last change backwards (a clock set back)', () => {
    const result = compareAndSet(stored, 4, next, EMPTY_VIEW, 1);
    expect(result.ok && result.record.updatedAt).toBe(5);
  });
});

describe('readSyncMessage', () => {
  it('reads the messages of other tabs and ignores anything else', () => {
    expect(readSyncMessage({ type: 'saved', id: 'w', revision: 2 })).toEqual({ type: 'saved', id: 'w', revision: 2 });
    expect(readSyncMessage({ type: 'renamed', id: 'w', name: 'N' })).toEqual({ type: 'renamed', id: 'w', name: 'N' });
    expect(readSyncMessage({ type: 'deleted', id: 'w', extra: 1 })).toEqual({ type: 'deleted', id: 'w' });
    expect(readSyncMessage({ type: 'saved', id: 'w', revision: '2' })).toBeNull();
    expect(readSyncMessage({ type: 'wiped', id: 'w' })).toBeNull();
    expect(readSyncMessage('saved')).toBeNull();
  });
});

describe('keys from outside', () => {
  it('keeps a node id `__proto__` as a plain key (never the prototype)', () => {
    const positions = readPositions(JSON.parse('{"__proto__": {"x": 1, "y": 2}}'));
    expect(Object.getPrototypeOf(positions)).toBe(Object.prototype);
    expect(Object.keys(positions)).toEqual(['__proto__']);
  });
});
