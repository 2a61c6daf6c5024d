/** AWS Organizations edits: the root, OUs, accounts, SCPs and RCPs, and the engine's view of a new organization. */
import { describe, expect, it } from 'vitest';
import { compileWorld, evaluateRequest } from '../index';
import { derivedId } from './organization';
import { A, B, mustApply, refusal, sampleWorld, worldFaults } from './testing';
import type { WorldEdit } from './types';
import type { ScenarioJson } from '../scenario/types';

const created = mustApply(sampleWorld(), { op: 'createOrganization', managementAccount: A });
const org = created.organization!;
const root = org.units![0]!.id;

function rootId(world: ScenarioJson): string {
  return world.organization!.units![0]!.id;
}

describe('createOrganization', () => {
  it('makes the root (listed first, as the scenario format requires) and places the management account under it', () => {
    expect(org.id).toMatch(/^o-[a-z0-9]{10}$/);
    expect(root).toMatch(/^r-[a-z0-9]{4}$/);
    expect(org.units).toEqual([{ id: root, name: 'Root' }]);
    expect(org.managementAccount).toBe(A);
    expect(org.accounts).toEqual([{ id: A, parent: root }]);
    expect(worldFaults(created)).toEqual([]);
  });

  it('derives its ids from the management account: the same edit gives the same world', () => {
    expect(mustApply(sampleWorld(), { op: 'createOrganization', managementAccount: A }).organization).toEqual(org);
    expect(mustApply(sampleWorld(), { op: 'createOrganization', managementAccount: B }).organization!.id).not.toBe(org.id);
    expect(derivedId('seed', 10)).toMatch(/^[a-z0-9]{10}$/);
  });

  it('attaches AWS\'s FullAWSAccess SCP to the root and the management account, as AWS does when SCPs are enabled', () => {
    expect(org.policies).toEqual([
      { name: 'FullAWSAccess', type: 'SCP', targets: [root, A], document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    ]);
  });

  it('takes a given organization id when it is `o-` and 10 to 32 lower-case letters or digits', () => {
    expect(mustApply(sampleWorld(), { op: 'createOrganization', managementAccount: A, id: 'o-abcdefghij' }).organization!.id).toBe('o-abcdefghij');
    expect(refusal(sampleWorld(), { op: 'createOrganization', managementAccount: A, id: 'o-ABC' })).toMatchObject({ code: 'orgIdInvalid', field: 'id' });
  });

  it('refuses a second organization and an unknown management account', () => {
    expect(refusal(created, { op: 'createOrganization', managementAccount: A })).toMatchObject({ code: 'organizationExists', params: { id: org.id } });
    expect(refusal(sampleWorld(), { op: 'createOrganization', managementAccount: '999999999999' })).toMatchObject({ code: 'notFound', field: 'managementAccount' });
  });
});

describe('a new organization behaves as one with SCPs enabled and only FullAWSAccess attached', () => {
  // B's carol is allowed s3:GetObject by her identity policy (A's S3Read, by ARN).
  const request = { principal: `arn:aws:iam::${B}:user/carol`, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/report.csv' };
  async function decide(world: ScenarioJson): Promise<string> {
    const { world: compiled, faults } = compileWorld(world, { get: () => undefined });
    expect(faults.filter((f) => !/AWS managed policy/.test(f.message))).toEqual([]);
    return (await evaluateRequest(compiled, request, { trace: false })).decision;
  }

  it('an account that joins the root, or an OU made later, is not blocked by SCPs (FullAWSAccess is attached to each)', async () => {
    const joined = mustApply(created, { op: 'moveAccount', account: B, parent: rootId(created) });
    expect(await decide(joined)).toBe('allowed');
    const inOu = mustApply(joined, { op: 'createOrgUnit', id: 'ou-test-workloads', name: 'Workloads', parent: rootId(joined) }, { op: 'moveAccount', account: B, parent: 'ou-test-workloads' });
    expect(inOu.organization!.policies![0]!.targets).toEqual([root, A, B, 'ou-test-workloads']);
    expect(await decide(inOu)).toBe('allowed');
  });

  it('replacing FullAWSAccess on an OU with a narrower SCP blocks what that SCP does not allow (an allow list)', async () => {
    const world = mustApply(
      created,
      { op: 'createOrgUnit', id: 'ou-test-workloads', name: 'Workloads', parent: rootId(created) },
      { op: 'moveAccount', account: B, parent: 'ou-test-workloads' },
      { op: 'createOrgPolicy', name: 'OnlyEc2', type: 'SCP', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] } },
      { op: 'attachOrgPolicy', name: 'OnlyEc2', target: 'ou-test-workloads' },
      { op: 'detachOrgPolicy', name: 'FullAWSAccess', target: 'ou-test-workloads' },
    );
    expect(await decide(world)).toBe('implicitDeny');
  });
});

