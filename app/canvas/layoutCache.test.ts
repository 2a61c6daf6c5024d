import { describe, expect, it } from 'vitest';
import { worldGraph } from '../world/graph';
import { placementOf } from './layoutCache';
import { TEST_WORLD } from './testWorld';

describe('placementOf', () => {
  it('hands back the same placement once the canvas saved what it computed (nothing to derive again)', () => {
    const graph = worldGraph(TEST_WORLD);
    const first = placementOf(graph, {});
    expect(first.automatic).toBe(true);
    const saved = { ...first.computed };
    expect(placementOf(graph, saved)).toBe(first);
  });

  it('places again when a node moved', () => {
    const graph = worldGraph(TEST_WORLD);
    const first = placementOf(graph, {});
    const saved = placementOf(graph, { ...first.computed });
    const moved = placementOf(graph, { ...first.computed, 'acct:111111111111/user:bob': { x: 700, y: 700 } });
    expect(moved).not.toBe(saved);
    expect(moved.rel.get('acct:111111111111/user:bob')).toEqual({ x: 700, y: 700 });
  });
});
