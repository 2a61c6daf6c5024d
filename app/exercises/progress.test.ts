import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCurrentPack, readPackTextStored, readProgress, writeCurrentPack, writePackText, writeProgress } from './progress';

/** localStorage as the browser has it, in memory. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => vi.unstubAllGlobals());

describe('the classroom kept in this browser', () => {
  it('keeps the progress of each pack under its own id, and the open pack', () => {
    writeProgress('pack-a', { one: { hintsShown: 2, performed: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'allowed', caller: 'arn:aws:iam::111111111111:user/alice' }], workspaceId: 'w1', solvedAt: '2026-03-02T09:00:00.000Z' } }, 'one');
    writeProgress('pack-b', {}, null);
    writeCurrentPack('pack-a', { kind: 'url', url: 'https://teacher.example/a.json' });
    writePackText('pack-a', '{"format":"iam-playground/pack"}');

    expect(readProgress('pack-a')).toEqual({
      exercises: { one: { hintsShown: 2, performed: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'allowed', caller: 'arn:aws:iam::111111111111:user/alice' }], workspaceId: 'w1', solvedAt: '2026-03-02T09:00:00.000Z' } },
      active: 'one',
    });
    expect(readProgress('pack-b')).toEqual({ exercises: {}, active: null });
    expect(readCurrentPack()).toEqual({ id: 'pack-a', source: { kind: 'url', url: 'https://teacher.example/a.json' } });
    expect(readPackTextStored('pack-a')).toBe('{"format":"iam-playground/pack"}');
  });

  it('reads a stored value field by field: anything malformed or of another version is dropped, never spread into the store', () => {
    storage.setItem(
      'iam-playground.progress.p',
      JSON.stringify({
        version: 1,
        exercises: {
          ok: { hintsShown: -3, performed: [{ action: 'a', resource: 'r', decision: 'allowed' }, { action: 1 }], workspaceId: 7, evil: 'x', lastJudgement: { goals: 'no' } },
          bad: 'not an object',
        },
      }),
    );
    expect(readProgress('p')).toEqual({ exercises: { ok: { hintsShown: 0, performed: [{ action: 'a', resource: 'r', decision: 'allowed' }] } }, active: null });

    storage.setItem('iam-playground.progress.q', JSON.stringify({ version: 2, exercises: { x: { hintsShown: 1 } } }));
    expect(readProgress('q').exercises).toEqual({});
    storage.setItem('iam-playground.progress.r', '{not json');
    expect(readProgress('r').exercises).toEqual({});
    storage.setItem('iam-playground.classroom', JSON.stringify({ version: 1, id: 'x', source: { kind: 'ftp', url: 'x' } }));
    expect(readCurrentPack()).toBeUndefined();
  });

  it('works without storage: nothing is remembered, nothing throws', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    });
    expect(() => writeProgress('p', {}, null)).not.toThrow();
    expect(readProgress('p')).toEqual({ exercises: {}, active: null });
    expect(readCurrentPack()).toBeUndefined();
  });
});
