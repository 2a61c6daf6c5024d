/**
 * Judging an exercise's goals in a world: the contract the CLI (`npm run check`), the
 * worker (`judgeExercise`) and the app's exercise view share. Implemented with the
 * simulated IAM API (engine/iamApi): goal requests that are allowed IAM writes with
 * `params` change the world for the goals after them.
 */
import { whoCan, type WhoCanQuery } from '../analysis/whoCan';
import type { ManagedPolicySource } from '../data/managedPolicies';
import type { Decision, Stage } from '../evaluate/types';
import { LiveWorld } from '../iamApi/play';
import { globMatches } from '../match/wildcard';
import type { World } from '../model/world';
import { runRequest } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import type { ExerciseJson, GoalJson, PerformedJson, ScenarioJson } from '../scenario/types';
import { decisionMeets } from './expectations';

/** A request the learner made in the exercise, as the event log knows it. */
export interface PerformedRecord {
  readonly action: string;
  readonly resource: string;
  /** The caller's ARN (the CloudTrail record's userIdentity.arn), when authenticated. */
  readonly caller?: string;
  /** The decision: `allowed`, `explicitDeny`, `implicitDeny` or an error code. */
  readonly decision: string;
}

export type GoalKind = 'request' | 'whoCan' | 'noneAllowed' | 'performed';

export interface GoalOutcome {
  readonly index: number;
  readonly kind: GoalKind;
  readonly met: boolean;
  /** An English sentence for the CLI. */
  readonly detail: string;
  /** `request`: the decision and the stages that decided it. */
  readonly decision?: Decision | string;
  readonly decidedBy?: readonly string[];
  /** `whoCan`: the principals that can act. */
  readonly principals?: readonly string[];
  /** `noneAllowed`: the first few action × resource pairs that are allowed (empty when met). */
  readonly allowed?: readonly { readonly action: string; readonly resource: string }[];
}

export interface ExerciseJudgement {
  readonly goals: readonly GoalOutcome[];
  readonly met: number;
  readonly of: number;
  /** Every goal met. */
  readonly solved: boolean;
}

// ── judging ──

/** Where `noneAllowed` finds a service's actions (the IAM service data): the catalogue, or nothing (patterns without wildcards only). */
export interface ActionSource {
  loadServiceData(prefix: string): Promise<{ readonly actions: ReadonlyMap<string, { readonly name: string }> } | undefined>;
}

export interface JudgeOptions {
  /** The IAM service data, to expand action patterns with wildcards (`noneAllowed`). */
  readonly actions?: ActionSource;
  /** Sessions issued before (goal requests may use them as `$NAME`); goals keep the sessions they issue apart. */
  readonly sessions?: SessionStore;
}

