/**
 * An IAM user's credentials: the console password, access keys (at most two per user, ids
 * unique in the world) and MFA devices (at most eight per user) — "IAM and AWS STS quotas".
 */
import { refuse } from './errors';
import { checkPassword, checkQuota, IAM_QUOTAS } from './naming';
import { accountIndex, accountPath, entityIndex, withEntity, without } from './world';
import { type PrincipalName, parsePrincipalName } from '../model/principalArn';
import type { AccessKeyJson, RequestJson, ScenarioJson, UserJson } from '../scenario/types';

function locateUser(world: ScenarioJson, account: string, user: string): { ai: number; ui: number; at: string; entity: UserJson } {
  const ai = accountIndex(world, account);
  const ui = entityIndex(world, ai, 'user', user, 'user');
  return { ai, ui, at: `${accountPath(ai)}.users[${ui}]`, entity: world.accounts[ai]!.users![ui]! };
}

export function setConsolePassword(world: ScenarioJson, account: string, user: string, password: string | null): ScenarioJson {
  const { ai, ui, at, entity } = locateUser(world, account, user);
  if (password === null) return entity.password === undefined ? world : withEntity(world, ai, 'user', ui, (u) => without(u, 'password'));
  checkPassword(password, `${at}.password`);
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, password }));
}

/** Access key ids: 16 to 128 upper-case letters and digits (IAM API Reference, AccessKey `AccessKeyId`). */
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

/** Where an access key id is already used in the world (root users' and IAM users' keys). */
export function keyInUse(world: ScenarioJson, id: string): string | undefined {
  for (const [ai, account] of world.accounts.entries()) {
    const root = (account.root?.accessKeys ?? []).findIndex((k) => k.id === id);
    if (root >= 0) return `${accountPath(ai)}.root.accessKeys[${root}]`;
    for (const [ui, u] of (account.users ?? []).entries()) {
      const ki = (u.accessKeys ?? []).findIndex((k) => k.id === id);
      if (ki >= 0) return `${accountPath(ai)}.users[${ui}].accessKeys[${ki}]`;
    }
  }
  return undefined;
}

/**
 * Refuses a new access key that AWS would not issue: an id that is not one, a status other
 * than Active or Inactive, an id already used anywhere in the world. Shared with the root
 * user's keys (./rootCredentials.ts): the rules are the same for both.
 */
export function checkNewAccessKey(world: ScenarioJson, key: AccessKeyJson, keyAt: string): void {
  if (typeof key.id !== 'string' || !ACCESS_KEY_ID.test(key.id)) {
    refuse('accessKeyInvalid', `\`${String(key.id)}\` is not an access key id: 16 to 128 upper-case letters and digits (e.g. \`AKIAIOSFODNN7EXAMPLE\`).`, keyAt, 'key', { id: String(key.id) });
  }
  if (key.status !== undefined && key.status !== 'Active' && key.status !== 'Inactive') {
    refuse('accessKeyInvalid', `An access key's status is \`Active\` or \`Inactive\`, not \`${String(key.status)}\`.`, keyAt, 'key', { id: key.id });
  }
  const used = keyInUse(world, key.id);
  if (used) refuse('accessKeyInvalid', `Access key id \`${key.id}\` is already used (at ${used}).`, used, 'key', { id: key.id });
}

/** Refuses a status other than Active or Inactive (a caller outside TypeScript may send anything). */
export function checkKeyStatus(status: string, keyId: string, at: string): void {
  if (status !== 'Active' && status !== 'Inactive') refuse('accessKeyInvalid', `An access key's status is \`Active\` or \`Inactive\`, not \`${String(status)}\`.`, at, 'status', { id: keyId });
}

export function createAccessKey(world: ScenarioJson, account: string, user: string, key: AccessKeyJson): ScenarioJson {
  const { ai, ui, at, entity } = locateUser(world, account, user);
  const keys = entity.accessKeys ?? [];
  checkNewAccessKey(world, key, `${at}.accessKeys[${keys.length}]`);
  checkQuota(keys.length, IAM_QUOTAS.accessKeysPerUser, `User \`${user}\` already has ${keys.length} access keys, the IAM quota (${IAM_QUOTAS.accessKeysPerUser}). Delete one first.`, `${at}.accessKeys`, 'key', user);
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, accessKeys: [...keys, { ...key }] }));
}

function keyIndex(entity: UserJson, user: string, keyId: string, at: string): number {
  const index = (entity.accessKeys ?? []).findIndex((k) => k.id === keyId);
  if (index < 0) refuse('notFound', `User \`${user}\` has no access key \`${keyId}\`.`, `${at}.accessKeys`, 'keyId', { what: 'accessKey', name: keyId });
  return index;
}

export function setAccessKeyStatus(world: ScenarioJson, account: string, user: string, keyId: string, status: 'Active' | 'Inactive'): ScenarioJson {
  const { ai, ui, at, entity } = locateUser(world, account, user);
  const index = keyIndex(entity, user, keyId, at);
  checkKeyStatus(status, keyId, `${at}.accessKeys[${index}].status`);
  const key = entity.accessKeys![index]!;
  if ((key.status ?? 'Active') === status) return world;
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, accessKeys: u.accessKeys!.map((k, i) => (i === index ? { ...k, status } : k)) }));
}

export function deleteAccessKey(world: ScenarioJson, account: string, user: string, keyId: string): ScenarioJson {
  const { ai, ui, at, entity } = locateUser(world, account, user);
  const index = keyIndex(entity, user, keyId, at);
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, accessKeys: u.accessKeys!.filter((_, i) => i !== index) }));
}

