/**
 * Authentication of a raw, SigV4-signed HTTP request, before any policy is evaluated:
 * AWS finds the access key, checks its status, the session token and its expiry, the
 * request time, and recomputes the signature. The result is AWS's answer: who signed,
 * or the error code, HTTP status and message the service would return, with the steps
 * taken (for the decision trace) either way.
 *
 * The order of the checks follows what AWS services are observed to do: the signature's
 * syntax and credential scope first, then the request time (a stale request is refused
 * even with an unknown key), then the access key and its session, and the signature last.
 *
 * An unsigned request is not an error here: it is an anonymous request
 * (`{ ok: true, anonymous: true }`), which S3 evaluates against bucket policies and
 * almost every other service refuses with `MissingAuthenticationToken`. The caller
 * decides, with `anonymousAllowed` and `rejectAnonymous`.
 */
import { extractSignature, type SignatureExtraction, type SignatureInfo, type SignatureProblem } from './authinfo';
import type {
  AuthenticateOptions,
  AuthnAnonymous,
  AuthnFailure,
  AuthnResult,
  AuthnStep,
  AuthnStepCode,
  AuthnSuccess,
  CredentialLookup,
} from './authn-types';
import { TERMINATOR } from './canonical';
import { invalidPercentEscape, utf8 } from './encoding';
import { parseHost } from './endpoint';
import { type AuthnError, type AuthnErrorKind, authnErrors, type ScopeIssues, type ServiceFamily, serviceFamily } from './errors';
import { headerValue, type HttpParseResult, type HttpRequest, parseHttpRequest, requestHost } from './http';
import { payloadHashOf, rulesForService, type SigV4Rules, UNSIGNED_PAYLOAD, type VerifyOutcome, verifySignature } from './sigv4';

/** The default clock skew AWS allows: 15 minutes. */
export const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 900;

/** S3 refuses header sections over 8 KB (`RequestHeaderSectionTooLarge`, `MaxSizeAllowed` 8192). */
const S3_MAX_HEADER_SECTION_BYTES = 8192;

/** `2026-03-01T12:00:00Z`: ISO 8601 to the second, as AWS writes times. */
function isoSeconds(time: Date): string {
  return time.toISOString().slice(0, 19) + 'Z';
}

// The server clock is usually the same instant for a whole batch of requests.
let lastNowMs = Number.NaN;
let lastNowIso = '';
function nowIsoOf(now: Date): string {
  const ms = now.getTime();
  if (ms !== lastNowMs) {
    lastNowMs = ms;
    lastNowIso = isoSeconds(now);
  }
  return lastNowIso;
}

function byteLength(text: string): number {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? text.length : utf8(text).length;
}

const HEX64 = /^[0-9a-f]{64}$/;

function problemError(problem: SignatureProblem, family: ServiceFamily, service: string | undefined): AuthnError {
  switch (problem.kind) {
    case 'bothForms':
      return authnErrors.bothForms(family);
    case 'multipleAuthorization':
      return authnErrors.multipleAuthorization(family);
    case 'notAws4':
      return authnErrors.notSigV4(family, problem.scheme, problem.header, service);
    case 'unsupportedAlgorithm':
      return authnErrors.unsupportedAlgorithm(family, problem.form, problem.algorithm);
    case 'notKeyValue':
      return authnErrors.notKeyValue(family, problem.component, problem.header);
    case 'missingComponents':
      return authnErrors.missingComponents(family, problem.missing, problem.missingDate, problem.header);
    case 'missingQueryParams':
      return authnErrors.missingQueryParams(family, problem.missing);
    case 'badDate':
      return authnErrors.badDate(family, problem.form, problem.value);
    case 'badExpires':
      return authnErrors.badExpires(family, problem.reason);
    case 'credentialMalformed':
      return authnErrors.credentialMalformed(family, problem.form, problem.credential);
    case 'hostNotSigned':
      return authnErrors.hostNotSigned(family);
  }
}

