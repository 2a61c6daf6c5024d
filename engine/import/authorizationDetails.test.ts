import { describe, expect, it } from 'vitest';
import type { AccountJson, RoleJson, UserJson } from '../scenario/types';
import {
  ALLOW_S3_READ,
  expectError,
  expectWarning,
  fixture,
  jsonFile,
  policyDetail,
  roleDetail,
  succeeded,
  userDetail,
} from '../../tests/fixtures/import/importFixtures';
import { importFiles } from './index';

function account(result: ReturnType<typeof importFiles>, id: string): AccountJson {
  const found = succeeded(result).scenario.accounts.find((a) => a.id === id);
  if (!found) throw new Error(`no account ${id}`);
  return found;
}

function user(a: AccountJson, name: string): UserJson {
  const found = a.users?.find((u) => u.name === name);
  if (!found) throw new Error(`no user ${name}`);
  return found;
}

function role(a: AccountJson, name: string): RoleJson {
  const found = a.roles?.find((r) => r.name === name);
  if (!found) throw new Error(`no role ${name}`);
  return found;
}

const cli = importFiles([fixture('iam/authorization-details.json')]);

describe('get-account-authorization-details as the AWS CLI prints it', () => {
  const a = account(cli, '111122223333');

  it('takes the account from the entities\' ARNs', () => {
    expect(succeeded(cli).scenario.accounts.map((x) => x.id)).toEqual(['111122223333']);
  });

  it('a user: path, groups, inline policies, tags', () => {
    expect(user(a, 'bob').path).toBe('/contractors/');
    expect(user(a, 'alice')).toMatchObject({ groups: ['developers'], tags: { team: 'blue' } });
    expect(Object.keys(user(a, 'alice').inlinePolicies ?? {})).toEqual(['ReadOwnTags']);
  });

  it('the account\'s own managed policy is attached by name, an AWS managed one by ARN', () => {
    expect(user(a, 'alice').managedPolicies).toEqual(['ReportsRead']);
    expect(user(a, 'bob').managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(role(a, 'Deploy').managedPolicies).toEqual(['arn:aws:iam::aws:policy/PowerUserAccess']);
  });

  it('the permissions boundary (PermissionsBoundary.PermissionsBoundaryArn) is referenced the same way', () => {
    expect(user(a, 'alice').permissionsBoundary).toBe('DeveloperBoundary');
  });

  it('a group\'s inline and managed policies', () => {
    expect(a.groups).toEqual([
      {
        name: 'developers',
        managedPolicies: ['ReportsRead'],
        inlinePolicies: { AssumeDeployRole: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/Deploy' }] } },
      },
    ]);
  });

  it('a role: its trust policy from AssumeRolePolicyDocument, its tags', () => {
    expect(role(a, 'Deploy').trustPolicy).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] });
    expect(role(a, 'Deploy').tags).toEqual({ purpose: 'ci' });
  });

  it('a role\'s InstanceProfileList becomes the account\'s instance profiles', () => {
    expect(a.instanceProfiles).toEqual([{ name: 'WebServerProfile', role: 'WebServer' }]);
  });

  it('a customer managed policy: the default version\'s document, its path and description', () => {
    expect(a.policies?.find((p) => p.name === 'ReportsRead')).toMatchObject({
      path: '/reports/',
      description: 'Read the monthly reports',
      document: { Statement: [{ Action: ['s3:GetObject', 's3:ListBucket'] }] },
    });
  });

  it('only a policy\'s default version is in force: the others are left out, with a warning', () => {
    expectWarning(cli, 'iam/authorization-details.json: $.Policies[0].PolicyVersionList', /^1 non-default policy version is not imported/);
  });

  it('an AWS managed policy\'s document is not copied into the account', () => {
    expect(a.policies?.map((p) => p.name)).toEqual(['ReportsRead', 'DeveloperBoundary']);
    expectWarning(cli, 'iam/authorization-details.json: $.Policies[2]', /AWS managed policy is attached by ARN, not copied/);
  });

  it('service-linked roles are left out by default, with a warning; kept on request', () => {
    expect(a.roles?.map((r) => r.name)).toEqual(['Deploy', 'WebServer']);
    expectWarning(cli, 'iam/authorization-details.json: $.RoleDetailList[2]', /^1 service-linked role is left out/);
    const kept = account(importFiles([fixture('iam/authorization-details.json')], { serviceLinkedRoles: 'keep' }), '111122223333');
    expect(role(kept, 'AWSServiceRoleForSupport').path).toBe('/aws-service-role/support.amazonaws.com/');
  });

  it('RoleLastUsed is not imported: one warning for all roles of a file', () => {
    expect(succeeded(cli).warnings.filter((w) => /RoleLastUsed/.test(w.message))).toEqual([
      { path: 'iam/authorization-details.json: $.RoleDetailList[0].RoleLastUsed', message: '`RoleLastUsed` of 1 role is not imported: the playground keeps no history of use.' },
    ]);
  });

  it('MaxSessionDuration and Description, which get-role adds, are kept when present', () => {
    const result = importFiles([jsonFile('iam.json', { RoleDetailList: [roleDetail('Long', '111122223333', { MaxSessionDuration: 7200, Description: 'long sessions' })] })]);
    expect(role(account(result, '111122223333'), 'Long')).toMatchObject({ maxSessionDuration: 7200, description: 'long sessions' });
    expectError(importFiles([jsonFile('iam.json', { RoleDetailList: [roleDetail('Long', '111122223333', { MaxSessionDuration: 60 })] })]), 'iam.json: $.RoleDetailList[0].MaxSessionDuration', /3600 to 43200/);
  });
});

