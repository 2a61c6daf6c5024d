/** Group membership, managed policy attachments, permissions boundaries and inline policies. */
import { describe, expect, it } from 'vitest';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';

const world = sampleWorld();
const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };

describe('group membership', () => {
  it('adds and removes a user', () => {
    const added = mustApply(world, { op: 'createGroup', account: A, name: 'ops' }, { op: 'addUserToGroup', account: A, user: 'bob', group: 'ops' });
    expect(added.accounts[0]!.users![1]!.groups).toEqual(['ops']);
    expect(mustApply(added, { op: 'removeUserFromGroup', account: A, user: 'bob', group: 'ops' }).accounts[0]!.users![1]!.groups).toEqual([]);
  });
  it('refuses a second membership, a missing one, and a group of another account', () => {
    expect(refusal(world, { op: 'addUserToGroup', account: A, user: 'alice', group: 'devs' })).toMatchObject({ code: 'alreadyMember', path: '$.accounts[0].users[0].groups', field: 'group', params: { user: 'alice', group: 'devs' } });
    expect(refusal(world, { op: 'removeUserFromGroup', account: A, user: 'bob', group: 'devs' })).toMatchObject({ code: 'notMember', params: { user: 'bob', group: 'devs' } });
    expect(refusal(world, { op: 'addUserToGroup', account: B, user: 'carol', group: 'devs' })).toMatchObject({ code: 'notFound', field: 'group', params: { what: 'group', name: 'devs', account: B } });
  });
});