/** MFA on or off in the learner's model; turning it off also removes the user's devices (they are what "MFA on" means). */
export function setMfa(world: ScenarioJson, account: string, user: string, mfa: boolean): ScenarioJson {
  const { ai, ui, entity } = locateUser(world, account, user);
  if (mfa) return entity.mfa === true ? world : withEntity(world, ai, 'user', ui, (u) => ({ ...u, mfa: true }));
  if (entity.mfa === undefined && (entity.mfaDevices?.length ?? 0) === 0) return world;
  return withEntity(world, ai, 'user', ui, (u) => without(without(u, 'mfa'), 'mfaDevices'));
}

/** A TOTP seed is base32 (RFC 4648: A–Z, 2–7, `=` padding), as the scenario format requires. */
const TOTP_SEED = /^[A-Z2-7]+=*$/;
/**
 * An MFA device's serial: a virtual device's ARN (`arn:aws:iam::ACCOUNT:mfa/NAME`) or a
 * hardware device's serial number — 9 to 256 of `[\w+=/:,.@-]` (IAM API Reference,
 * EnableMFADevice `SerialNumber`).
 */
const MFA_SERIAL = /^[\w+=/:,.@-]{9,256}$/;
const VIRTUAL_MFA_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):mfa\/[\w+=,.@/-]+$/;

/** Where in the account a device with this serial is already enabled (for the root user or an IAM user). */
function deviceInUse(world: ScenarioJson, ai: number, serial: string): string | undefined {
  const account = world.accounts[ai]!;
  const root = (account.root?.mfaDevices ?? []).findIndex((d) => d.serial === serial);
  if (root >= 0) return `${accountPath(ai)}.root.mfaDevices[${root}]`;
  for (const [ui, u] of (account.users ?? []).entries()) {
    const di = (u.mfaDevices ?? []).findIndex((d) => d.serial === serial);
    if (di >= 0) return `${accountPath(ai)}.users[${ui}].mfaDevices[${di}]`;
  }
  return undefined;
}

/**
 * Refuses an MFA device AWS would not enable: a serial that is not one, a virtual device of
 * another account, a seed that is not base32, a device already enabled for this identity or
 * another one of the account (EnableMFADevice: a device is associated with one identity;
 * "EntityAlreadyExists"). `holder` names the identity in messages. Shared with the root user.
 */
export function checkNewMfaDevice(world: ScenarioJson, ai: number, serial: string, seed: string, deviceAt: string, holder: string): void {
  const account = world.accounts[ai]!.id;
  if (typeof serial !== 'string' || !MFA_SERIAL.test(serial)) {
    refuse('mfaDeviceInvalid', `\`${String(serial)}\` is not an MFA device serial: a virtual device's is its ARN, \`arn:aws:iam::${account}:mfa/NAME\` (9 to 256 characters, no spaces).`, deviceAt, 'serial', { serial: String(serial) });
  }
  const owner = VIRTUAL_MFA_ARN.exec(serial)?.[2];
  if (owner !== undefined && owner !== account) refuse('mfaDeviceInvalid', `MFA device \`${serial}\` belongs to account ${owner}, not ${account}.`, deviceAt, 'serial', { serial });
  if (typeof seed !== 'string' || !TOTP_SEED.test(seed)) refuse('mfaDeviceInvalid', 'A TOTP seed is base32: upper-case letters A–Z and digits 2–7.', deviceAt, 'seed', { serial });
  const used = deviceInUse(world, ai, serial);
  if (used) refuse('mfaDeviceInvalid', `MFA device \`${serial}\` is already enabled (at ${used}); ${holder} cannot have it too.`, used, 'serial', { serial });
}

export function addMfaDevice(world: ScenarioJson, account: string, user: string, serial: string, seed: string): ScenarioJson {
  const { ai, ui, at, entity } = locateUser(world, account, user);
  const devices = entity.mfaDevices ?? [];
  checkNewMfaDevice(world, ai, serial, seed, `${at}.mfaDevices[${devices.length}]`, `user \`${user}\``);
  checkQuota(devices.length, IAM_QUOTAS.mfaDevicesPerUser, `User \`${user}\` already has ${devices.length} MFA devices, the most IAM allows (${IAM_QUOTAS.mfaDevicesPerUser}).`, `${at}.mfaDevices`, 'serial', user);
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, mfaDevices: [...devices, { serial, seed }] }));
}

export function removeMfaDevice(world: ScenarioJson, account: string, user: string, serial: string): ScenarioJson {
  const { ai, ui, at, entity } = locateUser(world, account, user);
  const index = (entity.mfaDevices ?? []).findIndex((d) => d.serial === serial);
  if (index < 0) refuse('notFound', `User \`${user}\` has no MFA device \`${serial}\`.`, `${at}.mfaDevices`, 'serial', { what: 'mfaDevice', name: serial });
  const next = withEntity(world, ai, 'user', ui, (u) => ({ ...u, mfaDevices: u.mfaDevices!.filter((_, i) => i !== index) }));
  return forgetConsoleSerial(next, serial, (who) => who.kind === 'user' && who.account === account && who.name === user);
}

/**
 * Console sign-ins by `principal` (an IAM user or the root user, as `parsePrincipalName`
 * reads it) that named the removed device now use any device of theirs (a request may name
 * only a device its principal has).
 */
export function forgetConsoleSerial(world: ScenarioJson, serial: string, signsIn: (principal: PrincipalName) => boolean): ScenarioJson {
  const names = (r: RequestJson) => {
    const who = r.principal === undefined ? undefined : parsePrincipalName(r.principal);
    return r.console?.mfaSerial === serial && who !== undefined && signsIn(who);
  };
  if (!world.requests?.some(names)) return world;
  return { ...world, requests: world.requests.map((r) => (names(r) ? { ...r, console: without(r.console!, 'mfaSerial') } : r)) };
}
