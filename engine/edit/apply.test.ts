import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply';
import { A, B, deepFreeze, mustApply, sampleWorld, worldFaults } from './testing';
import { EDIT_ERROR_CODES, type WorldEdit } from './types';
import type { ScenarioJson } from '../scenario/types';

const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };

/** One edit of every kind, each valid in the world the ones before it made. */
const EVERY_EDIT: WorldEdit[] = [
  { op: 'setTitle', title: 'Edited' },
  { op: 'createAccount', id: '777788889999', alias: 'acme-sandbox' },
  { op: 'updateAccount', id: '777788889999', alias: 'acme-play' },
  { op: 'createOrganization', managementAccount: A },
  { op: 'createOrgUnit', id: 'ou-test-sandbox1', name: 'Sandbox', parent: 'r-xxxx' },
  { op: 'renameOrgUnit', id: 'ou-test-sandbox1', name: 'Play' },
  { op: 'createOrgUnit', id: 'ou-test-inner001', name: 'Inner', parent: 'r-xxxx' },
  { op: 'moveOrgUnit', id: 'ou-test-inner001', parent: 'ou-test-sandbox1' },
  { op: 'moveAccount', account: B, parent: 'ou-test-sandbox1' },
  { op: 'createOrgPolicy', name: 'DenyLeave', type: 'SCP', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } },
  { op: 'renameOrgPolicy', name: 'DenyLeave', newName: 'DenyLeaving' },
  { op: 'attachOrgPolicy', name: 'DenyLeaving', target: B },
  { op: 'detachOrgPolicy', name: 'DenyLeaving', target: B },
  { op: 'createUser', account: A, name: 'dave', path: '/interns/' },
  { op: 'createGroup', account: A, name: 'interns' },
  { op: 'createRole', account: A, name: 'Builder' },
  { op: 'createPolicy', account: A, name: 'ListOnly', document: DOC, description: 'Lists buckets' },
  { op: 'createResource', account: A, arn: 'arn:aws:s3:::acme-logs' },
  { op: 'addUserToGroup', account: A, user: 'dave', group: 'interns' },
  { op: 'attachPolicy', target: { account: A, kind: 'group', name: 'interns' }, policy: 'ListOnly' },
  { op: 'setPermissionsBoundary', target: { account: A, kind: 'role', name: 'Builder' }, policy: 'ListOnly' },
  { op: 'putInlinePolicy', owner: { account: A, kind: 'user', name: 'dave' }, name: 'Mine', document: DOC },
  { op: 'renameInlinePolicy', owner: { account: A, kind: 'user', name: 'dave' }, name: 'Mine', newName: 'Ours' },
  { op: 'setDocument', ref: { kind: 'inline', owner: { account: A, kind: 'user', name: 'dave' }, name: 'Ours' }, document: DOC },
  { op: 'setDocument', ref: { kind: 'managed', account: A, name: 'ListOnly' }, document: DOC },
  { op: 'setDocument', ref: { kind: 'resource', account: A, arn: 'arn:aws:s3:::acme-logs' }, document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::acme-logs/*' }] } },
  { op: 'setDocument', ref: { kind: 'org', name: 'DenyLeaving' }, document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'account:CloseAccount', Resource: '*' }] } },
  { op: 'trustPrincipal', account: A, role: 'Builder', principal: 'ec2.amazonaws.com' },
  { op: 'trustPrincipal', account: A, role: 'Builder', principal: `arn:aws:iam::${A}:user/interns/dave` },
  { op: 'untrustPrincipal', account: A, role: 'Builder', principal: 'ec2.amazonaws.com' },
  { op: 'setDocument', ref: { kind: 'trust', account: A, role: 'Auditor' }, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole' }] } },
  { op: 'setPath', ref: { account: A, kind: 'policy', name: 'Boundary' }, path: '/limits/' },
  { op: 'setTags', ref: { account: A, kind: 'user', name: 'dave' }, tags: { team: 'red', 'cost center': '42' } },
  { op: 'setDescription', ref: { account: A, kind: 'role', name: 'Builder' }, description: 'Builds things' },
  { op: 'setMaxSessionDuration', account: A, role: 'Builder', seconds: 7200 },
  { op: 'setConsolePassword', account: A, user: 'dave', password: 'correct horse battery staple' },
  { op: 'createAccessKey', account: A, user: 'dave', key: { id: 'AKIAEXAMPLEDAVE0001', secret: 'wJalrXUtnFEMI/K7MDENG', status: 'Active' } },
  { op: 'setAccessKeyStatus', account: A, user: 'dave', keyId: 'AKIAEXAMPLEDAVE0001', status: 'Inactive' },
  { op: 'setMfa', account: A, user: 'dave', mfa: true },
  { op: 'addMfaDevice', account: A, user: 'dave', serial: `arn:aws:iam::${A}:mfa/dave`, seed: 'JBSWY3DPEHPK3PXP' },
  { op: 'removeMfaDevice', account: A, user: 'dave', serial: `arn:aws:iam::${A}:mfa/dave` },
  { op: 'deleteAccessKey', account: A, user: 'dave', keyId: 'AKIAEXAMPLEDAVE0001' },
  { op: 'setRootPassword', account: A, password: 'acme-Root-2023!' },
  { op: 'createRootAccessKey', account: A, key: { id: 'AKIAEXAMPLEROOT0001', secret: 'wJalrXUtnFEMI/K7MDENG', status: 'Active' } },
  { op: 'setRootAccessKeyStatus', account: A, keyId: 'AKIAEXAMPLEROOT0001', status: 'Inactive' },
  { op: 'addRootMfaDevice', account: A, serial: `arn:aws:iam::${A}:mfa/root-account-mfa-device`, seed: 'JBSWY3DPEHPK3PXP' },
  { op: 'removeRootMfaDevice', account: A, serial: `arn:aws:iam::${A}:mfa/root-account-mfa-device` },
  { op: 'deleteRootAccessKey', account: A, keyId: 'AKIAEXAMPLEROOT0001' },
  { op: 'setRootPassword', account: A, password: null },
  { op: 'rename', ref: { account: A, kind: 'user', name: 'dave' }, newName: 'david' },
  { op: 'rename', ref: { account: A, kind: 'group', name: 'interns' }, newName: 'juniors' },
  { op: 'rename', ref: { account: A, kind: 'role', name: 'Auditor' }, newName: 'Inspector' },
  { op: 'rename', ref: { account: A, kind: 'policy', name: 'S3Read' }, newName: 'S3ReadOnly' },
  { op: 'rename', ref: { account: A, kind: 'resource', arn: 'arn:aws:s3:::acme-data' }, newName: 'arn:aws:s3:::acme-archive' },
  { op: 'detachPolicy', target: { account: A, kind: 'group', name: 'juniors' }, policy: 'ListOnly' },
  { op: 'removeUserFromGroup', account: A, user: 'david', group: 'juniors' },
  { op: 'deleteInlinePolicy', owner: { account: A, kind: 'user', name: 'david' }, name: 'Ours' },
  { op: 'delete', ref: { account: A, kind: 'policy', name: 'ListOnly' } },
  { op: 'delete', ref: { account: A, kind: 'resource', arn: 'arn:aws:s3:::acme-logs' } },
  { op: 'removeAccountFromOrganization', account: B },
  { op: 'deleteOrgUnit', id: 'ou-test-sandbox1' },
  { op: 'deleteOrgPolicy', name: 'DenyLeaving' },
  { op: 'deleteOrganization' },
  { op: 'deleteAccount', id: '777788889999' },
  { op: 'delete', ref: { account: A, kind: 'user', name: 'david' } },
];

/** The test list names the root `r-xxxx`; the organization's real root id is derived, so it is put in as the edits run. */
function withRoot(edit: WorldEdit, world: ScenarioJson): WorldEdit {
  const root = world.organization?.units?.[0]?.id;
  if (!root) return edit;
  return JSON.parse(JSON.stringify(edit).replaceAll('r-xxxx', root)) as WorldEdit;
}

describe('applyEdit', () => {
  it('never mutates the world it is given (every edit kind, on a deeply frozen world)', () => {
    let world = deepFreeze(sampleWorld());
    const ops = new Set<string>();
    for (const raw of EVERY_EDIT) {
      const edit = withRoot(raw, world);
      const result = applyEdit(world, edit);
      if (!result.ok) throw new Error(`${edit.op}: ${result.error.message}`);
      expect(result.world, edit.op).not.toBe(world);
      world = deepFreeze(result.world);
      ops.add(edit.op);
    }
    // Every op of the WorldEdit union is exercised here.
    expect([...ops].sort()).toEqual(
      [
        'addMfaDevice', 'addUserToGroup', 'attachOrgPolicy', 'attachPolicy', 'createAccessKey', 'createAccount', 'createGroup', 'createOrgPolicy', 'createOrgUnit',
        'createOrganization', 'createPolicy', 'createResource', 'createRole', 'createUser', 'delete', 'deleteAccessKey', 'deleteAccount', 'deleteInlinePolicy',
        'deleteOrgPolicy', 'deleteOrgUnit', 'deleteOrganization', 'detachOrgPolicy', 'detachPolicy', 'moveAccount', 'moveOrgUnit', 'putInlinePolicy',
        'removeAccountFromOrganization', 'removeMfaDevice', 'removeUserFromGroup', 'rename', 'renameInlinePolicy', 'renameOrgPolicy', 'renameOrgUnit', 'setAccessKeyStatus',
        'setConsolePassword', 'setDescription', 'setDocument', 'setMaxSessionDuration', 'setMfa', 'setPath', 'setPermissionsBoundary', 'setTags', 'setTitle',
        'trustPrincipal', 'untrustPrincipal', 'updateAccount',
        'addRootMfaDevice', 'createRootAccessKey', 'deleteRootAccessKey', 'removeRootMfaDevice', 'setRootAccessKeyStatus', 'setRootPassword',
      ].sort(),
    );
  });

  it('leaves a world that validates and compiles after every edit', () => {
    let world = sampleWorld();
    expect(worldFaults(world)).toEqual([]);
    for (const raw of EVERY_EDIT) {
      const edit = withRoot(raw, world);
      world = mustApply(world, edit);
      expect(worldFaults(world), `after ${edit.op}`).toEqual([]);
    }
  });

  it('returns the same world for an edit that changes nothing', () => {
    const world = sampleWorld();
    const same: WorldEdit[] = [
      { op: 'updateAccount', id: A, alias: 'acme-dev' },
      { op: 'setTitle', title: 'Sample' },
      { op: 'rename', ref: { account: A, kind: 'user', name: 'alice' }, newName: 'alice' },
      { op: 'setPath', ref: { account: A, kind: 'user', name: 'bob' }, path: '/ops/' },
      { op: 'trustPrincipal', account: A, role: 'Auditor', principal: B },
    ];
    for (const edit of same) {
      const result = applyEdit(world, edit);
      expect(result.ok && result.world, edit.op).toBe(world);
    }
  });

  it('refuses with a code of EDIT_ERROR_CODES, a JSON path, the field at fault and an English sentence', () => {
    const result = applyEdit(sampleWorld(), { op: 'createUser', account: A, name: 'ALICE' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(EDIT_ERROR_CODES).toContain(result.error.code);
    expect(result.error).toMatchObject({ code: 'nameTaken', path: '$.accounts[0].users[0]', field: 'name', params: { name: 'ALICE', existing: 'alice', account: A } });
    expect(result.error.message).toBe(`An IAM user named \`alice\` already exists in account ${A} (names are not case-sensitive in IAM, so \`ALICE\` is the same name).`);
  });

  it('lets an unexpected exception through (a bug is not an edit error)', () => {
    expect(() => applyEdit(null as unknown as ScenarioJson, { op: 'createUser', account: A, name: 'x' })).toThrow(TypeError);
  });
});
