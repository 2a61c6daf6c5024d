/**
 * What a learner would type at the console's sign-in and in an MFA field, taken from the
 * world: the password it stores, and the code a virtual MFA device with its seed shows at
 * the world's time (RFC 6238, engine/authn/totp.ts). The engine then checks them as AWS
 * would; computing the code here only stands in for the learner's phone.
 */
import { totpCode } from '../../../engine/authn/totp';
import type { ConsoleJson, MfaDeviceJson, ScenarioJson } from '../../../engine/scenario/types';
import { signInCredentials } from '../../world/choices';

/** The time AWS's servers see: the scenario's clock (`now`), else the real time. */
export function worldTime(world: ScenarioJson, real: Date = new Date()): Date {
  const now = world.now === undefined ? Number.NaN : Date.parse(world.now);
  return Number.isNaN(now) ? real : new Date(now);
}

/** The code `device` shows at the world's time, or `undefined` for a seed that is not base32. */
export async function codeNow(world: ScenarioJson, device: MfaDeviceJson): Promise<string | undefined> {
  const code = await totpCode(device.seed, worldTime(world));
  return code.ok ? code.code : undefined;
}

/** The console sign-in of `principal` (an IAM user or a root user), with MFA when asked and the world knows a seed. */
export async function consoleSignIn(world: ScenarioJson, principal: string, withMfa: boolean): Promise<ConsoleJson> {
  const credentials = signInCredentials(world, principal);
  const password = credentials?.password;
  const device = withMfa ? credentials?.mfaDevices[0] : undefined;
  const mfaCode = device ? await codeNow(world, device) : undefined;
  return {
    ...(password !== undefined ? { password } : {}),
    ...(device && mfaCode !== undefined ? { mfaCode, mfaSerial: device.serial } : {}),
  };
}

/** The MFA devices of a caller (an IAM user or a root user of the world). */
export function mfaDevicesOf(world: ScenarioJson, principal: string): readonly MfaDeviceJson[] {
  return signInCredentials(world, principal)?.mfaDevices ?? [];
}
