import { describe, expect, it } from 'vitest';
import { CONSOLE_SIGN_IN_FAILED, signInToConsole, type ConsoleCredentials } from './console';
import { totpCode } from './totp';

const NOW = new Date('2026-03-01T12:00:00Z');
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SERIAL = 'arn:aws:iam::111122223333:mfa/alice';
const ALICE = 'arn:aws:iam::111122223333:user/alice';

const withMfa: ConsoleCredentials = { arn: ALICE, password: 'pw-1', mfaDevices: [{ serial: SERIAL, seed: SEED }] };
const withoutMfa: ConsoleCredentials = { arn: ALICE, password: 'pw-1', mfaDevices: [] };

async function code(seed: string, at: Date): Promise<string> {
  const r = await totpCode(seed, at);
  if (!r.ok) throw new Error(r.message);
  return r.code;
}

describe('console sign-in (signInToConsole)', () => {
  it('a user without a console password cannot sign in, whatever password is typed', async () => {
    const r = await signInToConsole({ ...withoutMfa, password: undefined }, { password: 'pw-1' }, NOW);
    expect(r).toMatchObject({ ok: false, errorCode: CONSOLE_SIGN_IN_FAILED, signInFailed: true });
    expect(r.steps).toEqual([{ step: 'authnPassword', outcome: 'fail', params: { principal: ALICE, consolePassword: false } }]);
    if (!r.ok) expect(r.message).toContain('Your authentication information is incorrect. Please try again.');
  });

  it('the password must match exactly (case-sensitive); a missing one fails', async () => {
    expect((await signInToConsole(withoutMfa, { password: 'PW-1' }, NOW)).ok).toBe(false);
    expect((await signInToConsole(withoutMfa, { password: 'pw-1 ' }, NOW)).ok).toBe(false);
    expect((await signInToConsole(withoutMfa, {}, NOW)).ok).toBe(false);
    expect((await signInToConsole(withoutMfa, { password: 'pw-1' }, NOW)).ok).toBe(true);
  });

  it('without an MFA device: no code is asked, the session has no MFA; a code given anyway is not used', async () => {
    const r = await signInToConsole(withoutMfa, { password: 'pw-1', mfaCode: '123456' }, NOW);
    expect(r).toMatchObject({ ok: true, mfa: false, signedInAt: NOW });
    expect(r.steps.map((s) => [s.step, s.outcome])).toEqual([['authnPassword', 'pass'], ['authnMfa', 'info'], ['authnConsoleSession', 'pass']]);
    expect(r.steps[1]!.params).toMatchObject({ mfaDevice: false, codeIgnored: true });
  });

  it('with an MFA device the code is required and must be the TOTP of the sign-in time (±1 step)', async () => {
    expect(await signInToConsole(withMfa, { password: 'pw-1' }, NOW)).toMatchObject({ ok: false, errorCode: CONSOLE_SIGN_IN_FAILED });
    for (const offset of [-30, 0, 30]) {
      const r = await signInToConsole(withMfa, { password: 'pw-1', mfaCode: await code(SEED, new Date(NOW.getTime() + offset * 1000)) }, NOW);
      expect(r, `offset ${offset}s`).toMatchObject({ ok: true, mfa: true, mfaSerial: SERIAL });
    }
    for (const offset of [-60, 60]) {
      const r = await signInToConsole(withMfa, { password: 'pw-1', mfaCode: await code(SEED, new Date(NOW.getTime() + offset * 1000)) }, NOW);
      expect(r.ok, `offset ${offset}s`).toBe(false);
    }
    expect((await signInToConsole(withMfa, { password: 'pw-1', mfaCode: await code(OTHER_SEED, NOW) }, NOW)).ok).toBe(false);
  });

  it('a malformed code fails the sign-in (an MFA code is six digits)', async () => {
    const r = await signInToConsole(withMfa, { password: 'pw-1', mfaCode: '12345' }, NOW);
    expect(r).toMatchObject({ ok: false, errorCode: CONSOLE_SIGN_IN_FAILED });
    expect(r.steps.at(-1)).toMatchObject({ step: 'authnMfa', outcome: 'fail', params: { wellFormed: false } });
  });

  it('the password is checked before the MFA code: a wrong password stops at the first step', async () => {
    const r = await signInToConsole(withMfa, { password: 'nope', mfaCode: await code(SEED, NOW) }, NOW);
    expect(r.steps.map((s) => s.step)).toEqual(['authnPassword']);
  });

  it('with several devices, a code of any of them signs in; mfaSerial picks one', async () => {
    const two: ConsoleCredentials = { ...withMfa, mfaDevices: [{ serial: SERIAL, seed: SEED }, { serial: `${SERIAL}-2`, seed: OTHER_SEED }] };
    const second = await code(OTHER_SEED, NOW);
    expect(await signInToConsole(two, { password: 'pw-1', mfaCode: second }, NOW)).toMatchObject({ ok: true, mfaSerial: `${SERIAL}-2` });
    expect((await signInToConsole(two, { password: 'pw-1', mfaCode: second, mfaSerial: SERIAL }, NOW)).ok).toBe(false);
    expect((await signInToConsole(two, { password: 'pw-1', mfaCode: second, mfaSerial: 'arn:aws:iam::111122223333:mfa/bob' }, NOW)).ok).toBe(false);
  });

  it('"mfa": true without a seed: a well-formed code is taken, the session has MFA', async () => {
    const seedless: ConsoleCredentials = { arn: ALICE, password: 'pw-1', mfaDevices: [], mfaWithoutSeed: true };
    expect(await signInToConsole(seedless, { password: 'pw-1', mfaCode: '000000' }, NOW)).toMatchObject({ ok: true, mfa: true });
    expect((await signInToConsole(seedless, { password: 'pw-1' }, NOW)).ok).toBe(false);
  });

  it('signedInAt: the code is checked at the sign-in time, the session issued then', async () => {
    const at = new Date('2026-03-01T11:30:00Z');
    const r = await signInToConsole(withMfa, { password: 'pw-1', mfaCode: await code(SEED, at), signedInAt: at.toISOString() }, NOW);
    expect(r).toMatchObject({ ok: true, mfa: true, signedInAt: at, expiresAt: new Date('2026-03-01T23:30:00Z') });
    expect((await signInToConsole(withMfa, { password: 'pw-1', mfaCode: await code(SEED, NOW), signedInAt: at.toISOString() }, NOW)).ok).toBe(false);
  });

  it('a console session lasts 12 hours: later, the request is refused as an expired token (in the service\'s words)', async () => {
    const at = '2026-02-28T23:59:59Z';
    const s3 = await signInToConsole(withoutMfa, { password: 'pw-1', signedInAt: at }, NOW, 's3');
    expect(s3).toMatchObject({ ok: false, errorCode: 'ExpiredToken', httpStatus: 400, signInFailed: false });
    const dynamo = await signInToConsole(withoutMfa, { password: 'pw-1', signedInAt: at }, NOW, 'dynamodb');
    expect(dynamo).toMatchObject({ ok: false, errorCode: 'ExpiredTokenException' });
    expect((await signInToConsole(withoutMfa, { password: 'pw-1', signedInAt: '2026-03-01T00:00:01Z' }, NOW)).ok).toBe(true);
  });

  it('a sign-in time after now, or not a date, fails the sign-in', async () => {
    expect((await signInToConsole(withoutMfa, { password: 'pw-1', signedInAt: '2026-03-01T12:00:01Z' }, NOW)).ok).toBe(false);
    expect((await signInToConsole(withoutMfa, { password: 'pw-1', signedInAt: 'yesterday' }, NOW)).ok).toBe(false);
  });
});
