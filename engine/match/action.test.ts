import { describe, expect, it } from 'vitest';
import { actionMatches, compileActionList } from './action';

// "IAM JSON policy elements: Action": service prefix and action name are case-insensitive;
// wildcards match any part; "*" matches all actions.
const cases: [rule: string, pattern: string, action: string, expected: boolean][] = [
  ['exact action', 's3:GetObject', 's3:GetObject', true],
  ['case-insensitive prefix and name', 'S3:getobject', 's3:GetObject', true],
  ['other action', 's3:GetObject', 's3:PutObject', false],
  ['other service', 's3:GetObject', 's3-object-lambda:GetObject', false],
  ['* matches everything', '*', 'iam:CreateUser', true],
  ['service:* matches the service', 'iam:*', 'iam:CreateUser', true],
  ['service:* does not match another service', 'iam:*', 'sts:AssumeRole', false],
  ['wildcards inside the name (iam:*AccessKey*)', 'iam:*AccessKey*', 'iam:UpdateAccessKey', true],
  ['wildcards inside the name, no match', 'iam:*AccessKey*', 'iam:CreateUser', false],
  ['? is one character', 'ec2:Describe?pcs', 'ec2:DescribeVpcs', true],
  ['prefix wildcard', 's3:Get*', 's3:GetBucketPolicy', true],
  ['prefix wildcard ignores case', 's3:get*', 'S3:GETBUCKETPOLICY', true],
];

describe('Action matching', () => {
  it.each(cases)('%s: %s vs %s', (_rule, pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
    expect(compileActionList([pattern]).test(action)).toBe(expected);
    expect(compileActionList([pattern]).testLower(action.toLowerCase())).toBe(expected);
  });

  it('a list matches when any value matches, and explains which', () => {
    const list = compileActionList(['s3:PutObject', 'iam:*AccessKey*', 'S3:GetObject']);
    expect(list.test('s3:getobject')).toBe(true);
    expect(list.explain('s3:getobject')).toEqual({ matched: true, index: 2, value: 'S3:GetObject' });
    expect(list.explain('iam:ListAccessKeys')).toEqual({ matched: true, index: 1, value: 'iam:*AccessKey*' });
    expect(list.explain('sts:AssumeRole')).toEqual({ matched: false, index: -1, value: undefined });
    expect(list.matchesAll).toBe(false);
    expect(compileActionList(['*']).matchesAll).toBe(true);
  });
});
