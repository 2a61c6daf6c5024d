/**
 * The rules of AWS STS's AssumeRole, GetSessionToken, GetFederationToken and
 * GetCallerIdentity, each test named after the AWS documentation it pins down (AWS STS API
 * Reference; IAM User Guide), each checking the decision or AWS's error code, and what the
 * call returns.
 */
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../engine/data/nodeManagedPolicies';
import type { DecisionResult } from '../engine/evaluate/types';
import { compileWorld } from '../engine/model/compile';
import { runRequest } from '../engine/pipeline/run';
import { SessionStore } from '../engine/pipeline/sessions';
import type { AccountJson, RequestJson, ScenarioJson } from '../engine/scenario/types';
import { validateDocument } from '../engine/scenario/validate';
import { totpCode } from '../engine/authn/totp';

// ── A small harness: a world, requests run in order with one session store ──────────────

const managed = loadManagedPolicySourceNode();
const NOW = '2026-03-01T12:00:00Z';
const A = '111122223333';
const B = '444455556666';

type Statement = Record<string, unknown>;
const doc = (...statements: Statement[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[], resource: string | string[] = '*', condition?: Record<string, unknown>): Statement => ({
  Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}),
});
const deny = (action: string | string[], resource: string | string[] = '*'): Statement => ({ Effect: 'Deny', Action: action, Resource: resource });
const trust = (principal: Record<string, unknown>, action: string | string[] = 'sts:AssumeRole', condition?: Record<string, unknown>) =>
  doc({ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) });
const trustAccount = (account: string, action: string | string[] = 'sts:AssumeRole', condition?: Record<string, unknown>) =>
  trust({ AWS: `arn:aws:iam::${account}:root` }, action, condition);

const user = (name: string, account = A) => `arn:aws:iam::${account}:user/${name}`;
const role = (name: string, account = A) => `arn:aws:iam::${account}:role/${name}`;

interface Played {
  readonly results: ReadonlyMap<string, DecisionResult>;
  readonly sessions: SessionStore;
  get(id: string): DecisionResult;
  response(id: string): Record<string, unknown>;
  context(id: string): Record<string, unknown>;
}

/** Validates the scenario (schema and references), compiles it and runs the requests in order. */
async function play(accounts: AccountJson[], requests: (RequestJson & { id: string; at?: string })[]): Promise<Played> {
  const scenario = { format: 'iam-playground/scenario', version: 1, now: NOW, accounts, requests: requests.map(({ at: _at, ...r }) => r) };
  const validated = validateDocument(scenario);
  if (!validated.ok) throw new Error(validated.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const { world, faults } = compileWorld(scenario as ScenarioJson, managed);
  if (faults.length > 0) throw new Error(faults.map((f) => `${f.path}: ${f.message}`).join('\n'));
  const sessions = new SessionStore();
  const results = new Map<string, DecisionResult>();
  for (const { at, ...request } of requests) {
    results.set(request.id, await runRequest(world, request, { trace: true, sessions, ...(at ? { now: new Date(at) } : {}) }));
  }
  const get = (id: string) => {
    const r = results.get(id);
    if (!r) throw new Error(`no request ${id}`);
    return r;
  };
  return {
    results, sessions, get,
    response: (id) => (sessions.responseOf(id) ?? {}) as Record<string, unknown>,
    context: (id) => Object.fromEntries(get(id).context),
  };
}

function decisions(played: Played): Record<string, string> {
  return Object.fromEntries([...played.results].map(([id, r]) => [id, r.decision]));
}

// ── A common world: a user who may assume roles of account A, and a few roles ──────────

const assumer = {
  name: 'dev',
  inlinePolicies: { Assume: doc(allow(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], `arn:aws:iam::${A}:role/*`)) },
};
const readRole = (name: string, extra: Record<string, unknown> = {}) => ({
  name, trustPolicy: trustAccount(A), inlinePolicies: { Read: doc(allow('s3:ListAllMyBuckets')) }, ...extra,
});

describe('AssumeRole — RoleSessionName (AWS STS API Reference, AssumeRole: "[\\w+=,.@-]*", 2 to 64 characters)', () => {
  it('a name of 2 to 64 characters of letters, digits and +=,.@-_ is accepted; the session ARN ends with it', async () => {
    const p = await play([{ id: A, users: [assumer], roles: [readRole('Ops')] }], [
      { id: 'ok', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'a.b@c_d-e+f=g,h' } },
      { id: 'one-char', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'a' } },
      { id: 'too-long', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'xx'.repeat(65) } },
      { id: 'space', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'my session' } },
      { id: 'missing', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Ops'), params: { DurationSeconds: 900 } },
    ]);
    expect(decisions(p)).toEqual({ ok: 'allowed', 'one-char': 'ValidationError', 'too-long': 'ValidationError', space: 'ValidationError', missing: 'ValidationError' });
    expect((p.response('ok')['AssumedRoleUser'] as Record<string, string>)['Arn']).toBe(`arn:aws:sts::${A}:assumed-role/Ops/a.b@c_d-e+f=g,h`);
    expect(p.get('missing').message).toContain("Value null at 'roleSessionName'");
  });

  it('sts:RoleSessionName is in the request context, so a trust policy can require the session name (IAM User Guide, "sts:RoleSessionName")', async () => {
    const p = await play([{
      id: A, users: [assumer],
      roles: [{ name: 'Named', trustPolicy: trustAccount(A, 'sts:AssumeRole', { StringLike: { 'sts:RoleSessionName': '${aws:username}' } }), inlinePolicies: {} }],
    }], [
      { id: 'own-name', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Named'), params: { RoleSessionName: 'dev' } },
      { id: 'other-name', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Named'), params: { RoleSessionName: 'admin' } },
    ]);
    expect(decisions(p)).toEqual({ 'own-name': 'allowed', 'other-name': 'implicitDeny' });
  });
});

