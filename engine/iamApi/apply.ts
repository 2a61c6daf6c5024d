/**
 * The simulated IAM API: an allowed IAM write that carries its parameters is planned as
 * `WorldEdit`s and applied to the scenario, with the IAM API's own checks and error codes
 * (IAM API Reference, each action's "Errors"): NoSuchEntity, EntityAlreadyExists,
 * MalformedPolicyDocument, LimitExceeded, DeleteConflict, InvalidInput, ValidationError,
 * PasswordPolicyViolation. The scenario is never mutated; a refused call changes nothing.
 *
 * IAM is per account: the call acts in the account of its resource ARN, which must be the
 * caller's (a cross-account IAM write is already denied by authorization: IAM users, groups,
 * roles and policies have no resource-based policy that could allow another account).
 */
import { applyEdit } from '../edit/apply';
import { customerPolicyArn, readPolicyRef } from '../edit/policyRefs';
import type { EditErrorCode, HolderRef, WorldEdit } from '../edit/types';
import type { ManagedPolicySource } from '../data/managedPolicies';
import { compilePolicy } from '../evaluate/compiledPolicy';
import type { ResolvedPrincipal } from '../evaluate/principal';
import { uniqueIdFor } from '../model/ids';
import type { World } from '../model/world';
import { checkAggregatePolicySize, type PolicySizeLimitName } from '../policy/sizeLimits';
import { parsePolicy } from '../policy/parse';
import type { PolicyKind } from '../policy/types';
import type { AccountJson, RequestJson, ScenarioJson } from '../scenario/types';
import { readIamArn, readParams, type ApiError, type ApiValue, type IamResource } from './params';
import type { ApiSummaryCode } from './spec';
import type { AppliedCall, ApiSpec } from './types';

export interface ApiCallInput {
  /** The scenario the request was judged in (the world to change). */
  readonly scenario: ScenarioJson;
  /** The same scenario compiled (for AWS managed policies it resolves). */
  readonly world: World;
  readonly request: RequestJson;
  readonly spec: ApiSpec;
  readonly caller: ResolvedPrincipal;
  readonly now: Date;
  /** AWS managed policies by ARN, when the host has more than the world was compiled with. */
  readonly managed?: ManagedPolicySource;
}

export type ApiCallResult =
  | { readonly ok: true; readonly applied: AppliedCall; readonly world: ScenarioJson; readonly message: string }
  | ({ readonly ok: false } & ApiError);

/** An EditError code in the IAM API's words. */
const AWS_CODE: Partial<Record<EditErrorCode, string>> = {
  nameTaken: 'EntityAlreadyExists',
  notFound: 'NoSuchEntity',
  notMember: 'NoSuchEntity',
  notAttached: 'NoSuchEntity',
  quotaExceeded: 'LimitExceeded',
  tooManyTags: 'LimitExceeded',
  deleteConflict: 'DeleteConflict',
  documentInvalid: 'MalformedPolicyDocument',
  nameEmpty: 'ValidationError',
  nameTooLong: 'ValidationError',
  nameInvalidCharacters: 'ValidationError',
  pathInvalid: 'ValidationError',
  pathTooLong: 'ValidationError',
  maxSessionDurationInvalid: 'ValidationError',
  descriptionInvalid: 'ValidationError',
  passwordInvalid: 'PasswordPolicyViolation',
  rootPasswordWeak: 'PasswordPolicyViolation',
};

/** Maps an edit layer refusal code to the IAM API's error code (InvalidInput for the rest). */
export function awsErrorCode(code: EditErrorCode): string {
  return AWS_CODE[code] ?? 'InvalidInput';
}

/** Thrown inside the planner for a refused call; never escapes `applyApiCall`. */
class ApiRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function refuse(code: string, message: string): never {
  throw new ApiRefusal(code, message);
}

/** The edits so far, applied one by one to a working copy (each is checked where it is made). */
class Plan {
  readonly edits: WorldEdit[] = [];
  constructor(public world: ScenarioJson) {}

  edit(edit: WorldEdit): void {
    const result = applyEdit(this.world, edit);
    if (!result.ok) refuse(awsErrorCode(result.error.code), result.error.message);
    this.world = result.world;
    this.edits.push(edit);
  }