/** How many action × resource pairs a `noneAllowed` goal tries at most, and how many allowed ones it reports. */
export const NONE_ALLOWED_MAX_PAIRS = 20_000;
const NONE_ALLOWED_REPORT = 5;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** Answers a who-can query (a scenario's `queries[]` or a goal): exactly (`expect`), at most (`within`), at least (`includes`). */
export async function answerWhoCan(world: World, query: { readonly whoCan: WhoCanQuery; readonly expect?: readonly string[]; readonly within?: readonly string[]; readonly includes?: readonly string[] }) {
  const principals = await whoCan(world, query.whoCan);
  const arns = principals.map((p) => p.arn);
  const mode = query.expect ? ('expect' as const) : query.within ? ('within' as const) : query.includes ? ('includes' as const) : undefined;
  const ok = query.expect
    ? sameSet(arns, query.expect)
    : query.within
      ? arns.every((a) => query.within!.includes(a))
      : query.includes
        ? query.includes.every((a) => arns.includes(a))
        : true;
  return { principals, arns, mode, ok, expected: query.expect ?? query.within ?? query.includes };
}

/** The service prefixes the world's policies and the goal's resources name (what a service wildcard can reach). */
function servicesNamed(scenario: ScenarioJson, resources: readonly string[]): string[] {
  const out = new Set<string>();
  const text = JSON.stringify({ a: scenario.accounts, o: scenario.organization ?? null });
  for (const m of text.matchAll(/"([a-z0-9-]{2,40}):[A-Za-z*?]/g)) out.add(m[1]!);
  for (const r of resources) {
    const service = /^arn:[^:]*:([a-z0-9-]+):/.exec(r)?.[1];
    if (service) out.add(service);
  }
  out.delete('arn');
  return [...out].sort();
}

/** Expands action patterns to actions, with the service data (a pattern without wildcards is itself). */
async function expandActions(patterns: readonly string[], scenario: ScenarioJson, resources: readonly string[], source: ActionSource | undefined): Promise<string[]> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    if (!/[*?]/.test(pattern)) {
      out.add(pattern);
      continue;
    }
    const colon = pattern.indexOf(':');
    const servicePattern = colon < 0 ? pattern : pattern.slice(0, colon);
    const actionPattern = colon < 0 ? '*' : pattern.slice(colon + 1);
    const services = /[*?]/.test(servicePattern)
      ? servicesNamed(scenario, resources).filter((s) => globMatches(servicePattern, s, { ignoreCase: true }))
      : [servicePattern.toLowerCase()];
    for (const service of services) {
      const data = source ? await source.loadServiceData(service).catch(() => undefined) : undefined;
      if (!data) {
        // Without the service data the pattern itself stands for the actions it names (a literal name with `*`).
        out.add(`${service}:${actionPattern}`);
        continue;
      }
      for (const info of data.actions.values()) if (globMatches(actionPattern, info.name, { ignoreCase: true })) out.add(`${service}:${info.name}`);
    }
  }
  return [...out];
}

/** Every ARN the world knows: listed resources, and the IAM users, groups, roles and customer managed policies. */
function worldArns(world: World): string[] {
  const out: string[] = [...world.resources.keys()];
  for (const account of world.accounts.values()) {
    out.push(account.root.arn);
    for (const u of account.users.values()) out.push(u.arn);
    for (const g of account.groups.values()) out.push(g.arn);
    for (const r of account.roles.values()) out.push(r.arn);
    for (const p of account.policies.values()) if (p.ref.arn) out.push(p.ref.arn);
  }
  return out;
}

/** The resources of `noneAllowed`: the world's matching each pattern, and the pattern itself (its `*` read as part of a name). */
function expandResources(patterns: readonly string[], world: World): string[] {
  const known = worldArns(world);
  const out = new Set<string>();
  for (const pattern of patterns) {
    out.add(pattern);
    if (/[*?]/.test(pattern)) for (const arn of known) if (globMatches(pattern, arn)) out.add(arn);
  }
  return [...out];
}

function performedMatches(goal: PerformedJson, record: PerformedRecord): boolean {
  if (record.decision !== 'allowed') return false;
  if (!globMatches(goal.action, record.action, { ignoreCase: true })) return false;
  if (!globMatches(goal.resource, record.resource)) return false;
  return goal.principal === undefined || (record.caller !== undefined && globMatches(goal.principal, record.caller));
}

/**
 * Judges an exercise's goals in `scenario`'s world (a copy: the scenario is never changed),
 * in order, in one session store: a goal request that is an allowed IAM write with `params`
 * changes the world for the goals after it. `performed` are the requests the learner made.
 */
export async function judgeExercise(
  scenario: ScenarioJson,
  exercise: ExerciseJson,
  performed: readonly PerformedRecord[],
  managed: ManagedPolicySource,
  options: JudgeOptions = {},
): Promise<ExerciseJudgement> {
  const live = new LiveWorld(scenario, managed, undefined, options.sessions?.overlay() ?? new SessionStore());
  const goals: GoalOutcome[] = [];
  for (const [index, goal] of exercise.goals.entries()) goals.push(await judgeGoal(live, goal, index, performed, options));
  const met = goals.filter((g) => g.met).length;
  return { goals, met, of: goals.length, solved: met === goals.length };
}

async function judgeGoal(live: LiveWorld, goal: GoalJson, index: number, performed: readonly PerformedRecord[], options: JudgeOptions): Promise<GoalOutcome> {
  if ('request' in goal) {
    const { result } = await live.run(goal.request);
    const byOk = goal.by === undefined || result.decidedBy.includes(goal.by as Stage);
    const met = decisionMeets(result.decision, goal.expect) && byOk;
    return {
      index, kind: 'request', met, decision: result.decision, decidedBy: result.decidedBy,
      detail: `${result.decision}${goal.by ? ` by ${result.decidedBy.join('+')}` : ''} (expected ${goal.expect}${goal.by ? ` by ${goal.by}` : ''})`,
    };
  }
  if ('whoCan' in goal) {
    const q = await answerWhoCan(live.world, goal);
    const word = q.mode === 'within' ? 'at most' : q.mode === 'includes' ? 'at least' : 'exactly';
    return {
      index, kind: 'whoCan', met: q.ok, principals: q.arns,
      detail: `who can: ${q.arns.join(', ') || 'nobody'}${q.ok || !q.expected ? '' : ` (expected ${word}: ${q.expected.join(', ') || 'nobody'})`}`,
    };
  }
  if ('noneAllowed' in goal) {
    const spec = goal.noneAllowed;
    const actions = await expandActions(spec.actions, live.scenario, spec.resources, options.actions);
    const resources = expandResources(spec.resources, live.world);
    const allowed: { action: string; resource: string }[] = [];
    // The goal's requests never issue sessions or change the world: a read-only overlay of the goals' sessions.
    const sessions = live.sessions.overlay();
    let tried = 0;
    outer: for (const action of actions) {
      for (const resource of resources) {
        if (++tried > NONE_ALLOWED_MAX_PAIRS) break outer;
        const result = await runRequest(live.world, { principal: spec.principal, action, resource, ...(spec.context ? { context: spec.context } : {}) }, { trace: false, sessions });
        if (result.decision === 'allowed') {
          allowed.push({ action, resource });
          if (allowed.length >= NONE_ALLOWED_REPORT) break outer;
        }
      }
    }
    const met = allowed.length === 0;
    return {
      index, kind: 'noneAllowed', met, allowed,
      detail: met
        ? `none of ${actions.length} action(s) on ${resources.length} resource(s) is allowed to ${spec.principal}`
        : `allowed to ${spec.principal}: ${allowed.map((p) => `${p.action} on ${p.resource}`).join('; ')}`,
    };
  }
  const spec = goal.performed;
  const hit = performed.find((r) => performedMatches(spec, r));
  return {
    index, kind: 'performed', met: hit !== undefined,
    detail: hit
      ? `performed: ${hit.action} on ${hit.resource}${hit.caller ? ` by ${hit.caller}` : ''}`
      : `no allowed request ${spec.action} on ${spec.resource}${spec.principal ? ` by ${spec.principal}` : ''} was made`,
  };
}
