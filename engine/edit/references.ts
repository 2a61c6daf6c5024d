/**
 * Renaming and deleting entities, with every reference the world holds to them: group
 * memberships, managed policy attachments and permissions boundaries (by name in the same
 * account or by ARN from any account), instance profiles' roles, and the requests, queries
 * and goals that name them by ARN. Policy documents are not rewritten, as in AWS (a policy
 * naming a deleted role keeps naming it), with one exception AWS makes too: a renamed
 * user's ARN is updated where trust and resource policies name it as a principal
 * (./principalRewrite.ts).
 *
 * With `cascade: false` a delete behaves as IAM's API does: an entity that something still
 * refers to is refused with `deleteConflict` (DeleteConflict), naming what refers to it
 * (IAM API Reference, DeleteUser / DeleteGroup / DeleteRole / DeletePolicy: "you must
 * delete the items attached to the user manually" — password, access keys, MFA devices,
 * inline policies, attached managed policies, group memberships).
 */
import { refuse } from './errors';
import { rewritePrincipalsInWorld } from './principalRewrite';
import { checkIamName } from './naming';
import { customerPolicyArn, mapPolicyRefs, readPolicyRef, refersToPolicy } from './policyRefs';
import { dropRequestsLosingCaller, entityArnMapper, mapRequestArns, requestsLosingCaller, resourceArnMapper, type RequestCaller } from './requests';
import { checkNameFree, checkResourceArn } from './entities';
import {
  accountIndex, accountPath, entityIndex, LIST_OF, listOf, pathOf, removeAt, resourceIndex, withAccount, withEntity, withList, withResource, without,
} from './world';
import type { EntityRef } from './types';
import type { ScenarioJson } from '../scenario/types';

// ── rename ──

export function rename(world: ScenarioJson, ref: EntityRef, newName: string): ScenarioJson {
  const ai = accountIndex(world, ref.account, 'ref');
  if (ref.kind === 'resource') {
    const ri = resourceIndex(world, ai, ref.arn, 'ref');
    if (newName === ref.arn) return world;
    checkResourceArn(world, ref.account, newName, `${accountPath(ai)}.resources[${ri}].arn`, 'newName', ref.arn);
    const next = withResource(world, ai, ri, (r) => ({ ...r, arn: newName }));
    return mapRequestArns(next, resourceArnMapper(ref.arn, newName));
  }
  const kind = ref.kind;
  const index = entityIndex(world, ai, kind, ref.name, 'ref');
  const account = world.accounts[ai]!;
  const at = `${accountPath(ai)}.${LIST_OF[kind]}[${index}]`;
  checkIamName(kind, newName, at, 'newName');
  if (newName === ref.name) return world;
  checkNameFree(account, ai, kind, newName, index, 'newName');
  const entity = listOf(account, kind)[index]!;
  let next: ScenarioJson;
  switch (kind) {
    case 'user': {
      next = withEntity(world, ai, 'user', index, (u) => ({ ...u, name: newName }));
      next = rewritePrincipalsInWorld(next, entityArnMapper('user', ref.account, ref.name, newName, pathOf(entity)));
      break;
    }
    case 'group':
      next = withAccount(world, ai, (a) => ({
        ...withList(a, 'group', listOf(a, 'group').map((g, i) => (i === index ? { ...g, name: newName } : g))),
        ...(a.users ? { users: a.users.map((u) => (u.groups?.includes(ref.name) ? { ...u, groups: u.groups.map((g) => (g === ref.name ? newName : g)) } : u)) } : {}),
      }));
      break;
    case 'role':
      next = withAccount(world, ai, (a) => ({
        ...withList(a, 'role', listOf(a, 'role').map((r, i) => (i === index ? { ...r, name: newName } : r))),
        ...(a.instanceProfiles ? { instanceProfiles: a.instanceProfiles.map((p) => (p.role === ref.name ? { ...p, role: newName } : p)) } : {}),
      }));
      break;
    case 'policy': {
      const newArn = customerPolicyArn(ref.account, { name: newName, path: pathOf(entity) });
      next = withEntity(world, ai, 'policy', index, (p) => ({ ...p, name: newName }));
      next = mapPolicyRefs(next, (r, holder) => (refersToPolicy(r, holder, ref.account, ref.name) ? (r.startsWith('arn:') ? newArn : newName) : r));
      break;
    }
  }
  return mapRequestArns(next, entityArnMapper(kind, ref.account, ref.name, newName, pathOf(entity)));
}

// ── delete ──

