/**
 * Virtual MFA devices: RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30-second steps) from a
 * base32 seed, as IAM's virtual MFA devices and authenticator apps compute it, with
 * WebCrypto.
 *
 * AWS does not publish how many steps around the current one it accepts. RFC 6238 §5.2
 * recommends allowing "at most one time step" of network delay; like most validators
 * (and AWS Cognito, whose docs speak of a tolerance for clock drift) this accepts the
 * current step and one step either side.
 */
import { hmacSha1 } from './digest';

/** The TOTP parameters of an IAM virtual MFA device. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Decodes RFC 4648 base32 (the seed's `Base32StringSeed` form): case-insensitive,
 * spaces, dashes and `=` padding ignored. `undefined` for any other character or an
 * impossible length.
 */
export function base32Decode(text: string): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (clean === '') return undefined;
  if ([1, 3, 6].includes(clean.length % 8)) return undefined; // lengths no byte string encodes to
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= 0xff; // keep at most the pending bits
  }
  return out;
}

/** Encodes bytes as RFC 4648 base32 without padding (as AWS shows a seed). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** RFC 4226 HOTP: the `digits`-digit code of `key` for `counter`. */
export async function hotp(key: Uint8Array, counter: number, digits: number = TOTP_DIGITS): Promise<string> {
  const message = new Uint8Array(8);
  // The counter as a 64-bit big-endian integer (safe beyond 2^32).
  let high = Math.floor(counter / 2 ** 32);
  let low = counter % 2 ** 32;
  for (let i = 7; i >= 4; i--) {
    message[i] = low & 0xff;
    low = Math.floor(low / 256);
  }
  for (let i = 3; i >= 0; i--) {
    message[i] = high & 0xff;
    high = Math.floor(high / 256);
  }
  const mac = await hmacSha1(key, message);
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | ((mac[offset + 1]! & 0xff) << 16) | ((mac[offset + 2]! & 0xff) << 8) | (mac[offset + 3]! & 0xff);
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step of a moment: `floor(seconds since the epoch / 30)`. */
export function totpStep(time: Date, stepSeconds: number = TOTP_STEP_SECONDS): number {
  return Math.floor(time.getTime() / 1000 / stepSeconds);
}

export type TotpCodeResult =
  | { readonly ok: true; readonly code: string; readonly step: number; readonly validUntil: Date }
  | { readonly ok: false; readonly message: string };

export interface TotpOptions {
  readonly digits?: number;
  readonly stepSeconds?: number;
}

function invalidSeed(): { ok: false; message: string } {
  return { ok: false, message: 'The MFA seed must be a base32 string (letters A–Z and digits 2–7), as AWS gives it.' };
}

/**
 * The code a virtual MFA device with this seed shows at `time` (the app displays it to
 * the learner), with the moment it changes.
 */
export async function totpCode(seedBase32: string, time: Date, options: TotpOptions = {}): Promise<TotpCodeResult> {
  const key = base32Decode(seedBase32);
  if (!key) return invalidSeed();
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) return { ok: false, message: 'The time must be a valid date.' };
  const stepSeconds = options.stepSeconds ?? TOTP_STEP_SECONDS;
  const step = totpStep(time, stepSeconds);
  const code = await hotp(key, step, options.digits ?? TOTP_DIGITS);
  return { ok: true, code, step, validUntil: new Date((step + 1) * stepSeconds * 1000) };
}

export type TotpVerifyResult =
  | { readonly ok: true; /** Which step matched, relative to the current one (-1, 0, 1). */ readonly offset: number; readonly step: number }
  | { readonly ok: false; readonly reason: 'invalidSeed' | 'malformedCode' | 'wrongCode' | 'invalidTime'; readonly message: string };

/**
 * Checks an MFA code as AWS does: it must be the code of the current 30-second step or of
 * the step just before or after (`window` steps either side, default 1). `offset` says
 * which one matched.
 */
export async function verifyTotp(
  seedBase32: string,
  code: string,
  time: Date,
  options: TotpOptions & { readonly window?: number } = {},
): Promise<TotpVerifyResult> {
  const key = base32Decode(seedBase32);
  if (!key) return { ok: false, reason: 'invalidSeed', message: invalidSeed().message };
  const digits = options.digits ?? TOTP_DIGITS;
  if (typeof code !== 'string' || !new RegExp(`^\\d{${digits}}$`).test(code)) {
    return { ok: false, reason: 'malformedCode', message: `An MFA code is ${digits} digits; got \`${String(code)}\`.` };
  }
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
    return { ok: false, reason: 'invalidTime', message: 'The time must be a valid date.' };
  }
  const window = Math.max(0, Math.floor(options.window ?? 1));
  const current = totpStep(time, options.stepSeconds ?? TOTP_STEP_SECONDS);
  // Current step first, then the nearest neighbours.
  const offsets = [0];
  for (let d = 1; d <= window; d++) offsets.push(-d, d);
  for (const offset of offsets) {
    const step = current + offset;
    if (step < 0) continue;
    if ((await hotp(key, step, digits)) === code) return { ok: true, offset, step };
  }
  return { ok: false, reason: 'wrongCode', message: 'The MFA code is not valid for this device at this time.' };
}

/** `verifyTotp` as a yes/no answer, for callers that only need that (STS's MFA check). */
export async function verifyTotpCode(seedBase32: string, code: string, time: Date): Promise<boolean> {
  return (await verifyTotp(seedBase32, code, time)).ok;
}
