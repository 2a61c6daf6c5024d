import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../engine/edit/apply';
import { worldGraph, type WorldNode } from '../world/graph';
import { carriedPositions, deleteEdit, renamedId, renameEdit, renameValue } from './nodeEdits';
import { TEST_WORLD } from './testWorld';

const graph = worldGraph(TEST_WORLD);
const node = (id: string) => graph.nodes.find((n) => n.id === id) as WorldNode;

describe('Delete', () => {
  it('deletes an entity with what refers to it, an account, an OU, an SCP or the organization', () => {
    expect(deleteEdit(node('acct:111111111111/user:alice'))).toEqual({ op: 'delete', ref: { account: '111111111111', kind: 'user', name: 'alice' } });
    expect(deleteEdit(node('acct:111111111111'))).toEqual({ op: 'deleteAccount', id: '111111111111' });
    expect(deleteEdit(node('org/ou:ou-abcd-dev00000'))).toEqual({ op: 'deleteOrgUnit', id: 'ou-abcd-dev00000' });
    expect(deleteEdit(node('org/scp:NoLeaving'))).toEqual({ op: 'deleteOrgPolicy', name: 'NoLeaving' });
    expect(deleteEdit(node('org'))).toEqual({ op: 'deleteOrganization' });
  });

  it('leaves alone what belongs to something else: a root user, a trust policy (its role), an AWS managed policy (AWS)', () => {
    expect(deleteEdit(node('acct:111111111111/root'))).toBeUndefined();
    expect(deleteEdit(node('acct:111111111111/role:Admin/trust'))).toBeUndefined();
  });

  it('each delete edit is one the engine applies (or refuses for an AWS rule, such as keeping one SCP on every target)', () => {
    for (const n of graph.nodes) {
      const edit = deleteEdit(n);
      if (!edit) continue;
      const result = applyEdit(TEST_WORLD, edit);
      expect(result.ok || ['lastScp', 'managementAccount'].includes(result.error.code), n.id).toBe(true);
    }
  });
});

describe('Rename', () => {
  it('edits the name, an account alias or a resource ARN', () => {
    expect(renameEdit(node('acct:111111111111/group:devs'), 'ops')).toEqual({ op: 'rename', ref: { account: '111111111111', kind: 'group', name: 'devs' }, newName: 'ops' });
    expect(renameEdit(node('acct:111111111111'), '')).toEqual({ op: 'updateAccount', id: '111111111111', alias: null });
    expect(renameValue(node('acct:222222222222'))).toBe('');
    expect(renameValue(node('acct:111111111111/res:arn:aws:s3:::bucket'))).toBe('arn:aws:s3:::bucket');
    expect(renameEdit(node('acct:111111111111/root'), 'x')).toBeUndefined();
  });

  it('gives the renamed node the id the world then has for it', () => {
    for (const [id, name] of [
      ['acct:111111111111/user:alice', 'alicia'],
      ['acct:111111111111/role:Admin', 'Boss'],
      ['acct:111111111111/policy:ReadBucket', 'ReadAll'],
      ['acct:111111111111/res:arn:aws:s3:::bucket', 'arn:aws:s3:::pail'],
      ['org/scp:NoLeaving', 'StayHere'],
    ] as const) {
      const result = applyEdit(TEST_WORLD, renameEdit(node(id), name)!);
      if (!result.ok) throw new Error(result.error.message);
      expect(worldGraph(result.world).nodes.some((n) => n.id === renamedId(node(id), name)), id).toBe(true);
    }
  });

  it("carries the saved places of a role and of its trust policy to the new ids, and a resource's policy with it", () => {
    const role = node('acct:111111111111/role:Admin');
    const positions = { 'acct:111111111111/role:Admin': { x: 1, y: 2 }, 'acct:111111111111/role:Admin/trust': { x: 3, y: 4 }, 'acct:111111111111/role:Administrators': { x: 9, y: 9 } };
    expect(carriedPositions(positions, role.id, renamedId(role, 'Boss'), role)).toEqual({ 'acct:111111111111/role:Boss': { x: 1, y: 2 }, 'acct:111111111111/role:Boss/trust': { x: 3, y: 4 } });
    const bucket = node('acct:111111111111/res:arn:aws:s3:::bucket');
    const to = renamedId(bucket, 'arn:aws:s3:::pail');
    expect(carriedPositions({ [bucket.id]: { x: 1, y: 1 }, 'acct:111111111111/resource:arn:aws:s3:::bucket': { x: 2, y: 2 } }, bucket.id, to, bucket)).toEqual({
      'acct:111111111111/res:arn:aws:s3:::pail': { x: 1, y: 1 },
      'acct:111111111111/resource:arn:aws:s3:::pail': { x: 2, y: 2 },
    });
  });
});
