import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../../engine/data/managedPolicies';
import { compileWorld, evaluateRequest, validateScenario } from '../../engine/index';
import type { ScenarioJson } from '../../engine/scenario/types';
import { accountResourcePolicy, emptyIdentityPolicy } from './templates';

const bucket = 'arn:aws:s3:::acme-reports';

function world(): ScenarioJson {
  return {
    format: 'iam-playground/scenario',
    version: 1,
    accounts: [
      {
        id: '111111111111',
        users: [{ name: 'alice', inlinePolicies: { New: emptyIdentityPolicy() } }],
        resources: [{ arn: bucket, policy: accountResourcePolicy('111111111111', bucket) }],
      },
    ],
  };
}

function compiled() {
  const loaded = validateScenario(world());
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return compileWorld(loaded.scenario, managedPolicySourceFrom([]));
}

describe('the documents a new policy starts with (IAM refuses a policy without a statement: MalformedPolicyDocument)', () => {
  it('are valid as AWS validates them: the world compiles without a fault', () => {
    expect(compiled().faults).toEqual([]);
  });

  it('a new inline policy allows nothing: the request stays implicitly denied', async () => {
    const decision = await evaluateRequest(compiled().world, { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:GetObject', resource: `${bucket}/a.csv` });
    expect(decision.decision).toBe('implicitDeny');
  });

  it("a new resource-based policy naming its own account grants nothing by itself: within one account the identity's policies must still allow", async () => {
    const decision = await evaluateRequest(compiled().world, { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:ListBucket', resource: bucket });
    expect(decision.decision).toBe('implicitDeny');
  });

  it('a new resource-based policy covers a bucket and its objects', () => {
    expect(accountResourcePolicy('111111111111', bucket)).toMatchObject({ Statement: [{ Resource: [bucket, `${bucket}/*`], Action: 's3:*' }] });
    expect(accountResourcePolicy('111111111111', 'arn:aws:sqs:us-east-1:111111111111:jobs')).toMatchObject({ Statement: [{ Resource: 'arn:aws:sqs:us-east-1:111111111111:jobs', Action: 'sqs:*' }] });
  });
});
