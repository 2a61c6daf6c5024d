/**
 * An operator family (String, Numeric, Date, …): how it reads a context value and how it
 * compares it with the values listed in the policy.
 */
import type { PolicyVersion } from '../policy/types';
import type { RequestContext } from '../context/types';
import {
  parseTemplate,
  renderTemplate,
  versionSupportsVariables,
  type Template,
  type VariableLookup,
} from '../match/variables';

/** `first` returns this when the context value is malformed for the operator. */
export const MALFORMED = -2;
/** `first` returns this when no listed value matches. */
export const NO_MATCH = -1;

/** The listed values of one clause, compiled. */
export interface CompiledValueSet {
  /**
   * Compares one context value with the listed values: the index of the first listed
   * value it matches (in the operator's positive sense: StringNotEquals uses equality),
   * {@link NO_MATCH}, or {@link MALFORMED}.
   */
  first(contextValue: string, ctx: RequestContext, lookup: VariableLookup | undefined): number;
  /** Indices of listed values whose policy variables do not resolve in this request. */
  unresolved(ctx: RequestContext, lookup: VariableLookup | undefined): number[];
  /** The listed value `i` with its variables substituted; `undefined` when one does not resolve. */
  resolved(i: number, ctx: RequestContext, lookup: VariableLookup | undefined): string | undefined;
}

export interface Family {
  readonly name: string;
  /** Whether the family substitutes policy variables in its values (String, ARN, Bool). */
  readonly variables: boolean;
  compile(values: readonly string[], version: PolicyVersion | undefined): CompiledValueSet;
}

/** A listed value compiled for a context value already parsed to `P`. */
export interface ValueTest<P> {
  /** 1: matches; 0: does not; 2: a policy variable in it did not resolve (matches nothing). */
  (parsed: P, ctx: RequestContext, lookup: VariableLookup | undefined): 0 | 1 | 2;
}

/** The templates of the values: parsed for variables only when the family and Version allow. */
export function templatesOf(values: readonly string[], variables: boolean, version: PolicyVersion | undefined): Template[] {
  const v = variables && versionSupportsVariables(version) ? version : undefined;
  return values.map((text) => parseTemplate(text, v));
}

/**
 * Builds a value set from a parser and one test per listed value: the plain loop most
 * families need.
 */
export function valueSet<P>(
  templates: readonly Template[],
  parse: (contextValue: string) => P | undefined,
  tests: readonly ValueTest<P>[],
): CompiledValueSet {
  return {
    first(contextValue, ctx, lookup) {
      const parsed = parse(contextValue);
      if (parsed === undefined) return MALFORMED;
      for (let i = 0; i < tests.length; i++) {
        if ((tests[i] as ValueTest<P>)(parsed, ctx, lookup) === 1) return i;
      }
      return NO_MATCH;
    },
    unresolved: (ctx, lookup) => unresolvedOf(templates, ctx, lookup),
    resolved: (i, ctx, lookup) => {
      const t = templates[i];
      return t === undefined ? undefined : renderTemplate(t, ctx, lookup);
    },
  };
}

/** Indices of templates with a variable that does not resolve. */
export function unresolvedOf(
  templates: readonly Template[],
  ctx: RequestContext,
  lookup: VariableLookup | undefined,
): number[] {
  const out: number[] = [];
  templates.forEach((t, i) => {
    if (t.variables.length > 0 && renderTemplate(t, ctx, lookup) === undefined) out.push(i);
  });
  return out;
}

/** A one-entry cache for parsing context values: the same value is usually parsed many times in a row. */
export function cachedParser<P>(parse: (s: string) => P | undefined): (s: string) => P | undefined {
  let lastInput: string | undefined;
  let lastOutput: P | undefined;
  return (s) => {
    if (s === lastInput) return lastOutput;
    lastOutput = parse(s);
    lastInput = s;
    return lastOutput;
  };
}
