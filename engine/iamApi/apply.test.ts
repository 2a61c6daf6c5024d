import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { compileWorld } from '../model/compile';
import { runRequestDetailed } from '../pipeline/run';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import { LiveWorld } from './play';

const managed = loadManagedPolicySourceNode();
const A = '111111111111';
const B = '222222222222';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const allow = (action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
});
const trust = (principal: Record<string, string>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;

/** mallory may do every IAM write in her account; bob is plain; a secret bucket only admins read. */
function world(extra: Partial<ScenarioJson> = {}): ScenarioJson {
  return {
    format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
    accounts: [
      {
        id: A,
        policies: [
          { name: 'SelfService', document: allow(['iam:CreatePolicyVersion', 'iam:GetPolicy'], `arn:aws:iam::${A}:policy/SelfService`) },
          { name: 'ReadBuckets', document: allow('s3:ListBucket') },
        ],
        users: [
          { name: 'mallory', inlinePolicies: { iam: allow('iam:*') } },
          { name: 'dev', managedPolicies: ['SelfService'] },
          { name: 'bob', groups: ['devs'], accessKeys: [{ id: 'AKIABOBBOBBOBBOB0001', secret: 'x' }], password: 'Old-pass-1!' },
        ],
        groups: [{ name: 'devs' }],
        roles: [{ name: 'App', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }],
        resources: [{ arn: 'arn:aws:s3:::secret-bucket' }],
      },
      { id: B, users: [{ name: 'eve', inlinePolicies: { iam: allow('iam:*') } }] },
    ],
    ...extra,
  };
}

async function call(scenario: ScenarioJson, request: Omit<RequestJson, 'principal'> & { principal?: string }) {
  const { world: compiled, faults } = compileWorld(scenario, managed);
  expect(faults).toEqual([]);
  return runRequestDetailed(compiled, { principal: user('mallory'), ...request }, { trace: true, api: { scenario, managed } });
}

function account(scenario: ScenarioJson | undefined, id = A) {
  return scenario!.accounts.find((a) => a.id === id)!;
}

describe('the simulated IAM API: an allowed write with params changes the world', () => {
  it('a request without params stays a pure authorization question and changes nothing', async () => {
    const out = await call(world(), { action: 'iam:CreateUser', resource: user('newbie') });
    expect(out.result.decision).toBe('allowed');
    expect(out.applied).toBeUndefined();
    expect(out.world).toBeUndefined();
  });

  it('without the api option (who-can, analyses) nothing is applied', async () => {
    const scenario = world();
    const out = await runRequestDetailed(compileWorld(scenario, managed).world, { principal: user('mallory'), action: 'iam:CreateUser', resource: user('newbie'), params: {} });
    expect(out.result.decision).toBe('allowed');
    expect(out.world).toBeUndefined();
  });

  it('CreateUser fills UserName from the resource, adds a trace event and says what changed', async () => {
    const out = await call(world(), { action: 'iam:CreateUser', resource: user('newbie'), params: { Tags: [{ Key: 'team', Value: 'red' }] } });
    expect(out.result.decision).toBe('allowed');
    expect(out.applied?.summary).toEqual({ code: 'apiCreatedUser', params: { account: A, user: 'newbie' } });
    expect(out.applied?.edits.map((e) => e.op)).toEqual(['createUser', 'setTags']);
    expect(account(out.world).users?.find((u) => u.name === 'newbie')?.tags).toEqual({ team: 'red' });
    expect(out.result.message).toMatch(/CreateUser created user arn:aws:iam::111111111111:user\/newbie/);
    expect(out.result.trace?.some((e) => e.stage === 'api' && e.reason === 'apiApplied' && e.outcome === 'pass' && e.params['summary'] === 'apiCreatedUser')).toBe(true);
    expect(out.applied?.response).toMatchObject({ User: { UserName: 'newbie', Arn: user('newbie') } });
  });

  it('CreateUser takes the path from the resource ARN when Path is not given', async () => {
    const out = await call(world(), { action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/division/newbie`, params: {} });
    expect(account(out.world).users?.find((u) => u.name === 'newbie')?.path).toBe('/division/');
  });

  it('a denied call changes nothing', async () => {
    const out = await call(world(), { principal: user('bob'), action: 'iam:CreateUser', resource: user('newbie'), params: {} });
    expect(out.result.decision).toBe('implicitDeny');
    expect(out.applied).toBeUndefined();
    expect(out.world).toBeUndefined();
  });

  it('IAM is per account: a write on another account\'s user is denied by authorization and changes nothing', async () => {
    const out = await call(world(), { principal: `arn:aws:iam::${B}:user/eve`, action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: ADMIN } });
    expect(out.result.decision).toBe('implicitDeny');
    expect(out.world).toBeUndefined();
  });

  it('EntityAlreadyExists: a user name taken (ignoring case), decided by the api stage', async () => {
    const out = await call(world(), { action: 'iam:CreateUser', resource: user('BOB'), params: {} });
    expect(out.result).toMatchObject({ decision: 'EntityAlreadyExists', decidedBy: ['api'], reason: 'apiRefused', params: { code: 'EntityAlreadyExists' } });
    expect(out.world).toBeUndefined();
  });

  it('ValidationError: a missing required parameter, a wrong type, an unknown parameter', async () => {
    expect((await call(world(), { action: 'iam:PutUserPolicy', resource: user('bob'), params: { PolicyName: 'x' } })).result.decision).toBe('ValidationError');
    expect((await call(world(), { action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService`, params: { PolicyDocument: allow('*'), SetAsDefault: 'yes' } })).result.decision).toBe('ValidationError');
    expect((await call(world(), { action: 'iam:DeleteUser', resource: user('bob'), params: { Force: true } })).result.decision).toBe('ValidationError');
  });

  it('InvalidInput: a parameter that disagrees with the resource the call was authorized on', async () => {
    const out = await call(world(), { action: 'iam:AttachUserPolicy', resource: user('bob'), params: { UserName: 'mallory', PolicyArn: ADMIN } });
    expect(out.result.decision).toBe('InvalidInput');
  });

  it('NoSuchEntity: a user, a group, a role or a policy that does not exist', async () => {
    expect((await call(world(), { action: 'iam:AttachUserPolicy', resource: user('ghost'), params: { PolicyArn: ADMIN } })).result.decision).toBe('NoSuchEntity');
    expect((await call(world(), { action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere' } })).result.decision).toBe('NoSuchEntity');
    expect((await call(world(), { action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: `arn:aws:iam::${B}:policy/Theirs` } })).result.decision).toBe('NoSuchEntity');
    expect((await call(world(), { action: 'iam:AddUserToGroup', resource: `arn:aws:iam::${A}:group/nope`, params: { UserName: 'bob' } })).result.decision).toBe('NoSuchEntity');
    expect((await call(world(), { action: 'iam:DeleteRolePolicy', resource: `arn:aws:iam::${A}:role/App`, params: { PolicyName: 'none' } })).result.decision).toBe('NoSuchEntity');
  });

  it('MalformedPolicyDocument: a document the policy grammar refuses, or text that is not JSON', async () => {
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] };
    expect((await call(world(), { action: 'iam:PutUserPolicy', resource: user('bob'), params: { PolicyName: 'p', PolicyDocument: bad } })).result.decision).toBe('MalformedPolicyDocument');
    expect((await call(world(), { action: 'iam:CreatePolicy', resource: `arn:aws:iam::${A}:policy/P`, params: { PolicyName: 'P', PolicyDocument: '{not json' } })).result.decision).toBe('MalformedPolicyDocument');
  });

  it('LimitExceeded: a third access key (IAM allows two per user)', async () => {
    const live = new LiveWorld(world(), managed);
    const create = { principal: user('mallory'), action: 'iam:CreateAccessKey', resource: user('bob'), params: {} };
    expect((await live.run({ ...create, id: 'k2' })).result.decision).toBe('allowed');
    expect((await live.run({ ...create, id: 'k3' })).result.decision).toBe('LimitExceeded');
  });

  it('DeleteConflict: a user with access keys, a group with members, a policy still attached', async () => {
    expect((await call(world(), { action: 'iam:DeleteUser', resource: user('bob'), params: {} })).result.decision).toBe('DeleteConflict');
    expect((await call(world(), { action: 'iam:DeleteGroup', resource: `arn:aws:iam::${A}:group/devs`, params: {} })).result.decision).toBe('DeleteConflict');
    expect((await call(world(), { action: 'iam:DeletePolicy', resource: `arn:aws:iam::${A}:policy/SelfService`, params: {} })).result.decision).toBe('DeleteConflict');
    const out = await call(world(), { action: 'iam:DeletePolicy', resource: `arn:aws:iam::${A}:policy/ReadBuckets`, params: {} });
    expect(out.result.decision).toBe('allowed');
    expect(account(out.world).policies?.map((p) => p.name)).toEqual(['SelfService']);
  });

  it('DeleteUser is not refused for the playground\'s saved requests made as the user (AWS does not know them): they go with it', async () => {
    const scenario = world({ requests: [{ id: 'as-dev', principal: user('dev'), action: 's3:ListBucket', resource: 'arn:aws:s3:::secret-bucket' }] });
    const withoutPolicy: ScenarioJson = { ...scenario, accounts: [{ ...account(scenario), users: account(scenario).users!.map((u) => (u.name === 'dev' ? { name: 'dev' } : u)) }, account(scenario, B)] };
    const out = await call(withoutPolicy, { action: 'iam:DeleteUser', resource: user('dev'), params: {} });
    expect(out.result.decision, out.result.message).toBe('allowed');
    expect(out.world?.requests).toEqual([]);
  });

  it('CreateAccessKey without UserName creates a key for the calling user, returned with its secret', async () => {
    const out = await call(world(), { action: 'iam:CreateAccessKey', resource: user('mallory'), params: {}, id: 'mine' });
    const key = (out.applied?.response as { AccessKey: Record<string, string> }).AccessKey;
    expect(key).toMatchObject({ UserName: 'mallory', Status: 'Active' });
    expect(key['AccessKeyId']).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key['SecretAccessKey']).toHaveLength(40);
    expect(account(out.world).users?.find((u) => u.name === 'mallory')?.accessKeys?.[0]).toMatchObject({ id: key['AccessKeyId'], secret: key['SecretAccessKey'], status: 'Active' });
    // Deterministic from the request: the same request at the same time gives the same key.
    const again = await call(world(), { action: 'iam:CreateAccessKey', resource: user('mallory'), params: {}, id: 'mine' });
    expect((again.applied?.response as { AccessKey: Record<string, string> }).AccessKey['AccessKeyId']).toBe(key['AccessKeyId']);
  });

  it('a role session must name UserName for CreateAccessKey (ValidationError)', async () => {
    const scenario = world();
    const withRole: ScenarioJson = { ...scenario, accounts: [{ ...account(scenario), roles: [{ name: 'Admin', trustPolicy: trust({ AWS: A }), managedPolicies: [ADMIN] }] }, account(scenario, B)] };
    const out = await call(withRole, { principal: `arn:aws:sts::${A}:assumed-role/Admin/ops`, action: 'iam:CreateAccessKey', resource: '*', params: {} });
    expect(out.result.decision, out.result.message).toBe('ValidationError');
  });

  it('UpdateAccessKey, DeleteAccessKey, and the login profile calls', async () => {
    const live = new LiveWorld(world(), managed);
    const m = user('mallory');
    expect((await live.run({ principal: m, action: 'iam:UpdateAccessKey', resource: user('bob'), params: { AccessKeyId: 'AKIABOBBOBBOBBOB0001', Status: 'Inactive' } })).result.decision).toBe('allowed');
    expect(account(live.scenario).users?.find((u) => u.name === 'bob')?.accessKeys?.[0]?.status).toBe('Inactive');
    expect((await live.run({ principal: m, action: 'iam:UpdateAccessKey', resource: user('bob'), params: { AccessKeyId: 'AKIABOBBOBBOBBOB0001', Status: 'Off' } })).result.decision).toBe('ValidationError');
    expect((await live.run({ principal: m, action: 'iam:DeleteAccessKey', resource: user('bob'), params: { AccessKeyId: 'AKIANOSUCHKEY0000000' } })).result.decision).toBe('NoSuchEntity');
    expect((await live.run({ principal: m, action: 'iam:DeleteAccessKey', resource: user('bob'), params: { AccessKeyId: 'AKIABOBBOBBOBBOB0001' } })).result.decision).toBe('allowed');
    expect((await live.run({ principal: m, action: 'iam:CreateLoginProfile', resource: user('bob'), params: { Password: 'New-pass-2!' } })).result.decision).toBe('EntityAlreadyExists');
    expect((await live.run({ principal: m, action: 'iam:UpdateLoginProfile', resource: user('bob'), params: { Password: 'New-pass-2!' } })).result.decision).toBe('allowed');
    expect(account(live.scenario).users?.find((u) => u.name === 'bob')?.password).toBe('New-pass-2!');
    expect((await live.run({ principal: m, action: 'iam:DeleteLoginProfile', resource: user('bob'), params: {} })).result.decision).toBe('allowed');
    expect((await live.run({ principal: m, action: 'iam:UpdateLoginProfile', resource: user('bob'), params: { Password: 'x-Y-3!abc' } })).result.decision).toBe('NoSuchEntity');
    expect((await live.run({ principal: m, action: 'iam:CreateLoginProfile', resource: user('dev'), params: { Password: 'First-pass-1!' } })).result.decision).toBe('allowed');
    // bob can now sign in to the console with nothing: his password is gone.
    expect(account(live.scenario).users?.find((u) => u.name === 'bob')?.password).toBeUndefined();
  });

  it('attach, detach, groups, inline policies, trust policies, boundaries and tags', async () => {
    const live = new LiveWorld(world(), managed);
    const m = user('mallory');
    const steps: [RequestJson, string][] = [
      [{ principal: m, action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: ADMIN } }, 'allowed'],
      // Attaching what is attached succeeds and changes nothing, as the API does.
      [{ principal: m, action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: ADMIN } }, 'allowed'],
      [{ principal: m, action: 'iam:DetachUserPolicy', resource: user('bob'), params: { PolicyArn: ADMIN } }, 'allowed'],
      [{ principal: m, action: 'iam:DetachUserPolicy', resource: user('bob'), params: { PolicyArn: ADMIN } }, 'NoSuchEntity'],
      [{ principal: m, action: 'iam:AttachGroupPolicy', resource: `arn:aws:iam::${A}:group/devs`, params: { PolicyArn: `arn:aws:iam::${A}:policy/ReadBuckets` } }, 'allowed'],
      [{ principal: m, action: 'iam:AddUserToGroup', resource: `arn:aws:iam::${A}:group/devs`, params: { UserName: 'dev' } }, 'allowed'],
      [{ principal: m, action: 'iam:RemoveUserFromGroup', resource: `arn:aws:iam::${A}:group/devs`, params: { UserName: 'bob' } }, 'allowed'],
      [{ principal: m, action: 'iam:RemoveUserFromGroup', resource: `arn:aws:iam::${A}:group/devs`, params: { UserName: 'bob' } }, 'NoSuchEntity'],
      [{ principal: m, action: 'iam:PutRolePolicy', resource: `arn:aws:iam::${A}:role/App`, params: { PolicyName: 'read', PolicyDocument: JSON.stringify(allow('s3:GetObject')) } }, 'allowed'],
      [{ principal: m, action: 'iam:UpdateAssumeRolePolicy', resource: `arn:aws:iam::${A}:role/App`, params: { PolicyDocument: trust({ AWS: user('bob') }) } }, 'allowed'],
      [{ principal: m, action: 'iam:PutUserPermissionsBoundary', resource: user('bob'), params: { PermissionsBoundary: `arn:aws:iam::${A}:policy/ReadBuckets` } }, 'allowed'],
      [{ principal: m, action: 'iam:TagRole', resource: `arn:aws:iam::${A}:role/App`, params: { Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'x' }] } }, 'allowed'],
      [{ principal: m, action: 'iam:UntagRole', resource: `arn:aws:iam::${A}:role/App`, params: { TagKeys: ['team'] } }, 'allowed'],
      [{ principal: m, action: 'iam:CreateRole', resource: `arn:aws:iam::${A}:role/Ops`, params: { AssumeRolePolicyDocument: trust({ AWS: A }), MaxSessionDuration: 7200, PermissionsBoundary: ADMIN } }, 'allowed'],
      [{ principal: m, action: 'iam:DeleteRole', resource: `arn:aws:iam::${A}:role/App`, params: {} }, 'DeleteConflict'],
      [{ principal: m, action: 'iam:DeleteRolePolicy', resource: `arn:aws:iam::${A}:role/App`, params: { PolicyName: 'read' } }, 'allowed'],
      [{ principal: m, action: 'iam:DeleteRole', resource: `arn:aws:iam::${A}:role/App`, params: {} }, 'allowed'],
    ];
    for (const [request, expected] of steps) expect((await live.run(request)).result.decision, `${request.action} ${JSON.stringify(request.params)}`).toBe(expected);
    const a = account(live.scenario);
    const bob = a.users!.find((u) => u.name === 'bob')!;
    expect(bob.managedPolicies ?? []).toEqual([]);
    expect(bob.groups).toEqual([]);
    expect(bob.permissionsBoundary).toBe(`arn:aws:iam::${A}:policy/ReadBuckets`);
    expect(a.users!.find((u) => u.name === 'dev')!.groups).toEqual(['devs']);
    expect(a.groups![0]!.managedPolicies).toEqual([`arn:aws:iam::${A}:policy/ReadBuckets`]);
    expect(a.roles!.map((r) => r.name)).toEqual(['Ops']);
    expect(a.roles![0]).toMatchObject({ maxSessionDuration: 7200, permissionsBoundary: ADMIN });
  });

  it('CreatePolicyVersion without SetAsDefault keeps the default version in force', async () => {
    const out = await call(world(), { principal: user('dev'), action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService`, params: { PolicyDocument: allow('*') } });
    expect(out.result.decision).toBe('allowed');
    expect(out.applied?.summary.code).toBe('apiCreatedPolicyVersionNotDefault');
    expect(out.applied?.edits).toEqual([]);
  });

  it('the attack: a user allowed iam:CreatePolicyVersion on its own policy sets an admin version, then reads the secret bucket', async () => {
    const live = new LiveWorld(world(), managed);
    const read = { principal: user('dev'), action: 's3:GetObject', resource: 'arn:aws:s3:::secret-bucket/plans.txt' };
    expect((await live.run(read)).result.decision).toBe('implicitDeny');
    const escalate = await live.run({
      principal: user('dev'), action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService`,
      params: { PolicyDocument: allow('*'), SetAsDefault: true },
    });
    expect(escalate.result.decision).toBe('allowed');
    expect(escalate.applied?.summary.code).toBe('apiCreatedPolicyVersion');
    expect(escalate.faults).toBeUndefined();
    expect((await live.run(read)).result.decision).toBe('allowed');
  });
});

