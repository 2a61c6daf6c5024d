/** The root user's credentials: its console password, access keys and MFA devices ("Root user best practices for your AWS account"). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeExercise } from '../check/exercise';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';
import type { WorldEdit } from './types';
import type { ScenarioJson } from '../scenario/types';

const world = sampleWorld();
const ROOT_KEY = 'AKIAEXAMPLEROOT0001';
const withKey = mustApply(world, { op: 'createRootAccessKey', account: A, key: { id: ROOT_KEY, secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', status: 'Active' } });
const rootOf = (w: ScenarioJson, ai = 0) => w.accounts[ai]!.root;

describe('root user access keys', () => {
  it('creates a root access key on an account that had no root credentials', () => {
    expect(rootOf(withKey)).toEqual({ accessKeys: [{ id: ROOT_KEY, secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', status: 'Active' }] });
    expect(worldFaults(withKey)).toEqual([]);
  });

  it('the root user has at most two access keys, as an IAM user', () => {
    const two = mustApply(withKey, { op: 'createRootAccessKey', account: A, key: { id: 'AKIAEXAMPLEROOT0002' } });
    expect(refusal(two, { op: 'createRootAccessKey', account: A, key: { id: 'AKIAEXAMPLEROOT0003' } })).toMatchObject({ code: 'quotaExceeded', path: '$.accounts[0].root.accessKeys', field: 'key', params: { limit: 2 } });
  });

  it('access key ids are unique in the world: a root key cannot reuse an IAM user\'s, nor the other way round', () => {
    expect(refusal(world, { op: 'createRootAccessKey', account: B, key: { id: 'AKIAEXAMPLEBOB00001' } })).toMatchObject({ code: 'accessKeyInvalid', path: '$.accounts[0].users[1].accessKeys[0]' });
    expect(refusal(withKey, { op: 'createAccessKey', account: B, user: 'carol', key: { id: ROOT_KEY } })).toMatchObject({ code: 'accessKeyInvalid', path: '$.accounts[0].root.accessKeys[0]' });
    expect(refusal(world, { op: 'createRootAccessKey', account: A, key: { id: 'akia-lower' } })).toMatchObject({ code: 'accessKeyInvalid', field: 'key', path: '$.accounts[0].root.accessKeys[0]' });
  });

  it('deactivates, reactivates and deletes a root access key; deleting the last one leaves no empty list behind', () => {
    const off = mustApply(withKey, { op: 'setRootAccessKeyStatus', account: A, keyId: ROOT_KEY, status: 'Inactive' });
    expect(rootOf(off)!.accessKeys![0]!.status).toBe('Inactive');
    expect(mustApply(withKey, { op: 'setRootAccessKeyStatus', account: A, keyId: ROOT_KEY, status: 'Active' })).toBe(withKey);
    const gone = mustApply(off, { op: 'deleteRootAccessKey', account: A, keyId: ROOT_KEY });
    expect(gone.accounts[0]).not.toHaveProperty('root');
    expect(worldFaults(gone)).toEqual([]);
  });

  it('deleting a root key keeps the root user\'s other credentials', () => {
    const both = mustApply(withKey, { op: 'setRootPassword', account: A, password: 'acme-Root-2023!' });
    expect(rootOf(mustApply(both, { op: 'deleteRootAccessKey', account: A, keyId: ROOT_KEY }))).toEqual({ password: 'acme-Root-2023!' });
  });

  it('a key the root user does not have is not found; an account that does not exist either', () => {
    expect(refusal(withKey, { op: 'deleteRootAccessKey', account: A, keyId: 'AKIAEXAMPLEBOB00001' })).toMatchObject({ code: 'notFound', field: 'keyId', path: '$.accounts[0].root.accessKeys' });
    expect(refusal(withKey, { op: 'setRootAccessKeyStatus', account: B, keyId: ROOT_KEY, status: 'Inactive' })).toMatchObject({ code: 'notFound', field: 'keyId' });
    expect(refusal(withKey, { op: 'deleteRootAccessKey', account: '999999999999', keyId: ROOT_KEY })).toMatchObject({ code: 'notFound', field: 'account' });
  });

  it('a key\'s status is Active or Inactive', () => {
    expect(refusal(withKey, { op: 'setRootAccessKeyStatus', account: A, keyId: ROOT_KEY, status: 'Off' as 'Active' })).toMatchObject({ code: 'accessKeyInvalid', field: 'status' });
  });
});

describe('root user MFA devices', () => {
  const serial = `arn:aws:iam::${A}:mfa/root-account-mfa-device`;

  it('adds and removes a virtual MFA device', () => {
    const on = mustApply(world, { op: 'addRootMfaDevice', account: A, serial, seed: 'JBSWY3DPEHPK3PXP' });
    expect(rootOf(on)).toEqual({ mfaDevices: [{ serial, seed: 'JBSWY3DPEHPK3PXP' }] });
    expect(worldFaults(on)).toEqual([]);
    expect(mustApply(on, { op: 'removeRootMfaDevice', account: A, serial }).accounts[0]).not.toHaveProperty('root');
    expect(refusal(world, { op: 'removeRootMfaDevice', account: A, serial })).toMatchObject({ code: 'notFound', field: 'serial' });
  });

  it('a serial of the account and a base32 seed', () => {
    expect(refusal(world, { op: 'addRootMfaDevice', account: A, serial: `arn:aws:iam::${B}:mfa/root`, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'mfaDeviceInvalid', field: 'serial', path: '$.accounts[0].root.mfaDevices[0]' });
    expect(refusal(world, { op: 'addRootMfaDevice', account: A, serial, seed: 'not base32!' })).toMatchObject({ code: 'mfaDeviceInvalid', field: 'seed' });
    expect(refusal(world, { op: 'addRootMfaDevice', account: A, serial: 'short', seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'mfaDeviceInvalid', field: 'serial' });
  });

  it('an MFA device is enabled for one identity: not twice for the root user, not for the root user and an IAM user', () => {
    const on = mustApply(world, { op: 'addRootMfaDevice', account: A, serial, seed: 'JBSWY3DPEHPK3PXP' });
    expect(refusal(on, { op: 'addRootMfaDevice', account: A, serial, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'mfaDeviceInvalid', path: '$.accounts[0].root.mfaDevices[0]' });
    expect(refusal(on, { op: 'addMfaDevice', account: A, user: 'alice', serial, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'mfaDeviceInvalid', path: '$.accounts[0].root.mfaDevices[0]' });
    const alice = mustApply(world, { op: 'addMfaDevice', account: A, user: 'alice', serial, seed: 'JBSWY3DPEHPK3PXP' });
    expect(refusal(alice, { op: 'addRootMfaDevice', account: A, serial, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'mfaDeviceInvalid', path: '$.accounts[0].users[0].mfaDevices[0]' });
  });

  it('the root user may register up to eight MFA devices', () => {
    let many = world;
    for (let i = 0; i < 8; i++) many = mustApply(many, { op: 'addRootMfaDevice', account: A, serial: `arn:aws:iam::${A}:mfa/root-${i}`, seed: 'JBSWY3DPEHPK3PXP' });
    expect(refusal(many, { op: 'addRootMfaDevice', account: A, serial: `arn:aws:iam::${A}:mfa/root-8`, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'quotaExceeded', params: { limit: 8 } });
  });

  it('removing a device the root user\'s console sign-in named lets that sign-in use any device the root user has', () => {
    const two = `arn:aws:iam::${A}:mfa/root-two`;
    const start = mustApply(
      { ...world, requests: [{ id: 'root-signin', principal: `arn:aws:iam::${A}:root`, action: 's3:ListAllMyBuckets', resource: '*', console: { password: 'acme-Root-2023!', mfaCode: '123456', mfaSerial: serial } }] },
      { op: 'setRootPassword', account: A, password: 'acme-Root-2023!' },
      { op: 'addRootMfaDevice', account: A, serial, seed: 'JBSWY3DPEHPK3PXP' },
      { op: 'addRootMfaDevice', account: A, serial: two, seed: 'JBSWY3DPEHPK3PXP' },
    );
    const next = mustApply(start, { op: 'removeRootMfaDevice', account: A, serial });
    expect(next.requests![0]!.console).toEqual({ password: 'acme-Root-2023!', mfaCode: '123456' });
    expect(worldFaults(next)).toEqual([]);
  });
});

describe('root user password', () => {
  it('sets, changes and removes the root user\'s console password', () => {
    const set = mustApply(world, { op: 'setRootPassword', account: A, password: 'acme-Root-2023!' });
    expect(rootOf(set)).toEqual({ password: 'acme-Root-2023!' });
    expect(mustApply(set, { op: 'setRootPassword', account: A, password: 'acme-Root-2023!' })).toBe(set);
    expect(mustApply(set, { op: 'setRootPassword', account: A, password: null }).accounts[0]).not.toHaveProperty('root');
    expect(mustApply(world, { op: 'setRootPassword', account: A, password: null })).toBe(world);
  });

  it('the root user\'s password is 8 to 128 characters with at least three of upper case, lower case, digits and symbols', () => {
    expect(refusal(world, { op: 'setRootPassword', account: A, password: 'Ab1!' })).toMatchObject({ code: 'rootPasswordWeak', field: 'password', path: '$.accounts[0].root.password', params: { length: 4, min: 8, max: 128, kinds: 3 } });
    expect(refusal(world, { op: 'setRootPassword', account: A, password: 'alllowercase123' }).code).toBe('rootPasswordWeak');
    expect(refusal(world, { op: 'setRootPassword', account: A, password: 'x'.repeat(129) }).code).toBe('passwordInvalid');
    mustApply(world, { op: 'setRootPassword', account: A, password: 'lowercase123!' });
    mustApply(world, { op: 'setRootPassword', account: A, password: 'UPPER lower 1' });
  });
});

describe('the curriculum exercise `root-user` (curriculum/exercises/01-root-user.json)', () => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'curriculum', 'exercises', '01-root-user.json');
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as ScenarioJson;
  const ACCOUNT = '111111111111';
  const KEY = 'AKIAIOSFODNN7ROOT001';
  const opsAdmin: WorldEdit[] = [
    { op: 'createUser', account: ACCOUNT, name: 'ops-admin' },
    { op: 'attachPolicy', target: { account: ACCOUNT, kind: 'user', name: 'ops-admin' }, policy: 'arn:aws:iam::aws:policy/AdministratorAccess' },
  ];
  const judge = (world: ScenarioJson) => judgeExercise(world, scenario.exercise!, [], loadManagedPolicySourceNode(), { actions: nodeServiceCatalogue() });

  it('is solved in the builder: an administrator user, and the root user\'s access key deleted', async () => {
    expect((await judge(mustApply(scenario, ...opsAdmin))).goals[0]!.met).toBe(false);
    expect(await judge(mustApply(scenario, ...opsAdmin, { op: 'deleteRootAccessKey', account: ACCOUNT, keyId: KEY }))).toMatchObject({ solved: true });
  });

  it('a deactivated root key is refused too (InvalidClientTokenId), though AWS recommends deleting it', async () => {
    const judgement = await judge(mustApply(scenario, ...opsAdmin, { op: 'setRootAccessKeyStatus', account: ACCOUNT, keyId: KEY, status: 'Inactive' }));
    expect(judgement.goals[0]).toMatchObject({ met: true, decision: 'InvalidClientTokenId' });
  });
});
