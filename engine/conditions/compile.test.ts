import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition, compileConditionBlock } from './compile';

const ctxOf = (context: ContextValue | undefined, key = 'aws:TagKeys') => contextFrom(context === undefined ? [] : [[key, context]]);

function decide(op: string, values: string | string[], context: ContextValue | undefined, key = 'aws:TagKeys') {
  const c = compileCondition(makeClause(op, key, values), '2012-10-17');
  const ctx = ctxOf(context, key);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}

type Case = [rule: string, op: string, values: string | string[], context: ContextValue | undefined, expected: boolean];

// "Condition operators", Important: a missing key makes the condition false; for an
// operator that requires the key *not* to match (StringNotLike, ArnNotLike …) it is true.
const missingKey: Case[] = [
  ['missing key: StringEquals is false', 'StringEquals', 'a', undefined, false],
  ['missing key: StringLike is false', 'StringLike', '*', undefined, false],
  ['missing key: StringNotEquals is true', 'StringNotEquals', 'a', undefined, true],
  ['missing key: StringNotLike is true', 'StringNotLike', 'a*', undefined, true],
  ['missing key: ArnNotLike is true', 'ArnNotLike', 'arn:*', undefined, true],
  ['missing key: NumericNotEquals is true', 'NumericNotEquals', '1', undefined, true],
  ['missing key: DateNotEquals is true', 'DateNotEquals', '2020-01-01', undefined, true],
  ['missing key: NotIpAddress is true', 'NotIpAddress', '10.0.0.0/8', undefined, true],
  ['missing key: NumericLessThan is false', 'NumericLessThan', '1', undefined, false],
  // "...IfExists condition operators": "If the key is not present, evaluate the condition element as true."
  ['IfExists: missing key is true', 'StringEqualsIfExists', 'a', undefined, true],
  ['IfExists: missing key is true for a negated operator', 'StringNotEqualsIfExists', 'a', undefined, true],
  ['IfExists: a present key is compared as usual', 'StringLikeIfExists', ['t1.*', 't2.*', 'm3.*'], 'c5.large', false],
  ['IfExists: a present key that matches', 'StringLikeIfExists', ['t1.*', 't2.*', 'm3.*'], 't2.micro', true],
  ['IfExists with a negated operator and a present key', 'StringNotEqualsIfExists', 'a', 'a', false],
  ['IfExists on every operator family (Numeric)', 'NumericLessThanIfExists', '5', undefined, true],
  ['IfExists on every operator family (IpAddress)', 'IpAddressIfExists', '10.0.0.0/8', undefined, true],
];

// "Single-valued vs. multivalued context keys" → set operators, and the guide's
// "Multivalued context key examples".
const setOperators: Case[] = [
  ['ForAllValues: every request value matches a listed value', 'ForAllValues:StringEquals', ['a', 'b', 'c'], ['a', 'b'], true],
  ['ForAllValues: one request value outside the list is false', 'ForAllValues:StringEquals', ['a', 'b'], ['a', 'x'], false],
  ['ForAllValues: true when the key is missing', 'ForAllValues:StringEquals', ['a'], undefined, true],
  ['ForAllValues: true on an empty set', 'ForAllValues:StringEquals', ['a'], [], true],
  ['ForAllValues: an empty string is an empty data set (true)', 'ForAllValues:StringEquals', ['a'], '', true],
  ['ForAllValues: a single-valued key is a set of one', 'ForAllValues:StringEquals', ['a', 'b'], 'b', true],
  ['ForAllValues: a single-valued key outside the list', 'ForAllValues:StringEquals', ['a', 'b'], 'x', false],
  ['ForAnyValue: one request value matches', 'ForAnyValue:StringEquals', ['ID', 'PostDateTime'], ['UserName', 'Message', 'PostDateTime'], true],
  ['ForAnyValue: no request value matches', 'ForAnyValue:StringEquals', ['ID', 'PostDateTime'], ['UserName'], false],
  ['ForAnyValue: false when the key is missing', 'ForAnyValue:StringEquals', ['a'], undefined, false],
  ['ForAnyValue: false on an empty set', 'ForAnyValue:StringEquals', ['a'], [], false],
  ['ForAnyValue: an empty string is an empty data set (false)', 'ForAnyValue:StringEquals', [''], '', false],
  ['ForAnyValue: a single-valued key is a set of one', 'ForAnyValue:StringLike', 'a*', 'abc', true],
  ['ForAllValues:StringNotLike key1* with [key1:legal] does not match', 'ForAllValues:StringNotLike', 'key1*', ['key1:legal'], false],
  ['ForAllValues:StringNotLike key1* with [key1:hr, key1:personnel] does not match', 'ForAllValues:StringNotLike', 'key1*', ['key1:hr', 'key1:personnel'], false],
  ['ForAllValues:StringNotLike key1* with [key2:audit] matches', 'ForAllValues:StringNotLike', 'key1*', ['key2:audit'], true],
  ['ForAllValues:StringNotLike key1* without aws:TagKeys matches', 'ForAllValues:StringNotLike', 'key1*', undefined, true],
  ['ForAnyValue:StringNotEquals: some request value is none of the listed', 'ForAnyValue:StringNotEquals', ['DataClass', 'Owner'], ['Owner', 'Env'], true],
  ['ForAnyValue:StringNotEquals: every request value is listed', 'ForAnyValue:StringNotEquals', ['DataClass', 'Owner'], ['Owner', 'DataClass'], false],
  ['ForAnyValue:StringNotEquals: missing key is false', 'ForAnyValue:StringNotEquals', ['DataClass'], undefined, false],
  ['ForAllValues…IfExists: missing key is true', 'ForAllValues:StringEqualsIfExists', ['a'], undefined, true],
  ['ForAnyValue…IfExists: missing key is true (IfExists)', 'ForAnyValue:StringEqualsIfExists', ['a'], undefined, true],
  ['ForAnyValue…IfExists: present key compared as usual', 'ForAnyValue:StringEqualsIfExists', ['a'], ['b'], false],
];

