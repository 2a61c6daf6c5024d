import { describe, expect, it } from 'vitest';
import type { ManagedPolicyIndexEntry } from '../../engine/data/managedPolicies';
import type { ScenarioJson } from '../../engine/scenario/types';
import { policyChoices, policyName, policyNodeId, resolvePolicyInput } from './policyRefs';

const index: ManagedPolicyIndexEntry[] = [
  { name: 'AWSLambdaBasicExecutionRole', arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', path: '/service-role/', versionId: 'v1' },
  { name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', path: '/', versionId: 'v1' },
];

const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [
    {
      id: '111111111111',
      policies: [{ name: 'ReadReports', document: {} }, { name: 'ReadOnlyAccess', document: {} }],
      users: [{ name: 'alice', managedPolicies: ['ReadReports', 'arn:aws:iam::aws:policy/IAMUserChangePassword'] }],
    },
    { id: '222222222222', policies: [{ name: 'Other', document: {} }] },
  ],
};

describe('managed policy references (IAM: a policy is attached by name in its account, or by ARN)', () => {
  it('the name of a reference is the ARN’s last segment, its path left out', () => {
    expect(policyName('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')).toBe('AWSLambdaBasicExecutionRole');
    expect(policyName('ReadReports')).toBe('ReadReports');
  });

  it('a reference leads to its node: the own account by name, another account or AWS by ARN', () => {
    expect(policyNodeId('111111111111', 'ReadReports')).toBe('acct:111111111111/policy:ReadReports');
    expect(policyNodeId('111111111111', 'arn:aws:iam::222222222222:policy/team/Other')).toBe('acct:222222222222/policy:Other');
    expect(policyNodeId('111111111111', 'arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe('aws:arn:aws:iam::aws:policy/ReadOnlyAccess');
  });

  it("the picker offers the account's policies, then AWS managed ones in use, then the rest; attached ones are left out", () => {
    const choices = policyChoices(world, '111111111111', ['ReadReports'], index);
    expect(choices.map((c) => c.value)).toEqual([
      'ReadOnlyAccess',
      'arn:aws:iam::aws:policy/IAMUserChangePassword',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    expect(choices.find((c) => c.value === 'ReadOnlyAccess')?.source).toBe('account');
  });

  it("a typed name is the account's customer managed policy first, an AWS managed policy (with its path) second", () => {
    expect(resolvePolicyInput('ReadOnlyAccess', world, '111111111111', index)).toBe('ReadOnlyAccess');
    expect(resolvePolicyInput('ReadOnlyAccess', world, '222222222222', index)).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(resolvePolicyInput(' AWSLambdaBasicExecutionRole ', world, '222222222222', index)).toBe('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    expect(resolvePolicyInput('readonlyaccess', world, '222222222222', index)).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
  });

  it('an ARN or an unknown name is passed on as typed, for the edit to judge', () => {
    expect(resolvePolicyInput('arn:aws:iam::aws:policy/Nope', world, '111111111111', index)).toBe('arn:aws:iam::aws:policy/Nope');
    expect(resolvePolicyInput('Nope', world, '111111111111', index)).toBe('Nope');
  });
});
