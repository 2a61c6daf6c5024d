/**
 * AWS Signature Version 4: signing (the `Authorization` header form and the presigned-URL
 * form) and verification, on raw HTTP request text, with WebCrypto.
 *
 * The output of the signers is the signed request as text, exactly as AWS's public SigV4
 * test suite writes it (`header-signed-request.txt`, `query-signed-request.txt`), with
 * every intermediate result (canonical request, string to sign, signature) alongside.
 *
 * Nothing here throws on bad input: unparseable requests and bad options come back as
 * `{ ok: false, error }`.
 */
import { extractSignature, type SignatureInfo, MAX_EXPIRES_SECONDS, QUERY_AUTH_PARAMS } from './authinfo';
import {
  ALGORITHM,
  amzDate,
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  credentialScope,
  type PathRules,
  type RawQueryParam,
  splitQuery,
  stringToSign,
} from './canonical';
import { signingKeyFor, signString, sha256Hex } from './digest';
import { constantTimeEqual, percentDecode, uriEncode } from './encoding';
import {
  headerValue,
  type HttpHeader,
  type HttpParseError,
  type HttpRequest,
  parseHttpRequest,
  requestLineOf,
  serializeHttpRequest,
} from './http';

export { ALGORITHM } from './canonical';

/** The payload hash S3 accepts when the body is not signed. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** How a service canonicalizes and verifies requests. */
export interface SigV4Rules extends PathRules {
  /**
   * Where the payload hash comes from: the body's SHA-256 (`body`, every service but S3),
   * or S3's `x-amz-content-sha256` header, `UNSIGNED-PAYLOAD` for a presigned URL (`s3`).
   */
  readonly payload: 'body' | 's3';
  /**
   * The presigned URL's `X-Amz-Security-Token` is added after signing and is not part of
   * the canonical query (AWS IoT's WebSocket endpoint works so).
   */
  readonly unsignedQueryToken: boolean;
}

/** True for the services that sign like S3 (no path normalization, single encoding). */
export function isS3Service(service: string): boolean {
  return service === 's3' || service === 's3-object-lambda' || service === 's3-outposts' || service === 's3express';
}

/** The SigV4 rules of a service, by its signing name. */
export function rulesForService(service: string): SigV4Rules {
  const s3 = isS3Service(service);
  return {
    normalizePath: !s3,
    doubleEncodePath: !s3,
    payload: s3 ? 's3' : 'body',
    unsignedQueryToken: service === 'iotdevicegateway',
  };
}

/** Long-term or temporary credentials. */
export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** What to sign with. Defaults follow the service: S3 rules for `s3`, the others for the rest. */
export interface SignOptions {
  readonly credentials: SigV4Credentials;
  readonly region: string;
  readonly service: string;
  /** The signing time (`X-Amz-Date`). */
  readonly time: Date;
  /** Remove dot and empty path segments; default: not for S3, yes for every other service. */
  readonly normalizePath?: boolean;
  /** Encode the path as written once more; default: not for S3, yes for every other service. */
  readonly doubleEncodePath?: boolean;
  /** Header form: add and sign `x-amz-content-sha256` (S3 requires it); default: S3 only. */
  readonly signBody?: boolean;
  /** The payload hash to sign; default: SHA-256 of the body (`UNSIGNED-PAYLOAD` for an S3 presigned URL). */
  readonly payloadHash?: string;
  /** Add the session token after signing, unsigned (as AWS IoT expects). */
  readonly omitSessionToken?: boolean;
  /** Presigned URL validity in seconds, 1 to 604800; default 3600. */
  readonly expiresIn?: number;
}

/** Every intermediate result of signing, and the signed request. */
export interface SignedRequest {
  readonly ok: true;
  /** The signed request as text. */
  readonly text: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly signedHeaders: string;
  readonly credentialScope: string;
}

export interface SignError {
  readonly ok: false;
  readonly error: HttpParseError | { readonly problem: 'invalidOptions' | 'missingHost'; readonly message: string };
}

export type SignResult = SignedRequest | SignError;