describe('AssumeRole — DurationSeconds "from 900 seconds (15 minutes) up to the maximum session duration set for the role" (AWS STS API Reference, AssumeRole)', () => {
  const world = (): AccountJson[] => [{ id: A, users: [assumer], roles: [readRole('OneHour'), readRole('TwoHours', { maxSessionDuration: 7200 })] }];

  it('the default is one hour; a duration up to the role\'s MaxSessionDuration sets Credentials.Expiration', async () => {
    const p = await play(world(), [
      { id: 'default', principal: user('dev'), action: 'sts:AssumeRole', resource: role('TwoHours'), params: { RoleSessionName: 's1' } },
      { id: 'two-hours', principal: user('dev'), action: 'sts:AssumeRole', resource: role('TwoHours'), params: { RoleSessionName: 's2', DurationSeconds: 7200 } },
      { id: 'fifteen-minutes', principal: user('dev'), action: 'sts:AssumeRole', resource: role('OneHour'), params: { RoleSessionName: 's3', DurationSeconds: 900 } },
    ]);
    expect(decisions(p)).toEqual({ default: 'allowed', 'two-hours': 'allowed', 'fifteen-minutes': 'allowed' });
    const expiration = (id: string) => (p.response(id)['Credentials'] as Record<string, string>)['Expiration'];
    expect(expiration('default')).toBe('2026-03-01T13:00:00Z');
    expect(expiration('two-hours')).toBe('2026-03-01T14:00:00Z');
    expect(expiration('fifteen-minutes')).toBe('2026-03-01T12:15:00Z');
  });

  it('"If you specify a value higher than this setting … the operation fails": ValidationError; below 900 or above 43200 too', async () => {
    const p = await play(world(), [
      { id: 'over-max', principal: user('dev'), action: 'sts:AssumeRole', resource: role('OneHour'), params: { RoleSessionName: 'ss', DurationSeconds: 3601 } },
      { id: 'under-900', principal: user('dev'), action: 'sts:AssumeRole', resource: role('OneHour'), params: { RoleSessionName: 'ss', DurationSeconds: 899 } },
      { id: 'over-12h', principal: user('dev'), action: 'sts:AssumeRole', resource: role('TwoHours'), params: { RoleSessionName: 'ss', DurationSeconds: 43201 } },
    ]);
    expect(decisions(p)).toEqual({ 'over-max': 'ValidationError', 'under-900': 'ValidationError', 'over-12h': 'ValidationError' });
    expect(p.get('over-max').message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    expect(p.get('under-900').message).toContain('greater than or equal to 900');
    expect(p.get('over-12h').message).toContain('less than or equal to 43200');
  });

  it('"Role chaining limits your AWS CLI or AWS API role session to a maximum of one hour": more is a ValidationError, one hour is the default', async () => {
    const p = await play([{
      id: A, users: [assumer],
      roles: [
        readRole('First', { inlinePolicies: { Chain: doc(allow('sts:AssumeRole', role('Long'))) } }),
        { name: 'Long', maxSessionDuration: 43200, trustPolicy: trust({ AWS: role('First') }), inlinePolicies: {} },
      ],
    }], [
      { id: 'first', principal: user('dev'), action: 'sts:AssumeRole', resource: role('First'), params: { RoleSessionName: 'one' }, as: 'first' },
      { id: 'chained-3601', principal: '$first', action: 'sts:AssumeRole', resource: role('Long'), params: { RoleSessionName: 'two', DurationSeconds: 3601 } },
      { id: 'chained-default', principal: '$first', action: 'sts:AssumeRole', resource: role('Long'), params: { RoleSessionName: 'two' } },
    ]);
    expect(decisions(p)).toEqual({ first: 'allowed', 'chained-3601': 'ValidationError', 'chained-default': 'allowed' });
    expect(p.get('chained-3601').message).toBe('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    expect((p.response('chained-default')['Credentials'] as Record<string, string>)['Expiration']).toBe('2026-03-01T13:00:00Z');
  });
});

describe('AssumeRole — ExternalId (IAM User Guide, "Access to AWS accounts owned by third parties": sts:ExternalId)', () => {
  it('the trust policy\'s sts:ExternalId condition admits only the caller who passes the id; a malformed id is a ValidationError', async () => {
    const p = await play([
      { id: A, users: [{ name: 'vendor', inlinePolicies: { Assume: doc(allow('sts:AssumeRole', role('Vendor', B))) } }] },
      { id: B, roles: [{ name: 'Vendor', trustPolicy: trustAccount(A, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'Unique-Id:42' } }), inlinePolicies: {} }] },
    ], [
      { id: 'with-id', principal: user('vendor'), action: 'sts:AssumeRole', resource: role('Vendor', B), params: { RoleSessionName: 'vv', ExternalId: 'Unique-Id:42' } },
      { id: 'wrong-id', principal: user('vendor'), action: 'sts:AssumeRole', resource: role('Vendor', B), params: { RoleSessionName: 'vv', ExternalId: 'Unique-Id:43' } },
      { id: 'no-id', principal: user('vendor'), action: 'sts:AssumeRole', resource: role('Vendor', B), params: { RoleSessionName: 'vv' } },
      { id: 'malformed', principal: user('vendor'), action: 'sts:AssumeRole', resource: role('Vendor', B), params: { RoleSessionName: 'vv', ExternalId: 'has space' } },
    ]);
    expect(decisions(p)).toEqual({ 'with-id': 'allowed', 'wrong-id': 'implicitDeny', 'no-id': 'implicitDeny', malformed: 'ValidationError' });
    expect(p.context('with-id')['sts:ExternalId']).toBe('Unique-Id:42');
    expect(p.get('wrong-id').decidedBy).toEqual(['trust']);
  });
});

