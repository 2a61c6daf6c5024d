/** AWS's naming rules and quotas, each test named after the rule (./naming.ts cites the pages). */
import { describe, expect, it } from 'vitest';
import { A, refusal, mustApply, sampleWorld } from './testing';
import type { WorldEdit } from './types';
import type { ScenarioJson } from '../scenario/types';

const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };

function code(world: ScenarioJson, edit: WorldEdit): string {
  return refusal(world, edit).code;
}

describe('IAM name requirements ("IAM and AWS STS quotas", API reference length constraints)', () => {
  const world = sampleWorld();
  it.each([
    ['user names are 1 to 64 characters', 'createUser', 64],
    ['role names are 1 to 64 characters', 'createRole', 64],
    ['group names are 1 to 128 characters', 'createGroup', 128],
    ['managed policy names are 1 to 128 characters', 'createPolicy', 128],
  ] as const)('%s', (_rule, op, max) => {
    const edit = (name: string): WorldEdit => (op === 'createPolicy' ? { op, account: A, name, document: DOC } : { op, account: A, name });
    expect(mustApply(world, edit('n'.repeat(max))).accounts[0]).toBeDefined();
    const tooLong = refusal(world, edit('n'.repeat(max + 1)));
    expect(tooLong).toMatchObject({ code: 'nameTooLong', field: 'name', params: { max, length: max + 1 } });
    expect(code(world, edit(''))).toBe('nameEmpty');
  });

  it('inline policy names are 1 to 128 characters', () => {
    const owner = { account: A, kind: 'user', name: 'alice' } as const;
    mustApply(world, { op: 'putInlinePolicy', owner, name: 'p'.repeat(128), document: DOC });
    expect(code(world, { op: 'putInlinePolicy', owner, name: 'p'.repeat(129), document: DOC })).toBe('nameTooLong');
  });

  it('names are letters, digits and + = , . @ _ - only', () => {
    mustApply(world, { op: 'createUser', account: A, name: 'a+b=c,d.e@f_g-h9' });
    for (const name of ['has space', 'slash/name', 'ümlaut', 'star*', 'colon:']) {
      expect(refusal(world, { op: 'createUser', account: A, name })).toMatchObject({ code: 'nameInvalidCharacters', path: '$.accounts[0].users[2]', field: 'name', params: { name } });
    }
  });

  it('names are not distinguished by case: users, groups, roles and policies are unique per account ignoring case', () => {
    expect(code(world, { op: 'createUser', account: A, name: 'Alice' })).toBe('nameTaken');
    expect(code(world, { op: 'createGroup', account: A, name: 'DEVS' })).toBe('nameTaken');
    expect(code(world, { op: 'createRole', account: A, name: 'auditor' })).toBe('nameTaken');
    expect(code(world, { op: 'createPolicy', account: A, name: 's3read', document: DOC })).toBe('nameTaken');
    expect(code(world, { op: 'rename', ref: { account: A, kind: 'user', name: 'bob' }, newName: 'ALICE' })).toBe('nameTaken');
    // Different kinds and different accounts do not clash.
    mustApply(world, { op: 'createGroup', account: A, name: 'alice' }, { op: 'createUser', account: '444455556666', name: 'alice' });
    // Changing only the case of one's own name is allowed.
    mustApply(world, { op: 'rename', ref: { account: A, kind: 'user', name: 'alice' }, newName: 'Alice' });
  });
});

describe('IAM paths ("IAM identifiers"; CreateUser Path: `/` or `/…/` of U+0021–U+007E, at most 512)', () => {
  const world = sampleWorld();
  it('a path is / or begins and ends with /', () => {
    for (const path of ['/', '/a/', '/division_abc/subdivision_xyz/']) mustApply(world, { op: 'createUser', account: A, name: `u${path.length}`, path });
    for (const path of ['', 'a', '/a', 'a/', '/with space/', '/é/']) {
      expect(refusal(world, { op: 'createUser', account: A, name: 'x', path })).toMatchObject({ code: 'pathInvalid', field: 'path', params: { path } });
    }
  });
  it('a path is at most 512 characters', () => {
    mustApply(world, { op: 'createGroup', account: A, name: 'g', path: `/${'p'.repeat(510)}/` });
    expect(refusal(world, { op: 'createGroup', account: A, name: 'g', path: `/${'p'.repeat(511)}/` })).toMatchObject({ code: 'pathTooLong', params: { max: 512, length: 513 } });
  });
});

