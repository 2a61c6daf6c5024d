/**
 * The hashing of Signature Version 4, with caches so that verifying a request costs as
 * few WebCrypto calls as possible:
 *
 * - the signing key (four chained HMACs from the secret, the date, the region and the
 *   service) is derived with WebCrypto once per secret/date/region/service and cached;
 * - per request, two hashes remain: SHA-256 of the canonical request and the HMAC of the
 *   string to sign (plus SHA-256 of a non-empty body). In the default `inline` mode they
 *   run synchronously (`sha256.ts`): zero WebCrypto calls per request, which is what lets
 *   one core verify well over 20,000 requests/s. In `webcrypto` mode they are two (three
 *   with a body) WebCrypto calls, and a request verified before costs none (hashes and
 *   signatures are remembered).
 * - bodies over 64 KiB are always hashed by WebCrypto (native speed beats the round trip).
 *
 * INVARIANT: every cache is bounded (least recently used entries go first), so a long
 * session or a benchmark cannot grow memory without limit.
 */
import { toHex, utf8 } from './encoding';
import { hmacKey, hmacSha256HexOfText, sha256HexOfText, type HmacSha256Key } from './sha256';

/** SHA-256 of the empty string, in hex: the payload hash of a request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A map that forgets its least recently used entries beyond `capacity`. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * An imported HMAC key: `CryptoKey` where the DOM types are loaded, opaque in the engine
 * (see `engine/crypto.d.ts`). Written so the file type-checks under both.
 */
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** The bytes as an `ArrayBuffer` (what every WebCrypto typing accepts). */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

/** A derived signing key (kSigning), ready for both hashing modes. */
export interface SigningKey {
  /** `date/region/service`: the credential scope without its terminator. */
  readonly scope: string;
  /** kSigning itself. */
  readonly raw: Uint8Array;
  /** kSigning prepared for the synchronous HMAC. */
  readonly inline: HmacSha256Key;
  /** kSigning imported into WebCrypto, on first use in `webcrypto` mode. */
  webKey?: Promise<HmacKey>;
  /** Remembered signatures (`webcrypto` mode), by string to sign. */
  readonly signatures: Lru<string>;
}

/** How the per-request hashes are computed: synchronously (default) or with WebCrypto. */
export type SigV4Hashing = 'inline' | 'webcrypto';
let hashing: SigV4Hashing = 'inline';

/** Chooses how the per-request hashes are computed (the results are identical). */
export function setSigV4Hashing(mode: SigV4Hashing): void {
  hashing = mode;
}

/** The current hashing mode. */
export function sigV4Hashing(): SigV4Hashing {
  return hashing;
}

// First in, first out (no reordering on a hit): a hit must be as cheap as a Map lookup.
const signingKeys = new Map<string, Promise<SigningKey>>();
const SIGNING_KEYS_MAX = 256;
const hashes = new Lru<string>(2048);
/** Texts up to this length are hashed inline (and remembered in `webcrypto` mode). */
const INLINE_MAX_CHARS = 65_536;

let webCryptoCalls = 0;

/** How many WebCrypto calls this module has made (for tests and the benchmark). */
export function webCryptoCallCount(): number {
  return webCryptoCalls;
}

/** Forgets every cached key, hash and signature (tests and benchmarks). */
export function clearSigV4Caches(): void {
  signingKeys.clear();
  hashes.clear();
}

async function importHmacKey(raw: Uint8Array): Promise<HmacKey> {
  webCryptoCalls++;
  return crypto.subtle.importKey('raw', bufferOf(raw), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function hmac(key: HmacKey, data: string): Promise<Uint8Array> {
  webCryptoCalls++;
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, bufferOf(utf8(data))));
}

/** Lower-case hex SHA-256 of the UTF-8 form of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  if (text === '') return EMPTY_SHA256;
  if (hashing === 'inline' && text.length <= INLINE_MAX_CHARS) return sha256HexOfText(text);
  const memo = text.length <= INLINE_MAX_CHARS;
  if (memo) {
    const known = hashes.get(text);
    if (known !== undefined) return known;
  }
  webCryptoCalls++;
  const hex = toHex(await crypto.subtle.digest('SHA-256', bufferOf(utf8(text))));
  if (memo) hashes.set(text, hex);
  return hex;
}

async function deriveSigningKey(secret: string, date: string, region: string, service: string): Promise<SigningKey> {
  let raw = utf8('AWS4' + secret);
  for (const part of [date, region, service, 'aws4_request']) {
    raw = await hmac(await importHmacKey(raw), part);
  }
  return { scope: `${date}/${region}/${service}`, raw, inline: hmacKey(raw), signatures: new Lru<string>(128) };
}

/**
 * The signing key for a secret and a credential scope, derived once and then cached.
 * Concurrent callers share one derivation.
 */
export function signingKeyFor(secret: string, date: string, region: string, service: string): Promise<SigningKey> {
  // INVARIANT: no two (secret, date, region, service) tuples share a cache key: the
  // secret is prefixed with its length, and the scope parts come from a credential split
  // on '/', so they contain no '/'.
  const cacheKey = `${secret.length}:${secret}/${date}/${region}/${service}`;
  let entry = signingKeys.get(cacheKey);
  if (!entry) {
    const derived = deriveSigningKey(secret, date, region, service);
    entry = derived;
    if (signingKeys.size >= SIGNING_KEYS_MAX) signingKeys.delete(signingKeys.keys().next().value!);
    signingKeys.set(cacheKey, derived);
    // A failed derivation must not stay cached.
    derived.catch(() => signingKeys.delete(cacheKey));
  }
  return entry;
}

/** The hex signature of `stringToSign` with a signing key. */
export async function signString(key: SigningKey, stringToSign: string): Promise<string> {
  if (hashing === 'inline') return hmacSha256HexOfText(key.inline, stringToSign);
  const known = key.signatures.get(stringToSign);
  if (known !== undefined) return known;
  key.webKey ??= importHmacKey(key.raw);
  const signature = toHex(await hmac(await key.webKey, stringToSign));
  key.signatures.set(stringToSign, signature);
  return signature;
}

/** HMAC-SHA-1 for TOTP (RFC 4226), with WebCrypto. */
export async function hmacSha1(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  webCryptoCalls++;
  const imported = await crypto.subtle.importKey('raw', bufferOf(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  webCryptoCalls++;
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, bufferOf(data)));
}
