/**
 * The decision graph's nodes, read from the engine's flat trace (never recomputed): every
 * top-level event is one node, in the order the engine evaluated it (which is AWS's order:
 * authentication, request context, the explicit-deny scan over every policy, SCPs, RCPs,
 * resource-based or trust policy, identity-based policies, boundary, session policies,
 * then — for an IAM write with parameters — the simulated IAM API, decision). Levels of SCPs and RCPs
 * come along with their stage. Authorization stages the engine never reached (the request
 * failed earlier) are listed as skipped, so the learner sees what did not happen.
 */
import type { DecisionResult, Stage, TraceEvent, TraceOutcome } from '../../engine/evaluate/types';

/** How a node looks: every value has its own icon and word, never colour alone. */
export type NodeOutcome = 'allow' | 'deny' | 'implicitDeny' | 'notApplicable' | 'pass' | 'fail' | 'info' | 'skipped';

export type Lane = 'caller' | 'resource';

export interface GraphNode {
  /** Unique in the graph: the event id, or `skipped:STAGE`. */
  readonly key: string;
  /** The trace event the node stands for (absent for a skipped stage). */
  readonly event: TraceEvent | undefined;
  readonly stage: Stage;
  readonly kind: TraceEvent['kind'] | 'skipped';
  readonly outcome: NodeOutcome;
  /** The SCP or RCP levels (root, OUs, account), in order. */
  readonly levels: readonly TraceEvent[];
  /** The account whose policies the node evaluates, when the engine says so or the stage implies it. */
  readonly account: string | undefined;
  readonly lane: Lane;
  /** Whether this stage decided the request (in `decidedBy`), or is the decision itself. */
  readonly decisive: boolean;
}

export interface DecisionGraph {
  readonly nodes: readonly GraphNode[];
  readonly callerAccount: string | undefined;
  readonly resourceAccount: string | undefined;
  /** Two accounts: the graph is drawn as two swimlanes. */
  readonly crossAccount: boolean;
}

/** The authorization stages in AWS's order (the trust policy stands where the resource-based policy does). */
const AUTHZ_STAGES: readonly Stage[] = ['context', 'denyScan', 'scp', 'rcp', 'resource', 'identity', 'boundary', 'session'];

/** Stages that judge the resource's side; the others judge the caller's side. */
const RESOURCE_SIDE: ReadonlySet<Stage> = new Set<Stage>(['rcp', 'resource', 'trust']);

function nodeOutcome(outcome: TraceOutcome): NodeOutcome {
  // A statement-level `noMatch` never reaches a node; as a stage it means nothing matched.
  return outcome === 'noMatch' ? 'implicitDeny' : outcome;
}

function contextValue(result: DecisionResult, key: string): string | undefined {
  const entry = result.context.find(([name]) => name === key);
  return entry && typeof entry[1] === 'string' ? entry[1] : undefined;
}

/** The caller's and the resource's account, as the engine reported them (or the context keys AWS set). */
export function accountsOf(result: DecisionResult): { caller: string | undefined; resource: string | undefined } {
  return {
    caller: result.callerAccount ?? contextValue(result, 'aws:PrincipalAccount'),
    resource: result.resourceAccount ?? contextValue(result, 'aws:ResourceAccount'),
  };
}

/** Builds the graph of one decision. */
export function decisionGraph(result: DecisionResult): DecisionGraph {
  const trace = result.trace ?? [];
  const { caller, resource } = accountsOf(result);
  const crossAccount = caller !== undefined && resource !== undefined && caller !== resource;
  const laneOf = (stage: Stage, account: string | undefined): Lane => {
    if (!crossAccount) return 'caller';
    if (account !== undefined) return account === resource && account !== caller ? 'resource' : 'caller';
    return RESOURCE_SIDE.has(stage) ? 'resource' : 'caller';
  };
  const accountOf = (event: TraceEvent): string | undefined => {
    const given = event.params.account;
    if (typeof given === 'string') return given;
    if (event.kind === 'decision' || event.stage === 'authn' || event.stage === 'sts' || event.stage === 'context' || event.stage === 'denyScan' || event.stage === 'api') return undefined;
    return RESOURCE_SIDE.has(event.stage) ? resource : caller;
  };

  const nodes: GraphNode[] = [];
  for (const event of trace) {
    if (event.parent !== null) continue;
    const account = accountOf(event);
    nodes.push({
      key: String(event.id),
      event,
      stage: event.stage,
      kind: event.kind,
      outcome: nodeOutcome(event.outcome),
      levels: event.kind === 'stage' && (event.stage === 'scp' || event.stage === 'rcp') ? trace.filter((e) => e.parent === event.id && e.kind === 'level') : [],
      account,
      lane: event.kind === 'decision' ? 'caller' : laneOf(event.stage, account),
      decisive: event.kind === 'decision' || (event.kind === 'stage' && result.decidedBy.includes(event.stage)),
    });
  }

  placeApiStage(nodes);

  // A request refused before authorization: show the stages it never reached, before the decision.
  const reached = new Set(nodes.map((n) => n.stage));
  const isAuthz = result.decision === 'allowed' || result.decision === 'explicitDeny' || result.decision === 'implicitDeny';
  if (!isAuthz && !reached.has('identity') && !reached.has('trust')) {
    const skipped: GraphNode[] = AUTHZ_STAGES.filter((stage) => !reached.has(stage)).map((stage) => ({
      key: `skipped:${stage}`,
      event: undefined,
      stage,
      kind: 'skipped',
      outcome: 'skipped',
      levels: [],
      account: undefined,
      lane: 'caller',
      decisive: false,
    }));
    const at = nodes.findIndex((n) => n.kind === 'decision');
    nodes.splice(at === -1 ? nodes.length : at, 0, ...skipped);
  }
  return { nodes, callerAccount: caller, resourceAccount: resource, crossAccount };
}

/**
 * The simulated IAM API acts after authorization allowed the call, and its outcome is the
 * request's: the graph shows one decision, last, with the `api` stage just before it. The
 * engine's trace has the authorization's own decision event first, then an `api` step
 * (applied) or a second decision decided by `api` (refused with the API's error code): the
 * earlier decision is left out, and a refusal gets its `api` node from its decision event.
 */
function placeApiStage(nodes: GraphNode[]): void {
  const decisions = nodes.filter((n) => n.kind === 'decision');
  const final = decisions.at(-1);
  if (!final || (final.stage !== 'api' && !nodes.some((n) => n.stage === 'api'))) return;
  const api = nodes.filter((n) => n.stage === 'api' && n.kind !== 'decision');
  if (api.length === 0 && final.stage === 'api' && final.event) {
    api.push({ ...final, key: `api:${final.event.id}`, kind: 'step', outcome: 'fail', decisive: true });
  }
  const rest = nodes.filter((n) => n.kind !== 'decision' && n.stage !== 'api');
  nodes.splice(0, nodes.length, ...rest, ...api, final);
}

/** The nodes a learner may switch off as a whole layer in what-if mode. */
export const SWITCHABLE_LAYERS: ReadonlySet<Stage> = new Set<Stage>(['scp', 'rcp', 'resource', 'identity', 'boundary', 'session']);