/** The context keys a request establishes by itself (time, transport, user agent). */
function baseContext(request: HttpRequest, now: Date, nowIso: string): [string, string][] {
  const context: [string, string][] = [
    ['aws:CurrentTime', nowIso],
    ['aws:EpochTime', String(Math.floor(now.getTime() / 1000))],
  ];
  if (request.scheme === 'https' || request.scheme === 'http') context.push(['aws:SecureTransport', String(request.scheme === 'https')]);
  const userAgent = headerValue(request, 'user-agent');
  if (userAgent !== undefined) context.push(['aws:UserAgent', userAgent]);
  const referer = headerValue(request, 'referer');
  if (referer !== undefined) context.push(['aws:Referer', referer]);
  return context;
}

/** Compares the credential scope with what the endpoint expects. */
function scopeIssues(info: SignatureInfo, expectedService: string | undefined, expectedRegion: string | undefined): ScopeIssues | undefined {
  const { scope } = info;
  const regionOk = expectedRegion === undefined || scope.region === expectedRegion;
  const serviceOk = expectedService === undefined || scope.service === expectedService;
  const dateOk = info.amzDate.startsWith(scope.date) && scope.date.length === 8;
  if (regionOk && serviceOk && dateOk && scope.terminator === TERMINATOR) return undefined;
  const issues: {
    region?: { got: string; expected: string };
    service?: { got: string; expected: string };
    terminator?: string;
    date?: { scopeDate: string; amzDate: string };
  } = {};
  if (expectedRegion !== undefined && scope.region !== expectedRegion) issues.region = { got: scope.region, expected: expectedRegion };
  if (expectedService !== undefined && scope.service !== expectedService) issues.service = { got: scope.service, expected: expectedService };
  if (scope.terminator !== TERMINATOR) issues.terminator = scope.terminator;
  if (scope.date !== info.amzDate.slice(0, 8)) issues.date = { scopeDate: scope.date, amzDate: info.amzDate };
  return Object.keys(issues).length > 0 ? issues : undefined;
}

/** S3 requires every `x-amz-*` header present to be signed. */
function unsignedAmzHeaders(request: HttpRequest, info: SignatureInfo): string[] {
  const signed = new Set(info.signedHeaderNames);
  const unsigned = new Set<string>();
  for (const h of request.headers) {
    if (h.lowerName.startsWith('x-amz-') && !signed.has(h.lowerName)) unsigned.add(h.lowerName);
  }
  return [...unsigned];
}

type Params = Record<string, string | number | boolean>;

// Parsing, reading the signature and verifying it are pure functions of the request text
// (and the secret): a scenario's requests are authenticated again after every edit, so
// their results are remembered, per text. A text is admitted on its second sighting only:
// keeping the results of every request alive for a while (a stream of distinct requests)
// costs more in garbage collection than it saves. INVARIANT: parsed requests are never
// mutated, so sharing them between calls is safe; only texts up to 64 KiB are
// remembered, 128 at most, first in first out.
interface Remembered {
  readonly parsed: HttpParseResult;
  strict?: SignatureExtraction;
  lenient?: SignatureExtraction;
  /** Outcomes by rules (`rulesKey`), then by secret. */
  verified?: Map<string, Map<string, VerifyOutcome>>;
}

function rulesKey(rules: SigV4Rules): string {
  return `${rules.normalizePath ? 1 : 0}${rules.doubleEncodePath ? 1 : 0}${rules.unsignedQueryToken ? 1 : 0}${rules.payload}`;
}
const remembered = new Map<string, Remembered>();
const seenOnce = new Set<string>();
const REMEMBERED_MAX = 128;
const SEEN_MAX = 512;
const REMEMBERED_MAX_CHARS = 65_536;
let rememberingEnabled = true;

/** Turns the memory of request texts on or off (benchmarks of first-time verification). */
export function setAuthnMemory(enabled: boolean): void {
  rememberingEnabled = enabled;
  remembered.clear();
  seenOnce.clear();
}

