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
import { extractSignature, type SignatureForm, type SignatureInfo, type SignatureProblem } from './authinfo';
import { TERMINATOR } from './canonical';
import { invalidPercentEscape, utf8 } from './encoding';
import { type Endpoint, parseHost } from './endpoint';
import { type AuthnError, type AuthnErrorKind, authnErrors, type ScopeIssues, type ServiceFamily, serviceFamily } from './errors';
import { headerValue, type HttpRequest, parseHttpRequest, requestHost } from './http';
import { payloadHashOf, rulesForService, UNSIGNED_PAYLOAD, verifySignature } from './sigv4';

/** An access key as the credential store knows it. */
export interface AccessKeyRecord {
  readonly secret: string;
  readonly status: 'Active' | 'Inactive';
  /** True for temporary credentials (an STS session): they need their session token. */
  readonly temporary: boolean;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** Where authentication looks access keys up (the world's users, roots and STS sessions). */
export interface CredentialLookup {
  findAccessKey(accessKeyId: string): AccessKeyRecord | undefined;
}

/** The authentication steps of the decision trace (codes of `evaluate/reasons.ts`). */
export type AuthnStepCode =
  | 'authnParseRequest'
  | 'authnCredentialLookup'
  | 'authnKeyStatus'
  | 'authnSessionToken'
  | 'authnSessionExpired'
  | 'authnRequestTime'
  | 'authnSignature';

export interface AuthnStep {
  readonly step: AuthnStepCode;
  readonly outcome: 'pass' | 'fail';
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

/** A request context key authentication establishes, as AWS spells it, and its value. */
export type AuthnContextEntry = readonly [key: string, value: string];

/** A request signed by a known, active key whose signature matches. */
export interface AuthnSuccess {
  readonly ok: true;
  readonly anonymous: false;
  readonly accessKeyId: string;
  readonly sessionToken?: string;
  /** True when the key is temporary (an STS session). */
  readonly temporary: boolean;
  readonly form: SignatureForm;
  readonly scope: { readonly date: string; readonly region: string; readonly service: string };
  /** The service the request was signed for (the scope's service). */
  readonly service: string;
  /** The region the request was signed for (the scope's region). */
  readonly region: string;
  /** The time the request was signed (`X-Amz-Date`). */
  readonly requestTime: Date;
  /** The signed header names, lower case. */
  readonly signedHeaders: readonly string[];
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly steps: readonly AuthnStep[];
  readonly context: readonly AuthnContextEntry[];
  readonly request: HttpRequest;
  /** What the host name says, when there is a host. */
  readonly endpoint?: Endpoint;
}

/** A request that carries no signature at all: the caller decides (see `anonymousAllowed`). */
export interface AuthnAnonymous {
  readonly ok: true;
  readonly anonymous: true;
  /** The service and region of the endpoint, when the host name tells. */
  readonly service?: string;
  readonly region?: string;
  readonly steps: readonly AuthnStep[];
  readonly context: readonly AuthnContextEntry[];
  readonly request: HttpRequest;
  readonly endpoint?: Endpoint;
}

/** AWS refused the request. */
export interface AuthnFailure extends AuthnError {
  readonly ok: false;
  readonly steps: readonly AuthnStep[];
  /** The access key the request named, when it got that far. */
  readonly accessKeyId?: string;
  /** For a signature mismatch: what AWS computed (AWS shows these too). */
  readonly expected?: { readonly canonicalRequest: string; readonly stringToSign: string; readonly signature: string };
}

export type AuthnResult = AuthnSuccess | AuthnAnonymous | AuthnFailure;

export interface AuthenticateOptions {
  /** The largest allowed difference between the request time and `now`; default 900 (15 minutes). */
  readonly maxClockSkewSeconds?: number;
  /**
   * The service and region the request is addressed to, when the caller knows better
   * than the host name (e.g. the region of a bucket reached through `s3.amazonaws.com`).
   */
  readonly endpoint?: { readonly service?: string; readonly region?: string };
}

/** The default clock skew AWS allows: 15 minutes. */
export const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 900;

/** S3 refuses header sections over 8 KB (`RequestHeaderSectionTooLarge`, `MaxSizeAllowed` 8192). */
const S3_MAX_HEADER_SECTION_BYTES = 8192;

/** Actions that take unsigned requests by design (they authenticate with a token in the body). */
const UNSIGNED_ACTIONS = new Set(['sts:assumerolewithwebidentity', 'sts:assumerolewithsaml']);

/**
 * Whether a service (or an action) accepts an anonymous request at all: S3 does (bucket
 * policies decide), as do STS's `AssumeRoleWithWebIdentity` and `AssumeRoleWithSAML`;
 * every other service answers `MissingAuthenticationToken`.
 */
export function anonymousAllowed(service: string | undefined, action?: string): boolean {
  if (service !== undefined && serviceFamily(service) === 's3') return true;
  return action !== undefined && UNSIGNED_ACTIONS.has(action.toLowerCase());
}

/** The failure a service that does not take anonymous requests returns for one. */
export function rejectAnonymous(result: AuthnAnonymous): AuthnFailure {
  const error = authnErrors.missingAuthenticationToken(serviceFamily(result.service), result.service);
  return {
    ok: false,
    ...error,
    steps: [...result.steps, { step: 'authnParseRequest', outcome: 'fail', params: { anonymous: true, problem: 'missingAuthentication' } }],
  };
}

function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
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
function baseContext(request: HttpRequest, now: Date): [string, string][] {
  const context: [string, string][] = [
    ['aws:CurrentTime', isoSeconds(now)],
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

async function authenticate(raw: string, lookup: CredentialLookup, now: Date, options: AuthenticateOptions): Promise<AuthnResult> {
  const steps: AuthnStep[] = [];
  const failure = (
    step: AuthnStepCode,
    error: AuthnError,
    params: Record<string, string | number | boolean>,
    extra?: Partial<Pick<AuthnFailure, 'accessKeyId' | 'expected'>>,
  ): AuthnFailure => {
    steps.push({ step, outcome: 'fail', params: { ...params, errorCode: error.errorCode } });
    return { ok: false, ...error, steps, ...extra };
  };

  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    return failure('authnParseRequest', authnErrors.internalFailure('The server time (`now`) is not a valid date.'), { problem: 'invalidNow' });
  }
  const maxSkew = options.maxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS;

  // ── 1. the request and its signature's syntax ──
  const parsed = parseHttpRequest(raw);
  if (!parsed.ok) {
    const { error } = parsed;
    const tooLarge = error.problem === 'headerLineTooLong' || error.problem === 'headerSectionTooLarge' || error.problem === 'tooManyHeaders';
    const authnError = tooLarge ? authnErrors.headerSectionTooLarge() : authnErrors.malformedRequest(error.message);
    return failure('authnParseRequest', authnError, {
      problem: error.problem,
      detail: error.message,
      ...(error.line !== undefined ? { line: error.line } : {}),
      ...(error.limit !== undefined ? { limit: error.limit } : {}),
    });
  }
  const request = parsed.request;
  const host = requestHost(request);
  const endpoint = host !== undefined ? parseHost(host) : undefined;
  const expectedService = options.endpoint?.service ?? (endpoint?.recognized ? endpoint.service : undefined);
  const expectedRegion =
    options.endpoint?.region ?? (endpoint?.recognized && endpoint.regionCertain ? endpoint.region : undefined);
  const hostParams = {
    ...(host !== undefined ? { host } : {}),
    ...(expectedService !== undefined ? { endpointService: expectedService } : {}),
    ...(expectedRegion !== undefined ? { endpointRegion: expectedRegion } : {}),
  };

  const endpointFamily = serviceFamily(expectedService ?? endpoint?.service);
  const extraction = extractSignature(request, { requireExpires: endpointFamily === 's3' });
  if (extraction.kind === 'none') {
    const context = baseContext(request, now);
    const region = expectedRegion ?? (endpoint?.recognized ? endpoint.region : undefined);
    if (region !== undefined) context.push(['aws:RequestedRegion', region]);
    steps.push({ step: 'authnParseRequest', outcome: 'pass', params: { ...hostParams, method: request.method, anonymous: true } });
    const service = expectedService ?? (endpoint?.recognized ? endpoint.service : undefined);
    return {
      ok: true,
      anonymous: true,
      ...(service !== undefined ? { service } : {}),
      ...(region !== undefined ? { region } : {}),
      steps,
      context,
      request,
      ...(endpoint !== undefined ? { endpoint } : {}),
    };
  }
  if (extraction.kind === 'invalid') {
    const family = endpointFamily;
    return failure('authnParseRequest', problemError(extraction.problem, family, expectedService), {
      ...hostParams,
      form: extraction.form,
      problem: extraction.problem.kind,
    });
  }
  const info = extraction.info;
  const service = expectedService ?? info.scope.service;
  const family = serviceFamily(service);
  const rules = rulesForService(service);
  const infoParams = { ...hostParams, form: info.form, accessKeyId: info.accessKeyId, credential: info.credential };

  if (family !== 's3' && request.query !== undefined) {
    const escape = invalidPercentEscape(request.query);
    if (escape !== undefined) return failure('authnParseRequest', authnErrors.malformedQueryString(escape), { ...infoParams, problem: 'malformedQueryString' });
  }
  const issues = scopeIssues(info, expectedService, expectedRegion);
  if (issues) {
    return failure('authnParseRequest', authnErrors.scopeMismatch(family, info.form, issues), {
      ...infoParams,
      problem: 'credentialScope',
      scopeRegion: info.scope.region,
      scopeService: info.scope.service,
    });
  }
  if (family === 's3') {
    let headerBytes = 0;
    for (const h of request.headers) for (const line of h.lines) headerBytes += byteLength(line) + 2;
    if (headerBytes > S3_MAX_HEADER_SECTION_BYTES) {
      return failure('authnParseRequest', authnErrors.headerSectionTooLarge(), {
        ...infoParams,
        problem: 'headerSectionTooLarge',
        headerBytes,
        limit: S3_MAX_HEADER_SECTION_BYTES,
      });
    }
    const unsigned = unsignedAmzHeaders(request, info);
    if (unsigned.length > 0) {
      return failure('authnParseRequest', authnErrors.headersNotSigned(unsigned), { ...infoParams, problem: 'headersNotSigned', headersNotSigned: unsigned.join(', ') });
    }
    const contentSha = headerValue(request, 'x-amz-content-sha256');
    if (info.form === 'header' && contentSha === undefined) {
      return failure('authnParseRequest', authnErrors.missingContentSha256(), { ...infoParams, problem: 'missingContentSha256' });
    }
    if (contentSha !== undefined && contentSha !== UNSIGNED_PAYLOAD && !contentSha.startsWith('STREAMING-') && !HEX64.test(contentSha)) {
      return failure('authnParseRequest', authnErrors.invalidContentSha256(), { ...infoParams, problem: 'invalidContentSha256' });
    }
  }
  steps.push({
    step: 'authnParseRequest',
    outcome: 'pass',
    params: {
      ...infoParams,
      method: request.method,
      scopeDate: info.scope.date,
      scopeRegion: info.scope.region,
      scopeService: info.scope.service,
      signedHeaders: info.signedHeaders,
    },
  });

  // ── 2. the request time ──
  const requestMs = info.requestTime.getTime();
  const nowMs = now.getTime();
  const timeParams = { requestTime: isoSeconds(info.requestTime), now: isoSeconds(now), maxClockSkewSeconds: maxSkew };
  if (info.form === 'query' && info.expires !== undefined) {
    const expiresAt = new Date(requestMs + info.expires * 1000);
    const params = { ...timeParams, expires: info.expires, expiresAt: isoSeconds(expiresAt) };
    if (requestMs - nowMs > maxSkew * 1000) {
      return failure('authnRequestTime', authnErrors.presignedUrlNotYetValid(family, info.requestTime, now, maxSkew), { ...params, problem: 'notYetValid' }, { accessKeyId: info.accessKeyId });
    }
    if (nowMs > expiresAt.getTime()) {
      return failure('authnRequestTime', authnErrors.presignedUrlExpired(family), { ...params, problem: 'expired' }, { accessKeyId: info.accessKeyId });
    }
    steps.push({ step: 'authnRequestTime', outcome: 'pass', params });
  } else {
    const skewSeconds = Math.round((requestMs - nowMs) / 1000);
    if (Math.abs(requestMs - nowMs) > maxSkew * 1000) {
      return failure(
        'authnRequestTime',
        authnErrors.requestTimeTooSkewed(family, info.requestTime, now, maxSkew),
        { ...timeParams, skewSeconds, problem: requestMs < nowMs ? 'tooOld' : 'inTheFuture' },
        { accessKeyId: info.accessKeyId },
      );
    }
    steps.push({ step: 'authnRequestTime', outcome: 'pass', params: { ...timeParams, skewSeconds } });
  }

  // ── 3. the access key, its status, its session ──
  const key = lookup.findAccessKey(info.accessKeyId);
  const keyParams = { accessKeyId: info.accessKeyId };
  if (key === undefined) {
    return failure('authnCredentialLookup', authnErrors.invalidAccessKey(family), { ...keyParams, found: false }, keyParams);
  }
  if (typeof key.secret !== 'string') {
    return failure('authnCredentialLookup', authnErrors.internalFailure(`The credential store returned no secret for \`${info.accessKeyId}\`.`), { ...keyParams, found: true }, keyParams);
  }
  steps.push({ step: 'authnCredentialLookup', outcome: 'pass', params: { ...keyParams, found: true, temporary: key.temporary } });
  if (key.status !== 'Active') {
    return failure('authnKeyStatus', authnErrors.invalidAccessKey(family), { ...keyParams, status: String(key.status) }, keyParams);
  }
  steps.push({ step: 'authnKeyStatus', outcome: 'pass', params: { ...keyParams, status: key.status } });

  const token = info.sessionToken;
  const tokenParams = { ...keyParams, temporary: key.temporary, tokenPresent: token !== undefined };
  if (key.temporary) {
    if (token === undefined) {
      // Without its token a temporary key is unknown (S3 says so in its own words).
      return failure('authnSessionToken', authnErrors.invalidAccessKey(family), { ...tokenParams, problem: 'missingToken' }, keyParams);
    }
    if (key.sessionToken !== undefined && token !== key.sessionToken) {
      return failure('authnSessionToken', authnErrors.invalidSessionToken(family), { ...tokenParams, problem: 'tokenMismatch' }, keyParams);
    }
  } else if (token !== undefined) {
    return failure('authnSessionToken', authnErrors.invalidSessionToken(family), { ...tokenParams, problem: 'tokenForLongTermKey' }, keyParams);
  }
  steps.push({ step: 'authnSessionToken', outcome: 'pass', params: tokenParams });

  if (key.temporary && key.expiration !== undefined) {
    const expiration = key.expiration instanceof Date ? key.expiration : new Date(key.expiration);
    const params = { ...keyParams, expiration: Number.isNaN(expiration.getTime()) ? 'invalid' : isoSeconds(expiration), now: isoSeconds(now) };
    if (Number.isNaN(expiration.getTime()) || nowMs >= expiration.getTime()) {
      return failure('authnSessionExpired', authnErrors.expiredToken(family), params, keyParams);
    }
    steps.push({ step: 'authnSessionExpired', outcome: 'pass', params });
  } else {
    steps.push({ step: 'authnSessionExpired', outcome: 'pass', params: { ...keyParams, temporary: key.temporary } });
  }

  // ── 4. the signature ──
  const outcome = await verifySignature(request, info, key.secret, rules);
  const sigParams = { ...keyParams, provided: info.signature, expected: outcome.expectedSignature, signedHeaders: info.signedHeaders };
  if (!outcome.match) {
    return failure('authnSignature', authnErrors.signatureDoesNotMatch(family), sigParams, {
      ...keyParams,
      expected: { canonicalRequest: outcome.canonicalRequest, stringToSign: outcome.stringToSign, signature: outcome.expectedSignature },
    });
  }
  if (family === 's3' && HEX64.test(outcome.payloadHash)) {
    // The signature covers the declared hash; S3 then checks the body against it.
    const bodyHash = await payloadHashOf(request, info, { ...rules, payload: 'body' });
    if (bodyHash !== outcome.payloadHash) {
      return failure('authnSignature', authnErrors.contentSha256Mismatch(), { ...sigParams, problem: 'contentSha256Mismatch' }, keyParams);
    }
  }
  steps.push({ step: 'authnSignature', outcome: 'pass', params: { ...sigParams, match: true } });

  const context = baseContext(request, now);
  context.push(['aws:RequestedRegion', info.scope.region]);
  if (family === 's3') {
    context.push(['s3:authType', info.form === 'header' ? 'REST-HEADER' : 'REST-QUERY-STRING']);
    context.push(['s3:signatureversion', 'AWS4-HMAC-SHA256']);
    context.push(['s3:signatureAge', String(Math.max(0, nowMs - requestMs))]);
    const contentSha = headerValue(request, 'x-amz-content-sha256');
    if (contentSha !== undefined) context.push(['s3:x-amz-content-sha256', contentSha]);
  }
  return {
    ok: true,
    anonymous: false,
    accessKeyId: info.accessKeyId,
    ...(token !== undefined ? { sessionToken: token } : {}),
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
    ...(endpoint !== undefined ? { endpoint } : {}),
  };
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
