import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../data/managedPolicies';
import type { DecisionResult } from '../evaluate/types';
import { compileWorld, evaluateRequest } from '../index';
import { SessionStore } from '../pipeline/sessions';
import type { ScenarioJson } from '../scenario/types';
import { signRequestHttp, SignHttpError } from './sign';

const NOW = new Date('2026-03-01T12:00:00Z');
const ACCOUNT = '111111111111';
const ALICE_KEY = { id: 'AKIAALICEEXAMPLE0001', secret: 'aliceSecret/K7MDENG/bPxRfiCYEXAMPLEKEY00' };

const scenario: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  now: NOW.toISOString(),
  accounts: [
    {
      id: ACCOUNT,
      users: [
        {
          name: 'alice',
          accessKeys: [
            { id: ALICE_KEY.id, secret: ALICE_KEY.secret, status: 'Active' },
            { id: 'AKIAALICEINACTIVE001', secret: 'inactiveSecret/K7MDENG/bPxRfiCYEXAMPLE', status: 'Inactive' },
            { id: 'AKIAALICENOSECRET001' },
          ],
          inlinePolicies: {
            Work: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:GetBucketPolicy', 'iam:GetUser', 'dynamodb:GetItem', 'kms:Decrypt', 'ec2:DescribeInstances', 'sts:AssumeRole'],
                  Resource: '*',
                },
              ],
            },
          },
        },
      ],
      roles: [
        {
          name: 'Reader',
          trustPolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' }],
          },
          inlinePolicies: {
            Read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
          },
        },
      ],
    },
  ],
};

const { world, faults } = compileWorld(scenario, managedPolicySourceFrom([]));

async function sendSigned(http: string, action: string, resource: string, sessions?: SessionStore, now = NOW): Promise<DecisionResult> {
  return evaluateRequest(world, { http, action, resource }, { now, ...(sessions ? { sessions } : {}), trace: true });
}

function authnFailed(result: DecisionResult): boolean {
  return result.trace?.some((e) => e.stage === 'authn' && e.outcome === 'fail') ?? false;
}

/** Flips the last character of the `Signature=` value (a hex digit to another). */
function tamperSignature(http: string): string {
  return http.replace(/(Signature=[0-9a-f]*)([0-9a-f])/, (_m, head: string, last: string) => head + (last === '0' ? '1' : '0'));
}

