import { describe, expect, it } from 'vitest';
import { verifyTotpCode } from '../../../engine/authn/totp';
import type { ScenarioJson } from '../../../engine/scenario/types';
import { consoleSignIn, worldTime } from './signIn';

const SEED = 'JBSWY3DPEHPK3PXP';
const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  now: '2026-03-01T12:00:00Z',
  accounts: [{ id: '111111111111', users: [{ name: 'erin', password: 'pw', mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/erin', seed: SEED }] }, { name: 'finn' }] }],
};

describe('the console sign-in the world makes possible', () => {
  it('uses the scenario\'s clock (`now`) when it has one, else the real time', () => {
    expect(worldTime(world).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    const real = new Date('2030-01-01T00:00:00Z');
    expect(worldTime({ ...world, now: undefined }, real)).toBe(real);
  });

  it('types the world\'s password and, with MFA, the code the device shows at the world\'s time (RFC 6238)', async () => {
    const signIn = await consoleSignIn(world, 'arn:aws:iam::111111111111:user/erin', true);
    expect(signIn).toMatchObject({ password: 'pw', mfaSerial: 'arn:aws:iam::111111111111:mfa/erin' });
    expect(await verifyTotpCode(SEED, signIn.mfaCode ?? '', new Date('2026-03-01T12:00:00Z'))).toBe(true);
    expect(await verifyTotpCode(SEED, signIn.mfaCode ?? '', new Date('2026-03-01T13:00:00Z'))).toBe(false);
  });

  it('without MFA asked, or without a password or a device in the world, types only what it knows', async () => {
    expect(await consoleSignIn(world, 'arn:aws:iam::111111111111:user/erin', false)).toEqual({ password: 'pw' });
    expect(await consoleSignIn(world, 'arn:aws:iam::111111111111:user/finn', true)).toEqual({});
  });
});
