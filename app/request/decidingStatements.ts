/**
 * Which statements decided a request, read from the engine's trace (never recomputed):
 * for an explicit deny, every Deny statement that matched in a deciding stage; for an
 * allow, per deciding stage, the statement the decision names or else the first Allow
 * that matched; for an implicit deny, none (nothing allowed).
 */
import type { DecisionResult, TraceEvent } from '../../engine/evaluate/types';

export function decidingStatements(result: DecisionResult): TraceEvent[] {
  const trace = result.trace ?? [];
  const inStage = (e: TraceEvent) => e.kind === 'statement' && result.decidedBy.includes(e.stage);
  if (result.decision === 'explicitDeny') return trace.filter((e) => inStage(e) && e.outcome === 'deny');
  if (result.decision !== 'allowed') return [];
  const allows = trace.filter((e) => inStage(e) && e.outcome === 'allow');
  const named = allows.find((e) => e.policy?.name === result.params.policy && e.statement?.index === result.params.statement);
  const out: TraceEvent[] = [];
  for (const stage of result.decidedBy) {
    const pick = named?.stage === stage ? named : allows.find((e) => e.stage === stage);
    if (pick && !out.includes(pick)) out.push(pick);
  }
  return out;
}

/** The kind of outcome, for the icon and the colour (always with text beside them). */
export type Verdict = 'allowed' | 'explicitDeny' | 'implicitDeny' | 'error';

export function verdictOf(decision: string): Verdict {
  return decision === 'allowed' || decision === 'explicitDeny' || decision === 'implicitDeny' ? decision : 'error';
}

/** Whether a decision meets a scenario's `expect`: the engine's rule, not the UI's. */
export { decisionMeets as meetsExpectation } from '../../engine/check/expectations';
