import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';

function decide(op: string, values: string | string[], entries: [string, ContextValue][]) {
  const c = compileCondition(makeClause(op, 'aws:SecureTransport', values), '2012-10-17');
  const ctx = contextFrom(entries);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}
const K = 'aws:SecureTransport';

// "Condition operators" → Boolean condition operators.
const cases: [rule: string, op: string, values: string | string[], entries: [string, ContextValue][], expected: boolean][] = [
  ['Bool matches false (deny when not over SSL)', 'Bool', 'false', [[K, 'false']], true],
  ['Bool does not match the other value', 'Bool', 'false', [[K, 'true']], false],
  ['Bool is not case-sensitive', 'Bool', 'True', [[K, 'TRUE']], true],
  ['Bool with a non-boolean context value is false', 'Bool', 'true', [[K, 'yes']], false],
  ['Bool with a non-boolean policy value never matches', 'Bool', 'yes', [[K, 'true']], false],
  ['Bool with a missing key is false', 'Bool', 'false', [], false],
  ['BoolIfExists with a missing key is true', 'BoolIfExists', 'false', [], true],
  ['Bool with a policy variable', 'Bool', '${aws:MultiFactorAuthPresent}', [[K, 'true'], ['aws:MultiFactorAuthPresent', 'true']], true],
  ['Bool with an unresolved policy variable', 'Bool', '${aws:MultiFactorAuthPresent}', [[K, 'true']], false],
];

describe('Bool condition operator', () => {
  it.each(cases)('%s', (_rule, op, values, entries, expected) => {
    expect(decide(op, values, entries)).toBe(expected);
  });
});
