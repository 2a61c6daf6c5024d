import dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { runDagre, type Box, type Size } from './layout';

/** dagre's own answer, shifted to the origin as runDagre shifts it. */
function byDagre(ids: readonly string[], size: (id: string) => Size): Map<string, Box> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 48, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { ...size(id) });
  dagre.layout(g);
  const raw = ids.map((id) => {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    return [id, { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height }] as const;
  });
  const minX = Math.min(...raw.map(([, b]) => b.x));
  const minY = Math.min(...raw.map(([, b]) => b.y));
  return new Map(raw.map(([id, b]) => [id, { ...b, x: b.x - minX, y: b.y - minY }]));
}

describe('the top level without links', () => {
  it('is laid out as dagre lays it out: one rank, side by side, centred on the rank', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const ids = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => `box${i}`);
      const sizes = new Map(ids.map((id) => [id, { width: 200 + Math.round(random() * 1400), height: 100 + Math.round(random() * 900) }]));
      const size = (id: string) => sizes.get(id) as Size;
      const ours = runDagre({ ids, edges: [], size, rankdir: 'TB', ranksep: 48 });
      const theirs = byDagre(ids, size);
      for (const id of ids) {
        const a = ours.get(id) as Box;
        const b = theirs.get(id) as Box;
        expect(a.x).toBeCloseTo(b.x, 6);
        expect(a.y).toBeCloseTo(b.y, 6);
        expect([a.width, a.height]).toEqual([b.width, b.height]);
      }
    }
  });

  it('still goes to dagre once a link joins two of its nodes', () => {
    const size = () => ({ width: 100, height: 50 });
    const boxes = runDagre({ ids: ['policy', 'account'], edges: [['policy', 'account']], size, rankdir: 'TB', ranksep: 48 });
    // Ranked: the policy above what it applies to.
    expect((boxes.get('policy') as Box).y).toBeLessThan((boxes.get('account') as Box).y);
  });
});
