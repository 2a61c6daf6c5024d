/**
 * The request context: the condition keys and values AWS evaluates policies against.
 */

/** A single-valued key holds a string; a multivalued key (e.g. aws:TagKeys) an array. */
export type ContextValue = string | readonly string[];

/** Looks up a context key by its lower-cased name. A `ReadonlyMap` is one; so is the engine's layered context. */
export interface ContextValues {
  get(keyLower: string): ContextValue | undefined;
}

/**
 * Condition keys are case-insensitive, so values are looked up by the lower-cased key name.
 * INVARIANT: every key in `values` is lower case.
 */
export interface RequestContext {
  readonly values: ContextValues;
}

/** Builds a context from keys in any case; a later key overrides an earlier one. */
export function contextFrom(entries: Iterable<readonly [string, ContextValue]>): RequestContext {
  const values = new Map<string, ContextValue>();
  for (const [key, value] of entries) values.set(key.toLowerCase(), value);
  return { values };
}
