/**
 * Reads what a request claims about its signature, in either form SigV4 allows:
 *
 * - the `Authorization` header: `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/
 *   service/aws4_request, SignedHeaders=host;x-amz-date, Signature=…`, with the time in
 *   `X-Amz-Date` (or `Date`) and a session token in `X-Amz-Security-Token`;
 * - a presigned URL: `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
 *   `X-Amz-Expires`, `X-Amz-SignedHeaders`, `X-Amz-Security-Token`, `X-Amz-Signature`.
 *
 * Only the syntax is checked here; what it means (is the scope this endpoint's, is the
 * time right, is the key known) is `authenticate.ts`'s business. A problem comes back as
 * data naming what is wrong, never as an exception.
 */
import { ALGORITHM, parseAmzDate, parseHttpDate, splitQuery } from './canonical';
import { percentDecode } from './encoding';
import { headerValue, headerValues, type HttpRequest } from './http';

export type SignatureForm = 'header' | 'query';

/** The credential scope as the request states it. */
export interface CredentialScope {
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
}

/** A syntactically complete SigV4 signature, as the request states it. */
export interface SignatureInfo {
  readonly form: SignatureForm;
  readonly accessKeyId: string;
  /** The credential as written: `AKID/date/region/service/aws4_request`. */
  readonly credential: string;
  readonly scope: CredentialScope;
  /** The signed header names as written (`host;x-amz-date`). */
  readonly signedHeaders: string;
  /** The signed header names in lower case, in the order written. */
  readonly signedHeaderNames: readonly string[];
  /** The signature as written (64 lower-case hex digits when well formed). */
  readonly signature: string;
  /** The request time in ISO 8601 basic format, as it enters the string to sign. */
  readonly amzDate: string;
  readonly dateSource: 'x-amz-date' | 'date' | 'query';
  readonly requestTime: Date;
  /** `X-Amz-Expires` of a presigned URL, in seconds. */
  readonly expires?: number;
  readonly sessionToken?: string;
}

/** The longest validity of a presigned URL: 7 days (SigV4 signing keys last 7 days). */
export const MAX_EXPIRES_SECONDS = 604_800;

/** What is syntactically wrong with a request's signature. */
export type SignatureProblem =
  | { readonly kind: 'bothForms' }
  | { readonly kind: 'multipleAuthorization' }
  /** An `Authorization` header that is not SigV4 at all (`Bearer …`, `AWS key:sig`, empty). */
  | { readonly kind: 'notAws4'; readonly scheme: string; readonly header: string }
  | { readonly kind: 'unsupportedAlgorithm'; readonly form: SignatureForm; readonly algorithm: string }
  | { readonly kind: 'notKeyValue'; readonly component: string; readonly header: string }
  | {
      readonly kind: 'missingComponents';
      readonly missing: readonly ('Credential' | 'Signature' | 'SignedHeaders')[];
      readonly missingDate: boolean;
      readonly header: string;
    }
  | { readonly kind: 'missingQueryParams'; readonly missing: readonly string[] }
  | { readonly kind: 'badDate'; readonly form: SignatureForm; readonly value: string }
  | { readonly kind: 'badExpires'; readonly value: string; readonly reason: 'notNumber' | 'negative' | 'tooLarge' }
  | { readonly kind: 'credentialMalformed'; readonly form: SignatureForm; readonly credential: string }
  | { readonly kind: 'hostNotSigned'; readonly form: SignatureForm };

export type SignatureExtraction =
  /** The request carries no signature at all: an anonymous request. */
  | { readonly kind: 'none' }
  | { readonly kind: 'signed'; readonly info: SignatureInfo }
  | { readonly kind: 'invalid'; readonly form: SignatureForm; readonly problem: SignatureProblem };

/** The query parameters a presigned URL is made of. */
export const QUERY_AUTH_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
  'X-Amz-Security-Token',
] as const;

/** The query's parameters, names and values decoded; the first of repeated names wins. */
export function decodedQueryParams(request: HttpRequest): Map<string, string> {
  const params = new Map<string, string>();
  for (const p of splitQuery(request.query)) {
    const name = percentDecode(p.name);
    if (!params.has(name)) params.set(name, percentDecode(p.value));
  }
  return params;
}

function parseCredential(credential: string): { accessKeyId: string; scope: CredentialScope } | undefined {
  const parts = credential.split('/');
  while (parts.length > 5 && parts[parts.length - 1] === '') parts.pop(); // trailing slashes are ignored
  if (parts.length !== 5 || parts[0] === '') return undefined;
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return { accessKeyId, scope: { date, region, service, terminator } };
}

function signedNames(list: string): string[] {
  return list.split(';').map((n) => n.trim().toLowerCase());
}

function hostSigned(names: readonly string[]): boolean {
  return names.includes('host') || names.includes(':authority');
}

