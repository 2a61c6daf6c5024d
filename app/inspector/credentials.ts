/**
 * New credentials for the builder: an access key pair and a virtual MFA device's seed,
 * drawn from `crypto.getRandomValues` (edits are deterministic: the random parts are made
 * here and handed to the edit). Shapes follow AWS: an access key ID such as
 * `AKIAIOSFODNN7EXAMPLE` (AKIA + 16, 20 characters; AKIA marks a long-term key), a
 * 40-character secret such as `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, a base32 TOTP
 * seed (RFC 6238) that an authenticator app reads.
 */
import { base32Encode } from '../../engine/authn/totp';

/** Fills `n` random bytes; tests pass their own. */
export type RandomBytes = (n: number) => Uint8Array;

export const cryptoRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

// Real key IDs use base32's letters and digits after the prefix, a subset of [A-Z0-9].
const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `count` characters of `alphabet`, each uniform. */
function randomText(alphabet: string, count: number, random: RandomBytes): string {
  // INVARIANT: the alphabet has 32 or 64 characters, which divide 256: `byte % length` favours none.
  let out = '';
  for (const byte of random(count)) out += alphabet[byte % alphabet.length];
  return out;
}

export const ACCESS_KEY_ID_PREFIX = 'AKIA';

/** A long-term access key ID: `AKIA` and 16 more characters. */
export function newAccessKeyId(random: RandomBytes = cryptoRandom): string {
  return ACCESS_KEY_ID_PREFIX + randomText(KEY_ID_ALPHABET, 16, random);
}

/** A secret access key: 40 characters of the base64 alphabet (30 random bytes' worth). */
export function newSecretAccessKey(random: RandomBytes = cryptoRandom): string {
  return randomText(BASE64_ALPHABET, 40, random);
}

/** A TOTP seed of 160 bits (RFC 4226's recommended key length), base32 without padding. */
export function newMfaSeed(random: RandomBytes = cryptoRandom): string {
  return base32Encode(random(20));
}

/** The serial number (ARN) of a virtual MFA device. */
export function mfaSerial(account: string, deviceName: string): string {
  return `arn:aws:iam::${account}:mfa/${deviceName}`;
}
