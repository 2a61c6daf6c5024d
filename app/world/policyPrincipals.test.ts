import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../engine/scenario/types';
import { describePrincipal, trustedPrincipals } from './policyPrincipals';

const trust = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

describe('trustedPrincipals (IAM: a role trust policy names the principals that can assume the role)', () => {
  it('lists the principals of an Allow statement with sts:AssumeRole, as written', () => {
    const doc = trust({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:user/alice', '222222222222'], Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(trustedPrincipals(doc)).toEqual([
      { type: 'AWS', value: 'arn:aws:iam::111111111111:user/alice', conditional: false },
      { type: 'AWS', value: '222222222222', conditional: false },
      { type: 'Service', value: 'ec2.amazonaws.com', conditional: false },
    ]);
  });

  it('a single statement object counts as a one-statement list', () => {
    const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' } };
    expect(trustedPrincipals(doc).map((p) => p.value)).toEqual(['111111111111']);
  });

  it('federated principals are trusted through AssumeRoleWithWebIdentity or AssumeRoleWithSAML', () => {
    const doc = trust(
      { Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
      { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111111111111:saml-provider/Corp' }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] },
    );
    expect(trustedPrincipals(doc).map((p) => p.type)).toEqual(['Federated', 'Federated']);
  });

  it('actions match as IAM matches them: case-insensitive, with wildcards', () => {
    expect(trustedPrincipals(trust({ Effect: 'Allow', Principal: { AWS: '1' }, Action: 'STS:assumerole' }))).toHaveLength(1);
    expect(trustedPrincipals(trust({ Effect: 'Allow', Principal: { AWS: '2' }, Action: 'sts:*' }))).toHaveLength(1);
    expect(trustedPrincipals(trust({ Effect: 'Allow', Principal: { AWS: '3' }, Action: 'sts:AssumeRole?' }))).toHaveLength(0);
    expect(trustedPrincipals(trust({ Effect: 'Allow', Principal: { AWS: '4' }, NotAction: 'iam:*' }))).toHaveLength(1);
    expect(trustedPrincipals(trust({ Effect: 'Allow', Principal: { AWS: '5' }, NotAction: 'sts:*' }))).toHaveLength(0);
  });

  it('a statement that only tags the session or is a Deny adds no one', () => {
    const doc = trust(
      { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:TagSession' },
      { Effect: 'Deny', Principal: { AWS: '222222222222' }, Action: 'sts:AssumeRole' },
    );
    expect(trustedPrincipals(doc)).toEqual([]);
  });

  it('"Principal": "*" and "AWS": "*" both mean everyone; a Condition is remembered', () => {
    const doc = trust(
      { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } },
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    );
    expect(trustedPrincipals(doc)).toEqual([{ type: '*', value: '*', conditional: true }]);
  });

  it('a principal named once with and once without a condition is trusted without one', () => {
    const doc = trust(
      { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' },
    );
    expect(trustedPrincipals(doc)).toEqual([{ type: 'AWS', value: '111111111111', conditional: false }]);
  });

  it('a document that is not a policy lists no one', () => {
    expect(trustedPrincipals(undefined)).toEqual([]);
    expect(trustedPrincipals('text')).toEqual([]);
    expect(trustedPrincipals({ Statement: [null, 3] })).toEqual([]);
  });
});

describe('describePrincipal', () => {
  const world: ScenarioJson = {
    format: 'iam-playground/scenario',
    version: 1,
    accounts: [{ id: '111111111111', alias: 'acme', users: [{ name: 'alice', path: '/eng/' }], roles: [{ name: 'Admin', trustPolicy: {} }] }],
  };
  const aws = (value: string) => describePrincipal(world, { type: 'AWS', value, conditional: false });

  it('names users and roles of the world by name, with their node', () => {
    expect(aws('arn:aws:iam::111111111111:user/eng/alice')).toEqual({ kind: 'user', name: 'alice', nodeId: 'acct:111111111111/user:alice' });
    expect(aws('arn:aws:iam::111111111111:role/Admin')).toEqual({ kind: 'role', name: 'Admin', nodeId: 'acct:111111111111/role:Admin' });
  });

  it('a user ARN with another path is not that user', () => {
    expect(aws('arn:aws:iam::111111111111:user/alice')).toEqual({ kind: 'user', name: 'alice' });
  });

  it('an account ID and the account root ARN both stand for the account', () => {
    expect(aws('111111111111')).toEqual({ kind: 'account', name: 'acme', nodeId: 'acct:111111111111' });
    expect(aws('arn:aws:iam::111111111111:root')).toEqual({ kind: 'account', name: 'acme', nodeId: 'acct:111111111111' });
    expect(aws('999999999999')).toEqual({ kind: 'account', name: '999999999999' });
  });

  it('services, federated providers, sessions and everyone', () => {
    expect(describePrincipal(world, { type: 'Service', value: 'ec2.amazonaws.com', conditional: false })).toEqual({ kind: 'service', name: 'ec2.amazonaws.com' });
    expect(describePrincipal(world, { type: 'Federated', value: 'cognito-identity.amazonaws.com', conditional: false }).kind).toBe('federated');
    expect(aws('arn:aws:sts::111111111111:assumed-role/Admin/bob')).toEqual({ kind: 'roleSession', name: 'Admin/bob' });
    expect(describePrincipal(world, { type: '*', value: '*', conditional: false }).kind).toBe('everyone');
  });
});
