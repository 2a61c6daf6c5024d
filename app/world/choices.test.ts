import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../engine/scenario/types';
import { actionChoices, principalChoices, resourceChoices, roleChoices, signInCredentials, suggest, SUGGESTION_LIMIT, userChoices } from './choices';

const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [
    {
      id: '111111111111',
      alias: 'partner',
      root: { password: 'root-pw', mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/root', seed: 'JBSWY3DPEHPK3PXP' }] },
      users: [
        { name: 'erin', path: '/ops/', password: 'pw', mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/erin', seed: 'JBSWY3DPEHPK3PXP' }] },
        { name: 'finn', mfa: true },
      ],
      policies: [{ name: 'P', document: { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*'], Resource: ['arn:aws:s3:::logs/2026/*', 'arn:aws:s3:::logs/readme.txt'] }] } }],
    },
    {
      id: '222222222222',
      roles: [{ name: 'Auditor', path: '/audit/', trustPolicy: {} }],
      resources: [{ arn: 'arn:aws:s3:::logs', policy: { Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::logs/keep.txt' }] } }],
    },
  ],
  requests: [{ principal: 'arn:aws:iam::111111111111:user/ops/erin', action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/audit/Auditor' }],
};

describe('what the request console offers from the world', () => {
  it('principals by group: users with their path, root users, role sessions (AWS writes a session ARN without the role path)', () => {
    expect(principalChoices(world)).toEqual([
      { arn: 'arn:aws:iam::111111111111:user/ops/erin', label: 'erin · partner', group: 'users' },
      { arn: 'arn:aws:iam::111111111111:user/finn', label: 'finn · partner', group: 'users' },
      { arn: 'arn:aws:iam::111111111111:root', label: 'root · partner', group: 'roots' },
      { arn: 'arn:aws:iam::222222222222:root', label: 'root · 222222222222', group: 'roots' },
      { arn: 'arn:aws:sts::222222222222:assumed-role/Auditor/playground', label: 'Auditor/playground · 222222222222', group: 'roles' },
    ]);
    expect(userChoices(world).map((u) => u.arn)).toEqual(['arn:aws:iam::111111111111:user/ops/erin', 'arn:aws:iam::111111111111:user/finn']);
    expect(roleChoices(world)).toEqual([{ arn: 'arn:aws:iam::222222222222:role/audit/Auditor', label: 'Auditor · 222222222222' }]);
  });

  it('the sign-in credentials the world knows: password and MFA devices; MFA without a seed is said', () => {
    expect(signInCredentials(world, 'arn:aws:iam::111111111111:user/ops/erin')).toEqual({ password: 'pw', mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/erin', seed: 'JBSWY3DPEHPK3PXP' }], mfaWithoutSeed: false });
    expect(signInCredentials(world, 'arn:aws:iam::111111111111:user/finn')).toEqual({ mfaDevices: [], mfaWithoutSeed: true });
    expect(signInCredentials(world, 'arn:aws:iam::111111111111:root')?.password).toBe('root-pw');
    expect(signInCredentials(world, 'arn:aws:iam::222222222222:root')).toEqual({ mfaDevices: [], mfaWithoutSeed: false });
    expect(signInCredentials(world, 'arn:aws:iam::111111111111:user/erin')).toBeUndefined();
  });

  it('resources: listed ARNs, an object in each bucket, the concrete ARNs policies name, roles and users', () => {
    const resources = resourceChoices(world);
    expect(resources).toEqual(expect.arrayContaining(['arn:aws:s3:::logs', 'arn:aws:s3:::logs/example.txt', 'arn:aws:s3:::logs/keep.txt', 'arn:aws:s3:::logs/readme.txt', 'arn:aws:iam::222222222222:role/audit/Auditor', 'arn:aws:iam::111111111111:user/ops/erin']));
    expect(resources).not.toContain('arn:aws:s3:::logs/2026/*');
  });

  it('actions the documents and requests name, without wildcards', () => {
    expect(actionChoices(world)).toEqual(['s3:DeleteObject', 's3:GetObject', 'sts:AssumeRole']);
  });
});

describe('suggestions for a field', () => {
  const arns = Array.from({ length: 5000 }, (_, i) => `arn:aws:s3:::bucket-${i}`);

  it('offers at most the limit, however large the world', () => {
    expect(suggest(arns, '')).toHaveLength(SUGGESTION_LIMIT);
    expect(suggest(arns, 'bucket')).toHaveLength(SUGGESTION_LIMIT);
  });

  it('offers the choices containing what is typed, those starting with it first, in any case', () => {
    expect(suggest(['s3:GetObject', 'iam:GetUser', 's3:PutObject'], 'GET')).toEqual(['s3:GetObject', 'iam:GetUser']);
    expect(suggest(['iam:GetUser', 's3:GetObject'], 's3:')).toEqual(['s3:GetObject']);
    expect(suggest(['xs3:a', 's3:b'], 's3')).toEqual(['s3:b', 'xs3:a']);
    expect(suggest(arns, 'bucket-4999')).toEqual(['arn:aws:s3:::bucket-4999']);
  });
});
