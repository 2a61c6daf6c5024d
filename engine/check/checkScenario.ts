/**
 * Checking a scenario or pack: judge every request (in file order, sessions carried
 * over), answer every query, and for exercises prove that the starting world fails at
 * least one goal and the reference solution meets them all. The CLI prints these results;
 * the app shows them.
 */
import type { WhoCanAnswer, WhoCanQuery } from '../analysis/whoCan';
import type { ManagedPolicySource } from '../data/managedPolicies';
import type { DecisionResult } from '../evaluate/types';
import { LiveWorld } from '../iamApi/play';
import type { AppliedCall } from '../iamApi/types';
import { compileWorld } from '../model/compile';
import type { World, WorldFault } from '../model/world';
import { SessionStore } from '../pipeline/sessions';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import { answerWhoCan, judgeExercise, type ActionSource, type GoalOutcome, type PerformedRecord } from './exercise';
import { decisionMeets } from './expectations';

export interface RequestOutcome {
  readonly id: string;
  readonly decision: string;
  readonly expected: string | undefined;
  readonly ok: boolean;
  readonly reason: string;
  readonly result: DecisionResult;
  /** The IAM write the request applied (a request with `params` for an IAM write, allowed). */
  readonly applied?: AppliedCall;
}

export interface QueryOutcome {
  readonly id: string;
  readonly principals: readonly WhoCanAnswer[];
  readonly expected: readonly string[] | undefined;
  readonly mode: 'expect' | 'within' | 'includes' | undefined;
  readonly ok: boolean;
}

export type { GoalOutcome };

export interface ExerciseOutcome {
  readonly id: string;
  readonly start: { readonly met: number; readonly of: number; readonly goals: readonly GoalOutcome[] };
  readonly solution: { readonly met: number; readonly of: number; readonly goals: readonly GoalOutcome[]; readonly steps?: readonly RequestOutcome[] } | undefined;
  readonly ok: boolean;
}

export interface CheckOptions {
  /** The IAM service data, for `noneAllowed` goals whose action patterns have wildcards. */
  readonly actions?: ActionSource;
}

export type ScenarioCheck =
  | { readonly ok: true; readonly requests: readonly RequestOutcome[]; readonly queries: readonly QueryOutcome[]; readonly exercise: ExerciseOutcome | undefined }
  | { readonly ok: false; readonly faults: readonly WorldFault[] };

export { decisionMeets };

export async function answerQuery(world: World, query: { whoCan: WhoCanQuery; expect?: readonly string[]; within?: readonly string[]; includes?: readonly string[] }, id: string): Promise<QueryOutcome> {
  const q = await answerWhoCan(world, query);
  return { id, principals: q.principals, expected: q.expected, mode: q.mode, ok: q.ok };
}

/** Plays requests in order in a world the simulated IAM API changes; each one's outcome, and what it did. */
async function playRequests(live: LiveWorld, requests: readonly RequestJson[]): Promise<{ outcomes: RequestOutcome[]; performed: PerformedRecord[] }> {
  const outcomes: RequestOutcome[] = [];
  const performed: PerformedRecord[] = [];
  for (const [i, request] of requests.entries()) {
    const outcome = await live.run(request);
    const { result } = outcome;
    const expected = request.expect;
    outcomes.push({
      id: request.id ?? `#${i + 1}`,
      decision: result.decision,
      expected,
      ok: expected === undefined || decisionMeets(result.decision, expected),
      reason: result.message,
      result,
      ...(outcome.applied ? { applied: outcome.applied } : {}),
    });
    const caller = outcome.caller?.facts.callerArn;
    performed.push({ action: request.action, resource: request.resource, decision: result.decision, ...(caller ? { caller } : {}) });
  }
  return { outcomes, performed };
}

export async function checkScenario(scenario: ScenarioJson, managed: ManagedPolicySource, options: CheckOptions = {}): Promise<ScenarioCheck> {
  const { world, faults } = compileWorld(scenario, managed);
  if (faults.length > 0) return { ok: false, faults };
  // Requests run in file order; an allowed IAM write with params changes the world for the requests after it.
  const { outcomes: requests } = await playRequests(new LiveWorld(scenario, managed, world), scenario.requests ?? []);
  const queries: QueryOutcome[] = [];
  for (const query of scenario.queries ?? []) queries.push(await answerQuery(world, query, query.id));

  let exercise: ExerciseOutcome | undefined;
  if (scenario.exercise) {
    const ex = scenario.exercise;
    const judgeOptions = options.actions ? { actions: options.actions } : {};
    // The starting world is judged as the learner gets it: nothing performed yet.
    const start = await judgeExercise(scenario, ex, [], managed, judgeOptions);
    let solution: ExerciseOutcome['solution'];
    if (ex.solution) {
      const solvedScenario: ScenarioJson = { ...scenario, accounts: ex.solution.accounts ?? scenario.accounts, organization: ex.solution.organization ?? scenario.organization };
      const solved = compileWorld(solvedScenario, managed);
      if (solved.faults.length > 0) {
        const moved = ex.solution.accounts !== undefined;
        return { ok: false, faults: solved.faults.map((f) => ({ path: moved ? f.path.replace(/^\$\.accounts/, '$.exercise.solution.accounts') : f.path, message: `In the solution: ${f.message}` })) };
      }
      // The solution's steps are played as a learner would (one session store, IAM writes applied);
      // what they did is what the `performed` goals look for, and the goals are judged in the world they leave.
      const sessions = new SessionStore();
      const live = new LiveWorld(solvedScenario, managed, solved.world, sessions);
      const steps = await playRequests(live, ex.solution.steps ?? []);
      const judged = await judgeExercise(live.scenario, ex, steps.performed, managed, { ...judgeOptions, sessions });
      solution = { met: judged.met, of: judged.of, goals: judged.goals, ...(ex.solution.steps ? { steps: steps.outcomes } : {}) };
    }
    exercise = {
      id: ex.id,
      start: { met: start.met, of: start.of, goals: start.goals },
      solution,
      ok: start.met < start.of && solution !== undefined && solution.met === solution.of,
    };
  }
  return { ok: true, requests, queries, exercise };
}