describe('condition keys from the call\'s parameters', () => {
  const guarded = (statement: Record<string, unknown>): ScenarioJson => {
    const base = world();
    return { ...base, accounts: [{ ...account(base), users: [...account(base).users!, { name: 'lead', inlinePolicies: { p: { Version: '2012-10-17', Statement: [statement] } } }] }, account(base, B)] };
  };

  it('iam:PolicyARN limits which policy a user may attach', async () => {
    const scenario = guarded({ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': `arn:aws:iam::${A}:policy/ReadBuckets` } } });
    expect((await call(scenario, { principal: user('lead'), action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: ADMIN } })).result.decision).toBe('implicitDeny');
    expect((await call(scenario, { principal: user('lead'), action: 'iam:AttachUserPolicy', resource: user('bob'), params: { PolicyArn: `arn:aws:iam::${A}:policy/ReadBuckets` } })).result.decision).toBe('allowed');
  });

  it('iam:PermissionsBoundary: a user may create users only with the boundary', async () => {
    const boundary = `arn:aws:iam::${A}:policy/ReadBuckets`;
    const scenario = guarded({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*', Condition: { StringEquals: { 'iam:PermissionsBoundary': boundary } } });
    expect((await call(scenario, { principal: user('lead'), action: 'iam:CreateUser', resource: user('x'), params: {} })).result.decision).toBe('implicitDeny');
    const out = await call(scenario, { principal: user('lead'), action: 'iam:CreateUser', resource: user('x'), params: { PermissionsBoundary: boundary } });
    expect(out.result.decision).toBe('allowed');
    expect(account(out.world).users!.find((u) => u.name === 'x')!.permissionsBoundary).toBe(boundary);
  });

  it('aws:RequestTag and aws:TagKeys: tags a Tag call sends; aws:TagKeys for Untag', async () => {
    const scenario = guarded({ Effect: 'Allow', Action: ['iam:TagUser', 'iam:UntagUser'], Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, StringEqualsIfExists: { 'aws:RequestTag/team': 'blue' } } });
    const lead = user('lead');
    expect((await call(scenario, { principal: lead, action: 'iam:TagUser', resource: user('bob'), params: { Tags: [{ Key: 'team', Value: 'red' }] } })).result.decision).toBe('implicitDeny');
    expect((await call(scenario, { principal: lead, action: 'iam:TagUser', resource: user('bob'), params: { Tags: [{ Key: 'admin', Value: 'blue' }] } })).result.decision).toBe('implicitDeny');
    expect((await call(scenario, { principal: lead, action: 'iam:TagUser', resource: user('bob'), params: { Tags: [{ Key: 'team', Value: 'blue' }] } })).result.decision).toBe('allowed');
    expect((await call(scenario, { principal: lead, action: 'iam:UntagUser', resource: user('bob'), params: { TagKeys: ['admin'] } })).result.decision).toBe('implicitDeny');
    expect((await call(scenario, { principal: lead, action: 'iam:UntagUser', resource: user('bob'), params: { TagKeys: ['team'] } })).result.decision).toBe('allowed');
  });
});

describe('every API of the spec: allowed → applied, denied → nothing changes', () => {
  const g = (name: string) => `arn:aws:iam::${A}:group/${name}`;
  const r = (name: string) => `arn:aws:iam::${A}:role/${name}`;
  const p = (name: string) => `arn:aws:iam::${A}:policy/${name}`;
  const doc = allow('s3:ListBucket');
  /** A world where every call below has something to act on. */
  const rich = (): ScenarioJson => {
    const base = world();
    const a = account(base);
    return {
      ...base,
      accounts: [{
        ...a,
        users: [...a.users!.filter((u) => u.name !== 'bob'), {
          name: 'bob', groups: ['devs'], accessKeys: [{ id: 'AKIABOBBOBBOBBOB0001', secret: 'x' }], password: 'Old-pass-1!',
          managedPolicies: ['ReadBuckets'], inlinePolicies: { old: doc }, permissionsBoundary: 'ReadBuckets', tags: { team: 'blue' },
        }, { name: 'carol' }],
        groups: [{ name: 'devs', managedPolicies: ['ReadBuckets'], inlinePolicies: { old: doc } }, { name: 'empty' }],
        roles: [
          { ...a.roles![0]!, managedPolicies: ['ReadBuckets'], inlinePolicies: { old: doc }, permissionsBoundary: 'ReadBuckets', tags: { team: 'blue' } },
          { name: 'Bare', trustPolicy: trust({ Service: 'ec2.amazonaws.com' }) },
        ],
        policies: [...a.policies!, { name: 'Unused', document: doc }],
      }, account(base, B)],
    };
  };
  const cases: Record<string, { resource: string; params: Record<string, unknown>; changed: (s: ScenarioJson) => unknown }> = {
    'iam:CreateUser': { resource: user('new'), params: {}, changed: (s) => account(s).users!.some((u) => u.name === 'new') },
    'iam:DeleteUser': { resource: user('carol'), params: {}, changed: (s) => !account(s).users!.some((u) => u.name === 'carol') },
    'iam:CreateGroup': { resource: g('ops'), params: {}, changed: (s) => account(s).groups!.some((x) => x.name === 'ops') },
    'iam:DeleteGroup': { resource: g('empty'), params: {}, changed: (s) => !account(s).groups!.some((x) => x.name === 'empty') },
    'iam:AddUserToGroup': { resource: g('empty'), params: { UserName: 'carol' }, changed: (s) => account(s).users!.find((u) => u.name === 'carol')!.groups?.includes('empty') },
    'iam:RemoveUserFromGroup': { resource: g('devs'), params: { UserName: 'bob' }, changed: (s) => !account(s).users!.find((u) => u.name === 'bob')!.groups!.includes('devs') },
    'iam:CreateAccessKey': { resource: user('carol'), params: {}, changed: (s) => account(s).users!.find((u) => u.name === 'carol')!.accessKeys?.length === 1 },
    'iam:UpdateAccessKey': { resource: user('bob'), params: { AccessKeyId: 'AKIABOBBOBBOBBOB0001', Status: 'Inactive' }, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.accessKeys![0]!.status === 'Inactive' },
    'iam:DeleteAccessKey': { resource: user('bob'), params: { AccessKeyId: 'AKIABOBBOBBOBBOB0001' }, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.accessKeys!.length === 0 },
    'iam:CreateLoginProfile': { resource: user('carol'), params: { Password: 'Carol-pass-1!' }, changed: (s) => account(s).users!.find((u) => u.name === 'carol')!.password === 'Carol-pass-1!' },
    'iam:UpdateLoginProfile': { resource: user('bob'), params: { Password: 'New-pass-1!' }, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.password === 'New-pass-1!' },
    'iam:DeleteLoginProfile': { resource: user('bob'), params: {}, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.password === undefined },
    'iam:CreatePolicy': { resource: p('Fresh'), params: { PolicyName: 'Fresh', PolicyDocument: doc }, changed: (s) => account(s).policies!.some((x) => x.name === 'Fresh') },
    'iam:DeletePolicy': { resource: p('Unused'), params: {}, changed: (s) => !account(s).policies!.some((x) => x.name === 'Unused') },
    'iam:CreatePolicyVersion': { resource: p('Unused'), params: { PolicyDocument: allow('*'), SetAsDefault: true }, changed: (s) => JSON.stringify(account(s).policies!.find((x) => x.name === 'Unused')!.document).includes('"Action":"*"') },
    'iam:AttachUserPolicy': { resource: user('carol'), params: { PolicyArn: ADMIN }, changed: (s) => account(s).users!.find((u) => u.name === 'carol')!.managedPolicies?.includes(ADMIN) },
    'iam:DetachUserPolicy': { resource: user('bob'), params: { PolicyArn: p('ReadBuckets') }, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.managedPolicies!.length === 0 },
    'iam:AttachGroupPolicy': { resource: g('empty'), params: { PolicyArn: ADMIN }, changed: (s) => account(s).groups!.find((x) => x.name === 'empty')!.managedPolicies?.includes(ADMIN) },
    'iam:DetachGroupPolicy': { resource: g('devs'), params: { PolicyArn: p('ReadBuckets') }, changed: (s) => account(s).groups!.find((x) => x.name === 'devs')!.managedPolicies!.length === 0 },
    'iam:AttachRolePolicy': { resource: r('Bare'), params: { PolicyArn: ADMIN }, changed: (s) => account(s).roles!.find((x) => x.name === 'Bare')!.managedPolicies?.includes(ADMIN) },
    'iam:DetachRolePolicy': { resource: r('App'), params: { PolicyArn: p('ReadBuckets') }, changed: (s) => account(s).roles!.find((x) => x.name === 'App')!.managedPolicies!.length === 0 },
    'iam:PutUserPolicy': { resource: user('carol'), params: { PolicyName: 'x', PolicyDocument: doc }, changed: (s) => 'x' in (account(s).users!.find((u) => u.name === 'carol')!.inlinePolicies ?? {}) },
    'iam:DeleteUserPolicy': { resource: user('bob'), params: { PolicyName: 'old' }, changed: (s) => !('old' in account(s).users!.find((u) => u.name === 'bob')!.inlinePolicies!) },
    'iam:PutGroupPolicy': { resource: g('empty'), params: { PolicyName: 'x', PolicyDocument: doc }, changed: (s) => 'x' in (account(s).groups!.find((x) => x.name === 'empty')!.inlinePolicies ?? {}) },
    'iam:DeleteGroupPolicy': { resource: g('devs'), params: { PolicyName: 'old' }, changed: (s) => !('old' in account(s).groups!.find((x) => x.name === 'devs')!.inlinePolicies!) },
    'iam:PutRolePolicy': { resource: r('Bare'), params: { PolicyName: 'x', PolicyDocument: doc }, changed: (s) => 'x' in (account(s).roles!.find((x) => x.name === 'Bare')!.inlinePolicies ?? {}) },
    'iam:DeleteRolePolicy': { resource: r('App'), params: { PolicyName: 'old' }, changed: (s) => !('old' in account(s).roles!.find((x) => x.name === 'App')!.inlinePolicies!) },
    'iam:CreateRole': { resource: r('New'), params: { AssumeRolePolicyDocument: trust({ AWS: A }) }, changed: (s) => account(s).roles!.some((x) => x.name === 'New') },
    'iam:DeleteRole': { resource: r('Bare'), params: {}, changed: (s) => !account(s).roles!.some((x) => x.name === 'Bare') },
    'iam:UpdateAssumeRolePolicy': { resource: r('Bare'), params: { PolicyDocument: trust({ AWS: A }) }, changed: (s) => JSON.stringify(account(s).roles!.find((x) => x.name === 'Bare')!.trustPolicy).includes(A) },
    'iam:PutUserPermissionsBoundary': { resource: user('carol'), params: { PermissionsBoundary: ADMIN }, changed: (s) => account(s).users!.find((u) => u.name === 'carol')!.permissionsBoundary === ADMIN },
    'iam:DeleteUserPermissionsBoundary': { resource: user('bob'), params: {}, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.permissionsBoundary === undefined },
    'iam:PutRolePermissionsBoundary': { resource: r('Bare'), params: { PermissionsBoundary: ADMIN }, changed: (s) => account(s).roles!.find((x) => x.name === 'Bare')!.permissionsBoundary === ADMIN },
    'iam:DeleteRolePermissionsBoundary': { resource: r('App'), params: {}, changed: (s) => account(s).roles!.find((x) => x.name === 'App')!.permissionsBoundary === undefined },
    'iam:TagUser': { resource: user('bob'), params: { Tags: [{ Key: 'env', Value: 'prod' }] }, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.tags?.['env'] === 'prod' },
    'iam:UntagUser': { resource: user('bob'), params: { TagKeys: ['team'] }, changed: (s) => account(s).users!.find((u) => u.name === 'bob')!.tags?.['team'] === undefined },
    'iam:TagRole': { resource: r('Bare'), params: { Tags: [{ Key: 'env', Value: 'prod' }] }, changed: (s) => account(s).roles!.find((x) => x.name === 'Bare')!.tags?.['env'] === 'prod' },
    'iam:UntagRole': { resource: r('App'), params: { TagKeys: ['team'] }, changed: (s) => account(s).roles!.find((x) => x.name === 'App')!.tags?.['team'] === undefined },
  };

  it('the table covers every API of IAM_API_SPECS', async () => {
    const { IAM_API_SPECS } = await import('./spec');
    expect(Object.keys(cases).sort()).toEqual(IAM_API_SPECS.map((s) => s.action).sort());
  });

  for (const [action, c] of Object.entries(cases)) {
    it(action, async () => {
      const scenario = rich();
      const applied = await call(scenario, { action, resource: c.resource, params: c.params });
      expect(applied.result.decision, applied.result.message).toBe('allowed');
      expect(applied.applied?.action).toBe(action);
      expect(c.changed(applied.world!), 'the world changed as the call says').toBe(true);
      expect(c.changed(scenario), 'the scenario given is never changed').toBeFalsy();
      // The edits, applied to the world the call was judged in, give the new world (the app applies them so).
      const { applyEdit } = await import('../edit/apply');
      let replayed = scenario;
      for (const edit of applied.applied!.edits) {
        const result = applyEdit(replayed, edit);
        if (!result.ok) throw new Error(result.error.message);
        replayed = result.world;
      }
      expect(replayed).toEqual(applied.world);
      const denied = await call(scenario, { principal: user('carol'), action, resource: c.resource, params: c.params });
      expect(denied.result.decision).toBe('implicitDeny');
      expect(denied.world).toBeUndefined();
    });
  }
});

describe('the root user manages its own access keys through the IAM API', () => {
  // IAM API Reference, DeleteAccessKey / UpdateAccessKey / CreateAccessKey: "If you do not specify a user name, IAM
  // determines the user name implicitly based on the AWS access key ID signing the request. This operation works for
  // access keys under the AWS account. Consequently, you can use this operation to manage AWS account root user
  // credentials even if the AWS account has no associated users."
  const root = `arn:aws:iam::${A}:root`;
  const withRootKey = (): ScenarioJson => {
    const base = world();
    return { ...base, accounts: base.accounts.map((a) => (a.id === A ? { ...a, root: { accessKeys: [{ id: 'AKIAROOTROOTROOT0001', secret: 's' }] } } : a)) };
  };

  it('without UserName, DeleteAccessKey deletes the root user’s own key', async () => {
    const out = await call(withRootKey(), { principal: root, action: 'iam:DeleteAccessKey', resource: root, params: { AccessKeyId: 'AKIAROOTROOTROOT0001' } });
    expect(out.result.decision).toBe('allowed');
    expect(out.applied?.summary.code).toBe('apiDeletedRootAccessKey');
    expect(account(out.world).root?.accessKeys ?? []).toEqual([]);
  });

  it('without UserName, UpdateAccessKey deactivates it, and CreateAccessKey makes a new one without a UserName in the response', async () => {
    const updated = await call(withRootKey(), { principal: root, action: 'iam:UpdateAccessKey', resource: root, params: { AccessKeyId: 'AKIAROOTROOTROOT0001', Status: 'Inactive' } });
    expect(account(updated.world).root?.accessKeys?.[0]?.status).toBe('Inactive');
    const created = await call(world(), { principal: root, action: 'iam:CreateAccessKey', resource: root, params: {} });
    expect(created.applied?.summary.code).toBe('apiCreatedRootAccessKey');
    expect(account(created.world).root?.accessKeys).toHaveLength(1);
    expect((created.applied?.response?.['AccessKey'] as Record<string, unknown>)['UserName']).toBeUndefined();
  });

  it('a key the root user does not have is NoSuchEntity, and an IAM user without UserName still acts on their own keys', async () => {
    const missing = await call(withRootKey(), { principal: root, action: 'iam:DeleteAccessKey', resource: root, params: { AccessKeyId: 'AKIANOSUCHKEYXXX0001' } });
    expect(missing.result.decision).toBe('NoSuchEntity');
    const ownKey = await call(world(), { principal: user('mallory'), action: 'iam:CreateAccessKey', resource: user('mallory'), params: {} });
    expect(ownKey.applied?.summary.code).toBe('apiCreatedAccessKey');
  });
});
