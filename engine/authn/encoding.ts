/**
 * Byte-level helpers for Signature Version 4: UTF-8, hexadecimal and the URI encoding
 * SigV4 prescribes (RFC 3986 unreserved characters pass, every other byte becomes `%XY`
 * with upper-case hex).
 *
 * Everything here is total: lone surrogates become U+FFFD (as `TextEncoder` does), a
 * malformed `%` escape is kept as a literal `%`. Nothing throws, unlike the platform's
 * `encodeURIComponent` / `decodeURIComponent`.
 */

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** The UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD (EF BF BD). */
export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8 bytes; malformed sequences become U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

const HEX = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

/** Lower-case hex of a byte array or an `ArrayBuffer`. */
export function toHex(data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
}

/** True for RFC 3986 unreserved characters: `A-Z a-z 0-9 - _ . ~`. */
function isUnreservedCode(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x7e // ~
  );
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

function encodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (isUnreservedCode(b) || (keepSlash && b === 0x2f)) out += String.fromCharCode(b);
    else out += '%' + HEX_UPPER[b >> 4]! + HEX_UPPER[b & 15]!;
  }
  return out;
}

/**
 * SigV4's `UriEncode`: every byte of the UTF-8 form of `text` that is not unreserved
 * becomes `%XY`; `/` is kept when `keepSlash` (paths) and encoded otherwise (query
 * names and values). A `%` in `text` is encoded too (`%25`): this is the second
 * encoding of a path that non-S3 services sign.
 */
export function uriEncode(text: string, keepSlash: boolean): string {
  // Fast path: most names and values are already plain.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isUnreservedCode(c) && !(keepSlash && c === 0x2f)) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  return encodeBytes(utf8(text), keepSlash);
}

/**
 * Decodes `%XY` escapes into bytes; every other character contributes its UTF-8 bytes.
 * An invalid escape (`%zz`, a `%` at the end) is kept literally. `+` stays `+`: SigV4
 * signs the query exactly, it is not form decoding.
 */
export function percentDecodeBytes(text: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && i + 2 < text.length) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out.push((hi << 4) | lo);
        i += 3;
        continue;
      }
    }
    if (c < 0x80) {
      out.push(c);
      i++;
      continue;
    }
    // A run of non-ASCII characters: encode it as a whole so surrogate pairs stay paired.
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= 0x80) j++;
    const bytes = utf8(text.slice(i, j));
    for (let k = 0; k < bytes.length; k++) out.push(bytes[k]!);
    i = j;
  }
  return Uint8Array.from(out);
}

/** The first `%` escape of `text` not followed by two hex digits, if any. */
export function invalidPercentEscape(text: string): string | undefined {
  let i = text.indexOf('%');
  while (i >= 0) {
    if (i + 2 >= text.length) return text.slice(i);
    const hi = hexValue(text.charCodeAt(i + 1));
    const lo = hexValue(text.charCodeAt(i + 2));
    if (hi < 0 || lo < 0) return text.slice(i, i + 3);
    i = text.indexOf('%', i + 3);
  }
  return undefined;
}

/**
 * Canonical form of one query name or value: decode what the client escaped, then
 * encode it the SigV4 way. `a%2fb`, `a/b` and `a%2Fb` all become `a%2Fb`.
 */
export function canonicalQueryComponent(raw: string): string {
  // Fast path: nothing escaped and nothing to escape.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    if (!isUnreservedCode(raw.charCodeAt(i))) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  return encodeBytes(percentDecodeBytes(raw), false);
}

/** Canonical form of an S3 path: decode the escapes, encode once, keep `/`. */
export function canonicalS3Path(raw: string): string {
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isUnreservedCode(c) && c !== 0x2f) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  return encodeBytes(percentDecodeBytes(raw), true);
}

/** Decodes a query name or value to text (escapes decoded as UTF-8; `+` kept). */
export function percentDecode(raw: string): string {
  if (raw.indexOf('%') < 0) return raw;
  return fromUtf8(percentDecodeBytes(raw));
}

/** Compares two strings in time independent of where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