describe('OUs', () => {
  it('creates an OU with an AWS-shaped id (`ou-` root part `-` 8 characters) when none is given', () => {
    const next = mustApply(created, { op: 'createOrgUnit', name: 'Dev', parent: root });
    const unit = next.organization!.units![1]!;
    expect(unit).toMatchObject({ name: 'Dev', parent: root });
    expect(unit.id).toMatch(new RegExp(`^ou-${root.slice(2)}-[a-z0-9]{8}$`));
    const second = mustApply(next, { op: 'createOrgUnit', name: 'Prod', parent: root });
    expect(second.organization!.units![2]!.id).not.toBe(unit.id);
    expect(worldFaults(second)).toEqual([]);
  });

  it('an OU name is 1 to 128 characters and unique under its parent', () => {
    mustApply(created, { op: 'createOrgUnit', name: 'n'.repeat(128), parent: root });
    expect(refusal(created, { op: 'createOrgUnit', name: 'n'.repeat(129), parent: root }).code).toBe('nameTooLong');
    expect(refusal(created, { op: 'createOrgUnit', name: '', parent: root }).code).toBe('nameEmpty');
    const dev = mustApply(created, { op: 'createOrgUnit', id: 'ou-x-dev', name: 'Dev', parent: root });
    expect(refusal(dev, { op: 'createOrgUnit', name: 'Dev', parent: root }).code).toBe('nameTaken');
    mustApply(dev, { op: 'createOrgUnit', name: 'Dev', parent: 'ou-x-dev' });
  });

  it('OUs nest at most five levels below the root', () => {
    let world = created;
    let parent = root;
    for (let level = 1; level <= 5; level++) {
      world = mustApply(world, { op: 'createOrgUnit', id: `ou-x-level${level}`, name: `L${level}`, parent });
      parent = `ou-x-level${level}`;
    }
    expect(refusal(world, { op: 'createOrgUnit', name: 'L6', parent })).toMatchObject({ code: 'quotaExceeded', field: 'parent', params: { limit: 5 } });
    // Moving a two-level subtree under level 4 would reach level 6.
    const side = mustApply(world, { op: 'createOrgUnit', id: 'ou-x-side', name: 'Side', parent: root }, { op: 'createOrgUnit', id: 'ou-x-sidechild', name: 'Child', parent: 'ou-x-side' });
    expect(refusal(side, { op: 'moveOrgUnit', id: 'ou-x-side', parent: 'ou-x-level4' }).code).toBe('quotaExceeded');
    mustApply(side, { op: 'moveOrgUnit', id: 'ou-x-side', parent: 'ou-x-level3' });
  });

  it('moving an OU under its own descendant is orgCycle', () => {
    const world = mustApply(created, { op: 'createOrgUnit', id: 'ou-x-a', name: 'A', parent: root }, { op: 'createOrgUnit', id: 'ou-x-b', name: 'B', parent: 'ou-x-a' });
    expect(refusal(world, { op: 'moveOrgUnit', id: 'ou-x-a', parent: 'ou-x-b' })).toMatchObject({ code: 'orgCycle', field: 'parent', params: { unit: 'ou-x-a', parent: 'ou-x-b' } });
    expect(refusal(world, { op: 'moveOrgUnit', id: 'ou-x-a', parent: 'ou-x-a' }).code).toBe('orgCycle');
  });

  it('moving an OU keeps parents listed before their children (the format\'s rule)', () => {
    const world = mustApply(
      created,
      { op: 'createOrgUnit', id: 'ou-x-a', name: 'A', parent: root },
      { op: 'createOrgUnit', id: 'ou-x-b', name: 'B', parent: root },
      { op: 'createOrgUnit', id: 'ou-x-c', name: 'C', parent: 'ou-x-b' },
      { op: 'moveOrgUnit', id: 'ou-x-a', parent: 'ou-x-c' },
    );
    expect(world.organization!.units!.map((u) => u.id)).toEqual([root, 'ou-x-b', 'ou-x-c', 'ou-x-a']);
    expect(worldFaults(world)).toEqual([]);
  });

  it('the root cannot be renamed, moved or deleted', () => {
    expect(refusal(created, { op: 'renameOrgUnit', id: root, name: 'Top' }).code).toBe('orgTargetInvalid');
    expect(refusal(created, { op: 'deleteOrgUnit', id: root }).code).toBe('orgTargetInvalid');
  });

  it('deleting an OU moves what it holds up to its parent; without cascade a non-empty OU is refused', () => {
    const world = mustApply(
      created,
      { op: 'createOrgUnit', id: 'ou-x-a', name: 'A', parent: root },
      { op: 'createOrgUnit', id: 'ou-x-b', name: 'B', parent: 'ou-x-a' },
      { op: 'moveAccount', account: B, parent: 'ou-x-a' },
    );
    expect(refusal(world, { op: 'deleteOrgUnit', id: 'ou-x-a', cascade: false })).toMatchObject({ code: 'deleteConflict', params: { refs: `OU \`B\`, account ${B}` } });
    const next = mustApply(world, { op: 'deleteOrgUnit', id: 'ou-x-a' });
    expect(next.organization!.units).toEqual([{ id: root, name: 'Root' }, { id: 'ou-x-b', name: 'B', parent: root }]);
    expect(next.organization!.accounts).toContainEqual({ id: B, parent: root });
    expect(next.organization!.policies![0]!.targets).not.toContain('ou-x-a');
    expect(worldFaults(next)).toEqual([]);
  });
});