describe('get-account-authorization-details as the IAM API returns it', () => {
  const pages = importFiles([fixture('iam/authorization-details-api-page-1.json'), fixture('iam/authorization-details-api-page-2.json')]);
  const a = account(pages, '222233334444');

  it('"Policies returned by this operation are URL-encoded compliant with RFC 3986" (IAM API Reference): they are decoded', () => {
    expect(a.groups?.[0]?.inlinePolicies?.['DescribeInstances']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'DescribeInstances', Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }],
    });
    expect(role(a, 'CrossAccountAudit').trustPolicy).toMatchObject({ Statement: [{ Condition: { StringEquals: { 'sts:ExternalId': 'audit-7f3c' } } }] });
  });

  it('a `%` inside a URL-encoded policy survives decoding', () => {
    expect(a.policies?.[0]?.document).toMatchObject({ Statement: [{ Condition: { StringLike: { 's3:prefix': ['home/100%/*'] } } }] });
  });

  it('a document given as JSON text (not URL-encoded) is read as it is, `%` included', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/50%25' }] });
    const result = importFiles([jsonFile('iam.json', { Policies: [policyDetail('P', '111122223333', text)] })]);
    expect(account(result, '111122223333').policies?.[0]?.document).toMatchObject({ Statement: [{ Resource: 'arn:aws:s3:::b/50%25' }] });
  });

  it('the pages of one listing (IsTruncated, Marker) combine: a group on page 1 attaches a policy on page 2', () => {
    expect(a.groups?.[0]?.managedPolicies).toEqual(['OpsRead']);
    expect(user(a, 'carol').groups).toEqual(['ops']);
    expect(succeeded(pages).warnings.filter((w) => /IsTruncated/.test(w.message))).toEqual([]);
  });

  it('a listing whose last page is missing is imported with a warning (and an error where a reference breaks)', () => {
    const onlyFirst = importFiles([fixture('iam/authorization-details-api-page-1.json')]);
    expectError(onlyFirst, 'iam/authorization-details-api-page-1.json: $.GroupDetailList[0].AttachedManagedPolicies[0].PolicyArn', /Group `ops` has the managed policy `arn:aws:iam::222233334444:policy\/OpsRead`, which no file defines/);
    const usersOnly = importFiles([jsonFile('p1.json', { UserDetailList: [userDetail('dave', '222233334444')], IsTruncated: true, Marker: 'abc' })]);
    expectWarning(usersOnly, 'p1.json: $.IsTruncated', /More of account 222233334444's listing follows .* 1 page of it is here/);
  });

  it('the CLI\'s NextToken (--max-items) marks a page too', () => {
    const result = importFiles([jsonFile('p1.json', { UserDetailList: [userDetail('dave')], NextToken: 'eyJNYXJrZXIiOiBudWxsfQ==' })]);
    expectWarning(result, 'p1.json: $.NextToken', /listing follows/);
  });
});

