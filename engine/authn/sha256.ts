/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), synchronous, for the per-request hot
 * path of SigV4 verification.
 *
 * Why not WebCrypto here: every `crypto.subtle` call is a round trip through a promise
 * (in Node, a thread-pool job), about 40–70 µs each on one core, so the two a request
 * needs (hash of the canonical request, HMAC of the string to sign) cap verification near
 * 10,000 requests/s. These hashes are a few hundred bytes; done inline they cost a few
 * microseconds. WebCrypto still derives the signing keys and hashes large bodies, and the
 * tests check this implementation against WebCrypto byte for byte.
 *
 * An HMAC key is prepared once (`hmacKey`): the compression function has then already
 * absorbed `key ⊕ ipad` and `key ⊕ opad`, so each HMAC costs two compressions fewer.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

// INVARIANT: the functions below are synchronous and not re-entrant, so these scratch
// buffers are never shared by two computations at once.
const W = new Int32Array(64);
const TAIL = new Uint8Array(128);
const INNER_DIGEST = new Uint8Array(32);
const STATE = new Int32Array(8);
let scratch = new Uint8Array(1024);
const encoder = new TextEncoder();

/** Absorbs the 64-byte block of `p` at `off` into the state `h`. */
function compress(h: Int32Array, p: Uint8Array, off: number): void {
  const w = W;
  for (let i = 0; i < 16; i++, off += 4) w[i] = (p[off]! << 24) | (p[off + 1]! << 16) | (p[off + 2]! << 8) | p[off + 3]!;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let k = h[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (k + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}

/**
 * Absorbs `data[0, length)` into `h`, which has already absorbed `prefixLength` bytes
 * (a multiple of 64), and pads: `h` then holds the digest.
 */
function finish(h: Int32Array, prefixLength: number, data: Uint8Array, length: number): void {
  let off = 0;
  while (length - off >= 64) {
    compress(h, data, off);
    off += 64;
  }
  const rest = length - off;
  TAIL.fill(0);
  for (let i = 0; i < rest; i++) TAIL[i] = data[off + i]!;
  TAIL[rest] = 0x80;
  const end = rest + 9 > 64 ? 128 : 64;
  const bits = (prefixLength + length) * 8;
  const high = Math.floor(bits / 0x100000000);
  TAIL[end - 8] = high >>> 24;
  TAIL[end - 7] = high >>> 16;
  TAIL[end - 6] = high >>> 8;
  TAIL[end - 5] = high;
  TAIL[end - 4] = bits >>> 24;
  TAIL[end - 3] = bits >>> 16;
  TAIL[end - 2] = bits >>> 8;
  TAIL[end - 1] = bits;
  compress(h, TAIL, 0);
  if (end === 128) compress(h, TAIL, 64);
}

const HEX_BYTES: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function stateHex(h: Int32Array): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    out += HEX_BYTES[(v >>> 24) & 255]! + HEX_BYTES[(v >>> 16) & 255]! + HEX_BYTES[(v >>> 8) & 255]! + HEX_BYTES[v & 255]!;
  }
  return out;
}

function stateBytes(h: Int32Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = v >>> 16;
    out[i * 4 + 2] = v >>> 8;
    out[i * 4 + 3] = v;
  }
  return out;
}

/** The UTF-8 bytes of `text` in a reused buffer; returns their count. */
function encodeToScratch(text: string): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(Math.max(text.length * 3, scratch.length * 2));
  return encoder.encodeInto(text, scratch).written;
}

/** SHA-256 of bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const h = IV.slice();
  finish(h, 0, data, data.length);
  return stateBytes(h, new Uint8Array(32));
}

/** Lower-case hex SHA-256 of the UTF-8 form of `text` (a lone surrogate counts as U+FFFD). */
export function sha256HexOfText(text: string): string {
  const n = encodeToScratch(text);
  STATE.set(IV);
  finish(STATE, 0, scratch, n);
  return stateHex(STATE);
}

/** An HMAC-SHA-256 key with `key ⊕ ipad` and `key ⊕ opad` already absorbed. */
export interface HmacSha256Key {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

/** Prepares an HMAC-SHA-256 key (RFC 2104: keys longer than 64 bytes are hashed first). */
export function hmacKey(key: Uint8Array): HmacSha256Key {
  const k = key.length > 64 ? sha256(key) : key;
  const block = new Uint8Array(64);
  block.set(k);
  const inner = IV.slice();
  const outer = IV.slice();
  const pad = new Uint8Array(64);
  for (let i = 0; i < 64; i++) pad[i] = block[i]! ^ 0x36;
  compress(inner, pad, 0);
  for (let i = 0; i < 64; i++) pad[i] = block[i]! ^ 0x5c;
  compress(outer, pad, 0);
  return { inner, outer };
}

/** HMAC into the shared `STATE` (read it before the next hash). */
function hmacInto(key: HmacSha256Key, data: Uint8Array, length: number): Int32Array {
  STATE.set(key.inner);
  finish(STATE, 64, data, length);
  stateBytes(STATE, INNER_DIGEST);
  STATE.set(key.outer);
  finish(STATE, 64, INNER_DIGEST, 32);
  return STATE;
}

/** HMAC-SHA-256 of bytes. */
export function hmacSha256(key: HmacSha256Key, data: Uint8Array): Uint8Array {
  return stateBytes(hmacInto(key, data, data.length), new Uint8Array(32));
}

/** Lower-case hex HMAC-SHA-256 of the UTF-8 form of `text`. */
export function hmacSha256HexOfText(key: HmacSha256Key, text: string): string {
  const n = encodeToScratch(text);
  return stateHex(hmacInto(key, scratch, n));
}
