import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../engine/edit/apply';
import type { WorldEdit } from '../../engine/edit/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph, type WorldGraph, type WorldNode } from '../world/graph';
import { dropTargets, pickerChoices, relationOf, relationOnDrop } from './relations';
import { TEST_WORLD } from './testWorld';

const graph = worldGraph(TEST_WORLD);
const node = (id: string, g: WorldGraph = graph): WorldNode => {
  const found = g.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const drop = (from: string, to: string) => relationOnDrop(graph, node(from), node(to));

/** Applies the edit with the engine and returns the new world's graph: the relation must then be drawn. */
function applied(edit: WorldEdit): WorldGraph {
  const result = applyEdit(TEST_WORLD, edit);
  if (!result.ok) throw new Error(result.error.message);
  return worldGraph(result.world as ScenarioJson);
}

const alice = 'acct:111111111111/user:alice';
const bob = 'acct:111111111111/user:bob';
const carol = 'acct:222222222222/user:carol';
const devs = 'acct:111111111111/group:devs';
const admin = 'acct:111111111111/role:Admin';
const reader = 'acct:222222222222/role:Reader';
const read = 'acct:111111111111/policy:ReadBucket';
const theirs = 'acct:222222222222/policy:Theirs';
const scp = 'org/scp:FullAWSAccess';

describe('dropping a node onto another', () => {
  it('a user onto a group of its account joins it (and the membership edge appears)', () => {
    const r = drop(bob, devs);
    expect(r).toMatchObject({ kind: 'member', exists: false, edit: { op: 'addUserToGroup', account: '111111111111', user: 'bob', group: 'devs' } });
    expect(applied(r!.edit).edges.some((e) => e.id === `member:${devs}->${bob}`)).toBe(true);
  });

  it('a group dropped onto a user reads the same way round', () => {
    expect(drop(devs, bob)?.edit).toEqual({ op: 'addUserToGroup', account: '111111111111', user: 'bob', group: 'devs' });
  });

  it('a user cannot join a group of another account', () => {
    expect(drop(carol, devs)).toBeUndefined();
  });

  it('an existing membership is a relation that exists (not offered as a target)', () => {
    expect(drop(alice, devs)?.exists).toBe(true);
    expect(dropTargets(graph, node(alice)).has(devs)).toBe(false);
    expect(dropTargets(graph, node(bob)).has(devs)).toBe(true);
  });

  it("a customer managed policy onto a principal of its account is attached by name, and the attachment edge appears", () => {
    const r = drop(read, bob);
    expect(r?.edit).toEqual({ op: 'attachPolicy', target: { account: '111111111111', kind: 'user', name: 'bob' }, policy: 'ReadBucket' });
    expect(applied(r!.edit).edges.some((e) => e.id === `attached:${read}->${bob}`)).toBe(true);
  });

  it("another account's policy is named by its ARN", () => {
    expect(drop(theirs, bob)?.edit).toEqual({ op: 'attachPolicy', target: { account: '111111111111', kind: 'user', name: 'bob' }, policy: 'arn:aws:iam::222222222222:policy/Theirs' });
  });

  it('a principal onto a role is trusted by the role (by its ARN), and the trust edge appears', () => {
    const r = drop(bob, admin);
    expect(r).toMatchObject({ kind: 'trust', edit: { op: 'trustPrincipal', account: '111111111111', role: 'Admin', principal: 'arn:aws:iam::111111111111:user/bob' } });
    expect(applied(r!.edit).edges.some((e) => e.id === `canAssume:${bob}->${admin}`)).toBe(true);
  });

  it("an account's root user onto a role of another account: cross-account trust of the whole account", () => {
    expect(drop('acct:111111111111/root', reader)?.edit).toEqual({ op: 'trustPrincipal', account: '222222222222', role: 'Reader', principal: 'arn:aws:iam::111111111111:root' });
    expect(drop('acct:222222222222/root', reader)?.exists).toBe(true);
  });

  it('a role dropped onto a role is trusted by the target (role chaining); dropped onto a user, the user may assume it', () => {
    expect(drop(reader, admin)?.edit).toMatchObject({ op: 'trustPrincipal', role: 'Admin', principal: 'arn:aws:iam::222222222222:role/Reader' });
    expect(drop(admin, carol)?.edit).toMatchObject({ op: 'trustPrincipal', role: 'Admin', principal: 'arn:aws:iam::222222222222:user/carol' });
  });

  it('an SCP onto the root, an OU or an account of the organization is attached there; an account outside it is no target', () => {
    const r = drop('org/scp:NoLeaving', 'org/ou:ou-abcd-team0000');
    expect(r?.edit).toEqual({ op: 'attachOrgPolicy', name: 'NoLeaving', target: 'ou-abcd-team0000' });
    expect(applied(r!.edit).edges.some((e) => e.id === 'scp:org/scp:NoLeaving->org/ou:ou-abcd-team0000')).toBe(true);
    expect(drop('org/scp:NoLeaving', 'org')?.edit).toEqual({ op: 'attachOrgPolicy', name: 'NoLeaving', target: 'r-abcd' });
    expect(drop(scp, 'acct:222222222222')?.exists).toBe(true);
    expect(drop(scp, 'acct:333333333333')).toBeUndefined();
  });

  it('an account dropped into an OU moves there; an OU cannot go into its own child', () => {
    expect(drop('acct:333333333333', 'org/ou:ou-abcd-dev00000')?.edit).toEqual({ op: 'moveAccount', account: '333333333333', parent: 'ou-abcd-dev00000' });
    expect(drop('acct:222222222222', 'org/ou:ou-abcd-dev00000')?.exists).toBe(true);
    expect(drop('org/ou:ou-abcd-team0000', 'org')?.edit).toEqual({ op: 'moveOrgUnit', id: 'ou-abcd-team0000', parent: 'r-abcd' });
    expect(drop('org/ou:ou-abcd-dev00000', 'org/ou:ou-abcd-team0000')).toBeUndefined();
  });

  it('two nodes that have nothing to do with each other make nothing', () => {
    expect(drop(alice, bob)).toBeUndefined();
    expect(drop('acct:111111111111/res:arn:aws:s3:::bucket', read)).toBeUndefined();
  });
});

describe('the pickers of the menu', () => {
  it('"Attach policy…" on a user offers the managed policies not yet attached', () => {
    const offered = pickerChoices(graph, 'attach', node(bob), 'to').map((c) => c.node.id);
    expect(offered).toContain(read);
    expect(offered).toContain(theirs);
    expect(offered).not.toContain(scp);
  });

  it('"Set permissions boundary…" applies to users and roles, never groups', () => {
    expect(relationOf(graph, 'boundary', node(read), node(bob))?.edit).toEqual({ op: 'setPermissionsBoundary', target: { account: '111111111111', kind: 'user', name: 'bob' }, policy: 'ReadBucket' });
    expect(relationOf(graph, 'boundary', node(read), node(devs))).toBeUndefined();
  });

  it('"Add to group…" on a user offers the groups of its account it is not in', () => {
    expect(pickerChoices(graph, 'member', node(bob), 'from').map((c) => c.node.id)).toEqual([devs]);
    expect(pickerChoices(graph, 'member', node(alice), 'from')).toEqual([]);
  });
});