describe('several files', () => {
  it('two accounts\' outputs make two accounts', () => {
    const result = importFiles([jsonFile('a.json', { UserDetailList: [userDetail('alice', '111122223333')] }), jsonFile('b.json', { UserDetailList: [userDetail('bob', '444455556666')] })]);
    expect(succeeded(result).scenario.accounts.map((a) => [a.id, a.users?.map((u) => u.name)])).toEqual([
      ['111122223333', ['alice']],
      ['444455556666', ['bob']],
    ]);
  });

  it('one file holding several accounts (by their ARNs) makes several accounts', () => {
    const result = importFiles([jsonFile('a.json', { UserDetailList: [userDetail('alice', '111122223333'), userDetail('bob', '444455556666')] })]);
    expect(succeeded(result).scenario.accounts.map((a) => a.id)).toEqual(['111122223333', '444455556666']);
  });

  it('the same entity in two files, identical, is imported once', () => {
    const file = { UserDetailList: [userDetail('alice')], Policies: [policyDetail('P')] };
    const result = importFiles([jsonFile('a.json', file), jsonFile('b.json', file)]);
    expect(account(result, '111122223333').users).toEqual([{ name: 'alice' }]);
  });

  it('the same entity in two files, different, is an error at both places', () => {
    const result = importFiles([
      jsonFile('a.json', { UserDetailList: [userDetail('alice')] }),
      jsonFile('b.json', { UserDetailList: [userDetail('alice', '111122223333', { Tags: [{ Key: 'team', Value: 'red' }] })] }),
    ]);
    expectError(result, 'b.json: $.UserDetailList[0]', /User `alice` of account 111122223333 is also at `a.json: \$.UserDetailList\[0\]`, with different details/);
  });

  it('IAM names are unique regardless of case: `Alice` and `alice` are the same user', () => {
    const result = importFiles([jsonFile('a.json', { UserDetailList: [userDetail('alice'), userDetail('Alice')] })]);
    expectError(result, 'a.json: $.UserDetailList[1]', /is also at `a.json: \$.UserDetailList\[0\]`/);
  });
});

describe('references that no file defines', () => {
  it('a group of GroupList', () => {
    const result = importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { GroupList: ['admins'] })] })]);
    expectError(result, 'u.json: $.UserDetailList[0].GroupList[0]', /User `alice` is in group `admins`, which no file of account 111122223333 defines \(.*--filter/);
  });

  it('a customer managed policy (e.g. run with --filter User)', () => {
    const attached = [{ PolicyName: 'Missing', PolicyArn: 'arn:aws:iam::111122223333:policy/Missing' }];
    const result = importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { AttachedManagedPolicies: attached })] })]);
    expectError(result, 'u.json: $.UserDetailList[0].AttachedManagedPolicies[0].PolicyArn', /has the managed policy `arn:aws:iam::111122223333:policy\/Missing`, which no file defines/);
  });

  it('a permissions boundary', () => {
    const boundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/Gone' };
    const result = importFiles([jsonFile('r.json', { RoleDetailList: [roleDetail('R', '111122223333', { PermissionsBoundary: boundary })] })]);
    expectError(result, 'r.json: $.RoleDetailList[0].PermissionsBoundary.PermissionsBoundaryArn', /Role `R` has the managed policy .*Gone/);
  });

  it('another account\'s customer managed policy, when that account is imported too, is referenced by ARN', () => {
    const attached = [{ PolicyName: 'Shared', PolicyArn: 'arn:aws:iam::444455556666:policy/Shared' }];
    const result = importFiles([
      jsonFile('a.json', { UserDetailList: [userDetail('alice', '111122223333', { AttachedManagedPolicies: attached })] }),
      jsonFile('b.json', { Policies: [policyDetail('Shared', '444455556666')] }),
    ]);
    expect(user(account(result, '111122223333'), 'alice').managedPolicies).toEqual(['arn:aws:iam::444455556666:policy/Shared']);
  });
});

