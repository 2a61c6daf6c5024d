import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';

function decide(op: string, values: string | string[], entries: [string, ContextValue][]) {
  const c = compileCondition(makeClause(op, 'aws:SourceArn', values), '2012-10-17');
  const ctx = contextFrom(entries);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}
const K = 'aws:SourceArn';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:TOPIC-ID';
const ODD = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';

// "Condition operators" → Amazon Resource Name (ARN) condition operators.
const cases: [rule: string, op: string, values: string | string[], entries: [string, ContextValue][], expected: boolean][] = [
  ['ArnEquals: the same ARN', 'ArnEquals', TOPIC, [[K, TOPIC]], true],
  ['ArnEquals and ArnLike behave identically (wildcards in ArnEquals)', 'ArnEquals', 'arn:aws:sns:*:123456789012:*', [[K, TOPIC]], true],
  ['ArnLike: case-sensitive', 'ArnLike', 'arn:aws:sns:us-east-1:123456789012:topic-id', [[K, TOPIC]], false],
  ['ArnLike: each component is checked separately', 'ArnLike', 'arn:aws:someservice:*:111122223333:finance/*', [[K, ODD]], false],
  ['… while StringLike lets * cross colons', 'StringLike', 'arn:aws:someservice:*:111122223333:finance/*', [[K, ODD]], true],
  ['ArnLike: ? is one character', 'ArnLike', 'arn:aws:sns:us-east-?:123456789012:TOPIC-ID', [[K, TOPIC]], true],
  ['ArnNotEquals: negated', 'ArnNotEquals', 'arn:aws:sns:us-east-1:123456789012:OTHER', [[K, TOPIC]], true],
  ['ArnNotLike: NOR over values', 'ArnNotLike', ['arn:aws:sqs:*:*:*', 'arn:aws:sns:*:*:*'], [[K, TOPIC]], false],
  ['ArnLike: a missing key is false (aws:SourceArn only when a service calls)', 'ArnLike', 'arn:aws:sns:*:*:*', [], false],
  ['ArnNotLike: a missing key is true', 'ArnNotLike', 'arn:aws:sns:*:*:*', [], true],
  ['ArnLike: a context value that is not an ARN is false', 'ArnLike', '*', [[K, 'not-an-arn']], false],
  ['ArnNotLike: … and false for the negation too', 'ArnNotLike', 'arn:aws:sns:*:*:*', [[K, 'not-an-arn']], false],
  ['ArnLike: policy variables are supported', 'ArnLike', 'arn:aws:sns:*:${aws:PrincipalAccount}:*', [[K, TOPIC], ['aws:PrincipalAccount', '123456789012']], true],
  ['ArnLike: a variable with no value matches nothing', 'ArnLike', 'arn:aws:sns:*:${aws:PrincipalAccount}:*', [[K, TOPIC]], false],
];

describe('ARN condition operators', () => {
  it.each(cases)('%s', (_rule, op, values, entries, expected) => {
    expect(decide(op, values, entries)).toBe(expected);
  });
});