function extractFromHeader(request: HttpRequest, header: string): SignatureExtraction {
  const invalid = (problem: SignatureProblem): SignatureExtraction => ({ kind: 'invalid', form: 'header', problem });
  const value = header.trim();
  const space = value.search(/\s/);
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (!algorithm.startsWith('AWS4-')) return invalid({ kind: 'notAws4', scheme: algorithm, header: value });
  if (algorithm !== ALGORITHM) return invalid({ kind: 'unsupportedAlgorithm', form: 'header', algorithm });

  const fields = new Map<string, string>();
  const rest = space < 0 ? '' : value.slice(space + 1);
  for (const piece of rest.split(/[\s,]+/)) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq < 0) return invalid({ kind: 'notKeyValue', component: piece, header: value });
    fields.set(piece.slice(0, eq), piece.slice(eq + 1));
  }
  const credential = fields.get('Credential') ?? '';
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature') ?? '';
  const missing: ('Credential' | 'Signature' | 'SignedHeaders')[] = [];
  if (credential === '') missing.push('Credential');
  if (signature === '') missing.push('Signature');
  if (signedHeaders === undefined) missing.push('SignedHeaders');
  const xAmzDate = headerValue(request, 'x-amz-date');
  const httpDate = xAmzDate === undefined ? headerValue(request, 'date') : undefined;
  const missingDate = xAmzDate === undefined && httpDate === undefined;
  if (missing.length > 0 || missingDate) return invalid({ kind: 'missingComponents', missing, missingDate, header: value });

  let requestTime: Date | undefined;
  let amzDateText: string;
  if (xAmzDate !== undefined) {
    requestTime = parseAmzDate(xAmzDate);
    amzDateText = xAmzDate;
    if (!requestTime) return invalid({ kind: 'badDate', form: 'header', value: xAmzDate });
  } else {
    requestTime = parseHttpDate(httpDate!);
    if (!requestTime) return invalid({ kind: 'badDate', form: 'header', value: httpDate! });
    amzDateText = requestTime.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  }
  const parsed = parseCredential(credential);
  if (!parsed) return invalid({ kind: 'credentialMalformed', form: 'header', credential });
  const names = signedNames(signedHeaders!);
  if (!hostSigned(names)) return invalid({ kind: 'hostNotSigned', form: 'header' });
  const token = headerValue(request, 'x-amz-security-token');
  return {
    kind: 'signed',
    info: {
      form: 'header',
      accessKeyId: parsed.accessKeyId,
      credential,
      scope: parsed.scope,
      signedHeaders: signedHeaders!,
      signedHeaderNames: names,
      signature,
      amzDate: amzDateText,
      dateSource: xAmzDate !== undefined ? 'x-amz-date' : 'date',
      requestTime,
      ...(token !== undefined ? { sessionToken: token } : {}),
    },
  };
}

function extractFromQuery(params: Map<string, string>, requireExpires: boolean): SignatureExtraction {
  const invalid = (problem: SignatureProblem): SignatureExtraction => ({ kind: 'invalid', form: 'query', problem });
  const required = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'];
  if (requireExpires) required.push('X-Amz-Expires');
  const missing = required.filter((name) => !params.get(name));
  if (missing.length > 0) return invalid({ kind: 'missingQueryParams', missing });
  const algorithm = params.get('X-Amz-Algorithm')!;
  if (algorithm !== ALGORITHM) return invalid({ kind: 'unsupportedAlgorithm', form: 'query', algorithm });
  const dateText = params.get('X-Amz-Date')!;
  const requestTime = parseAmzDate(dateText);
  if (!requestTime) return invalid({ kind: 'badDate', form: 'query', value: dateText });
  const expiresText = params.get('X-Amz-Expires');
  let expires: number | undefined;
  if (expiresText !== undefined) {
    if (/^-\d+$/.test(expiresText)) return invalid({ kind: 'badExpires', value: expiresText, reason: 'negative' });
    if (!/^\d{1,15}$/.test(expiresText)) return invalid({ kind: 'badExpires', value: expiresText, reason: 'notNumber' });
    expires = Number(expiresText);
    if (expires > MAX_EXPIRES_SECONDS) return invalid({ kind: 'badExpires', value: expiresText, reason: 'tooLarge' });
  }
  const credential = params.get('X-Amz-Credential')!;
  const parsed = parseCredential(credential);
  if (!parsed) return invalid({ kind: 'credentialMalformed', form: 'query', credential });
  const signedHeaders = params.get('X-Amz-SignedHeaders')!;
  const names = signedNames(signedHeaders);
  if (!hostSigned(names)) return invalid({ kind: 'hostNotSigned', form: 'query' });
  const token = params.get('X-Amz-Security-Token');
  return {
    kind: 'signed',
    info: {
      form: 'query',
      accessKeyId: parsed.accessKeyId,
      credential,
      scope: parsed.scope,
      signedHeaders,
      signedHeaderNames: names,
      signature: params.get('X-Amz-Signature')!,
      amzDate: dateText,
      dateSource: 'query',
      requestTime,
      ...(expires !== undefined ? { expires } : {}),
      ...(token !== undefined ? { sessionToken: token } : {}),
    },
  };
}

/**
 * Finds and reads the request's signature. A request is presigned when its query has
 * `X-Amz-Algorithm`; it is header-signed when it has an `Authorization` header; with
 * neither it is anonymous (`kind: 'none'`). `requireExpires` makes `X-Amz-Expires`
 * mandatory in a presigned URL, as S3 does.
 */
export function extractSignature(request: HttpRequest, options: { requireExpires: boolean }): SignatureExtraction {
  const authorization = headerValues(request, 'authorization');
  // Decoding the query is only needed when it may name X-Amz-Algorithm (perhaps escaped).
  const q = request.query;
  const params = q === undefined || !(/algorithm/i.test(q) || q.includes('%')) ? undefined : decodedQueryParams(request);
  const presigned = params?.has('X-Amz-Algorithm') ?? false;
  if (authorization.length > 0 && presigned) return { kind: 'invalid', form: 'header', problem: { kind: 'bothForms' } };
  if (authorization.length > 1) return { kind: 'invalid', form: 'header', problem: { kind: 'multipleAuthorization' } };
  if (authorization.length === 1) return extractFromHeader(request, authorization[0]!);
  if (presigned) return extractFromQuery(params!, options.requireExpires);
  return { kind: 'none' };
}
