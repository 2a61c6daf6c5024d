import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../index';
import { DATA, DEV, ORG_SCENARIO, SANDBOX, worldOf } from '../pipeline/testWorld';
import type { ScenarioJson } from '../scenario/types';

const world = worldOf(ORG_SCENARIO);
const listBucket = { principal: DEV, action: 's3:ListBucket', resource: 'arn:aws:s3:::dev-bucket' };
const readSecret = { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/secret/plan.txt' };
const run = (request: typeof listBucket) => evaluateRequest(world, request);

describe('accounts: each stage evaluates one account\'s policies', () => {
  it('a cross-account read names both accounts, and every stage says whose policies it evaluated', async () => {
    const result = await run({ ...readSecret, resource: 'arn:aws:s3:::shared-data/report.csv' });
    expect(result).toMatchObject({ decision: 'allowed', callerAccount: SANDBOX, resourceAccount: DATA });
    const stages = Object.fromEntries(result.trace!.filter((e) => e.kind === 'stage').map((e) => [e.stage, e.params['account']]));
    // SCPs of the caller's account; RCPs and the resource-based policy of the resource's; identity and boundary of the caller's.
    expect(stages).toMatchObject({ scp: SANDBOX, rcp: DATA, resource: DATA, identity: SANDBOX, boundary: SANDBOX, session: SANDBOX });
  });

  it('a same-account request names one account twice', async () => {
    expect(await run(listBucket)).toMatchObject({ callerAccount: SANDBOX, resourceAccount: SANDBOX });
  });

  it('an anonymous caller has no account', async () => {
    const result = await run({ principal: 'anonymous', action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/report.csv' } as typeof listBucket);
    expect(result.callerAccount).toBeUndefined();
    expect(result.resourceAccount).toBe(DATA);
  });

  it('an AssumeRole across accounts: the trust policy is the role\'s account\'s, the caller\'s identity policies its own', async () => {
    const sts = JSON.parse(readFileSync(new URL('../../tests/fixtures/sts-flow.json', import.meta.url), 'utf8')) as ScenarioJson;
    const result = await evaluateRequest(worldOf({ ...sts, requests: [] }), {
      principal: 'arn:aws:iam::111122223333:user/alice', action: 'sts:AssumeRole', resource: 'arn:aws:iam::444455556666:role/PartnerAccess',
      params: { RoleSessionName: 'alice', ExternalId: 'acme-7f3a9c', SerialNumber: 'arn:aws:iam::111122223333:mfa/alice', TokenCode: '582825' },
    });
    expect(result).toMatchObject({ decision: 'allowed', callerAccount: '111122223333', resourceAccount: '444455556666' });
    const stages = Object.fromEntries(result.trace!.filter((e) => e.kind === 'stage').map((e) => [e.stage, e.params['account']]));
    expect(stages).toMatchObject({ trust: '444455556666', identity: '111122223333' });
  });

  it('a request that fails authentication names no account', async () => {
    const result = await run({ ...listBucket, principal: 'arn:aws:iam::200000000002:user/nobody' });
    expect(result.decision).toBe('InvalidClientTokenId');
    expect(result.callerAccount).toBeUndefined();
    expect(result.resourceAccount).toBeUndefined();
  });
});