describe('accounts', () => {
  const world = sampleWorld();
  it('an account id is 12 digits', () => {
    for (const id of ['12345678901', '1234567890123', 'abcdefghijkl', '']) expect(code(world, { op: 'createAccount', id })).toBe('accountIdInvalid');
  });
  it('an account alias is 3 to 63 lower-case letters, digits and single hyphens, not starting or ending with a hyphen (CreateAccountAlias)', () => {
    for (const alias of ['abc', 'a-b', 'x'.repeat(63), 'acme-prod-1']) mustApply(world, { op: 'updateAccount', id: A, alias });
    for (const alias of ['ab', 'x'.repeat(64), '-abc', 'abc-', 'a--b', 'Acme', 'a_b', 'a.b']) {
      expect(refusal(world, { op: 'updateAccount', id: A, alias })).toMatchObject({ code: 'aliasInvalid', field: 'alias', params: { alias } });
    }
  });
  it('an account alias cannot be 12 digits ("IAM and AWS STS quotas")', () => {
    expect(code(world, { op: 'updateAccount', id: A, alias: '123456789012' })).toBe('aliasInvalid');
  });
});

describe('tags ("Tagging IAM resources"; Tag: key 1–128, value 0–256 of [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@])', () => {
  const world = sampleWorld();
  const ref = { account: A, kind: 'user', name: 'alice' } as const;
  it('an IAM resource has at most 50 tags', () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    mustApply(world, { op: 'setTags', ref, tags: tags(50) });
    expect(refusal(world, { op: 'setTags', ref, tags: tags(51) })).toMatchObject({ code: 'tooManyTags', field: 'tags', params: { max: 50, count: 51 } });
  });
  it('a tag key is 1 to 128 characters and a value 0 to 256', () => {
    mustApply(world, { op: 'setTags', ref, tags: { ['k'.repeat(128)]: 'v'.repeat(256), empty: '' } });
    expect(code(world, { op: 'setTags', ref, tags: { ['k'.repeat(129)]: 'v' } })).toBe('tagKeyInvalid');
    expect(code(world, { op: 'setTags', ref, tags: { '': 'v' } })).toBe('tagKeyInvalid');
    expect(code(world, { op: 'setTags', ref, tags: { k: 'v'.repeat(257) } })).toBe('tagValueInvalid');
  });
  it('tags are letters, digits, spaces and _ . : / = + - @ (any script)', () => {
    mustApply(world, { op: 'setTags', ref, tags: { 'Cost Center': '12:34/56=7+8-9@x_y.z', 팀: '보안' } });
    expect(code(world, { op: 'setTags', ref, tags: { 'a*b': 'v' } })).toBe('tagKeyInvalid');
    expect(code(world, { op: 'setTags', ref, tags: { k: 'a#b' } })).toBe('tagValueInvalid');
  });
  it('the aws: prefix is reserved for AWS', () => {
    expect(code(world, { op: 'setTags', ref, tags: { 'aws:team': 'x' } })).toBe('tagKeyInvalid');
    expect(code(world, { op: 'setTags', ref, tags: { 'AWS:team': 'x' } })).toBe('tagKeyInvalid');
  });
  it('tag keys that differ only in case are the same key in IAM', () => {
    expect(code(world, { op: 'setTags', ref, tags: { Team: 'a', team: 'b' } })).toBe('tagKeyInvalid');
  });
});

