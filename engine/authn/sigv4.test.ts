import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearSigV4Caches, setSigV4Hashing, type SigV4Hashing, webCryptoCallCount } from './digest';
import { parseHttpRequest, serializeHttpRequest, type HttpRequest, requestLineOf } from './http';
import { presignRequest, rulesForService, signRequest, type SignOptions, type SigV4Rules, verifySignedRequest } from './sigv4';

// AWS's public SigV4 test suite, shared beside the repository: ../shared/sigv4/v4/<case>/.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteDir = path.resolve(repoRoot, '..', 'shared', 'sigv4', 'v4');
const haveSuite = existsSync(suiteDir);

interface SuiteContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

interface SuiteCase {
  name: string;
  context: SuiteContext;
  request: string;
  expected: (form: 'header' | 'query', file: string) => string;
}

function loadSuite(): SuiteCase[] {
  if (!haveSuite) return [];
  return readdirSync(suiteDir)
    .filter((name) => existsSync(path.join(suiteDir, name, 'context.json')))
    .sort()
    .map((name) => {
      const dir = path.join(suiteDir, name);
      return {
        name,
        context: JSON.parse(readFileSync(path.join(dir, 'context.json'), 'utf8')) as SuiteContext,
        request: readFileSync(path.join(dir, 'request.txt'), 'utf8'),
        expected: (form, file) => readFileSync(path.join(dir, `${form}-${file}`), 'utf8'),
      };
    });
}

const suite = loadSuite();

function optionsOf(ctx: SuiteContext): SignOptions {
  return {
    credentials: {
      accessKeyId: ctx.credentials.access_key_id,
      secretAccessKey: ctx.credentials.secret_access_key,
      ...(ctx.credentials.token !== undefined ? { sessionToken: ctx.credentials.token } : {}),
    },
    region: ctx.region,
    service: ctx.service,
    time: new Date(ctx.timestamp),
    normalizePath: ctx.normalize,
    doubleEncodePath: true, // the suite's paths are encoded even when not normalized
    signBody: ctx.sign_body,
    omitSessionToken: ctx.omit_session_token === true,
    expiresIn: ctx.expiration_in_seconds,
  };
}

/** The rules a verifier of the suite's service applies: the context says how it signs. */
function rulesOf(ctx: SuiteContext): SigV4Rules {
  return { normalizePath: ctx.normalize, doubleEncodePath: true, payload: 'body', unsignedQueryToken: ctx.omit_session_token === true };
}

