import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../index';
import { DEV, ORG_SCENARIO, SANDBOX, worldOf } from '../pipeline/testWorld';
import { compileWhatIf } from './whatIf';
import type { DecisionResult, TraceEvent, WhatIf } from './types';

const world = worldOf(ORG_SCENARIO);
const deleteBucket = { principal: DEV, action: 's3:DeleteBucket', resource: 'arn:aws:s3:::dev-bucket' };
const listBucket = { principal: DEV, action: 's3:ListBucket', resource: 'arn:aws:s3:::dev-bucket' };
const readSecret = { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/secret/plan.txt' };

const run = (request: typeof listBucket, whatIf?: WhatIf) => evaluateRequest(world, request, whatIf ? { whatIf } : {});

function policyId(result: DecisionResult, stage: TraceEvent['stage']): string {
  const event = result.trace!.find((e) => e.kind === 'policy' && e.stage === stage);
  if (!event?.policy) throw new Error(`no ${stage} policy in the trace`);
  return event.policy.id;
}

describe('what-if: a switched-off policy, statement or layer is judged as absent', () => {
  it('switching off the SCP layer turns an SCP explicit deny into allowed', async () => {
    const before = await run(deleteBucket);
    expect(before).toMatchObject({ decision: 'explicitDeny', decidedBy: ['scp'] });
    const after = await run(deleteBucket, { layers: ['scp'] });
    expect(after.decision).toBe('allowed');
    const scp = after.trace!.find((e) => e.stage === 'scp' && e.kind === 'stage');
    expect(scp).toMatchObject({ outcome: 'notApplicable', reason: 'switchedOffLayer', params: { layer: 'scp', account: SANDBOX } });
  });

  it('switching off the one allowing statement turns allowed into an implicit deny', async () => {
    const before = await run(listBucket);
    expect(before.decision).toBe('allowed');
    const policy = policyId(before, 'identity');
    const after = await run(listBucket, { statements: [{ policy, index: 0 }] });
    expect(after).toMatchObject({ decision: 'implicitDeny', decidedBy: ['identity'] });
    const statement = after.trace!.find((e) => e.kind === 'statement' && e.stage === 'identity');
    expect(statement).toMatchObject({ outcome: 'notApplicable', reason: 'switchedOffStatement', statement: { index: 0, sid: 'AllS3' } });
    // Its span stays, so the UI can still point at the statement that was switched off.
    expect(statement?.span).toBeDefined();
  });

  it('switching off the deny statement of a bucket policy lets the cross-account read through', async () => {
    const before = await run(readSecret);
    expect(before).toMatchObject({ decision: 'explicitDeny', decidedBy: ['resource'] });
    const policy = policyId(before, 'resource');
    const after = await run(readSecret, { statements: [{ policy, index: 1 }] });
    expect(after).toMatchObject({ decision: 'allowed', decidedBy: ['resource', 'identity'] });
  });

  it('a switched-off policy is still listed in the trace, as switched off', async () => {
    const policy = policyId(await run(listBucket), 'identity');
    const after = await run(listBucket, { policies: [policy] });
    expect(after.decision).toBe('implicitDeny');
    const listed = after.trace!.filter((e) => e.kind === 'policy' && e.policy?.id === policy);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ stage: 'identity', outcome: 'notApplicable', reason: 'switchedOffPolicy' });
    // No statement of a switched-off policy is evaluated.
    expect(after.trace!.some((e) => e.kind === 'statement' && e.policy?.id === policy)).toBe(false);
  });

  it('a switched-off bucket policy leaves the resource stage as if there were none, and lists the policy', async () => {
    const policy = policyId(await run(readSecret), 'resource');
    const after = await run(readSecret, { policies: [policy] });
    // Across accounts the bucket's account must allow: without its policy nothing does.
    expect(after).toMatchObject({ decision: 'implicitDeny', decidedBy: ['resource'] });
    const stage = after.trace!.find((e) => e.kind === 'stage' && e.stage === 'resource')!;
    expect(stage).toMatchObject({ outcome: 'notApplicable', reason: 'noResourcePolicy' });
    expect(after.trace!.find((e) => e.parent === stage.id)).toMatchObject({ kind: 'policy', reason: 'switchedOffPolicy' });
  });

  it('switching off the identity layer grants nothing', async () => {
    expect(await run(listBucket, { layers: ['identity'] })).toMatchObject({ decision: 'implicitDeny', decidedBy: ['identity'] });
  });

  it('an empty what-if changes nothing', async () => {
    const plain = await run(deleteBucket);
    const empty = await run(deleteBucket, { policies: [], statements: [], layers: [] });
    expect(empty).toEqual(plain);
  });

  it('a malformed what-if is refused with the path of the fault', () => {
    expect(() => compileWhatIf({ layers: ['scps' as never] })).toThrow(/whatIf\.layers\[0\]: `scps` is not a layer/);
    expect(() => compileWhatIf({ statements: [{ policy: 'p', index: -1 }] })).toThrow(/whatIf\.statements\[0\]\.index/);
    expect(() => compileWhatIf({ policies: [3 as never] })).toThrow(/whatIf\.policies\[0\]/);
  });
});
