/**
 * Requests made from an AWS Management Console session (`"console": {…}` beside
 * `principal`), each test named after the AWS rule it pins down:
 * - IAM User Guide, "AWS global condition context keys": aws:MultiFactorAuthPresent ("IAM
 *   users in the AWS Management Console unknowingly use temporary credentials … the key is
 *   present in the request and set to a value of false"), aws:MultiFactorAuthAge,
 *   aws:TokenIssueTime; the Bool / BoolIfExists combinations it recommends;
 * - "AWS: Allows MFA-authenticated IAM users to manage their own credentials on the Security
 *   credentials page" (its DenyAllExceptListedIfNoMFA statement);
 * - IAM User Guide, "Credentials": "To use the AWS Management Console, users must have a password";
 * - AWS CloudTrail User Guide, "AWS Management Console sign-in events": a failed sign-in is
 *   "Failed authentication", and reaches no policy.
 */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../engine/authn/totp';
import { loadManagedPolicySourceNode } from '../engine/data/nodeManagedPolicies';
import type { DecisionResult } from '../engine/evaluate/types';
import { compileWorld } from '../engine/model/compile';
import { evaluateSync, runRequest } from '../engine/pipeline/run';
import { SessionStore } from '../engine/pipeline/sessions';
import type { AccountJson, RequestJson, ScenarioJson } from '../engine/scenario/types';
import { validateDocument } from '../engine/scenario/validate';

const managed = loadManagedPolicySourceNode();
const NOW = '2026-03-01T12:00:00Z';
const A = '111122223333';
const ALICE_SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ROOT_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const REPORT = 'arn:aws:s3:::acme-reports/q1.csv';
const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;
const ROOT = `arn:aws:iam::${A}:root`;

async function code(seed: string, at: string = NOW): Promise<string> {
  const r = await totpCode(seed, new Date(at));
  if (!r.ok) throw new Error(r.message);
  return r.code;
}

const doc = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const readReports = (condition?: Record<string, unknown>) =>
  doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*', ...(condition ? { Condition: condition } : {}) });