function parse(text: string): HttpRequest {
  const parsed = parseHttpRequest(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.request;
}

function rebuild(req: HttpRequest, change: { method?: string; target?: string; lines?: string[]; body?: string }): string {
  return serializeHttpRequest(
    requestLineOf(change.method ?? req.method, change.target ?? req.target, req.version),
    change.lines ?? req.headers.flatMap((h) => h.lines),
    change.body ?? req.body,
  );
}

/** Changes the last character of a value into another valid one (a digit stays a digit). */
function tweak(value: string): string {
  const last = value.slice(-1);
  if (/\d/.test(last)) return value.slice(0, -1) + String((Number(last) + 1) % 10);
  return value + 'z';
}

/** Every way to change one signed byte of a signed request, named. */
function mutations(signedText: string, form: 'header' | 'query', ctx: SuiteContext): [string, string][] {
  const req = parse(signedText);
  const out: [string, string][] = [];
  out.push(['the method', rebuild(req, { method: req.method === 'GET' ? 'PUT' : 'GET' })]);
  out.push(['the path', rebuild(req, { target: req.path + 'z' + (req.query !== undefined ? '?' + req.query : '') })]);
  out.push(['the body', rebuild(req, { body: req.body + 'z' })]);
  out.push(['an added query parameter', rebuild(req, { target: `${req.path}?${req.query ? req.query + '&' : ''}extra=1` })]);
  const pieces = req.query ? req.query.split('&') : [];
  pieces.forEach((piece, i) => {
    const name = piece.split('=')[0]!;
    if (name === 'X-Amz-Signature') return;
    if (name === 'X-Amz-Security-Token' && ctx.omit_session_token) return; // added after signing
    const changed = [...pieces];
    changed[i] = tweak(piece);
    out.push([`the query parameter ${name}`, rebuild(req, { target: `${req.path}?${changed.join('&')}` })]);
  });
  const signed = new Set(
    form === 'header'
      ? /SignedHeaders=([^,]+)/.exec(req.headers.find((h) => h.lowerName === 'authorization')!.value)![1]!.split(';')
      : decodeURIComponent(/X-Amz-SignedHeaders=([^&]+)/.exec(req.query!)![1]!).split(';'),
  );
  req.headers.forEach((h, i) => {
    if (!signed.has(h.lowerName)) return;
    const lines = req.headers.map((x) => [...x.lines]);
    const own = lines[i]!;
    own[own.length - 1] = tweak(own[own.length - 1]!);
    out.push([`the value of ${h.name} (header ${i + 1})`, rebuild(req, { lines: lines.flat() })]);
  });
  if (form === 'header') {
    const lines = req.headers.map((h) =>
      h.lowerName === 'authorization' ? h.lines[0]!.replace(`/${ctx.region}/`, '/us-west-2/') : h.lines[0]!,
    );
    out.push(['the credential scope', rebuild(req, { lines })]);
  }
  return out;
}

const MODES: SigV4Hashing[] = ['inline', 'webcrypto'];

describe.skipIf(!haveSuite).each(MODES)(`AWS SigV4 test suite (${suiteDir}), hashing %s`, (mode) => {
  beforeAll(() => setSigV4Hashing(mode));
  afterAll(() => setSigV4Hashing('inline'));

  it('has its 38 cases', () => {
    expect(suite).toHaveLength(38);
  });

  describe.each(suite.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const form of ['header', 'query'] as const) {
      it(`${form}: reproduces the canonical request, string to sign, signature and signed request`, async () => {
        const sign = form === 'header' ? signRequest : presignRequest;
        const result = await sign(c.request, optionsOf(c.context));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.canonicalRequest).toBe(c.expected(form, 'canonical-request.txt'));
        expect(result.stringToSign).toBe(c.expected(form, 'string-to-sign.txt'));
        expect(result.signature).toBe(c.expected(form, 'signature.txt'));
        expect(result.text).toBe(c.expected(form, 'signed-request.txt'));
      });

      it(`${form}: verifies the suite's signed request`, async () => {
        const verified = await verifySignedRequest(c.expected(form, 'signed-request.txt'), c.context.credentials.secret_access_key, rulesOf(c.context));
        expect(verified.ok).toBe(true);
        if ('canonicalRequest' in verified) expect(verified.canonicalRequest).toBe(c.expected(form, 'canonical-request.txt'));
      });

      it(`${form}: rejects the signed request once any signed byte changes`, async () => {
        const signedText = c.expected(form, 'signed-request.txt');
        const secret = c.context.credentials.secret_access_key;
        const variants = mutations(signedText, form, c.context);
        expect(variants.length).toBeGreaterThanOrEqual(5);
        for (const [what, text] of variants) {
          const verified = await verifySignedRequest(text, secret, rulesOf(c.context));
          expect(verified.ok, `changing ${what} must break the signature`).toBe(false);
        }
      });
    }

    it('rejects a signature made with another secret', async () => {
      const verified = await verifySignedRequest(c.expected('header', 'signed-request.txt'), 'not-the-secret', rulesOf(c.context));
      expect(verified.ok).toBe(false);
    });
  });
});

if (!haveSuite) {
  it.skip(`AWS SigV4 test suite not found at ${suiteDir}: the suite-based tests are skipped`, () => {});
}

const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const time = new Date('2015-08-30T12:36:00Z');

