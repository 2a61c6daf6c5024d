import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';
import { parseDate } from './date';

function decide(op: string, key: string, values: string | string[], context: ContextValue | undefined) {
  const c = compileCondition(makeClause(op, key, values), '2012-10-17');
  const ctx = contextFrom(context === undefined ? [] : [[key, context]]);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}

const T = 'aws:TokenIssueTime';
const NOW = 'aws:CurrentTime';
const EPOCH = 'aws:EpochTime';
// "Condition operators" → Date condition operators: W3C ISO 8601 formats or epoch (UNIX) time.
const cases: [rule: string, op: string, key: string, values: string | string[], context: ContextValue | undefined, expected: boolean][] = [
  ['DateGreaterThan: credentials issued in 2020 (the guide’s example)', 'DateGreaterThan', T, '2020-01-01T00:00:01Z', '2020-06-01T12:00:00Z', true],
  ['DateGreaterThan: earlier is false', 'DateGreaterThan', T, '2020-01-01T00:00:01Z', '2019-12-31T23:59:59Z', false],
  ['DateGreaterThan with epoch seconds on aws:EpochTime', 'DateGreaterThan', EPOCH, '1577836800', '1577836801', true],
  ['DateGreaterThan: epoch policy value against an ISO context value', 'DateGreaterThan', NOW, '1577836800', '2020-01-01T00:00:01Z', true],
  ['DateLessThan: ISO policy value against epoch context value', 'DateLessThan', EPOCH, '2020-01-01T00:00:00Z', '1577836799', true],
  ['DateEquals: the same instant in two forms', 'DateEquals', NOW, '2020-01-01T00:00:00Z', '1577836800', true],
  ['DateEquals: time zone offsets', 'DateEquals', NOW, '2020-01-01T09:00:00+09:00', '2020-01-01T00:00:00Z', true],
  ['DateEquals: a date alone is midnight UTC', 'DateEquals', NOW, '2020-01-01', '2020-01-01T00:00:00Z', true],
  ['DateNotEquals: negated', 'DateNotEquals', NOW, '2020-01-01', '2020-01-02', true],
  ['DateLessThanEquals: equal', 'DateLessThanEquals', NOW, '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00Z', true],
  ['DateGreaterThanEquals: fractions of a second count', 'DateGreaterThanEquals', NOW, '2020-01-01T00:00:00.5Z', '2020-01-01T00:00:00.25Z', false],
  ['a malformed context date makes the comparison false', 'DateGreaterThan', NOW, '2020-01-01', 'yesterday', false],
  ['… for DateNotEquals too', 'DateNotEquals', NOW, '2020-01-01', 'yesterday', false],
  ['an impossible date is malformed', 'DateLessThan', NOW, '2030-01-01', '2020-02-30T00:00:00Z', false],
  ['a missing key is false (aws:TokenIssueTime only with temporary credentials)', 'DateGreaterThan', T, '2020-01-01T00:00:01Z', undefined, false],
  ['wildcards are not permitted', 'DateEquals', NOW, '2020-*', '2020-01-01', false],
];

describe('Date condition operators', () => {
  it.each(cases)('%s', (_rule, op, key, values, context, expected) => {
    expect(decide(op, key, values, context)).toBe(expected);
  });

  it('parses W3C ISO 8601 profiles and epoch seconds', () => {
    const utc = Date.UTC(2020, 0, 1);
    expect(parseDate('2020')).toBe(2020_000); // all digits: epoch seconds
    expect(parseDate('2020-01')).toBe(utc);
    expect(parseDate('2020-01-01')).toBe(utc);
    expect(parseDate('2020-01-01T00:00Z')).toBe(utc);
    expect(parseDate('2020-01-01T00:00:00Z')).toBe(utc);
    expect(parseDate('2020-01-01T01:00:00+0100')).toBe(utc);
    expect(parseDate('2019-12-31T19:00:00-05:00')).toBe(utc);
    expect(parseDate('2020-01-01T00:00:00')).toBe(utc); // no zone: UTC
    expect(parseDate('1577836800')).toBe(utc);
    expect(parseDate('1577836800.5')).toBe(utc + 500);
    expect(parseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2023-02-29', '2020-13-01', '2020-01-01T25:00Z', 'Jan 1 2020', '', '2020-1-1']) {
      expect(parseDate(bad), bad).toBeUndefined();
    }
  });
});
