/** Renames and deletes update (or, with `cascade: false`, refuse over) every reference in the world. */
import { describe, expect, it } from 'vitest';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';

const world = sampleWorld();

describe('rename updates every reference', () => {
  it('a user: requests naming its ARN (with its path) and sessions it issued', () => {
    const next = mustApply(world, { op: 'rename', ref: { account: A, kind: 'user', name: 'bob' }, newName: 'robert' });
    expect(next.accounts[0]!.users![1]!.name).toBe('robert');
    expect(next.requests!.find((r) => r.id === 'bob-reads')!.principal).toBe(`arn:aws:iam::${A}:user/ops/robert`);
    expect(worldFaults(next)).toEqual([]);
  });

  it('a group: the memberships of its users', () => {
    const next = mustApply(world, { op: 'rename', ref: { account: A, kind: 'group', name: 'devs' }, newName: 'builders' });
    expect(next.accounts[0]!.users![0]!.groups).toEqual(['builders']);
    expect(worldFaults(next)).toEqual([]);
  });

  it('a role: instance profiles, role session principals, and requests naming the role ARN', () => {
    const next = mustApply(world, { op: 'rename', ref: { account: A, kind: 'role', name: 'Auditor' }, newName: 'Inspector' });
    expect(next.accounts[0]!.instanceProfiles![0]!.role).toBe('Inspector');
    expect(next.requests!.find((r) => r.id === 'carol-assumes')!.resource).toBe(`arn:aws:iam::${A}:role/Inspector`);
    expect(next.requests!.find((r) => r.id === 'auditor-session')!.principal).toBe(`arn:aws:sts::${A}:assumed-role/Inspector/s1`);
    expect(worldFaults(next)).toEqual([]);
  });

  it('a managed policy: attachments by name in its account and by ARN from any account, and boundaries', () => {
    const next = mustApply(world, { op: 'rename', ref: { account: A, kind: 'policy', name: 'S3Read' }, newName: 'ReadS3' });
    const a = next.accounts[0]!;
    expect(a.users![0]!.managedPolicies).toEqual(['ReadS3']);
    expect(a.roles![0]!.managedPolicies).toEqual(['ReadS3']);
    expect(next.accounts[1]!.users![0]!.managedPolicies).toEqual([`arn:aws:iam::${A}:policy/ReadS3`]);
    const bounded = mustApply(world, { op: 'rename', ref: { account: A, kind: 'policy', name: 'Boundary' }, newName: 'Guard' });
    expect(bounded.accounts[0]!.users![0]!.permissionsBoundary).toBe(`arn:aws:iam::${A}:policy/guard/Guard`);
    expect(bounded.accounts[0]!.roles![0]!.permissionsBoundary).toBe('Guard');
    expect(worldFaults(next)).toEqual([]);
    expect(worldFaults(bounded)).toEqual([]);
  });

  it('Rename an IAM user: trust and resource policies naming the user as a principal follow the new name and path', () => {
    const trusting = mustApply(world, { op: 'trustPrincipal', account: A, role: 'Auditor', principal: `arn:aws:iam::${A}:user/alice` });
    const renamed = mustApply(trusting, { op: 'rename', ref: { account: A, kind: 'user', name: 'alice' }, newName: 'alicia' });
    expect(JSON.stringify(renamed.accounts[0]!.roles![0]!.trustPolicy)).toContain(`arn:aws:iam::${A}:user/alicia`);
    expect(JSON.stringify(renamed.accounts[0]!.roles![0]!.trustPolicy)).not.toContain(`user/alice"`);
    const moved = mustApply(renamed, { op: 'setPath', ref: { account: A, kind: 'user', name: 'alicia' }, path: '/staff/' });
    expect(JSON.stringify(moved.accounts[0]!.roles![0]!.trustPolicy)).toContain(`arn:aws:iam::${A}:user/staff/alicia`);
    expect(worldFaults(moved)).toEqual([]);
  });

  it('policy documents are otherwise never rewritten (a renamed role, as AWS cannot rename one)', () => {
    const next = mustApply(world, { op: 'rename', ref: { account: A, kind: 'role', name: 'Auditor' }, newName: 'Inspector' });
    expect(next.accounts[0]!.resources![0]!.policy).toBe(world.accounts[0]!.resources![0]!.policy);
    expect(next.accounts[0]!.roles![0]!.trustPolicy).toBe(world.accounts[0]!.roles![0]!.trustPolicy);
  });

  it('a resource: its ARN, and requests on it and on what lies under it', () => {
    const next = mustApply(world, { op: 'rename', ref: { account: A, kind: 'resource', arn: 'arn:aws:s3:::acme-data' }, newName: 'arn:aws:s3:::acme-archive' });
    expect(next.accounts[0]!.resources![0]!.arn).toBe('arn:aws:s3:::acme-archive');
    expect(next.requests!.find((r) => r.id === 'alice-reads')!.resource).toBe('arn:aws:s3:::acme-archive/report.csv');
    expect(next.requests!.find((r) => r.id === 'auditor-session')!.resource).toBe('arn:aws:s3:::acme-archive');
  });

  it('an exercise goal naming the entity follows it', () => {
    const exercise = { ...world, exercise: { id: 'x', task: 't', goals: [{ request: { principal: `arn:aws:iam::${A}:user/alice`, action: 's3:GetObject', resource: '*' }, expect: 'allowed' }] } };
    const next = mustApply(exercise, { op: 'rename', ref: { account: A, kind: 'user', name: 'alice' }, newName: 'alicia' });
    const goal = next.exercise!.goals[0]!;
    expect('request' in goal && goal.request.principal).toBe(`arn:aws:iam::${A}:user/alicia`);
  });

  it('refuses a name that breaks the rules, with the field `newName`', () => {
    expect(refusal(world, { op: 'rename', ref: { account: A, kind: 'role', name: 'Auditor' }, newName: 'bad name' })).toMatchObject({ code: 'nameInvalidCharacters', field: 'newName' });
    expect(refusal(world, { op: 'rename', ref: { account: A, kind: 'resource', arn: 'arn:aws:s3:::acme-data' }, newName: 'acme' })).toMatchObject({ code: 'arnInvalid', field: 'newName' });
    expect(refusal(world, { op: 'rename', ref: { account: A, kind: 'user', name: 'nobody' }, newName: 'x' })).toMatchObject({ code: 'notFound', field: 'ref', path: '$.accounts[0].users' });
  });
});

