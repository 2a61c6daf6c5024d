/**
 * AWS Organizations in a world: the organization, its root and OUs, which accounts it
 * places where, and its SCPs and RCPs with their targets. The scenario format lists the
 * root first in `units` (no parent) and every other unit after its parent
 * (../scenario/references.ts checks this), and SCPs are never implicit: a target with no
 * SCP allows nothing (engine/evaluate/evaluate.ts). So an organization made here carries
 * AWS's `FullAWSAccess` SCP explicitly, attached where AWS attaches it — "AWS Organizations
 * attaches a default SCP named FullAWSAccess to every root, OU, and account" (Organizations
 * API Reference, AttachPolicy) — and new OUs and joining accounts get it too, so the world
 * behaves as a new organization with SCPs enabled: nothing is blocked until a learner
 * attaches a narrower SCP.
 */
import { refuse } from './errors';
import { checkOrgName, ORG_QUOTAS } from './naming';
import { depthOf, isTarget, requireOrg, rootOf, unitIndex, withOrg } from './orgBase';
import { attachDefaultScp, dropTarget, FULL_AWS_ACCESS_NAME, fullAwsAccessDocument } from './orgPolicies';
import { accountIndex, removeAt, replaceAt, without } from './world';
import type { OrganizationJson, OrgUnitJson, ScenarioJson } from '../scenario/types';

/** Organization ids: `o-` and 10 to 32 lower-case letters or digits (Organizations API Reference, Organization `Id`). */
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
/** OU ids. AWS writes `ou-` + root part + `-` + 8 or more; scenario files also use shorter ones such as `ou-dev`. */
const OU_ID = /^ou-[0-9a-z][0-9a-z-]*$/;

/** Lower-case letters and digits derived from `seed` (FNV-1a): ids that are the same for the same world, as edits must be deterministic. */
export function derivedId(seed: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let hash = 0x811c9dc5;
    for (const ch of `${seed}#${round}`) {
      hash ^= ch.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(36).padStart(7, '0');
  }
  return out.slice(0, length);
}

// ── the organization ──

export function createOrganization(world: ScenarioJson, managementAccount: string, id?: string): ScenarioJson {
  if (world.organization) refuse('organizationExists', `This world already has an organization (\`${world.organization.id}\`).`, '$.organization', undefined, { id: world.organization.id });
  accountIndex(world, managementAccount, 'managementAccount');
  if (id !== undefined && !ORG_ID.test(id)) refuse('orgIdInvalid', `\`${id}\` is not an organization id: \`o-\` and 10 to 32 lower-case letters or digits.`, '$.organization.id', 'id', { id });
  const root = `r-${derivedId(`root:${managementAccount}`, 4)}`;
  const organization: OrganizationJson = {
    id: id ?? `o-${derivedId(`org:${managementAccount}`, 10)}`,
    managementAccount,
    units: [{ id: root, name: 'Root' }],
    accounts: [{ id: managementAccount, parent: root }],
    policies: [{ name: FULL_AWS_ACCESS_NAME, type: 'SCP', targets: [root, managementAccount], document: fullAwsAccessDocument() }],
  };
  return withOrg(world, organization);
}

export function deleteOrganization(world: ScenarioJson): ScenarioJson {
  requireOrg(world);
  return without(world, 'organization');
}

// ── OUs ──

function checkSiblingName(org: OrganizationJson, parent: string, name: string, except: string | undefined, field: string): void {
  const clash = (org.units ?? []).findIndex((u) => u.parent === parent && u.id !== except && (u.name ?? u.id) === name);
  if (clash >= 0) refuse('nameTaken', `An OU named \`${name}\` already exists under \`${parent}\`.`, `$.organization.units[${clash}]`, field, { name });
}