function recall(raw: string): Remembered {
  if (!rememberingEnabled || typeof raw !== 'string' || raw.length > REMEMBERED_MAX_CHARS) return { parsed: parseHttpRequest(raw) };
  const known = remembered.get(raw);
  if (known !== undefined) return known;
  const entry: Remembered = { parsed: parseHttpRequest(raw) };
  if (seenOnce.delete(raw)) {
    if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
    remembered.set(raw, entry);
  } else {
    if (seenOnce.size >= SEEN_MAX) seenOnce.delete(seenOnce.values().next().value!);
    seenOnce.add(raw);
  }
  return entry;
}

function extractRemembered(entry: Remembered, request: HttpRequest, requireExpires: boolean): SignatureExtraction {
  return requireExpires
    ? (entry.strict ??= extractSignature(request, { requireExpires: true }))
    : (entry.lenient ??= extractSignature(request, { requireExpires: false }));
}

async function verifyRemembered(
  entry: Remembered,
  request: HttpRequest,
  info: SignatureInfo,
  secret: string,
  rules: SigV4Rules,
): Promise<VerifyOutcome> {
  const rk = rulesKey(rules);
  const known = entry.verified?.get(rk)?.get(secret);
  if (known !== undefined) return known;
  const computed = await verifySignature(request, info, secret, rules);
  entry.verified ??= new Map();
  let bySecret = entry.verified.get(rk);
  if (bySecret === undefined) {
    bySecret = new Map();
    entry.verified.set(rk, bySecret);
  }
  if (bySecret.size < 8) bySecret.set(secret, computed);
  return computed;
}

