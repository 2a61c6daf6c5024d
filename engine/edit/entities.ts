/**
 * Creating IAM entities and resources, and changing their path, tags, description and a
 * role's maximum session duration. Names follow IAM's rules (./naming.ts) and are unique
 * per account ignoring case; each account's counts stay within IAM's default quotas.
 */
import { rewritePrincipalsInWorld } from './principalRewrite';
import { asDocument } from './documents';
import { refuse } from './errors';
import { checkDescription, checkIamName, checkMaxSessionDuration, checkPath, checkQuota, checkTags, IAM_QUOTAS } from './naming';
import { customerPolicyArn, repointPolicyArns } from './policyRefs';
import { entityArnMapper, mapRequestArns } from './requests';
import {
  aKind, accountIndex, accountPath, caseInsensitiveClash, entityIndex, LIST_OF, listOf, resourceIndex, withAccount, withEntity, withList,
  withResource, without, type EntityOf, type ListKind,
} from './world';
import type { EntityRef, NamedEntityKind, Tags } from './types';
import type { AccountJson, PolicyDocumentJson, ResourceJson, ScenarioJson } from '../scenario/types';

const ACCOUNT_QUOTA: Readonly<Record<ListKind, number>> = {
  user: IAM_QUOTAS.usersPerAccount,
  group: IAM_QUOTAS.groupsPerAccount,
  role: IAM_QUOTAS.rolesPerAccount,
  policy: IAM_QUOTAS.customerPoliciesPerAccount,
};

/** Refuses a name another entity of the same kind already has in the account, ignoring case (IAM: "Names are not distinguished by case"). */
export function checkNameFree(account: AccountJson, ai: number, kind: ListKind, name: string, except = -1, field = 'name'): void {
  const list = listOf(account, kind);
  const clash = caseInsensitiveClash(list, name, except);
  if (clash >= 0) {
    const existing = list[clash]!.name;
    refuse(
      'nameTaken',
      `${aKind(kind)} named \`${existing}\` already exists in account ${account.id}${existing === name ? '' : ` (names are not case-sensitive in IAM, so \`${name}\` is the same name)`}.`,
      `${accountPath(ai)}.${LIST_OF[kind]}[${clash}]`,
      field,
      { name, existing, account: account.id },
    );
  }
}

/** Checks a new entity's name, path, uniqueness and the account's quota; returns where it will be. */
function checkNew(world: ScenarioJson, accountId: string, kind: ListKind, name: string, path: string | undefined): { ai: number; at: string } {
  const ai = accountIndex(world, accountId);
  const account = world.accounts[ai]!;
  const list = listOf(account, kind);
  const at = `${accountPath(ai)}.${LIST_OF[kind]}[${list.length}]`;
  checkIamName(kind, name, at);
  if (path !== undefined) checkPath(path, at);
  checkNameFree(account, ai, kind, name);
  const limit = ACCOUNT_QUOTA[kind];
  checkQuota(list.length, limit, `Account ${account.id} already has ${list.length} ${LIST_OF[kind]}, the IAM quota (${limit}).`, at, 'name', account.id);
  return { ai, at };
}

function appendEntity<K extends ListKind>(world: ScenarioJson, ai: number, kind: K, entity: EntityOf<K>): ScenarioJson {
  return withAccount(world, ai, (account) => withList(account, kind, [...listOf(account, kind), entity]));
}

export function createUser(world: ScenarioJson, account: string, name: string, path?: string): ScenarioJson {
  const { ai } = checkNew(world, account, 'user', name, path);
  return appendEntity(world, ai, 'user', path === undefined ? { name } : { name, path });
}

export function createGroup(world: ScenarioJson, account: string, name: string, path?: string): ScenarioJson {
  const { ai } = checkNew(world, account, 'group', name, path);
  return appendEntity(world, ai, 'group', path === undefined ? { name } : { name, path });
}

/** The trust policy a new role gets when none is given: its own account may assume it (the console's default for "AWS account: This account"). */
export function defaultTrustPolicy(account: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  };
}

export function createRole(world: ScenarioJson, account: string, name: string, path?: string, trustPolicy?: PolicyDocumentJson): ScenarioJson {
  const { ai, at } = checkNew(world, account, 'role', name, path);
  const trust = trustPolicy === undefined ? defaultTrustPolicy(account) : asDocument(trustPolicy, `${at}.trustPolicy`, 'trustPolicy');
  return appendEntity(world, ai, 'role', { name, ...(path !== undefined ? { path } : {}), trustPolicy: trust });
}

export function createPolicy(world: ScenarioJson, account: string, name: string, document: PolicyDocumentJson, path?: string, description?: string): ScenarioJson {
  const { ai, at } = checkNew(world, account, 'policy', name, path);
  if (description !== undefined) checkDescription(description, at);
  const doc = asDocument(document, `${at}.document`);
  return appendEntity(world, ai, 'policy', { name, ...(path !== undefined ? { path } : {}), ...(description !== undefined ? { description } : {}), document: doc });
}

/** `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` ("Amazon Resource Names (ARNs)", AWS General Reference / IAM User Guide). */
const RESOURCE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9][a-z0-9-]*):([a-z0-9-]*):(\d{12}|):(.+)$/;

/** Checks a resource ARN for account `accountId` and that no resource of the world has it already. */
export function checkResourceArn(world: ScenarioJson, accountId: string, arn: string, at: string, field = 'arn', except?: string): void {
  const parts = RESOURCE_ARN.exec(arn);
  if (!parts) {
    refuse('arnInvalid', `\`${arn}\` is not an ARN: an ARN reads arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, e.g. \`arn:aws:s3:::my-bucket\` or \`arn:aws:sqs:us-east-1:${accountId}:my-queue\`.`, at, field, { arn });
  }
  const owner = parts[4]!;
  if (owner !== '' && owner !== accountId) {
    refuse('arnInvalid', `\`${arn}\` belongs to account ${owner}, not ${accountId}: a resource is created in the account its ARN names (S3 bucket ARNs name none).`, at, field, { arn });
  }
  for (const [ai, account] of world.accounts.entries()) {
    const ri = (account.resources ?? []).findIndex((r) => r.arn === arn);
    if (ri >= 0 && arn !== except) refuse('nameTaken', `Resource \`${arn}\` already exists (in account ${account.id}).`, `${accountPath(ai)}.resources[${ri}]`, field, { name: arn, account: account.id });
  }
}

