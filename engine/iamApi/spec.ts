/**
 * The IAM writes the simulated IAM API applies, with their parameters as the AWS API names
 * them (IAM API Reference) and the resource type each is authorized on (Service
 * Authorization Reference, "Actions defined by AWS Identity and Access Management").
 * One table drives the API (./apply.ts), the console's parameter form and the docs.
 */
import type { ApiParamSpec, ApiSpec } from './types';

const user = (required = true): ApiParamSpec => ({ name: 'UserName', type: 'string', required, fromResource: 'userName' });
const group: ApiParamSpec = { name: 'GroupName', type: 'string', required: true, fromResource: 'groupName' };
const role: ApiParamSpec = { name: 'RoleName', type: 'string', required: true, fromResource: 'roleName' };
const policyArnOfResource: ApiParamSpec = { name: 'PolicyArn', type: 'string', required: true, fromResource: 'policyArn' };
const policyArn: ApiParamSpec = { name: 'PolicyArn', type: 'string', required: true };
const policyName: ApiParamSpec = { name: 'PolicyName', type: 'string', required: true };
const policyDocument: ApiParamSpec = { name: 'PolicyDocument', type: 'policyDocument', required: true };
const path: ApiParamSpec = { name: 'Path', type: 'string', required: false };
const tags: ApiParamSpec = { name: 'Tags', type: 'tags', required: false };
const boundary = (required: boolean): ApiParamSpec => ({ name: 'PermissionsBoundary', type: 'string', required });

export const IAM_API_SPECS: readonly ApiSpec[] = [
  // ── users and groups
  { action: 'iam:CreateUser', resourceType: 'user', params: [user(), path, boundary(false), tags] },
  { action: 'iam:DeleteUser', resourceType: 'user', params: [user()] },
  { action: 'iam:CreateGroup', resourceType: 'group', params: [group, path] },
  { action: 'iam:DeleteGroup', resourceType: 'group', params: [group] },
  { action: 'iam:AddUserToGroup', resourceType: 'group', params: [group, { name: 'UserName', type: 'string', required: true }] },
  { action: 'iam:RemoveUserFromGroup', resourceType: 'group', params: [group, { name: 'UserName', type: 'string', required: true }] },
  // ── credentials
  { action: 'iam:CreateAccessKey', resourceType: 'user', params: [{ ...user(false), defaultsTo: 'caller' }] },
  {
    action: 'iam:UpdateAccessKey', resourceType: 'user',
    params: [{ ...user(false), defaultsTo: 'caller' }, { name: 'AccessKeyId', type: 'string', required: true }, { name: 'Status', type: 'string', required: true }],
  },
  { action: 'iam:DeleteAccessKey', resourceType: 'user', params: [{ ...user(false), defaultsTo: 'caller' }, { name: 'AccessKeyId', type: 'string', required: true }] },
  { action: 'iam:CreateLoginProfile', resourceType: 'user', params: [user(), { name: 'Password', type: 'string', required: true }, { name: 'PasswordResetRequired', type: 'boolean', required: false }] },
  { action: 'iam:UpdateLoginProfile', resourceType: 'user', params: [user(), { name: 'Password', type: 'string', required: false }, { name: 'PasswordResetRequired', type: 'boolean', required: false }] },
  { action: 'iam:DeleteLoginProfile', resourceType: 'user', params: [user()] },
  // ── managed policies and their attachments
  { action: 'iam:CreatePolicy', resourceType: 'policy', params: [policyName, policyDocument, path, { name: 'Description', type: 'string', required: false }] },
  { action: 'iam:DeletePolicy', resourceType: 'policy', params: [policyArnOfResource] },
  { action: 'iam:CreatePolicyVersion', resourceType: 'policy', params: [policyArnOfResource, policyDocument, { name: 'SetAsDefault', type: 'boolean', required: false }] },
  { action: 'iam:AttachUserPolicy', resourceType: 'user', params: [user(), policyArn] },
  { action: 'iam:DetachUserPolicy', resourceType: 'user', params: [user(), policyArn] },
  { action: 'iam:AttachGroupPolicy', resourceType: 'group', params: [group, policyArn] },
  { action: 'iam:DetachGroupPolicy', resourceType: 'group', params: [group, policyArn] },
  { action: 'iam:AttachRolePolicy', resourceType: 'role', params: [role, policyArn] },
  { action: 'iam:DetachRolePolicy', resourceType: 'role', params: [role, policyArn] },
  // ── inline policies
  { action: 'iam:PutUserPolicy', resourceType: 'user', params: [user(), policyName, policyDocument] },
  { action: 'iam:DeleteUserPolicy', resourceType: 'user', params: [user(), policyName] },
  { action: 'iam:PutGroupPolicy', resourceType: 'group', params: [group, policyName, policyDocument] },
  { action: 'iam:DeleteGroupPolicy', resourceType: 'group', params: [group, policyName] },
  { action: 'iam:PutRolePolicy', resourceType: 'role', params: [role, policyName, policyDocument] },
  { action: 'iam:DeleteRolePolicy', resourceType: 'role', params: [role, policyName] },
  // ── roles
  {
    action: 'iam:CreateRole', resourceType: 'role',
    params: [role, { name: 'AssumeRolePolicyDocument', type: 'policyDocument', required: true }, path, boundary(false), { name: 'MaxSessionDuration', type: 'integer', required: false }, { name: 'Description', type: 'string', required: false }, tags],
  },
  { action: 'iam:DeleteRole', resourceType: 'role', params: [role] },
  { action: 'iam:UpdateAssumeRolePolicy', resourceType: 'role', params: [role, policyDocument] },
  // ── permissions boundaries
  { action: 'iam:PutUserPermissionsBoundary', resourceType: 'user', params: [user(), boundary(true)] },
  { action: 'iam:DeleteUserPermissionsBoundary', resourceType: 'user', params: [user()] },
  { action: 'iam:PutRolePermissionsBoundary', resourceType: 'role', params: [role, boundary(true)] },
  { action: 'iam:DeleteRolePermissionsBoundary', resourceType: 'role', params: [role] },
  // ── tags (ABAC: a tag is a permission when policies compare it)
  { action: 'iam:TagUser', resourceType: 'user', params: [user(), { ...tags, required: true }] },
  { action: 'iam:UntagUser', resourceType: 'user', params: [user(), { name: 'TagKeys', type: 'stringList', required: true }] },
  { action: 'iam:TagRole', resourceType: 'role', params: [role, { ...tags, required: true }] },
  { action: 'iam:UntagRole', resourceType: 'role', params: [role, { name: 'TagKeys', type: 'stringList', required: true }] },
];

