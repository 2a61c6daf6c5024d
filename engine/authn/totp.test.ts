import { describe, expect, it } from 'vitest';
import { utf8 } from './encoding';
import { base32Decode, base32Encode, hotp, totpCode, verifyTotp, verifyTotpCode } from './totp';

// RFC 4226 Appendix D and RFC 6238 Appendix B use the ASCII secret "12345678901234567890".
const SECRET = utf8('12345678901234567890');
const SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // its base32 form

describe('RFC 4226 HOTP test vectors (Appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, count) => [count, code] as const))('count %i → %s', async (count, code) => {
    expect(await hotp(SECRET, count)).toBe(code);
  });
});

describe('RFC 6238 TOTP test vectors, SHA-1 (Appendix B)', () => {
  const vectors: [seconds: number, eightDigits: string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('T = %i s → %s (8 digits)', async (seconds, code) => {
    const r = await totpCode(SEED, new Date(seconds * 1000), { digits: 8 });
    expect(r).toMatchObject({ ok: true, code });
  });
  it.each(vectors)('T = %i s → the last 6 digits with IAM’s 6-digit codes', async (seconds, code) => {
    const r = await totpCode(SEED, new Date(seconds * 1000));
    expect(r).toMatchObject({ ok: true, code: code.slice(2) });
  });
});

describe('an IAM virtual MFA device', () => {
  const at = new Date(1111111111 * 1000); // step 37037037, code 050471

  it('shows the current code and when it changes', async () => {
    const r = await totpCode(SEED, at);
    expect(r).toEqual({ ok: true, code: '050471', step: 37037037, validUntil: new Date(37037038 * 30 * 1000) });
  });

  it('accepts the current code and the codes of the steps just before and after (±30 s)', async () => {
    for (const offset of [-1, 0, 1]) {
      const shown = await totpCode(SEED, new Date(at.getTime() + offset * 30_000));
      if (!shown.ok) throw new Error(shown.message);
      expect(await verifyTotp(SEED, shown.code, at)).toMatchObject({ ok: true, offset });
      expect(await verifyTotpCode(SEED, shown.code, at)).toBe(true);
    }
  });

  it('refuses codes two steps away', async () => {
    for (const offset of [-2, 2]) {
      const shown = await totpCode(SEED, new Date(at.getTime() + offset * 30_000));
      if (!shown.ok) throw new Error(shown.message);
      expect(await verifyTotp(SEED, shown.code, at)).toMatchObject({ ok: false, reason: 'wrongCode' });
    }
  });

  it('window 0 accepts only the current step', async () => {
    const previous = await totpCode(SEED, new Date(at.getTime() - 30_000));
    if (!previous.ok) throw new Error(previous.message);
    expect((await verifyTotp(SEED, previous.code, at, { window: 0 })).ok).toBe(false);
  });

  it.each([
    ['not six digits', '12345'],
    ['letters', '12a456'],
    ['empty', ''],
    ['not a string', 123456 as unknown as string],
  ])('a malformed code (%s) is refused, not thrown', async (_what, code) => {
    expect(await verifyTotp(SEED, code, at)).toMatchObject({ ok: false, reason: 'malformedCode' });
  });

  it.each([
    ['empty', ''],
    ['not base32 (1, 8, 9 are not in the alphabet)', 'ABC18'],
    ['an impossible length', 'A'],
    ['not a string', undefined as unknown as string],
  ])('an invalid seed (%s) is refused, not thrown', async (_what, seed) => {
    expect(await totpCode(seed, at)).toMatchObject({ ok: false });
    expect(await verifyTotp(seed, '123456', at)).toMatchObject({ ok: false, reason: 'invalidSeed' });
  });

  it('an invalid time is refused', async () => {
    expect((await totpCode(SEED, new Date('nope'))).ok).toBe(false);
  });
});

describe('base32 (RFC 4648)', () => {
  it('RFC 4648 §10 vectors', () => {
    const vectors: [string, string][] = [
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(utf8(plain))).toBe(encoded);
      expect(base32Decode(encoded)).toEqual(utf8(plain));
      expect(base32Decode(`${encoded.toLowerCase()}======`.slice(0, 8 * Math.ceil(encoded.length / 8)))).toEqual(utf8(plain));
    }
  });

  it('spaces and dashes in a typed seed are ignored', () => {
    expect(base32Decode('GEZD GNBV-GY3T QOJQ GEZD GNBV GY3T QOJQ')).toEqual(SECRET);
  });
});