export function createOrgUnit(world: ScenarioJson, name: string, parent: string, id?: string): ScenarioJson {
  const org = requireOrg(world, 'parent');
  const units = org.units ?? [];
  const at = `$.organization.units[${units.length}]`;
  unitIndex(org, parent, 'parent');
  checkOrgName(name, at, 'An OU name');
  checkSiblingName(org, parent, name, undefined, 'name');
  const depth = depthOf(org, parent) + 1;
  if (depth > ORG_QUOTAS.ouDepth) {
    refuse('quotaExceeded', `OUs nest at most ${ORG_QUOTAS.ouDepth} levels below the root; \`${parent}\` is already ${depth - 1} levels deep.`, at, 'parent', { limit: ORG_QUOTAS.ouDepth, target: parent });
  }
  let unitId = id;
  if (unitId !== undefined) {
    if (!OU_ID.test(unitId)) refuse('orgIdInvalid', `\`${unitId}\` is not an OU id: \`ou-\` followed by lower-case letters, digits and hyphens.`, at, 'id', { id: unitId });
    if (isTarget(org, unitId)) refuse('nameTaken', `The organization already has a unit or account with id \`${unitId}\`.`, at, 'id', { name: unitId });
  } else {
    const rootPart = (rootOf(org)?.id ?? 'r-root').replace(/^r-/, '').replace(/[^0-9a-z]/g, '').padEnd(4, '0');
    for (let n = 0; unitId === undefined || isTarget(org, unitId); n++) unitId = `ou-${rootPart}-${derivedId(`ou:${parent}:${name}:${n}`, 8)}`;
  }
  return withOrg(world, attachDefaultScp({ ...org, units: [...units, { id: unitId, name, parent }] }, unitId));
}

export function renameOrgUnit(world: ScenarioJson, id: string, name: string): ScenarioJson {
  const org = requireOrg(world, 'id');
  const index = unitIndex(org, id, 'id');
  if (index === 0) refuse('orgTargetInvalid', 'The root of an organization is always named Root; only OUs can be renamed.', '$.organization.units[0]', 'id', { target: id });
  const unit = org.units![index]!;
  checkOrgName(name, `$.organization.units[${index}].name`, 'An OU name');
  if (unit.name === name) return world;
  checkSiblingName(org, unit.parent!, name, id, 'name');
  return withOrg(world, { ...org, units: replaceAt(org.units!, index, { ...unit, name }) });
}

/** Deletes an OU; with `cascade` its OUs and accounts move up to its parent, otherwise a non-empty OU is refused (OrganizationalUnitNotEmptyException). */
export function deleteOrgUnit(world: ScenarioJson, id: string, cascade = true): ScenarioJson {
  const org = requireOrg(world, 'id');
  const index = unitIndex(org, id, 'id');
  if (index === 0) refuse('orgTargetInvalid', 'The root cannot be deleted; delete the organization instead.', '$.organization.units[0]', 'id', { target: id });
  const parent = org.units![index]!.parent!;
  const childUnits = org.units!.filter((u) => u.parent === id).map((u) => u.name ?? u.id);
  const childAccounts = (org.accounts ?? []).filter((a) => a.parent === id).map((a) => a.id);
  if (!cascade && childUnits.length + childAccounts.length > 0) {
    const refs = [...childUnits.map((n) => `OU \`${n}\``), ...childAccounts.map((a) => `account ${a}`)].join(', ');
    refuse('deleteConflict', `OU \`${org.units![index]!.name ?? id}\` is not empty (${refs}); move or remove them first.`, `$.organization.units[${index}]`, 'id', { name: org.units![index]!.name ?? id, refs, count: childUnits.length + childAccounts.length });
  }
  const units = removeAt(org.units!, index).map((u) => (u.parent === id ? { ...u, parent } : u));
  const accounts = org.accounts?.map((a) => (a.parent === id ? { ...a, parent } : a));
  return withOrg(world, dropTarget({ ...org, units, ...(accounts ? { accounts } : {}) }, id));
}

/** Units in an order where every parent comes before its children (the format's rule), otherwise as they were. */
function parentsFirst(units: readonly OrgUnitJson[]): OrgUnitJson[] {
  const out: OrgUnitJson[] = [];
  const placed = new Set<string>();
  let pending = units.slice();
  while (pending.length > 0) {
    const next = pending.filter((u) => u.parent !== undefined && !placed.has(u.parent) && pending.some((p) => p.id === u.parent));
    const ready = pending.filter((u) => !next.includes(u));
    for (const u of ready) {
      out.push(u);
      placed.add(u.id);
    }
    pending = next;
  }
  return out;
}

