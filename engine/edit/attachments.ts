/**
 * What holds policies and what belongs to what: group membership, managed policies attached
 * to users, groups and roles (with IAM's default quota of 10 per holder), permissions
 * boundaries, and inline policies.
 */
import { asDocument } from './documents';
import { refuse } from './errors';
import { checkIamName, checkQuota, IAM_QUOTAS } from './naming';
import { policyLabel, readPolicyRef, resolvePolicyArgument, sameTarget } from './policyRefs';
import { accountIndex, accountPath, entityIndex, LIST_OF, listOf, withEntity, without } from './world';
import type { HolderRef } from './types';
import type { GroupJson, PolicyDocumentJson, RoleJson, ScenarioJson, UserJson } from '../scenario/types';

type Holder = UserJson | GroupJson | RoleJson;

function locateHolder(world: ScenarioJson, target: HolderRef, field: string): { ai: number; index: number; at: string; holder: Holder } {
  const ai = accountIndex(world, target.account, field);
  const index = entityIndex(world, ai, target.kind, target.name, field);
  const holder = listOf(world.accounts[ai]!, target.kind)[index]!;
  return { ai, index, at: `${accountPath(ai)}.${LIST_OF[target.kind]}[${index}]`, holder };
}

function updateHolder(world: ScenarioJson, target: HolderRef, ai: number, index: number, update: <T extends Holder>(holder: T) => T): ScenarioJson {
  switch (target.kind) {
    case 'user':
      return withEntity(world, ai, 'user', index, update);
    case 'group':
      return withEntity(world, ai, 'group', index, update);
    case 'role':
      return withEntity(world, ai, 'role', index, update);
  }
}

// ── groups ──

export function addUserToGroup(world: ScenarioJson, account: string, user: string, group: string): ScenarioJson {
  const ai = accountIndex(world, account);
  const ui = entityIndex(world, ai, 'user', user, 'user');
  entityIndex(world, ai, 'group', group, 'group');
  const groups = world.accounts[ai]!.users![ui]!.groups ?? [];
  const at = `${accountPath(ai)}.users[${ui}].groups`;
  if (groups.includes(group)) refuse('alreadyMember', `User \`${user}\` is already a member of group \`${group}\`.`, at, 'group', { user, group });
  // "IAM and AWS STS quotas": a user can be a member of at most 10 groups.
  checkQuota(groups.length, IAM_QUOTAS.groupsPerUser, `User \`${user}\` is already in ${groups.length} groups, the IAM quota (${IAM_QUOTAS.groupsPerUser}).`, at, 'group', user);
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, groups: [...groups, group] }));
}

export function removeUserFromGroup(world: ScenarioJson, account: string, user: string, group: string): ScenarioJson {
  const ai = accountIndex(world, account);
  const ui = entityIndex(world, ai, 'user', user, 'user');
  entityIndex(world, ai, 'group', group, 'group');
  const groups = world.accounts[ai]!.users![ui]!.groups ?? [];
  if (!groups.includes(group)) refuse('notMember', `User \`${user}\` is not a member of group \`${group}\`.`, `${accountPath(ai)}.users[${ui}].groups`, 'group', { user, group });
  return withEntity(world, ai, 'user', ui, (u) => ({ ...u, groups: groups.filter((g) => g !== group) }));
}

// ── managed policies ──

export function attachPolicy(world: ScenarioJson, target: HolderRef, policy: string): ScenarioJson {
  const { ai, index, at, holder } = locateHolder(world, target, 'target');
  const wanted = resolvePolicyArgument(world, target.account, policy);
  const attached = holder.managedPolicies ?? [];
  const same = attached.findIndex((ref) => {
    const existing = readPolicyRef(ref, target.account);
    return existing !== undefined && sameTarget(existing, wanted);
  });
  if (same >= 0) {
    refuse('alreadyAttached', `Policy \`${policyLabel(wanted)}\` is already attached to ${target.kind} \`${target.name}\`.`, `${at}.managedPolicies[${same}]`, 'policy', { policy: policyLabel(wanted), target: target.name });
  }
  // "IAM and AWS STS quotas": managed policies attached to an IAM user, group or role — 10 by default.
  checkQuota(
    attached.length,
    IAM_QUOTAS.managedPoliciesPerHolder,
    `${target.kind === 'user' ? 'User' : target.kind === 'group' ? 'Group' : 'Role'} \`${target.name}\` already has ${attached.length} managed policies attached, the IAM default quota (${IAM_QUOTAS.managedPoliciesPerHolder}).`,
    `${at}.managedPolicies`,
    'policy',
    target.name,
  );
  return updateHolder(world, target, ai, index, (h) => ({ ...h, managedPolicies: [...attached, policy] }));
}