describe('entries that are not what AWS prints', () => {
  it('an entity without an ARN cannot be placed in an account', () => {
    const noArn = { ...userDetail('alice') };
    delete noArn['Arn'];
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [noArn] })]), 'u.json: $.UserDetailList[0].Arn', /User `alice` has no `Arn`/);
  });

  it('an ARN of the wrong type', () => {
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { Arn: 'arn:aws:iam::111122223333:role/alice' })] })]), 'u.json: $.UserDetailList[0].Arn', /is not an IAM user ARN/);
  });

  it('a role without its trust policy', () => {
    const role = roleDetail('R');
    delete role['AssumeRolePolicyDocument'];
    expectError(importFiles([jsonFile('r.json', { RoleDetailList: [role] })]), 'r.json: $.RoleDetailList[0].AssumeRolePolicyDocument', /has no `AssumeRolePolicyDocument`/);
  });

  it('a policy document that is neither JSON nor URL-encoded JSON', () => {
    const inline = [{ PolicyName: 'Bad', PolicyDocument: '%7B%ZZ' }];
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { UserPolicyList: inline })] })]), 'u.json: $.UserDetailList[0].UserPolicyList[0].PolicyDocument', /neither JSON nor URL-encoded JSON/);
    const notJson = [{ PolicyName: 'Bad', PolicyDocument: '%7Bnope' }];
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { UserPolicyList: notJson })] })]), 'u.json: $.UserDetailList[0].UserPolicyList[0].PolicyDocument', /\(URL-decoded\) is not valid JSON: .* at line 1, column 2/);
  });

  it('a policy document that is JSON but not an object', () => {
    const inline = [{ PolicyName: 'Bad', PolicyDocument: [ALLOW_S3_READ] }];
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { UserPolicyList: inline })] })]), 'u.json: $.UserDetailList[0].UserPolicyList[0].PolicyDocument', /must be a JSON object or the policy's text, not an array/);
  });

  it('a managed policy without a default version', () => {
    const p = { ...policyDetail('P'), PolicyVersionList: [{ Document: ALLOW_S3_READ, VersionId: 'v1', IsDefaultVersion: false }], DefaultVersionId: 'v9' };
    expectError(importFiles([jsonFile('p.json', { Policies: [p] })]), 'p.json: $.Policies[0].PolicyVersionList', /has no default version/);
  });

  it('the default version is found by DefaultVersionId when IsDefaultVersion is absent', () => {
    const other = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
    const p = { ...policyDetail('P'), DefaultVersionId: 'v2', PolicyVersionList: [{ Document: other, VersionId: 'v1' }, { Document: ALLOW_S3_READ, VersionId: 'v2' }] };
    expect(account(importFiles([jsonFile('p.json', { Policies: [p] })]), '111122223333').policies?.[0]?.document).toEqual(ALLOW_S3_READ);
  });

  it('a list that is not a list, a path that is not an IAM path, a tag without a value', () => {
    expectError(importFiles([jsonFile('u.json', { UserDetailList: {} })]), 'u.json: $.UserDetailList', /must be an array, not an object/);
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { Path: 'home' })] })]), 'u.json: $.UserDetailList[0].Path', /is not an IAM path/);
    expectError(importFiles([jsonFile('u.json', { UserDetailList: [userDetail('alice', '111122223333', { Tags: [{ Key: 'k' }] })] })]), 'u.json: $.UserDetailList[0].Tags[0]', /a tag is/);
  });

  it('another partition\'s ARNs are imported with a warning', () => {
    const result = importFiles([jsonFile('cn.json', { UserDetailList: [userDetail('li', '111122223333', { Arn: 'arn:aws-cn:iam::111122223333:user/li' })] })]);
    expectWarning(result, 'cn.json: $.UserDetailList[0].Arn', /`aws-cn` partition/);
  });

  it('a name the built world rejects is reported at the entity it comes from', () => {
    const long = 'u'.repeat(65);
    const result = importFiles([jsonFile('u.json', { UserDetailList: [userDetail(long)] })]);
    expectError(result, 'u.json: $.UserDetailList[0]', /String is too long \(65 > 64\)\. \(in the imported world at `\$\.accounts\[0\]\.users\[0\]\.name`\)$/);
  });
});