/** AWS's "Allows MFA-authenticated IAM users to manage their own credentials" example, as far as these tests need it. */
const forceMfa = doc(
  { Sid: 'AllowManageOwnUserMFA', Effect: 'Allow', Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'], Resource: 'arn:aws:iam::*:user/${aws:username}' },
  {
    Sid: 'DenyAllExceptListedIfNoMFA', Effect: 'Deny',
    NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
    Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  },
);

const account: AccountJson = {
  id: A,
  root: { password: 'root-pw', mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/root-account-mfa-device`, seed: ROOT_SEED }] },
  users: [
    // Bool true: only an MFA session may read.
    { name: 'alice', password: 'alice-pw', mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/alice`, seed: ALICE_SEED }], inlinePolicies: { Read: readReports({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) } },
    { name: 'carol', password: 'carol-pw', inlinePolicies: { Read: readReports({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) } },
    // BoolIfExists false deny: nothing but managing one's MFA without MFA.
    { name: 'bob', password: 'bob-pw', inlinePolicies: { ForceMFA: forceMfa, Read: readReports() } },
    { name: 'erin', password: 'erin-pw', mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/erin`, seed: ALICE_SEED }], inlinePolicies: { ForceMFA: forceMfa, Read: readReports() } },
    { name: 'dave', inlinePolicies: { Read: readReports() } },
    { name: 'frank', password: 'frank-pw', mfa: true, inlinePolicies: { Read: readReports({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) } },
    { name: 'grace', password: 'grace-pw', tags: { team: 'blue' }, inlinePolicies: { Read: readReports({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }) } },
  ],
  resources: [{ arn: 'arn:aws:s3:::acme-reports' }],
};

type Req = RequestJson & { id: string };

async function run(requests: Req[], accounts: AccountJson[] = [account]): Promise<Map<string, DecisionResult>> {
  const scenario = { format: 'iam-playground/scenario', version: 1, now: NOW, accounts, requests };
  const validated = validateDocument(scenario);
  if (!validated.ok) throw new Error(validated.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  expect(validated.warnings).toEqual([]);
  const { world, faults } = compileWorld(scenario as ScenarioJson, managed);
  if (faults.length > 0) throw new Error(faults.map((f) => `${f.path}: ${f.message}`).join('\n'));
  const sessions = new SessionStore();
  const out = new Map<string, DecisionResult>();
  for (const request of requests) out.set(request.id, await runRequest(world, request, { trace: true, sessions }));
  return out;
}

async function one(request: Omit<Req, 'id' | 'action' | 'resource'> & Partial<Req>): Promise<DecisionResult> {
  const r = (await run([{ id: 'r', action: 's3:GetObject', resource: REPORT, ...request }])).get('r');
  if (!r) throw new Error('no result');
  return r;
}

const ctx = (r: DecisionResult) => Object.fromEntries(r.context.map(([k, v]) => [k.toLowerCase(), v]));

describe('aws:MultiFactorAuthPresent in a console session', () => {
  it('Allow with Bool aws:MultiFactorAuthPresent "true" allows a console session signed in with MFA', async () => {
    const r = await one({ principal: user('alice'), console: { password: 'alice-pw', mfaCode: await code(ALICE_SEED) } });
    expect(r.decision).toBe('allowed');
    expect(ctx(r)['aws:multifactorauthpresent']).toBe('true');
  });

  it('… and does not allow a console session without MFA: the key is present and false (implicit deny)', async () => {
    const r = await one({ principal: user('carol'), console: { password: 'carol-pw' } });
    expect(r.decision).toBe('implicitDeny');
    expect(ctx(r)['aws:multifactorauthpresent']).toBe('false');
  });

  it('… nor a request with long-term credentials, where the key is absent', async () => {
    const r = await one({ principal: user('carol') });
    expect(r.decision).toBe('implicitDeny');
    expect(ctx(r)).not.toHaveProperty('aws:multifactorauthpresent');
  });

  it('Deny with BoolIfExists aws:MultiFactorAuthPresent "false" (DenyAllExceptListedIfNoMFA) denies a console session without MFA', async () => {
    expect((await one({ principal: user('bob'), console: { password: 'bob-pw' } })).decision).toBe('explicitDeny');
  });

  it('… lets a console session without MFA manage its own MFA device (the listed actions)', async () => {
    const r = await one({ principal: user('bob'), console: { password: 'bob-pw' }, action: 'iam:ListMFADevices', resource: user('bob') });
    expect(r.decision).toBe('allowed');
  });

  it('… denies long-term credentials too (the key is absent, so …IfExists matches)', async () => {
    expect((await one({ principal: user('bob') })).decision).toBe('explicitDeny');
  });

  it('… and does not deny a console session signed in with MFA', async () => {
    expect((await one({ principal: user('erin'), console: { password: 'erin-pw', mfaCode: await code(ALICE_SEED) } })).decision).toBe('allowed');
  });
});

describe('aws:MultiFactorAuthAge and aws:TokenIssueTime of a console session', () => {
  it('aws:MultiFactorAuthAge is 0 and aws:TokenIssueTime is now when the user signed in now', async () => {
    const r = await one({ principal: user('alice'), console: { password: 'alice-pw', mfaCode: await code(ALICE_SEED) } });
    expect(ctx(r)['aws:multifactorauthage']).toBe('0');
    expect(ctx(r)['aws:tokenissuetime']).toBe(NOW);
  });

  it('aws:MultiFactorAuthAge counts the seconds since the MFA sign-in (signedInAt)', async () => {
    const at = '2026-03-01T11:30:00Z';
    const r = await one({ principal: user('alice'), console: { password: 'alice-pw', mfaCode: await code(ALICE_SEED, at), signedInAt: at } });
    expect(r.decision).toBe('allowed');
    expect(ctx(r)['aws:multifactorauthage']).toBe('1800');
    expect(ctx(r)['aws:tokenissuetime']).toBe(at);
  });

  it('without MFA, aws:MultiFactorAuthAge is absent: NumericLessThan on it does not match (implicit deny)', async () => {
    const r = await one({ principal: user('grace'), console: { password: 'grace-pw' } });
    expect(ctx(r)).not.toHaveProperty('aws:multifactorauthage');
    expect(ctx(r)['aws:tokenissuetime']).toBe(NOW);
    expect(r.decision).toBe('implicitDeny');
  });

  it("the identity's policies are the user's: the console session acts as the IAM user", async () => {
    const r = await one({ principal: user('grace'), console: { password: 'grace-pw' } });
    const c = ctx(r);
    expect(c['aws:principalarn']).toBe(user('grace'));
    expect(c['aws:principaltype']).toBe('User');
    expect(c['aws:username']).toBe('grace');
    expect(c['aws:principaltag/team']).toBe('blue');
    expect(String(c['aws:userid'])).toMatch(/^AIDA/);
  });
});

describe('console sign-in failures (FailedAuthentication): no policy is evaluated', () => {
  const failedBeforeAuthorization = (r: DecisionResult) => {
    expect(r.decision).toBe('FailedAuthentication');
    expect(r.decidedBy).toEqual(['authn']);
    expect(r.reason).toBe('consoleSignInFailed');
    expect(r.message).toContain('Your authentication information is incorrect. Please try again.');
    expect(r.trace?.every((e) => e.stage === 'authn')).toBe(true);
  };

  it('a wrong password fails the sign-in', async () => {
    const r = await one({ principal: user('alice'), console: { password: 'Alice-pw', mfaCode: await code(ALICE_SEED) } });
    failedBeforeAuthorization(r);
    expect(r.trace?.[0]).toMatchObject({ reason: 'authnPassword', outcome: 'fail' });
  });

  it('a user without a console password has no console access', async () => {
    const r = await one({ principal: user('dave'), console: { password: 'anything' } });
    failedBeforeAuthorization(r);
    expect(r.message).toContain('no console password');
  });

  it('a wrong TOTP code fails the sign-in', async () => {
    const r = await one({ principal: user('alice'), console: { password: 'alice-pw', mfaCode: await code(ALICE_SEED, '2026-03-01T12:05:00Z') } });
    failedBeforeAuthorization(r);
    expect(r.trace?.map((e) => [e.reason, e.outcome])).toEqual([['authnPassword', 'pass'], ['authnMfa', 'fail'], ['consoleSignInFailed', 'fail']]);
  });

  it('a user with an MFA device must give its code', async () => {
    failedBeforeAuthorization(await one({ principal: user('alice'), console: { password: 'alice-pw' } }));
  });

  it('"mfa": true without a seed still asks for a code', async () => {
    failedBeforeAuthorization(await one({ principal: user('frank'), console: { password: 'frank-pw' } }));
    expect((await one({ principal: user('frank'), console: { password: 'frank-pw', mfaCode: '123456' } })).decision).toBe('allowed');
  });
});

describe('the root user signs in to the console with its own password and MFA device', () => {
  it('the root user with MFA signs in; its session reports MFA', async () => {
    const r = await one({ principal: ROOT, console: { password: 'root-pw', mfaCode: await code(ROOT_SEED) } });
    expect(r.decision).toBe('allowed');
    expect(ctx(r)['aws:multifactorauthpresent']).toBe('true');
    expect(ctx(r)['aws:principaltype']).toBe('Account');
    expect(r.trace?.slice(0, 3).map((e) => [e.reason, e.outcome])).toEqual([['authnPassword', 'pass'], ['authnMfa', 'pass'], ['authnConsoleSession', 'pass']]);
  });

  it("the root user's MFA device is required, and another device's code does not sign it in", async () => {
    expect((await one({ principal: ROOT, console: { password: 'root-pw' } })).decision).toBe('FailedAuthentication');
    expect((await one({ principal: ROOT, console: { password: 'root-pw', mfaCode: await code(ALICE_SEED) } })).decision).toBe('FailedAuthentication');
  });

  it('a root user without a password (root credentials removed) cannot sign in', async () => {
    const noRootPassword = { ...account, root: { mfaDevices: [] } };
    const r = (await run([{ id: 'r', principal: ROOT, console: { password: 'root-pw' }, action: 's3:GetObject', resource: REPORT }], [noRootPassword])).get('r');
    expect(r?.decision).toBe('FailedAuthentication');
  });
});

describe('the console session and the rest of the pipeline', () => {
  it("the trace's first events are the sign-in steps, then the context, then authorization", async () => {
    const r = await one({ principal: user('alice'), console: { password: 'alice-pw', mfaCode: await code(ALICE_SEED) } });
    const stages = r.trace?.map((e) => e.stage) ?? [];
    expect(r.trace?.slice(0, 3).map((e) => e.reason)).toEqual(['authnPassword', 'authnMfa', 'authnConsoleSession']);
    expect(stages.indexOf('context')).toBe(3);
    expect(r.trace?.[2]?.params).toMatchObject({ principal: user('alice'), mfa: true, tokenIssueTime: NOW, expiration: '2026-03-02T00:00:00Z' });
  });

  it('a console session lasts 12 hours: a request after that is refused as an expired token', async () => {
    const at = '2026-02-28T23:00:00Z';
    const r = await one({ principal: user('alice'), console: { password: 'alice-pw', mfaCode: await code(ALICE_SEED, at), signedInAt: at } });
    expect(r).toMatchObject({ decision: 'ExpiredToken', decidedBy: ['authn'], reason: 'authenticationFailed' });
  });

  it('the console uses temporary credentials, so GetSessionToken from it is refused ("Cannot call GetSessionToken with session credentials")', async () => {
    const r = await one({ principal: user('carol'), console: { password: 'carol-pw' }, action: 'sts:GetSessionToken', resource: '*' });
    expect(r.decision).toBe('AccessDenied');
  });

  it('switching to a role that requires MFA from a console session signed in with MFA', async () => {
    const withRole: AccountJson = {
      ...account,
      users: [...(account.users ?? []).filter((u) => u.name !== 'alice'), { name: 'alice', password: 'alice-pw', mfaDevices: [{ serial: `arn:aws:iam::${A}:mfa/alice`, seed: ALICE_SEED }], inlinePolicies: { Assume: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/Admin` }) } }],
      roles: [{ name: 'Admin', trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), inlinePolicies: { All: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } }],
    };
    const mfa = await code(ALICE_SEED);
    const results = await run([
      { id: 'with-mfa', principal: user('alice'), console: { password: 'alice-pw', mfaCode: mfa }, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/Admin`, params: { RoleSessionName: 'alice' }, as: 'admin' },
      { id: 'as-admin', principal: '$admin', action: 's3:DeleteObject', resource: REPORT },
    ], [withRole]);
    expect(results.get('with-mfa')?.decision).toBe('allowed');
    expect(results.get('as-admin')?.decision).toBe('allowed');
    expect(ctx(results.get('as-admin')!)['aws:multifactorauthpresent']).toBe('true');
  });

  it('a console request is never decided on the synchronous path (the sign-in is asynchronous)', async () => {
    const { world } = compileWorld({ format: 'iam-playground/scenario', version: 1, now: NOW, accounts: [account] } as ScenarioJson, managed);
    expect(evaluateSync(world, { principal: user('carol'), console: { password: 'carol-pw' }, action: 's3:GetObject', resource: REPORT })).toBeUndefined();
  });
});

describe('the scenario format: `console` (extension)', () => {
  const scenarioWith = (request: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    format: 'iam-playground/scenario', version: 1, now: NOW, accounts: [account],
    requests: [{ id: 'r', action: 's3:GetObject', resource: REPORT, ...request }], ...extra,
  });
  const faults = (value: unknown) => {
    const v = validateDocument(value);
    return v.ok ? [] : v.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('is a known property: no warning, no fault', () => {
    const v = validateDocument(scenarioWith({ principal: user('alice'), console: { password: 'x', mfaCode: '123456', mfaSerial: `arn:aws:iam::${A}:mfa/alice`, signedInAt: '2026-03-01T11:00:00Z' } }));
    expect(v.ok).toBe(true);
    expect(v.warnings).toEqual([]);
  });

  it('signs in an IAM user or a root user, not a role session or a service', () => {
    expect(faults(scenarioWith({ principal: `arn:aws:sts::${A}:assumed-role/Admin/session-1`, console: { password: 'x' } })).join()).toMatch(/\$\.requests\[0\]\.principal: Only an IAM user or an account's root user/);
    expect(faults(scenarioWith({ principal: 'cloudtrail.amazonaws.com', console: { password: 'x' } }))).not.toEqual([]);
  });

  it('is not a signed HTTP request', () => {
    expect(faults(scenarioWith({ principal: user('alice'), http: 'GET / HTTP/1.1\nHost: s3.amazonaws.com\n\n', console: { password: 'x' } })).join()).toMatch(/\$\.requests\[0\]\.console: .*not `http`/);
  });

  it("names one of the identity's own MFA devices, and a sign-in time not after `now`", () => {
    expect(faults(scenarioWith({ principal: user('alice'), console: { password: 'x', mfaSerial: `arn:aws:iam::${A}:mfa/bob` } })).join()).toMatch(/console\.mfaSerial/);
    expect(faults(scenarioWith({ principal: user('alice'), console: { password: 'x', signedInAt: '2026-03-01T12:00:01Z' } })).join()).toMatch(/console\.signedInAt/);
    expect(faults(scenarioWith({ principal: user('alice'), console: { password: 'x', signedInAt: 'yesterday' } }))).not.toEqual([]);
  });

  it('its fields have the schema types', () => {
    expect(faults(scenarioWith({ principal: user('alice'), console: { password: 1 } }))).not.toEqual([]);
    expect(faults(scenarioWith({ principal: user('alice'), console: 'pw' }))).not.toEqual([]);
  });
});