describe('managed policies', () => {
  const bob = { account: A, kind: 'user', name: 'bob' } as const;
  it('attaches a policy of the account by name and an AWS managed policy by ARN', () => {
    const next = mustApply(
      world,
      { op: 'attachPolicy', target: bob, policy: 'S3Read' },
      { op: 'attachPolicy', target: bob, policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    );
    expect(next.accounts[0]!.users![1]!.managedPolicies).toEqual(['S3Read', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(worldFaults(next)).toEqual([]);
  });
  it('Managed policies and inline policies: a customer managed policy attaches only to principals of its own account', () => {
    const carol = { account: B, kind: 'user', name: 'carol' } as const;
    expect(refusal(world, { op: 'attachPolicy', target: carol, policy: `arn:aws:iam::${A}:policy/guard/Boundary` })).toMatchObject({ code: 'notFound', field: 'policy' });
    expect(refusal(world, { op: 'setPermissionsBoundary', target: carol, policy: `arn:aws:iam::${A}:policy/guard/Boundary` })).toMatchObject({ code: 'notFound' });
  });
  it('a policy attached by name is the same policy as by ARN', () => {
    expect(refusal(world, { op: 'attachPolicy', target: { account: A, kind: 'user', name: 'alice' }, policy: `arn:aws:iam::${A}:policy/S3Read` })).toMatchObject({
      code: 'alreadyAttached',
      path: '$.accounts[0].users[0].managedPolicies[0]',
      params: { policy: 'S3Read', target: 'alice' },
    });
    const detached = mustApply(world, { op: 'detachPolicy', target: { account: A, kind: 'user', name: 'alice' }, policy: `arn:aws:iam::${A}:policy/S3Read` });
    expect(detached.accounts[0]!.users![0]!.managedPolicies).toEqual([]);
  });
  it('a customer managed policy\'s ARN includes its path (IAM finds no policy under another path)', () => {
    expect(refusal(world, { op: 'attachPolicy', target: bob, policy: `arn:aws:iam::${A}:policy/Boundary` })).toMatchObject({ code: 'notFound', field: 'policy', params: { name: `arn:aws:iam::${A}:policy/Boundary` } });
    mustApply(world, { op: 'attachPolicy', target: bob, policy: `arn:aws:iam::${A}:policy/guard/Boundary` });
  });
  it('refuses a policy the world does not define, a malformed ARN, and detaching what is not attached', () => {
    expect(refusal(world, { op: 'attachPolicy', target: bob, policy: 'Nope' })).toMatchObject({ code: 'notFound', field: 'policy', path: '$.accounts[0].policies' });
    expect(refusal(world, { op: 'attachPolicy', target: bob, policy: 'arn:aws:s3:::bucket' })).toMatchObject({ code: 'arnInvalid', field: 'policy' });
    expect(refusal(world, { op: 'attachPolicy', target: bob, policy: 'arn:aws:iam::999999999999:policy/X' }).code).toBe('notFound');
    expect(refusal(world, { op: 'detachPolicy', target: bob, policy: 'S3Read' })).toMatchObject({ code: 'notAttached', params: { policy: 'S3Read', target: 'bob' } });
  });
});

describe('permissions boundaries', () => {
  it('sets a managed policy as a user\'s or role\'s boundary, and removes it with null', () => {
    const set = mustApply(world, { op: 'setPermissionsBoundary', target: { account: A, kind: 'user', name: 'bob' }, policy: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    expect(set.accounts[0]!.users![1]!.permissionsBoundary).toBe('arn:aws:iam::aws:policy/PowerUserAccess');
    const removed = mustApply(world, { op: 'setPermissionsBoundary', target: { account: A, kind: 'role', name: 'Auditor' }, policy: null });
    expect(removed.accounts[0]!.roles![0]).not.toHaveProperty('permissionsBoundary');
    expect(mustApply(removed, { op: 'setPermissionsBoundary', target: { account: A, kind: 'role', name: 'Auditor' }, policy: null })).toBe(removed);
  });
  it('refuses a boundary policy that does not exist', () => {
    expect(refusal(world, { op: 'setPermissionsBoundary', target: { account: A, kind: 'user', name: 'bob' }, policy: 'Missing' }).code).toBe('notFound');
  });
});

describe('inline policies', () => {
  const alice = { account: A, kind: 'user', name: 'alice' } as const;
  const bob = { account: A, kind: 'user', name: 'bob' } as const;
  it('puts (adds or replaces), renames in place and deletes', () => {
    const put = mustApply(world, { op: 'putInlinePolicy', owner: bob, name: 'Extra', document: DOC }, { op: 'putInlinePolicy', owner: bob, name: 'Own', document: DOC });
    expect(Object.keys(put.accounts[0]!.users![1]!.inlinePolicies!)).toEqual(['Own', 'Extra']);
    expect(put.accounts[0]!.users![1]!.inlinePolicies!['Own']).toEqual(DOC);
    const renamed = mustApply(put, { op: 'renameInlinePolicy', owner: bob, name: 'Own', newName: 'Mine' });
    expect(Object.keys(renamed.accounts[0]!.users![1]!.inlinePolicies!)).toEqual(['Mine', 'Extra']);
    expect(mustApply(renamed, { op: 'deleteInlinePolicy', owner: bob, name: 'Mine' }).accounts[0]!.users![1]!.inlinePolicies).toEqual({ Extra: DOC });
  });
  it('an inline policy name is unique for its owner', () => {
    const put = mustApply(world, { op: 'putInlinePolicy', owner: bob, name: 'Extra', document: DOC });
    expect(refusal(put, { op: 'renameInlinePolicy', owner: bob, name: 'Extra', newName: 'Own' })).toMatchObject({ code: 'nameTaken', field: 'newName' });
  });
  it('refuses an inline policy that is not there, and a document that is not an object', () => {
    expect(refusal(world, { op: 'deleteInlinePolicy', owner: alice, name: 'Own' })).toMatchObject({ code: 'notFound', path: '$.accounts[0].users[0].inlinePolicies' });
    expect(refusal(world, { op: 'putInlinePolicy', owner: alice, name: 'P', document: 42 })).toMatchObject({ code: 'documentInvalid', path: '$.accounts[0].users[0].inlinePolicies["P"]' });
  });
});

describe('setDocument', () => {
  it('replaces the document of a managed, inline, trust, resource or organization policy', () => {
    const next = mustApply(world, { op: 'setDocument', ref: { kind: 'managed', account: A, name: 'S3Read' }, document: DOC });
    expect(next.accounts[0]!.policies![0]!.document).toEqual(DOC);
    expect(next.accounts[0]!.policies![1]).toBe(world.accounts[0]!.policies![1]);
  });
  it('refuses a non-object with documentInvalid and the JSON path of the document', () => {
    expect(refusal(world, { op: 'setDocument', ref: { kind: 'resource', account: A, arn: 'arn:aws:s3:::acme-data' }, document: [] })).toMatchObject({ code: 'documentInvalid', path: '$.accounts[0].resources[0].policy', field: 'document' });
    expect(refusal(world, { op: 'setDocument', ref: { kind: 'inline', owner: { account: A, kind: 'role', name: 'Auditor' }, name: 'None' }, document: DOC }).code).toBe('notFound');
  });
});