  /** An edit that may be refused with `code`, taken as the idempotent success the IAM API answers (attaching what is attached). */
  editUnless(edit: WorldEdit, idempotent: EditErrorCode): void {
    const result = applyEdit(this.world, edit);
    if (!result.ok && result.error.code === idempotent) return;
    if (!result.ok) refuse(awsErrorCode(result.error.code), result.error.message);
    this.world = result.world;
    this.edits.push(edit);
  }
}

type Values = ReadonlyMap<string, ApiValue>;

function str(values: Values, name: string): string | undefined {
  const v = values.get(name);
  return typeof v === 'string' ? v : undefined;
}

function must(values: Values, name: string): string {
  const v = str(values, name);
  if (v === undefined) refuse('ValidationError', `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null.`);
  return v;
}

function accountOf(scenario: ScenarioJson, id: string): AccountJson {
  const account = scenario.accounts.find((a) => a.id === id);
  if (!account) refuse('NoSuchEntity', `The account ${id} is not in this world.`);
  return account;
}

function userOf(scenario: ScenarioJson, account: string, name: string) {
  const user = (accountOf(scenario, account).users ?? []).find((u) => u.name === name);
  if (!user) refuse('NoSuchEntity', `The user with name ${name} cannot be found.`);
  return user;
}

function roleOf(scenario: ScenarioJson, account: string, name: string) {
  const role = (accountOf(scenario, account).roles ?? []).find((r) => r.name === name);
  if (!role) refuse('NoSuchEntity', `The role with name ${name} cannot be found.`);
  return role;
}

function groupOf(scenario: ScenarioJson, account: string, name: string) {
  const group = (accountOf(scenario, account).groups ?? []).find((g) => g.name === name);
  if (!group) refuse('NoSuchEntity', `The group with name ${name} cannot be found.`);
  return group;
}

/**
 * A policy a call names by ARN must exist and be attachable in the call's account: an AWS
 * managed policy AWS has, or a customer managed policy of that same account ("Policy … does
 * not exist or is not attachable").
 */
function checkPolicyArn(input: ApiCallInput, scenario: ScenarioJson, account: string, arn: string): void {
  const target = readPolicyRef(arn, account);
  if (!target || !arn.startsWith('arn:')) refuse('InvalidInput', `ARN ${arn} is not valid.`);
  if (target.kind === 'aws') {
    if (!input.managed?.get(arn) && !input.world.managedPolicy(arn)) refuse('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
    return;
  }
  const policy = target.account === account ? (accountOf(scenario, account).policies ?? []).find((p) => customerPolicyArn(account, p) === arn) : undefined;
  if (!policy) refuse('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
}

/** The customer managed policy an ARN names in the call's account. */
function customerPolicyOf(scenario: ScenarioJson, account: string, arn: string) {
  const target = readPolicyRef(arn, account);
  if (target?.kind === 'aws') refuse('InvalidInput', `${arn} is an AWS managed policy: AWS changes and deletes its own policies, not your account.`);
  const policy = target?.kind === 'customer' && target.account === account ? (accountOf(scenario, account).policies ?? []).find((p) => customerPolicyArn(account, p) === arn) : undefined;
  if (!policy) refuse('NoSuchEntity', `Policy ${arn} was not found.`);
  return policy;
}

/** A policy document as the API takes it (JSON text or an object), parsed and checked as IAM does before storing it. */
function document(value: ApiValue | undefined, kind: PolicyKind, sizeLimit: PolicySizeLimitName | null): Record<string, unknown> {
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value);
    } catch (error) {
      refuse('MalformedPolicyDocument', `Syntax errors in policy: ${(error as Error).message}.`);
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) refuse('MalformedPolicyDocument', 'The policy document must be a JSON object.');
  const compiled = compilePolicy(doc, kind, { id: 'iam-api', kind: 'inline', name: 'document' }, sizeLimit);
  const errors = compiled.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const code = errors.every((f) => f.code === 'policySizeExceeded') ? 'LimitExceeded' : 'MalformedPolicyDocument';
    refuse(code, errors.map((f) => f.message).join(' '));
  }
  return doc as Record<string, unknown>;
}

/** IAM counts all inline policies of one user, group or role together against one quota. */
function checkInlineTotal(inline: Readonly<Record<string, unknown>>, kind: 'user' | 'group' | 'role'): void {
  const quota = kind === 'user' ? 'userInlinePolicies' : kind === 'group' ? 'groupInlinePolicies' : 'roleInlinePolicies';
  const parsed = Object.values(inline).flatMap((d) => {
    const p = parsePolicy(d, 'identity', { sizeLimit: null });
    return p.ok ? [p.policy] : [];
  });
  const finding = checkAggregatePolicySize(parsed, quota);
  if (finding) refuse('LimitExceeded', finding.message);
}

