/**
 * An account's root user's credentials: the console password, access keys and MFA devices.
 * AWS recommends that the root user have no access keys (delete any it has) and an MFA
 * device ("Root user best practices for your AWS account"); these edits let the learner
 * follow that advice, or break it to see why it matters.
 *
 * The rules are those of an IAM user's credentials (./credentials.ts) where AWS applies the
 * same ones — at most two access keys, ids unique in the world, at most eight MFA devices
 * ("you can register up to eight MFA devices of any combination … with your AWS account
 * root user and IAM users") — and the root user's own password rule: 8 to 128 characters
 * with at least three of upper case, lower case, digits and symbols ("Change the password
 * for the AWS account root user"; an account's password policy for IAM users does not apply
 * to it). A root user without a password is what AWS Organizations' centralized root access
 * leaves in a member account, so clearing it is allowed.
 *
 * INVARIANT: the scenario keeps `root` tidy — an emptied list is dropped, and so is a root
 * object left with nothing in it (the format reads a missing `root` as no credentials).
 */
import { refuse } from './errors';
import { checkKeyStatus, checkNewAccessKey, checkNewMfaDevice, forgetConsoleSerial } from './credentials';
import { checkPassword, checkQuota, IAM_QUOTAS, PASSWORD_MAX } from './naming';
import { accountIndex, accountPath, withAccount, without } from './world';
import type { AccessKeyJson, AccountJson, RootUserJson, ScenarioJson } from '../scenario/types';

/** The root user's password: 8 to 128 characters … */
export const ROOT_PASSWORD_MIN = 8;
/** … with at least this many of the four kinds of character. */
export const ROOT_PASSWORD_KINDS = 3;
/** The symbols AWS counts for the root user's password ("! @ # $ % ^ & * () <> [] {} | _+-="). */
const ROOT_PASSWORD_SYMBOLS = /[!@#$%^&*()<>[\]{}|_+\-=]/;

function locateRoot(world: ScenarioJson, account: string): { ai: number; at: string; root: RootUserJson } {
  const ai = accountIndex(world, account);
  return { ai, at: `${accountPath(ai)}.root`, root: world.accounts[ai]!.root ?? {} };
}

/** The world with the root user of the account at `ai` replaced by `update` of it, kept tidy (see the INVARIANT above). */
function withRoot(world: ScenarioJson, ai: number, update: (root: RootUserJson) => RootUserJson): ScenarioJson {
  return withAccount(world, ai, (account) => {
    let root = update(account.root ?? {});
    for (const list of ['accessKeys', 'mfaDevices'] as const) if (root[list]?.length === 0) root = without(root, list);
    const rest: AccountJson = without(account, 'root');
    return Object.keys(root).length === 0 ? rest : { ...account, root };
  });
}

/** How many of upper case, lower case, digits and symbols a password uses. */
function characterKinds(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, ROOT_PASSWORD_SYMBOLS].filter((kind) => kind.test(password)).length;
}

function checkRootPassword(password: string, path: string): void {
  checkPassword(password, path);
  const kinds = characterKinds(password);
  if (password.length < ROOT_PASSWORD_MIN || kinds < ROOT_PASSWORD_KINDS) {
    refuse(
      'rootPasswordWeak',
      `The root user's password is ${ROOT_PASSWORD_MIN} to ${PASSWORD_MAX} characters with at least ${ROOT_PASSWORD_KINDS} of: upper-case letters, lower-case letters, digits and symbols (! @ # $ % ^ & * ( ) < > [ ] { } | _ + - =); this one has ${password.length} characters and ${kinds} of them.`,
      path,
      'password',
      { length: password.length, min: ROOT_PASSWORD_MIN, max: PASSWORD_MAX, kinds: ROOT_PASSWORD_KINDS },
    );
  }
}

/** Sets the root user's console password, or with `null` removes it. */
export function setRootPassword(world: ScenarioJson, account: string, password: string | null): ScenarioJson {
  const { ai, at, root } = locateRoot(world, account);
  if (password === null) return root.password === undefined ? world : withRoot(world, ai, (r) => without(r, 'password'));
  checkRootPassword(password, `${at}.password`);
  return root.password === password ? world : withRoot(world, ai, (r) => ({ ...r, password }));
}

