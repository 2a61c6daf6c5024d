/**
 * A raw HTTP/1.1 request, as a learner types it into a scenario:
 * `"GET /path?query HTTP/1.1\nHost: …\nX-Amz-Date: …\n\nbody"`.
 *
 * The parser is total: any string (empty, garbage, a megabyte of header, lone
 * surrogates) gives either a request or a `HttpParseError` naming the problem, and never
 * throws. Header order, duplicates and the exact text of each header line are kept, so a
 * signer can reproduce the request byte for byte (AWS's test suite expects that).
 */

export { parseHost, type Endpoint } from './endpoint';

/** The bounds beyond which a request is refused rather than parsed. */
export const HTTP_LIMITS = {
  /** Characters in the request line (a presigned URL with a session token fits easily). */
  maxRequestLineChars: 16_384,
  /** Characters in one header line (a folded header counts line by line). */
  maxHeaderLineChars: 8_192,
  /** Characters in the whole header section. */
  maxHeaderSectionChars: 65_536,
  /** Number of headers. */
  maxHeaders: 100,
  /** Characters in the body. */
  maxBodyChars: 16 * 1024 * 1024,
} as const;

/** One header, in the order it came. */
export interface HttpHeader {
  /** The name as written (`My-Header1`). */
  readonly name: string;
  /** The name in lower case, for case-insensitive lookups. */
  readonly lowerName: string;
  /**
   * The value without surrounding spaces and tabs; continuation lines (obsolete line
   * folding) are joined to it with a single space.
   */
  readonly value: string;
  /** The header's lines exactly as written (one, or more when folded), without line ends. */
  readonly lines: readonly string[];
}

/** A parsed request. Paths and queries are kept as written: nothing is decoded. */
export interface HttpRequest {
  readonly method: string;
  /** The request target as written: `/a b?x=1` or `https://host/a?x=1`. */
  readonly target: string;
  /** `https` or `http` when the target is an absolute URL; otherwise unknown. */
  readonly scheme?: string;
  /** The `host[:port]` of an absolute-URL target. */
  readonly authority?: string;
  /** The path as written (`/` when an absolute URL has none). */
  readonly path: string;
  /** The query as written, without the `?`; `undefined` when the target has no `?`. */
  readonly query: string | undefined;
  /** `HTTP/1.1`, or `''` when the request line had no version. */
  readonly version: string;
  readonly headers: readonly HttpHeader[];
  readonly body: string;
  /** The line ending the request used (`\r\n` when its first line ended so). */
  readonly lineEnding: '\n' | '\r\n';
}

export type HttpParseProblem =
  | 'notText'
  | 'empty'
  | 'requestLine'
  | 'method'
  | 'target'
  | 'header'
  | 'requestLineTooLong'
  | 'headerLineTooLong'
  | 'headerSectionTooLarge'
  | 'tooManyHeaders'
  | 'bodyTooLarge';

/** Why a request could not be parsed, in words a learner can act on. */
export interface HttpParseError {
  readonly problem: HttpParseProblem;
  readonly message: string;
  /** 1-based line of the raw text where the problem is, when there is one. */
  readonly line?: number;
  /** The limit that was exceeded, for the `…TooLong/Large` problems. */
  readonly limit?: number;
}

export type HttpParseResult =
  | { readonly ok: true; readonly request: HttpRequest }
  | { readonly ok: false; readonly error: HttpParseError };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VERSION = /^HTTP\/\d(\.\d)?$/i;
const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

function fail(problem: HttpParseProblem, message: string, extra?: { line?: number; limit?: number }): HttpParseResult {
  return { ok: false, error: { problem, message, ...extra } };
}

/** Shortens user input for an error message. */
function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : text.slice(0, max) + '…';
}

function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x09)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

interface TargetParts {
  scheme?: string;
  authority?: string;
  path: string;
  query: string | undefined;
}

function splitPathQuery(pathAndQuery: string): { path: string; query: string | undefined } {
  const q = pathAndQuery.indexOf('?');
  if (q < 0) return { path: pathAndQuery, query: undefined };
  return { path: pathAndQuery.slice(0, q), query: pathAndQuery.slice(q + 1) };
}

