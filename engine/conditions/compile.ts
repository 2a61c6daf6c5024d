/**
 * Compiles condition clauses into fast tests, with the semantics of the IAM User Guide:
 *
 * - "Condition operators" (Important box): "If the key that you specify in a policy
 *   condition is not present in the request context, the values do not match and the
 *   condition is false. If the policy condition requires that the key is not matched,
 *   such as StringNotLike or ArnNotLike, and the right key is not present, the condition
 *   is true. This logic applies to all condition operators except ...IfExists and Null
 *   check."
 * - "...IfExists condition operators": "If the key is not present, evaluate the condition
 *   element as true." (Any operator but Null may take IfExists; `NullIfExists` is unknown.)
 * - "Conditions with multiple context keys or values": several values of one key are
 *   ORed; for a negated operator they are NORed. Clauses are ANDed.
 * - "Single-valued vs. multivalued context keys", set operators: `ForAllValues` is true
 *   when every request value satisfies the operator, and "also returns true if there are
 *   no context keys in the request"; `ForAnyValue` is true when at least one does, false
 *   when the key is absent. "If the key values in the request resolve to an empty data set
 *   (for example, an empty string), a condition operator modified by ForAllValues returns
 *   true, and a condition operator modified by ForAnyValue returns false." With a set
 *   operator, a negated operator applies per request value (ForAllValues:StringNotLike
 *   `key1*` is true for `[key2:audit]`, false for `[key1:legal]` — the guide's
 *   "Multivalued context key examples").
 * - A single-valued key under a set operator is a set of one value.
 * - A multivalued key without a set operator (which the guide says to avoid): a positive
 *   operator is true when any request value matches any listed value; a negated operator
 *   when no request value matches any listed value (the NOR over everything).
 * - Null: `true` means the key must be absent, `false` that it must be present; an empty
 *   list counts as absent ("context keys with empty values").
 * - Key names are case-insensitive (the context is keyed in lower case).
 * - A context value the operator cannot read (not a number, not an IP, not an ARN …)
 *   satisfies neither the operator nor its negation.
 * - An operator AWS does not document makes the condition false.
 */
import type { ConditionClause, PolicyVersion } from '../policy/types';
import type { ContextValue, RequestContext } from '../context/types';
import type { VariableLookup } from '../match/variables';
import { MALFORMED, NO_MATCH, type CompiledValueSet } from './family';
import { OPERATORS } from './operators';
import { parseBool } from './bool';
import type {
  CompiledCondition,
  CompiledConditionBlock,
  ConditionExplanation,
  ConditionReason,
  ConditionValueMatch,
} from './types';

const NONE = 0;
const ALL = 1;
const ANY = 2;

type Base = Pick<ConditionExplanation, 'operator' | 'key' | 'span' | 'operatorSpan' | 'keySpan'>;

function baseOf(clause: ConditionClause): Base {
  return {
    operator: clause.operatorText,
    key: clause.key,
    span: clause.span,
    operatorSpan: clause.operatorSpan,
    keySpan: clause.keySpan,
  };
}

function listOf(v: ContextValue | undefined): readonly string[] | undefined {
  return v === undefined ? undefined : typeof v === 'string' ? [v] : v;
}

/**
 * Compiles one condition clause. `policyVersion` decides whether `${…}` in its values are
 * policy variables (2012-10-17) or literal text.
 */
