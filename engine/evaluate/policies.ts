/**
 * Evaluating a set of policies of one stage against a request: every statement is
 * matched; the trace gets a policy event per policy, a statement event per statement and,
 * below it, each element's verdict.
 */
import type { CompiledPolicy, CompiledStatement, MatchInput, PrincipalMatchKind } from './compiledPolicy';
import type { Tracer } from './tracer';
import type { SwitchedOff } from './whatIf';
import type { PolicyRef, Stage } from './types';

export interface PolicySetResult {
  deny: boolean;
  allow: boolean;
  /** The strongest way a matching Allow named the caller (resource-based policies). */
  allowKind: PrincipalMatchKind | undefined;
  /** The first deciding statement, for the summary: policy and statement index. */
  /** The first deciding statement (a Deny once one matched) and its policy; no object is made per match. */
  decidingStatement: CompiledStatement | undefined;
  decidingPolicy: PolicyRef | undefined;
}

const KIND_RANK: Record<PrincipalMatchKind, number> = { account: 1, role: 2, anyone: 3, direct: 3 };

export function emptyResult(): PolicySetResult {
  return { deny: false, allow: false, allowKind: undefined, decidingStatement: undefined, decidingPolicy: undefined };
}

/** The result of no policies at all. INVARIANT: never mutated (callers only read what evaluatePolicies returns). */
const NOTHING: PolicySetResult = Object.freeze(emptyResult());

/** Evaluates `policies` and merges the outcome into `into` (so SCP levels or several sets can share one result). */
export function evaluatePolicies(
  policies: readonly CompiledPolicy[],
  input: MatchInput,
  stage: Stage,
  parent: number,
  tracer: Tracer,
  into?: PolicySetResult,
  off?: SwitchedOff,
): PolicySetResult {
  if (policies.length === 0) return into ?? NOTHING;
  into ??= emptyResult();
  for (const policy of policies) {
    // What-if: a switched-off policy is judged as absent, but stays in the trace so the learner sees what was taken away.
    if (off?.policies.has(policy.ref.id)) {
      if (tracer.enabled) tracer.add({ parent, stage, kind: 'policy', outcome: 'notApplicable', reason: 'switchedOffPolicy', params: { name: policy.ref.name }, policy: policy.ref });
      continue;
    }
    const offStatements = off?.statements.get(policy.ref.id);
    const policyEvent = tracer.enabled
      ? tracer.add({ parent, stage, kind: 'policy', outcome: 'noMatch', reason: 'policyEvaluated', params: { name: policy.ref.name }, policy: policy.ref })
      : -1;
    let policyDeny = false;
    let policyAllow = false;
    for (const statement of policy.statements) {
      if (offStatements?.has(statement.index)) {
        if (tracer.enabled) {
          const params: Record<string, string | number | boolean> = { effect: statement.effect, index: statement.index };
          if (statement.sid) params['sid'] = statement.sid;
          tracer.add({ parent: policyEvent, stage, kind: 'statement', outcome: 'notApplicable', reason: 'switchedOffStatement', params, policy: policy.ref, statement: statement.ref, span: statement.span });
        }
        continue;
      }
      const kind = statement.match(input);
      if (tracer.enabled) {
        const outcome = kind === null ? 'noMatch' : statement.effect === 'Deny' ? 'deny' : 'allow';
        const params: Record<string, string | number | boolean> = { effect: statement.effect, index: statement.index };
        if (statement.sid) params['sid'] = statement.sid;
        if (kind) params['principalMatch'] = kind;
        const statementEvent = tracer.add({
          parent: policyEvent, stage, kind: 'statement', outcome,
          reason: outcome === 'noMatch' ? 'statementNoMatch' : outcome === 'deny' ? 'statementDenies' : 'statementAllows',
          params, policy: policy.ref, statement: statement.ref, span: statement.span,
        });
        const elements = statement.explain(input);
        for (let i = 0; i < elements.length; i++) {
          const element = elements[i]!;
          tracer.add({
            parent: statementEvent, stage, kind: 'element', outcome: element.outcome === 'match' ? 'pass' : 'noMatch',
            reason: element.reason, params: element.params, policy: policy.ref, statement: statement.ref, span: element.span, element: element.element,
          });
        }
      }
      if (kind === null) continue;
      if (statement.effect === 'Deny') {
        if (!into.deny || !into.decidingStatement) {
          into.decidingStatement = statement;
          into.decidingPolicy = policy.ref;
        }
        into.deny = true;
        policyDeny = true;
      } else {
        if (!into.allow && !into.deny) {
          into.decidingStatement = statement;
          into.decidingPolicy = policy.ref;
        }
        into.allow = true;
        policyAllow = true;
        if (into.allowKind === undefined || KIND_RANK[kind] > KIND_RANK[into.allowKind]) into.allowKind = kind;
      }
    }
    if (tracer.enabled) tracer.settle(policyEvent, policyDeny ? 'deny' : policyAllow ? 'allow' : 'noMatch');
  }
  return into;
}
