import { describe, expect, it } from 'vitest';
import { contextProblems, isDateValue, isIpAddress, keyTypeOf, toContext, valuesOf } from './contextKeys';

const typeOf = (key: string) => keyTypeOf(key, (k) => (k === 's3:TagKeysLike' ? 'ArrayOfString' : undefined));

describe('request context keys', () => {
  it('aws:SourceIp takes an IPv4 or IPv6 address or CIDR block (IAM User Guide: IP address condition operators)', () => {
    for (const ok of ['203.0.113.7', '203.0.113.0/24', '2001:db8::1', '2001:DB8::/32', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8']) expect(isIpAddress(ok), ok).toBe(true);
    for (const bad of ['203.0.113', '256.1.1.1', '203.0.113.0/33', '2001:db8::1::2', '1:2:3:4:5:6:7', 'localhost', '10.0.0.1/', '2001:db8::/129']) expect(isIpAddress(bad), bad).toBe(false);
  });

  it('a date is ISO 8601 or seconds since the epoch (IAM User Guide: date condition operators)', () => {
    for (const ok of ['2026-03-01T12:00:00Z', '2026-03-01', '2026-03-01T12:00:00+09:00', '1772366400']) expect(isDateValue(ok), ok).toBe(true);
    for (const bad of ['yesterday', '2026-13-45T99:00:00Z', '01/03/2026']) expect(isDateValue(bad), bad).toBe(false);
  });

  it('knows the type of global keys, tag keys after the slash, and asks the catalogue for others', () => {
    expect(typeOf('aws:SourceIp')).toEqual({ key: 'aws:SourceIp', type: 'IPAddress', list: false });
    expect(typeOf('aws:multifactorauthpresent').type).toBe('Bool');
    expect(typeOf('aws:PrincipalTag/team').type).toBe('String');
    expect(typeOf('aws:TagKeys').list).toBe(true);
    expect(typeOf('s3:TagKeysLike')).toEqual({ type: 'String', list: true });
    expect(typeOf('ec2:Unknown')).toEqual({ type: 'String', list: false });
  });

  it('says what is wrong with each entry: key form, a key set twice (keys are not case-sensitive), a missing tag key, a value of the wrong type', () => {
    const problems = contextProblems(
      [
        { key: 'aws:SourceIp', value: '10.0.0.300' },
        { key: 'aws:sourceip', value: '10.0.0.1' },
        { key: 'aws:PrincipalTag/', value: 'blue' },
        { key: 'not a key', value: 'x' },
        { key: 'aws:MultiFactorAuthPresent', value: 'yes' },
        { key: 'aws:MultiFactorAuthAge', value: 'ten' },
        { key: 'aws:CurrentTime', value: 'now' },
        { key: 'aws:SourceArn', value: 'bucket' },
        { key: 'aws:UserAgent', value: '  ' },
        { key: 'aws:RequestedRegion', value: 'eu-west-1' },
      ],
      typeOf,
    );
    expect(problems).toEqual(['IPAddress', 'keyTwice', 'tagKeyMissing', 'keyInvalid', 'Bool', 'Numeric', 'Date', 'ARN', 'valueMissing', undefined]);
  });

  it('sends a list for a multi-valued key and one string otherwise; booleans in lower case', () => {
    expect(valuesOf('a, b\nc', { type: 'String', list: true })).toEqual(['a', 'b', 'c']);
    expect(
      toContext(
        [
          { key: 'aws:TagKeys', value: 'team, env' },
          { key: 'aws:SecureTransport', value: 'TRUE' },
          { key: 'aws:UserAgent', value: 'curl/8, like this' },
        ],
        typeOf,
      ),
    ).toEqual({ 'aws:TagKeys': ['team', 'env'], 'aws:SecureTransport': 'true', 'aws:UserAgent': 'curl/8, like this' });
    expect(toContext([], typeOf)).toBeUndefined();
  });
});