/** Splits a request target into scheme, authority, path and query, or `undefined`. */
export function parseTarget(target: string): TargetParts | undefined {
  if (target.startsWith('/')) return splitPathQuery(target);
  if (target === '*') return { path: '*', query: undefined };
  const m = ABSOLUTE_URL.exec(target);
  if (!m) return undefined;
  const rest = target.slice(m[0].length);
  let end = rest.length;
  for (const sep of ['/', '?', '#']) {
    const i = rest.indexOf(sep);
    if (i >= 0 && i < end) end = i;
  }
  const authority = rest.slice(0, end);
  if (authority === '') return undefined;
  let pathAndQuery = rest.slice(end);
  if (pathAndQuery === '' || pathAndQuery.startsWith('#')) pathAndQuery = '/';
  else if (pathAndQuery.startsWith('?')) pathAndQuery = '/' + pathAndQuery;
  return { scheme: m[1]!.toLowerCase(), authority, ...splitPathQuery(pathAndQuery) };
}

/**
 * Parses a raw HTTP/1.1 request. Lines end with `\n` or `\r\n`; blank lines before the
 * request line are skipped; the first blank line after it ends the headers and
 * everything after that is the body, kept exactly. Never throws.
 */
export function parseHttpRequest(raw: string): HttpParseResult {
  if (typeof raw !== 'string') return fail('notText', 'The request must be text.');
  let pos = 0;
  let lineNo = 0;
  const len = raw.length;

  // Reads the next line (without its line end); `undefined` at the end of the text.
  const nextLine = (): string | undefined => {
    if (pos >= len) return undefined;
    const nl = raw.indexOf('\n', pos);
    const end = nl < 0 ? len : nl;
    let line = raw.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = nl < 0 ? len : nl + 1;
    lineNo++;
    return line;
  };

  const firstNl = raw.indexOf('\n');
  const lineEnding: '\n' | '\r\n' = firstNl > 0 && raw.charCodeAt(firstNl - 1) === 0x0d ? '\r\n' : '\n';

  // The request line, after any blank lines.
  let requestLine: string | undefined;
  for (;;) {
    // Look at the length before slicing, so a huge line is refused cheaply.
    const nl = raw.indexOf('\n', pos);
    if ((nl < 0 ? len : nl) - pos > HTTP_LIMITS.maxRequestLineChars + 1) {
      return fail(
        'requestLineTooLong',
        `The request line is longer than ${HTTP_LIMITS.maxRequestLineChars} characters.`,
        { line: lineNo + 1, limit: HTTP_LIMITS.maxRequestLineChars },
      );
    }
    const line = nextLine();
    if (line === undefined) {
      return fail('empty', 'The request is empty: write a request line such as `GET / HTTP/1.1`, then the headers.');
    }
    if (trimOws(line) !== '') {
      requestLine = line;
      break;
    }
  }
  const requestLineNo = lineNo;
  if (requestLine.length > HTTP_LIMITS.maxRequestLineChars) {
    return fail('requestLineTooLong', `The request line is longer than ${HTTP_LIMITS.maxRequestLineChars} characters.`, {
      line: requestLineNo,
      limit: HTTP_LIMITS.maxRequestLineChars,
    });
  }

  const trimmedLine = trimOws(requestLine);
  const firstSpace = trimmedLine.search(/[ \t]/);
  if (firstSpace < 0) {
    return fail(
      'requestLine',
      `The request line \`${excerpt(trimmedLine)}\` needs a method and a target, e.g. \`GET /path HTTP/1.1\`.`,
      { line: requestLineNo },
    );
  }
  const method = trimmedLine.slice(0, firstSpace);
  if (!TOKEN.test(method)) {
    return fail('method', `The method \`${excerpt(method)}\` is not a valid HTTP method name.`, { line: requestLineNo });
  }
  let rest = trimOws(trimmedLine.slice(firstSpace + 1));
  let version = '';
  const lastSpace = Math.max(rest.lastIndexOf(' '), rest.lastIndexOf('\t'));
  if (lastSpace >= 0 && VERSION.test(rest.slice(lastSpace + 1))) {
    version = rest.slice(lastSpace + 1);
    rest = trimOws(rest.slice(0, lastSpace));
  } else if (VERSION.test(rest)) {
    return fail('target', 'The request line has no target: write e.g. `GET / HTTP/1.1`.', { line: requestLineNo });
  }
  const target = rest;
  const parts = target === '' ? undefined : parseTarget(target);
  if (!parts) {
    return fail(
      'target',
      `The request target \`${excerpt(target)}\` must start with \`/\` or be an absolute URL such as \`https://sts.amazonaws.com/\`.`,
      { line: requestLineNo },
    );
  }

  // Headers, up to the first blank line.
  const headers: { name: string; lowerName: string; value: string; lines: string[] }[] = [];
  let sectionChars = 0;
  let ended = false;
  for (;;) {
    const nl = raw.indexOf('\n', pos);
    const physical = (nl < 0 ? len : nl) - pos;
    if (pos < len && physical > HTTP_LIMITS.maxHeaderLineChars + 1) {
      return fail('headerLineTooLong', `Header line ${lineNo + 1} is longer than ${HTTP_LIMITS.maxHeaderLineChars} characters.`, {
        line: lineNo + 1,
        limit: HTTP_LIMITS.maxHeaderLineChars,
      });
    }
    const line = nextLine();
    if (line === undefined) break;
    if (line === '') {
      ended = true;
      break;
    }
    if (line.length > HTTP_LIMITS.maxHeaderLineChars) {
      return fail('headerLineTooLong', `Header line ${lineNo} is longer than ${HTTP_LIMITS.maxHeaderLineChars} characters.`, {
        line: lineNo,
        limit: HTTP_LIMITS.maxHeaderLineChars,
      });
    }
    sectionChars += line.length + lineEnding.length;
    if (sectionChars > HTTP_LIMITS.maxHeaderSectionChars) {
      return fail('headerSectionTooLarge', `The headers are longer than ${HTTP_LIMITS.maxHeaderSectionChars} characters in all.`, {
        line: lineNo,
        limit: HTTP_LIMITS.maxHeaderSectionChars,
      });
    }
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      // Obsolete line folding: the line continues the previous header's value.
      const previous = headers[headers.length - 1];
      if (!previous) {
        return fail('header', `Line ${lineNo} starts with a space but there is no header before it to continue.`, {
          line: lineNo,
        });
      }
      const more = trimOws(line);
      previous.value = previous.value === '' ? more : more === '' ? previous.value : previous.value + ' ' + more;
      previous.lines.push(line);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) {
      return fail('header', `Line ${lineNo} (\`${excerpt(line)}\`) is not a header: write \`Name: value\`.`, { line: lineNo });
    }
    const name = line.slice(0, colon);
    if (!TOKEN.test(name)) {
      return fail(
        'header',
        name === ''
          ? `Line ${lineNo} has no header name before the colon.`
          : `The header name \`${excerpt(name)}\` on line ${lineNo} may not contain spaces or separators.`,
        { line: lineNo },
      );
    }
    if (headers.length >= HTTP_LIMITS.maxHeaders) {
      return fail('tooManyHeaders', `The request has more than ${HTTP_LIMITS.maxHeaders} headers.`, {
        line: lineNo,
        limit: HTTP_LIMITS.maxHeaders,
      });
    }
    headers.push({ name, lowerName: name.toLowerCase(), value: trimOws(line.slice(colon + 1)), lines: [line] });
  }

  const body = ended ? raw.slice(pos) : '';
  if (body.length > HTTP_LIMITS.maxBodyChars) {
    return fail('bodyTooLarge', `The body is longer than ${HTTP_LIMITS.maxBodyChars} characters.`, {
      limit: HTTP_LIMITS.maxBodyChars,
    });
  }
  const request: HttpRequest = {
    method,
    target,
    ...(parts.scheme !== undefined ? { scheme: parts.scheme } : {}),
    ...(parts.authority !== undefined ? { authority: parts.authority } : {}),
    path: parts.path,
    query: parts.query,
    version,
    headers,
    body,
    lineEnding,
  };
  return { ok: true, request };
}

/** Every value of the header `name` (any case), in order. */
export function headerValues(request: HttpRequest, name: string): string[] {
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const h of request.headers) if (h.lowerName === lower) values.push(h.value);
  return values;
}

/** The first value of the header `name` (any case), or `undefined`. */
export function headerValue(request: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const h of request.headers) if (h.lowerName === lower) return h.value;
  return undefined;
}

/** The host the request is addressed to: the `Host` header, else the absolute URL's authority. */
export function requestHost(request: HttpRequest): string | undefined {
  return headerValue(request, 'host') ?? request.authority;
}

/** The request line: `METHOD target[ VERSION]`. */
export function requestLineOf(method: string, target: string, version: string): string {
  return version === '' ? `${method} ${target}` : `${method} ${target} ${version}`;
}

/**
 * Writes a request back as text: the request line, each header's lines as written, a
 * blank line, the body. Lines end with `\n`, as in AWS's test suite.
 */
export function serializeHttpRequest(
  requestLine: string,
  headerLines: readonly string[],
  body: string,
  lineEnding: '\n' | '\r\n' = '\n',
): string {
  let out = requestLine + lineEnding;
  for (const line of headerLines) out += line + lineEnding;
  return out + lineEnding + body;
}
