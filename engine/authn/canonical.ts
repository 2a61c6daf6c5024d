/**
 * The canonical request and string to sign of Signature Version 4, as the AWS General
 * Reference ("Create a canonical request for Signature Version 4") describes them:
 *
 * ```
 * HTTPMethod \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * ```
 *
 * The two path rules differ by service: every service but S3 normalizes the path
 * (removes `.`/`..` segments and empty segments) and URI-encodes it a second time (the
 * path on the wire is already encoded once, so `%20` is signed as `%2520`); S3 signs the
 * object key exactly as it is, encoded once (`my-object//example//photo.user` stays so).
 */
import { canonicalQueryComponent, canonicalS3Path, uriEncode } from './encoding';
import type { HttpRequest } from './http';

/** How a service canonicalizes the path. */
export interface PathRules {
  /** Remove `.`, `..` and empty segments (every service but S3). */
  readonly normalizePath: boolean;
  /** Encode the path as written once more, `%` included (every service but S3). */
  readonly doubleEncodePath: boolean;
}

/** The SigV4 algorithm name. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The last element of every credential scope. */
export const TERMINATOR = 'aws4_request';

/**
 * Removes dot segments and empty segments from a path, keeping a trailing `/`:
 * `//example//` → `/example/`, `/example1/example2/../..` → `/`, `/./` → `/`.
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const trailing = out.length > 0 && path.endsWith('/');
  return '/' + out.join('/') + (trailing ? '/' : '');
}

/** The canonical URI of a path as written on the request line. */
export function canonicalUri(path: string, rules: PathRules): string {
  let p = path === '' ? '/' : path;
  if (rules.normalizePath) p = normalizePath(p);
  return rules.doubleEncodePath ? uriEncode(p, true) : canonicalS3Path(p);
}

/** One query parameter as written: name and value still escaped; `value` is `''` for `?flag`. */
export interface RawQueryParam {
  readonly name: string;
  readonly value: string;
}

/** Splits a query as written into its parameters (empty pieces of `a=1&&b=2` are skipped). */
export function splitQuery(query: string | undefined): RawQueryParam[] {
  if (query === undefined || query === '') return [];
  const params: RawQueryParam[] = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    params.push(eq < 0 ? { name: piece, value: '' } : { name: piece.slice(0, eq), value: piece.slice(eq + 1) });
  }
  return params;
}

/**
 * The canonical query string: each name and value decoded and re-encoded the SigV4
 * way, sorted by name then value, joined with `&`. `skip` leaves parameters out (the
 * presigned URL's own `X-Amz-Signature`).
 */
export function canonicalQueryString(params: readonly RawQueryParam[], skip?: (rawName: string) => boolean): string {
  const encoded: [string, string][] = [];
  for (const p of params) {
    if (skip?.(p.name)) continue;
    encoded.push([canonicalQueryComponent(p.name), canonicalQueryComponent(p.value)]);
  }
  encoded.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    const [n, v] = encoded[i]!;
    out += (i === 0 ? '' : '&') + n + '=' + v;
  }
  return out;
}

/** A header value trimmed, with every run of spaces and tabs made one space. */
export function canonicalHeaderValue(value: string): string {
  return value.replace(/[ \t]+/g, ' ').trim();
}

/**
 * The canonical headers block for the signed header names (lower case, in the order
 * given): `name:value\n` per header, values of repeated headers joined with `,` in
 * request order. A signed header missing from the request contributes an empty value
 * (and so, unless the signer did the same, a different signature).
 */
export function canonicalHeaders(request: HttpRequest, signedNames: readonly string[]): string {
  let out = '';
  for (const name of signedNames) {
    let value: string | undefined;
    for (const h of request.headers) {
      if (h.lowerName !== name) continue;
      const v = canonicalHeaderValue(h.value);
      value = value === undefined ? v : value + ',' + v;
    }
    if (value === undefined && name === 'host' && request.authority !== undefined) value = request.authority;
    out += name + ':' + (value ?? '') + '\n';
  }
  return out;
}

/** The parts a canonical request is made of. */
export interface CanonicalParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  /** The canonical headers block, each line ending with `\n`. */
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly payloadHash: string;
}

/** Joins the parts into the canonical request. */
export function canonicalRequest(p: CanonicalParts): string {
  return `${p.method}\n${p.canonicalUri}\n${p.canonicalQuery}\n${p.canonicalHeaders}\n${p.signedHeaders}\n${p.payloadHash}`;
}

/** `date/region/service/aws4_request`. */
export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/${TERMINATOR}`;
}

/** The string to sign: algorithm, request time, credential scope, hash of the canonical request. */
export function stringToSign(amzDate: string, scope: string, canonicalRequestHash: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${canonicalRequestHash}`;
}

/** `20150830T123600Z` for a date. */
export function amzDate(time: Date): string {
  return time.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Parses SigV4's ISO 8601 basic format `YYYYMMDDTHHMMSSZ` strictly (real calendar
 * dates, no offsets); `undefined` when it is not one.
 */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const time = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (time.getUTCDate() !== d || time.getUTCMonth() !== mo - 1) return undefined; // 20150231
  return time;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses an RFC 7231 IMF-fixdate (`Sun, 30 Aug 2015 12:36:00 GMT`), for the `Date` header. */
export function parseHttpDate(text: string): Date | undefined {
  const m = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!);
  if (month < 0) return undefined;
  const basic = `${m[3]}${String(month + 1).padStart(2, '0')}${m[1]}T${m[4]}${m[5]}${m[6]}Z`;
  return parseAmzDate(basic);
}
