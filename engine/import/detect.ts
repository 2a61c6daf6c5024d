/**
 * What a file is, by its shape: each AWS command prints an object with its own top-level
 * key (`UserDetailList`, `Roots`, `Targets`, …). A file holds one command's output.
 */
import { field, hasField, isRecord, type JsonRecord } from './read';

export type ImportKind =
  | 'scenario'
  | 'authorizationDetails'
  | 'organizations:describe-organization'
  | 'organizations:list-roots'
  | 'organizations:list-organizational-units-for-parent'
  | 'organizations:describe-organizational-unit'
  | 'organizations:list-accounts'
  | 'organizations:list-accounts-for-parent'
  | 'organizations:describe-account'
  | 'organizations:list-children'
  | 'organizations:list-policies'
  | 'organizations:list-policies-for-target'
  | 'organizations:describe-policy'
  | 'organizations:list-targets-for-policy';

export type Detection = { readonly ok: true; readonly kind: ImportKind } | { readonly ok: false; readonly message: string };

const AUTHORIZATION_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList'] as const;

/** The top-level key of each output we read, and the kind it makes. */
const MAIN_KEYS: readonly (readonly [string, ImportKind])[] = [
  ['Organization', 'organizations:describe-organization'],
  ['Roots', 'organizations:list-roots'],
  ['OrganizationalUnits', 'organizations:list-organizational-units-for-parent'],
  ['OrganizationalUnit', 'organizations:describe-organizational-unit'],
  ['Accounts', 'organizations:list-accounts'],
  ['Account', 'organizations:describe-account'],
  ['Children', 'organizations:list-children'],
  ['Targets', 'organizations:list-targets-for-policy'],
  ['Policy', 'organizations:describe-policy'],
  ['Policies', 'organizations:list-policies'],
];

/** Outputs of other commands people reach for first, and what to run instead. */
const OTHER_COMMANDS: readonly (readonly [string, string])[] = [
  ['Users', 'aws iam list-users'],
  ['Roles', 'aws iam list-roles'],
  ['Groups', 'aws iam list-groups'],
  ['User', 'aws iam get-user'],
  ['Role', 'aws iam get-role'],
  ['Group', 'aws iam get-group'],
  ['PolicyVersion', 'aws iam get-policy-version'],
  ['AttachedPolicies', 'aws iam list-attached-…-policies'],
  ['PolicyNames', 'aws iam list-…-policies'],
];

export const EXPECTED_SHAPES =
  '`"format": "iam-playground/scenario"` (a scenario file), `UserDetailList`, `GroupDetailList`, `RoleDetailList` or `Policies` ' +
  '(aws iam get-account-authorization-details), or `Organization`, `Roots`, `OrganizationalUnits`, `OrganizationalUnit`, `Accounts`, ' +
  '`Account`, `Children`, `Policies`, `Policy` or `Targets` (aws organizations describe-organization, list-roots, ' +
  'list-organizational-units-for-parent, describe-organizational-unit, list-accounts(-for-parent), describe-account, list-children, ' +
  'list-policies, describe-policy, list-targets-for-policy) at the top level';

function isIamPolicyItem(item: unknown): boolean {
  const arn = field(item, 'Arn');
  return hasField(item, 'PolicyVersionList') || hasField(item, 'PolicyName') || (typeof arn === 'string' && /^arn:[\w-]+:iam:/.test(arn));
}

function detectPolicies(value: JsonRecord, file: string): Detection {
  const items = field(value, 'Policies');
  if (!Array.isArray(items) || !items.some(isIamPolicyItem)) return { ok: true, kind: 'organizations:list-policies' };
  if (items.some((item) => hasField(item, 'PolicyVersionList'))) return { ok: true, kind: 'authorizationDetails' };
  return {
    ok: false,
    message: `\`${file}\` looks like the output of \`aws iam list-policies\`, which has no policy documents: use \`aws iam get-account-authorization-details\` instead.`,
  };
}

/** The kind of a parsed file, or why it is none we read. */
export function detectKind(value: unknown, file: string): Detection {
  const notOurs = `\`${file}\` is JSON but not a scenario file, an IAM authorization-details output or an AWS Organizations output`;
  if (!isRecord(value)) return { ok: false, message: `${notOurs}: it is ${Array.isArray(value) ? 'an array' : 'a single value'}, and every one of these is a JSON object with ${EXPECTED_SHAPES}.` };
  if (hasField(value, 'format')) return { ok: true, kind: 'scenario' };
  if (AUTHORIZATION_LISTS.some((key) => hasField(value, key))) return { ok: true, kind: 'authorizationDetails' };
  const present = MAIN_KEYS.filter(([key]) => hasField(value, key));
  if (present.length > 1) {
    return { ok: false, message: `\`${file}\` holds the outputs of several commands (${present.map(([key]) => `\`${key}\``).join(', ')}): give each command's output a file of its own.` };
  }
  const only = present[0];
  if (only) {
    const [key, kind] = only;
    if (key === 'Policies') return detectPolicies(value, file);
    if (key === 'Policy' && !hasField(field(value, 'Policy'), 'PolicySummary')) {
      return { ok: false, message: `\`${file}\` looks like the output of \`aws iam get-policy\`, which has no policy document: use \`aws iam get-account-authorization-details\` instead.` };
    }
    return { ok: true, kind };
  }
  if (hasField(value, 'Statement') || hasField(value, 'Version')) {
    return { ok: false, message: `\`${file}\` is a policy document, not a world: attach it to a user, group or role in the builder, or paste it into the policy editor.` };
  }
  const other = OTHER_COMMANDS.find(([key]) => hasField(value, key));
  if (other) {
    return {
      ok: false,
      message: `\`${file}\` looks like the output of \`${other[1]}\`, which lacks the policies and memberships a world needs: use \`aws iam get-account-authorization-details\` instead.`,
    };
  }
  return { ok: false, message: `${notOurs}: expected one of ${EXPECTED_SHAPES}.` };
}

/** Top-level keys every output may carry besides its main one (pagination, SDK metadata). */
export const PAGINATION_KEYS = new Set(['NextToken', 'IsTruncated', 'Marker', 'ResponseMetadata']);
