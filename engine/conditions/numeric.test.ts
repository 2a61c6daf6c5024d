import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';
import { parseNumber } from './numeric';

function decide(op: string, values: string | string[], context: ContextValue | undefined) {
  const c = compileCondition(makeClause(op, 's3:max-keys', values), '2012-10-17');
  const ctx = contextFrom(context === undefined ? [] : [['s3:max-keys', context]]);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}

// "Condition operators" → Numeric condition operators (integer or decimal values).
const cases: [rule: string, op: string, values: string | string[], context: ContextValue | undefined, expected: boolean][] = [
  ['NumericEquals: matching', 'NumericEquals', '10', '10', true],
  ['NumericEquals: compares numbers, not text', 'NumericEquals', '10', '10.0', true],
  ['NumericEquals: decimals', 'NumericEquals', '2.5', '2.50', true],
  ['NumericNotEquals: negated matching', 'NumericNotEquals', '10', '11', true],
  ['NumericNotEquals: NOR over values', 'NumericNotEquals', ['10', '11'], '11', false],
  ['NumericLessThan', 'NumericLessThan', '10', '9', true],
  ['NumericLessThan: not equal', 'NumericLessThan', '10', '10', false],
  ['NumericLessThanEquals: "up to" 10', 'NumericLessThanEquals', '10', '10', true],
  ['NumericLessThanEquals: above', 'NumericLessThanEquals', '10', '11', false],
  ['NumericGreaterThan', 'NumericGreaterThan', '10', '10.5', true],
  ['NumericGreaterThanEquals', 'NumericGreaterThanEquals', '-1', '-1', true],
  ['negative numbers', 'NumericLessThan', '0', '-3', true],
  ['a non-number context value makes the comparison false', 'NumericLessThan', '10', 'abc', false],
  ['… for the negated operator too', 'NumericNotEquals', '10', 'abc', false],
  ['a non-number policy value never matches', 'NumericEquals', 'ten', '10', false],
  ['… so NumericNotEquals with it is true', 'NumericNotEquals', 'ten', '10', true],
  ['a missing key makes the comparison false', 'NumericLessThanEquals', '10', undefined, false],
  ['a missing key makes NumericNotEquals true', 'NumericNotEquals', '10', undefined, true],
  ['policy variables are not supported (literal text is not a number)', 'NumericEquals', '${aws:x}', '5', false],
];

describe('Numeric condition operators', () => {
  it.each(cases)('%s', (_rule, op, values, context, expected) => {
    expect(decide(op, values, context)).toBe(expected);
  });

  it('parses decimal numbers only', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('+4.')).toBe(4);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['', ' 1', '0x10', 'NaN', 'Infinity', '1,000', '1_0']) expect(parseNumber(bad)).toBeUndefined();
  });
});
