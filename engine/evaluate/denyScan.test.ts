/**
 * The explicit-deny scan: AWS's first step of authorization. IAM User Guide, "How AWS
 * enforcement code logic evaluates requests to allow or deny access" (Policy evaluation
 * logic), "Deny evaluation": "The AWS enforcement code evaluates all policies within the
 * account that apply to the request. These include AWS Organizations SCPs and RCPs,
 * resource-based policies, identity-based policies, IAM permissions boundaries, and session
 * policies." In all of them it looks for a Deny statement that applies; one is enough for a
 * final Deny, and with none the evaluation goes on (to the RCP, SCP and allow checks).
 */
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../index';
import { DEV, ORG_SCENARIO, worldOf } from '../pipeline/testWorld';
import type { ScenarioJson } from '../scenario/types';
import type { DecisionResult, TraceEvent, WhatIf } from './types';

/** The sandbox developer also carries an inline policy that denies changing any bucket policy and deleting buckets. */
const WITH_IDENTITY_DENY: ScenarioJson = {
  ...ORG_SCENARIO,
  accounts: ORG_SCENARIO.accounts!.map((account) => account.users?.some((u) => u.name === 'dev')
    ? {
        ...account,
        users: account.users.map((user) => ({
          ...user,
          inlinePolicies: {
            ...user.inlinePolicies,
            HandsOffBuckets: { Version: '2012-10-17', Statement: [{ Sid: 'NoPolicyChanges', Effect: 'Deny', Action: ['s3:PutBucketPolicy', 's3:DeleteBucket'], Resource: '*' }] },
          },
        })),
      }
    : account),
};

