import { describe, expect, it } from 'vitest';
import { AnalysisCancelled, createControl } from './control';

describe('the control of a long analysis', () => {
  it('reports progress and yields only once a time slice is used up', async () => {
    let now = 0;
    const progress: number[] = [];
    let yields = 0;
    const control = createControl({ clock: () => now, sliceMs: 40, onProgress: (p) => progress.push(p.done), yieldNow: async () => void yields++ });
    await control.step(1, 10);
    now = 39;
    await control.step(2, 10);
    expect([progress, yields]).toEqual([[], 0]);
    now = 41;
    await control.step(3, 10);
    expect([progress, yields]).toEqual([[3], 1]);
    now = 60;
    await control.step(4, 10);
    expect(progress).toEqual([3]);
  });

  it('stops at the next step once cancelled, even inside a slice', async () => {
    let cancelled = false;
    const control = createControl({ clock: () => 0, cancelled: () => cancelled, yieldNow: () => Promise.resolve() });
    await control.step(1, 2);
    cancelled = true;
    await expect(control.step(2, 2)).rejects.toBeInstanceOf(AnalysisCancelled);
  });
});