/** What the IAM API refuses to delete while something still refers to it ("you must delete … manually"). */
function awsDeleteConflicts(scenario: ScenarioJson, account: string, kind: 'user' | 'group' | 'role' | 'policy', name: string): string[] {
  const a = accountOf(scenario, account);
  const out: string[] = [];
  const holder = (h: { readonly managedPolicies?: readonly string[]; readonly inlinePolicies?: Readonly<Record<string, unknown>> }) => {
    if ((h.managedPolicies?.length ?? 0) > 0) out.push('attached managed policies');
    if (Object.keys(h.inlinePolicies ?? {}).length > 0) out.push('inline policies');
  };
  switch (kind) {
    case 'user': {
      const u = userOf(scenario, account, name);
      if ((u.groups?.length ?? 0) > 0) out.push('group memberships');
      holder(u);
      if ((u.accessKeys?.length ?? 0) > 0) out.push('access keys');
      if (u.password !== undefined) out.push('a login profile');
      if ((u.mfaDevices?.length ?? 0) > 0) out.push('MFA devices');
      break;
    }
    case 'group': {
      const g = groupOf(scenario, account, name);
      if ((a.users ?? []).some((u) => u.groups?.includes(name))) out.push('users');
      holder(g);
      break;
    }
    case 'role': {
      holder(roleOf(scenario, account, name));
      if ((a.instanceProfiles ?? []).some((p) => p.role === name)) out.push('instance profiles');
      break;
    }
    case 'policy': {
      const policy = (a.policies ?? []).find((p) => p.name === name)!;
      const arn = customerPolicyArn(account, policy);
      const refers = (ref: unknown) => {
        if (typeof ref !== 'string') return false;
        const t = readPolicyRef(ref, account);
        return t?.kind === 'customer' && t.account === account && t.name === name;
      };
      for (const h of [...(a.users ?? []), ...(a.groups ?? []), ...(a.roles ?? [])]) {
        if (h.managedPolicies?.some(refers) || ('permissionsBoundary' in h && refers(h.permissionsBoundary))) {
          out.push(`entities it is attached to (${arn})`);
          break;
        }
      }
      break;
    }
  }
  return out;
}

function deleteEntity(plan: Plan, account: string, kind: 'user' | 'group' | 'role' | 'policy', name: string): void {
  const conflicts = awsDeleteConflicts(plan.world, account, kind, name);
  if (conflicts.length > 0) {
    const noun = kind === 'policy' ? 'policy' : `${kind}`;
    refuse('DeleteConflict', `Cannot delete entity, must remove ${conflicts.join(', ')} first (${noun} ${name}).`);
  }
  // The builder's conflicts also count the playground's saved requests made as the user or role; the API does not know them.
  const strict = applyEdit(plan.world, { op: 'delete', ref: { account, kind, name }, cascade: false });
  plan.edit({ op: 'delete', ref: { account, kind, name }, ...(strict.ok ? { cascade: false } : {}) });
}

/** A new access key's id and secret: deterministic from the request (its id, the user, the time), as every id in the engine. */
function newAccessKey(request: RequestJson, account: string, user: string, now: Date, taken: number): { id: string; secret: string } {
  const seed = `${request.id ?? ''}|${account}|${user}|${now.getTime()}|${taken}`;
  const id = uniqueIdFor('AKIA', seed).slice(0, 20);
  const secret = [0, 1, 2].map((i) => uniqueIdFor('AKIA', `${seed}#secret${i}`).slice(4)).join('').slice(0, 40);
  return { id, secret };
}

function mergedTags(current: Readonly<Record<string, string>> | undefined, add: Readonly<Record<string, string>>): Record<string, string> {
  const lowerAdd = new Set(Object.keys(add).map((k) => k.toLowerCase()));
  // Tag keys are case-insensitive in IAM: a tag with the same key in any case is replaced.
  // Built from entries (defined, not assigned): a tag key such as `__proto__` stays a plain key.
  const kept = Object.entries(current ?? {}).filter(([k]) => !lowerAdd.has(k.toLowerCase()));
  return Object.fromEntries([...kept, ...Object.entries(add)]);
}

