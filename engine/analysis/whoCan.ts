/**
 * "Who can": every IAM user, role and account root user of the world that can perform an
 * action on a resource with a given context — directly (a role through a session of it),
 * or by assuming roles, one or several in a chain, each AssumeRole allowed with the same
 * context — each with the (shortest) chain of roles it goes through. As IAM Access
 * Analyzer and PMapper answer it, on the playground's own engine.
 *
 * How it stays fast on a large world (issue #8: 1,000 principals in < 3 s):
 * 1. every principal is asked directly (`evaluateSync`, the engine's synchronous path, for
 *    every request that is not an STS call);
 * 2. a breadth-first search runs backwards from the roles that can act: only AssumeRole
 *    edges INTO a useful role are evaluated, and only for the callers its trust policy could
 *    admit (./graphPrincipals.ts). Each edge is still the engine's decision. Breadth-first
 *    order gives every principal its shortest chain.
 */
import type { World } from '../model/world';
import { evaluateSync, runRequest } from '../pipeline/run';
import type { RequestJson } from '../scenario/types';

export type { WhoCanQuery, WhoCanAnswer } from './types';
import type { WhoCanQuery, WhoCanAnswer, WhoCanReport } from './types';
import { UNCONTROLLED, type AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import { GraphWorld } from './graphAssume';
import type { GraphPrincipal } from './graphPrincipals';

/** Whether `p` may perform the query's request itself (a role through a session of it). */
async function allowedDirectly(graph: GraphWorld, p: GraphPrincipal, query: WhoCanQuery): Promise<boolean> {
  const request: RequestJson = { principal: p.caller, action: query.action, resource: query.resource, ...(query.context ? { context: query.context } : {}) };
  const options = { trace: false, now: graph.now };
  const result = evaluateSync(graph.world, request, options) ?? (await runRequest(graph.world, request, options));
  return result.decision === 'allowed';
}

/** The core both entry points share: each principal that can act, in world order, with its shortest chain. */
async function answer(graph: GraphWorld, query: WhoCanQuery, control: AnalysisControl): Promise<{ principal: GraphPrincipal; via: readonly string[] }[]> {
  const all = graph.principals;
  const via = new Map<string, readonly string[]>();
  const queue: GraphPrincipal[] = [];
  let total = all.length;
  for (const p of all) {
    await control.step(p.index, total);
    if (await allowedDirectly(graph, p, query)) {
      via.set(p.arn, []);
      if (p.role) queue.push(p);
    }
  }
  const contextKey = query.context ? JSON.stringify(query.context) : '';
  total += queue.length;
  let done = all.length;
  for (let head = 0; head < queue.length; head++) {
    const target = queue[head]!;
    const role = target.role!;
    const chain = [role.arn, ...via.get(target.arn)!];
    for (const caller of graph.candidatesFor(role)) {
      if (via.has(caller.arn)) continue;
      await control.step(done, total);
      if (!(await graph.canAssume(caller, role, query.context, contextKey))) continue;
      via.set(caller.arn, chain);
      if (caller.role) {
        queue.push(caller);
        total++;
      }
    }
    done++;
  }
  return all.filter((p) => via.has(p.arn)).map((p) => ({ principal: p, via: via.get(p.arn)! }));
}

/** Who can (for exercise goals, scenario queries and `npm run check`): ARNs with their chains. */
export async function whoCan(world: World, query: WhoCanQuery, now: Date = world.now ?? new Date()): Promise<WhoCanAnswer[]> {
  const found = await answer(new GraphWorld(world, now), query, UNCONTROLLED);
  return found.map(({ principal, via }) => ({ arn: principal.arn, via }));
}

/** The who-can report the analysis view shows: every principal that can act, with its summary and path. */
export async function whoCanReport(deps: AnalysisDeps, query: WhoCanQuery, control: AnalysisControl): Promise<WhoCanReport> {
  const graph = new GraphWorld(deps.world, deps.now);
  const found = await answer(graph, query, control);
  return {
    query,
    principals: found.map(({ principal, via }) => ({ arn: principal.arn, via, principal: principal.summary })),
    candidates: graph.principals.length,
  };
}