describe('SigV4 canonicalization rules', () => {
  it('header values: surrounding whitespace is trimmed and runs of spaces fold, so re-spacing keeps the signature', async () => {
    const signed = await signRequest('GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header: a  b\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'service',
      time,
    });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(signed.canonicalRequest).toContain('my-header:a b\n');
    const respaced = signed.text.replace('My-Header: a  b', 'My-Header:    a b   ');
    expect((await verifySignedRequest(respaced, creds.secretAccessKey)).ok).toBe(true);
  });

  it('an unsigned header may change without breaking the signature (only SignedHeaders are covered)', async () => {
    const signed = await signRequest('GET / HTTP/1.1\nHost:example.amazonaws.com\nUser-Agent: a\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'service',
      time,
    });
    if (!signed.ok) throw new Error('sign failed');
    expect(signed.signedHeaders).toBe('host;x-amz-date');
    const changed = signed.text.replace('User-Agent: a', 'User-Agent: b');
    expect((await verifySignedRequest(changed, creds.secretAccessKey)).ok).toBe(true);
  });

  it('S3 does not normalize the path: my-object//example//photo.user is signed as written', async () => {
    const s3 = await signRequest('GET /my-object//example//photo.user HTTP/1.1\nHost: bucket.s3.amazonaws.com\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 's3',
      time,
    });
    const other = await signRequest('GET /my-object//example//photo.user HTTP/1.1\nHost: example.amazonaws.com\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'service',
      time,
    });
    if (!s3.ok || !other.ok) throw new Error('sign failed');
    expect(s3.canonicalRequest.split('\n')[1]).toBe('/my-object//example//photo.user');
    expect(other.canonicalRequest.split('\n')[1]).toBe('/my-object/example/photo.user');
  });

  it('S3 encodes the path once; other services encode the path as written again (%20 → %2520)', async () => {
    const raw = 'GET /a%20b/c HTTP/1.1\nHost: h.amazonaws.com\n';
    const s3 = await signRequest(raw, { credentials: creds, region: 'us-east-1', service: 's3', time });
    const other = await signRequest(raw, { credentials: creds, region: 'us-east-1', service: 'service', time });
    if (!s3.ok || !other.ok) throw new Error('sign failed');
    expect(s3.canonicalRequest.split('\n')[1]).toBe('/a%20b/c');
    expect(other.canonicalRequest.split('\n')[1]).toBe('/a%2520b/c');
  });

  it('S3 header signing adds and signs x-amz-content-sha256; S3 presigned URLs sign UNSIGNED-PAYLOAD', async () => {
    const raw = 'PUT /key HTTP/1.1\nHost: bucket.s3.us-west-2.amazonaws.com\n\nhello';
    const header = await signRequest(raw, { credentials: creds, region: 'us-west-2', service: 's3', time });
    const query = await presignRequest(raw, { credentials: creds, region: 'us-west-2', service: 's3', time });
    if (!header.ok || !query.ok) throw new Error('sign failed');
    const helloHash = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
    expect(header.text).toContain(`x-amz-content-sha256:${helloHash}`);
    expect(header.signedHeaders).toBe('host;x-amz-content-sha256;x-amz-date');
    expect(header.canonicalRequest.endsWith(`\n${helloHash}`)).toBe(true);
    expect(query.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
    expect((await verifySignedRequest(header.text, creds.secretAccessKey, rulesForService('s3'))).ok).toBe(true);
    expect((await verifySignedRequest(query.text, creds.secretAccessKey, rulesForService('s3'))).ok).toBe(true);
  });

  it('the canonical query sorts by encoded name then value and encodes / ; + = in values', async () => {
    const signed = await signRequest('GET /?b=2&a=x/y;z&a=1+1&c HTTP/1.1\nHost: example.amazonaws.com\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'service',
      time,
    });
    if (!signed.ok) throw new Error('sign failed');
    expect(signed.canonicalRequest.split('\n')[2]).toBe('a=1%2B1&a=x%2Fy%3Bz&b=2&c=');
  });

  it('re-signing replaces an earlier Authorization, X-Amz-Date and signature', async () => {
    const first = await signRequest('GET / HTTP/1.1\nHost: example.amazonaws.com\n', { credentials: creds, region: 'us-east-1', service: 'service', time });
    if (!first.ok) throw new Error('sign failed');
    const later = new Date(time.getTime() + 60_000);
    const second = await signRequest(first.text, { credentials: creds, region: 'us-east-1', service: 'service', time: later });
    if (!second.ok) throw new Error('sign failed');
    expect(second.text.match(/Authorization/g)).toHaveLength(1);
    expect(second.text.match(/X-Amz-Date/g)).toHaveLength(1);
    const presigned = await presignRequest('GET /?X-Amz-Signature=old&q=1 HTTP/1.1\nHost: example.amazonaws.com\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'service',
      time,
    });
    if (!presigned.ok) throw new Error('sign failed');
    expect(presigned.text.match(/X-Amz-Signature/g)).toHaveLength(1);
    expect(presigned.text).toContain('GET /?q=1&X-Amz-Algorithm=');
  });

  it('an absolute-URL request line signs its authority as the host', async () => {
    const signed = await presignRequest('GET https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15 HTTP/1.1\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'sts',
      time,
      expiresIn: 60,
    });
    if (!signed.ok) throw new Error('sign failed');
    expect(signed.canonicalRequest).toContain('\nhost:sts.amazonaws.com\n');
    expect(signed.text.startsWith('GET https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=')).toBe(true);
    expect((await verifySignedRequest(signed.text, creds.secretAccessKey)).ok).toBe(true);
  });

  it('signing bad input answers an error, never throws', async () => {
    const opts = { credentials: creds, region: 'us-east-1', service: 'service', time };
    expect((await signRequest('', opts)).ok).toBe(false);
    expect((await signRequest('GET / HTTP/1.1\n', opts)).ok).toBe(false); // no Host
    expect((await signRequest('GET / HTTP/1.1\nHost: h\n', { ...opts, region: 'US East' })).ok).toBe(false);
    expect((await signRequest('GET / HTTP/1.1\nHost: h\n', { ...opts, time: new Date('nope') })).ok).toBe(false);
    expect((await presignRequest('GET / HTTP/1.1\nHost: h\n', { ...opts, expiresIn: 604_801 })).ok).toBe(false);
    expect((await signRequest('GET / HTTP/1.1\nHost: h\n', undefined as unknown as SignOptions)).ok).toBe(false);
  });

  it('a lone surrogate in a header value signs and verifies (encoded as U+FFFD), without throwing', async () => {
    const signed = await signRequest('GET / HTTP/1.1\nHost: example.amazonaws.com\nX-Odd: a\ud800b\n', {
      credentials: creds,
      region: 'us-east-1',
      service: 'service',
      time,
    });
    if (!signed.ok) throw new Error('sign failed');
    expect((await verifySignedRequest(signed.text, creds.secretAccessKey)).ok).toBe(true);
  });
});

