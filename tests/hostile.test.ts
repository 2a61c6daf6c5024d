/**
 * Bad and hostile input: a malformed or hostile scenario or policy gets a clear error or a
 * correct answer, never a crash, a hang or a polluted object. (Bounded time is asserted
 * by completing at all within the suite's timeout; speed is measured in the bench.)
 */
import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../engine/data/managedPolicies';
import { compileWorld } from '../engine/model/compile';
import { runRequest } from '../engine/pipeline/run';
import { parseDocumentText } from '../engine/scenario/load';
import type { ScenarioJson } from '../engine/scenario/types';

const noManaged = managedPolicySourceFrom([]);
const V = '2012-10-17';

function scenarioWith(document: unknown, resource = 'arn:aws:s3:::b/k'): ScenarioJson {
  return {
    format: 'iam-playground/scenario', version: 1,
    accounts: [{ id: '111122223333', users: [{ name: 'u', inlinePolicies: { P: document } }], resources: [{ arn: resource.split('/')[0]! }] }],
  };
}

describe('hostile scenario files', () => {
  it('invalid JSON is refused with a line and column', () => {
    const result = parseDocumentText('{"format": "iam-playground/scenario",\n  "version": 1,\n  "accounts": [}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/line 3, column 16/);
  });

  it('wrong types are refused with the JSON path of each fault', () => {
    const result = parseDocumentText(JSON.stringify({ format: 'iam-playground/scenario', version: 1, accounts: [{ id: 42, users: 'alice' }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.errors.map((e) => e.path);
      expect(paths).toContain('$.accounts[0].id');
      expect(paths).toContain('$.accounts[0].users');
    }
  });

  it('`__proto__` and `constructor` keys stay plain data and pollute nothing', () => {
    const text = '{"format":"iam-playground/scenario","version":1,"__proto__":{"polluted":true},"accounts":[{"id":"111122223333","users":[{"name":"u","tags":{"__proto__":"x","constructor":"y"}}]}]}';
    const result = parseDocumentText(text);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.ok).toBe(true);
    if (result.ok && result.kind === 'scenario') {
      const tags = result.scenario.accounts[0]!.users![0]!.tags!;
      expect(Object.keys(tags)).toEqual(['__proto__', 'constructor']);
      expect(result.warnings.map((w) => w.path)).toEqual(['$.__proto__']);
    }
  });

  it('10,000 levels of nesting are refused, not a stack overflow', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const result = parseDocumentText(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/deep|nest/i);
  });

  it('a policy of 100,000 statements is refused as AWS refuses it: over the policy size quota', () => {
    const statements = Array.from({ length: 100_000 }, (_, i) => ({ Effect: 'Allow', Action: `s3:Get${i}`, Resource: '*' }));
    const { faults } = compileWorld(scenarioWith({ Version: V, Statement: statements }), noManaged);
    expect(faults.length).toBe(1);
    expect(faults[0]!.path).toBe('$.accounts[0].users[0].inlinePolicies');
    expect(faults[0]!.message).toMatch(/user inline policy size/);
  });

  it('a pathological wildcard against a 100 KB ARN answers (linear-time matching)', async () => {
    const pattern = 'arn:aws:s3:::b/*a*a*a*a*a*a*a*a*b';
    const { world } = compileWorld(scenarioWith({ Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: pattern }] }), noManaged);
    const resource = `arn:aws:s3:::b/${'a'.repeat(100_000)}`;
    const result = await runRequest(world, { principal: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource }, { trace: true });
    expect(result.decision).toBe('implicitDeny');
    const matched = await runRequest(world, { principal: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource: `${resource}b` }, { trace: false });
    expect(matched.decision).toBe('allowed');
  });

  it('a policy that is not a policy is a fault of the world with its path, and judges nothing', () => {
    const { faults } = compileWorld(scenarioWith({ Statement: 'nope' }), noManaged);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults[0]!.path).toBe('$.accounts[0].users[0].inlinePolicies["P"]');
  });

  it('a huge string value is handled', () => {
    const big = 'x'.repeat(5_000_000);
    const result = parseDocumentText(JSON.stringify({ format: 'iam-playground/scenario', version: 1, title: big, accounts: [{ id: '111122223333' }] }));
    expect(result.ok).toBe(true);
  });

  it('garbage of every kind is refused without throwing', () => {
    for (const text of ['', 'null', '42', '"x"', '[]', '{}', '\u0000', '{"format":"iam-playground/pack","version":1,"id":"p","exercises":[{}]}']) {
      expect(() => parseDocumentText(text)).not.toThrow();
      expect(parseDocumentText(text).ok).toBe(false);
    }
  });
});
