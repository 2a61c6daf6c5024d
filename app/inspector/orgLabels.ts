/** Names of an organization's parts as the inspector shows them: the root, OUs by name, accounts by alias. */
import type { OrganizationJson, ScenarioJson } from '../../engine/scenario/types';
import type { Choice } from './ui/pickers';

/** The root unit (the one without a parent, listed first). */
export function rootUnit(org: OrganizationJson) {
  return (org.units ?? []).find((u) => u.parent === undefined);
}

/** How deep a unit sits below the root (the root is 0), for indenting a list. */
function depthOf(org: OrganizationJson, id: string): number {
  const parents = new Map((org.units ?? []).map((u) => [u.id, u.parent] as const));
  let depth = 0;
  for (let at = parents.get(id); at !== undefined && depth <= parents.size; at = parents.get(at)) depth++;
  return depth;
}

/** The root and OUs, parents before children, indented by depth (for a select). */
export function unitChoices(org: OrganizationJson, exclude?: (id: string) => boolean): Choice[] {
  const units = org.units ?? [];
  const children = new Map<string | undefined, string[]>();
  for (const u of units) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  const out: Choice[] = [];
  const visit = (id: string) => {
    if (exclude?.(id)) return;
    const unit = units.find((u) => u.id === id);
    if (!unit) return;
    const depth = depthOf(org, id);
    out.push({ value: id, label: `${'\u2003'.repeat(depth)}${unit.name ?? id} (${id})` });
    for (const child of children.get(id) ?? []) visit(child);
  };
  for (const top of children.get(undefined) ?? []) visit(top);
  return out;
}

/** A target of an SCP or RCP, named for a learner: `Root (r-ab12)`, `Sandbox (ou-1)`, `acme (111111111111)`. */
export function targetLabel(world: ScenarioJson, target: string): string {
  const unit = world.organization?.units?.find((u) => u.id === target);
  if (unit) return `${unit.name ?? target} (${target})`;
  const account = world.accounts.find((a) => a.id === target);
  return account?.alias ? `${account.alias} (${target})` : target;
}

/** Every root, OU and account of the organization an SCP or RCP could attach to. */
export function orgTargets(world: ScenarioJson): Choice[] {
  const org = world.organization;
  if (!org) return [];
  return [...unitChoices(org), ...(org.accounts ?? []).map((a) => ({ value: a.id, label: targetLabel(world, a.id) }))];
}
