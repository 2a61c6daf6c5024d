import { describe, expect, it } from 'vitest';
import { worldGraph, type WorldNode } from '../world/graph';
import { layoutWorld } from '../world/layout';
import { dropOf } from './drop';
import { placeNodes } from './placement';
import { TEST_WORLD } from './testWorld';

const graph = worldGraph(TEST_WORLD);
const placed = placeNodes(graph, {}, () => layoutWorld(graph));
const node = (id: string) => graph.nodes.find((n) => n.id === id) as WorldNode;
const centre = (id: string) => {
  const b = placed.abs.get(id)!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
const bob = 'acct:111111111111/user:bob';

describe('letting go of a dragged node', () => {
  it('over a node it can be linked with: the relation (the dragged node then returns)', () => {
    const drop = dropOf(graph, placed, node(bob), { x: 0, y: 0 }, centre('acct:111111111111/group:devs'));
    expect(drop).toMatchObject({ type: 'relate', relation: { edit: { op: 'addUserToGroup', user: 'bob', group: 'devs' } } });
  });

  it('over an empty spot of its own box: a move there', () => {
    const box = placed.abs.get('acct:111111111111')!;
    const at = { x: 40, y: 300 };
    expect(dropOf(graph, placed, node(bob), at, { x: box.x + box.width - 5, y: box.y + box.height - 5 })).toEqual({ type: 'move', at });
  });

  it('outside its box with nothing to link to: back to where it was', () => {
    expect(dropOf(graph, placed, node(bob), { x: 9000, y: 9000 }, { x: -9000, y: -9000 })).toEqual({ type: 'return' });
  });

  it('an account over another OU moves there, landing where it was dropped', () => {
    const team = placed.abs.get('org/ou:ou-abcd-team0000')!;
    const account = placed.abs.get('acct:111111111111')!;
    const pointer = { x: team.x + 30, y: team.y + 60 };
    const rel = { x: team.x + 20 - placed.abs.get('org')!.x, y: team.y + 50 - placed.abs.get('org')!.y };
    const drop = dropOf(graph, placed, node('acct:111111111111'), rel, pointer);
    expect(drop).toMatchObject({ type: 'relate', relation: { edit: { op: 'moveAccount', account: '111111111111', parent: 'ou-abcd-team0000' } }, place: { id: 'acct:111111111111', at: { x: 20, y: 50 } } });
    expect(account).toBeDefined();
  });

  it('an account dragged out of the organization leaves it; an OU dragged out goes back', () => {
    const far = { x: -5000, y: -5000 };
    expect(dropOf(graph, placed, node('acct:222222222222'), far, far)).toMatchObject({ type: 'leaveOrganization', edit: { op: 'removeAccountFromOrganization', account: '222222222222' } });
    expect(dropOf(graph, placed, node('org/ou:ou-abcd-team0000'), far, far)).toEqual({ type: 'return' });
  });
});