const world = worldOf(ORG_SCENARIO);
const guarded = worldOf(WITH_IDENTITY_DENY);
const deleteBucket = { principal: DEV, action: 's3:DeleteBucket', resource: 'arn:aws:s3:::dev-bucket' };
const listBucket = { principal: DEV, action: 's3:ListBucket', resource: 'arn:aws:s3:::dev-bucket' };
const readSecret = { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/secret/plan.txt' };
const putPolicy = { principal: DEV, action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::dev-bucket' };

type Request = typeof listBucket;
const run = (request: Request, whatIf?: WhatIf, w = world) => evaluateRequest(w, request, whatIf ? { whatIf } : {});

function scanOf(result: DecisionResult): TraceEvent {
  const scans = result.trace!.filter((e) => e.stage === 'denyScan');
  expect(scans).toHaveLength(1);
  return scans[0]!;
}

/** The top-level events as `stage:kind`, in trace order. */
const topLevel = (result: DecisionResult) => result.trace!.filter((e) => e.parent === null).map((e) => `${e.stage}:${e.kind}`);

describe('Deny evaluation (IAM User Guide, "Policy evaluation logic"): an explicit deny in any applicable policy is a final deny', () => {
  it('the scan is one top-level stage, after authentication and the request context and before the SCPs', async () => {
    const result = await run(listBucket);
    expect(topLevel(result).slice(0, 4)).toEqual(['authn:step', 'context:stage', 'denyScan:stage', 'scp:stage']);
    // It has no events of its own: it summarizes the stages it looked into.
    expect(result.trace!.some((e) => e.parent === scanOf(result).id)).toBe(false);
  });

  it('a Deny in an SCP: the scan denies and names the SCP stage and the policy, as decidedBy does', async () => {
    const result = await run(deleteBucket);
    expect(result).toMatchObject({ decision: 'explicitDeny', decidedBy: ['scp'] });
    expect(scanOf(result)).toMatchObject({ kind: 'stage', outcome: 'deny', reason: 'denyScanFound', params: { stages: 'scp', policies: 'KeepBuckets', count: 1 } });
  });

  it('a Deny in a bucket policy (cross-account): the scan names the resource-based policy', async () => {
    const result = await run(readSecret);
    expect(result).toMatchObject({ decision: 'explicitDeny', decidedBy: ['resource'] });
    expect(scanOf(result)).toMatchObject({ outcome: 'deny', reason: 'denyScanFound', params: { stages: 'resource', policies: 'arn:aws:s3:::shared-data', count: 1 } });
  });

  it('a Deny in an identity-based policy: the scan names it, even though another identity policy allows', async () => {
    const result = await run(putPolicy, undefined, guarded);
    expect(result).toMatchObject({ decision: 'explicitDeny', decidedBy: ['identity'] });
    expect(scanOf(result)).toMatchObject({ outcome: 'deny', params: { stages: 'identity', policies: 'HandsOffBuckets', count: 1 } });
  });

  it('denies in several policy types: the scan names every stage and policy, in evaluation order', async () => {
    const result = await run(deleteBucket, undefined, guarded);
    expect(result).toMatchObject({ decision: 'explicitDeny', decidedBy: ['scp', 'identity'] });
    expect(scanOf(result).params).toEqual({ stages: 'scp,identity', policies: 'KeepBuckets, HandsOffBuckets', count: 2 });
  });

  it('"If there is no explicit deny, the enforcement code evaluation continues": an allowed request passes the scan', async () => {
    const result = await run(listBucket);
    expect(result.decision).toBe('allowed');
    expect(scanOf(result)).toMatchObject({ outcome: 'pass', reason: 'denyScanNone', params: {} });
  });

  it('an implicit deny also passes the scan: no policy denies, none allows', async () => {
    const result = await run({ principal: DEV, action: 'ec2:RunInstances', resource: '*' });
    expect(result.decision).toBe('implicitDeny');
    expect(scanOf(result).outcome).toBe('pass');
  });

  it('what-if: switching off the denying SCP, statement or layer lets the scan pass', async () => {
    const before = await run(deleteBucket);
    const scp = before.trace!.find((e) => e.kind === 'policy' && e.stage === 'scp' && e.outcome === 'deny')!.policy!.id;
    for (const whatIf of [{ layers: ['scp'] }, { policies: [scp] }, { statements: [{ policy: scp, index: 0 }] }] satisfies WhatIf[]) {
      const after = await run(deleteBucket, whatIf);
      expect(after.decision).toBe('allowed');
      expect(scanOf(after)).toMatchObject({ outcome: 'pass', reason: 'denyScanNone' });
    }
  });

  it('what-if: with one of two denies switched off, the scan names only the other', async () => {
    const result = await run(deleteBucket, { layers: ['scp'] }, guarded);
    expect(result).toMatchObject({ decision: 'explicitDeny', decidedBy: ['identity'] });
    expect(scanOf(result).params).toEqual({ stages: 'identity', policies: 'HandsOffBuckets', count: 1 });
  });

  it('the scan always agrees with the decision: it denies exactly when the decision is an explicit deny', async () => {
    const requests: Request[] = [deleteBucket, listBucket, readSecret, putPolicy, { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/open.txt' }];
    for (const w of [world, guarded]) {
      for (const request of requests) {
        const result = await run(request, undefined, w);
        const scan = scanOf(result);
        expect(scan.outcome === 'deny').toBe(result.decision === 'explicitDeny');
        if (scan.outcome === 'deny') expect(scan.params.stages).toBe(result.decidedBy.join(','));
      }
    }
  });

  it('the untraced path computes nothing for the scan and decides the same', async () => {
    const traced = await run(deleteBucket, undefined, guarded);
    const untraced = await evaluateRequest(guarded, deleteBucket, { trace: false });
    expect(untraced.trace).toBeUndefined();
    expect({ decision: untraced.decision, decidedBy: untraced.decidedBy, reason: untraced.reason, params: untraced.params }).toEqual({
      decision: traced.decision, decidedBy: traced.decidedBy, reason: traced.reason, params: traced.params,
    });
  });
});