describe('signRequestHttp: what it signs, the engine verifies', () => {
  it('compiles the test world without faults', () => {
    expect(faults).toEqual([]);
  });

  it.each([
    ['s3:GetObject', 'arn:aws:s3:::acme-data/reports/q1 2026.csv', /^GET \/reports\/q1%202026\.csv HTTP\/1\.1\nHost: acme-data\.s3\.amazonaws\.com\n/],
    ['s3:PutObject', 'arn:aws:s3:::acme-data/upload.txt', /^PUT \/upload\.txt HTTP\/1\.1\n[\s\S]*Content-Length: \d+/],
    ['s3:ListBucket', 'arn:aws:s3:::acme-data', /^GET \/\?list-type=2 HTTP\/1\.1\n/],
    ['s3:GetBucketPolicy', 'arn:aws:s3:::acme.data.with.dots', /^GET \/acme\.data\.with\.dots\/\?policy= HTTP\/1\.1\nHost: s3\.amazonaws\.com\n/],
    ['iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/alice`, /^POST \/ HTTP\/1\.1\nHost: iam\.amazonaws\.com\n[\s\S]*\n\nAction=GetUser&Version=2010-05-08&UserName=alice$/],
    ['dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`, /Host: dynamodb\.eu-west-1\.amazonaws\.com\n[\s\S]*X-Amz-Target: DynamoDB_20120810\.GetItem\n[\s\S]*\{"TableName":"Orders"\}$/],
    ['kms:Decrypt', `arn:aws:kms:ap-northeast-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, /X-Amz-Target: TrentService\.Decrypt/],
    ['ec2:DescribeInstances', '*', /Host: ec2\.us-east-1\.amazonaws\.com\n[\s\S]*Action=DescribeInstances&Version=2016-11-15$/],
  ])('%s on %s: a realistic request that authenticates', async (action, resource, shape) => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action, resource });
    expect(http).toMatch(shape);
    expect(http).toMatch(/\nX-Amz-Date: 20260301T120000Z\n/);
    expect(http).toMatch(new RegExp(`\\nAuthorization: AWS4-HMAC-SHA256 Credential=${ALICE_KEY.id}/20260301/[a-z0-9-]+/[a-z0-9]+/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}\\n`));
    const result = await sendSigned(http, action, resource);
    expect(authnFailed(result)).toBe(false);
    expect(result.trace?.some((e) => e.reason === 'authnPassed' && e.params['principal'] === `arn:aws:iam::${ACCOUNT}:user/alice`)).toBe(true);
    // A KMS key is usable only where its key policy allows: the world's key has none, so identity policies alone do not allow.
    expect(result.decision).toBe(action.startsWith('kms:') ? 'implicitDeny' : 'allowed');
  });

  it('S3 requests carry and sign x-amz-content-sha256, as S3 requires', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/a.txt' });
    expect(http).toMatch(/\nx-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n/);
    expect(http).toMatch(/SignedHeaders=host;x-amz-content-sha256;x-amz-date,/);
  });

  it('a region outside us-east-1 goes into the host and the credential scope', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/a.txt', region: 'ap-northeast-2' });
    expect(http).toMatch(/Host: acme-data\.s3\.ap-northeast-2\.amazonaws\.com/);
    expect(http).toMatch(/Credential=AKIAALICEEXAMPLE0001\/20260301\/ap-northeast-2\/s3\/aws4_request/);
    expect((await sendSigned(http, 's3:GetObject', 'arn:aws:s3:::acme-data/a.txt')).decision).toBe('allowed');
  });

  it('signs at the given time', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action: 'iam:GetUser', resource: '*', at: new Date('2026-03-01T11:58:00Z') });
    expect(http).toMatch(/X-Amz-Date: 20260301T115800Z/);
  });
});

describe('SigV4: any change to a signed request breaks the signature (SignatureDoesNotMatch)', () => {
  const action = 's3:GetObject';
  const resource = 'arn:aws:s3:::acme-data/report.csv';

  it('one character of the signature flipped → SignatureDoesNotMatch, with AWS\'s message', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action, resource });
    const tampered = tamperSignature(http);
    expect(tampered).not.toBe(http);
    const result = await sendSigned(tampered, action, resource);
    expect(result.decision).toBe('SignatureDoesNotMatch');
    expect(result.decidedBy).toEqual(['authn']);
    expect(result.message).toMatch(/signature we calculated does not match the signature you provided/);
  });

  it('a signed header changed (Host to another bucket) → SignatureDoesNotMatch', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action, resource });
    const changed = http.replace('Host: acme-data.s3.amazonaws.com', 'Host: other-data.s3.amazonaws.com');
    expect(changed).not.toBe(http);
    expect((await sendSigned(changed, action, 'arn:aws:s3:::other-data/report.csv')).decision).toBe('SignatureDoesNotMatch');
  });

  it('the path changed (another object) → SignatureDoesNotMatch', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action, resource });
    const changed = http.replace('GET /report.csv', 'GET /secret.csv');
    expect((await sendSigned(changed, action, 'arn:aws:s3:::acme-data/secret.csv')).decision).toBe('SignatureDoesNotMatch');
  });

  it('the form body of an IAM call changed → SignatureDoesNotMatch', async () => {
    const http = await signRequestHttp(world, undefined, { accessKeyId: ALICE_KEY.id, action: 'iam:GetUser', resource: `arn:aws:iam::${ACCOUNT}:user/alice` });
    const changed = http.replace('UserName=alice', 'UserName=admin');
    expect((await sendSigned(changed, 'iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/admin`)).decision).toBe('SignatureDoesNotMatch');
  });
});

