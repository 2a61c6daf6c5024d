import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse';
import {
  DEFAULT_SIZE_LIMIT,
  POLICY_SIZE_LIMITS,
  checkAggregatePolicySize,
  checkPolicySize,
  minifiedLength,
  policySize,
  type PolicySizeLimitName,
} from './sizeLimits';
import type { PolicyKind } from './types';

/** A policy whose minified JSON is exactly `size` characters. */
function policyOfMinifiedSize(size: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const make = (pad: number) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(pad)}`, ...extra }] });
  const base = JSON.stringify(make(1)).length;
  const doc = make(size - base + 1);
  expect(JSON.stringify(doc).length).toBe(size);
  return doc;
}

describe('size quotas (IAM and AWS STS quotas; AWS Organizations quotas)', () => {
  it.each<[PolicySizeLimitName, number]>([
    ['managedPolicy', 6144],
    ['userInlinePolicies', 2048],
    ['groupInlinePolicies', 5120],
    ['roleInlinePolicies', 10240],
    ['roleTrustPolicy', 2048],
    ['sessionPolicy', 2048],
    ['serviceControlPolicy', 5120],
    ['resourceControlPolicy', 5120],
  ])('%s is %i characters', (name, limit) => {
    expect(POLICY_SIZE_LIMITS[name].limit).toBe(limit);
    expect(checkPolicySize(limit, name)).toBeUndefined();
    expect(checkPolicySize(limit + 1, name)).toMatchObject({ code: 'policySizeExceeded', severity: 'error', params: { size: limit + 1, limit } });
  });

  it('the role trust policy quota is adjustable to 4,096', () => {
    expect(POLICY_SIZE_LIMITS.roleTrustPolicy.adjustableTo).toBe(4096);
  });

  it.each<[PolicyKind, PolicySizeLimitName | null]>([
    ['identity', 'managedPolicy'], ['boundary', 'managedPolicy'], ['session', 'sessionPolicy'], ['trust', 'roleTrustPolicy'],
    ['scp', 'serviceControlPolicy'], ['rcp', 'resourceControlPolicy'], ['resource', null],
  ])('a %s policy is checked against %s by default', (kind, name) => {
    expect(DEFAULT_SIZE_LIMIT[kind]).toBe(name);
  });

  it('minified length drops white space outside strings only', () => {
    expect(minifiedLength('{ "a b" : [ 1 , "\\" x" ] }\n')).toBe('{"a b":[1,"\\" x"]}'.length);
    expect(minifiedLength('"\\\\" ')).toBe(4);
  });

  it('IAM does not count white space: a managed policy of 6,144 characters plus indentation passes', () => {
    const doc = policyOfMinifiedSize(6144);
    const pretty = JSON.stringify(doc, null, 4);
    expect(parsePolicy(pretty, 'identity').findings).toEqual([]);
    const over = JSON.stringify(policyOfMinifiedSize(6145), null, 4);
    expect(parsePolicy(over, 'identity').findings.map((f) => f.code)).toEqual(['policySizeExceeded']);
  });

  it('all characters of an SCP count, white space included (SCP syntax)', () => {
    const doc = policyOfMinifiedSize(5100);
    expect(parsePolicy(JSON.stringify(doc), 'scp').findings).toEqual([]);
    expect(parsePolicy(JSON.stringify(doc, null, 2), 'scp').findings.map((f) => f.code)).toEqual(['policySizeExceeded']);
  });

  it('a policy from a JSON value is measured minified, since its white space is not the author\'s', () => {
    const doc = policyOfMinifiedSize(5100);
    expect(parsePolicy(doc, 'scp').findings).toEqual([]);
    expect(parsePolicy(policyOfMinifiedSize(5121), 'scp').findings.map((f) => f.code)).toEqual(['policySizeExceeded']);
  });

  it('a session policy counts every character of its plaintext (STS AssumeRole Policy: 2,048)', () => {
    const r = parsePolicy(`${JSON.stringify(policyOfMinifiedSize(2040))}${' '.repeat(9)}`, 'session');
    expect(r.findings.map((f) => f.code)).toEqual(['policySizeExceeded']);
    expect(policySize({ text: 'x'.repeat(10), source: 'text' }, 'sessionPolicy')).toBe(10);
  });

  it('the caller can choose the quota, or none', () => {
    const doc = policyOfMinifiedSize(3000);
    expect(parsePolicy(doc, 'identity').findings).toEqual([]);
    expect(parsePolicy(doc, 'identity', { sizeLimit: 'userInlinePolicies' }).findings.map((f) => f.params)).toEqual([
      { size: 3000, limit: 2048, quota: POLICY_SIZE_LIMITS.userInlinePolicies.quota },
    ]);
    expect(parsePolicy(policyOfMinifiedSize(7000), 'identity', { sizeLimit: null }).findings).toEqual([]);
  });

  it('inline policies are limited in aggregate per user, group or role', () => {
    const a = { text: JSON.stringify(policyOfMinifiedSize(1200)) };
    const b = { text: JSON.stringify(policyOfMinifiedSize(1000), null, 2) };
    expect(checkAggregatePolicySize([a, b], 'userInlinePolicies')?.params.size).toBe(2200);
    expect(checkAggregatePolicySize([a, b], 'groupInlinePolicies')).toBeUndefined();
  });
});
