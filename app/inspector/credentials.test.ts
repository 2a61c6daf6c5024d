import { describe, expect, it } from 'vitest';
import { base32Decode } from '../../engine/authn/totp';
import { mfaSerial, newAccessKeyId, newMfaSeed, newSecretAccessKey, type RandomBytes } from './credentials';

/** Bytes 0, 1, 2, … so every draw is predictable. */
function counting(): RandomBytes {
  let next = 0;
  return (n) => Uint8Array.from({ length: n }, () => next++ % 256);
}

describe('access keys (IAM: an access key ID beginning with AKIA is a long-term credential)', () => {
  it('an access key ID is AKIA and 16 characters, 20 in all, of [A-Z0-9] (as AKIAIOSFODNN7EXAMPLE)', () => {
    for (let i = 0; i < 200; i++) expect(newAccessKeyId()).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(newAccessKeyId(counting())).toBe('AKIAABCDEFGHIJKLMNOP');
  });

  it('a secret access key is 40 characters (as wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)', () => {
    for (let i = 0; i < 200; i++) expect(newSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
  });

  it('every character of the alphabet can be drawn, the last one from the byte 255', () => {
    const ones: RandomBytes = (n) => new Uint8Array(n).fill(255);
    expect(newAccessKeyId(ones)).toBe('AKIA7777777777777777');
    expect(newSecretAccessKey(ones)).toBe('/'.repeat(40));
  });

  it('two keys are different', () => {
    expect(newAccessKeyId()).not.toBe(newAccessKeyId());
    expect(newSecretAccessKey()).not.toBe(newSecretAccessKey());
  });
});

describe('virtual MFA devices (RFC 6238 TOTP with a base32 seed)', () => {
  it('a seed is base32 (A–Z, 2–7) of 160 random bits, as RFC 4226 recommends', () => {
    const seed = newMfaSeed();
    expect(seed).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(seed)?.length).toBe(20);
  });

  it("a virtual MFA device's serial number is its ARN, arn:aws:iam::ACCOUNT:mfa/NAME", () => {
    expect(mfaSerial('111111111111', 'alice-phone')).toBe('arn:aws:iam::111111111111:mfa/alice-phone');
  });
});
