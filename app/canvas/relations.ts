/**
 * What joining two nodes of the map means, as world edits: a user dropped onto a group
 * joins it, a managed policy dropped onto a user, group or role is attached, a principal
 * dropped onto a role is trusted by it, an SCP or RCP dropped onto the organization's root,
 * an OU or an account is attached there, an account or OU dropped into an OU moves there. The
 * same relations back the context menu's pickers ("Attach policy…") and React Flow's
 * handles. Whether an edit is allowed is the engine's call (applyEdit): this only says
 * which edit a gesture asks for.
 */
import type { HolderRef, WorldEdit } from '../../engine/edit/types';
import { arn } from '../world/arns';
import type { WorldGraph, WorldNode } from '../world/graph';

export type RelationKind = 'member' | 'attach' | 'boundary' | 'trust' | 'orgPolicy' | 'moveAccount' | 'moveUnit';

export interface Relation {
  readonly kind: RelationKind;
  readonly edit: WorldEdit;
  /** The world has it already (the node is not offered as a target; dropping there is answered by the engine). */
  readonly exists: boolean;
}

const edgeSets = new WeakMap<WorldGraph, ReadonlySet<string>>();

function hasEdge(graph: WorldGraph, kind: string, source: string, target: string): boolean {
  let set = edgeSets.get(graph);
  if (!set) {
    set = new Set(graph.edges.map((e) => e.id));
    edgeSets.set(graph, set);
  }
  return set.has(`${kind}:${source}->${target}`);
}

function holderOf(node: WorldNode): HolderRef | undefined {
  const e = node.entity;
  return e && (e.kind === 'user' || e.kind === 'group' || e.kind === 'role') ? { account: e.account, kind: e.kind, name: e.name } : undefined;
}

/** How a holder's account names a managed policy: by name in its own account, else by ARN (AWS managed, another account's). */
function policyRefFor(policy: WorldNode, holder: HolderRef): string | undefined {
  if (policy.kind === 'awsManaged') return policy.arn;
  if (policy.kind !== 'customerManaged' || policy.entity?.kind !== 'policy') return undefined;
  return policy.entity.account === holder.account ? policy.entity.name : policy.arn;
}

/** The ARN a trust policy names a principal by. */
function principalArn(node: WorldNode): string | undefined {
  if (node.kind === 'root' && node.account) return arn.root(node.account);
  return node.kind === 'user' || node.kind === 'role' ? node.arn : undefined;
}

type Finder = (graph: WorldGraph, a: WorldNode, b: WorldNode) => Relation | undefined;

const finders: Readonly<Record<RelationKind, Finder>> = {
  member: (graph, user, group) => {
    if (user.kind !== 'user' || group.kind !== 'group' || user.entity?.kind !== 'user' || group.entity?.kind !== 'group') return undefined;
    if (user.entity.account !== group.entity.account) return undefined;
    return {
      kind: 'member',
      edit: { op: 'addUserToGroup', account: user.entity.account, user: user.entity.name, group: group.entity.name },
      exists: hasEdge(graph, 'member', group.id, user.id),
    };
  },
  attach: (graph, policy, target) => {
    const holder = holderOf(target);
    const ref = holder && policyRefFor(policy, holder);
    if (!holder || !ref) return undefined;
    return { kind: 'attach', edit: { op: 'attachPolicy', target: holder, policy: ref }, exists: hasEdge(graph, 'attached', policy.id, target.id) };
  },
  boundary: (graph, policy, target) => {
    const holder = holderOf(target);
    const ref = holder && policyRefFor(policy, holder);
    if (!holder || !ref || holder.kind === 'group') return undefined;
    return {
      kind: 'boundary',
      edit: { op: 'setPermissionsBoundary', target: { ...holder, kind: holder.kind }, policy: ref },
      exists: hasEdge(graph, 'boundary', policy.id, target.id),
    };
  },
  trust: (graph, principal, role) => {
    const who = principalArn(principal);
    if (!who || role.kind !== 'role' || role.entity?.kind !== 'role' || principal.id === role.id) return undefined;
    return {
      kind: 'trust',
      edit: { op: 'trustPrincipal', account: role.entity.account, role: role.entity.name, principal: who },
      exists: hasEdge(graph, 'canAssume', principal.id, role.id),
    };
  },
  orgPolicy: (graph, policy, target) => {
    if ((policy.kind !== 'scp' && policy.kind !== 'rcp') || !policy.policy) return undefined;
    const id = target.kind === 'orgRoot' || target.kind === 'orgUnit' ? target.unit : target.kind === 'account' && inOrganization(graph, target) ? target.account : undefined;
    if (id === undefined) return undefined;
    return { kind: 'orgPolicy', edit: { op: 'attachOrgPolicy', name: policy.policy.name, target: id }, exists: hasEdge(graph, policy.kind, policy.id, target.id) };
  },
  moveAccount: (_graph, account, unit) => {
    if (account.kind !== 'account' || !account.account || (unit.kind !== 'orgRoot' && unit.kind !== 'orgUnit') || unit.unit === undefined) return undefined;
    return { kind: 'moveAccount', edit: { op: 'moveAccount', account: account.account, parent: unit.unit }, exists: account.parent === unit.id };
  },
  moveUnit: (graph, moved, unit) => {
    if (moved.kind !== 'orgUnit' || moved.unit === undefined || (unit.kind !== 'orgRoot' && unit.kind !== 'orgUnit') || unit.unit === undefined) return undefined;
    // Not into itself or below itself (the engine would answer orgCycle).
    if (isWithin(graph, unit.id, moved.id)) return undefined;
    return { kind: 'moveUnit', edit: { op: 'moveOrgUnit', id: moved.unit, parent: unit.unit }, exists: moved.parent === unit.id };
  },
};