describe('IAM default quotas ("IAM and AWS STS quotas")', () => {
  function withMany(kind: 'users' | 'groups' | 'roles' | 'policies', count: number): ScenarioJson {
    const world = sampleWorld();
    const items = Array.from({ length: count }, (_, i) => (kind === 'roles' ? { name: `r${i}`, trustPolicy: DOC } : kind === 'policies' ? { name: `p${i}`, document: DOC } : { name: `n${i}` }));
    return { ...world, accounts: [{ id: A, [kind]: items }, world.accounts[1]!], requests: [] };
  }
  it.each([
    ['users per account: 5000', 'users', 5000, { op: 'createUser', account: A, name: 'one-more' }],
    ['groups per account: 300', 'groups', 300, { op: 'createGroup', account: A, name: 'one-more' }],
    ['roles per account: 1000', 'roles', 1000, { op: 'createRole', account: A, name: 'one-more' }],
    ['customer managed policies per account: 1500', 'policies', 1500, { op: 'createPolicy', account: A, name: 'one-more', document: DOC }],
  ] as const)('%s', (_rule, kind, limit, edit) => {
    mustApply(withMany(kind, limit - 1), edit);
    expect(refusal(withMany(kind, limit), edit)).toMatchObject({ code: 'quotaExceeded', params: { limit, target: A } });
  });

  it('groups per user: 10', () => {
    const groups = Array.from({ length: 11 }, (_, i) => ({ name: `g${i}` }));
    const world: ScenarioJson = { ...sampleWorld(), accounts: [{ id: A, groups, users: [{ name: 'u', groups: groups.slice(0, 9).map((g) => g.name) }] }], requests: [] };
    const tenth = mustApply(world, { op: 'addUserToGroup', account: A, user: 'u', group: 'g9' });
    expect(refusal(tenth, { op: 'addUserToGroup', account: A, user: 'u', group: 'g10' })).toMatchObject({ code: 'quotaExceeded', field: 'group', params: { limit: 10, target: 'u' } });
  });

  it('managed policies attached to a user, group or role: 10 (the default quota)', () => {
    const policies = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, document: DOC }));
    const nine = policies.slice(0, 9).map((p) => p.name);
    const world: ScenarioJson = {
      ...sampleWorld(),
      accounts: [{ id: A, policies, users: [{ name: 'u', managedPolicies: nine }], groups: [{ name: 'g', managedPolicies: nine }], roles: [{ name: 'r', trustPolicy: DOC, managedPolicies: nine }] }],
      requests: [],
    };
    for (const kind of ['user', 'group', 'role'] as const) {
      const target = { account: A, kind, name: kind[0]! };
      const full = mustApply(world, { op: 'attachPolicy', target, policy: 'p9' });
      expect(refusal(full, { op: 'attachPolicy', target, policy: 'p10' })).toMatchObject({ code: 'quotaExceeded', params: { limit: 10 } });
      // An AWS managed policy counts against the same quota.
      expect(refusal(full, { op: 'attachPolicy', target, policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }).code).toBe('quotaExceeded');
    }
  });

  it('access keys per user: 2', () => {
    const world = mustApply(sampleWorld(), { op: 'createAccessKey', account: A, user: 'bob', key: { id: 'AKIAEXAMPLEBOB00002' } });
    expect(refusal(world, { op: 'createAccessKey', account: A, user: 'bob', key: { id: 'AKIAEXAMPLEBOB00003' } })).toMatchObject({ code: 'quotaExceeded', params: { limit: 2, target: 'bob' } });
  });

  it('MFA devices per user: 8', () => {
    let world = sampleWorld();
    for (let i = 0; i < 8; i++) world = mustApply(world, { op: 'addMfaDevice', account: A, user: 'alice', serial: `arn:aws:iam::${A}:mfa/alice-${i}`, seed: 'JBSWY3DPEHPK3PXP' });
    expect(refusal(world, { op: 'addMfaDevice', account: A, user: 'alice', serial: `arn:aws:iam::${A}:mfa/alice-8`, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'quotaExceeded', params: { limit: 8 } });
  });
});

describe('role settings (CreateRole)', () => {
  const world = sampleWorld();
  it('a role\'s maximum session duration is 3600 to 43200 seconds', () => {
    for (const seconds of [3600, 43200, 7200]) mustApply(world, { op: 'setMaxSessionDuration', account: A, role: 'Auditor', seconds });
    for (const seconds of [3599, 43201, 0, 3600.5, Number.NaN]) {
      expect(refusal(world, { op: 'setMaxSessionDuration', account: A, role: 'Auditor', seconds })).toMatchObject({ code: 'maxSessionDurationInvalid', field: 'seconds', path: '$.accounts[0].roles[0].maxSessionDuration' });
    }
  });
  it('a role or policy description is at most 1000 characters', () => {
    mustApply(world, { op: 'setDescription', ref: { account: A, kind: 'role', name: 'Auditor' }, description: 'd'.repeat(1000) });
    expect(refusal(world, { op: 'setDescription', ref: { account: A, kind: 'policy', name: 'S3Read' }, description: 'd'.repeat(1001) })).toMatchObject({ code: 'descriptionInvalid', params: { max: 1000, length: 1001 } });
  });
});

describe('console passwords (CreateLoginProfile: 1 to 128 characters)', () => {
  it('a console password is 1 to 128 characters of basic Latin text', () => {
    const world = sampleWorld();
    mustApply(world, { op: 'setConsolePassword', account: A, user: 'alice', password: 'p'.repeat(128) });
    for (const password of ['', 'p'.repeat(129), '암호입니다']) expect(code(world, { op: 'setConsolePassword', account: A, user: 'alice', password })).toBe('passwordInvalid');
  });
});
