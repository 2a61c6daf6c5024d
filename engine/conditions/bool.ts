/**
 * The Bool condition operator ("Condition operators" → Boolean condition operators):
 * compares a key with `true` or `false` (in any case). A context value that is neither is
 * malformed and never matches. Policy variables are supported (the Boolean section of
 * "Condition operators" lists them as supported); the substituted value must itself be
 * `true` or `false`.
 */
import type { VariableLookup } from '../match/variables';
import type { RequestContext } from '../context/types';
import { renderTemplate } from '../match/variables';
import { templatesOf, valueSet, type Family, type ValueTest } from './family';

/** `true` / `false` in any case; `undefined` otherwise. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.length === 4 || text.length === 5 ? text.toLowerCase() : '';
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export const boolFamily: Family = {
  name: 'Bool',
  variables: true,
  compile(values, version) {
    const templates = templatesOf(values, true, version);
    const tests = templates.map((t, i): ValueTest<boolean> => {
      if (t.variables.length === 0) {
        const policy = parseBool(values[i] ?? '');
        return (b) => (policy !== undefined && b === policy ? 1 : 0);
      }
      return (b: boolean, ctx: RequestContext, lookup: VariableLookup | undefined) => {
        const r = renderTemplate(t, ctx, lookup);
        if (r === undefined) return 2;
        return parseBool(r) === b ? 1 : 0;
      };
    });
    return valueSet(templates, parseBool, tests);
  },
};