/** Moves an OU (with everything under it) under another parent; an OU cannot go under itself or its own descendants. */
export function moveOrgUnit(world: ScenarioJson, id: string, parent: string): ScenarioJson {
  const org = requireOrg(world, 'id');
  const index = unitIndex(org, id, 'id');
  unitIndex(org, parent, 'parent');
  if (index === 0) refuse('orgTargetInvalid', 'The root cannot be moved.', '$.organization.units[0]', 'id', { target: id });
  const unit = org.units![index]!;
  if (unit.parent === parent) return world;
  const parents = new Map(org.units!.map((u) => [u.id, u.parent] as const));
  for (let at: string | undefined = parent; at !== undefined; at = parents.get(at)) {
    if (at === id) refuse('orgCycle', `OU \`${unit.name ?? id}\` cannot move under \`${parent}\`, which is itself or inside it.`, `$.organization.units[${index}].parent`, 'parent', { unit: id, parent });
  }
  // The deepest OU of the moved subtree must stay within five levels below the root.
  const subtreeHeight = (u: string): number => Math.max(0, ...org.units!.filter((c) => c.parent === u).map((c) => 1 + subtreeHeight(c.id)));
  const deepest = depthOf(org, parent) + 1 + subtreeHeight(id);
  if (deepest > ORG_QUOTAS.ouDepth) {
    refuse('quotaExceeded', `OUs nest at most ${ORG_QUOTAS.ouDepth} levels below the root; moving \`${unit.name ?? id}\` under \`${parent}\` would make it ${deepest}.`, `$.organization.units[${index}].parent`, 'parent', {
      limit: ORG_QUOTAS.ouDepth,
      target: parent,
    });
  }
  checkSiblingName(org, parent, unit.name ?? unit.id, id, 'parent');
  return withOrg(world, { ...org, units: parentsFirst(replaceAt(org.units!, index, { ...unit, parent })) });
}

// ── accounts ──

/** Puts an account into the organization under `parent`, or moves it there. */
export function moveAccount(world: ScenarioJson, account: string, parent: string): ScenarioJson {
  const org = requireOrg(world, 'parent');
  accountIndex(world, account);
  unitIndex(org, parent, 'parent');
  const accounts = org.accounts ?? [];
  const placed = accounts.findIndex((a) => a.id === account);
  if (placed >= 0) {
    if (accounts[placed]!.parent === parent) return world;
    return withOrg(world, { ...org, accounts: replaceAt(accounts, placed, { id: account, parent }) });
  }
  return withOrg(world, attachDefaultScp({ ...org, accounts: [...accounts, { id: account, parent }] }, account));
}

export function removeAccountFromOrganization(world: ScenarioJson, account: string): ScenarioJson {
  const org = requireOrg(world, 'account');
  if (account === org.managementAccount) {
    refuse('managementAccount', `Account ${account} is the organization's management account and cannot leave it; delete the organization instead.`, '$.organization.managementAccount', 'account', { account });
  }
  const placed = (org.accounts ?? []).findIndex((a) => a.id === account);
  if (placed < 0) refuse('notFound', `Account ${account} is not in the organization.`, '$.organization.accounts', 'account', { what: 'orgAccount', name: account });
  return withOrg(world, dropTarget({ ...org, accounts: removeAt(org.accounts!, placed) }, account));
}

/** The organization as it is once account `id` is deleted from the world (the management account cannot be). */
export function forgetAccount(world: ScenarioJson, id: string): ScenarioJson {
  const org = world.organization;
  if (!org) return world;
  if (org.managementAccount === id) {
    refuse('managementAccount', `Account ${id} is the organization's management account; delete the organization before deleting it.`, '$.organization.managementAccount', 'id', { account: id });
  }
  if (!org.accounts?.some((a) => a.id === id)) return world;
  return withOrg(world, dropTarget({ ...org, accounts: org.accounts.filter((a) => a.id !== id) }, id));
}
