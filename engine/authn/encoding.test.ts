import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePath, parseAmzDate, parseHttpDate } from './canonical';
import { canonicalQueryComponent, canonicalS3Path, constantTimeEqual, invalidPercentEscape, percentDecode, toHex, uriEncode } from './encoding';

describe('SigV4 UriEncode', () => {
  it('leaves the unreserved characters A-Z a-z 0-9 - _ . ~ alone', () => {
    const unreserved = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    expect(uriEncode(unreserved, false)).toBe(unreserved);
  });

  it('encodes every other byte of the UTF-8 form as %XY with upper-case hex', () => {
    expect(uriEncode('ሴ', false)).toBe('%E1%88%B4');
    expect(uriEncode('a b+c=d&e', false)).toBe('a%20b%2Bc%3Dd%26e');
    expect(uriEncode('%', false)).toBe('%25');
  });

  it('keeps / in paths and encodes it in query components', () => {
    expect(uriEncode('/a b/c', true)).toBe('/a%20b/c');
    expect(uriEncode('a/b', false)).toBe('a%2Fb');
  });

  it('a lone surrogate becomes U+FFFD instead of throwing (unlike encodeURIComponent)', () => {
    expect(uriEncode('\ud800', false)).toBe('%EF%BF%BD');
  });
});

describe('canonical query components: decode what the client escaped, encode the SigV4 way', () => {
  it.each([
    ['a%2fb', 'a%2Fb'],
    ['a/b', 'a%2Fb'],
    ['%E1%88%B4', '%E1%88%B4'],
    ['ሴ', '%E1%88%B4'],
    ['a+b', 'a%2Bb'],
    ['100%', '100%25'],
    ['%zz', '%25zz'],
    ['AQoDYXdzEPT//////////wEXAMPLE==', 'AQoDYXdzEPT%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEXAMPLE%3D%3D'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalQueryComponent(raw)).toBe(expected);
  });

  it('S3 paths are decoded and encoded once, slashes kept', () => {
    expect(canonicalS3Path('/my key/ሴ')).toBe('/my%20key/%E1%88%B4');
    expect(canonicalS3Path('/a%20b')).toBe('/a%20b');
    expect(canonicalS3Path('/a%2fb')).toBe('/a/b');
  });

  it('decoding is total (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff })).map((c) => String.fromCharCode(...c)), (s) => {
        expect(typeof percentDecode(s)).toBe('string');
        expect(canonicalQueryComponent(s)).toMatch(/^[A-Za-z0-9\-._~%]*$/);
      }),
    );
  });

  it('finds malformed escapes', () => {
    expect(invalidPercentEscape('a=%41&b=%zz')).toBe('%zz');
    expect(invalidPercentEscape('a=%4')).toBe('%4');
    expect(invalidPercentEscape('a=%41')).toBeUndefined();
  });
});

describe('path normalization (every service but S3): RFC 3986 dot segments and empty segments', () => {
  it.each([
    ['/', '/'],
    ['//', '/'],
    ['/./', '/'],
    ['/example/..', '/'],
    ['/example1/example2/../..', '/'],
    ['//example//', '/example/'],
    ['/./example', '/example'],
    ['/a/b/../c/./d/', '/a/c/d/'],
    ['/../../a', '/a'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePath(raw)).toBe(expected);
  });
});

describe('dates', () => {
  it('X-Amz-Date is ISO 8601 basic format, a real UTC calendar time', () => {
    expect(parseAmzDate('20150830T123600Z')?.toISOString()).toBe('2015-08-30T12:36:00.000Z');
    for (const bad of ['2015-08-30T12:36:00Z', '20150830T123600', '20150230T000000Z', '20151301T000000Z', '20150830T246000Z', '', 'garbage']) {
      expect(parseAmzDate(bad), bad).toBeUndefined();
    }
  });

  it('the Date header is an IMF-fixdate', () => {
    expect(parseHttpDate('Sun, 30 Aug 2015 12:36:00 GMT')?.toISOString()).toBe('2015-08-30T12:36:00.000Z');
    expect(parseHttpDate('30 Aug 2015 12:36:00')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('hex and constant-time comparison', () => {
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'ab')).toBe(false);
  });
});
