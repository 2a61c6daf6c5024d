/**
 * The compiled form of a Condition element and what it tells the trace.
 */
import type { ConditionClause, Span } from '../policy/types';
import type { RequestContext } from '../context/types';
import type { ReasonCode } from '../evaluate/reasons';
import type { VariableLookup } from '../match/variables';

export type { VariableLookup } from '../match/variables';

/** The reason codes a condition explanation can carry (a subset of the engine's table). */
export type ConditionReason = Extract<
  ReasonCode,
  | 'conditionMatched'
  | 'conditionNotMatched'
  | 'conditionKeyMissing'
  | 'conditionIfExistsKeyMissing'
  | 'conditionUnknownOperator'
  | 'conditionVariableUnresolved'
>;

/** The listed (policy) value that decided a condition, and the context value it met. */
export interface ConditionValueMatch {
  /** Index into `clause.values`. */
  readonly index: number;
  /** The value as written in the policy. */
  readonly value: string;
  /** The value with its policy variables substituted (same as `value` when it has none). */
  readonly resolved: string | undefined;
  /** The request-context value it was compared with (for `Null`: `present` or `absent`). */
  readonly contextValue: string;
}

/** Why one condition clause evaluated as it did. */
export interface ConditionExplanation {
  readonly result: boolean;
  readonly reason: ConditionReason;
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The key as written. */
  readonly key: string;
  /** The context value(s) seen; `undefined` when the key is absent from the request. */
  readonly contextValues: readonly string[] | undefined;
  /**
   * For a true positive operator: the listed value that matched. For a false negated
   * operator (StringNotEquals …): the listed value that matched and so made it false.
   */
  readonly matched: ConditionValueMatch | undefined;
  /**
   * The context value that decided a set operator: for a false `ForAllValues`, the first
   * request value that did not satisfy the operator.
   */
  readonly failedContextValue: string | undefined;
  /** Context values this operator cannot read (a non-number for Numeric, a non-IP for IpAddress …). */
  readonly malformed: readonly string[];
  /** Indices of listed values whose policy variables did not resolve (they match nothing). */
  readonly unresolved: readonly number[];
  readonly span: Span;
  readonly operatorSpan: Span;
  readonly keySpan: Span;
}

/** One compiled condition clause (operator + key + values). */
export interface CompiledCondition {
  readonly clause: ConditionClause;
  /** Fast decision; allocates nothing for most operators. */
  test(ctx: RequestContext, lookup?: VariableLookup): boolean;
  /** Slower decision with the details the trace shows. */
  explain(ctx: RequestContext, lookup?: VariableLookup): ConditionExplanation;
}

export interface ConditionBlockExplanation {
  /** Whether every clause holds (clauses are ANDed). */
  readonly result: boolean;
  /** One explanation per clause, in policy order (all clauses are explained). */
  readonly clauses: readonly ConditionExplanation[];
}

/** A statement's whole Condition element. */
export interface CompiledConditionBlock {
  readonly conditions: readonly CompiledCondition[];
  /** Whether every clause holds; stops at the first that does not. An empty block holds. */
  test(ctx: RequestContext, lookup?: VariableLookup): boolean;
  explain(ctx: RequestContext, lookup?: VariableLookup): ConditionBlockExplanation;
}
