/** Creating entities and resources; paths, tags and descriptions. */
import { describe, expect, it } from 'vitest';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';

const world = sampleWorld();
const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };

describe('creating', () => {
  it('appends the entity with only the fields given', () => {
    const next = mustApply(
      world,
      { op: 'createUser', account: B, name: 'dan' },
      { op: 'createGroup', account: B, name: 'team', path: '/b/' },
      { op: 'createPolicy', account: B, name: 'List', document: DOC, description: 'Lists' },
    );
    expect(next.accounts[1]).toEqual({ id: B, users: [world.accounts[1]!.users![0], { name: 'dan' }], groups: [{ name: 'team', path: '/b/' }], policies: [{ name: 'List', description: 'Lists', document: DOC }] });
    expect(worldFaults(next)).toEqual([]);
  });
  it('the error path names where the new entity would be', () => {
    expect(refusal(world, { op: 'createUser', account: A, name: 'bad name' }).path).toBe('$.accounts[0].users[2]');
    expect(refusal(world, { op: 'createUser', account: '999999999999', name: 'x' })).toMatchObject({ code: 'notFound', field: 'account', path: '$.accounts' });
  });
});

describe('resources', () => {
  it('an ARN reads arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE', () => {
    const next = mustApply(
      world,
      { op: 'createResource', account: A, arn: 'arn:aws:s3:::acme-logs' },
      { op: 'createResource', account: A, arn: `arn:aws:sqs:us-east-1:${A}:jobs`, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: B }, Action: 'sqs:SendMessage', Resource: '*' }] } },
    );
    expect(next.accounts[0]!.resources!.map((r) => r.arn)).toEqual(['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-logs', `arn:aws:sqs:us-east-1:${A}:jobs`]);
    expect(worldFaults(next)).toEqual([]);
    for (const arn of ['acme-logs', 'arn:aws:s3', 'arn:aws::::x', 'arn:aws:s3:::', 'arn:foo:s3:::b']) {
      expect(refusal(world, { op: 'createResource', account: A, arn })).toMatchObject({ code: 'arnInvalid', field: 'arn', path: '$.accounts[0].resources[1]' });
    }
  });
  it('a resource ARN names no account (S3) or the account it is created in', () => {
    expect(refusal(world, { op: 'createResource', account: A, arn: `arn:aws:sqs:us-east-1:${B}:jobs` })).toMatchObject({ code: 'arnInvalid', params: { arn: `arn:aws:sqs:us-east-1:${B}:jobs` } });
  });
  it('a resource ARN is unique in the world', () => {
    expect(refusal(world, { op: 'createResource', account: B, arn: 'arn:aws:s3:::acme-data' })).toMatchObject({ code: 'nameTaken', path: '$.accounts[0].resources[0]' });
  });
});

describe('setPath', () => {
  it('moves a policy to another path and repoints its ARN references (not its name references)', () => {
    const next = mustApply(world, { op: 'setPath', ref: { account: A, kind: 'policy', name: 'S3Read' }, path: '/shared/' });
    expect(next.accounts[1]!.users![0]!.managedPolicies).toEqual([`arn:aws:iam::${A}:policy/shared/S3Read`]);
    expect(next.accounts[0]!.users![0]!.managedPolicies).toEqual(['S3Read']);
    expect(worldFaults(next)).toEqual([]);
  });
  it('moves a user and the requests naming its ARN follow', () => {
    const next = mustApply(world, { op: 'setPath', ref: { account: A, kind: 'user', name: 'alice' }, path: '/eng/' });
    expect(next.requests![0]!.principal).toBe(`arn:aws:iam::${A}:user/eng/alice`);
  });
});

describe('tags and descriptions', () => {
  it('replaces the tags of a user, role or resource; empty tags remove the field', () => {
    const next = mustApply(world, { op: 'setTags', ref: { account: A, kind: 'role', name: 'Auditor' }, tags: { env: 'prod' } }, { op: 'setTags', ref: { account: A, kind: 'user', name: 'alice' }, tags: {} });
    expect(next.accounts[0]!.roles![0]!.tags).toEqual({ env: 'prod' });
    expect(next.accounts[0]!.users![0]).not.toHaveProperty('tags');
    const tagged = mustApply(world, { op: 'setTags', ref: { account: A, kind: 'resource', arn: 'arn:aws:s3:::acme-data' }, tags: { data: 'public' } });
    expect(tagged.accounts[0]!.resources![0]!.tags).toEqual({ data: 'public' });
  });
  it('IAM groups cannot be tagged', () => {
    expect(refusal(world, { op: 'setTags', ref: { account: A, kind: 'group', name: 'devs' }, tags: { a: 'b' } })).toMatchObject({ code: 'tagsUnsupported', field: 'tags', path: '$.accounts[0].groups[0]' });
  });
  it('sets and removes a role\'s or policy\'s description', () => {
    const next = mustApply(world, { op: 'setDescription', ref: { account: A, kind: 'policy', name: 'S3Read' }, description: 'Reads S3' });
    expect(next.accounts[0]!.policies![0]!.description).toBe('Reads S3');
    expect(mustApply(next, { op: 'setDescription', ref: { account: A, kind: 'policy', name: 'S3Read' }, description: null }).accounts[0]!.policies![0]).not.toHaveProperty('description');
  });
});
