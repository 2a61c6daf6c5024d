/** Trust policies: the default of a new role, trusting and untrusting principals ("AWS JSON policy elements: Principal"). */
import { describe, expect, it } from 'vitest';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';
import type { ScenarioJson } from '../scenario/types';

function trustOf(world: ScenarioJson, role: string, account = 0): unknown {
  return world.accounts[account]!.roles!.find((r) => r.name === role)!.trustPolicy;
}

const base = mustApply(sampleWorld(), { op: 'createRole', account: A, name: 'App' });

describe('a new role without a trust policy', () => {
  it('trusts its own account (arn:aws:iam::ACCOUNT:root) with sts:AssumeRole, as the console\'s default', () => {
    expect(trustOf(base, 'App')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }],
    });
  });
  it('takes a trust policy given as an object, or as JSON text', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    expect(trustOf(mustApply(base, { op: 'createRole', account: A, name: 'Fn', trustPolicy: doc }), 'Fn')).toEqual(doc);
    expect(trustOf(mustApply(base, { op: 'createRole', account: A, name: 'Fn', trustPolicy: JSON.stringify(doc) }), 'Fn')).toEqual(doc);
    expect(refusal(base, { op: 'createRole', account: A, name: 'Fn', trustPolicy: ['x'] })).toMatchObject({ code: 'documentInvalid', field: 'trustPolicy', path: '$.accounts[0].roles[2].trustPolicy' });
  });
});

describe('trustPrincipal', () => {
  it('adds an IAM principal to the existing Allow sts:AssumeRole statement without conditions', () => {
    const next = mustApply(base, { op: 'trustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${B}:user/carol` });
    expect(trustOf(next, 'App')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:user/carol`] }, Action: 'sts:AssumeRole' }],
    });
    expect(worldFaults(next)).toEqual([]);
  });

  it('writes an account id as the account\'s root ARN, and does not add a principal twice (an account id is its root ARN)', () => {
    const next = mustApply(base, { op: 'trustPrincipal', account: A, role: 'App', principal: B });
    expect((trustOf(next, 'App') as { Statement: { Principal: unknown }[] }).Statement[0]!.Principal).toEqual({ AWS: [`arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:root`] });
    expect(mustApply(next, { op: 'trustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${B}:root` })).toBe(next);
    expect(mustApply(base, { op: 'trustPrincipal', account: A, role: 'App', principal: A })).toBe(base);
  });

  it('puts a service principal under Service', () => {
    const next = mustApply(base, { op: 'trustPrincipal', account: A, role: 'App', principal: 'ec2.amazonaws.com' });
    expect((trustOf(next, 'App') as { Statement: { Principal: unknown }[] }).Statement[0]!.Principal).toEqual({ AWS: `arn:aws:iam::${A}:root`, Service: 'ec2.amazonaws.com' });
    expect(worldFaults(next)).toEqual([]);
  });

  it('puts a SAML provider under Federated in a new statement with sts:AssumeRoleWithSAML', () => {
    const withIdp: ScenarioJson = { ...base, accounts: [{ ...base.accounts[0]!, identityProviders: [{ type: 'saml', name: 'Corp' }] }, base.accounts[1]!] };
    const next = mustApply(withIdp, { op: 'trustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${A}:saml-provider/Corp` });
    expect((trustOf(next, 'App') as { Statement: unknown[] }).Statement[1]).toEqual({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${A}:saml-provider/Corp` }, Action: 'sts:AssumeRoleWithSAML' });
    expect(worldFaults(next)).toEqual([]);
  });

  it('puts an OIDC provider under Federated with sts:AssumeRoleWithWebIdentity', () => {
    const withIdp: ScenarioJson = { ...base, accounts: [{ ...base.accounts[0]!, identityProviders: [{ type: 'oidc', url: 'https://token.actions.githubusercontent.com' }] }, base.accounts[1]!] };
    const arn = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
    const next = mustApply(withIdp, { op: 'trustPrincipal', account: A, role: 'App', principal: arn });
    expect((trustOf(next, 'App') as { Statement: unknown[] }).Statement[1]).toEqual({ Effect: 'Allow', Principal: { Federated: arn }, Action: 'sts:AssumeRoleWithWebIdentity' });
  });

  it('does not widen a statement with conditions: the principal goes into a new statement', () => {
    const conditioned = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] };
    const world = mustApply(base, { op: 'setDocument', ref: { kind: 'trust', account: A, role: 'App' }, document: conditioned });
    const next = mustApply(world, { op: 'trustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${A}:user/alice` });
    const statements = (trustOf(next, 'App') as { Statement: unknown[] }).Statement;
    expect(statements).toHaveLength(2);
    expect(statements[0]).toEqual(conditioned.Statement[0]);
  });

  it('refuses a user or role that does not exist in an account of the world (IAM: "Invalid principal in policy")', () => {
    expect(refusal(base, { op: 'trustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${A}:user/nobody` })).toMatchObject({ code: 'principalInvalid', field: 'principal' });
    expect(refusal(base, { op: 'trustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${A}:saml-provider/None` }).code).toBe('principalInvalid');
    expect(refusal(base, { op: 'trustPrincipal', account: A, role: 'App', principal: 'not a principal' }).code).toBe('principalInvalid');
    // An account outside the world cannot be checked: its principals are taken on their ARN's word.
    mustApply(base, { op: 'trustPrincipal', account: A, role: 'App', principal: 'arn:aws:iam::999999999999:role/Elsewhere' });
  });
});

describe('untrustPrincipal', () => {
  it('removes the principal, and a statement left with no principal', () => {
    const two = mustApply(base, { op: 'trustPrincipal', account: A, role: 'App', principal: 'ec2.amazonaws.com' }, { op: 'trustPrincipal', account: A, role: 'App', principal: B });
    const next = mustApply(two, { op: 'untrustPrincipal', account: A, role: 'App', principal: `arn:aws:iam::${A}:root` });
    expect((trustOf(next, 'App') as { Statement: { Principal: unknown }[] }).Statement[0]!.Principal).toEqual({ AWS: `arn:aws:iam::${B}:root`, Service: 'ec2.amazonaws.com' });
    const withSaml: ScenarioJson = { ...next, accounts: [{ ...next.accounts[0]!, identityProviders: [{ type: 'saml', name: 'Corp' }] }, next.accounts[1]!] };
    const saml = `arn:aws:iam::${A}:saml-provider/Corp`;
    const federated = mustApply(withSaml, { op: 'trustPrincipal', account: A, role: 'App', principal: saml });
    expect((trustOf(federated, 'App') as { Statement: unknown[] }).Statement).toHaveLength(2);
    const back = mustApply(federated, { op: 'untrustPrincipal', account: A, role: 'App', principal: saml });
    expect((trustOf(back, 'App') as { Statement: unknown[] }).Statement).toHaveLength(1);
    expect(worldFaults(back)).toEqual([]);
  });

  it('refuses to remove the last principal: a trust policy needs a statement', () => {
    expect(refusal(base, { op: 'untrustPrincipal', account: A, role: 'App', principal: A })).toMatchObject({ code: 'lastTrustedPrincipal', params: { principal: A, role: 'App' } });
  });

  it('refuses a principal the role does not trust', () => {
    expect(refusal(base, { op: 'untrustPrincipal', account: A, role: 'App', principal: B })).toMatchObject({ code: 'notFound', params: { what: 'trustedPrincipal', name: B } });
  });
});
