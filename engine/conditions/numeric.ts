/**
 * Numeric condition operators ("Condition operators" → Numeric condition operators):
 * NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals,
 * NumericGreaterThan, NumericGreaterThanEquals, comparing integers or decimals. Policy
 * variables are not supported ("You can not use a policy variable with the Numeric
 * condition operator"): `${…}` stays literal and so is not a number.
 *
 * A value that is not a decimal number (in the policy or in the request) never compares:
 * a malformed context value makes the comparison false instead of throwing.
 */
import { cachedParser, templatesOf, valueSet, type Family, type ValueTest } from './family';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number as IAM writes them (`10`, `-2.5`, `1e3`); `undefined` otherwise. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

export function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

/**
 * A family of operators that compare values as ordered numbers: Numeric* and Date* (a date
 * is compared as its instant). `parse` reads policy and request values; one that does not
 * read never compares.
 */
export function orderedFamily(name: string, op: Comparison, parse: (text: string) => number | undefined): Family {
  const parseContext = cachedParser(parse);
  return {
    name,
    variables: false,
    compile(values, version) {
      const templates = templatesOf(values, false, version);
      const tests = values.map((v): ValueTest<number> => {
        const policy = parse(v);
        if (policy === undefined) return () => 0;
        return (n) => (compare(op, n, policy) ? 1 : 0);
      });
      return valueSet(templates, parseContext, tests);
    },
  };
}

/** A numeric family; `NumericNotEquals` is the negation of the `eq` family. */
export function numericFamily(name: string, op: Comparison): Family {
  return orderedFamily(name, op, parseNumber);
}
