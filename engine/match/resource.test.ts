import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../policy/types';
import { contextFrom } from '../context/types';
import { arnSubject } from './arn';
import { compileResourceList, resourceMatches } from './resource';

const ctx = contextFrom([
  ['aws:username', 'alice'],
  ['aws:userid', 'AIDAEXAMPLE:alice'],
  ['aws:PrincipalTag/team', 'blue'],
  ['aws:TagKeys', ['team', 'env']],
  ['aws:weird', 'a*'],
]);

type Case = [rule: string, pattern: string, resource: string, expected: boolean, version?: PolicyVersion | undefined];

// "IAM JSON policy elements: Resource" and "IAM policy elements: Variables and tags".
const cases: Case[] = [
  ['* alone matches every resource', '*', 'arn:aws:s3:::anything/at/all', true],
  ['* alone matches a non-ARN resource too', '*', 'whatever', true],
  ['an exact ARN matches itself', 'arn:aws:sqs:us-east-2:123456789012:queue1', 'arn:aws:sqs:us-east-2:123456789012:queue1', true],
  ['resource ARNs are case-sensitive (the IAM user name is case sensitive)', 'arn:aws:iam::123456789012:user/Bob', 'arn:aws:iam::123456789012:user/bob', false],
  ['all users whose path is /accounting', 'arn:aws:iam::123456789012:user/accounting/*', 'arn:aws:iam::123456789012:user/accounting/alice', true],
  ['all items within a bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*', 'arn:aws:s3:::amzn-s3-demo-bucket/a/b.txt', true],
  ['bucket/* does not match the bucket itself', 'arn:aws:s3:::amzn-s3-demo-bucket/*', 'arn:aws:s3:::amzn-s3-demo-bucket', false],
  ['* replaces everything within a segment, including /', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg', true],
  ['… including empty and repeated /', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg', true],
  ['… but test/ must appear', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg', false],
  ['* at the end of a segment can expand beyond colon boundaries', 'arn:aws:ec2:*', 'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', true],
  ['multiple * and ? in each segment', 'arn:aws:dynamodb:us-east-?:*:table/b*s_t*', 'arn:aws:dynamodb:us-east-2:123456789012:table/books_table', true],
  ['${aws:username} in the resource portion', 'arn:aws:s3:::bucket/home/${aws:username}/*', 'arn:aws:s3:::bucket/home/alice/notes', true],
  ['${aws:username} is the current user only', 'arn:aws:s3:::bucket/home/${aws:username}/*', 'arn:aws:s3:::bucket/home/bob/notes', false],
  ['${aws:PrincipalTag/team} (Tags as policy variables)', 'arn:aws:s3:::bucket/${aws:PrincipalTag/team}', 'arn:aws:s3:::bucket/blue', true],
  ['${aws:userid}', 'arn:aws:s3:::bucket/${aws:userid}/*', 'arn:aws:s3:::bucket/AIDAEXAMPLE:alice/x', true],
  ["a default value for a missing key", "arn:aws:s3:::bucket/${aws:SourceVpc, 'none'}/*", 'arn:aws:s3:::bucket/none/x', true],
  ['a variable with no value matches no resource', 'arn:aws:s3:::bucket/${aws:SourceVpc}/*', 'arn:aws:s3:::bucket/${aws:SourceVpc}/x', false],
  ['a multivalued key is not a variable: no match', 'arn:aws:s3:::bucket/${aws:TagKeys}', 'arn:aws:s3:::bucket/team', false],
  ['a substituted value is literal: its * is not a wildcard', 'arn:aws:s3:::bucket/${aws:weird}', 'arn:aws:s3:::bucket/abc', false],
  ['… and matches the literal text', 'arn:aws:s3:::bucket/${aws:weird}', 'arn:aws:s3:::bucket/a*', true],
  ['${*} is a literal asterisk', 'arn:aws:s3:::bucket/${*}', 'arn:aws:s3:::bucket/*', true],
  ['${*} is not a wildcard', 'arn:aws:s3:::bucket/${*}', 'arn:aws:s3:::bucket/anything', false],
  ['${?} is a literal question mark', 'arn:aws:s3:::bucket/what${?}', 'arn:aws:s3:::bucket/what?', true],
  ['${$} is a literal dollar', 'arn:aws:s3:::bucket/${$}{x}', 'arn:aws:s3:::bucket/${x}', true],
  ['with Version 2008-10-17 variables are literal text', 'arn:aws:s3:::bucket/${aws:username}', 'arn:aws:s3:::bucket/${aws:username}', true, '2008-10-17'],
  ['… and not substituted', 'arn:aws:s3:::bucket/${aws:username}', 'arn:aws:s3:::bucket/alice', false, '2008-10-17'],
  ['without Version variables are literal text', 'arn:aws:s3:::bucket/${aws:username}', 'arn:aws:s3:::bucket/alice', false, undefined],
  ['… where * keeps its wildcard meaning', 'arn:aws:s3:::bucket/${*}', 'arn:aws:s3:::bucket/${anything}', true, undefined],
];

describe('Resource matching', () => {
  it.each(cases)('%s', (_rule, pattern, resource, expected, ...rest) => {
    const version = rest.length > 0 ? rest[0] : '2012-10-17';
    expect(resourceMatches(pattern, resource, ctx, version)).toBe(expected);
  });

  it('a list matches when any value matches, and explains which', () => {
    const list = compileResourceList(
      [
        'arn:aws:s3:::other',
        'arn:aws:s3:::bucket/${aws:SourceVpc}',
        'arn:aws:s3:::bucket/${aws:username}/*',
        'arn:aws:s3:::bucket/alice/x',
      ],
      '2012-10-17',
    );
    const subject = arnSubject('arn:aws:s3:::bucket/alice/x');
    expect(list.test(subject, ctx)).toBe(true);
    expect(list.explain(subject, ctx)).toEqual({
      matched: true,
      index: 2,
      value: 'arn:aws:s3:::bucket/${aws:username}/*',
      resolved: 'arn:aws:s3:::bucket/alice/*',
      unresolved: [1],
    });
    expect(list.test('arn:aws:s3:::nope', ctx)).toBe(false);
    expect(list.explain('arn:aws:s3:::nope', ctx).matched).toBe(false);
  });

  it('uses the lookup for variables when given', () => {
    const list = compileResourceList(['arn:aws:s3:::b/${aws:username}'], '2012-10-17');
    expect(list.test('arn:aws:s3:::b/carol', ctx, (k) => (k === 'aws:username' ? 'carol' : undefined))).toBe(true);
  });
});