const BY_ACTION = new Map(IAM_API_SPECS.map((spec) => [spec.action.toLowerCase(), spec]));

/** The spec of an IAM write the simulated API applies, by action (any case); undefined for anything else. */
export function iamApiSpec(action: string): ApiSpec | undefined {
  return BY_ACTION.get(action.toLowerCase());
}

/**
 * The codes of `AppliedCall.summary` (app/i18n translates each, with its parameters).
 * Parameters, as each code needs them: `user`, `group`, `role` (names), `policy` (a
 * managed policy's ARN, or an inline policy's name), `accessKeyId`, `status`, `keys`
 * (tag keys, comma-separated), `account` (the account the call changed).
 */
export const API_SUMMARY_CODES = [
  'apiCreatedUser', 'apiDeletedUser', 'apiCreatedGroup', 'apiDeletedGroup', 'apiAddedToGroup', 'apiRemovedFromGroup',
  'apiCreatedAccessKey', 'apiUpdatedAccessKey', 'apiDeletedAccessKey',
  'apiCreatedRootAccessKey', 'apiUpdatedRootAccessKey', 'apiDeletedRootAccessKey',
  'apiCreatedLoginProfile', 'apiUpdatedLoginProfile', 'apiDeletedLoginProfile',
  'apiCreatedPolicy', 'apiDeletedPolicy', 'apiCreatedPolicyVersion', 'apiCreatedPolicyVersionNotDefault',
  'apiAttachedPolicy', 'apiDetachedPolicy', 'apiPutInlinePolicy', 'apiDeletedInlinePolicy',
  'apiCreatedRole', 'apiDeletedRole', 'apiUpdatedTrustPolicy',
  'apiPutBoundary', 'apiDeletedBoundary', 'apiTagged', 'apiUntagged',
] as const;
export type ApiSummaryCode = (typeof API_SUMMARY_CODES)[number];