async function authenticate(raw: string, lookup: CredentialLookup, now: Date, options: AuthenticateOptions): Promise<AuthnResult> {
  // INVARIANT (performance): the success path builds each step's params as a fresh
  // literal and assigns optional fields; object spreads of varying shapes were a quarter
  // of the cost of a verification.
  const steps: AuthnStep[] = [];
  const failure = (step: AuthnStepCode, error: AuthnError, params: Params, accessKeyId?: string, expected?: AuthnFailure['expected']): AuthnFailure => {
    params['errorCode'] = error.errorCode;
    steps.push({ step, outcome: 'fail', params });
    const result: AuthnFailure = { ok: false, ...error, steps };
    if (accessKeyId !== undefined) (result as { accessKeyId?: string }).accessKeyId = accessKeyId;
    if (expected !== undefined) (result as { expected?: AuthnFailure['expected'] }).expected = expected;
    return result;
  };

  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    return failure('authnParseRequest', authnErrors.internalFailure('The server time (`now`) is not a valid date.'), { problem: 'invalidNow' });
  }
  const maxSkew = options.maxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS;
  const nowIso = nowIsoOf(now);

  // ── 1. the request and its signature's syntax ──
  const entry = recall(raw);
  const parsed = entry.parsed;
  if (!parsed.ok) {
    const { error } = parsed;
    const tooLarge = error.problem === 'headerLineTooLong' || error.problem === 'headerSectionTooLarge' || error.problem === 'tooManyHeaders';
    const params: Params = { problem: error.problem, detail: error.message };
    if (error.line !== undefined) params['line'] = error.line;
    if (error.limit !== undefined) params['limit'] = error.limit;
    return failure('authnParseRequest', tooLarge ? authnErrors.headerSectionTooLarge() : authnErrors.malformedRequest(error.message), params);
  }
  const request = parsed.request;
  const host = requestHost(request);
  const endpoint = host !== undefined ? parseHost(host) : undefined;
  const recognized = endpoint !== undefined && endpoint.recognized;
  const expectedService = options.endpoint?.service ?? (recognized ? endpoint.service : undefined);
  const expectedRegion = options.endpoint?.region ?? (recognized && endpoint.regionCertain ? endpoint.region : undefined);
  /** The params every parse-step event carries: where the request is addressed. */
  const parseParams = (): Params => {
    const p: Params = { method: request.method };
    if (host !== undefined) p['host'] = host;
    if (expectedService !== undefined) p['endpointService'] = expectedService;
    if (expectedRegion !== undefined) p['endpointRegion'] = expectedRegion;
    return p;
  };

  const endpointFamily = serviceFamily(expectedService ?? endpoint?.service);
  const extraction = extractRemembered(entry, request, endpointFamily === 's3');
  if (extraction.kind === 'none') {
    const context = baseContext(request, now, nowIso);
    const region = expectedRegion ?? (recognized ? endpoint.region : undefined);
    if (region !== undefined) context.push(['aws:RequestedRegion', region]);
    const params = parseParams();
    params['anonymous'] = true;
    steps.push({ step: 'authnParseRequest', outcome: 'pass', params });
    const anonymous: { -readonly [K in keyof AuthnAnonymous]: AuthnAnonymous[K] } = { ok: true, anonymous: true, steps, context, request };
    if (expectedService !== undefined) anonymous.service = expectedService;
    if (region !== undefined) anonymous.region = region;
    if (endpoint !== undefined) anonymous.endpoint = endpoint;
    return anonymous;
  }
  if (extraction.kind === 'invalid') {
    const params = parseParams();
    params['form'] = extraction.form;
    params['problem'] = extraction.problem.kind;
    return failure('authnParseRequest', problemError(extraction.problem, endpointFamily, expectedService), params);
  }
  const info = extraction.info;
  const accessKeyId = info.accessKeyId;
  const service = expectedService ?? info.scope.service;
  const family = serviceFamily(service);
  const rules = rulesForService(service);
  const infoParams = (problem?: string): Params => {
    const p = parseParams();
    p['form'] = info.form;
    p['accessKeyId'] = accessKeyId;
    p['credential'] = info.credential;
    if (problem !== undefined) p['problem'] = problem;
    return p;
  };

  if (family !== 's3' && request.query !== undefined && request.query.includes('%')) {
    const escape = invalidPercentEscape(request.query);
    if (escape !== undefined) return failure('authnParseRequest', authnErrors.malformedQueryString(escape), infoParams('malformedQueryString'));
  }
  const issues = scopeIssues(info, expectedService, expectedRegion);
  if (issues) {
    const params = infoParams('credentialScope');
    params['scopeRegion'] = info.scope.region;
    params['scopeService'] = info.scope.service;
    return failure('authnParseRequest', authnErrors.scopeMismatch(family, info.form, issues), params);
  }
  if (family === 's3') {
    let headerBytes = 0;
    for (const h of request.headers) for (const line of h.lines) headerBytes += byteLength(line) + 2;
    if (headerBytes > S3_MAX_HEADER_SECTION_BYTES) {
      const params = infoParams('headerSectionTooLarge');
      params['headerBytes'] = headerBytes;
      params['limit'] = S3_MAX_HEADER_SECTION_BYTES;
      return failure('authnParseRequest', authnErrors.headerSectionTooLarge(), params);
    }
    const unsigned = unsignedAmzHeaders(request, info);
    if (unsigned.length > 0) {
      const params = infoParams('headersNotSigned');
      params['headersNotSigned'] = unsigned.join(', ');
      return failure('authnParseRequest', authnErrors.headersNotSigned(unsigned), params);
    }
    const contentSha = headerValue(request, 'x-amz-content-sha256');
    if (info.form === 'header' && contentSha === undefined) {
      return failure('authnParseRequest', authnErrors.missingContentSha256(), infoParams('missingContentSha256'));
    }
    if (contentSha !== undefined && contentSha !== UNSIGNED_PAYLOAD && !contentSha.startsWith('STREAMING-') && !HEX64.test(contentSha)) {
      return failure('authnParseRequest', authnErrors.invalidContentSha256(), infoParams('invalidContentSha256'));
    }
  }
  const parsePass = infoParams();
  parsePass['scopeDate'] = info.scope.date;
  parsePass['scopeRegion'] = info.scope.region;
  parsePass['scopeService'] = info.scope.service;
  parsePass['signedHeaders'] = info.signedHeaders;
  steps.push({ step: 'authnParseRequest', outcome: 'pass', params: parsePass });

  // ── 2. the request time ──
  const requestMs = info.requestTime.getTime();
  const nowMs = now.getTime();
  const a = info.amzDate;
  const requestIso =
    info.dateSource === 'date' ? isoSeconds(info.requestTime) : `${a.slice(0, 4)}-${a.slice(4, 6)}-${a.slice(6, 8)}T${a.slice(9, 11)}:${a.slice(11, 13)}:${a.slice(13, 15)}Z`;
  const timeParams: Params = { requestTime: requestIso, now: nowIso, maxClockSkewSeconds: maxSkew };
  if (info.form === 'query' && info.expires !== undefined) {
    const expiresAtMs = requestMs + info.expires * 1000;
    timeParams['expires'] = info.expires;
    timeParams['expiresAt'] = isoSeconds(new Date(expiresAtMs));
    if (requestMs - nowMs > maxSkew * 1000) {
      timeParams['problem'] = 'notYetValid';
      return failure('authnRequestTime', authnErrors.presignedUrlNotYetValid(family, info.requestTime, now, maxSkew), timeParams, accessKeyId);
    }
    if (nowMs > expiresAtMs) {
      timeParams['problem'] = 'expired';
      return failure('authnRequestTime', authnErrors.presignedUrlExpired(family), timeParams, accessKeyId);
    }
  } else {
    timeParams['skewSeconds'] = Math.round((requestMs - nowMs) / 1000);
    if (Math.abs(requestMs - nowMs) > maxSkew * 1000) {
      timeParams['problem'] = requestMs < nowMs ? 'tooOld' : 'inTheFuture';
      return failure('authnRequestTime', authnErrors.requestTimeTooSkewed(family, info.requestTime, now, maxSkew), timeParams, accessKeyId);
    }
  }
  steps.push({ step: 'authnRequestTime', outcome: 'pass', params: timeParams });

  // ── 3. the access key, its status, its session ──
  const key = lookup.findAccessKey(accessKeyId);
  if (key === undefined) {
    return failure('authnCredentialLookup', authnErrors.invalidAccessKey(family), { accessKeyId, found: false }, accessKeyId);
  }
  if (typeof key.secret !== 'string') {
    const error = authnErrors.internalFailure(`The credential store returned no secret for \`${accessKeyId}\`.`);
    return failure('authnCredentialLookup', error, { accessKeyId, found: true }, accessKeyId);
  }
  steps.push({ step: 'authnCredentialLookup', outcome: 'pass', params: { accessKeyId, found: true, temporary: key.temporary } });
  if (key.status !== 'Active') {
    return failure('authnKeyStatus', authnErrors.invalidAccessKey(family), { accessKeyId, status: String(key.status) }, accessKeyId);
  }
  steps.push({ step: 'authnKeyStatus', outcome: 'pass', params: { accessKeyId, status: key.status } });

  const token = info.sessionToken;
  const tokenParams: Params = { accessKeyId, temporary: key.temporary, tokenPresent: token !== undefined };
  if (key.temporary) {
    if (token === undefined) {
      // Without its token a temporary key is unknown (S3 says so in its own words).
      tokenParams['problem'] = 'missingToken';
      return failure('authnSessionToken', authnErrors.invalidAccessKey(family), tokenParams, accessKeyId);
    }
    if (key.sessionToken !== undefined && token !== key.sessionToken) {
      tokenParams['problem'] = 'tokenMismatch';
      return failure('authnSessionToken', authnErrors.invalidSessionToken(family), tokenParams, accessKeyId);
    }
  } else if (token !== undefined) {
    tokenParams['problem'] = 'tokenForLongTermKey';
    return failure('authnSessionToken', authnErrors.invalidSessionToken(family), tokenParams, accessKeyId);
  }
  steps.push({ step: 'authnSessionToken', outcome: 'pass', params: tokenParams });

  if (key.temporary && key.expiration !== undefined) {
    const expiration = key.expiration instanceof Date ? key.expiration : new Date(key.expiration);
    const valid = !Number.isNaN(expiration.getTime());
    const params: Params = { accessKeyId, expiration: valid ? isoSeconds(expiration) : 'invalid', now: nowIso };
    if (!valid || nowMs >= expiration.getTime()) return failure('authnSessionExpired', authnErrors.expiredToken(family), params, accessKeyId);
    steps.push({ step: 'authnSessionExpired', outcome: 'pass', params });
  } else {
    steps.push({ step: 'authnSessionExpired', outcome: 'pass', params: { accessKeyId, temporary: key.temporary } });
  }

  // ── 4. the signature ──
  const outcome = await verifyRemembered(entry, request, info, key.secret, rules);
  const sigParams: Params = { accessKeyId, provided: info.signature, expected: outcome.expectedSignature, signedHeaders: info.signedHeaders };
  if (!outcome.match) {
    return failure('authnSignature', authnErrors.signatureDoesNotMatch(family), sigParams, accessKeyId, {
      canonicalRequest: outcome.canonicalRequest,
      stringToSign: outcome.stringToSign,
      signature: outcome.expectedSignature,
    });
  }
  if (family === 's3' && HEX64.test(outcome.payloadHash)) {
    // The signature covers the declared hash; S3 then checks the body against it.
    const bodyHash = await payloadHashOf(request, info, { ...rules, payload: 'body' });
    if (bodyHash !== outcome.payloadHash) {
      sigParams['problem'] = 'contentSha256Mismatch';
      return failure('authnSignature', authnErrors.contentSha256Mismatch(), sigParams, accessKeyId);
    }
  }
  sigParams['match'] = true;
  steps.push({ step: 'authnSignature', outcome: 'pass', params: sigParams });

  const context = baseContext(request, now, nowIso);
  context.push(['aws:RequestedRegion', info.scope.region]);
  if (family === 's3') {
    context.push(['s3:authType', info.form === 'header' ? 'REST-HEADER' : 'REST-QUERY-STRING']);
    context.push(['s3:signatureversion', 'AWS4-HMAC-SHA256']);
    context.push(['s3:signatureAge', String(Math.max(0, nowMs - requestMs))]);
    const contentSha = headerValue(request, 'x-amz-content-sha256');
    if (contentSha !== undefined) context.push(['s3:x-amz-content-sha256', contentSha]);
  }
  const success: { -readonly [K in keyof AuthnSuccess]: AuthnSuccess[K] } = {
    ok: true,
    anonymous: false,
    accessKeyId,
    temporary: key.temporary,
    form: info.form,
    scope: { date: info.scope.date, region: info.scope.region, service: info.scope.service },
    service: info.scope.service,
    region: info.scope.region,
    requestTime: info.requestTime,
    signedHeaders: info.signedHeaderNames,
    canonicalRequest: outcome.canonicalRequest,
    stringToSign: outcome.stringToSign,
    signature: outcome.expectedSignature,
    steps,
    context,
    request,
  };
  if (token !== undefined) success.sessionToken = token;
  if (endpoint !== undefined) success.endpoint = endpoint;
  return success;
}