/** Headers signers leave unsigned (they change in transit or carry the signature). */
const UNSIGNED_HEADERS = new Set(['authorization', 'user-agent', 'x-amzn-trace-id', 'expect', 'connection', 'transfer-encoding']);

function optionsError(message: string): SignError {
  return { ok: false, error: { problem: 'invalidOptions', message } };
}

function checkOptions(options: SignOptions): SignError | undefined {
  if (!options || typeof options !== 'object') return optionsError('Signing needs options: credentials, region, service and time.');
  const c = options.credentials;
  if (!c || typeof c.accessKeyId !== 'string' || c.accessKeyId === '' || typeof c.secretAccessKey !== 'string') {
    return optionsError('Signing needs credentials with an `accessKeyId` and a `secretAccessKey`.');
  }
  for (const [name, value] of [
    ['region', options.region],
    ['service', options.service],
  ] as const) {
    if (typeof value !== 'string' || !/^[a-z0-9-]+$/.test(value)) {
      return optionsError(`The ${name} \`${String(value)}\` is not a valid ${name} name (lower-case letters, digits and \`-\`).`);
    }
  }
  if (!(options.time instanceof Date) || Number.isNaN(options.time.getTime())) {
    return optionsError('The signing time must be a valid date.');
  }
  return undefined;
}

function parse(raw: string | HttpRequest): { ok: true; request: HttpRequest } | SignError {
  if (typeof raw !== 'string') return { ok: true, request: raw };
  const parsed = parseHttpRequest(raw);
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}

function pathRulesOf(options: SignOptions): PathRules {
  const s3 = isS3Service(options.service);
  return { normalizePath: options.normalizePath ?? !s3, doubleEncodePath: options.doubleEncodePath ?? !s3 };
}

function syntheticHeader(name: string, value: string): HttpHeader {
  return { name, lowerName: name.toLowerCase(), value, lines: [`${name}:${value}`] };
}

function namesToSign(headers: readonly HttpHeader[], request: HttpRequest, exclude?: string): string[] {
  const names = new Set<string>();
  for (const h of headers) if (!UNSIGNED_HEADERS.has(h.lowerName) && h.lowerName !== exclude) names.add(h.lowerName);
  if (!names.has('host') && request.authority !== undefined) names.add('host');
  return [...names].sort();
}

function hasHost(headers: readonly HttpHeader[], request: HttpRequest): boolean {
  return request.authority !== undefined || headers.some((h) => h.lowerName === 'host');
}

function targetPrefix(request: HttpRequest): string {
  return request.scheme !== undefined && request.authority !== undefined ? `${request.scheme}://${request.authority}` : '';
}

/**
 * Signs a request with the `Authorization` header. Adds `X-Amz-Security-Token` (for
 * temporary credentials), `X-Amz-Date`, `x-amz-content-sha256` (when `signBody`) and
 * `Authorization`, after the request's own headers; every header but a few transport
 * ones (`User-Agent`, `Expect`, …) is signed. An `Authorization`, `X-Amz-Date` or
 * `X-Amz-Security-Token` already there is replaced.
 */