/** A new access key for the root user (`key` given by the caller, as for an IAM user's). */
export function createRootAccessKey(world: ScenarioJson, account: string, key: AccessKeyJson): ScenarioJson {
  const { ai, at, root } = locateRoot(world, account);
  const keys = root.accessKeys ?? [];
  checkNewAccessKey(world, key, `${at}.accessKeys[${keys.length}]`);
  checkQuota(keys.length, IAM_QUOTAS.accessKeysPerUser, `The root user of account ${account} already has ${keys.length} access keys, the most AWS allows (${IAM_QUOTAS.accessKeysPerUser}). Delete one first.`, `${at}.accessKeys`, 'key', 'root');
  return withRoot(world, ai, (r) => ({ ...r, accessKeys: [...keys, { ...key }] }));
}

function rootKeyIndex(root: RootUserJson, account: string, keyId: string, at: string): number {
  const index = (root.accessKeys ?? []).findIndex((k) => k.id === keyId);
  if (index < 0) refuse('notFound', `The root user of account ${account} has no access key \`${keyId}\`.`, `${at}.accessKeys`, 'keyId', { what: 'accessKey', name: keyId });
  return index;
}

/** Activates or deactivates a root access key (an inactive key signs nothing: InvalidClientTokenId). */
export function setRootAccessKeyStatus(world: ScenarioJson, account: string, keyId: string, status: 'Active' | 'Inactive'): ScenarioJson {
  const { ai, at, root } = locateRoot(world, account);
  const index = rootKeyIndex(root, account, keyId, at);
  checkKeyStatus(status, keyId, `${at}.accessKeys[${index}].status`);
  if ((root.accessKeys![index]!.status ?? 'Active') === status) return world;
  return withRoot(world, ai, (r) => ({ ...r, accessKeys: r.accessKeys!.map((k, i) => (i === index ? { ...k, status } : k)) }));
}

/** Deletes a root access key, as AWS recommends. Requests signed with it stay: they are now refused, which is the lesson. */
export function deleteRootAccessKey(world: ScenarioJson, account: string, keyId: string): ScenarioJson {
  const { ai, at, root } = locateRoot(world, account);
  const index = rootKeyIndex(root, account, keyId, at);
  return withRoot(world, ai, (r) => ({ ...r, accessKeys: r.accessKeys!.filter((_, i) => i !== index) }));
}

/** Enables a virtual MFA device (serial and base32 TOTP seed) for the root user. */
export function addRootMfaDevice(world: ScenarioJson, account: string, serial: string, seed: string): ScenarioJson {
  const { ai, at, root } = locateRoot(world, account);
  const devices = root.mfaDevices ?? [];
  checkNewMfaDevice(world, ai, serial, seed, `${at}.mfaDevices[${devices.length}]`, `the root user of account ${account}`);
  checkQuota(devices.length, IAM_QUOTAS.mfaDevicesPerUser, `The root user of account ${account} already has ${devices.length} MFA devices, the most AWS allows (${IAM_QUOTAS.mfaDevicesPerUser}).`, `${at}.mfaDevices`, 'serial', 'root');
  return withRoot(world, ai, (r) => ({ ...r, mfaDevices: [...devices, { serial, seed }] }));
}

/** Removes a root MFA device; the root user's console sign-ins that named it use any device it has left. */
export function removeRootMfaDevice(world: ScenarioJson, account: string, serial: string): ScenarioJson {
  const { ai, at, root } = locateRoot(world, account);
  const index = (root.mfaDevices ?? []).findIndex((d) => d.serial === serial);
  if (index < 0) refuse('notFound', `The root user of account ${account} has no MFA device \`${serial}\`.`, `${at}.mfaDevices`, 'serial', { what: 'mfaDevice', name: serial });
  const next = withRoot(world, ai, (r) => ({ ...r, mfaDevices: r.mfaDevices!.filter((_, i) => i !== index) }));
  return forgetConsoleSerial(next, serial, (who) => who.kind === 'root' && who.account === account);
}