describe('delete with cascade (the default) removes references', () => {
  it('a group: its memberships', () => {
    const next = mustApply(world, { op: 'delete', ref: { account: A, kind: 'group', name: 'devs' } });
    expect(next.accounts[0]!.groups).toEqual([]);
    expect(next.accounts[0]!.users![0]!.groups).toEqual([]);
    expect(worldFaults(next)).toEqual([]);
  });

  it('a policy: attachments and boundaries everywhere', () => {
    const next = mustApply(world, { op: 'delete', ref: { account: A, kind: 'policy', name: 'S3Read' } }, { op: 'delete', ref: { account: A, kind: 'policy', name: 'Boundary' } });
    expect(next.accounts[0]!.users![0]!.managedPolicies).toEqual([]);
    expect(next.accounts[0]!.users![0]!.permissionsBoundary).toBeUndefined();
    expect(next.accounts[0]!.roles![0]!.permissionsBoundary).toBeUndefined();
    expect(next.accounts[1]!.users![0]!.managedPolicies).toEqual([]);
    expect(worldFaults(next)).toEqual([]);
  });

  it('a role: its instance profiles are left empty, and requests made in its sessions go', () => {
    const next = mustApply(world, { op: 'delete', ref: { account: A, kind: 'role', name: 'Auditor' } });
    expect(next.accounts[0]!.instanceProfiles).toEqual([{ name: 'AuditorProfile' }]);
    expect(next.requests!.map((r) => r.id)).toEqual(['alice-reads', 'carol-assumes', 'session-reads', 'bob-reads']);
    expect(worldFaults(next)).toEqual([]);
  });

  it('a user: the requests it makes go, and so do the requests made in sessions only those created', () => {
    const next = mustApply(world, { op: 'delete', ref: { account: B, kind: 'user', name: 'carol' } });
    expect(next.requests!.map((r) => r.id)).toEqual(['alice-reads', 'auditor-session', 'bob-reads']);
    expect(worldFaults(next)).toEqual([]);
  });
});

describe('delete with cascade: false is refused like IAM\'s DeleteConflict', () => {
  it('a group with members or policies', () => {
    expect(refusal(world, { op: 'delete', ref: { account: A, kind: 'group', name: 'devs' }, cascade: false })).toMatchObject({
      code: 'deleteConflict',
      path: '$.accounts[0].groups[0]',
      params: { name: 'devs', refs: 'member `alice`, attached managed policy `arn:aws:iam::aws:policy/ReadOnlyAccess`', count: 2 },
    });
  });
  it('a policy attached somewhere (also by ARN from another account, also as a boundary)', () => {
    const error = refusal(world, { op: 'delete', ref: { account: A, kind: 'policy', name: 'S3Read' }, cascade: false });
    expect(error.params['refs']).toBe(`user \`alice\`, role \`Auditor\`, user \`carol\` (account ${B})`);
    const boundary = refusal(world, { op: 'delete', ref: { account: A, kind: 'policy', name: 'Boundary' }, cascade: false });
    expect(boundary.params['refs']).toBe('the permissions boundary of user `alice`, the permissions boundary of role `Auditor`');
  });
  it('a user with access keys, inline policies or requests', () => {
    const error = refusal(world, { op: 'delete', ref: { account: A, kind: 'user', name: 'bob' }, cascade: false });
    expect(error.params['refs']).toBe('inline policy `Own`, access key `AKIAEXAMPLEBOB00001`, request `bob-reads`');
    expect(error.message).toMatch(/^Cannot delete user `bob` while something refers to it: /);
  });
  it('a role held by an instance profile', () => {
    expect(refusal(world, { op: 'delete', ref: { account: A, kind: 'role', name: 'Auditor' }, cascade: false }).params['refs']).toContain('instance profile `AuditorProfile`');
  });
  it('an entity nothing refers to is deleted', () => {
    const bare = mustApply(world, { op: 'createUser', account: A, name: 'temp' }, { op: 'delete', ref: { account: A, kind: 'user', name: 'temp' }, cascade: false });
    expect(bare.accounts[0]!.users!.map((u) => u.name)).toEqual(['alice', 'bob']);
  });
});
