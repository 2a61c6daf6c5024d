import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValue, headerValues, HTTP_LIMITS, parseHttpRequest, requestHost, serializeHttpRequest, type HttpRequest } from './http';

function ok(raw: string): HttpRequest {
  const r = parseHttpRequest(raw);
  if (!r.ok) throw new Error(`expected a request, got ${r.error.problem}: ${r.error.message}`);
  return r.request;
}

function problem(raw: string): string {
  const r = parseHttpRequest(raw);
  return r.ok ? 'ok' : r.error.problem;
}

describe('request line (RFC 9112 §3)', () => {
  it('method, origin-form target with path and query, version', () => {
    const r = ok('GET /path/to?x=1&y HTTP/1.1\nHost: example.com\n');
    expect(r).toMatchObject({ method: 'GET', target: '/path/to?x=1&y', path: '/path/to', query: 'x=1&y', version: 'HTTP/1.1' });
  });

  it('no `?` means no query; a bare `?` is an empty query', () => {
    expect(ok('GET /a HTTP/1.1\n').query).toBeUndefined();
    expect(ok('GET /a? HTTP/1.1\n').query).toBe('');
  });

  it('a target with spaces (as in the SigV4 suite) runs up to the version', () => {
    expect(ok('GET /example space/ HTTP/1.1\nHost:h\n').path).toBe('/example space/');
  });

  it('an absolute URL gives scheme, authority, path and query', () => {
    const r = ok('GET https://sts.amazonaws.com/?Action=GetCallerIdentity HTTP/1.1\n');
    expect(r).toMatchObject({ scheme: 'https', authority: 'sts.amazonaws.com', path: '/', query: 'Action=GetCallerIdentity' });
    expect(requestHost(r)).toBe('sts.amazonaws.com');
    expect(ok('GET http://h.example:8080 HTTP/1.1\n')).toMatchObject({ scheme: 'http', authority: 'h.example:8080', path: '/' });
  });

  it('the version is optional; blank lines before the request line are skipped', () => {
    expect(ok('GET /').version).toBe('');
    expect(ok('\n\r\n  \nGET / HTTP/1.1\n').method).toBe('GET');
  });

  it.each([
    ['an empty string', '', 'empty'],
    ['only blank lines', '\n\n \r\n', 'empty'],
    ['a lone word', 'GET', 'requestLine'],
    ['a method with a separator', 'GE(T / HTTP/1.1', 'method'],
    ['a relative target', 'GET path HTTP/1.1', 'target'],
    ['no target before the version', 'GET HTTP/1.1', 'target'],
    ['an absolute URL without host', 'GET https:///x HTTP/1.1', 'target'],
  ])('refuses %s', (_what, raw, expected) => {
    expect(problem(raw)).toBe(expected);
  });
});

describe('headers (RFC 9112 §5)', () => {
  it('keep their order, their duplicates and their case; lookups ignore case', () => {
    const r = ok('GET / HTTP/1.1\nHost:h\nMy-Header1:value2\nmy-header1:value1\nX: 1\n');
    expect(r.headers.map((h) => h.name)).toEqual(['Host', 'My-Header1', 'my-header1', 'X']);
    expect(headerValues(r, 'MY-HEADER1')).toEqual(['value2', 'value1']);
    expect(headerValue(r, 'x')).toBe('1');
    expect(headerValue(r, 'absent')).toBeUndefined();
  });

  it('values lose surrounding spaces and tabs but keep inner ones', () => {
    expect(ok('GET / HTTP/1.1\nA: \t "a   b" \t\n').headers[0]!.value).toBe('"a   b"');
  });

  it('obsolete line folding joins continuation lines with a space and keeps the lines as written', () => {
    const r = ok('GET / HTTP/1.1\nMy-Header1:value1\n  value2\n     value3\nX:y\n');
    expect(r.headers[0]).toMatchObject({ value: 'value1 value2 value3', lines: ['My-Header1:value1', '  value2', '     value3'] });
    expect(r.headers[1]!.name).toBe('X');
  });

  it('CRLF line ends are accepted and remembered; the body keeps its own bytes', () => {
    const r = ok('POST / HTTP/1.1\r\nHost: h\r\n\r\nline1\r\nline2');
    expect(r.lineEnding).toBe('\r\n');
    expect(r.headers[0]!.value).toBe('h');
    expect(r.body).toBe('line1\r\nline2');
  });

  it('everything after the first blank line is the body, blank lines included', () => {
    expect(ok('POST / HTTP/1.1\nHost:h\n\n\nParam1=value1\n').body).toBe('\nParam1=value1\n');
    expect(ok('GET / HTTP/1.1\nHost:h').body).toBe('');
  });

  it.each([
    ['a line without colon', 'GET / HTTP/1.1\nnot a header\n', 'header'],
    ['a name with a space', 'GET / HTTP/1.1\nMy Header: x\n', 'header'],
    ['an empty name', 'GET / HTTP/1.1\n: x\n', 'header'],
    ['a continuation with nothing to continue', 'GET / HTTP/1.1\n  folded\n', 'header'],
  ])('refuses %s', (_what, raw, expected) => {
    expect(problem(raw)).toBe(expected);
  });
});

