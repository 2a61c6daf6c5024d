import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';
import { decodeBase64 } from './binary';

function decide(values: string | string[], context: ContextValue | undefined, op = 'BinaryEquals') {
  const c = compileCondition(makeClause(op, 'key', values), '2012-10-17');
  const ctx = contextFrom(context === undefined ? [] : [['key', context]]);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}

// "Condition operators" → Binary condition operators: byte for byte against base-64.
const cases: [rule: string, values: string | string[], context: ContextValue | undefined, expected: boolean][] = [
  ['BinaryEquals: the same bytes', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', true],
  ['BinaryEquals: compares bytes, not text (padding optional)', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA', true],
  ['BinaryEquals: different bytes', 'QmluYXJ5', 'QmluYXJ6', false],
  ['BinaryEquals: values are ORed', ['AAAA', 'QmluYXJ5'], 'QmluYXJ5', true],
  ['BinaryEquals: a context value that is not base64 is false', 'QmluYXJ5', 'not base64!', false],
  ['BinaryEquals: a missing key is false', 'QmluYXJ5', undefined, false],
];

describe('BinaryEquals', () => {
  it.each(cases)('%s', (_rule, values, context, expected) => {
    expect(decide(values, context)).toBe(expected);
  });
  it('decodes base64', () => {
    expect(decodeBase64('QmluYXJ5VmFsdWVJbkJhc2U2NA==')).toBe('BinaryValueInBase64');
    expect(decodeBase64('')).toBe('');
    expect(decodeBase64('/w==')).toBe('\xff');
    for (const bad of ['A', 'A===', 'AB=C', 'ÿÿÿÿ']) expect(decodeBase64(bad), bad).toBeUndefined();
  });
});