describe('accounts in the organization', () => {
  it('the management account cannot be removed from the organization', () => {
    expect(refusal(created, { op: 'removeAccountFromOrganization', account: A })).toMatchObject({ code: 'managementAccount', params: { account: A } });
  });
  it('the management account cannot be deleted while the organization exists', () => {
    expect(refusal(created, { op: 'deleteAccount', id: A }).code).toBe('managementAccount');
  });
  it('removing an account drops it from every policy target', () => {
    const next = mustApply(created, { op: 'moveAccount', account: B, parent: root }, { op: 'removeAccountFromOrganization', account: B });
    expect(next.organization!.accounts).toEqual([{ id: A, parent: root }]);
    expect(next.organization!.policies![0]!.targets).toEqual([root, A]);
  });
  it('an account must be in the world and the parent a unit of the organization', () => {
    expect(refusal(created, { op: 'moveAccount', account: '999999999999', parent: root }).code).toBe('notFound');
    expect(refusal(created, { op: 'moveAccount', account: B, parent: 'ou-nope' })).toMatchObject({ code: 'notFound', field: 'parent' });
    expect(refusal(sampleWorld(), { op: 'moveAccount', account: B, parent: 'r-1234' }).code).toBe('organizationMissing');
  });
});

describe('SCPs and RCPs', () => {
  const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] };
  it('SCP and RCP names are 1 to 128 characters and unique in the organization', () => {
    mustApply(created, { op: 'createOrgPolicy', name: 'p'.repeat(128), type: 'SCP', document: deny });
    expect(refusal(created, { op: 'createOrgPolicy', name: 'p'.repeat(129), type: 'RCP', document: deny }).code).toBe('nameTooLong');
    expect(refusal(created, { op: 'createOrgPolicy', name: 'FullAWSAccess', type: 'SCP', document: deny }).code).toBe('nameTaken');
    expect(refusal(created, { op: 'createOrgPolicy', name: 'X', type: 'SCP', document: 'Deny all' }).code).toBe('documentInvalid');
  });

  it('at most 5 SCPs are attached to one root, OU or account', () => {
    let world = created;
    for (let i = 0; i < 5; i++) world = mustApply(world, { op: 'createOrgPolicy', name: `S${i}`, type: 'SCP', document: deny });
    for (let i = 0; i < 4; i++) world = mustApply(world, { op: 'attachOrgPolicy', name: `S${i}`, target: root });
    expect(refusal(world, { op: 'attachOrgPolicy', name: 'S4', target: root })).toMatchObject({ code: 'quotaExceeded', field: 'target', params: { limit: 5, target: root } });
  });

  it('policies attach only to the root, an OU or an account of the organization, and once', () => {
    expect(refusal(created, { op: 'attachOrgPolicy', name: 'FullAWSAccess', target: B })).toMatchObject({ code: 'orgTargetInvalid', params: { target: B } });
    expect(refusal(created, { op: 'attachOrgPolicy', name: 'FullAWSAccess', target: root }).code).toBe('alreadyAttached');
    expect(refusal(created, { op: 'detachOrgPolicy', name: 'FullAWSAccess', target: 'ou-none' }).code).toBe('notAttached');
  });

  it('every root, OU and account keeps at least one SCP attached (DetachPolicy)', () => {
    expect(refusal(created, { op: 'detachOrgPolicy', name: 'FullAWSAccess', target: root })).toMatchObject({ code: 'lastScp', params: { policy: 'FullAWSAccess', target: root } });
    expect(refusal(created, { op: 'deleteOrgPolicy', name: 'FullAWSAccess' }).code).toBe('lastScp');
    const rcp = mustApply(created, { op: 'createOrgPolicy', name: 'Rcp', type: 'RCP', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] } }, { op: 'attachOrgPolicy', name: 'Rcp', target: root });
    // RCPs have no such rule (RCPFullAWSAccess stays attached and is never listed).
    mustApply(rcp, { op: 'detachOrgPolicy', name: 'Rcp', target: root });
  });

  it('renaming and deleting an SCP', () => {
    const edits: WorldEdit[] = [
      { op: 'createOrgPolicy', name: 'DenyDelete', type: 'SCP', document: deny },
      { op: 'attachOrgPolicy', name: 'DenyDelete', target: root },
      { op: 'renameOrgPolicy', name: 'DenyDelete', newName: 'NoDeletes' },
    ];
    const world = mustApply(created, ...edits);
    expect(world.organization!.policies![1]).toMatchObject({ name: 'NoDeletes', targets: [root] });
    expect(refusal(world, { op: 'renameOrgPolicy', name: 'NoDeletes', newName: 'FullAWSAccess' }).code).toBe('nameTaken');
    expect(mustApply(world, { op: 'deleteOrgPolicy', name: 'NoDeletes' }).organization!.policies).toHaveLength(1);
  });

  it('deleteOrganization removes it; without one, organization edits are refused', () => {
    expect(mustApply(created, { op: 'deleteOrganization' }).organization).toBeUndefined();
    expect(refusal(sampleWorld(), { op: 'deleteOrganization' }).code).toBe('organizationMissing');
    expect(refusal(sampleWorld(), { op: 'setDocument', ref: { kind: 'org', name: 'X' }, document: deny }).code).toBe('organizationMissing');
  });
});