describe('AssumeRole — MFA: "To use MFA with AssumeRole, you pass values for the SerialNumber and TokenCode parameters" (AWS STS API Reference; IAM User Guide, "Configure MFA-protected API access")', () => {
  const SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const serial = `arn:aws:iam::${A}:mfa/dev`;
  const world = (): AccountJson[] => [{
    id: A,
    users: [{ ...assumer, mfaDevices: [{ serial, seed: SEED }] }, { name: 'other', mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/other`, seed: SEED }] }],
    roles: [{
      name: 'Admin', trustPolicy: trustAccount(A, 'sts:AssumeRole', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      inlinePolicies: { Stop: doc(allow('ec2:StopInstances', '*', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } })) },
    }],
  }];

  it('with the current TOTP code the call carries aws:MultiFactorAuthPresent=true and aws:MultiFactorAuthAge=0; the session keeps them and the age grows', async () => {
    const code = await totpCode(SEED, new Date(NOW));
    if (!code.ok) throw new Error(code.message);
    const p = await play(world(), [
      { id: 'with-mfa', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Admin'), params: { RoleSessionName: 'dev', SerialNumber: serial, TokenCode: code.code }, as: 'admin' },
      { id: 'ten-minutes-later', principal: '$admin', action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-0a1b2c3d`, at: '2026-03-01T12:10:00Z' },
      { id: 'two-hours-later', principal: '$admin', action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-0a1b2c3d`, at: '2026-03-01T14:00:00Z' },
      { id: 'without-mfa', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Admin'), params: { RoleSessionName: 'dev' } },
    ]);
    expect(decisions(p)).toEqual({ 'with-mfa': 'allowed', 'ten-minutes-later': 'allowed', 'two-hours-later': 'implicitDeny', 'without-mfa': 'implicitDeny' });
    expect(p.context('with-mfa')).toMatchObject({ 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0' });
    expect(p.context('ten-minutes-later')).toMatchObject({ 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '600' });
    // A long-term key carries no aws:MultiFactorAuthPresent at all ("Null" is the way to test for it).
    expect(p.context('without-mfa')['aws:MultiFactorAuthPresent']).toBeUndefined();
  });

  it('a wrong code, or a device that is not the caller\'s, is AccessDenied; a code that is not six digits is a ValidationError', async () => {
    const p = await play(world(), [
      { id: 'wrong-code', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Admin'), params: { RoleSessionName: 'dev', SerialNumber: serial, TokenCode: '000000' } },
      { id: 'others-device', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Admin'), params: { RoleSessionName: 'dev', SerialNumber: `arn:aws:iam::${A}:mfa/other`, TokenCode: '123456' } },
      { id: 'five-digits', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Admin'), params: { RoleSessionName: 'dev', SerialNumber: serial, TokenCode: '12345' } },
      { id: 'short-serial', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Admin'), params: { RoleSessionName: 'dev', SerialNumber: 'GAHT1', TokenCode: '123456' } },
    ]);
    expect(decisions(p)).toEqual({ 'wrong-code': 'AccessDenied', 'others-device': 'AccessDenied', 'five-digits': 'ValidationError', 'short-serial': 'ValidationError' });
    expect(p.get('wrong-code').message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code.');
    expect(p.get('others-device').message).toContain('unable to validate MFA code');
  });
});

describe('AssumeRole — session policies: "The resulting session\'s permissions are the intersection of the role\'s identity-based policy and the session policies" (AWS STS API Reference, AssumeRole, Policy and PolicyArns)', () => {
  const managedPolicies = Array.from({ length: 11 }, (_, i) => ({ name: `P${i}`, document: doc(allow(`s3:GetObject`, `arn:aws:s3:::bucket${i}/*`)) }));
  const world = (): AccountJson[] => [{
    id: A, users: [assumer], policies: managedPolicies,
    roles: [{ name: 'Broad', trustPolicy: trustAccount(A, ['sts:AssumeRole', 'sts:TagSession']), inlinePolicies: { All: doc(allow(['s3:*', 'ec2:*'])) } }],
  }];
  const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::${A}:policy/P${i}`);

  it('an inline session policy and up to ten managed policy ARNs limit the session; PackedPolicySize is returned', async () => {
    const inline = doc(allow('ec2:DescribeInstances'));
    const p = await play(world(), [
      { id: 'inline', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Broad'), params: { RoleSessionName: 'ii', Policy: inline }, as: 'inline' },
      { id: 'inline-allows-common', principal: '$inline', action: 'ec2:DescribeInstances', resource: '*' },
      { id: 'inline-limits', principal: '$inline', action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` },
      { id: 'ten-arns', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Broad'), params: { RoleSessionName: 'mm', PolicyArns: arns(10) }, as: 'managed' },
      { id: 'managed-allows', principal: '$managed', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket9/x' },
      { id: 'managed-limits', principal: '$managed', action: 's3:PutObject', resource: 'arn:aws:s3:::bucket9/x' },
    ]);
    expect(decisions(p)).toEqual({ inline: 'allowed', 'inline-allows-common': 'allowed', 'inline-limits': 'implicitDeny', 'ten-arns': 'allowed', 'managed-allows': 'allowed', 'managed-limits': 'implicitDeny' });
    expect(p.get('inline-limits').decidedBy).toEqual(['session']);
    // The inline policy as sent is 94 characters: ceil(94 / 2048 × 100) = 5.
    expect(p.response('inline')['PackedPolicySize']).toBe(Math.ceil((JSON.stringify(inline).length / 2048) * 100));
    expect(p.response('ten-arns')['PackedPolicySize']).toBeGreaterThan(0);
  });

  it('"You can provide up to 10 managed policy ARNs"; "the plaintext … can\'t exceed 2,048 characters"; the packed size of policies and tags beyond 100% is PackedPolicyTooLarge', async () => {
    const long = doc(allow('s3:GetObject', Array.from({ length: 60 }, (_, i) => `arn:aws:s3:::a-rather-long-bucket-name-${i}/*`)));
    const bigTags = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`key${i}`, 'v'.repeat(256)]));
    const p = await play(world(), [
      { id: 'eleven-arns', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Broad'), params: { RoleSessionName: 'mm', PolicyArns: arns(11) } },
      { id: 'long-policy', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Broad'), params: { RoleSessionName: 'll', Policy: long } },
      { id: 'big-tags', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Broad'), params: { RoleSessionName: 'tt', Tags: bigTags } },
      { id: 'malformed', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Broad'), params: { RoleSessionName: 'xx', Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] } } },
    ]);
    expect(JSON.stringify(long).length).toBeGreaterThan(2048);
    expect(decisions(p)).toEqual({ 'eleven-arns': 'ValidationError', 'long-policy': 'ValidationError', 'big-tags': 'PackedPolicyTooLarge', malformed: 'MalformedPolicyDocument' });
    expect(p.get('big-tags').message).toMatch(/^Packed size of session tags consumes \d+% of allotted space\.$/);
  });
});

describe('AssumeRole — session tags: "An administrator must grant you the permissions necessary to pass session tags" (IAM User Guide, "Pass session tags in AWS STS")', () => {
  it('tags need sts:TagSession in the trust policy and in the caller\'s policies; then they are principal tags and override the role\'s', async () => {
    const p = await play([{
      id: A,
      users: [assumer, { name: 'notags', inlinePolicies: { Assume: doc(allow('sts:AssumeRole')) } }],
      roles: [
        { name: 'Tagged', tags: { team: 'red' }, trustPolicy: trustAccount(A, ['sts:AssumeRole', 'sts:TagSession']), inlinePolicies: { Abac: doc(allow('ec2:StartInstances', '*', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } })) } },
        { name: 'Untagged', trustPolicy: trustAccount(A), inlinePolicies: {} },
      ],
    }], [
      { id: 'trust-lacks-tag-session', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Untagged'), params: { RoleSessionName: 'ss', Tags: { team: 'blue' } } },
      { id: 'caller-lacks-tag-session', principal: user('notags'), action: 'sts:AssumeRole', resource: role('Tagged'), params: { RoleSessionName: 'ss', Tags: { team: 'blue' } } },
      { id: 'both-allow', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Tagged'), params: { RoleSessionName: 'ss', Tags: [{ Key: 'Team', Value: 'blue' }] }, as: 'tagged' },
      { id: 'session-tag-overrides-role-tag', principal: '$tagged', action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` },
      { id: 'duplicate-keys', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Tagged'), params: { RoleSessionName: 'ss', Tags: { team: 'a', Team: 'b' } } },
      { id: 'reserved-prefix', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Tagged'), params: { RoleSessionName: 'ss', Tags: { 'aws:team': 'a' } } },
    ]);
    expect(decisions(p)).toEqual({
      'trust-lacks-tag-session': 'implicitDeny', 'caller-lacks-tag-session': 'implicitDeny', 'both-allow': 'allowed',
      'session-tag-overrides-role-tag': 'allowed', 'duplicate-keys': 'ValidationError', 'reserved-prefix': 'ValidationError',
    });
    expect(p.get('trust-lacks-tag-session').message).toContain('sts:TagSession');
    expect(p.get('caller-lacks-tag-session').reason).toBe('noIdentityPolicyAllows');
    expect(p.context('both-allow')).toMatchObject({ 'aws:RequestTag/Team': 'blue', 'aws:TagKeys': ['Team'] });
    // The role's `team: red` gave way to the session's `Team: blue` (tag keys are case-insensitive), which the ABAC condition matched.
    expect(p.context('session-tag-overrides-role-tag')['aws:PrincipalTag/Team']).toBe('blue');
    expect(p.context('session-tag-overrides-role-tag')['aws:PrincipalTag/team']).toBeUndefined();
  });

  it('"Chaining roles with session tags": transitive tags pass to the next session (and need sts:TagSession there), others do not; an inherited key cannot be passed again', async () => {
    const p = await play([{
      id: A, users: [assumer],
      roles: [
        { name: 'First', trustPolicy: trustAccount(A, ['sts:AssumeRole', 'sts:TagSession']), inlinePolicies: { Chain: doc(allow(['sts:AssumeRole', 'sts:TagSession'], `arn:aws:iam::${A}:role/*`)) } },
        { name: 'Second', trustPolicy: trust({ AWS: role('First') }, ['sts:AssumeRole', 'sts:TagSession']), inlinePolicies: { Read: doc(allow('s3:ListAllMyBuckets')) } },
        { name: 'NoTagSession', trustPolicy: trust({ AWS: role('First') }), inlinePolicies: {} },
      ],
    }], [
      { id: 'first', principal: user('dev'), action: 'sts:AssumeRole', resource: role('First'), params: { RoleSessionName: 'one', Tags: { project: 'apollo', cost: 'cc-7' }, TransitiveTagKeys: ['project'] }, as: 'first' },
      { id: 'second', principal: '$first', action: 'sts:AssumeRole', resource: role('Second'), params: { RoleSessionName: 'two' }, as: 'second' },
      { id: 'second-acts', principal: '$second', action: 's3:ListAllMyBuckets', resource: '*' },
      { id: 'next-role-without-tag-session', principal: '$first', action: 'sts:AssumeRole', resource: role('NoTagSession'), params: { RoleSessionName: 'three' } },
      { id: 'inherited-key-again', principal: '$first', action: 'sts:AssumeRole', resource: role('Second'), params: { RoleSessionName: 'four', Tags: { project: 'gemini' } } },
    ]);
    expect(decisions(p)).toEqual({ first: 'allowed', second: 'allowed', 'second-acts': 'allowed', 'next-role-without-tag-session': 'implicitDeny', 'inherited-key-again': 'InvalidParameterValue' });
    expect(p.context('first')['sts:TransitiveTagKeys']).toEqual(['project']);
    const chained = p.context('second-acts');
    expect(chained['aws:PrincipalTag/project']).toBe('apollo');
    expect(chained['aws:PrincipalTag/cost']).toBeUndefined();
    expect(p.sessions.get('second')?.state.transitiveTagKeys).toEqual(['project']);
  });
});

describe('AssumeRole — SourceIdentity: needs sts:SetSourceIdentity, "persists across chained role sessions" and "cannot be changed" (IAM User Guide, "Monitor and control actions taken with assumed roles")', () => {
  it('set with permission, returned, present as aws:SourceIdentity, kept through chaining (which needs sts:SetSourceIdentity too), never changed', async () => {
    const chain = doc(allow(['sts:AssumeRole', 'sts:SetSourceIdentity'], `arn:aws:iam::${A}:role/*`));
    const p = await play([{
      id: A, users: [assumer],
      roles: [
        { name: 'First', trustPolicy: trustAccount(A, ['sts:AssumeRole', 'sts:SetSourceIdentity']), inlinePolicies: { Chain: chain } },
        { name: 'Second', trustPolicy: trust({ AWS: role('First') }, ['sts:AssumeRole', 'sts:SetSourceIdentity']), inlinePolicies: { Read: doc(allow('s3:ListAllMyBuckets')) } },
        { name: 'NoSetSourceIdentity', trustPolicy: trust({ AWS: [role('First'), `arn:aws:iam::${A}:root`] }), inlinePolicies: {} },
      ],
    }], [
      { id: 'without-permission', principal: user('dev'), action: 'sts:AssumeRole', resource: role('NoSetSourceIdentity'), params: { RoleSessionName: 'ss', SourceIdentity: 'dev' } },
      { id: 'set', principal: user('dev'), action: 'sts:AssumeRole', resource: role('First'), params: { RoleSessionName: 'ss', SourceIdentity: 'dev@example.com' }, as: 'first' },
      { id: 'first-acts', principal: '$first', action: 's3:ListAllMyBuckets', resource: '*' },
      { id: 'chained', principal: '$first', action: 'sts:AssumeRole', resource: role('Second'), params: { RoleSessionName: 'tt' }, as: 'second' },
      { id: 'chained-acts', principal: '$second', action: 's3:ListAllMyBuckets', resource: '*' },
      { id: 'chained-without-permission', principal: '$first', action: 'sts:AssumeRole', resource: role('NoSetSourceIdentity'), params: { RoleSessionName: 'uu' } },
      { id: 'changed', principal: '$first', action: 'sts:AssumeRole', resource: role('Second'), params: { RoleSessionName: 'vv', SourceIdentity: 'someone-else' } },
      { id: 'malformed', principal: user('dev'), action: 'sts:AssumeRole', resource: role('First'), params: { RoleSessionName: 'ss', SourceIdentity: 'has space' } },
    ]);
    expect(decisions(p)).toEqual({
      'without-permission': 'implicitDeny', set: 'allowed', 'first-acts': 'implicitDeny', chained: 'allowed', 'chained-acts': 'allowed',
      'chained-without-permission': 'implicitDeny', changed: 'AccessDenied', malformed: 'ValidationError',
    });
    expect(p.get('without-permission').message).toContain('sts:SetSourceIdentity');
    expect(p.response('set')['SourceIdentity']).toBe('dev@example.com');
    expect(p.context('set')['sts:SourceIdentity']).toBe('dev@example.com');
    expect(p.context('first-acts')['aws:SourceIdentity']).toBe('dev@example.com');
    expect(p.context('chained-acts')['aws:SourceIdentity']).toBe('dev@example.com');
    expect(p.response('chained')['SourceIdentity']).toBe('dev@example.com');
  });
});

describe('AssumeRole — "You cannot use AWS account root user credentials to call AssumeRole" (AWS STS API Reference, AssumeRole)', () => {
  it('the root user is refused with AccessDenied before any policy, even when the trust policy names the account', async () => {
    const p = await play([{ id: A, roles: [readRole('Ops')] }], [
      { id: 'root', principal: `arn:aws:iam::${A}:root`, action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'root' } },
    ]);
    expect(p.get('root').decision).toBe('AccessDenied');
    expect(p.get('root').message).toBe('Roles may not be assumed by root accounts.');
    expect(p.get('root').decidedBy).toEqual(['sts']);
  });
});

describe('GetSessionToken (AWS STS API Reference, GetSessionToken)', () => {
  const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const world = (): AccountJson[] => [{
    id: A,
    root: { mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/root-account-mfa-device`, seed: SEED }] },
    users: [
      { name: 'plain' },
      { name: 'denied', inlinePolicies: { NoSts: doc(deny('sts:*'), allow('ec2:*')) } },
      {
        name: 'mfa', mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/mfa`, seed: SEED }],
        inlinePolicies: { Ops: doc(allow('ec2:StopInstances', '*', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }), allow('sts:AssumeRole', role('TwoHours'))) },
      },
    ],
    roles: [readRole('TwoHours', { maxSessionDuration: 7200 })],
  }];

  it('"No permissions are required for users to perform this operation … You cannot use policies to control authentication operations"', async () => {
    const p = await play(world(), [
      { id: 'no-policy', principal: user('plain'), action: 'sts:GetSessionToken', resource: '*' },
      { id: 'explicit-deny', principal: user('denied'), action: 'sts:GetSessionToken', resource: '*' },
    ]);
    expect(decisions(p)).toEqual({ 'no-policy': 'allowed', 'explicit-deny': 'allowed' });
    expect(p.get('explicit-deny').decidedBy).toEqual(['sts']);
    // "with a default of 43,200 seconds (12 hours)"; only Credentials are returned.
    expect(p.response('no-policy')).toEqual({ Credentials: expect.objectContaining({ Expiration: '2026-03-02T00:00:00Z' }) });
  });

  it('"MFA-enabled IAM users must call GetSessionToken and submit an MFA code": its credentials then carry MFA; a wrong code is access denied', async () => {
    const code = await totpCode(SEED, new Date(NOW));
    if (!code.ok) throw new Error(code.message);
    const p = await play(world(), [
      { id: 'with-mfa', principal: user('mfa'), action: 'sts:GetSessionToken', resource: '*', params: { SerialNumber: `arn:aws:iam::${A}:mfa/mfa`, TokenCode: code.code, DurationSeconds: 3600 }, as: 'mfa' },
      { id: 'mfa-session-stops-instance', principal: '$mfa', action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` },
      { id: 'long-term-key-cannot', principal: user('mfa'), action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` },
      { id: 'wrong-code', principal: user('mfa'), action: 'sts:GetSessionToken', resource: '*', params: { SerialNumber: `arn:aws:iam::${A}:mfa/mfa`, TokenCode: '000000' } },
    ]);
    expect(decisions(p)).toEqual({ 'with-mfa': 'allowed', 'mfa-session-stops-instance': 'allowed', 'long-term-key-cannot': 'implicitDeny', 'wrong-code': 'AccessDenied' });
    expect(p.context('mfa-session-stops-instance')).toMatchObject({ 'aws:MultiFactorAuthPresent': 'true', 'aws:userid': expect.stringMatching(/^AIDA/) });
  });

  it('"You cannot call any STS API except AssumeRole or GetCallerIdentity" with its credentials; role sessions cannot call it; AssumeRole from them is not role chaining', async () => {
    const p = await play(world(), [
      { id: 'session', principal: user('mfa'), action: 'sts:GetSessionToken', resource: '*', as: 'st' },
      { id: 'again', principal: '$st', action: 'sts:GetSessionToken', resource: '*' },
      { id: 'federation', principal: '$st', action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/x`, params: { Name: 'xx' } },
      { id: 'assume-two-hours', principal: '$st', action: 'sts:AssumeRole', resource: role('TwoHours'), params: { RoleSessionName: 'rr', DurationSeconds: 7200 }, as: 'role' },
      { id: 'from-role-session', principal: '$role', action: 'sts:GetSessionToken', resource: '*' },
      { id: 'who', principal: '$st', action: 'sts:GetCallerIdentity', resource: '*' },
    ]);
    expect(decisions(p)).toEqual({ session: 'allowed', again: 'AccessDenied', federation: 'AccessDenied', 'assume-two-hours': 'allowed', 'from-role-session': 'AccessDenied', who: 'allowed' });
    expect(p.get('again').message).toBe('Cannot call GetSessionToken with session credentials');
    expect(p.response('who')['Arn']).toBe(user('mfa'));
  });

  it('"Credentials based on account credentials can range from 900 seconds (15 minutes) up to 3,600 seconds (1 hour)"; users\' up to 129,600 seconds', async () => {
    const p = await play(world(), [
      { id: 'root-asks-two-hours', principal: `arn:aws:iam::${A}:root`, action: 'sts:GetSessionToken', resource: '*', params: { DurationSeconds: 7200 } },
      { id: 'user-36-hours', principal: user('plain'), action: 'sts:GetSessionToken', resource: '*', params: { DurationSeconds: 129600 } },
      { id: 'user-too-long', principal: user('plain'), action: 'sts:GetSessionToken', resource: '*', params: { DurationSeconds: 129601 } },
    ]);
    expect(decisions(p)).toEqual({ 'root-asks-two-hours': 'allowed', 'user-36-hours': 'allowed', 'user-too-long': 'ValidationError' });
    expect((p.response('root-asks-two-hours')['Credentials'] as Record<string, string>)['Expiration']).toBe('2026-03-01T13:00:00Z');
    expect((p.response('user-36-hours')['Credentials'] as Record<string, string>)['Expiration']).toBe('2026-03-03T00:00:00Z');
  });
});

describe('GetFederationToken (AWS STS API Reference, GetFederationToken; IAM User Guide, "Permissions for GetFederationToken")', () => {
  const world = (): AccountJson[] => [{
    id: A,
    users: [
      { name: 'broker', tags: { dept: 'sales', level: '1' }, inlinePolicies: { Broker: doc(allow('sts:GetFederationToken'), allow(['s3:*', 'ec2:DescribeInstances'])) } },
      { name: 'nobody' },
    ],
    roles: [readRole('Ops')],
  }];

  it('the call needs sts:GetFederationToken; "if you do not pass a policy, then the resulting federated user session has no permissions"', async () => {
    const p = await play(world(), [
      { id: 'not-allowed', principal: user('nobody'), action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/bob`, params: { Name: 'bob' } },
      { id: 'no-policy', principal: user('broker'), action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/bob`, params: { Name: 'bob' }, as: 'bob' },
      { id: 'bob-has-nothing', principal: '$bob', action: 'ec2:DescribeInstances', resource: '*' },
    ]);
    expect(decisions(p)).toEqual({ 'not-allowed': 'implicitDeny', 'no-policy': 'allowed', 'bob-has-nothing': 'implicitDeny' });
    expect(p.get('bob-has-nothing').reason).toBe('federatedUserWithoutSessionPolicy');
    expect(p.response('no-policy')).toMatchObject({
      FederatedUser: { Arn: `arn:aws:sts::${A}:federated-user/bob`, FederatedUserId: `${A}:bob` },
      Credentials: expect.objectContaining({ Expiration: '2026-03-02T00:00:00Z' }),
    });
  });

  it('"the session permissions are the intersection of the IAM user policies and the session policies"; session tags override the user\'s tags', async () => {
    const p = await play(world(), [
      {
        id: 'with-policy', principal: user('broker'), action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/carol`,
        params: { Name: 'carol', Policy: doc(allow(['s3:GetObject', 'iam:CreateUser'])), Tags: { level: '2' } }, as: 'carol',
      },
      { id: 'in-both', principal: '$carol', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a.csv' },
      { id: 'only-in-user-policy', principal: '$carol', action: 'ec2:DescribeInstances', resource: '*' },
      { id: 'only-in-session-policy', principal: '$carol', action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/x` },
      { id: 'name-too-long', principal: user('broker'), action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/x`, params: { Name: 'x'.repeat(33) } },
    ]);
    expect(decisions(p)).toEqual({ 'with-policy': 'allowed', 'in-both': 'allowed', 'only-in-user-policy': 'implicitDeny', 'only-in-session-policy': 'implicitDeny', 'name-too-long': 'ValidationError' });
    expect(p.response('with-policy')['PackedPolicySize']).toBeGreaterThan(0);
    expect(p.context('in-both')).toMatchObject({ 'aws:PrincipalTag/dept': 'sales', 'aws:PrincipalTag/level': '2', 'aws:userid': `${A}:carol` });
  });

  it('"You cannot call any STS operations except GetCallerIdentity" with the federated user\'s credentials', async () => {
    const p = await play(world(), [
      { id: 'fed', principal: user('broker'), action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/dan`, params: { Name: 'dan', Policy: doc(allow('*')) }, as: 'dan' },
      { id: 'assume', principal: '$dan', action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'dan' } },
      { id: 'who', principal: '$dan', action: 'sts:GetCallerIdentity', resource: '*' },
    ]);
    expect(decisions(p)).toEqual({ fed: 'allowed', assume: 'AccessDenied', who: 'allowed' });
    expect(p.response('who')).toEqual({ UserId: `${A}:dan`, Account: A, Arn: `arn:aws:sts::${A}:federated-user/dan` });
  });

  it('"Temporary credentials obtained by using the root user credentials have a maximum duration of 3,600 seconds"; their permissions are the session policy\'s', async () => {
    const p = await play(world(), [
      { id: 'root', principal: `arn:aws:iam::${A}:root`, action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/eve`, params: { Name: 'eve', DurationSeconds: 7200, Policy: doc(allow('s3:ListAllMyBuckets')) }, as: 'eve' },
      { id: 'eve-lists', principal: '$eve', action: 's3:ListAllMyBuckets', resource: '*' },
      { id: 'eve-cannot-else', principal: '$eve', action: 'ec2:DescribeInstances', resource: '*' },
    ]);
    expect(decisions(p)).toEqual({ root: 'allowed', 'eve-lists': 'allowed', 'eve-cannot-else': 'implicitDeny' });
    expect((p.response('root')['Credentials'] as Record<string, string>)['Expiration']).toBe('2026-03-01T13:00:00Z');
  });
});

describe('GetCallerIdentity: "No permissions are required to perform this operation" and it returns UserId, Account and Arn (AWS STS API Reference, GetCallerIdentity; IAM User Guide, "Principal key values" for aws:userid)', () => {
  it('for an IAM user (AIDA…), the root user (the account id), a role session (AROA…:session) — even with an explicit deny', async () => {
    const p = await play([{
      id: A,
      users: [assumer, { name: 'denied', inlinePolicies: { NoWhoAmI: doc(deny('sts:GetCallerIdentity')) } }],
      roles: [readRole('Ops')],
    }], [
      { id: 'user', principal: user('denied'), action: 'sts:GetCallerIdentity', resource: '*' },
      { id: 'root', principal: `arn:aws:iam::${A}:root`, action: 'sts:GetCallerIdentity', resource: '*' },
      { id: 'assume', principal: user('dev'), action: 'sts:AssumeRole', resource: role('Ops'), params: { RoleSessionName: 'me' }, as: 'ops' },
      { id: 'role-session', principal: '$ops', action: 'sts:GetCallerIdentity', resource: '*' },
    ]);
    expect(decisions(p)).toEqual({ user: 'allowed', root: 'allowed', assume: 'allowed', 'role-session': 'allowed' });
    expect(p.response('user')).toEqual({ UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), Account: A, Arn: user('denied') });
    expect(p.response('root')).toEqual({ UserId: A, Account: A, Arn: `arn:aws:iam::${A}:root` });
    const assumed = p.response('assume')['AssumedRoleUser'] as Record<string, string>;
    expect(p.response('role-session')).toEqual({ UserId: assumed['AssumedRoleId'], Account: A, Arn: assumed['Arn'] });
    expect(p.get('user').message).toContain('GetCallerIdentity returned');
  });
});