export async function signRequest(raw: string | HttpRequest, options: SignOptions): Promise<SignResult> {
  const bad = checkOptions(options);
  if (bad) return bad;
  const parsed = parse(raw);
  if (!parsed.ok) return parsed;
  const request = parsed.request;
  const signBody = options.signBody ?? isS3Service(options.service);
  const replaced = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);
  if (signBody) replaced.add('x-amz-content-sha256');
  const kept = request.headers.filter((h) => !replaced.has(h.lowerName));
  if (!hasHost(kept, request)) {
    return { ok: false, error: { problem: 'missingHost', message: 'A request must have a `Host` header to be signed.' } };
  }

  const date = amzDate(options.time);
  const payloadHash = options.payloadHash ?? (await sha256Hex(request.body));
  const { sessionToken } = options.credentials;
  const added: HttpHeader[] = [];
  if (sessionToken !== undefined) added.push(syntheticHeader('X-Amz-Security-Token', sessionToken));
  added.push(syntheticHeader('X-Amz-Date', date));
  if (signBody) added.push(syntheticHeader('x-amz-content-sha256', payloadHash));
  const headers = [...kept, ...added];
  const names = namesToSign(headers, request, options.omitSessionToken ? 'x-amz-security-token' : undefined);
  const signedHeaders = names.join(';');

  const scope = credentialScope(date.slice(0, 8), options.region, options.service);
  const cr = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.path, pathRulesOf(options)),
    canonicalQuery: canonicalQueryString(splitQuery(request.query)),
    canonicalHeaders: canonicalHeaders({ ...request, headers }, names),
    signedHeaders,
    payloadHash,
  });
  const sts = stringToSign(date, scope, await sha256Hex(cr));
  const key = await signingKeyFor(options.credentials.secretAccessKey, date.slice(0, 8), options.region, options.service);
  const signature = await signString(key, sts);
  const authorization = `${ALGORITHM} Credential=${options.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  const lines = headers.flatMap((h) => h.lines);
  lines.push(`Authorization:${authorization}`);
  return {
    ok: true,
    text: serializeHttpRequest(requestLineOf(request.method, request.target, request.version), lines, request.body, request.lineEnding),
    canonicalRequest: cr,
    stringToSign: sts,
    signature,
    signedHeaders,
    credentialScope: scope,
  };
}

/**
 * Presigns a request: appends `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
 * `X-Amz-SignedHeaders`, `X-Amz-Expires`, `X-Amz-Security-Token` (for temporary
 * credentials) and `X-Amz-Signature` to the query, after the request's own parameters.
 * Every header of the request but a few transport ones is signed.
 */
