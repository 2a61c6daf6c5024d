import { describe, expect, it } from 'vitest';
import type { TrailEntry } from './trailSlice';
import { TRAIL_LIMIT } from './trailSlice';
import { createAppStore } from './index';

/** Only the id matters to the slice: it stores what runRequest hands it. */
const entry = (n: number) => ({ id: `event-${n}` }) as unknown as TrailEntry;

describe('the event log in the store', () => {
  it('appends in time order and keeps only the newest entries', () => {
    const store = createAppStore('en');
    for (let n = 1; n <= TRAIL_LIMIT + 2; n++) store.getState().appendTrail(entry(n));
    const { trail } = store.getState();
    expect(trail).toHaveLength(TRAIL_LIMIT);
    expect(trail[0]!.id).toBe('event-3');
    expect(trail[trail.length - 1]!.id).toBe(`event-${TRAIL_LIMIT + 2}`);
  });

  it('clears', () => {
    const store = createAppStore('en');
    store.getState().appendTrail(entry(1));
    store.getState().clearTrail();
    expect(store.getState().trail).toEqual([]);
  });
});