describe('signing keys are cached: a verification costs as few WebCrypto calls as possible', () => {
  const opts = { credentials: creds, region: 'us-east-1', service: 'service', time };
  const signBoth = async () => {
    const a = await signRequest('GET /a HTTP/1.1\nHost: example.amazonaws.com\n', opts);
    const b = await signRequest('POST /b HTTP/1.1\nHost: example.amazonaws.com\n\nAction=ListUsers', opts);
    if (!a.ok || !b.ok) throw new Error('sign failed');
    return [a.text, b.text] as const;
  };
  beforeEach(() => clearSigV4Caches());
  afterAll(() => setSigV4Hashing('inline'));

  it('inline hashing (default): 8 WebCrypto calls derive a signing key once; a request then costs none', async () => {
    setSigV4Hashing('inline');
    const [a, b] = await signBoth();
    clearSigV4Caches();
    let before = webCryptoCallCount();
    expect((await verifySignedRequest(a, creds.secretAccessKey)).ok).toBe(true);
    expect(webCryptoCallCount() - before).toBe(8); // 4 imports + 4 HMACs: kDate, kRegion, kService, kSigning
    before = webCryptoCallCount();
    expect((await verifySignedRequest(b, creds.secretAccessKey)).ok).toBe(true);
    expect(webCryptoCallCount() - before).toBe(0);
  });

  it('WebCrypto hashing: 2 calls per new request (digest + HMAC), 3 with a body, 0 for one verified before', async () => {
    setSigV4Hashing('webcrypto');
    const [a, b] = await signBoth();
    clearSigV4Caches();
    let before = webCryptoCallCount();
    expect((await verifySignedRequest(a, creds.secretAccessKey)).ok).toBe(true);
    expect(webCryptoCallCount() - before).toBe(2 + 9); // + the derivation and the import of kSigning
    await signRequest('GET /warm HTTP/1.1\nHost: example.amazonaws.com\n', opts);
    before = webCryptoCallCount();
    expect((await verifySignedRequest(b, creds.secretAccessKey)).ok).toBe(true);
    expect(webCryptoCallCount() - before).toBe(3);
    before = webCryptoCallCount();
    expect((await verifySignedRequest(a, creds.secretAccessKey)).ok).toBe(true);
    expect(webCryptoCallCount() - before).toBe(0);
  });
});
