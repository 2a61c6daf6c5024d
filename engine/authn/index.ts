/**
 * Authentication: raw HTTP requests, AWS Signature Version 4 (sign, presign, verify),
 * AWS's authentication errors, and virtual MFA (TOTP).
 */
export * from './http';
export * from './endpoint';
export * from './canonical';
export * from './authinfo';
export * from './sigv4';
export * from './errors';
export * from './authenticate';
export * from './totp';
export { EMPTY_SHA256, clearSigV4Caches, sha256Hex, webCryptoCallCount } from './digest';