export async function presignRequest(raw: string | HttpRequest, options: SignOptions): Promise<SignResult> {
  const bad = checkOptions(options);
  if (bad) return bad;
  const expires = options.expiresIn ?? 3600;
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
    return optionsError(`\`expiresIn\` must be a whole number of seconds from 1 to ${MAX_EXPIRES_SECONDS} (7 days); got ${expires}.`);
  }
  const parsed = parse(raw);
  if (!parsed.ok) return parsed;
  const request = parsed.request;
  if (!hasHost(request.headers, request)) {
    return { ok: false, error: { problem: 'missingHost', message: 'A request must have a `Host` header to be signed.' } };
  }

  // Keep the request's own parameters as written, minus any earlier signature.
  const authParams = new Set<string>(QUERY_AUTH_PARAMS);
  const own = splitQuery(request.query);
  const keptParams = own.filter((p) => !authParams.has(percentDecode(p.name)));
  const keptQuery = keptParams.length === own.length ? (request.query ?? '') : keptParams.map((p) => `${p.name}=${p.value}`).join('&');

  const date = amzDate(options.time);
  const scope = credentialScope(date.slice(0, 8), options.region, options.service);
  const names = namesToSign(request.headers, request);
  const signedHeaders = names.join(';');
  const { sessionToken } = options.credentials;
  const added: [string, string][] = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${options.credentials.accessKeyId}/${scope}`],
    ['X-Amz-Date', date],
    ['X-Amz-SignedHeaders', signedHeaders],
    ['X-Amz-Expires', String(expires)],
  ];
  if (sessionToken !== undefined) added.push(['X-Amz-Security-Token', sessionToken]);
  const addedRaw: RawQueryParam[] = added.map(([name, value]) => ({ name, value: uriEncode(value, false) }));
  const signedParams = [
    ...keptParams,
    ...addedRaw.filter((p) => !(options.omitSessionToken && p.name === 'X-Amz-Security-Token')),
  ];

  const payloadHash = options.payloadHash ?? (isS3Service(options.service) ? UNSIGNED_PAYLOAD : await sha256Hex(request.body));
  const cr = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.path, pathRulesOf(options)),
    canonicalQuery: canonicalQueryString(signedParams),
    canonicalHeaders: canonicalHeaders(request, names),
    signedHeaders,
    payloadHash,
  });
  const sts = stringToSign(date, scope, await sha256Hex(cr));
  const key = await signingKeyFor(options.credentials.secretAccessKey, date.slice(0, 8), options.region, options.service);
  const signature = await signString(key, sts);

  const query = [keptQuery, ...addedRaw.map((p) => `${p.name}=${p.value}`), `X-Amz-Signature=${signature}`]
    .filter((piece) => piece !== '')
    .join('&');
  const target = `${targetPrefix(request)}${request.path}?${query}`;
  return {
    ok: true,
    text: serializeHttpRequest(
      requestLineOf(request.method, target, request.version),
      request.headers.flatMap((h) => h.lines),
      request.body,
      request.lineEnding,
    ),
    canonicalRequest: cr,
    stringToSign: sts,
    signature,
    signedHeaders,
    credentialScope: scope,
  };
}

/** What verification computed, whether or not it matched. */
export interface VerifyOutcome {
  readonly match: boolean;
  /** The signature the request should carry. */
  readonly expectedSignature: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly payloadHash: string;
}

/** The payload hash a request is verified with, under the service's rules. */
export async function payloadHashOf(request: HttpRequest, info: SignatureInfo, rules: SigV4Rules): Promise<string> {
  if (rules.payload === 's3') {
    const declared = headerValue(request, 'x-amz-content-sha256');
    if (declared !== undefined) return declared;
    if (info.form === 'query') return UNSIGNED_PAYLOAD;
  }
  return sha256Hex(request.body);
}

/**
 * Recomputes a request's signature with `secret` and compares it with the one the
 * request carries. The credential scope is taken from the request as it is (whether
 * that scope is right for the endpoint is checked by `authenticateHttpRequest`).
 *
 * Cost: once the signing key for the scope is cached, two WebCrypto calls (three with a
 * body); none for a request verified before.
 */
export async function verifySignature(
  request: HttpRequest,
  info: SignatureInfo,
  secret: string,
  rules: SigV4Rules,
): Promise<VerifyOutcome> {
  const { scope } = info;
  const keyPromise = signingKeyFor(secret, scope.date, scope.region, scope.service);
  const payloadHash = await payloadHashOf(request, info, rules);
  const skip =
    info.form === 'query'
      ? (rawName: string) => {
          const name = rawName.includes('%') ? percentDecode(rawName) : rawName;
          return name === 'X-Amz-Signature' || (rules.unsignedQueryToken && name === 'X-Amz-Security-Token');
        }
      : undefined;
  const cr = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.path, rules),
    canonicalQuery: canonicalQueryString(splitQuery(request.query), skip),
    canonicalHeaders: canonicalHeaders(request, info.signedHeaderNames),
    signedHeaders: info.signedHeaders,
    payloadHash,
  });
  const sts = stringToSign(info.amzDate, `${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`, await sha256Hex(cr));
  const expected = await signString(await keyPromise, sts);
  return {
    match: constantTimeEqual(expected, info.signature),
    expectedSignature: expected,
    canonicalRequest: cr,
    stringToSign: sts,
    payloadHash,
  };
}

export type VerifyRequestResult =
  | ({ readonly ok: boolean; readonly info: SignatureInfo } & VerifyOutcome)
  | { readonly ok: false; readonly problem: string };

/**
 * Verifies a signed request text with a secret: parses it, reads its signature (either
 * form) and recomputes it. Time, key status and scope are not checked here; see
 * `authenticateHttpRequest` for the whole of AWS's authentication.
 */
export async function verifySignedRequest(raw: string, secret: string, rules?: SigV4Rules): Promise<VerifyRequestResult> {
  const parsed = parseHttpRequest(raw);
  if (!parsed.ok) return { ok: false, problem: parsed.error.message };
  const extraction = extractSignature(parsed.request, { requireExpires: false });
  if (extraction.kind === 'none') return { ok: false, problem: 'The request is not signed.' };
  if (extraction.kind === 'invalid') return { ok: false, problem: extraction.problem.kind };
  const info = extraction.info;
  const outcome = await verifySignature(parsed.request, info, secret, rules ?? rulesForService(info.scope.service));
  return { ok: outcome.match, info, ...outcome };
}