// A multivalued key without a set operator: positive = any value matches; negated = no
// value matches ("multiple values … NOR").
const multivaluedWithoutQualifier: Case[] = [
  ['no qualifier: StringEquals true when any request value matches', 'StringEquals', 'b', ['a', 'b'], true],
  ['no qualifier: StringEquals false when none matches', 'StringEquals', 'c', ['a', 'b'], false],
  ['no qualifier: StringNotEquals false when any request value matches', 'StringNotEquals', 'b', ['a', 'b'], false],
  ['no qualifier: StringNotEquals true when none matches', 'StringNotEquals', ['c', 'd'], ['a', 'b'], true],
  ['no qualifier: an empty list is like a missing key (positive)', 'StringEquals', 'a', [], false],
  ['no qualifier: an empty list is like a missing key (negated)', 'StringNotEquals', 'a', [], true],
  ['no qualifier: an empty string is a value', 'StringEquals', '', '', true],
];

describe('condition evaluation: missing keys and IfExists', () => {
  it.each(missingKey)('%s', (_r, op, values, context, expected) => {
    expect(decide(op, values, context)).toBe(expected);
  });
});

describe('condition evaluation: ForAllValues / ForAnyValue', () => {
  it.each(setOperators)('%s', (_r, op, values, context, expected) => {
    expect(decide(op, values, context)).toBe(expected);
  });
});

describe('condition evaluation: multivalued keys without a set operator', () => {
  it.each(multivaluedWithoutQualifier)('%s', (_r, op, values, context, expected) => {
    expect(decide(op, values, context)).toBe(expected);
  });
});

describe('Null ("Condition operator to check existence of condition keys")', () => {
  const cases: Case[] = [
    ['Null true: the key must be absent (absent)', 'Null', 'true', undefined, true],
    ['Null true: the key must be absent (present)', 'Null', 'true', '2020-01-01T00:00:00Z', false],
    ['Null false: the key must be present (present)', 'Null', 'false', '2020-01-01T00:00:00Z', true],
    ['Null false: the key must be present (absent)', 'Null', 'false', undefined, false],
    ['Null false: an empty list has no value', 'Null', 'false', [], false],
    ['Null true/false values are not case-sensitive', 'Null', 'TRUE', undefined, true],
    ['Null values are ORed: true or false always holds', 'Null', ['true', 'false'], 'x', true],
    ['Null with a non-boolean value never holds', 'Null', 'maybe', undefined, false],
    ['NullIfExists is not an operator ("except the Null condition")', 'NullIfExists', 'true', undefined, false],
  ];
  it.each(cases)('%s', (_r, op, values, context, expected) => {
    expect(decide(op, values, context, 'aws:TokenIssueTime')).toBe(expected);
  });
});

describe('condition keys', () => {
  it('are case-insensitive ("aws:SourceIP is equivalent to AWS:SourceIp")', () => {
    const c = compileCondition(makeClause('IpAddress', 'AWS:SOURCEip', '10.0.0.0/8'), '2012-10-17');
    expect(c.test(contextFrom([['aws:SourceIp', '10.1.2.3']]))).toBe(true);
  });
});

describe('unknown operators', () => {
  it('make the condition false and are explained', () => {
    for (const op of ['StringEqualz', 'stringequals', 'ForAnyValue:Nope', 'StringEqualsIfExistsIfExists']) {
      const c = compileCondition(makeClause(op, 'aws:username', 'alice'), '2012-10-17');
      const ctx = contextFrom([['aws:username', 'alice']]);
      expect(c.test(ctx), op).toBe(false);
      expect(c.explain(ctx)).toMatchObject({ result: false, reason: 'conditionUnknownOperator', contextValues: ['alice'] });
    }
  });
});

