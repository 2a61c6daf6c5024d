import { describe, expect, it } from 'vitest';
import type { Positions } from '../store/worldSlice';
import { worldGraph } from '../world/graph';
import { HEADER, layoutWorld, NODE_HEIGHT, NODE_WIDTH, PAD, type Box } from '../world/layout';
import { alignedSpot, freeSpot, grownBoxes, nodeAt, Occupancy, placeNew, placeNodes } from './placement';
import { TEST_WORLD } from './testWorld';

const graph = worldGraph(TEST_WORLD);
const auto = () => layoutWorld(graph);
const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('placeNodes', () => {
  it('uses the automatic layout while nothing of the world was placed, and offers all of it to save', () => {
    const placed = placeNodes(graph, {}, auto);
    expect(placed.automatic).toBe(true);
    expect(Object.keys(placed.computed).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    // A frozen copy of it draws the same picture.
    const again = placeNodes(graph, placed.computed, () => {
      throw new Error('no layout needed');
    });
    expect(again.automatic).toBe(false);
    expect(Object.keys(again.computed)).toEqual([]);
    for (const id of placed.order) expect(again.abs.get(id), id).toEqual(placed.abs.get(id));
  });

  it('puts every box before what it holds and each node at its box plus its own position', () => {
    const placed = placeNodes(graph, {}, auto);
    const seen = new Set<string>();
    for (const id of placed.order) {
      const parent = placed.parentOf.get(id);
      if (parent !== undefined) {
        expect(seen.has(parent), id).toBe(true);
        const box = placed.abs.get(parent)!;
        expect(placed.abs.get(id)!.x).toBe(box.x + placed.rel.get(id)!.x);
      }
      seen.add(id);
    }
  });

  it('keeps saved positions, puts a node without one at a free spot beside what it is linked to, and grows the box to fit', () => {
    const frozen = placeNodes(graph, {}, auto).computed;
    const { 'acct:111111111111/group:devs': _group, ...rest } = frozen;
    const far: Positions = { ...rest, 'acct:111111111111/user:bob': { x: 2000, y: 1500 } };
    const placed = placeNodes(graph, far, auto);
    expect(Object.keys(placed.computed)).toEqual(['acct:111111111111/group:devs']);
    const account = placed.size.get('acct:111111111111')!;
    expect(account.width).toBe(2000 + NODE_WIDTH + PAD);
    expect(account.height).toBe(1500 + NODE_HEIGHT + PAD);
    const siblings = placed.children.get('acct:111111111111')!.map((id) => placed.abs.get(id)!);
    for (const a of siblings) for (const b of siblings) if (a !== b) expect(apart(a, b)).toBe(true);
    // Linked to alice (a member): a group goes left of its member.
    const group = placed.rel.get('acct:111111111111/group:devs')!;
    const alice = placed.rel.get('acct:111111111111/user:alice')!;
    expect(Math.hypot(group.x - alice.x, group.y - alice.y)).toBeLessThan(3 * NODE_WIDTH);
  });

  it('never draws a node above its box title or left of its padding', () => {
    const frozen = placeNodes(graph, {}, auto).computed;
    const placed = placeNodes(graph, { ...frozen, 'acct:111111111111/user:bob': { x: -300, y: -40 } }, auto);
    expect(placed.rel.get('acct:111111111111/user:bob')).toEqual({ x: PAD, y: HEADER });
  });

  it('places saved entities in linear time (8,000 in a blink, not seconds)', () => {
    const users = Array.from({ length: 8000 }, (_, i) => ({ name: `u${i}` }));
    const big = worldGraph({ format: 'iam-playground/scenario', version: 1, accounts: [{ id: '111111111111', users }] });
    const positions: Record<string, { x: number; y: number }> = {};
    big.nodes.forEach((n, i) => (positions[n.id] = { x: PAD + (i % 40) * 230, y: HEADER + Math.floor(i / 40) * 80 }));
    // The best of three runs: this machine is shared, one run may wait for another process.
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const placed = placeNodes(big, positions, () => {
        throw new Error('no layout needed');
      });
      best = Math.min(best, performance.now() - started);
      expect(placed.order.length).toBe(big.nodes.length);
    }
    // Linear: tens of milliseconds on an idle machine; a quadratic step would take many seconds here.
    expect(best).toBeLessThan(3000);
  });
});

