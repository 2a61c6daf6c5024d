/**
 * Action / NotAction matching ("IAM JSON policy elements: Action" and "NotAction"):
 * a value is `service:ActionName`, matched case-insensitively ("The prefix and the action
 * name are case insensitive"), with `*` and `?` wildcards anywhere (`iam:*AccessKey*`);
 * `*` alone matches every action. The element matches when any value matches; NotAction
 * is the evaluator's negation of the same test.
 */
import type { Located } from '../policy/types';
import { compileGlob, type Glob } from './wildcard';

/** Which value of an Action element matched, for the trace. */
export interface ActionMatchExplanation {
  readonly matched: boolean;
  /** Index of the first matching value, or -1. */
  readonly index: number;
  readonly value: string | undefined;
}

/** A compiled Action or NotAction element. */
export interface CompiledActionList {
  /** Whether a value is `*` (matches every action). */
  readonly matchesAll: boolean;
  /** Whether any value matches `action` (any case). */
  test(action: string): boolean;
  /** Like {@link test} for an action the caller has lower-cased once for all statements. */
  testLower(actionLower: string): boolean;
  explain(action: string): ActionMatchExplanation;
}

/**
 * Compiles an Action / NotAction element: values without wildcards go into a set of
 * lower-cased names (one hash lookup), the rest become case-insensitive globs.
 */
export function compileActionList(values: readonly (Located<string> | string)[]): CompiledActionList {
  const texts = values.map((v) => (typeof v === 'string' ? v : v.value));
  const globs = texts.map((t) => compileGlob(t, { ignoreCase: true }));
  const matchesAll = texts.some((t) => /^\*+$/.test(t));
  const exact = new Set<string>();
  const wild: Glob[] = [];
  for (const g of globs) {
    if (g.program.hasWildcard) wild.push(g);
    else exact.add(g.source.toLowerCase());
  }
  const testLower = (a: string): boolean => {
    if (matchesAll || exact.has(a)) return true;
    for (let i = 0; i < wild.length; i++) if ((wild[i] as Glob).testNormalized(a)) return true;
    return false;
  };
  return {
    matchesAll,
    test: (action) => testLower(action.toLowerCase()),
    testLower,
    explain: (action) => {
      const lower = action.toLowerCase();
      const index = globs.findIndex((g) => g.testNormalized(lower));
      return { matched: index >= 0, index, value: index >= 0 ? texts[index] : undefined };
    },
  };
}

/** One-off convenience: whether `action` matches the Action value `pattern`. */
export function actionMatches(pattern: string, action: string): boolean {
  return compileGlob(pattern, { ignoreCase: true }).test(action);
}
