import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../policy/types';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';

function decide(op: string, key: string, values: string | string[], entries: [string, ContextValue][], ...versionArg: [PolicyVersion | undefined] | []) {
  const version = versionArg.length === 0 ? '2012-10-17' : versionArg[0];
  const c = compileCondition(makeClause(op, key, values), version);
  const ctx = contextFrom(entries);
  const result = c.test(ctx);
  expect(c.explain(ctx).result).toBe(result);
  return result;
}

type Case = [rule: string, op: string, values: string | string[], context: ContextValue | undefined, expected: boolean];

const K = 'aws:PrincipalTag/job';
// "Condition operators" → String condition operators.
const cases: Case[] = [
  ['StringEquals: exact matching, case sensitive', 'StringEquals', 'admin', 'admin', true],
  ['StringEquals: case matters', 'StringEquals', 'admin', 'Admin', false],
  ['StringEquals: several values are ORed', 'StringEquals', ['audit', 'admin'], 'admin', true],
  ['StringEquals: no listed value matches', 'StringEquals', ['audit', 'security'], 'admin', false],
  ['StringEquals: * is not a wildcard', 'StringEquals', 'adm*', 'admin', false],
  ['StringEquals: * matches a literal *', 'StringEquals', 'adm*', 'adm*', true],
  ['StringNotEquals: negated matching', 'StringNotEquals', 'admin', 'audit', true],
  ['StringNotEquals: false when equal', 'StringNotEquals', 'admin', 'admin', false],
  ['StringNotEquals: several values are NORed', 'StringNotEquals', ['audit', 'security'], 'audit', false],
  ['StringNotEquals: NOR, none equal', 'StringNotEquals', ['audit', 'security'], 'admin', true],
  ['StringEqualsIgnoreCase: exact matching, ignoring case', 'StringEqualsIgnoreCase', 'ADMIN', 'admin', true],
  ['StringEqualsIgnoreCase: still exact', 'StringEqualsIgnoreCase', 'ADMIN', 'admins', false],
  ['StringNotEqualsIgnoreCase: negated, ignoring case', 'StringNotEqualsIgnoreCase', 'ADMIN', 'admin', false],
  ['StringNotEqualsIgnoreCase: different value', 'StringNotEqualsIgnoreCase', 'ADMIN', 'audit', true],
  ['StringLike: * matches any characters', 'StringLike', 'home/*', 'home/alice/x', true],
  ['StringLike: ? matches one character', 'StringLike', 'ab?', 'abc', true],
  ['StringLike: case-sensitive', 'StringLike', 'Home/*', 'home/x', false],
  ['StringLike: without wildcards it is exact', 'StringLike', 'home', 'home/x', false],
  ['StringLike: the empty string (s3:prefix "")', 'StringLike', ['', 'home/'], '', true],
  ['StringNotLike: negated', 'StringNotLike', 'home/*', 'etc/x', true],
  ['StringNotLike: false when like', 'StringNotLike', ['etc/*', 'home/*'], 'home/x', false],
];

describe('String condition operators', () => {
  it.each(cases)('%s', (_rule, op, values, context, expected) => {
    expect(decide(op, K, values, context === undefined ? [] : [[K, context]])).toBe(expected);
  });
});

describe('policy variables in string conditions ("IAM policy elements: Variables and tags")', () => {
  const ctx: [string, ContextValue][] = [
    ['aws:username', 'alice'],
    ['s3:prefix', 'home/alice/docs'],
    ['aws:TagKeys', ['a', 'b']],
    ['aws:PrincipalTag/team', 'blue'],
    ['aws:ResourceTag/team', 'blue'],
  ];
  const vcases: [rule: string, op: string, values: string | string[], key: string, expected: boolean, version?: PolicyVersion][] = [
    ['StringLike with ${aws:username}', 'StringLike', 'home/${aws:username}/*', 's3:prefix', true],
    ['StringEquals between two keys (ResourceTag = ${PrincipalTag})', 'StringEquals', '${aws:PrincipalTag/team}', 'aws:ResourceTag/team', true],
    ['a substituted value is literal in StringLike', 'StringLike', 'home/${aws:PrincipalTag/none, \'*\'}', 's3:prefix', false],
    ["a default value ('Specifying default values')", 'StringLike', "home/${aws:SourceVpc, 'alice'}/*", 's3:prefix', true],
    ['an unresolved variable matches nothing', 'StringLike', 'home/${aws:SourceVpc}/*', 's3:prefix', false],
    ['an unresolved variable: a negated operator is true ("Policy variables with no value")', 'StringNotLike', 'home/${aws:SourceVpc}/*', 's3:prefix', true],
    ['a multivalued key cannot be a variable', 'StringEquals', '${aws:TagKeys}', 'aws:TagKeys', false],
    ['${*} is a literal * in StringLike', 'StringLike', 'home/${*}', 's3:prefix', false],
    ['with Version 2008-10-17 the variable is literal text', 'StringLike', 'home/${aws:username}/*', 's3:prefix', false, '2008-10-17'],
  ];
  it.each(vcases)('%s', (_rule, op, values, key, expected, version = '2012-10-17') => {
    expect(decide(op, key, values, ctx, version)).toBe(expected);
  });

  it('${*} in StringLike matches only a literal asterisk', () => {
    expect(decide('StringLike', 'k', 'a${*}', [['k', 'a*']])).toBe(true);
    expect(decide('StringLike', 'k', 'a${*}', [['k', 'ab']])).toBe(false);
    // Without Version the text is literal, so its * is a wildcard again.
    expect(decide('StringLike', 'k', 'a${*}', [['k', 'a${xyz}']], undefined)).toBe(true);
  });
});
