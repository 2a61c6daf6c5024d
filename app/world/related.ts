/**
 * What the details panel lists for a selected node: the policies that apply to it
 * (directly, or through a group for a user), a group's members, what a policy applies to,
 * who may assume a role and whom a resource's policy lets in.
 */
import type { EdgeKind, WorldGraph, WorldNode } from './graph';

export interface AppliedPolicy {
  readonly node: WorldNode;
  /** The edge kind that brings it. */
  readonly via: 'attached' | 'inline' | 'boundary' | 'trust' | 'resourcePolicy' | 'scp' | 'rcp';
  /** The group it comes through, for a user. */
  readonly group?: WorldNode;
}

const POLICY_EDGES: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['attached', 'inline', 'boundary', 'trust', 'resourcePolicy', 'scp', 'rcp']);

function index(graph: WorldGraph): Map<string, WorldNode> {
  return new Map(graph.nodes.map((n) => [n.id, n]));
}

/** The policies that apply to node `id`: edges from a policy node to it, and, for a user, to its groups. */
export function policiesOf(graph: WorldGraph, id: string): AppliedPolicy[] {
  const byId = index(graph);
  const direct = (target: string, group?: WorldNode): AppliedPolicy[] =>
    graph.edges
      .filter((e) => e.target === target && POLICY_EDGES.has(e.kind))
      .flatMap((e) => {
        const node = byId.get(e.source);
        return node?.policy ? [{ node, via: e.kind as AppliedPolicy['via'], ...(group ? { group } : {}) }] : [];
      });
  const groups = graph.edges
    .filter((e) => e.target === id && e.kind === 'member')
    .flatMap((e) => byId.get(e.source) ?? []);
  return [...direct(id), ...groups.flatMap((g) => direct(g.id, g))];
}

export function membersOf(graph: WorldGraph, groupId: string): WorldNode[] {
  const byId = index(graph);
  return graph.edges.filter((e) => e.source === groupId && e.kind === 'member').flatMap((e) => byId.get(e.target) ?? []);
}

/** What a policy node applies to (its outgoing edges' targets). */
export function targetsOf(graph: WorldGraph, policyId: string): WorldNode[] {
  const byId = index(graph);
  return graph.edges.filter((e) => e.source === policyId).flatMap((e) => byId.get(e.target) ?? []);
}

/** The users, roles and root users of the world a role's trust policy names (who may assume it). */
export function assumableBy(graph: WorldGraph, roleId: string): WorldNode[] {
  const byId = index(graph);
  return graph.edges.filter((e) => e.target === roleId && e.kind === 'canAssume').flatMap((e) => byId.get(e.source) ?? []);
}

/** The principals of the world a resource's policy allows by name. */
export function grantedTo(graph: WorldGraph, resourceId: string): WorldNode[] {
  const byId = index(graph);
  return graph.edges.filter((e) => e.target === resourceId && e.kind === 'grant').flatMap((e) => byId.get(e.source) ?? []);
}
