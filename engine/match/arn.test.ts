import { describe, expect, it } from 'vitest';
import { arnSubject, compileArnPattern, parseArn, splitArn } from './arn';
import { parseTemplate } from './variables';

describe('ARN parsing ("Identify AWS resources with Amazon Resource Names (ARNs)")', () => {
  it('splits into partition, service, region, account and resource', () => {
    expect(parseArn('arn:aws:sqs:us-east-2:123456789012:queue1')).toEqual({
      partition: 'aws',
      service: 'sqs',
      region: 'us-east-2',
      account: '123456789012',
      resource: 'queue1',
    });
  });
  it('keeps colons and slashes in the resource', () => {
    expect(parseArn('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*')?.resource).toBe(
      'log-group:/aws/lambda/f:*',
    );
    expect(parseArn('arn:aws-cn:iam::123456789012:user/division/Bob')).toMatchObject({
      partition: 'aws-cn',
      region: '',
      resource: 'user/division/Bob',
    });
  });
  it('allows empty region and account (S3)', () => {
    expect(parseArn('arn:aws:s3:::bucket/key')).toMatchObject({ region: '', account: '', resource: 'bucket/key' });
  });
  it('rejects strings that are not ARNs', () => {
    expect(parseArn('not-an-arn')).toBeUndefined();
    expect(parseArn('arn:aws:s3')).toBeUndefined();
    expect(parseArn('urn:aws:s3:::b')).toBeUndefined();
    expect(splitArn('a:b:c:d:e:f:g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f:g']);
  });
});

const t = (p: string) => parseTemplate(p, '2012-10-17');

describe('ARN patterns', () => {
  const resourceCases: [rule: string, pattern: string, arn: string, expected: boolean][] = [
    ['wildcards work within a segment', 'arn:aws:iam::123456789012:user/accounting/*', 'arn:aws:iam::123456789012:user/accounting/alice', true],
    ['* in the resource crosses /', 'arn:aws:s3:::bucket/*/test/*', 'arn:aws:s3:::bucket/1/2/test/3/object.jpg', true],
    ['* in the resource crosses :', 'arn:aws:logs:us-east-1:1:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:/a:log-stream:x', true],
    ['a segment-ending * expands beyond colon boundaries', 'arn:aws:ec2:*', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', true],
    ['a region * expands', 'arn:aws:sqs:*:queue1', 'arn:aws:sqs:us-east-1:123456789012:queue1', true],
    ['an inner * does not cross a colon', 'arn:aws:sqs:us-*-1:queue1', 'arn:aws:sqs:us-east-1:123456789012:queue1', false],
    ['? is one character in a segment', 'arn:aws:sqs:us-east-?:123456789012:q', 'arn:aws:sqs:us-east-2:123456789012:q', true],
    ['segments must all match', 'arn:aws:sqs:us-east-2:111111111111:q', 'arn:aws:sqs:us-east-2:123456789012:q', false],
    ['too few segments without a trailing *', 'arn:aws:sqs:us-east-2', 'arn:aws:sqs:us-east-2:1:q', false],
    ['case-sensitive', 'arn:aws:iam::1:user/Bob', 'arn:aws:iam::1:user/bob', false],
  ];
  it.each(resourceCases)('resource mode — %s', (_r, pattern, arn, expected) => {
    expect(compileArnPattern(t(pattern), 'resource').test(arnSubject(arn), [])).toBe(expected);
  });

  const conditionCases: [rule: string, pattern: string, arn: string, expected: boolean][] = [
    // "Condition operators" → ARN condition operators: the first * matches only us-east-2.
    [
      'ArnLike checks the six components separately',
      'arn:aws:someservice:*:111122223333:finance/*',
      'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
      false,
    ],
    ['a segment * matches that segment', 'arn:aws:sns:*:123456789012:topic', 'arn:aws:sns:eu-west-1:123456789012:topic', true],
    ['a middle segment * does not expand', 'arn:aws:sqs:*:queue1', 'arn:aws:sqs:us-east-1:123456789012:queue1', false],
    ['* alone matches any ARN', '*', 'arn:aws:sqs:us-east-1:123456789012:queue1', true],
    ['a short pattern ending in * takes the rest', 'arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:123456789012:queue1', true],
  ];
  it.each(conditionCases)('condition mode — %s', (_r, pattern, arn, expected) => {
    expect(compileArnPattern(t(pattern), 'condition').test(arnSubject(arn), [])).toBe(expected);
  });

  it('fills variables from slots, literally', () => {
    const p = compileArnPattern(t('arn:aws:s3:::bucket/${aws:username}/*'), 'resource');
    expect(p.test(arnSubject('arn:aws:s3:::bucket/alice/x'), ['alice'])).toBe(true);
    expect(p.test(arnSubject('arn:aws:s3:::bucket/bob/x'), ['alice'])).toBe(false);
    expect(p.test(arnSubject('arn:aws:s3:::bucket/bob/x'), ['*'])).toBe(false);
  });
});