/**
 * Authenticates a raw HTTP request as AWS would at time `now`. Never throws and never
 * rejects: every problem, including a failing credential store, is an `AuthnFailure`.
 *
 * - success: `{ ok: true, anonymous: false, accessKeyId, … }`, with the context keys the
 *   request establishes (`aws:CurrentTime` and `aws:EpochTime` are the server's clock,
 *   `now`; `aws:RequestedRegion` the scope's region; `aws:SecureTransport` when the
 *   request line is an absolute URL; S3's `s3:authType`, `s3:signatureversion`,
 *   `s3:signatureAge`, `s3:x-amz-content-sha256`);
 * - no signature at all: `{ ok: true, anonymous: true }` — see `anonymousAllowed`;
 * - refused: `{ ok: false, errorCode, httpStatus, message, kind }`.
 */
export async function authenticateHttpRequest(
  raw: string,
  lookup: CredentialLookup,
  now: Date,
  options: AuthenticateOptions = {},
): Promise<AuthnResult> {
  try {
    return await authenticate(raw, lookup, now, options ?? {});
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const error = authnErrors.internalFailure(`Authentication failed unexpectedly: ${message}`);
    return { ok: false, ...error, steps: [{ step: 'authnParseRequest', outcome: 'fail', params: { problem: 'internalFailure', detail: message } }] };
  }
}

export type { AuthnError, AuthnErrorKind, ServiceFamily };
export type * from './authn-types';
export { anonymousAllowed, rejectAnonymous } from './anonymous';
