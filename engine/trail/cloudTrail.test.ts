import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { issuedSessionOf, runRequestDetailed } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import { DEV, ORG_SCENARIO, worldOf } from '../pipeline/testWorld';
import type { World } from '../model/world';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import { cloudTrailEvent, cloudTrailExpiration, counterIds, randomIds } from './cloudTrail';

const AT = new Date('2026-03-01T12:00:05Z');
const IDS = { requestID: '00000000-0000-4000-8000-000000000001', eventID: '00000000-0000-4000-8000-000000000002' };

function scenario(path: string): ScenarioJson {
  return { ...(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as ScenarioJson), requests: [] };
}

/** Runs a request as the worker does and writes its record. */
async function record(world: World, request: RequestJson, sessions = new SessionStore(), accessLevel?: string) {
  const outcome = await runRequestDetailed(world, request, { trace: true, sessions });
  const caller = outcome.caller ?? outcome.keyOwner;
  const callerSession = caller ? issuedSessionOf(caller) : undefined;
  return cloudTrailEvent({
    request, result: outcome.result, eventTime: AT, ids: counterIds(),
    ...(caller ? { caller } : {}), ...(callerSession ? { callerSession } : {}),
    ...(outcome.accessKeyId === undefined ? {} : { accessKeyId: outcome.accessKeyId }),
    ...(outcome.target ? { target: outcome.target } : {}), ...(outcome.context ? { context: outcome.context } : {}),
    ...(outcome.response ? { response: outcome.response } : {}), ...(accessLevel === undefined ? {} : { accessLevel }),
  });
}

const org = worldOf(ORG_SCENARIO);
const stsFlow = worldOf(scenario('../../tests/fixtures/sts-flow.json'));
const assumePartner: RequestJson = {
  principal: 'arn:aws:iam::111122223333:user/alice', action: 'sts:AssumeRole', resource: 'arn:aws:iam::444455556666:role/PartnerAccess',
  params: { RoleSessionName: 'alice', ExternalId: 'acme-7f3a9c', SerialNumber: 'arn:aws:iam::111122223333:mfa/alice', TokenCode: '582825' }, as: 'S',
};

