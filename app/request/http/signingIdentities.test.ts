import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../../engine/scenario/types';
import { signingIdentities } from './signingIdentities';

const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [
    {
      id: '111111111111',
      alias: 'dev',
      root: { accessKeys: [{ id: 'AKIAROOT000000000001', secret: 's' }] },
      users: [
        { name: 'alice', accessKeys: [{ id: 'AKIAALICE00000000001', secret: 's', status: 'Active' }, { id: 'AKIAALICE00000000002', status: 'Inactive' }] },
        { name: 'bob' },
      ],
    },
  ],
};

describe('signingIdentities', () => {
  it('lists users\' keys, then root keys, then issued sessions, with status and whether the secret is known', () => {
    const ids = signingIdentities(world, [
      { name: 'AUDIT', kind: 'assumedRole', arn: 'arn:aws:sts::111111111111:assumed-role/Auditor/a', account: '111111111111', accessKeyId: 'ASIASESSION000000001', expiration: '2026-03-01T13:00:00Z', mfa: false },
    ]);
    expect(ids).toEqual([
      { kind: 'accessKey', accessKeyId: 'AKIAALICE00000000001', owner: 'alice', account: 'dev', group: 'users', status: 'Active', secretKnown: true },
      { kind: 'accessKey', accessKeyId: 'AKIAALICE00000000002', owner: 'alice', account: 'dev', group: 'users', status: 'Inactive', secretKnown: false },
      { kind: 'accessKey', accessKeyId: 'AKIAROOT000000000001', owner: 'root', account: 'dev', group: 'roots', status: 'Active', secretKnown: true },
      { kind: 'session', accessKeyId: 'ASIASESSION000000001', name: 'AUDIT', arn: 'arn:aws:sts::111111111111:assumed-role/Auditor/a', expiration: '2026-03-01T13:00:00Z' },
    ]);
  });

  it('lists nothing without a world or keys', () => {
    expect(signingIdentities(null, [])).toEqual([]);
  });
});
