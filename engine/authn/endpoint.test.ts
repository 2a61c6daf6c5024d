import { describe, expect, it } from 'vitest';
import { parseHost } from './endpoint';

// "AWS service endpoints" (AWS General Reference) and S3's "Virtual hosting of buckets".
const cases: [rule: string, host: string, expected: Record<string, unknown>][] = [
  ['STS global endpoint signs for us-east-1', 'sts.amazonaws.com', { service: 'sts', region: 'us-east-1', regionCertain: true }],
  ['STS regional endpoint', 'sts.eu-west-1.amazonaws.com', { service: 'sts', region: 'eu-west-1', regionCertain: true }],
  ['IAM is global (us-east-1)', 'iam.amazonaws.com', { service: 'iam', region: 'us-east-1', regionCertain: true }],
  ['IAM in GovCloud', 'iam.us-gov.amazonaws.com', { service: 'iam', region: 'us-gov-west-1', partition: 'aws-us-gov' }],
  ['IAM in China', 'iam.cn-north-1.amazonaws.com.cn', { service: 'iam', region: 'cn-north-1', partition: 'aws-cn' }],
  ['a host with a port', 'ec2.us-east-1.amazonaws.com:443', { service: 'ec2', region: 'us-east-1', port: 443 }],
  ['case and a trailing dot do not matter', 'DynamoDB.AP-Northeast-2.amazonaws.com.', { service: 'dynamodb', region: 'ap-northeast-2' }],
  ['FIPS endpoints sign with the plain service name', 'sts-fips.us-east-2.amazonaws.com', { service: 'sts', region: 'us-east-2', fips: true }],
  ['SES endpoint prefix "email" signs as "ses"', 'email.us-west-2.amazonaws.com', { service: 'ses', region: 'us-west-2' }],
  ['API Gateway invoke URL', 'a1b2c3.execute-api.us-east-1.amazonaws.com', { service: 'execute-api', region: 'us-east-1' }],
  ['dual-stack api.aws endpoint', 'ec2.us-west-2.api.aws', { service: 'ec2', region: 'us-west-2' }],
  ['S3 global endpoint: region not certain (the bucket decides)', 's3.amazonaws.com', { service: 's3', region: 'us-east-1', regionCertain: false }],
  ['S3 regional endpoint', 's3.ap-northeast-2.amazonaws.com', { service: 's3', region: 'ap-northeast-2', regionCertain: true }],
  ['S3 legacy dash-region endpoint', 's3-us-west-2.amazonaws.com', { service: 's3', region: 'us-west-2', regionCertain: true }],
  ['S3 virtual-hosted bucket on the global endpoint', 'bucket.s3.amazonaws.com', { service: 's3', bucket: 'bucket', regionCertain: false }],
  ['S3 virtual-hosted bucket with dots and a region', 'my.bucket.s3.eu-central-1.amazonaws.com', { service: 's3', bucket: 'my.bucket', region: 'eu-central-1' }],
  ['a bucket named like s3 itself', 's3.s3.amazonaws.com', { service: 's3', bucket: 's3' }],
  ['S3 dual-stack', 'bucket.s3.dualstack.us-east-2.amazonaws.com', { service: 's3', bucket: 'bucket', region: 'us-east-2', dualstack: true }],
  ['S3 external-1 is us-east-1', 's3-external-1.amazonaws.com', { service: 's3', region: 'us-east-1', regionCertain: true }],
  ['S3 access point', 'ap-111111111111.s3-accesspoint.us-west-2.amazonaws.com', { service: 's3', accessPoint: 'ap-111111111111', region: 'us-west-2' }],
  ['S3 website endpoint', 'site.s3-website-us-east-1.amazonaws.com', { service: 's3', bucket: 'site', region: 'us-east-1' }],
];

describe('host → service and region', () => {
  it.each(cases)('%s (%s)', (_rule, host, expected) => {
    const e = parseHost(host);
    expect(e.recognized).toBe(true);
    expect(e).toMatchObject(expected);
  });

  it.each([
    ['a host outside AWS', 'example.com'],
    ['an AWS domain name that is no endpoint we know (the SigV4 suite host)', 'example.amazonaws.com'],
    ['an IPv6 literal', '[::1]:8080'],
    ['an empty host', ''],
    ['not a string', undefined as unknown as string],
    ['garbage', '..amazonaws.com'],
  ])('%s is not recognized and never throws', (_rule, host) => {
    const e = parseHost(host);
    expect(e.recognized).toBe(false);
    expect(e.regionCertain).toBe(false);
  });
});