export function createResource(world: ScenarioJson, account: string, arn: string, policy?: PolicyDocumentJson): ScenarioJson {
  const ai = accountIndex(world, account);
  const at = `${accountPath(ai)}.resources[${world.accounts[ai]!.resources?.length ?? 0}]`;
  checkResourceArn(world, account, arn, at);
  const resource: ResourceJson = policy === undefined ? { arn } : { arn, policy: asDocument(policy, `${at}.policy`, 'policy') };
  return withAccount(world, ai, (a) => ({ ...a, resources: [...(a.resources ?? []), resource] }));
}

/** Moves a user, group, role or policy to another IAM path; ARNs naming it (requests, policy ARNs) follow. */
export function setPath(world: ScenarioJson, ref: EntityRef & { readonly kind: NamedEntityKind }, path: string): ScenarioJson {
  const ai = accountIndex(world, ref.account, 'ref');
  const index = entityIndex(world, ai, ref.kind, ref.name, 'ref');
  const at = `${accountPath(ai)}.${LIST_OF[ref.kind]}[${index}]`;
  checkPath(path, at);
  if ((listOf(world.accounts[ai]!, ref.kind)[index]!.path ?? '/') === path) return world;
  let next = withEntity(world, ai, ref.kind, index, (e) => ({ ...e, path }));
  next = mapRequestArns(next, entityArnMapper(ref.kind, ref.account, ref.name, ref.name, path));
  // A user's new path reaches the policies naming it as a principal, as a new name does (./principalRewrite.ts).
  if (ref.kind === 'user') next = rewritePrincipalsInWorld(next, entityArnMapper('user', ref.account, ref.name, ref.name, path));
  if (ref.kind === 'policy') {
    next = repointPolicyArns(next, ref.account, ref.name, customerPolicyArn(ref.account, { name: ref.name, path }));
  }
  return next;
}

/**
 * Replaces an entity's tags. IAM users, roles and resources carry tags in the scenario format;
 * IAM groups cannot be tagged in AWS ("Tagging IAM resources" lists no groups), and the
 * format keeps no tags for customer managed policies.
 */
export function setTags(world: ScenarioJson, ref: EntityRef, tags: Tags): ScenarioJson {
  const ai = accountIndex(world, ref.account, 'ref');
  if (ref.kind === 'group' || ref.kind === 'policy') {
    const index = entityIndex(world, ai, ref.kind, ref.name, 'ref');
    refuse(
      'tagsUnsupported',
      ref.kind === 'group' ? `IAM groups cannot be tagged (group \`${ref.name}\`).` : `This playground keeps no tags for customer managed policies (policy \`${ref.name}\`).`,
      `${accountPath(ai)}.${LIST_OF[ref.kind]}[${index}]`,
      'tags',
      { name: ref.name },
    );
  }
  const apply = <T extends { readonly tags?: Readonly<Record<string, string>> }>(entity: T): T =>
    Object.keys(tags).length === 0 ? (without(entity, 'tags') as T) : { ...entity, tags: { ...tags } };
  if (ref.kind === 'resource') {
    const ri = resourceIndex(world, ai, ref.arn, 'ref');
    checkTags(tags, `${accountPath(ai)}.resources[${ri}].tags`);
    return withResource(world, ai, ri, apply);
  }
  const index = entityIndex(world, ai, ref.kind, ref.name, 'ref');
  checkTags(tags, `${accountPath(ai)}.${LIST_OF[ref.kind]}[${index}].tags`);
  return ref.kind === 'user' ? withEntity(world, ai, 'user', index, apply) : withEntity(world, ai, 'role', index, apply);
}

export function setDescription(world: ScenarioJson, ref: { readonly account: string; readonly kind: 'role' | 'policy'; readonly name: string }, description: string | null): ScenarioJson {
  const ai = accountIndex(world, ref.account, 'ref');
  const index = entityIndex(world, ai, ref.kind, ref.name, 'ref');
  const at = `${accountPath(ai)}.${LIST_OF[ref.kind]}[${index}].description`;
  if (description !== null) checkDescription(description, at);
  const apply = <T extends { readonly description?: string }>(entity: T): T => (description === null ? (without(entity, 'description') as T) : { ...entity, description });
  return ref.kind === 'role' ? withEntity(world, ai, 'role', index, apply) : withEntity(world, ai, 'policy', index, apply);
}

export function setMaxSessionDuration(world: ScenarioJson, account: string, role: string, seconds: number): ScenarioJson {
  const ai = accountIndex(world, account);
  const index = entityIndex(world, ai, 'role', role, 'role');
  checkMaxSessionDuration(seconds, `${accountPath(ai)}.roles[${index}].maxSessionDuration`);
  return withEntity(world, ai, 'role', index, (r) => ({ ...r, maxSessionDuration: seconds }));
}