export function compileCondition(clause: ConditionClause, policyVersion: PolicyVersion | undefined): CompiledCondition {
  const keyLower = clause.key.toLowerCase();
  const values = clause.values.map((v) => v.value);
  if (clause.operator === 'Null' && !clause.ifExists) return compileNull(clause, keyLower, values);
  const spec = clause.operator === 'Null' ? undefined : OPERATORS.get(clause.operator);
  if (!spec) return compileUnknown(clause);

  const set: CompiledValueSet = spec.family.compile(values, policyVersion);
  const negated = spec.negated;
  const q = clause.qualifier === 'ForAllValues' ? ALL : clause.qualifier === 'ForAnyValue' ? ANY : NONE;
  // The result when the key is absent (or, under a set operator, an empty set).
  const missing = clause.ifExists ? true : q === ALL ? true : q === ANY ? false : negated;
  // Whether every request value must satisfy (else: some).
  const every = q === ALL || (q === NONE && negated);

  const one = (c: string, ctx: RequestContext, lookup: VariableLookup | undefined): boolean => {
    const r = set.first(c, ctx, lookup);
    return negated ? r === NO_MATCH : r >= 0;
  };

  const isMissing = (v: ContextValue | undefined): boolean =>
    v === undefined || (typeof v === 'string' ? q !== NONE && v === '' : v.length === 0);

  const test = (ctx: RequestContext, lookup?: VariableLookup): boolean => {
    const v = ctx.values.get(keyLower);
    if (v === undefined) return missing;
    if (typeof v === 'string') {
      if (q !== NONE && v === '') return missing;
      return one(v, ctx, lookup);
    }
    const n = v.length;
    if (n === 0) return missing;
    if (every) {
      for (let i = 0; i < n; i++) if (!one(v[i] as string, ctx, lookup)) return false;
      return true;
    }
    for (let i = 0; i < n; i++) if (one(v[i] as string, ctx, lookup)) return true;
    return false;
  };

  const explain = (ctx: RequestContext, lookup?: VariableLookup): ConditionExplanation => {
    const v = ctx.values.get(keyLower);
    const contextValues = listOf(v);
    const unresolved = set.unresolved(ctx, lookup);
    const base = baseOf(clause);
    if (isMissing(v)) {
      return {
        operator: base.operator, key: base.key, span: base.span, operatorSpan: base.operatorSpan, keySpan: base.keySpan,
        result: missing,
        reason: clause.ifExists ? 'conditionIfExistsKeyMissing' : 'conditionKeyMissing',
        contextValues,
        matched: undefined,
        failedContextValue: undefined,
        malformed: [],
        unresolved,
      };
    }
    const list = contextValues ?? [];
    const firsts = list.map((c) => set.first(c, ctx, lookup));
    const oks = firsts.map((r) => (negated ? r === NO_MATCH : r >= 0));
    const result = every ? oks.every(Boolean) : oks.some(Boolean);
    const hit = firsts.findIndex((r) => r >= 0);
    const matched: ConditionValueMatch | undefined =
      hit < 0
        ? undefined
        : {
            index: firsts[hit] as number,
            value: values[firsts[hit] as number] as string,
            resolved: set.resolved(firsts[hit] as number, ctx, lookup),
            contextValue: list[hit] as string,
          };
    const failed = every && !result ? list[oks.indexOf(false)] : undefined;
    const reason: ConditionReason = result
      ? 'conditionMatched'
      : unresolved.length > 0
        ? 'conditionVariableUnresolved'
        : 'conditionNotMatched';
    return {
      operator: base.operator, key: base.key, span: base.span, operatorSpan: base.operatorSpan, keySpan: base.keySpan,
      result,
      reason,
      contextValues,
      matched,
      failedContextValue: failed,
      malformed: list.filter((_, i) => firsts[i] === MALFORMED),
      unresolved,
    };
  };

  return { clause, test, explain };
}

/** `Null`: `"true"` — the key must be absent; `"false"` — it must be present. Values are ORed. */
function compileNull(clause: ConditionClause, keyLower: string, values: readonly string[]): CompiledCondition {
  const wants = values.map(parseBool);
  const present = (v: ContextValue | undefined) => v !== undefined && (typeof v === 'string' || v.length > 0);
  const firstMatch = (isPresent: boolean) => wants.findIndex((w) => w !== undefined && w === !isPresent);
  return {
    clause,
    test: (ctx) => firstMatch(present(ctx.values.get(keyLower))) >= 0,
    explain: (ctx) => {
      const v = ctx.values.get(keyLower);
      const i = firstMatch(present(v));
      return {
        operator: clause.operatorText, key: clause.key, span: clause.span, operatorSpan: clause.operatorSpan, keySpan: clause.keySpan,
        result: i >= 0,
        reason: i >= 0 ? 'conditionMatched' : 'conditionNotMatched',
        contextValues: listOf(v),
        matched:
          i >= 0
            ? { index: i, value: values[i] as string, resolved: values[i], contextValue: present(v) ? 'present' : 'absent' }
            : undefined,
        failedContextValue: undefined,
        malformed: [],
        unresolved: [],
      };
    },
  };
}

/** An operator AWS does not document: the condition is false. */
function compileUnknown(clause: ConditionClause): CompiledCondition {
  const keyLower = clause.key.toLowerCase();
  return {
    clause,
    test: () => false,
    explain: (ctx) => ({
      operator: clause.operatorText, key: clause.key, span: clause.span, operatorSpan: clause.operatorSpan, keySpan: clause.keySpan,
      result: false,
      reason: 'conditionUnknownOperator',
      contextValues: listOf(ctx.values.get(keyLower)),
      matched: undefined,
      failedContextValue: undefined,
      malformed: [],
      unresolved: [],
    }),
  };
}

/** Compiles a statement's Condition element: its clauses are ANDed; no clause means true. */
export function compileConditionBlock(
  clauses: readonly ConditionClause[],
  policyVersion: PolicyVersion | undefined,
): CompiledConditionBlock {
  const conditions = clauses.map((c) => compileCondition(c, policyVersion));
  const n = conditions.length;
  return {
    conditions,
    test: (ctx, lookup) => {
      for (let i = 0; i < n; i++) if (!(conditions[i] as CompiledCondition).test(ctx, lookup)) return false;
      return true;
    },
    explain: (ctx, lookup) => {
      const explained = conditions.map((c) => c.explain(ctx, lookup));
      return { result: explained.every((e) => e.result), clauses: explained };
    },
  };
}
