/**
 * What the details panel lists for a selected entity: the policies that apply to it
 * (directly, or through a group for a user) and, for a group, its members.
 */
import type { WorldGraph, WorldNode } from './graph';

export interface AppliedPolicy {
  readonly node: WorldNode;
  /** The edge kind that brings it: attached, inline, boundary, trust, resourcePolicy. */
  readonly via: 'attached' | 'inline' | 'boundary' | 'trust' | 'resourcePolicy';
  /** The group it comes through, for a user. */
  readonly group?: WorldNode;
}

export function policiesOf(graph: WorldGraph, id: string): AppliedPolicy[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const direct = (target: string, group?: WorldNode): AppliedPolicy[] =>
    graph.edges
      .filter((e) => e.target === target && e.kind !== 'member')
      .flatMap((e) => {
        const node = byId.get(e.source);
        return node ? [{ node, via: e.kind as AppliedPolicy['via'], ...(group ? { group } : {}) }] : [];
      });
  const groups = graph.edges
    .filter((e) => e.target === id && e.kind === 'member')
    .flatMap((e) => byId.get(e.source) ?? []);
  return [...direct(id), ...groups.flatMap((g) => direct(g.id, g))];
}

export function membersOf(graph: WorldGraph, groupId: string): WorldNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.filter((e) => e.source === groupId && e.kind === 'member').flatMap((e) => byId.get(e.target) ?? []);
}

/** What a policy node applies to (its outgoing edges' targets). */
export function targetsOf(graph: WorldGraph, policyId: string): WorldNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.filter((e) => e.source === policyId).flatMap((e) => byId.get(e.target) ?? []);
}