function isWithin(graph: WorldGraph, id: string, ancestor: string): boolean {
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  for (let at: string | undefined = id; at !== undefined; at = parentOf.get(at)) if (at === ancestor) return true;
  return false;
}

function inOrganization(graph: WorldGraph, account: WorldNode): boolean {
  if (account.parent === undefined) return false;
  const parent = graph.nodes.find((n) => n.id === account.parent);
  return parent?.kind === 'orgRoot' || parent?.kind === 'orgUnit';
}

/** The relations a drop or a connection can make, in the order they are tried (a boundary only from the menu). */
const ON_DROP: readonly RelationKind[] = ['member', 'attach', 'trust', 'orgPolicy', 'moveAccount', 'moveUnit'];

/**
 * What dropping `dragged` onto `target` (or connecting them, either way round) makes, or
 * undefined when the two have nothing to do with each other. The dragged node's own reading
 * comes first: a role dropped onto a role is trusted by the target.
 */
export function relationOnDrop(graph: WorldGraph, dragged: WorldNode, target: WorldNode): Relation | undefined {
  for (const kind of ON_DROP) {
    const found = finders[kind](graph, dragged, target) ?? (kind === 'trust' || kind === 'moveAccount' || kind === 'moveUnit' ? undefined : finders[kind](graph, target, dragged));
    if (found) return found;
  }
  // A role dragged onto a user or a root user: the user may assume the role.
  return dragged.kind === 'role' && target.kind !== 'role' ? finders.trust(graph, target, dragged) : undefined;
}

/** The relation of `kind` between `node` and `other`, whichever way round it reads. */
export function relationOf(graph: WorldGraph, kind: RelationKind, node: WorldNode, other: WorldNode): Relation | undefined {
  return finders[kind](graph, node, other) ?? finders[kind](graph, other, node);
}

/** The nodes a drag of `dragged` can be dropped onto to make something new (highlighted while dragging). */
export function dropTargets(graph: WorldGraph, dragged: WorldNode): Set<string> {
  const out = new Set<string>();
  for (const n of graph.nodes) {
    if (n.id === dragged.id) continue;
    const r = relationOnDrop(graph, dragged, n);
    if (r && !r.exists) out.add(n.id);
  }
  return out;
}

/** What the picker of `kind` offers for `node` ("Attach policy…" on a user: the policies), with the edit of each. */
export function pickerChoices(graph: WorldGraph, kind: RelationKind, node: WorldNode, direction: 'from' | 'to' = 'from'): { readonly node: WorldNode; readonly relation: Relation }[] {
  const out: { node: WorldNode; relation: Relation }[] = [];
  for (const other of graph.nodes) {
    if (other.id === node.id) continue;
    const relation = direction === 'from' ? finders[kind](graph, node, other) : finders[kind](graph, other, node);
    if (relation && !relation.exists) out.push({ node: other, relation });
  }
  return out;
}
