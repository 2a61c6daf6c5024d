import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../evaluate/reasons';
import {
  type AccessKeyRecord,
  anonymousAllowed,
  authenticateHttpRequest,
  type AuthnFailure,
  type AuthnResult,
  type AuthnSuccess,
  type CredentialLookup,
  rejectAnonymous,
} from './authenticate';
import { presignRequest, signRequest, type SignOptions } from './sigv4';

const NOW = new Date('2026-03-01T12:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const seconds = (n: number) => new Date(NOW.getTime() + n * 1000);

interface Key {
  readonly id: string;
  readonly secret: string;
  readonly token?: string;
}
const ALICE: Key = { id: 'AKIAIOSFODNN7EXAMPLE', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const INACTIVE: Key = { id: 'AKIAI44QH8DHBEXAMPLE', secret: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' };
const SESSION: Key = { id: 'ASIAIOSFODNN7SESSION', secret: 'sessionSecret/K7MDENG/bPxRfiCYEXAMPLEKEY', token: 'FwoGZXIvYXdzEXAMPLE//token+==' };
const EXPIRED: Key = { id: 'ASIAIOSFODNN7EXPIRED', secret: 'expiredSecret/K7MDENG/bPxRfiCYEXAMPLEKEY', token: 'FwoGZXIvYXdzEXPIRED//token' };
const UNKNOWN: Key = { id: 'AKIAUNKNOWNEXAMPLE00', secret: 'whatever' };

const records: Record<string, AccessKeyRecord> = {
  [ALICE.id]: { secret: ALICE.secret, status: 'Active', temporary: false },
  [INACTIVE.id]: { secret: INACTIVE.secret, status: 'Inactive', temporary: false },
  [SESSION.id]: { secret: SESSION.secret, status: 'Active', temporary: true, sessionToken: SESSION.token!, expiration: minutes(60) },
  [EXPIRED.id]: { secret: EXPIRED.secret, status: 'Active', temporary: true, sessionToken: EXPIRED.token!, expiration: minutes(-1) },
};
const lookup: CredentialLookup = { findAccessKey: (id) => records[id] };

const STS_CALL =
  'POST / HTTP/1.1\nHost: sts.amazonaws.com\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\n\nAction=GetCallerIdentity&Version=2011-06-15';
const IAM_CALL = 'GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\nHost: iam.amazonaws.com\n';
const S3_GET = 'GET /report.csv HTTP/1.1\nHost: acme-data.s3.eu-west-1.amazonaws.com\n';
const S3_GLOBAL_GET = 'GET /report.csv HTTP/1.1\nHost: acme-data.s3.amazonaws.com\n';
const DDB_CALL =
  'POST / HTTP/1.1\nHost: dynamodb.us-east-1.amazonaws.com\nX-Amz-Target: DynamoDB_20120810.ListTables\nContent-Type: application/x-amz-json-1.0\n\n{}';

interface SignAs {
  key?: Key;
  service?: string;
  region?: string;
  time?: Date;
  presign?: boolean;
  expiresIn?: number;
  /** `null`: send no token even for a session key. */
  token?: string | null;
  options?: Partial<SignOptions>;
}

async function sign(raw: string, as: SignAs = {}): Promise<string> {
  const key = as.key ?? ALICE;
  const token = as.token === null ? undefined : (as.token ?? key.token);
  const options: SignOptions = {
    credentials: { accessKeyId: key.id, secretAccessKey: key.secret, ...(token !== undefined ? { sessionToken: token } : {}) },
    service: as.service ?? 'sts',
    region: as.region ?? 'us-east-1',
    time: as.time ?? NOW,
    ...(as.expiresIn !== undefined ? { expiresIn: as.expiresIn } : {}),
    ...as.options,
  };
  const r = as.presign ? await presignRequest(raw, options) : await signRequest(raw, options);
  if (!r.ok) throw new Error(`signing failed: ${r.error.message}`);
  return r.text;
}

const s3 = { service: 's3', region: 'eu-west-1' } as const;
const ddb = { service: 'dynamodb', region: 'us-east-1' } as const;

function failed(r: AuthnResult): AuthnFailure {
  if (r.ok) throw new Error(`expected a failure, got ${r.anonymous ? 'anonymous' : 'success'}`);
  return r;
}
function succeeded(r: AuthnResult): AuthnSuccess {
  if (!r.ok) throw new Error(`expected success, got ${r.errorCode}: ${r.message}`);
  if (r.anonymous) throw new Error('expected a signed request, got anonymous');
  return r;
}
function expectError(r: AuthnResult, errorCode: string, httpStatus: number, message?: string | RegExp): AuthnFailure {
  const f = failed(r);
  expect({ errorCode: f.errorCode, httpStatus: f.httpStatus }).toEqual({ errorCode, httpStatus });
  if (typeof message === 'string') expect(f.message).toBe(message);
  else if (message) expect(f.message).toMatch(message);
  return f;
}
const auth = (raw: string, now = NOW, options = {}) => authenticateHttpRequest(raw, lookup, now, options);
const contextOf = (r: AuthnResult) => Object.fromEntries(r.ok ? r.context : []);

describe('a correctly signed request is authenticated', () => {
  it('header-signed STS call by an active access key: who signed, for what scope, every step passed', async () => {
    const r = succeeded(await auth(await sign(STS_CALL), minutes(2)));
    expect(r).toMatchObject({
      accessKeyId: ALICE.id,
      temporary: false,
      form: 'header',
      scope: { date: '20260301', region: 'us-east-1', service: 'sts' },
      service: 'sts',
      region: 'us-east-1',
      requestTime: NOW,
    });
    expect(r.steps.map((s) => s.step)).toEqual([
      'authnParseRequest',
      'authnRequestTime',
      'authnCredentialLookup',
      'authnKeyStatus',
      'authnSessionToken',
      'authnSessionExpired',
      'authnSignature',
    ]);
    expect(r.steps.every((s) => s.outcome === 'pass')).toBe(true);
    expect(contextOf(r)).toEqual({
      'aws:CurrentTime': '2026-03-01T12:02:00Z',
      'aws:EpochTime': String(minutes(2).getTime() / 1000),
      'aws:RequestedRegion': 'us-east-1',
    });
  });

  it('every step code is a reason code of the decision trace', async () => {
    const results = [await auth(await sign(STS_CALL)), await auth(await sign(STS_CALL, { key: UNKNOWN })), await auth('')];
    for (const r of results) for (const s of r.steps) expect(REASON_CODES).toContain(s.step);
  });

  it('temporary credentials with their session token (header and presigned forms)', async () => {
    const header = succeeded(await auth(await sign(IAM_CALL, { key: SESSION, service: 'iam' })));
    expect(header).toMatchObject({ accessKeyId: SESSION.id, sessionToken: SESSION.token, temporary: true });
    const query = succeeded(await auth(await sign(IAM_CALL, { key: SESSION, service: 'iam', presign: true, expiresIn: 60 })));
    expect(query).toMatchObject({ form: 'query', sessionToken: SESSION.token });
  });

  it('a presigned S3 URL within its validity, with S3’s authentication context keys', async () => {
    const r = succeeded(await auth(await sign(S3_GET, { ...s3, presign: true, expiresIn: 3600 }), minutes(59)));
    expect(r.form).toBe('query');
    expect(contextOf(r)).toMatchObject({
      'aws:RequestedRegion': 'eu-west-1',
      's3:authType': 'REST-QUERY-STRING',
      's3:signatureversion': 'AWS4-HMAC-SHA256',
      's3:signatureAge': String(59 * 60_000),
    });
  });

  it('a header-signed S3 request carries x-amz-content-sha256 into the context', async () => {
    const r = succeeded(await auth(await sign(S3_GET, s3)));
    expect(contextOf(r)).toMatchObject({
      's3:authType': 'REST-HEADER',
      's3:x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('aws:SecureTransport comes from the scheme of an absolute request URL; User-Agent gives aws:UserAgent', async () => {
    const https = 'GET https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08 HTTP/1.1\nUser-Agent: aws-cli/2.15\n';
    expect(contextOf(succeeded(await auth(await sign(https, { service: 'iam' }))))).toMatchObject({
      'aws:SecureTransport': 'true',
      'aws:UserAgent': 'aws-cli/2.15',
    });
    const http = 'GET http://iam.amazonaws.com/?Action=ListUsers HTTP/1.1\n';
    expect(contextOf(succeeded(await auth(await sign(http, { service: 'iam' }))))['aws:SecureTransport']).toBe('false');
    expect(contextOf(succeeded(await auth(await sign(IAM_CALL, { service: 'iam' }))))['aws:SecureTransport']).toBeUndefined();
  });

  it('the Date header may carry the request time instead of X-Amz-Date', async () => {
    const signedText = await sign(STS_CALL);
    const withDate = signedText
      .replace('X-Amz-Date:20260301T120000Z', 'Date: Sun, 01 Mar 2026 12:00:00 GMT')
      .replace('SignedHeaders=content-type;host;x-amz-date', 'SignedHeaders=content-type;date;host');
    const first = failed(await auth(withDate));
    expect(first.errorCode).toBe('SignatureDoesNotMatch'); // the old signature covered x-amz-date
    const fixed = withDate.replace(/Signature=[0-9a-f]+/, `Signature=${first.expected!.signature}`);
    expect(succeeded(await auth(fixed)).requestTime).toEqual(NOW);
  });
});

describe('no signature at all: an anonymous request, for the caller to decide', () => {
  it('an unsigned request is { ok: true, anonymous: true } with the endpoint’s service and region', async () => {
    const r = await auth('GET /report.csv HTTP/1.1\nHost: acme-data.s3.eu-west-1.amazonaws.com\n');
    expect(r).toMatchObject({ ok: true, anonymous: true, service: 's3', region: 'eu-west-1' });
    expect(contextOf(r)).toMatchObject({ 'aws:RequestedRegion': 'eu-west-1', 'aws:CurrentTime': '2026-03-01T12:00:00Z' });
  });

  it('S3 takes anonymous requests (bucket policies decide); so do AssumeRoleWithWebIdentity and AssumeRoleWithSAML', () => {
    expect(anonymousAllowed('s3')).toBe(true);
    expect(anonymousAllowed('sts', 'sts:AssumeRoleWithWebIdentity')).toBe(true);
    expect(anonymousAllowed('sts', 'sts:AssumeRoleWithSAML')).toBe(true);
    expect(anonymousAllowed('sts', 'sts:GetCallerIdentity')).toBe(false);
    expect(anonymousAllowed('iam')).toBe(false);
    expect(anonymousAllowed(undefined)).toBe(false);
  });

  it('MissingAuthenticationToken: other services refuse it (403, "Request is missing Authentication Token")', async () => {
    const r = await auth(STS_CALL);
    if (!r.ok || !r.anonymous) throw new Error('expected anonymous');
    expectError(rejectAnonymous(r), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
    const ddbAnon = await auth(DDB_CALL);
    if (!ddbAnon.ok || !ddbAnon.anonymous) throw new Error('expected anonymous');
    expectError(rejectAnonymous(ddbAnon), 'MissingAuthenticationTokenException', 403);
  });

  it('X-Amz-Credential without X-Amz-Algorithm is not a presigned URL', async () => {
    const r = await auth('GET /k?X-Amz-Credential=AKIA/20260301/eu-west-1/s3/aws4_request HTTP/1.1\nHost: b.s3.eu-west-1.amazonaws.com\n');
    expect(r).toMatchObject({ ok: true, anonymous: true });
  });
});

describe('IncompleteSignature: the Authorization header must be complete and well formed', () => {
  const withAuth = (authorization: string, date = 'X-Amz-Date: 20260301T120000Z\n') =>
    `GET /?Action=GetCallerIdentity&Version=2011-06-15 HTTP/1.1\nHost: sts.amazonaws.com\n${date}Authorization: ${authorization}\n`;
  const cred = `${ALICE.id}/20260301/us-east-1/sts/aws4_request`;
  const sig = 'a'.repeat(64);

  it.each([
    [
      'missing Signature and SignedHeaders',
      withAuth(`AWS4-HMAC-SHA256 Credential=${cred}`),
      `Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=${cred}`,
    ],
    [
      'missing every component and the date',
      withAuth('AWS4-HMAC-SHA256', ''),
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256",
    ],
    [
      'a component without "="',
      withAuth(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders, Signature=${sig}`),
      `'SignedHeaders' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders, Signature=${sig}'.`,
    ],
    [
      'a credential without its five elements',
      withAuth(`AWS4-HMAC-SHA256 Credential=${ALICE.id}/20260301/us-east-1/sts, SignedHeaders=host;x-amz-date, Signature=${sig}`),
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${ALICE.id}/20260301/us-east-1/sts'`,
    ],
    [
      'an X-Amz-Date not in ISO 8601 basic format',
      withAuth(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=host;x-amz-date, Signature=${sig}`, 'X-Amz-Date: 2026-03-01T12:00:00Z\n'),
      "Date must be in ISO-8601 'basic format'. Got '2026-03-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    ],
    [
      'an impossible date (February 30)',
      withAuth(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=host;x-amz-date, Signature=${sig}`, 'X-Amz-Date: 20260230T120000Z\n'),
      "Date must be in ISO-8601 'basic format'. Got '20260230T120000Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    ],
    [
      'an algorithm other than AWS4-HMAC-SHA256',
      withAuth(`AWS4-HMAC-SHA512 Credential=${cred}, SignedHeaders=host;x-amz-date, Signature=${sig}`),
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now).",
    ],
  ])('%s (STS: IncompleteSignature, 400)', async (_what, raw, message) => {
    expectError(await auth(raw), 'IncompleteSignature', 400, message);
  });

  it("the Host header must be signed: SignatureDoesNotMatch \"'Host' or ':authority' must be a 'SignedHeader'…\"", async () => {
    const r = await auth(withAuth(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=x-amz-date, Signature=${sig}`));
    expectError(r, 'SignatureDoesNotMatch', 403, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  });

  it('a non-SigV4 Authorization header (Bearer, Basic, empty) is no authentication: MissingAuthenticationToken', async () => {
    for (const value of ['Bearer eyJhbGciOi', 'Basic dXNlcjpwYXNz', '']) {
      expectError(await auth(withAuth(value)), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
    }
  });

  it('a presigned URL must have all its parameters (STS wording)', async () => {
    const raw = await sign(IAM_CALL, { service: 'iam', presign: true });
    const stripped = raw.replace(/&X-Amz-Signature=[0-9a-f]+/, '').replace(/&X-Amz-Date=\w+/, '');
    expectError(
      await auth(stripped),
      'IncompleteSignature',
      400,
      "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.",
    );
  });

  it('both a presigned URL and an Authorization header', async () => {
    const presigned = await sign(IAM_CALL, { service: 'iam', presign: true });
    const both = presigned.replace('Host: iam.amazonaws.com', `Host: iam.amazonaws.com\nAuthorization: AWS4-HMAC-SHA256 Credential=${cred}`);
    expectError(await auth(both), 'SignatureDoesNotMatch', 403, "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  });

  it('DynamoDB (a JSON-protocol service) answers IncompleteSignatureException', async () => {
    const raw = DDB_CALL.replace('Host:', `Authorization: AWS4-HMAC-SHA256 Credential=${ALICE.id}/20260301/us-east-1/dynamodb/aws4_request\nHost:`);
    expectError(await auth(raw), 'IncompleteSignatureException', 400);
  });
});

describe('S3’s own words for malformed signatures', () => {
  const withAuth = (authorization: string, extra = 'X-Amz-Date: 20260301T120000Z\nx-amz-content-sha256: UNSIGNED-PAYLOAD\n') =>
    `GET /k HTTP/1.1\nHost: b.s3.eu-west-1.amazonaws.com\n${extra}Authorization: ${authorization}\n`;
  const cred = `${ALICE.id}/20260301/eu-west-1/s3/aws4_request`;

  it.each([
    [
      'missing components: AuthorizationHeaderMalformed',
      withAuth(`AWS4-HMAC-SHA256 Credential=${cred}`),
      'AuthorizationHeaderMalformed',
      400,
      'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    ],
    [
      'a malformed credential',
      withAuth(`AWS4-HMAC-SHA256 Credential=${ALICE.id}/20260301, SignedHeaders=host;x-amz-date, Signature=ab`),
      'AuthorizationHeaderMalformed',
      400,
      'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    ],
    [
      'no date: AccessDenied',
      withAuth(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=host, Signature=ab`, ''),
      'AccessDenied',
      403,
      'AWS authentication requires a valid Date or x-amz-date header',
    ],
    [
      'a Bearer token: InvalidArgument',
      withAuth('Bearer abc'),
      'InvalidArgument',
      400,
      'Unsupported Authorization Type',
    ],
    [
      'Signature Version 2: InvalidRequest',
      withAuth(`AWS ${ALICE.id}:frJIUN8DYpKDtOLCwo//yllqDzg=`),
      'InvalidRequest',
      400,
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    ],
  ])('%s', async (_what, raw, code, status, message) => {
    expectError(await auth(raw), code, status, message);
  });

  it('a header-signed request without x-amz-content-sha256: InvalidRequest', async () => {
    const raw = await sign(S3_GET, { ...s3, options: { signBody: false } });
    expectError(await auth(raw), 'InvalidRequest', 400, 'Missing required header for this request: x-amz-content-sha256');
  });

  it('presigned URL parameters (AuthorizationQueryParametersError)', async () => {
    const presigned = await sign(S3_GET, { ...s3, presign: true, expiresIn: 60 });
    expectError(
      await auth(presigned.replace('X-Amz-Expires=60', 'X-Amz-Expires=604801')),
      'AuthorizationQueryParametersError',
      400,
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    );
    expectError(await auth(presigned.replace('X-Amz-Expires=60', 'X-Amz-Expires=soon')), 'AuthorizationQueryParametersError', 400, 'X-Amz-Expires should be a number');
    expectError(await auth(presigned.replace('X-Amz-Expires=60', 'X-Amz-Expires=-5')), 'AuthorizationQueryParametersError', 400, 'X-Amz-Expires must be non-negative');
    expectError(
      await auth(presigned.replace(/&X-Amz-Expires=60/, '')),
      'AuthorizationQueryParametersError',
      400,
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
    expectError(
      await auth(presigned.replace('X-Amz-Date=20260301T120000Z', 'X-Amz-Date=2026-03-01')),
      'AuthorizationQueryParametersError',
      400,
      `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
    );
  });

  it('both a presigned URL and an Authorization header: InvalidArgument', async () => {
    const presigned = await sign(S3_GET, { ...s3, presign: true });
    expectError(await auth(presigned.replace('Host:', 'Authorization: AWS4-HMAC-SHA256 x\nHost:')), 'InvalidArgument', 400, /^Only one auth mechanism allowed/);
  });
});

describe('InvalidClientTokenId: the access key must exist and be active', () => {
  it('an unknown key (STS: InvalidClientTokenId, 403)', async () => {
    const f = expectError(await auth(await sign(STS_CALL, { key: UNKNOWN })), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
    expect(f.accessKeyId).toBe(UNKNOWN.id);
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnCredentialLookup', outcome: 'fail' });
  });

  it('an unknown key (S3: InvalidAccessKeyId, 403)', async () => {
    expectError(await auth(await sign(S3_GET, { ...s3, key: UNKNOWN })), 'InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.');
  });

  it('an unknown key (DynamoDB: UnrecognizedClientException)', async () => {
    expectError(await auth(await sign(DDB_CALL, { ...ddb, key: UNKNOWN })), 'UnrecognizedClientException', 403, 'The security token included in the request is invalid.');
  });

  it('an inactive key is refused like an unknown one, at the key-status step', async () => {
    const f = expectError(await auth(await sign(STS_CALL, { key: INACTIVE })), 'InvalidClientTokenId', 403);
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnKeyStatus', outcome: 'fail', params: { status: 'Inactive' } });
  });
});

describe('session tokens: temporary credentials need theirs, long-term keys take none', () => {
  it('a temporary key without its token is unknown (STS: InvalidClientTokenId; S3: InvalidAccessKeyId)', async () => {
    expectError(await auth(await sign(STS_CALL, { key: SESSION, token: null })), 'InvalidClientTokenId', 403);
    expectError(await auth(await sign(S3_GET, { ...s3, key: SESSION, token: null })), 'InvalidAccessKeyId', 403);
  });

  it('another session’s token (STS: InvalidClientTokenId; S3: InvalidToken, 400)', async () => {
    expectError(await auth(await sign(STS_CALL, { key: SESSION, token: EXPIRED.token! })), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
    expectError(
      await auth(await sign(S3_GET, { ...s3, key: SESSION, token: 'forged' })),
      'InvalidToken',
      400,
      'The provided token is malformed or otherwise invalid.',
    );
  });

  it('a token sent with a long-term key', async () => {
    const f = expectError(await auth(await sign(STS_CALL, { token: SESSION.token! })), 'InvalidClientTokenId', 403);
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnSessionToken', params: { problem: 'tokenForLongTermKey' } });
  });

  it('ExpiredToken: a session past its expiration (STS 403, S3 400, DynamoDB ExpiredTokenException)', async () => {
    const f = expectError(await auth(await sign(STS_CALL, { key: EXPIRED })), 'ExpiredToken', 403, 'The security token included in the request is expired');
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnSessionExpired', outcome: 'fail' });
    expectError(await auth(await sign(S3_GET, { ...s3, key: EXPIRED })), 'ExpiredToken', 400, 'The provided token has expired.');
    expectError(await auth(await sign(DDB_CALL, { ...ddb, key: EXPIRED })), 'ExpiredTokenException', 403);
  });

  it('a session is valid until its expiration, not at it', async () => {
    expect((await auth(await sign(STS_CALL, { key: SESSION, time: minutes(59) }), minutes(59))).ok).toBe(true);
    expectError(await auth(await sign(STS_CALL, { key: SESSION, time: minutes(60) }), minutes(60)), 'ExpiredToken', 403);
  });

  it('the session token of a header-signed STS request may be left unsigned', async () => {
    const raw = await sign(STS_CALL, { key: SESSION, options: { omitSessionToken: true } });
    expect(raw).toContain('X-Amz-Security-Token:');
    expect(raw).not.toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
    expect((await auth(raw)).ok).toBe(true);
  });
});

describe('SignatureDoesNotMatch: the signature is recomputed with the key’s secret', () => {
  it('a wrong secret (STS wording, with what AWS computed)', async () => {
    const raw = await sign(STS_CALL, { key: { ...ALICE, secret: 'not-the-secret' } });
    const f = expectError(
      await auth(raw),
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
    expect(f.expected?.canonicalRequest.startsWith('POST\n/\n\ncontent-type:')).toBe(true);
    expect(f.expected?.stringToSign).toMatch(/^AWS4-HMAC-SHA256\n20260301T120000Z\n20260301\/us-east-1\/sts\/aws4_request\n[0-9a-f]{64}$/);
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnSignature', outcome: 'fail' });
  });

  it('S3 and DynamoDB word it their way', async () => {
    const wrong = { ...ALICE, secret: 'not-the-secret' };
    expectError(
      await auth(await sign(S3_GET, { ...s3, key: wrong })),
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expectError(await auth(await sign(DDB_CALL, { ...ddb, key: wrong })), 'InvalidSignatureException', 403);
  });

  it('a body changed after signing', async () => {
    const raw = (await sign(STS_CALL)).replace('GetCallerIdentity', 'GetSessionToken');
    expectError(await auth(raw), 'SignatureDoesNotMatch', 403);
  });
});

describe('request time: a header-signed request must be within 15 minutes of the server’s clock', () => {
  it('exactly 15 minutes either way is accepted', async () => {
    expect((await auth(await sign(STS_CALL, { time: minutes(-15) }))).ok).toBe(true);
    expect((await auth(await sign(STS_CALL, { time: minutes(15) }))).ok).toBe(true);
  });

  it('older: SignatureDoesNotMatch "Signature expired: … is now earlier than …"', async () => {
    const f = expectError(
      await auth(await sign(STS_CALL, { time: seconds(-901) })),
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20260301T114459Z is now earlier than 20260301T114500Z (20260301T120000Z - 15 min.)',
    );
    expect(f.kind).toBe('RequestTimeTooSkewed');
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnRequestTime', params: { skewSeconds: -901, problem: 'tooOld' } });
  });

  it('in the future: "Signature not yet current: … is still later than …"', async () => {
    expectError(
      await auth(await sign(STS_CALL, { time: seconds(901) })),
      'SignatureDoesNotMatch',
      403,
      'Signature not yet current: 20260301T121501Z is still later than 20260301T121500Z (20260301T120000Z + 15 min.)',
    );
  });

  it('S3: RequestTimeTooSkewed (403)', async () => {
    expectError(await auth(await sign(S3_GET, { ...s3, time: minutes(-16) })), 'RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.');
  });

  it('DynamoDB: InvalidSignatureException "Signature expired"', async () => {
    expectError(await auth(await sign(DDB_CALL, { ...ddb, time: minutes(-16) })), 'InvalidSignatureException', 403, /^Signature expired: /);
  });

  it('maxClockSkewSeconds narrows the window', async () => {
    expectError(
      await auth(await sign(STS_CALL, { time: minutes(-6) }), NOW, { maxClockSkewSeconds: 300 }),
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20260301T115400Z is now earlier than 20260301T115500Z (20260301T120000Z - 5 min.)',
    );
  });

  it('the time is checked before the key: a stale request with an unknown key is "Signature expired"', async () => {
    expectError(await auth(await sign(STS_CALL, { key: UNKNOWN, time: minutes(-20) })), 'SignatureDoesNotMatch', 403, /^Signature expired/);
  });
});

describe('presigned URLs: valid from X-Amz-Date for X-Amz-Expires seconds', () => {
  it('S3: AccessDenied "Request has expired" after X-Amz-Date + X-Amz-Expires', async () => {
    const url = await sign(S3_GET, { ...s3, presign: true, expiresIn: 3600 });
    expect((await auth(url, minutes(60))).ok).toBe(true);
    const f = expectError(await auth(url, seconds(3601)), 'AccessDenied', 403, 'Request has expired');
    expect(f.kind).toBe('RequestExpired');
    expect(f.steps.at(-1)).toMatchObject({ step: 'authnRequestTime', params: { expires: 3600, expiresAt: '2026-03-01T13:00:00Z', problem: 'expired' } });
  });

  it('a presigned URL is not limited to 15 minutes of skew: a week-long URL works on day 6', async () => {
    const url = await sign(S3_GET, { ...s3, presign: true, expiresIn: 604_800 });
    expect((await auth(url, minutes(6 * 24 * 60))).ok).toBe(true);
  });

  it('other services: RequestExpired (400)', async () => {
    const url = await sign(IAM_CALL, { service: 'iam', presign: true, expiresIn: 60 });
    expectError(await auth(url, seconds(61)), 'RequestExpired', 400);
  });

  it('S3: a URL dated in the future is AccessDenied "Request is not yet valid"', async () => {
    const url = await sign(S3_GET, { ...s3, presign: true, time: minutes(20) });
    expectError(await auth(url), 'AccessDenied', 403, 'Request is not yet valid');
  });
});

describe('the credential scope must be the endpoint’s', () => {
  it('STS’s global endpoint signs for us-east-1: "Credential should be scoped to a valid region"', async () => {
    expectError(await auth(await sign(STS_CALL, { region: 'us-west-2' })), 'SignatureDoesNotMatch', 403, "Credential should be scoped to a valid region, not 'us-west-2'.");
  });

  it('the service in the scope must be the endpoint’s', async () => {
    expectError(await auth(await sign(IAM_CALL, { service: 'sts' })), 'SignatureDoesNotMatch', 403, "Credential should be scoped to correct service: 'iam'.");
  });

  it('S3 regional endpoint: AuthorizationHeaderMalformed / AuthorizationQueryParametersError', async () => {
    expectError(
      await auth(await sign(S3_GET, { service: 's3', region: 'us-east-1' })),
      'AuthorizationHeaderMalformed',
      400,
      "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
    );
    expectError(
      await auth(await sign(S3_GET, { service: 's3', region: 'us-east-1', presign: true })),
      'AuthorizationQueryParametersError',
      400,
      "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
    );
  });

  it('S3’s global endpoint: the bucket’s region decides, which the caller may give', async () => {
    const raw = await sign(S3_GLOBAL_GET, { service: 's3', region: 'eu-west-1' });
    expect((await auth(raw)).ok).toBe(true);
    expectError(await auth(raw, NOW, { endpoint: { region: 'ap-northeast-2' } }), 'AuthorizationHeaderMalformed', 400, /expecting 'ap-northeast-2'/);
  });

  it('the terminator must be aws4_request and the scope date the X-Amz-Date’s day', async () => {
    const raw = await sign(STS_CALL);
    expectError(
      await auth(raw.replace('/sts/aws4_request', '/sts/aws5_request')),
      'SignatureDoesNotMatch',
      403,
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
    );
    expectError(
      await auth(raw.replace('Credential=AKIAIOSFODNN7EXAMPLE/20260301/', 'Credential=AKIAIOSFODNN7EXAMPLE/20260228/')),
      'SignatureDoesNotMatch',
      403,
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260228' != '20260301', from '20260301T120000Z'.",
    );
  });
});

describe('S3: payload and header rules', () => {
  it('every x-amz-* header must be signed: AccessDenied "There were headers present in the request which were not signed"', async () => {
    const raw = (await sign(S3_GET, s3)).replace('Host:', 'x-amz-meta-owner: mallory\nHost:');
    const f = expectError(await auth(raw), 'AccessDenied', 403, 'There were headers present in the request which were not signed');
    expect(f.steps.at(-1)?.params).toMatchObject({ headersNotSigned: 'x-amz-meta-owner' });
  });

  it('the body must match the signed x-amz-content-sha256: XAmzContentSHA256Mismatch', async () => {
    const raw = await sign('PUT /k HTTP/1.1\nHost: b.s3.eu-west-1.amazonaws.com\n\nhello', s3);
    expect((await auth(raw)).ok).toBe(true);
    expectError(await auth(raw.replace(/hello$/, 'HELLO')), 'XAmzContentSHA256Mismatch', 400);
  });

  it('UNSIGNED-PAYLOAD leaves the body out of the signature', async () => {
    const raw = await sign('PUT /k HTTP/1.1\nHost: b.s3.eu-west-1.amazonaws.com\n\nhello', { ...s3, options: { payloadHash: 'UNSIGNED-PAYLOAD' } });
    expect((await auth(raw.replace(/hello$/, 'anything else'))).ok).toBe(true);
  });

  it('S3 refuses header sections over 8 KB: RequestHeaderSectionTooLarge', async () => {
    const big = `GET /k HTTP/1.1\nHost: b.s3.eu-west-1.amazonaws.com\nX-Big1: ${'a'.repeat(3000)}\nX-Big2: ${'a'.repeat(3000)}\nX-Big3: ${'a'.repeat(3000)}\n`;
    const raw = await sign(big, s3);
    expectError(await auth(raw), 'RequestHeaderSectionTooLarge', 400, 'Your request header section exceeds the maximum allowed size.');
  });
});

describe('bad input gives AWS-style errors and never throws', () => {
  it.each([
    ['an empty string', ''],
    ['only whitespace', ' \n\t\n'],
    ['binary garbage', '\u0000\u0001\u0002\u00ff\ud800'],
    ['a request line without target', 'GET HTTP/1.1\nHost: sts.amazonaws.com\n'],
    ['a header line without colon', 'GET / HTTP/1.1\nHost sts.amazonaws.com\n'],
  ])('%s → MalformedHttpRequestException (400)', async (_what, raw) => {
    const f = expectError(await auth(raw), 'MalformedHttpRequestException', 400);
    expect(f.steps).toHaveLength(1);
    expect(f.steps[0]).toMatchObject({ step: 'authnParseRequest', outcome: 'fail' });
  });

  it('huge headers → RequestHeaderSectionTooLarge', async () => {
    expectError(await auth(`GET / HTTP/1.1\nHost: sts.amazonaws.com\nX: ${'a'.repeat(20_000)}\n`), 'RequestHeaderSectionTooLarge', 400);
    const many = Array.from({ length: 150 }, (_, i) => `H${i}: v`).join('\n');
    expectError(await auth(`GET / HTTP/1.1\n${many}\n`), 'RequestHeaderSectionTooLarge', 400);
  });

  it('a malformed % escape in the query (STS): MalformedQueryString', async () => {
    const raw = await sign('GET /?Action=ListUsers&Marker=%zz HTTP/1.1\nHost: iam.amazonaws.com\n', { service: 'iam' });
    expectError(await auth(raw), 'MalformedQueryString', 404);
  });

  it('non-UTF-8 bytes (decoded as Latin-1 or U+FFFD) in a signed request still authenticate', async () => {
    const raw = await sign('GET /?Action=ListUsers&Marker=caf\u00c3\u00a9\ufffd HTTP/1.1\nHost: iam.amazonaws.com\nX-Note: \u00ff\u00fe\n', { service: 'iam' });
    expect((await auth(raw)).ok).toBe(true);
  });

  it('a non-string request, an invalid clock or a failing credential store', async () => {
    expectError(await auth(undefined as unknown as string), 'MalformedHttpRequestException', 400);
    expectError(await auth(await sign(STS_CALL), new Date('nope')), 'InternalFailure', 500);
    const throwing: CredentialLookup = {
      findAccessKey() {
        throw new Error('store offline');
      },
    };
    expectError(await authenticateHttpRequest(await sign(STS_CALL), throwing, NOW), 'InternalFailure', 500, /store offline/);
  });

  it('any string, and any corruption of a signed request, gives a result (property)', async () => {
    const signed = await sign(STS_CALL);
    const anyText = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((c) => String.fromCharCode(...c));
    const corrupted = fc
      .tuple(fc.nat({ max: signed.length - 1 }), fc.nat({ max: 30 }), fc.string({ maxLength: 10 }))
      .map(([at, cut, insert]) => signed.slice(0, at) + insert + signed.slice(at + cut));
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, corrupted), async (raw) => {
        const r = await auth(raw);
        expect(r.steps.length).toBeGreaterThan(0);
        if (!r.ok) {
          expect(typeof r.errorCode).toBe('string');
          expect(r.httpStatus).toBeGreaterThanOrEqual(400);
          expect(r.message.length).toBeGreaterThan(0);
          expect(r.errorCode).not.toBe('InternalFailure');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('re-authenticating the same request text (the playground does it after every edit)', () => {
  it('gives the same answer, and still sees a changed secret, key status or clock', async () => {
    const raw = await sign(STS_CALL);
    const first = succeeded(await auth(raw));
    const again = succeeded(await auth(raw));
    expect(again.signature).toBe(first.signature);
    expect(again.steps).toEqual(first.steps);

    const rotated: CredentialLookup = { findAccessKey: (id) => (id === ALICE.id ? { ...records[id]!, secret: 'rotated-secret' } : undefined) };
    expectError(await authenticateHttpRequest(raw, rotated, NOW), 'SignatureDoesNotMatch', 403);
    const deactivated: CredentialLookup = { findAccessKey: (id) => (id === ALICE.id ? { ...records[id]!, status: 'Inactive' } : undefined) };
    expectError(await authenticateHttpRequest(raw, deactivated, NOW), 'InvalidClientTokenId', 403);
    expectError(await auth(raw, minutes(16)), 'SignatureDoesNotMatch', 403, /^Signature expired/);
    expect((await auth(raw)).ok).toBe(true);
  });
});

// The suite's signed requests, authenticated at their own timestamp by a store that knows the key.
const suiteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'sigv4', 'v4');
describe.skipIf(!existsSync(suiteDir))(`every signed request of AWS's SigV4 suite authenticates (${suiteDir})`, () => {
  const cases = existsSync(suiteDir) ? readdirSync(suiteDir).sort() : [];
  it.each(cases)('%s', async (name) => {
    const ctx = JSON.parse(readFileSync(path.join(suiteDir, name, 'context.json'), 'utf8')) as {
      credentials: { access_key_id: string; secret_access_key: string; token?: string };
      timestamp: string;
      omit_session_token?: boolean;
      normalize: boolean;
    };
    if (!ctx.normalize) return; // signed without path normalization, as only S3 signs: not this service's rule
    const { token } = ctx.credentials;
    const store: CredentialLookup = {
      findAccessKey: (id) =>
        id === ctx.credentials.access_key_id
          ? token !== undefined
            ? { secret: ctx.credentials.secret_access_key, status: 'Active', temporary: true, sessionToken: token }
            : { secret: ctx.credentials.secret_access_key, status: 'Active', temporary: false }
          : undefined,
    };
    const forms = ctx.omit_session_token ? ['header'] : ['header', 'query']; // an unsigned query token is AWS IoT's rule only
    for (const form of forms) {
      const raw = readFileSync(path.join(suiteDir, name, `${form}-signed-request.txt`), 'utf8');
      const r = await authenticateHttpRequest(raw, store, new Date(ctx.timestamp));
      expect(r.ok && !r.anonymous, `${form}: ${r.ok ? 'anonymous' : r.message}`).toBe(true);
    }
  });
});
