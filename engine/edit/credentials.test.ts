/** Console passwords, access keys and MFA devices of IAM users; accounts. */
import { describe, expect, it } from 'vitest';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';

const world = sampleWorld();

describe('credentials', () => {
  it('sets and removes a console password', () => {
    const next = mustApply(world, { op: 'setConsolePassword', account: A, user: 'alice', password: 'Str0ng!pass' });
    expect(next.accounts[0]!.users![0]!.password).toBe('Str0ng!pass');
    expect(mustApply(next, { op: 'setConsolePassword', account: A, user: 'alice', password: null }).accounts[0]!.users![0]).not.toHaveProperty('password');
  });

  it('access key ids are 16 to 128 upper-case letters and digits, unique in the world', () => {
    expect(refusal(world, { op: 'createAccessKey', account: A, user: 'alice', key: { id: 'akia-lower' } })).toMatchObject({ code: 'accessKeyInvalid', field: 'key', path: '$.accounts[0].users[0].accessKeys[0]' });
    expect(refusal(world, { op: 'createAccessKey', account: B, user: 'carol', key: { id: 'AKIAEXAMPLEBOB00001' } })).toMatchObject({ code: 'accessKeyInvalid', path: '$.accounts[0].users[1].accessKeys[0]' });
  });

  it('deactivates, reactivates and deletes an access key', () => {
    const off = mustApply(world, { op: 'setAccessKeyStatus', account: A, user: 'bob', keyId: 'AKIAEXAMPLEBOB00001', status: 'Inactive' });
    expect(off.accounts[0]!.users![1]!.accessKeys![0]!.status).toBe('Inactive');
    expect(mustApply(world, { op: 'setAccessKeyStatus', account: A, user: 'bob', keyId: 'AKIAEXAMPLEBOB00001', status: 'Active' })).toBe(world);
    expect(mustApply(off, { op: 'deleteAccessKey', account: A, user: 'bob', keyId: 'AKIAEXAMPLEBOB00001' }).accounts[0]!.users![1]!.accessKeys).toEqual([]);
    expect(refusal(world, { op: 'deleteAccessKey', account: A, user: 'bob', keyId: 'AKIANOTTHERE0000001' })).toMatchObject({ code: 'notFound', field: 'keyId' });
  });

  it('MFA devices: a serial (a virtual device\'s ARN in the user\'s account) and a base32 seed, each once', () => {
    const serial = `arn:aws:iam::${A}:mfa/alice`;
    const next = mustApply(world, { op: 'addMfaDevice', account: A, user: 'alice', serial, seed: 'JBSWY3DPEHPK3PXP' });
    expect(next.accounts[0]!.users![0]!.mfaDevices).toEqual([{ serial, seed: 'JBSWY3DPEHPK3PXP' }]);
    expect(refusal(next, { op: 'addMfaDevice', account: A, user: 'alice', serial, seed: 'JBSWY3DPEHPK3PXP' }).code).toBe('mfaDeviceInvalid');
    expect(refusal(world, { op: 'addMfaDevice', account: A, user: 'alice', serial, seed: 'not base32!' })).toMatchObject({ code: 'mfaDeviceInvalid', field: 'seed' });
    expect(refusal(world, { op: 'addMfaDevice', account: A, user: 'alice', serial: `arn:aws:iam::${B}:mfa/alice`, seed: 'JBSWY3DPEHPK3PXP' })).toMatchObject({ code: 'mfaDeviceInvalid', field: 'serial' });
    mustApply(world, { op: 'addMfaDevice', account: A, user: 'alice', serial: 'GAHT12345678', seed: 'JBSWY3DPEHPK3PXP' });
  });

  it('removing a device a console sign-in named lets that sign-in use any device of the user', () => {
    const one = `arn:aws:iam::${A}:mfa/one`;
    const two = `arn:aws:iam::${A}:mfa/two`;
    const start = mustApply(
      { ...world, requests: [{ id: 'signin', principal: `arn:aws:iam::${A}:user/alice`, action: 's3:ListAllMyBuckets', resource: '*', console: { password: 'x', mfaCode: '123456', mfaSerial: one } }] },
      { op: 'setConsolePassword', account: A, user: 'alice', password: 'x' },
      { op: 'addMfaDevice', account: A, user: 'alice', serial: one, seed: 'JBSWY3DPEHPK3PXP' },
      { op: 'addMfaDevice', account: A, user: 'alice', serial: two, seed: 'JBSWY3DPEHPK3PXP' },
    );
    const next = mustApply(start, { op: 'removeMfaDevice', account: A, user: 'alice', serial: one });
    expect(next.requests![0]!.console).toEqual({ password: 'x', mfaCode: '123456' });
    expect(worldFaults(next)).toEqual([]);
  });

  it('MFA off removes the user\'s devices', () => {
    const on = mustApply(world, { op: 'setMfa', account: A, user: 'alice', mfa: true }, { op: 'addMfaDevice', account: A, user: 'alice', serial: `arn:aws:iam::${A}:mfa/a1`, seed: 'JBSWY3DPEHPK3PXP' });
    const off = mustApply(on, { op: 'setMfa', account: A, user: 'alice', mfa: false });
    expect(off.accounts[0]!.users![0]).not.toHaveProperty('mfa');
    expect(off.accounts[0]!.users![0]).not.toHaveProperty('mfaDevices');
  });
});

describe('accounts', () => {
  it('creates an account with an optional alias; ids and aliases are unique', () => {
    const next = mustApply(world, { op: 'createAccount', id: '777788889999', alias: 'acme-prod' });
    expect(next.accounts[2]).toEqual({ id: '777788889999', alias: 'acme-prod' });
    expect(refusal(next, { op: 'createAccount', id: B })).toMatchObject({ code: 'accountTaken', path: '$.accounts[1]', field: 'id' });
    expect(refusal(next, { op: 'updateAccount', id: B, alias: 'acme-prod' })).toMatchObject({ code: 'nameTaken', field: 'alias', path: '$.accounts[2].alias' });
  });
  it('removes an alias with null', () => {
    expect(mustApply(world, { op: 'updateAccount', id: A, alias: null }).accounts[0]).not.toHaveProperty('alias');
  });
  it('deleting an account removes other accounts\' attachments of its policies and the requests its principals make', () => {
    const next = mustApply(world, { op: 'deleteAccount', id: A });
    expect(next.accounts).toEqual([{ id: B, users: [{ name: 'carol', managedPolicies: [] }] }]);
    // carol's AssumeRole stays: a request for a role that no longer exists is a lesson of its own (the engine answers it).
    expect(next.requests!.map((r) => r.id)).toEqual(['carol-assumes', 'session-reads']);
    expect(worldFaults(next)).toEqual([]);
  });
  it('a world keeps at least one account', () => {
    const single = mustApply(world, { op: 'deleteAccount', id: A });
    expect(refusal(single, { op: 'deleteAccount', id: B })).toMatchObject({ code: 'lastAccount', params: { account: B } });
  });
});