describe('explanations', () => {
  it('name the listed value that matched and the context value it met', () => {
    const c = compileCondition(makeClause('StringLike', 's3:prefix', ['', 'home/', 'home/${aws:username}/*']), '2012-10-17');
    const e = c.explain(contextFrom([['s3:prefix', 'home/alice/x'], ['aws:username', 'alice']]));
    expect(e).toMatchObject({
      result: true,
      reason: 'conditionMatched',
      key: 's3:prefix',
      operator: 'StringLike',
      contextValues: ['home/alice/x'],
      matched: { index: 2, value: 'home/${aws:username}/*', resolved: 'home/alice/*', contextValue: 'home/alice/x' },
      unresolved: [],
    });
  });
  it('report conditionNotMatched', () => {
    const e = compileCondition(makeClause('StringEquals', 'k', 'a'), '2012-10-17').explain(contextFrom([['k', 'b']]));
    expect(e).toMatchObject({ result: false, reason: 'conditionNotMatched', matched: undefined });
  });
  it('report conditionKeyMissing and conditionIfExistsKeyMissing', () => {
    const ctx = contextFrom([]);
    expect(compileCondition(makeClause('StringEquals', 'k', 'a'), '2012-10-17').explain(ctx)).toMatchObject({
      result: false,
      reason: 'conditionKeyMissing',
      contextValues: undefined,
    });
    expect(compileCondition(makeClause('StringNotEquals', 'k', 'a'), '2012-10-17').explain(ctx)).toMatchObject({
      result: true,
      reason: 'conditionKeyMissing',
    });
    expect(compileCondition(makeClause('StringEqualsIfExists', 'k', 'a'), '2012-10-17').explain(ctx)).toMatchObject({
      result: true,
      reason: 'conditionIfExistsKeyMissing',
    });
  });
  it('report conditionVariableUnresolved', () => {
    const e = compileCondition(makeClause('StringEquals', 'aws:ResourceTag/owner', '${aws:username}'), '2012-10-17').explain(
      contextFrom([['aws:ResourceTag/owner', 'alice']]),
    );
    expect(e).toMatchObject({ result: false, reason: 'conditionVariableUnresolved', unresolved: [0] });
  });
  it('name the listed value that made a negated operator false', () => {
    const e = compileCondition(makeClause('StringNotEquals', 'k', ['x', 'b']), '2012-10-17').explain(contextFrom([['k', 'b']]));
    expect(e).toMatchObject({ result: false, matched: { index: 1, value: 'b', contextValue: 'b' } });
  });
  it('name the request value that failed ForAllValues', () => {
    const e = compileCondition(makeClause('ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b']), '2012-10-17').explain(
      contextFrom([['aws:TagKeys', ['a', 'z', 'b']]]),
    );
    expect(e).toMatchObject({ result: false, failedContextValue: 'z' });
  });
  it('list malformed context values', () => {
    const e = compileCondition(makeClause('NumericLessThan', 'k', '5'), '2012-10-17').explain(contextFrom([['k', ['x', '3']]]));
    expect(e).toMatchObject({ result: true, malformed: ['x'] });
  });
});

// "Conditions with multiple context keys or values": clauses (operators and keys) are ANDed.
describe('condition blocks', () => {
  const block = compileConditionBlock(
    [
      makeClause('StringEquals', 'aws:PrincipalTag/department', ['finance', 'hr']),
      makeClause('StringEquals', 'aws:PrincipalTag/role', ['audit', 'security']),
      makeClause('ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary']),
    ],
    '2012-10-17',
  );
  const base: [string, ContextValue][] = [
    ['aws:PrincipalTag/department', 'hr'],
    ['aws:PrincipalTag/role', 'audit'],
    ['aws:PrincipalArn', 'arn:aws:iam::222222222222:user/Mary'],
  ];
  it('holds when every clause holds', () => {
    expect(block.test(contextFrom(base))).toBe(true);
    expect(block.explain(contextFrom(base)).result).toBe(true);
  });
  it('fails when one clause fails, and explains every clause', () => {
    const ctx = contextFrom([...base, ['aws:PrincipalTag/role', 'dev']]);
    expect(block.test(ctx)).toBe(false);
    const e = block.explain(ctx);
    expect(e.result).toBe(false);
    expect(e.clauses.map((c) => c.result)).toEqual([true, false, true]);
  });
  it('an empty block holds', () => {
    expect(compileConditionBlock([], '2012-10-17').test(contextFrom([]))).toBe(true);
  });
});