describe('limits: huge requests are refused with a clear error, never parsed', () => {
  const big = (n: number) => 'a'.repeat(n);

  it(`one header line up to ${HTTP_LIMITS.maxHeaderLineChars} characters is fine; one more is refused`, () => {
    const prefix = 'X: ';
    expect(problem(`GET / HTTP/1.1\n${prefix}${big(HTTP_LIMITS.maxHeaderLineChars - prefix.length)}\n`)).toBe('ok');
    const r = parseHttpRequest(`GET / HTTP/1.1\n${prefix}${big(HTTP_LIMITS.maxHeaderLineChars - prefix.length + 1)}\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ problem: 'headerLineTooLong', line: 2, limit: HTTP_LIMITS.maxHeaderLineChars });
  });

  it('a multi-megabyte header line is refused without scanning it all into a header', () => {
    expect(problem(`GET / HTTP/1.1\nX: ${big(5_000_000)}\n`)).toBe('headerLineTooLong');
  });

  it(`the header section is limited to ${HTTP_LIMITS.maxHeaderSectionChars} characters in all`, () => {
    const lines = Array.from({ length: 12 }, (_, i) => `H${i}: ${big(6000)}`).join('\n');
    expect(problem(`GET / HTTP/1.1\n${lines}\n`)).toBe('headerSectionTooLarge');
  });

  it(`at most ${HTTP_LIMITS.maxHeaders} headers`, () => {
    const headers = (n: number) => Array.from({ length: n }, (_, i) => `H${i}: v`).join('\n');
    expect(problem(`GET / HTTP/1.1\n${headers(HTTP_LIMITS.maxHeaders)}\n`)).toBe('ok');
    expect(problem(`GET / HTTP/1.1\n${headers(HTTP_LIMITS.maxHeaders + 1)}\n`)).toBe('tooManyHeaders');
  });

  it('the request line is limited too', () => {
    expect(problem(`GET /${big(HTTP_LIMITS.maxRequestLineChars)} HTTP/1.1\n`)).toBe('requestLineTooLong');
  });
});

describe('odd input never throws', () => {
  it('non-strings, NUL bytes, lone surrogates and bytes decoded as Latin-1', () => {
    expect(problem(undefined as unknown as string)).toBe('notText');
    expect(problem(42 as unknown as string)).toBe('notText');
    expect(problem('\u0000\u0001\u0002')).toBe('requestLine');
    expect(problem('GET /\ud800 HTTP/1.1\nX: \udfff\n\n\ud83d')).toBe('ok');
    expect(problem('GET /caf\u00c3\u00a9 HTTP/1.1\nX: \u00ff\u00fe\n')).toBe('ok');
  });

  it('any string gives a request or an error (property)', () => {
    const anyChars = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((codes) => String.fromCharCode(...codes));
    const httpish = fc
      .tuple(fc.constantFrom('GET', 'POST', 'X', ''), fc.string(), fc.array(fc.string(), { maxLength: 8 }), fc.string())
      .map(([m, t, hs, b]) => `${m} /${t} HTTP/1.1\n${hs.join('\n')}\n\n${b}`);
    fc.assert(
      fc.property(fc.oneof(anyChars, httpish), (raw) => {
        const r = parseHttpRequest(raw);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('serialization', () => {
  it('writes the request line, the header lines as written, a blank line and the body', () => {
    const raw = 'GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value1\n  value2\n\nbody';
    const r = ok(raw);
    const text = serializeHttpRequest('GET / HTTP/1.1', r.headers.flatMap((h) => h.lines), r.body);
    expect(text).toBe(raw);
  });
});
