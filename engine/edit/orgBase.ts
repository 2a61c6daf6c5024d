/**
 * What the organization edits share: finding the organization, its units and targets, and
 * putting a changed organization back into the world.
 */
import { refuse } from './errors';
import type { OrganizationJson, OrgPolicyJson, OrgUnitJson, ScenarioJson } from '../scenario/types';

/** The organization; refuses `organizationMissing` when the world has none. */
export function requireOrg(world: ScenarioJson, field?: string): OrganizationJson {
  if (!world.organization) refuse('organizationMissing', 'This world has no organization yet: create one first.', '$.organization', field);
  return world.organization;
}

/** The world with `org` as its organization. */
export function withOrg(world: ScenarioJson, org: OrganizationJson): ScenarioJson {
  return { ...world, organization: org };
}

/** The root: the first unit, as the scenario format lists it. */
export function rootOf(org: OrganizationJson): OrgUnitJson | undefined {
  return org.units?.[0];
}

/** The index of the root or OU `id`; refuses `notFound` otherwise. */
export function unitIndex(org: OrganizationJson, id: string, field: string): number {
  const index = (org.units ?? []).findIndex((u) => u.id === id);
  if (index < 0) refuse('notFound', `The organization has no root or OU with id \`${id}\`.`, '$.organization.units', field, { what: 'orgUnit', name: id });
  return index;
}

/** How many levels below the root a unit is (the root is 0). */
export function depthOf(org: OrganizationJson, id: string): number {
  const parents = new Map((org.units ?? []).map((u) => [u.id, u.parent] as const));
  let depth = 0;
  for (let at = parents.get(id); at !== undefined; at = parents.get(at)) depth++;
  return depth;
}

/** Whether policies can attach to `target`: the root, an OU, or an account the organization places. */
export function isTarget(org: OrganizationJson, target: string): boolean {
  return (org.units ?? []).some((u) => u.id === target) || (org.accounts ?? []).some((a) => a.id === target);
}

/** The SCPs (or RCPs) attached directly to `target`. */
export function attachedOfType(org: OrganizationJson, type: 'SCP' | 'RCP', target: string): OrgPolicyJson[] {
  return (org.policies ?? []).filter((p) => p.type === type && p.targets?.includes(target));
}
