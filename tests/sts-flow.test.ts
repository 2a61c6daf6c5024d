/**
 * The flow of issue 4, as a scenario file (tests/fixtures/sts-flow.json): a user in
 * account A assumes a role in account B with an external id and MFA, reads an S3 object
 * there, then chains into a third role and is refused a two-hour session; chaining with
 * the default duration succeeds. Besides the decisions, what STS returns at each step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../engine/authn/totp';
import { loadManagedPolicySourceNode } from '../engine/data/nodeManagedPolicies';
import type { DecisionResult } from '../engine/evaluate/types';
import { compileWorld } from '../engine/model/compile';
import { runRequest } from '../engine/pipeline/run';
import { SessionStore } from '../engine/pipeline/sessions';
import { parseDocumentText } from '../engine/scenario/load';
import type { ScenarioJson } from '../engine/scenario/types';
import { repoRoot } from './scenarioFiles';

const FILE = join(repoRoot, 'tests', 'fixtures', 'sts-flow.json');

function load(): ScenarioJson {
  const loaded = parseDocumentText(readFileSync(FILE, 'utf8'));
  if (!loaded.ok || loaded.kind !== 'scenario') throw new Error('sts-flow.json is not a valid scenario');
  return loaded.scenario;
}

const scenario = load();
const sessions = new SessionStore();
const results = new Map<string, DecisionResult>();

beforeAll(async () => {
  const { world, faults } = compileWorld(scenario, loadManagedPolicySourceNode());
  expect(faults).toEqual([]);
  for (const request of scenario.requests ?? []) results.set(request.id!, await runRequest(world, request, { trace: true, sessions }));
});

function result(id: string): DecisionResult {
  const r = results.get(id);
  if (!r) throw new Error(`no request ${id}`);
  return r;
}

function contextOf(r: DecisionResult): Record<string, unknown> {
  return Object.fromEntries(r.context);
}

describe('user in account A assumes a role in account B with an external id and MFA, reads an S3 object there, then chains into a third role and is refused a two-hour session', () => {
  it('the MFA code in the file is the code of alice\'s virtual MFA device at the file\'s `now` (RFC 6238), and the stale one is three steps old', async () => {
    const seed = scenario.accounts[0]!.users![0]!.mfaDevices![0]!.seed;
    const now = new Date(scenario.now!);
    const current = await totpCode(seed, now);
    const stale = await totpCode(seed, new Date(now.getTime() - 90_000));
    if (!current.ok || !stale.ok) throw new Error('the seed is not base32');
    const code = (id: string) => scenario.requests?.find((r) => r.id === id)?.params?.['TokenCode'];
    expect(code('assume-partner-role-with-external-id-and-mfa')).toBe(current.code);
    expect(code('assume-with-a-stale-mfa-code-is-access-denied')).toBe(stale.code);
  });

  it('every step is decided as the file expects', () => {
    for (const request of scenario.requests ?? []) expect(result(request.id!).decision, request.id).toBe(request.expect);
  });

  it('the trust policy needs the external id (sts:ExternalId) and MFA (aws:MultiFactorAuthPresent): without either, the trust policy does not allow', () => {
    for (const id of ['assume-without-external-id-is-refused-by-trust', 'assume-without-mfa-is-refused-by-trust']) {
      expect(result(id).decidedBy).toContain('trust');
      expect(result(id).reason).toBe('noTrustPolicyAllows');
    }
  });

  it('AssumeRole with MFA: the call carries sts:ExternalId, aws:MultiFactorAuthPresent=true and aws:MultiFactorAuthAge=0', () => {
    const context = contextOf(result('assume-partner-role-with-external-id-and-mfa'));
    expect(context).toMatchObject({ 'sts:ExternalId': 'acme-7f3a9c', 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0', 'sts:RoleSessionName': 'alice' });
  });

  it('AssumeRole returns Credentials (ASIA…, one hour by default) and AssumedRoleUser (the session ARN and AROA…:alice)', () => {
    const response = sessions.responseOf('assume-partner-role-with-external-id-and-mfa') as {
      Credentials: Record<string, string>; AssumedRoleUser: Record<string, string>; PackedPolicySize?: number;
    };
    expect(response.AssumedRoleUser.Arn).toBe('arn:aws:sts::444455556666:assumed-role/PartnerAccess/alice');
    expect(response.AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
    expect(response.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(response.Credentials.SecretAccessKey).toHaveLength(40);
    expect(response.Credentials.Expiration).toBe('2026-03-01T13:00:00Z');
    // No session policy and no session tag was passed: AWS returns no PackedPolicySize.
    expect(response.PackedPolicySize).toBeUndefined();
    expect(sessions.get('partner')?.kind).toBe('assumedRole');
  });

  it('the role session keeps its MFA: requests made with it carry aws:MultiFactorAuthPresent=true and aws:MultiFactorAuthAge', () => {
    const context = contextOf(result('partner-session-reads-the-report'));
    expect(context).toMatchObject({ 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0', 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/PartnerAccess' });
    expect(context['aws:userid']).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
  });

  it('role chaining: a two-hour session is a ValidationError even though the third role allows 12 hours', () => {
    expect(result('chain-into-third-role-for-two-hours-is-refused').message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    expect(result('chain-into-third-role-for-two-hours-is-refused').decidedBy).toEqual(['sts']);
  });

  it('chaining with the default duration: a one-hour session of the third role', () => {
    const response = sessions.responseOf('chain-into-third-role-with-default-duration') as { Credentials: Record<string, string>; AssumedRoleUser: Record<string, string> };
    expect(response.AssumedRoleUser.Arn).toBe('arn:aws:sts::777788889999:assumed-role/LogReader/alice');
    expect(response.Credentials.Expiration).toBe('2026-03-01T13:00:00Z');
    expect(sessions.get('logs')?.state.chained).toBe(true);
  });

  it('GetCallerIdentity with the chained session returns Account, Arn and UserId as AWS does', () => {
    const response = sessions.responseOf('chained-session-knows-who-it-is') as Record<string, string>;
    expect(response.Account).toBe('777788889999');
    expect(response.Arn).toBe('arn:aws:sts::777788889999:assumed-role/LogReader/alice');
    expect(response.UserId).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
  });
});