describe('while dragging', () => {
  it('grows the box, and the boxes around it, to fit the dragged node', () => {
    const placed = placeNodes(graph, {}, auto);
    const grown = grownBoxes(placed, new Map([['acct:222222222222/user:carol', { x: 3000, y: 100 }]]));
    expect(grown.get('acct:222222222222')?.width).toBe(3000 + NODE_WIDTH + PAD);
    expect(grown.get('org/ou:ou-abcd-dev00000')!.width).toBeGreaterThan(3000);
    expect(grown.get('org')!.width).toBeGreaterThan(3000);
  });

  it('finds the card under the pointer before the box around it, and the innermost box, but never the dragged node or what it holds', () => {
    const placed = placeNodes(graph, {}, auto);
    const centre = (id: string) => {
      const b = placed.abs.get(id)!;
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    expect(nodeAt(placed, centre('acct:111111111111/group:devs'))).toBe('acct:111111111111/group:devs');
    const team = placed.abs.get('org/ou:ou-abcd-team0000')!;
    expect(nodeAt(placed, { x: team.x + 5, y: team.y + 5 })).toBe('org/ou:ou-abcd-team0000');
    expect(nodeAt(placed, { x: team.x + 5, y: team.y + 5 }, 'org/ou:ou-abcd-dev00000')).toBe('org');
    expect(nodeAt(placed, centre('acct:111111111111/group:devs'), 'acct:111111111111/group:devs')).toBe('acct:111111111111');
  });
});

describe('a new node', () => {
  it('goes to the free spot nearest where the learner asked, inside its box', () => {
    const placed = placeNodes(graph, {}, auto);
    const box = placed.abs.get('acct:111111111111')!;
    const alice = placed.abs.get('acct:111111111111/user:alice')!;
    const at = placeNew(placed, 'acct:111111111111', { width: NODE_WIDTH, height: NODE_HEIGHT }, { x: alice.x + 10, y: alice.y + 10 });
    const spot = { x: box.x + at.x, y: box.y + at.y, width: NODE_WIDTH, height: NODE_HEIGHT };
    for (const id of placed.children.get('acct:111111111111')!) expect(apart(spot, placed.abs.get(id)!), id).toBe(true);
    expect(Math.hypot(spot.x - alice.x, spot.y - alice.y)).toBeLessThan(2 * NODE_WIDTH);
    expect(at.x).toBeGreaterThanOrEqual(PAD);
    expect(at.y).toBeGreaterThanOrEqual(HEADER);
  });

  it('asked for far outside its box, still lands inside it', () => {
    const placed = placeNodes(graph, {}, auto);
    const at = placeNew(placed, 'acct:333333333333', { width: NODE_WIDTH, height: NODE_HEIGHT }, { x: -5000, y: -5000 });
    expect(at.x).toBeGreaterThanOrEqual(PAD);
    expect(at.y).toBeGreaterThanOrEqual(HEADER);
  });

  it('freeSpot skips occupied places', () => {
    const occupied = new Occupancy();
    occupied.add({ x: 0, y: 0, width: 100, height: 100 });
    const p = freeSpot(occupied, { width: 100, height: 100 }, { x: 0, y: 0 }, { x: 0, y: 0 });
    expect(apart({ ...p, width: 100, height: 100 }, { x: 0, y: 0, width: 100, height: 100 })).toBe(true);
  });
});

describe('lining up', () => {
  it('moves a free spot level with a nearby sibling when that spot is free too', () => {
    const siblings = [{ x: 16, y: 48, width: NODE_WIDTH, height: NODE_HEIGHT }];
    const occupied = new Occupancy();
    for (const b of siblings) occupied.add(b);
    expect(alignedSpot({ x: 30, y: 130 }, { width: NODE_WIDTH, height: NODE_HEIGHT }, siblings, occupied, { x: PAD, y: HEADER })).toEqual({ x: 16, y: 130 });
    expect(alignedSpot({ x: 260, y: 60 }, { width: NODE_WIDTH, height: NODE_HEIGHT }, siblings, occupied, { x: PAD, y: HEADER })).toEqual({ x: 260, y: 48 });
  });
});
