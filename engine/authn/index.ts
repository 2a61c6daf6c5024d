/**
 * Authentication: raw HTTP requests, AWS Signature Version 4 (sign, presign, verify),
 * AWS's authentication errors, and virtual MFA (TOTP).
 */
export * from './http';
export * from './canonical';
export * from './authinfo';
export * from './sigv4';
export * from './errors';
export * from './authenticate';
export * from './totp';
export { hmacKey, hmacSha256, hmacSha256HexOfText, sha256, sha256HexOfText, type HmacSha256Key } from './sha256';
export {
  EMPTY_SHA256,
  clearSigV4Caches,
  setSigV4Hashing,
  sha256Hex,
  sigV4Hashing,
  type SigV4Hashing,
  webCryptoCallCount,
} from './digest';