interface Done {
  readonly code: ApiSummaryCode;
  readonly params: Record<string, string>;
  readonly message: string;
  readonly response?: Record<string, unknown>;
}

type Holder = 'user' | 'group' | 'role';

/** Plans the call on `plan`; returns its summary. */
function perform(input: ApiCallInput, plan: Plan, values: Values, account: string, resource: IamResource | undefined): Done {
  const action = input.spec.action.slice(4);
  const base = { account };
  const holderName = (kind: Holder) => must(values, kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName');
  const holderRef = (kind: Holder): HolderRef => ({ account, kind, name: holderName(kind) });
  const exists = (kind: Holder, name: string) => (kind === 'user' ? userOf(plan.world, account, name) : kind === 'group' ? groupOf(plan.world, account, name) : roleOf(plan.world, account, name));

  switch (action) {
    case 'CreateUser':
    case 'CreateRole':
    case 'CreateGroup': {
      const kind: Holder = action === 'CreateUser' ? 'user' : action === 'CreateRole' ? 'role' : 'group';
      const name = holderName(kind);
      // The resource ARN the call was authorized on names the path too (`user/division/name`), when `Path` does not.
      const path = str(values, 'Path') ?? (resource?.type === kind && resource.path !== '/' ? resource.path : undefined);
      const boundary = str(values, 'PermissionsBoundary');
      if (boundary !== undefined) checkPolicyArn(input, plan.world, account, boundary);
      if (kind === 'user') plan.edit({ op: 'createUser', account, name, ...(path !== undefined ? { path } : {}) });
      else if (kind === 'group') plan.edit({ op: 'createGroup', account, name, ...(path !== undefined ? { path } : {}) });
      else {
        const trustPolicy = document(values.get('AssumeRolePolicyDocument'), 'trust', 'roleTrustPolicy');
        plan.edit({ op: 'createRole', account, name, ...(path !== undefined ? { path } : {}), trustPolicy });
        const seconds = values.get('MaxSessionDuration');
        if (typeof seconds === 'number') plan.edit({ op: 'setMaxSessionDuration', account, role: name, seconds });
        const description = str(values, 'Description');
        if (description !== undefined) plan.edit({ op: 'setDescription', ref: { account, kind: 'role', name }, description });
      }
      if (boundary !== undefined && kind !== 'group') plan.edit({ op: 'setPermissionsBoundary', target: { account, kind, name }, policy: boundary });
      const tags = values.get('Tags') as Readonly<Record<string, string>> | undefined;
      if (tags && Object.keys(tags).length > 0) plan.edit({ op: 'setTags', ref: { account, kind, name }, tags });
      const arn = `arn:aws:iam::${account}:${kind}${path ?? '/'}${name}`;
      const element = kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group';
      const code = kind === 'user' ? 'apiCreatedUser' : kind === 'role' ? 'apiCreatedRole' : 'apiCreatedGroup';
      return {
        code, params: { ...base, [kind]: name }, message: `created ${kind} ${arn}`,
        response: { [element]: { [`${element}Name`]: name, Path: path ?? '/', Arn: arn, [`${element}Id`]: uniqueIdFor(kind === 'user' ? 'AIDA' : kind === 'role' ? 'AROA' : 'AGPA', arn) } },
      };
    }
    case 'DeleteUser':
    case 'DeleteRole':
    case 'DeleteGroup': {
      const kind: Holder = action === 'DeleteUser' ? 'user' : action === 'DeleteRole' ? 'role' : 'group';
      const name = holderName(kind);
      deleteEntity(plan, account, kind, name);
      const code = kind === 'user' ? 'apiDeletedUser' : kind === 'role' ? 'apiDeletedRole' : 'apiDeletedGroup';
      return { code, params: { ...base, [kind]: name }, message: `deleted ${kind} ${name}` };
    }
    case 'AddUserToGroup':
    case 'RemoveUserFromGroup': {
      const group = must(values, 'GroupName');
      const user = must(values, 'UserName');
      groupOf(plan.world, account, group);
      userOf(plan.world, account, user);
      if (action === 'AddUserToGroup') {
        plan.editUnless({ op: 'addUserToGroup', account, user, group }, 'alreadyMember');
        return { code: 'apiAddedToGroup', params: { ...base, user, group }, message: `added user ${user} to group ${group}` };
      }
      const member = userOf(plan.world, account, user).groups?.includes(group);
      if (!member) refuse('NoSuchEntity', `The user with name ${user} is not a member of group ${group}.`);
      plan.edit({ op: 'removeUserFromGroup', account, user, group });
      return { code: 'apiRemovedFromGroup', params: { ...base, user, group }, message: `removed user ${user} from group ${group}` };
    }
    case 'CreateAccessKey': {
      const user = must(values, 'UserName');
      const entity = userOf(plan.world, account, user);
      const key = newAccessKey(input.request, account, user, input.now, entity.accessKeys?.length ?? 0);
      plan.edit({ op: 'createAccessKey', account, user, key: { id: key.id, secret: key.secret, status: 'Active', created: input.now.toISOString() } });
      return {
        code: 'apiCreatedAccessKey', params: { ...base, user, accessKeyId: key.id }, message: `created access key ${key.id} for user ${user}`,
        response: { AccessKey: { UserName: user, AccessKeyId: key.id, Status: 'Active', SecretAccessKey: key.secret, CreateDate: input.now.toISOString() } },
      };
    }
    case 'UpdateAccessKey':
    case 'DeleteAccessKey': {
      const user = must(values, 'UserName');
      const keyId = must(values, 'AccessKeyId');
      if (!(userOf(plan.world, account, user).accessKeys ?? []).some((k) => k.id === keyId)) refuse('NoSuchEntity', `The Access Key with id ${keyId} cannot be found.`);
      if (action === 'DeleteAccessKey') {
        plan.edit({ op: 'deleteAccessKey', account, user, keyId });
        return { code: 'apiDeletedAccessKey', params: { ...base, user, accessKeyId: keyId }, message: `deleted access key ${keyId} of user ${user}` };
      }
      const status = must(values, 'Status');
      if (status !== 'Active' && status !== 'Inactive') refuse('ValidationError', `1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive].`);
      plan.edit({ op: 'setAccessKeyStatus', account, user, keyId, status });
      return { code: 'apiUpdatedAccessKey', params: { ...base, user, accessKeyId: keyId, status }, message: `set access key ${keyId} of user ${user} to ${status}` };
    }
    case 'CreateLoginProfile':
    case 'UpdateLoginProfile':
    case 'DeleteLoginProfile': {
      const user = must(values, 'UserName');
      const has = userOf(plan.world, account, user).password !== undefined;
      if (action === 'CreateLoginProfile') {
        if (has) refuse('EntityAlreadyExists', `Login Profile for user ${user} already exists.`);
        plan.edit({ op: 'setConsolePassword', account, user, password: must(values, 'Password') });
        return {
          code: 'apiCreatedLoginProfile', params: { ...base, user }, message: `set a console password for user ${user}`,
          response: { LoginProfile: { UserName: user, PasswordResetRequired: values.get('PasswordResetRequired') === true, CreateDate: input.now.toISOString() } },
        };
      }
      if (!has) refuse('NoSuchEntity', `Login Profile for User ${user} cannot be found.`);
      if (action === 'DeleteLoginProfile') {
        plan.edit({ op: 'setConsolePassword', account, user, password: null });
        return { code: 'apiDeletedLoginProfile', params: { ...base, user }, message: `deleted the console password of user ${user}` };
      }
      const password = str(values, 'Password');
      if (password !== undefined) plan.edit({ op: 'setConsolePassword', account, user, password });
      return { code: 'apiUpdatedLoginProfile', params: { ...base, user }, message: `changed the console password of user ${user}` };
    }
    case 'CreatePolicy': {
      const name = must(values, 'PolicyName');
      const path = str(values, 'Path');
      const description = str(values, 'Description');
      const doc = document(values.get('PolicyDocument'), 'identity', 'managedPolicy');
      plan.edit({ op: 'createPolicy', account, name, document: doc, ...(path !== undefined ? { path } : {}), ...(description !== undefined ? { description } : {}) });
      const arn = customerPolicyArn(account, { name, ...(path !== undefined ? { path } : {}) });
      return {
        code: 'apiCreatedPolicy', params: { ...base, policy: arn }, message: `created policy ${arn}`,
        response: { Policy: { PolicyName: name, Arn: arn, Path: path ?? '/', DefaultVersionId: 'v1', PolicyId: uniqueIdFor('ANPA', arn), AttachmentCount: 0, IsAttachable: true } },
      };
    }
    case 'DeletePolicy': {
      const arn = must(values, 'PolicyArn');
      const policy = customerPolicyOf(plan.world, account, arn);
      deleteEntity(plan, account, 'policy', policy.name);
      return { code: 'apiDeletedPolicy', params: { ...base, policy: arn }, message: `deleted policy ${arn}` };
    }
    case 'CreatePolicyVersion': {
      const arn = must(values, 'PolicyArn');
      const policy = customerPolicyOf(plan.world, account, arn);
      const doc = document(values.get('PolicyDocument'), 'identity', 'managedPolicy');
      if (values.get('SetAsDefault') === true) {
        plan.edit({ op: 'setDocument', ref: { kind: 'managed', account, name: policy.name }, document: doc });
        return {
          code: 'apiCreatedPolicyVersion', params: { ...base, policy: arn }, message: `created a new default version of policy ${arn}: its new document is in force`,
          response: { PolicyVersion: { VersionId: 'v2', IsDefaultVersion: true, CreateDate: input.now.toISOString() } },
        };
      }
      // The playground keeps one document per policy: a version that is not the default would never be in force.
      return {
        code: 'apiCreatedPolicyVersionNotDefault', params: { ...base, policy: arn },
        message: `created a version of policy ${arn} that is not the default: the default version stays in force (this playground keeps only the default version)`,
        response: { PolicyVersion: { VersionId: 'v2', IsDefaultVersion: false, CreateDate: input.now.toISOString() } },
      };
    }
    case 'AttachUserPolicy':
    case 'AttachGroupPolicy':
    case 'AttachRolePolicy':
    case 'DetachUserPolicy':
    case 'DetachGroupPolicy':
    case 'DetachRolePolicy': {
      const kind: Holder = action.includes('User') ? 'user' : action.includes('Group') ? 'group' : 'role';
      const target = holderRef(kind);
      exists(kind, target.name);
      const arn = must(values, 'PolicyArn');
      if (action.startsWith('Attach')) {
        checkPolicyArn(input, plan.world, account, arn);
        plan.editUnless({ op: 'attachPolicy', target, policy: arn }, 'alreadyAttached');
        return { code: 'apiAttachedPolicy', params: { ...base, [kind]: target.name, policy: arn }, message: `attached ${arn} to ${kind} ${target.name}` };
      }
      const result = applyEdit(plan.world, { op: 'detachPolicy', target, policy: arn });
      if (!result.ok) refuse(result.error.code === 'notAttached' ? 'NoSuchEntity' : awsErrorCode(result.error.code), result.error.code === 'notAttached' ? `Policy ${arn} was not found.` : result.error.message);
      plan.edit({ op: 'detachPolicy', target, policy: arn });
      return { code: 'apiDetachedPolicy', params: { ...base, [kind]: target.name, policy: arn }, message: `detached ${arn} from ${kind} ${target.name}` };
    }
    case 'PutUserPolicy':
    case 'PutGroupPolicy':
    case 'PutRolePolicy': {
      const kind: Holder = action === 'PutUserPolicy' ? 'user' : action === 'PutGroupPolicy' ? 'group' : 'role';
      const owner = holderRef(kind);
      const holder = exists(kind, owner.name);
      const name = must(values, 'PolicyName');
      const doc = document(values.get('PolicyDocument'), 'identity', null);
      checkInlineTotal({ ...(holder.inlinePolicies ?? {}), [name]: doc }, kind);
      plan.edit({ op: 'putInlinePolicy', owner, name, document: doc });
      return { code: 'apiPutInlinePolicy', params: { ...base, [kind]: owner.name, policy: name }, message: `put inline policy ${name} on ${kind} ${owner.name}` };
    }
    case 'DeleteUserPolicy':
    case 'DeleteGroupPolicy':
    case 'DeleteRolePolicy': {
      const kind: Holder = action === 'DeleteUserPolicy' ? 'user' : action === 'DeleteGroupPolicy' ? 'group' : 'role';
      const owner = holderRef(kind);
      const holder = exists(kind, owner.name);
      const name = must(values, 'PolicyName');
      if (!Object.prototype.hasOwnProperty.call(holder.inlinePolicies ?? {}, name)) refuse('NoSuchEntity', `The ${kind} policy with name ${name} cannot be found.`);
      plan.edit({ op: 'deleteInlinePolicy', owner, name });
      return { code: 'apiDeletedInlinePolicy', params: { ...base, [kind]: owner.name, policy: name }, message: `deleted inline policy ${name} of ${kind} ${owner.name}` };
    }
    case 'UpdateAssumeRolePolicy': {
      const role = must(values, 'RoleName');
      roleOf(plan.world, account, role);
      const doc = document(values.get('PolicyDocument'), 'trust', 'roleTrustPolicy');
      plan.edit({ op: 'setDocument', ref: { kind: 'trust', account, role }, document: doc });
      return { code: 'apiUpdatedTrustPolicy', params: { ...base, role }, message: `replaced the trust policy of role ${role}` };
    }
    case 'PutUserPermissionsBoundary':
    case 'PutRolePermissionsBoundary':
    case 'DeleteUserPermissionsBoundary':
    case 'DeleteRolePermissionsBoundary': {
      const kind = action.includes('User') ? ('user' as const) : ('role' as const);
      const target = { account, kind, name: holderName(kind) };
      const holder = exists(kind, target.name) as { readonly permissionsBoundary?: string | null };
      if (action.startsWith('Put')) {
        const arn = must(values, 'PermissionsBoundary');
        checkPolicyArn(input, plan.world, account, arn);
        plan.edit({ op: 'setPermissionsBoundary', target, policy: arn });
        return { code: 'apiPutBoundary', params: { ...base, [kind]: target.name, policy: arn }, message: `set ${arn} as the permissions boundary of ${kind} ${target.name}` };
      }
      if (!holder.permissionsBoundary) refuse('NoSuchEntity', `The ${kind} with name ${target.name} has no permissions boundary.`);
      plan.edit({ op: 'setPermissionsBoundary', target, policy: null });
      return { code: 'apiDeletedBoundary', params: { ...base, [kind]: target.name }, message: `removed the permissions boundary of ${kind} ${target.name}` };
    }
    case 'TagUser':
    case 'TagRole':
    case 'UntagUser':
    case 'UntagRole': {
      const kind = action.endsWith('User') ? ('user' as const) : ('role' as const);
      const name = holderName(kind);
      const current = (exists(kind, name) as { readonly tags?: Readonly<Record<string, string>> }).tags;
      if (action.startsWith('Tag')) {
        const tags = values.get('Tags') as Readonly<Record<string, string>>;
        plan.edit({ op: 'setTags', ref: { account, kind, name }, tags: mergedTags(current, tags) });
        return { code: 'apiTagged', params: { ...base, [kind]: name, keys: Object.keys(tags).join(', ') }, message: `tagged ${kind} ${name} with ${Object.entries(tags).map(([k, v]) => `${k}=${v}`).join(', ')}` };
      }
      const keys = values.get('TagKeys') as readonly string[];
      const drop = new Set(keys.map((k) => k.toLowerCase()));
      const rest = Object.fromEntries(Object.entries(current ?? {}).filter(([k]) => !drop.has(k.toLowerCase())));
      if (Object.keys(rest).length !== Object.keys(current ?? {}).length) plan.edit({ op: 'setTags', ref: { account, kind, name }, tags: rest });
      return { code: 'apiUntagged', params: { ...base, [kind]: name, keys: keys.join(', ') }, message: `removed tags ${keys.join(', ')} from ${kind} ${name}` };
    }
    default:
      return refuse('InvalidInput', `The simulated IAM API does not apply ${input.spec.action}.`);
  }
}

const ROOT_KEY_CALLS = new Set(['createaccesskey', 'updateaccesskey', 'deleteaccesskey']);

/**
 * The root user managing its own access keys: CreateAccessKey, UpdateAccessKey and
 * DeleteAccessKey without `UserName` act on the keys of the caller — "If you do not specify a
 * user name, IAM determines the user name implicitly based on the AWS access key ID signing
 * the request. This operation works for access keys under the AWS account. Consequently, you
 * can use this operation to manage AWS account root user credentials even if the AWS account
 * has no associated users." (IAM API Reference, DeleteAccessKey; the same for the other two).
 */
function isRootOwnKeyCall(input: ApiCallInput, params: Readonly<Record<string, unknown>>): boolean {
  if (input.caller.entity.kind !== 'root' || !ROOT_KEY_CALLS.has(input.spec.action.slice(4).toLowerCase())) return false;
  if (params['UserName'] !== undefined && params['UserName'] !== null) return false;
  // A user ARN as the resource names the user, as for any caller.
  return readIamArn(input.request.resource)?.type !== 'user';
}

function rootOwnKeyCall(input: ApiCallInput, plan: Plan, params: Readonly<Record<string, unknown>>): Done {
  const account = input.caller.facts.accountId ?? '';
  const base = { account };
  const keys = accountOf(plan.world, account).root?.accessKeys ?? [];
  const action = input.spec.action.slice(4);
  if (action === 'CreateAccessKey') {
    const key = newAccessKey(input.request, account, 'root', input.now, keys.length);
    plan.edit({ op: 'createRootAccessKey', account, key: { id: key.id, secret: key.secret, status: 'Active', created: input.now.toISOString() } });
    return {
      code: 'apiCreatedRootAccessKey', params: { ...base, accessKeyId: key.id }, message: `created access key ${key.id} for the root user of account ${account}`,
      // CreateAccessKey for the root user returns no UserName.
      response: { AccessKey: { AccessKeyId: key.id, Status: 'Active', SecretAccessKey: key.secret, CreateDate: input.now.toISOString() } },
    };
  }
  const keyId = typeof params['AccessKeyId'] === 'string' ? params['AccessKeyId'] : refuse('ValidationError', "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null.");
  if (!keys.some((k) => k.id === keyId)) refuse('NoSuchEntity', `The Access Key with id ${keyId} cannot be found.`);
  if (action === 'DeleteAccessKey') {
    plan.edit({ op: 'deleteRootAccessKey', account, keyId });
    return { code: 'apiDeletedRootAccessKey', params: { ...base, accessKeyId: keyId }, message: `deleted access key ${keyId} of the root user of account ${account}` };
  }
  const status = params['Status'];
  if (status !== 'Active' && status !== 'Inactive') refuse('ValidationError', `1 validation error detected: Value '${String(status)}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive].`);
  plan.edit({ op: 'setRootAccessKeyStatus', account, keyId, status });
  return { code: 'apiUpdatedRootAccessKey', params: { ...base, accessKeyId: keyId, status }, message: `set access key ${keyId} of the root user of account ${account} to ${status}` };
}

/** The caller's own IAM user name (for CreateAccessKey without `UserName`), when the caller is an IAM user. */
function callerUserName(caller: ResolvedPrincipal): string | undefined {
  return caller.entity.kind === 'user' ? caller.entity.user.name : undefined;
}

/**
 * Plans and applies an allowed IAM write: `{ ok: true, applied, world }` with the edits
 * (which applied in order to `input.scenario` give `world`), or `{ ok: false, code, message }`
 * with the IAM API's error code, the world unchanged.
 */
export function applyApiCall(input: ApiCallInput): ApiCallResult {
  const params = input.request.params ?? {};
  if (isRootOwnKeyCall(input, params)) return settle(input, (plan) => rootOwnKeyCall(input, plan, params));
  const read = readParams(input.spec, params, input.request.resource, callerUserName(input.caller));
  if (!read.ok) return read;
  const account = callAccount(read.resource, input.caller);
  if (typeof account !== 'string') return account;
  return settle(input, (plan) => perform(input, plan, read.values, account, read.resource));
}

/** Runs a planner on a fresh plan: the applied call, or the refusal it threw. */
function settle(input: ApiCallInput, planner: (plan: Plan) => Done): ApiCallResult {
  const plan = new Plan(input.scenario);
  try {
    const done = planner(plan);
    const applied: AppliedCall = {
      action: input.spec.action,
      edits: plan.edits,
      summary: { code: done.code, params: done.params },
      ...(done.response ? { response: done.response } : {}),
    };
    return { ok: true, applied, world: plan.world, message: `${input.spec.action.slice(4)} ${done.message}` };
  } catch (error) {
    if (error instanceof ApiRefusal) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** The account the call acts in: its resource's; a call on `*` acts in the caller's own account. */
function callAccount(resource: IamResource | undefined, caller: ResolvedPrincipal): string | ({ ok: false } & ApiError) {
  const own = caller.facts.accountId;
  if (own === undefined) return { ok: false, code: 'AccessDenied', message: 'The IAM API needs a caller of an AWS account.' };
  if (!resource || resource.account === own) return own;
  // INVARIANT: unreachable after an allowed authorization (IAM entities have no resource-based policies); kept as a guard.
  return { ok: false, code: 'AccessDenied', message: `IAM is per account: ${resource.arn} is in account ${resource.account}, not the caller's account ${own}.` };
}