describe('signing with temporary credentials of an issued session', () => {
  async function issueSession(durationSeconds: number): Promise<{ sessions: SessionStore; accessKeyId: string }> {
    const sessions = new SessionStore();
    const assumed = await evaluateRequest(
      world,
      {
        principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
        action: 'sts:AssumeRole',
        resource: `arn:aws:iam::${ACCOUNT}:role/Reader`,
        params: { RoleSessionName: 'reader', DurationSeconds: durationSeconds },
        as: 'READER',
      },
      { now: NOW, sessions },
    );
    expect(assumed.decision).toBe('allowed');
    const session = sessions.get('READER');
    if (!session) throw new Error('AssumeRole issued no session');
    return { sessions, accessKeyId: session.credentials.accessKeyId };
  }

  it('adds and signs X-Amz-Security-Token; the session is the caller', async () => {
    const { sessions, accessKeyId } = await issueSession(3600);
    const resource = 'arn:aws:s3:::acme-data/report.csv';
    const http = await signRequestHttp(world, sessions, { accessKeyId, action: 's3:GetObject', resource });
    expect(http).toMatch(/\nX-Amz-Security-Token: \S+\n/);
    expect(http).toMatch(/SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
    const result = await sendSigned(http, 's3:GetObject', resource, sessions);
    expect(result.decision).toBe('allowed');
    const passed = result.trace?.find((e) => e.reason === 'authnPassed');
    expect(passed?.params['principal']).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/Reader/reader`);
  });

  it('ExpiredToken: a request signed after the session expired is refused by AWS, not by the signer', async () => {
    const { sessions, accessKeyId } = await issueSession(900);
    const later = new Date(NOW.getTime() + 20 * 60_000);
    const resource = 'arn:aws:s3:::acme-data/report.csv';
    const http = await signRequestHttp(world, sessions, { accessKeyId, action: 's3:GetObject', resource, at: later });
    const result = await sendSigned(http, 's3:GetObject', resource, sessions, later);
    expect(result.decision).toBe('ExpiredToken');
    expect(result.message).toMatch(/expired/i);
  });
});

describe('signRequestHttp refuses what it cannot sign, saying which key or input and why', () => {
  const base = { action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/a.txt' };

  it('an unknown access key', async () => {
    await expect(signRequestHttp(world, new SessionStore(), { ...base, accessKeyId: 'AKIANOSUCHKEY0000000' })).rejects.toThrow(
      /no access key `AKIANOSUCHKEY0000000` in the world/,
    );
  });

  it('an inactive access key (AWS would answer InvalidClientTokenId)', async () => {
    await expect(signRequestHttp(world, undefined, { ...base, accessKeyId: 'AKIAALICEINACTIVE001' })).rejects.toThrow(
      /`AKIAALICEINACTIVE001` of `arn:aws:iam::111111111111:user\/alice` is Inactive/,
    );
  });

  it('a key whose secret the world does not know', async () => {
    await expect(signRequestHttp(world, undefined, { ...base, accessKeyId: 'AKIAALICENOSECRET001' })).rejects.toThrow(/`AKIAALICENOSECRET001`.*has no secret in the world/);
  });

  it('an action that is not one operation', async () => {
    await expect(signRequestHttp(world, undefined, { ...base, accessKeyId: ALICE_KEY.id, action: 's3:Get*' })).rejects.toThrow(SignHttpError);
  });

  it('an S3 request without a bucket', async () => {
    await expect(signRequestHttp(world, undefined, { ...base, accessKeyId: ALICE_KEY.id, resource: '*' })).rejects.toThrow(/needs one bucket, and the resource `\*` names none/);
  });
});
