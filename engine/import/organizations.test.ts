import { describe, expect, it } from 'vitest';
import type { ImportFile } from './index';
import type { OrganizationJson } from '../scenario/types';
import { expectError, expectWarning, fixture, fixtureFolder, jsonFile, succeeded } from '../../tests/fixtures/import/importFixtures';
import { FULL_AWS_ACCESS_DOCUMENT } from './buildOrganization';
import { importFiles } from './index';

const ORG = 'o-a1b2c3d4e5';
const MGMT = '999988887777';
const arn = (kind: string, rest: string) => `arn:aws:organizations::${MGMT}:${kind}/${ORG}/${rest}`;

const describeOrg = jsonFile('describe-organization.json', { Organization: { Id: ORG, Arn: `arn:aws:organizations::${MGMT}:organization/${ORG}`, FeatureSet: 'ALL', MasterAccountId: MGMT } });
const roots = jsonFile('roots.json', { Roots: [{ Id: 'r-a1b2', Arn: arn('root', 'r-a1b2'), Name: 'Root' }] });
const fullAccessEverywhere = (ids: string[]) =>
  jsonFile('targets-p-FullAWSAccess.json', { Targets: ids.map((id) => ({ TargetId: id, Type: id.startsWith('r-') ? 'ROOT' : id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT', Name: id })) });

function organization(files: ImportFile[]): OrganizationJson {
  const org = succeeded(importFiles(files)).scenario.organization;
  if (!org) throw new Error('no organization');
  return org;
}

describe('the sample organization', () => {
  const result = importFiles(fixtureFolder('org'));
  const org = organization(fixtureFolder('org'));

  it('has its id and management account from describe-organization', () => {
    expect(org.id).toBe(ORG);
    expect(org.managementAccount).toBe(MGMT);
  });

  it('lists the root first and every OU after its parent', () => {
    expect(org.units).toEqual([
      { id: 'r-a1b2', name: 'Root' },
      { id: 'ou-a1b2-sandbox1', name: 'Sandbox', parent: 'r-a1b2' },
      { id: 'ou-a1b2-prod0001', name: 'Production', parent: 'r-a1b2' },
      { id: 'ou-a1b2-work0001', name: 'Workloads', parent: 'ou-a1b2-prod0001' },
    ]);
  });

  it('places every account where a listing for its parent puts it', () => {
    expect(Object.fromEntries((org.accounts ?? []).map((a) => [a.id, a.parent]))).toEqual({
      [MGMT]: 'r-a1b2',
      '111122223333': 'ou-a1b2-work0001',
      '222233334444': 'ou-a1b2-prod0001',
      '333344445555': 'ou-a1b2-sandbox1',
    });
  });

  it('makes every account of the organization an account of the world', () => {
    expect(succeeded(result).scenario.accounts.map((a) => a.id).sort()).toEqual(['111122223333', '222233334444', '333344445555', MGMT].sort());
  });

  it('has the SCPs and RCPs with their contents (describe-policy) and targets (list-targets-for-policy)', () => {
    const byName = Object.fromEntries((org.policies ?? []).map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['DenyLeaveOrganization', 'FullAWSAccess', 'S3OrgPrincipalsOnly', 'SandboxUsEast1Only']);
    expect(byName['DenyLeaveOrganization']).toMatchObject({ type: 'SCP', targets: ['r-a1b2'], document: { Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization' }] } });
    expect(byName['S3OrgPrincipalsOnly']).toMatchObject({ type: 'RCP', targets: ['r-a1b2'] });
    expect(byName['SandboxUsEast1Only']?.targets).toEqual(['ou-a1b2-sandbox1']);
  });

  it('FullAWSAccess "allows all services and actions" (Organizations User Guide, SCP evaluation): its content is known without describe-policy', () => {
    const full = (org.policies ?? []).find((p) => p.name === 'FullAWSAccess');
    expect(full?.document).toEqual(FULL_AWS_ACCESS_DOCUMENT);
    expect(full?.targets).toHaveLength(8);
  });

  it('RCPFullAWSAccess is left out: it cannot be detached, and the scenario format never lists it', () => {
    expect((org.policies ?? []).map((p) => p.name)).not.toContain('RCPFullAWSAccess');
    expectWarning(result, 'org/list-policies-rcp.json: $.Policies[0]', /`RCPFullAWSAccess` is not imported/);
  });

  it('account names are not imported: one warning for the whole import', () => {
    expect(succeeded(result).warnings.filter((w) => /Account names/.test(w.message))).toHaveLength(1);
  });

  it('needs no other warning', () => {
    expect(succeeded(result).warnings.map((w) => w.message).filter((m) => !/RCPFullAWSAccess|Account names/.test(m))).toEqual([]);
  });
});

describe('listings that do not print what they list', () => {
  const ous = { OrganizationalUnits: [{ Id: 'ou-a1b2-prod0001', Name: 'Production' }] };
  const childOus = { OrganizationalUnits: [{ Id: 'ou-a1b2-work0001', Name: 'Workloads' }] };

  it('the parent of list-organizational-units-for-parent, from the "ParentId" a learner adds', () => {
    const org = organization([describeOrg, roots, jsonFile('ous.json', { ParentId: 'r-a1b2', ...ous }), jsonFile('ous2.json', { ParentId: 'ou-a1b2-prod0001', ...childOus })]);
    expect(org.units?.map((u) => [u.id, u.parent])).toEqual([
      ['r-a1b2', undefined],
      ['ou-a1b2-prod0001', 'r-a1b2'],
      ['ou-a1b2-work0001', 'ou-a1b2-prod0001'],
    ]);
  });

  it('…or from the one id in the file name', () => {
    const org = organization([describeOrg, roots, jsonFile('ous-r-a1b2.json', ous), jsonFile('exports/ous-ou-a1b2-prod0001.json', childOus)]);
    expect(org.units?.find((u) => u.id === 'ou-a1b2-work0001')?.parent).toBe('ou-a1b2-prod0001');
  });

  it('the key wins over the file name', () => {
    const org = organization([describeOrg, roots, jsonFile('ous-r-a1b2.json', ous), jsonFile('ous-r-a1b2-again.json', { ParentId: 'ou-a1b2-prod0001', ...childOus })]);
    expect(org.units?.find((u) => u.id === 'ou-a1b2-work0001')?.parent).toBe('ou-a1b2-prod0001');
  });

  it('an OU whose parent no file gives is placed under the root, with a warning saying how to place it', () => {
    const result = importFiles([describeOrg, roots, jsonFile('ous.json', childOus)]);
    expect(succeeded(result).scenario.organization?.units?.[1]).toEqual({ id: 'ou-a1b2-work0001', name: 'Workloads', parent: 'r-a1b2' });
    expectWarning(result, 'ous.json: $.OrganizationalUnits[0]', /No file says which parent 1 OU \(`ou-a1b2-work0001`\) has: placed directly under the root\. .*"ParentId"/);
  });

  it('an account whose parent no file gives (list-accounts) is placed under the root, with a warning', () => {
    const result = importFiles([describeOrg, roots, jsonFile('accounts.json', { Accounts: [{ Id: '111122223333', Name: 'a', Status: 'ACTIVE' }] })]);
    expect(succeeded(result).scenario.organization?.accounts).toContainEqual({ id: '111122223333', parent: 'r-a1b2' });
    expectWarning(result, 'describe-organization.json: $.Organization.MasterAccountId', /No file says where 2 accounts \(`999988887777`, `111122223333`\) sit: placed directly under the root/);
  });

  it('list-children with its parent places OUs and accounts alike', () => {
    const children = { ParentId: 'ou-a1b2-prod0001', Children: [{ Id: 'ou-a1b2-work0001', Type: 'ORGANIZATIONAL_UNIT' }, { Id: '111122223333', Type: 'ACCOUNT' }] };
    const org = organization([describeOrg, roots, jsonFile('children.json', children)]);
    expect(org.units?.find((u) => u.id === 'ou-a1b2-work0001')?.parent).toBe('ou-a1b2-prod0001');
    expect(org.accounts).toContainEqual({ id: '111122223333', parent: 'ou-a1b2-prod0001' });
  });

  it('list-targets-for-policy without its policy is an error that says what to add', () => {
    const result = importFiles([describeOrg, roots, jsonFile('targets.json', { Targets: [{ TargetId: 'r-a1b2', Type: 'ROOT', Name: 'Root' }] })]);
    expectError(result, 'targets.json: $', /lists the targets of a policy without saying which: add `"PolicyId": "p-…"`/);
  });

  it('list-policies-for-target with "TargetId" attaches every listed policy to that target', () => {
    const policies = { TargetId: 'r-a1b2', Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: true }] };
    const result = importFiles([describeOrg, roots, jsonFile('policies.json', policies)]);
    expect(succeeded(result).kinds[2]?.kind).toBe('organizations:list-policies-for-target');
    expect(succeeded(result).scenario.organization?.policies?.[0]?.targets).toEqual(['r-a1b2']);
  });

  it('a "ParentId" that is not a root or OU id is an error at the key', () => {
    expectError(importFiles([describeOrg, roots, jsonFile('ous.json', { ParentId: 'Production', ...ous })]), 'ous.json: $.ParentId', /`Production` is not a root or OU id/);
  });
});

describe('what the files must agree on', () => {
  it('the organization id and management account come from the ARNs when describe-organization is missing', () => {
    const org = organization([roots]);
    expect([org.id, org.managementAccount]).toEqual([ORG, MGMT]);
  });

  it('an OU id names its root ("ou-" + the root\'s id): no list-roots needed', () => {
    const org = organization([describeOrg, jsonFile('ous.json', { OrganizationalUnits: [{ Id: 'ou-a1b2-prod0001', Name: 'Production' }] })]);
    expect(org.units?.[0]).toEqual({ id: 'r-a1b2', name: 'Root' });
  });

  it('without an id anywhere: add describe-organization', () => {
    expectError(importFiles([jsonFile('roots.json', { Roots: [{ Id: 'r-a1b2', Name: 'Root' }] })]), 'roots.json: $', /organization's id is not in the files: add the output of `aws organizations describe-organization`/);
  });

  it('without a root: add list-roots', () => {
    expectError(importFiles([describeOrg]), 'describe-organization.json: $', /root is not in the files: add the output of `aws organizations list-roots`/);
  });

  it('two organizations are refused', () => {
    const other = jsonFile('other.json', { Organization: { Id: 'o-zzzzzzzzzz', MasterAccountId: MGMT } });
    expectError(importFiles([describeOrg, roots, other]), 'other.json: $.Organization.Id', /two organizations: `o-zzzzzzzzzz` here and `o-a1b2c3d4e5`/);
  });

  it('AWS Organizations has exactly one root', () => {
    expectError(importFiles([describeOrg, roots, jsonFile('roots2.json', { Roots: [{ Id: 'r-zzzz', Name: 'Root' }] })]), 'roots2.json: $.Roots[0]', /two roots/);
  });

  it('one account under two parents is refused', () => {
    const a = jsonFile('a.json', { ParentId: 'r-a1b2', Accounts: [{ Id: '111122223333' }] });
    const b = jsonFile('b.json', { ParentId: 'ou-a1b2-prod0001', Accounts: [{ Id: '111122223333' }] });
    expectError(importFiles([describeOrg, roots, a, b]), 'b.json: $.Accounts[0]', /placed under `ou-a1b2-prod0001` here, and under `r-a1b2` at `a.json: \$.Accounts\[0\]`/);
  });

  it('OUs that are their own ancestors are refused', () => {
    const a = jsonFile('a.json', { ParentId: 'ou-a1b2-bbbbbbbb', OrganizationalUnits: [{ Id: 'ou-a1b2-aaaaaaaa' }] });
    const b = jsonFile('b.json', { ParentId: 'ou-a1b2-aaaaaaaa', OrganizationalUnits: [{ Id: 'ou-a1b2-bbbbbbbb' }] });
    expectError(importFiles([describeOrg, roots, a, b]), 'a.json: $.OrganizationalUnits[0]', /its own ancestor/);
  });
});

describe('policies', () => {
  const scpSummary = { Id: 'p-abcdefgh12', Arn: arn('policy', 'service_control_policy/p-abcdefgh12'), Name: 'DenyS3Delete', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false };

  it('an SCP listed without its content is left out, with the command that gives it', () => {
    const result = importFiles([describeOrg, roots, fullAccessEverywhere(['r-a1b2', MGMT]), jsonFile('list-policies.json', { Policies: [scpSummary] })]);
    expect(succeeded(result).scenario.organization?.policies?.map((p) => p.name)).toEqual(['FullAWSAccess']);
    expectWarning(result, 'list-policies.json: $.Policies[0]', /`DenyS3Delete` \(`p-abcdefgh12`\) is left out: its content is not in the files\. Add the output of `aws organizations describe-policy --policy-id p-abcdefgh12`/);
  });

  it('describe-policy alone gives an SCP (with no targets)', () => {
    const content = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] });
    const org = organization([describeOrg, roots, fullAccessEverywhere(['r-a1b2', MGMT]), jsonFile('d.json', { Policy: { PolicySummary: scpSummary, Content: content } })]);
    expect(org.policies?.find((p) => p.name === 'DenyS3Delete')).toEqual({ name: 'DenyS3Delete', type: 'SCP', targets: [], document: JSON.parse(content) });
  });

  it('describe-policy with content that is not JSON is an error at Content', () => {
    expectError(importFiles([describeOrg, roots, jsonFile('d.json', { Policy: { PolicySummary: scpSummary, Content: '{"Version":' } })]), 'd.json: $.Policy.Content', /is not valid JSON/);
  });

  it('policies of other types (tag, backup…) are left out: they do not decide access', () => {
    const tag = { Id: 'p-tagpolicy1', Name: 'Tags', Type: 'TAG_POLICY', AwsManaged: false };
    const result = importFiles([describeOrg, roots, fullAccessEverywhere(['r-a1b2', MGMT]), jsonFile('tags.json', { Policies: [tag] })]);
    expect(succeeded(result).scenario.organization?.policies?.map((p) => p.name)).toEqual(['FullAWSAccess']);
    expectWarning(result, 'tags.json: $.Policies[0].Type', /^1 policy is of a type other than SCP and RCP/);
  });

  it('"Every root, OU, and account must have at least one SCP attached" (Organizations API Reference, DetachPolicy): a world without SCPs is warned about', () => {
    expectWarning(importFiles([describeOrg, roots]), 'describe-organization.json: $', /No SCP is imported, yet in AWS every root, OU and account has at least one/);
  });

  it('…and so is each level without one', () => {
    const result = importFiles([describeOrg, roots, jsonFile('ous-r-a1b2.json', { OrganizationalUnits: [{ Id: 'ou-a1b2-prod0001' }] }), fullAccessEverywhere(['r-a1b2', MGMT])]);
    expectWarning(result, 'ous-r-a1b2.json: $.OrganizationalUnits[0]', /No imported SCP is attached to `ou-a1b2-prod0001`/);
  });

  it('a target that no other file names becomes known as a unit or account of the organization', () => {
    const org = organization([describeOrg, roots, fullAccessEverywhere(['r-a1b2', 'ou-a1b2-prod0001', MGMT, '111122223333'])]);
    expect(org.units?.map((u) => u.id)).toEqual(['r-a1b2', 'ou-a1b2-prod0001']);
    expect(org.accounts?.map((a) => a.id)).toEqual([MGMT, '111122223333']);
  });

  it('a CONSOLIDATED_BILLING organization is imported with a warning: SCPs do not apply there', () => {
    const billing = jsonFile('org.json', { Organization: { Id: ORG, FeatureSet: 'CONSOLIDATED_BILLING', MasterAccountId: MGMT } });
    expectWarning(importFiles([billing, roots]), 'org.json: $.Organization.FeatureSet', /only the `CONSOLIDATED_BILLING` features/);
  });
});

describe('IAM and Organizations outputs together', () => {
  it('an IAM account that is a member of the organization keeps its IAM entities and gets its place', () => {
    const files = [fixture('iam/authorization-details.json'), ...fixtureFolder('org')];
    const scenario = succeeded(importFiles(files)).scenario;
    expect(scenario.accounts[0]?.id).toBe('111122223333');
    expect(scenario.accounts[0]?.users?.length).toBe(2);
    expect(scenario.organization?.accounts).toContainEqual({ id: '111122223333', parent: 'ou-a1b2-work0001' });
  });
});