describe('CloudTrail records, as CloudTrail writes them', () => {
  it('an IAM user allowed to list a bucket: IAMUser identity, S3 ListObjects (the API of s3:ListBucket) as a data event', async () => {
    expect(await record(org, { principal: DEV, action: 's3:ListBucket', resource: 'arn:aws:s3:::dev-bucket' }, undefined, 'List')).toEqual({
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAZDFYYPEWSU6PHC7YO', arn: DEV, accountId: '200000000002', userName: 'dev' },
      eventTime: '2026-03-01T12:00:05Z',
      eventSource: 's3.amazonaws.com',
      eventName: 'ListObjects',
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.1',
      userAgent: 'iam-playground',
      requestParameters: { bucketName: 'dev-bucket', Host: 'dev-bucket.s3.amazonaws.com' },
      responseElements: null,
      ...IDS,
      readOnly: true,
      resources: [{ ARN: 'arn:aws:s3:::dev-bucket', accountId: '200000000002', type: 'AWS::S3::Bucket' }],
      eventType: 'AwsApiCall',
      managementEvent: false,
      recipientAccountId: '200000000002',
      eventCategory: 'Data',
    });
  });

  it('a cross-account S3 read denied by the bucket policy: AccessDenied with the decision\'s message, the object and its bucket as resources', async () => {
    const request = { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/secret/plan.txt', context: { 'aws:SourceIp': '203.0.113.7' } };
    expect(await record(org, request)).toEqual({
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAZDFYYPEWSU6PHC7YO', arn: DEV, accountId: '200000000002', userName: 'dev' },
      eventTime: '2026-03-01T12:00:05Z',
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.7',
      userAgent: 'iam-playground',
      errorCode: 'AccessDenied',
      errorMessage: 'User: arn:aws:iam::200000000002:user/dev is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::shared-data/secret/plan.txt with an explicit deny in a resource-based policy',
      requestParameters: { bucketName: 'shared-data', Host: 'shared-data.s3.amazonaws.com', key: 'secret/plan.txt' },
      responseElements: null,
      ...IDS,
      readOnly: true,
      resources: [
        { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::shared-data/secret/plan.txt' },
        { accountId: '300000000003', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::shared-data' },
      ],
      eventType: 'AwsApiCall',
      managementEvent: false,
      recipientAccountId: '300000000003',
      eventCategory: 'Data',
    });
  });

  it('an AssumeRole success: request parameters without the MFA code, credentials without the secret key', async () => {
    expect(await record(stsFlow, assumePartner)).toEqual({
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAWMY3QRPGBS4HUBSB5', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' },
      eventTime: '2026-03-01T12:00:05Z',
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.1',
      userAgent: 'iam-playground',
      requestParameters: {
        roleArn: 'arn:aws:iam::444455556666:role/PartnerAccess', roleSessionName: 'alice', externalId: 'acme-7f3a9c', serialNumber: 'arn:aws:iam::111122223333:mfa/alice',
      },
      responseElements: {
        credentials: { accessKeyId: 'ASIAKEDZBIHXATTY4LDZ', sessionToken: 'IQoJb3JpZ2luX2VjEI3W7EBJSJR7D2BPTAASIAKEDZBIHXATTY4LDZ', expiration: 'Mar 1, 2026, 1:00:00 PM' },
        assumedRoleUser: { arn: 'arn:aws:sts::444455556666:assumed-role/PartnerAccess/alice', assumedRoleId: 'AROANUBFJNQRZCLTLJ6AL:alice' },
      },
      ...IDS,
      readOnly: false,
      resources: [{ ARN: 'arn:aws:iam::444455556666:role/PartnerAccess', accountId: '444455556666', type: 'AWS::IAM::Role' }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '444455556666',
      eventCategory: 'Management',
    });
  });

  it('a signed request with a tampered signature: SignatureDoesNotMatch, the key\'s owner as the identity, the key named', async () => {
    const authn = scenario('../../../shared/examples/authn/01-signed-request-and-role.json');
    const text = JSON.parse(readFileSync(new URL('../../../shared/examples/authn/01-signed-request-and-role.json', import.meta.url), 'utf8')) as ScenarioJson;
    const { expect: _expected, ...tampered } = text.requests!.find((r) => r.id === 'tampered')!;
    expect(await record(worldOf(authn), tampered)).toEqual({
      eventVersion: '1.11',
      userIdentity: {
        type: 'IAMUser', principalId: 'AIDA7BPOFZ2PWIJUNXOH4', arn: 'arn:aws:iam::123456789012:user/student', accountId: '123456789012',
        accessKeyId: 'AKIAEXAMPLESTUDENT01', userName: 'student',
      },
      eventTime: '2026-03-01T12:00:05Z',
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetCallerIdentity',
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.1',
      userAgent: 'iam-playground',
      errorCode: 'SignatureDoesNotMatch',
      errorMessage: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      requestParameters: null,
      responseElements: null,
      ...IDS,
      readOnly: true,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '123456789012',
      eventCategory: 'Management',
    });
  });

  it('a role session: AssumedRole with the session issuer (the role), its creation date, MFA and temporary key', async () => {
    const sessions = new SessionStore();
    await runRequestDetailed(stsFlow, assumePartner, { sessions });
    const event = await record(stsFlow, { principal: '$S', action: 's3:GetObject', resource: 'arn:aws:s3:::partner-reports/2026/q1.csv' }, sessions);
    expect(event.userIdentity).toEqual({
      type: 'AssumedRole', principalId: 'AROANUBFJNQRZCLTLJ6AL:alice', arn: 'arn:aws:sts::444455556666:assumed-role/PartnerAccess/alice', accountId: '444455556666',
      accessKeyId: 'ASIAKEDZBIHXATTY4LDZ',
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: 'AROANUBFJNQRZCLTLJ6AL', arn: 'arn:aws:iam::444455556666:role/PartnerAccess', accountId: '444455556666', userName: 'PartnerAccess' },
        attributes: { creationDate: '2026-03-01T12:00:00Z', mfaAuthenticated: 'true' },
      },
    });
    expect(event.errorCode).toBeUndefined();
  });

  it('an anonymous request is logged for the account `anonymous`; a service by its name (invokedBy, and as the source address)', async () => {
    const anonymous = await record(org, { principal: 'anonymous', action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/report.csv' });
    expect(anonymous.userIdentity).toEqual({ type: 'AWSAccount', principalId: '', accountId: 'anonymous' });
    expect(anonymous.errorCode).toBe('AccessDenied');
    const service = await record(org, { principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: 'arn:aws:s3:::shared-data/AWSLogs/x.json' });
    expect(service.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' });
    expect(service.sourceIPAddress).toBe('cloudtrail.amazonaws.com');
  });

  it('readOnly follows the service data\'s access level when it is known', async () => {
    const request = { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::dev-bucket/a' };
    expect((await record(org, request, undefined, 'Read')).readOnly).toBe(true);
    expect((await record(org, request, undefined, 'Write')).readOnly).toBe(false);
  });

  it('every record gets its own random request and event ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomIds()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes an expiration as CloudTrail does, in UTC with a 12-hour clock', () => {
    expect(cloudTrailExpiration(new Date('2026-11-23T00:05:09Z'))).toBe('Nov 23, 2026, 12:05:09 AM');
    expect(cloudTrailExpiration(new Date('2026-11-23T23:15:00Z'))).toBe('Nov 23, 2026, 11:15:00 PM');
  });
});

describe('request parameters of IAM calls name the entity as CloudTrail does', () => {
  it('a user by its name (not its path), a managed policy by its ARN', async () => {
    const user = await record(org, { principal: DEV, action: 'iam:GetUser', resource: 'arn:aws:iam::200000000002:user/team/dev' });
    expect(user.requestParameters).toEqual({ userName: 'dev' });
    expect(user).toMatchObject({ eventSource: 'iam.amazonaws.com', eventName: 'GetUser', awsRegion: 'us-east-1' });
    const policy = await record(org, { principal: DEV, action: 'iam:GetPolicy', resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(policy.requestParameters).toEqual({ policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  });

  it('IAM is global: the record is in us-east-1 whatever region the request states', async () => {
    const event = await record(org, { principal: DEV, action: 'iam:ListUsers', resource: '*', context: { 'aws:RequestedRegion': 'ap-northeast-2' } });
    expect(event.awsRegion).toBe('us-east-1');
    const s3 = await record(org, { principal: DEV, action: 's3:ListAllMyBuckets', resource: '*', context: { 'aws:RequestedRegion': 'ap-northeast-2' } });
    expect(s3).toMatchObject({ awsRegion: 'ap-northeast-2', eventName: 'ListBuckets', requestParameters: null, managementEvent: true });
  });
});

describe('a failed console sign-in', () => {
  it('is logged as the ConsoleLogin that failed, not as the request it never reached', async () => {
    const signIn = scenario('../../tests/fixtures/console-signin.json');
    const text = JSON.parse(readFileSync(new URL('../../tests/fixtures/console-signin.json', import.meta.url), 'utf8')) as ScenarioJson;
    const { expect: _expected, ...failed } = text.requests!.find((r) => r.id === 'console-mfa-code-two-steps-ahead-fails-sign-in')!;
    const event = await record(worldOf(signIn, loadManagedPolicySourceNode()), failed);
    expect(event).toMatchObject({
      eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventType: 'AwsConsoleSignIn',
      errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' }, recipientAccountId: '111122223333',
      userIdentity: { type: 'IAMUser', accountId: '111122223333', accessKeyId: '', userName: 'alice' },
    });
    expect(event.errorCode).toBeUndefined();
  });
});
