/**
 * Checking a scenario or pack: judge every request (in file order, sessions carried
 * over), answer every query, and for exercises prove that the starting world fails at
 * least one goal and the reference solution meets them all. The CLI prints these results;
 * the app shows them.
 */
import { whoCan, type WhoCanAnswer, type WhoCanQuery } from '../analysis/whoCan';
import type { ManagedPolicySource } from '../data/managedPolicies';
import type { DecisionResult, Stage } from '../evaluate/types';
import { compileWorld } from '../model/compile';
import type { World, WorldFault } from '../model/world';
import { runRequest } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import type { GoalJson, ScenarioJson } from '../scenario/types';
import { decisionMeets } from './expectations';

export interface RequestOutcome {
  readonly id: string;
  readonly decision: string;
  readonly expected: string | undefined;
  readonly ok: boolean;
  readonly reason: string;
  readonly result: DecisionResult;
}

export interface QueryOutcome {
  readonly id: string;
  readonly principals: readonly WhoCanAnswer[];
  readonly expected: readonly string[] | undefined;
  readonly mode: 'expect' | 'within' | undefined;
  readonly ok: boolean;
}

export interface GoalOutcome {
  readonly index: number;
  readonly met: boolean;
  readonly detail: string;
}

export interface ExerciseOutcome {
  readonly id: string;
  readonly start: { readonly met: number; readonly of: number; readonly goals: readonly GoalOutcome[] };
  readonly solution: { readonly met: number; readonly of: number; readonly goals: readonly GoalOutcome[] } | undefined;
  readonly ok: boolean;
}

export type ScenarioCheck =
  | { readonly ok: true; readonly requests: readonly RequestOutcome[]; readonly queries: readonly QueryOutcome[]; readonly exercise: ExerciseOutcome | undefined }
  | { readonly ok: false; readonly faults: readonly WorldFault[] };

export { decisionMeets };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

export async function answerQuery(world: World, query: { whoCan: WhoCanQuery; expect?: readonly string[]; within?: readonly string[] }, id: string): Promise<QueryOutcome> {
  const principals = await whoCan(world, query.whoCan);
  const arns = principals.map((p) => p.arn);
  const mode = query.expect ? 'expect' : query.within ? 'within' : undefined;
  const ok = query.expect ? sameSet(arns, query.expect) : query.within ? arns.every((a) => query.within!.includes(a)) : true;
  return { id, principals, expected: query.expect ?? query.within, mode, ok };
}

async function judgeGoals(world: World, goals: readonly GoalJson[]): Promise<GoalOutcome[]> {
  const sessions = new SessionStore();
  const out: GoalOutcome[] = [];
  for (const [index, goal] of goals.entries()) {
    if ('request' in goal) {
      const result = await runRequest(world, goal.request, { trace: false, sessions });
      const byOk = goal.by === undefined || result.decidedBy.includes(goal.by as Stage);
      const met = decisionMeets(result.decision, goal.expect) && byOk;
      out.push({ index, met, detail: `${result.decision}${goal.by ? ` by ${result.decidedBy.join('+')}` : ''} (expected ${goal.expect}${goal.by ? ` by ${goal.by}` : ''})` });
    } else if ('whoCan' in goal) {
      const q = await answerQuery(world, goal, `goal-${index}`);
      out.push({ index, met: q.ok, detail: `who can: ${q.principals.map((p) => p.arn).join(', ') || 'nobody'}` });
    } else {
      // TODO(iamApi helper): noneAllowed and performed goals.
      out.push({ index, met: false, detail: 'not judged yet' });
    }
  }
  return out;
}

export async function checkScenario(scenario: ScenarioJson, managed: ManagedPolicySource): Promise<ScenarioCheck> {
  const { world, faults } = compileWorld(scenario, managed);
  if (faults.length > 0) return { ok: false, faults };
  const sessions = new SessionStore();
  const requests: RequestOutcome[] = [];
  for (const [i, request] of (scenario.requests ?? []).entries()) {
    const result = await runRequest(world, request, { trace: false, sessions });
    const expected = request.expect;
    requests.push({
      id: request.id ?? `#${i + 1}`,
      decision: result.decision,
      expected,
      ok: expected === undefined || decisionMeets(result.decision, expected),
      reason: result.message,
      result,
    });
  }
  const queries: QueryOutcome[] = [];
  for (const query of scenario.queries ?? []) queries.push(await answerQuery(world, query, query.id));

  let exercise: ExerciseOutcome | undefined;
  if (scenario.exercise) {
    const ex = scenario.exercise;
    const startGoals = await judgeGoals(world, ex.goals);
    let solution: ExerciseOutcome['solution'];
    if (ex.solution) {
      const solved = compileWorld({ ...scenario, accounts: ex.solution.accounts ?? scenario.accounts, organization: ex.solution.organization ?? scenario.organization }, managed);
      if (solved.faults.length > 0) {
        return { ok: false, faults: solved.faults.map((f) => ({ path: f.path.replace(/^\$\.accounts/, '$.exercise.solution.accounts'), message: `In the solution: ${f.message}` })) };
      }
      const goals = await judgeGoals(solved.world, ex.goals);
      solution = { met: goals.filter((g) => g.met).length, of: goals.length, goals };
    }
    const startMet = startGoals.filter((g) => g.met).length;
    exercise = {
      id: ex.id,
      start: { met: startMet, of: startGoals.length, goals: startGoals },
      solution,
      ok: startMet < startGoals.length && solution !== undefined && solution.met === solution.of,
    };
  }
  return { ok: true, requests, queries, exercise };
}