export function detachPolicy(world: ScenarioJson, target: HolderRef, policy: string): ScenarioJson {
  const { ai, index, at, holder } = locateHolder(world, target, 'target');
  const wanted = readPolicyRef(policy, target.account);
  const attached = holder.managedPolicies ?? [];
  const found = wanted === undefined ? -1 : attached.findIndex((ref) => {
    const existing = readPolicyRef(ref, target.account);
    return existing !== undefined && sameTarget(existing, wanted);
  });
  if (found < 0) {
    const label = wanted ? policyLabel(wanted) : policy;
    refuse('notAttached', `Policy \`${label}\` is not attached to ${target.kind} \`${target.name}\`.`, `${at}.managedPolicies`, 'policy', { policy: label, target: target.name });
  }
  return updateHolder(world, target, ai, index, (h) => ({ ...h, managedPolicies: attached.filter((_, i) => i !== found) }));
}

/** Sets or removes a user's or role's permissions boundary: a managed policy, customer or AWS ("Permissions boundaries for IAM entities"). */
export function setPermissionsBoundary(world: ScenarioJson, target: HolderRef & { readonly kind: 'user' | 'role' }, policy: string | null): ScenarioJson {
  const { ai, index, holder } = locateHolder(world, target, 'target');
  const current = (holder as UserJson | RoleJson).permissionsBoundary ?? null;
  if (policy === null) {
    if (current === null) return world;
    return updateHolder(world, target, ai, index, (h) => without(h as UserJson | RoleJson, 'permissionsBoundary') as typeof h);
  }
  resolvePolicyArgument(world, target.account, policy);
  if (current === policy) return world;
  return updateHolder(world, target, ai, index, (h) => ({ ...h, permissionsBoundary: policy }));
}

// ── inline policies ──

/** Adds or replaces an inline policy (as PutUserPolicy / PutGroupPolicy / PutRolePolicy do). */
export function putInlinePolicy(world: ScenarioJson, owner: HolderRef, name: string, document: PolicyDocumentJson): ScenarioJson {
  const { ai, index, at } = locateHolder(world, owner, 'owner');
  const where = `${at}.inlinePolicies[${JSON.stringify(name)}]`;
  checkIamName('inlinePolicy', name, where);
  const doc = asDocument(document, where);
  return updateHolder(world, owner, ai, index, (h) => ({ ...h, inlinePolicies: { ...(h.inlinePolicies ?? {}), [name]: doc } }));
}

function inlineOf(holder: Holder, owner: HolderRef, name: string, at: string, field: string): void {
  if (!Object.prototype.hasOwnProperty.call(holder.inlinePolicies ?? {}, name)) {
    refuse('notFound', `${owner.kind === 'user' ? 'User' : owner.kind === 'group' ? 'Group' : 'Role'} \`${owner.name}\` has no inline policy named \`${name}\`.`, `${at}.inlinePolicies`, field, {
      what: 'inlinePolicy',
      name,
    });
  }
}

export function renameInlinePolicy(world: ScenarioJson, owner: HolderRef, name: string, newName: string): ScenarioJson {
  const { ai, index, at, holder } = locateHolder(world, owner, 'owner');
  inlineOf(holder, owner, name, at, 'name');
  checkIamName('inlinePolicy', newName, `${at}.inlinePolicies`, 'newName');
  if (newName === name) return world;
  const policies = holder.inlinePolicies ?? {};
  if (Object.prototype.hasOwnProperty.call(policies, newName)) {
    refuse('nameTaken', `${owner.kind === 'user' ? 'User' : owner.kind === 'group' ? 'Group' : 'Role'} \`${owner.name}\` already has an inline policy named \`${newName}\`.`, `${at}.inlinePolicies[${JSON.stringify(newName)}]`, 'newName', {
      name: newName,
    });
  }
  // Keep the order of the policies: the renamed one stays where it was.
  const renamed = Object.fromEntries(Object.entries(policies).map(([k, v]) => [k === name ? newName : k, v] as const));
  return updateHolder(world, owner, ai, index, (h) => ({ ...h, inlinePolicies: renamed }));
}

export function deleteInlinePolicy(world: ScenarioJson, owner: HolderRef, name: string): ScenarioJson {
  const { ai, index, at, holder } = locateHolder(world, owner, 'owner');
  inlineOf(holder, owner, name, at, 'name');
  const rest = Object.fromEntries(Object.entries(holder.inlinePolicies ?? {}).filter(([k]) => k !== name));
  return updateHolder(world, owner, ai, index, (h) => ({ ...h, inlinePolicies: rest }));
}