/** What still refers to an entity, in words (for `deleteConflict`). */
function conflictsOf(world: ScenarioJson, ref: EntityRef): string[] {
  if (ref.kind === 'resource') return [];
  const ai = accountIndex(world, ref.account, 'ref');
  const account = world.accounts[ai]!;
  const out: string[] = [];
  const attachments = (what: string, entity: { readonly managedPolicies?: readonly string[]; readonly inlinePolicies?: Readonly<Record<string, unknown>> }) => {
    for (const p of entity.managedPolicies ?? []) out.push(`attached ${what}managed policy \`${p}\``);
    for (const name of Object.keys(entity.inlinePolicies ?? {})) out.push(`inline policy \`${name}\``);
  };
  const callerGone = (caller: RequestCaller) =>
    caller.account === ref.account && ((ref.kind === 'user' && caller.kind === 'user') || (ref.kind === 'role' && caller.kind === 'role')) && caller.name === ref.name;
  switch (ref.kind) {
    case 'user': {
      const user = listOf(account, 'user')[entityIndex(world, ai, 'user', ref.name, 'ref')]!;
      for (const g of user.groups ?? []) out.push(`membership of group \`${g}\``);
      attachments('', user);
      for (const k of user.accessKeys ?? []) out.push(`access key \`${k.id}\``);
      if (user.password !== undefined) out.push('a console password');
      for (const d of user.mfaDevices ?? []) out.push(`MFA device \`${d.serial}\``);
      break;
    }
    case 'group': {
      const group = listOf(account, 'group')[entityIndex(world, ai, 'group', ref.name, 'ref')]!;
      for (const u of account.users ?? []) if (u.groups?.includes(ref.name)) out.push(`member \`${u.name}\``);
      attachments('', group);
      break;
    }
    case 'role': {
      const role = listOf(account, 'role')[entityIndex(world, ai, 'role', ref.name, 'ref')]!;
      attachments('', role);
      for (const p of account.instanceProfiles ?? []) if (p.role === ref.name) out.push(`instance profile \`${p.name}\``);
      break;
    }
    case 'policy': {
      entityIndex(world, ai, 'policy', ref.name, 'ref');
      for (const holder of world.accounts) {
        const where = holder.id === ref.account ? '' : ` (account ${holder.id})`;
        const attached = (kind: string, e: { readonly name: string; readonly managedPolicies?: readonly string[]; readonly permissionsBoundary?: string | null }) => {
          if (e.managedPolicies?.some((p) => refersToPolicy(p, holder.id, ref.account, ref.name))) out.push(`${kind} \`${e.name}\`${where}`);
          if (e.permissionsBoundary && refersToPolicy(e.permissionsBoundary, holder.id, ref.account, ref.name)) out.push(`the permissions boundary of ${kind} \`${e.name}\`${where}`);
        };
        for (const u of holder.users ?? []) attached('user', u);
        for (const g of holder.groups ?? []) attached('group', g);
        for (const r of holder.roles ?? []) attached('role', r);
      }
      break;
    }
  }
  if (ref.kind === 'user' || ref.kind === 'role') {
    for (const id of requestsLosingCaller(world, callerGone).dropped) out.push(`request \`${id}\``);
  }
  return out;
}

export function deleteEntity(world: ScenarioJson, ref: EntityRef, cascade = true): ScenarioJson {
  const ai = accountIndex(world, ref.account, 'ref');
  if (ref.kind === 'resource') {
    const ri = resourceIndex(world, ai, ref.arn, 'ref');
    return withAccount(world, ai, (a) => ({ ...a, resources: removeAt(a.resources ?? [], ri) }));
  }
  const index = entityIndex(world, ai, ref.kind, ref.name, 'ref');
  if (!cascade) {
    const conflicts = conflictsOf(world, ref);
    if (conflicts.length > 0) {
      refuse(
        'deleteConflict',
        `Cannot delete ${ref.kind} \`${ref.name}\` while something refers to it: ${conflicts.join(', ')}. Remove those first, or delete it together with its references.`,
        `${accountPath(ai)}.${LIST_OF[ref.kind]}[${index}]`,
        'ref',
        { name: ref.name, refs: conflicts.join(', '), count: conflicts.length },
      );
    }
  }
  const name = ref.name;
  let next = withAccount(world, ai, (a) => withList(a, ref.kind, removeAt(listOf(a, ref.kind), index)));
  switch (ref.kind) {
    case 'user':
      next = dropRequestsLosingCaller(next, (c) => c.kind === 'user' && c.account === ref.account && c.name === name);
      break;
    case 'group':
      next = withAccount(next, ai, (a) => (a.users ? { ...a, users: a.users.map((u) => (u.groups?.includes(name) ? { ...u, groups: u.groups.filter((g) => g !== name) } : u)) } : a));
      break;
    case 'role':
      next = withAccount(next, ai, (a) => (a.instanceProfiles ? { ...a, instanceProfiles: a.instanceProfiles.map((p) => (p.role === name ? without(p, 'role') : p)) } : a));
      next = dropRequestsLosingCaller(next, (c) => c.kind === 'role' && c.account === ref.account && c.name === name);
      break;
    case 'policy':
      next = mapPolicyRefs(next, (r, holder) => (refersToPolicy(r, holder, ref.account, name) ? null : r));
      break;
  }
  return next;
}

/** Every reference to the customer managed policies of `account` from other accounts, removed (the account is going away). */
export function dropRefsToAccountPolicies(world: ScenarioJson, account: string): ScenarioJson {
  return mapPolicyRefs(world, (r, holder) => {
    const target = readPolicyRef(r, holder);
    return holder !== account && target?.kind === 'customer' && target.account === account ? null : r;
  });
}
