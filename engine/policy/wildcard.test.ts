import { describe, expect, it } from 'vitest';
import { globMatch, patternCovers } from './wildcard';

describe('IAM wildcards: * matches any run of characters, ? exactly one', () => {
  it.each<[string, string, boolean]>([
    ['*', '', true],
    ['*', 'anything', true],
    ['s3:*', 's3:GetObject', true],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:*Object', 's3:GetObject', true],
    ['s3:?etObject', 's3:GetObject', true],
    ['s3:?etObject', 's3:etObject', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['a**', 'a', true],
    ['', '', true],
    ['', 'a', false],
    ['*a*a*a*a*a*b', 'a'.repeat(2000), false],
  ])('%s ~ %s is %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('matches case-insensitively when asked (action names)', () => {
    expect(globMatch('IAM:pass*', 'iam:PassRole', true)).toBe(true);
    expect(globMatch('IAM:pass*', 'iam:PassRole')).toBe(false);
  });

  it.each<[string, string, boolean]>([
    ['s3:*', 's3:Get*', true],
    ['s3:Get*', 's3:*', false],
    ['*', 'ec2:?escribe*', true],
    ['s3:G*t', 's3:*t', false],
    ['s3:?', 's3:*', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x', true],
  ])('%s covers %s: %s', (pattern, covered, expected) => {
    expect(patternCovers(pattern, covered)).toBe(expected);
  });
});
