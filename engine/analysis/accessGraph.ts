/**
 * The access graph, in PMapper's model: every IAM user, role and account root user is a
 * node; an edge p → q says p can get q's permissions (assume it, pass it to a service it
 * controls, make credentials for it, rewrite its trust policy); a self-loop says p can
 * make itself an administrator. An administrator is a principal allowed `*` on `*`
 * (`allActions`) or one with such a self-loop (`selfEscalation`), as PMapper's admin test.
 * Escalations: for every principal not allowed `*` on `*` that can become an administrator
 * (itself, or by reaching one), the shortest path.
 *
 * About `*` on `*`: the engine takes the action `*` in a request and matches it as AWS's
 * policy grammar reads it: a statement's Action `*` matches it, `s3:*` does not, and a
 * NotAction matches it unless it lists `*`; a Deny of `*` (or a NotAction Deny) refuses it,
 * and a boundary or SCP must allow `*` too. That is PMapper's own test (it asks its
 * simulator for action `*` on resource `*`), so a principal allowed everything but denied
 * one service is still an administrator here, as there.
 *
 * Edges from an `allActions` administrator are left out except role assumption (it needs
 * no technique); every edge is decided by the engine (./escalationEdges.ts).
 */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { AccessEdge, AccessGraph, AccessGraphNode, AdminReason, EscalationPath } from './types';
import { GraphWorld } from './graphAssume';
import { EscalationFinder, allowedEverything } from './escalationEdges';
import { withAdministratorAccess } from './escalationPlay';

export async function buildAccessGraph(deps: AnalysisDeps, control: AnalysisControl): Promise<AccessGraph> {
  const graph = new GraphWorld(deps.world, deps.now);
  const { principals } = graph;
  const n = principals.length;
  // Five passes over the principals: admin test, role assumption, techniques, self-escalation, paths.
  const total = n * 4 + 1;
  let done = 0;

  const admin = new Map<string, AdminReason>();
  for (const p of principals) {
    await control.step(done++, total);
    if (allowedEverything(graph, p)) admin.set(p.arn, 'allActions');
  }

  const edges: AccessEdge[] = [];
  const assumable = new Set<string>();
  for (const q of principals) {
    await control.step(done++, total);
    if (!q.role) continue;
    for (const p of graph.candidatesFor(q.role)) {
      if (p.arn === q.arn) continue;
      if (!(await graph.canAssume(p, q.role, undefined))) continue;
      assumable.add(`${p.arn}\n${q.arn}`);
      edges.push({ from: p.arn, to: q.arn, kind: 'assumeRole', actions: [{ action: 'sts:AssumeRole', resource: q.arn }] });
    }
  }

  const finder = new EscalationFinder(graph, deps.scenario, withAdministratorAccess(deps.managed));
  const emit = (edge: AccessEdge) => edges.push(edge);
  for (const p of principals) {
    await control.step(done++, total);
    if (admin.has(p.arn)) continue;
    await finder.passRole(p, emit);
    finder.credentials(p, emit);
    await finder.updateTrust(p, (q) => assumable.has(`${p.arn}\n${q.arn}`), emit);
  }
  for (const p of principals) {
    await control.step(done++, total);
    if (admin.has(p.arn)) continue;
    const before = edges.length;
    await finder.selfEscalation(p, emit);
    if (edges.length > before) admin.set(p.arn, 'selfEscalation');
  }

  const nodes: AccessGraphNode[] = principals.map((p) => {
    const reason = admin.get(p.arn);
    return reason ? { principal: p.summary, admin: reason } : { principal: p.summary };
  });
  await control.step(done, total);
  return { nodes, edges, escalations: shortestEscalations(principals.map((p) => p.arn), edges, admin) };
}

/**
 * For every principal that is not allowed `*` on `*` but can become an administrator, the
 * shortest path: one breadth-first search backwards from all administrators at once.
 * A principal that can make itself an administrator (`selfEscalation`) has its self-loop as
 * its path; a path that ends at such a principal ends with its self-loop, so every path
 * shows the whole way to `*` on `*`. Ties go to the edge found first (the world's order).
 */
export function shortestEscalations(order: readonly string[], edges: readonly AccessEdge[], admin: ReadonlyMap<string, AdminReason>): EscalationPath[] {
  const incoming = new Map<string, AccessEdge[]>();
  const selfLoop = new Map<string, AccessEdge>();
  for (const edge of edges) {
    if (edge.from === edge.to) {
      if (!selfLoop.has(edge.from)) selfLoop.set(edge.from, edge);
      continue;
    }
    let list = incoming.get(edge.to);
    if (!list) incoming.set(edge.to, (list = []));
    list.push(edge);
  }
  /** The first edge of each principal's shortest path to an administrator. */
  const next = new Map<string, AccessEdge>();
  const reached = new Set<string>(order.filter((arn) => admin.has(arn)));
  let frontier = [...reached];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const to of frontier) {
      for (const edge of incoming.get(to) ?? []) {
        if (reached.has(edge.from)) continue;
        reached.add(edge.from);
        next.set(edge.from, edge);
        following.push(edge.from);
      }
    }
    frontier = following;
  }
  const out: EscalationPath[] = [];
  for (const from of order) {
    const reason = admin.get(from);
    if (reason === 'allActions') continue;
    if (reason === 'selfEscalation') {
      out.push({ from, to: from, edges: [selfLoop.get(from)!] });
      continue;
    }
    if (!next.has(from)) continue;
    const path: AccessEdge[] = [];
    let at = from;
    // INVARIANT: `next` points strictly closer to an administrator, so this walk ends there.
    while (!admin.has(at)) {
      const edge = next.get(at)!;
      path.push(edge);
      at = edge.to;
    }
    if (admin.get(at) === 'selfEscalation') path.push(selfLoop.get(at)!);
    out.push({ from, to: at, edges: path });
  }
  return out;
}
