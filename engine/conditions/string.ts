/**
 * String condition operators ("Condition operators" → String condition operators):
 * StringEquals / StringNotEquals (exact, case-sensitive), StringEqualsIgnoreCase /
 * StringNotEqualsIgnoreCase, StringLike / StringNotLike (case-sensitive, `*` and `?`
 * anywhere). Policy variables are supported; a substituted value is literal text, and
 * `${*}` / `${?}` give a literal `*` / `?` in a StringLike pattern.
 */
import type { RequestContext } from '../context/types';
import { fillSlots, renderTemplate, staticText, templateChunks, type Template, type VariableLookup } from '../match/variables';
import { compileGlobChunks, fastTest, matchGlob } from '../match/wildcard';
import { NO_MATCH, templatesOf, unresolvedOf, type CompiledValueSet, type Family } from './family';

/** Exact or case-insensitive equality: static values are looked up in a map. */
function equalityFamily(name: string, ignoreCase: boolean): Family {
  const fold = ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  return {
    name,
    variables: true,
    compile(values, version): CompiledValueSet {
      const templates = templatesOf(values, true, version);
      const exact = new Map<string, number>();
      const dynamic: { index: number; template: Template }[] = [];
      templates.forEach((t, index) => {
        const text = staticText(t);
        if (text === undefined) dynamic.push({ index, template: t });
        else if (!exact.has(fold(text))) exact.set(fold(text), index);
      });
      return {
        first(contextValue: string, ctx: RequestContext, lookup: VariableLookup | undefined) {
          const v = fold(contextValue);
          const hit = exact.get(v);
          let best = hit === undefined ? NO_MATCH : hit;
          for (let i = 0; i < dynamic.length; i++) {
            const d = dynamic[i] as { index: number; template: Template };
            if (best >= 0 && d.index > best) break;
            const r = renderTemplate(d.template, ctx, lookup);
            if (r !== undefined && fold(r) === v) {
              best = d.index;
              break;
            }
          }
          return best;
        },
        unresolved: (ctx, lookup) => unresolvedOf(templates, ctx, lookup),
        resolved: (i, ctx, lookup) => {
          const t = templates[i];
          return t === undefined ? undefined : renderTemplate(t, ctx, lookup);
        },
      };
    },
  };
}

export const stringEqualsFamily = equalityFamily('StringEquals', false);
export const stringEqualsIgnoreCaseFamily = equalityFamily('StringEqualsIgnoreCase', true);

/** StringLike: each value is a glob, compiled once; variables fill its slots per request. */
export const stringLikeFamily: Family = {
  name: 'StringLike',
  variables: true,
  compile(values, version): CompiledValueSet {
    const templates = templatesOf(values, true, version);
    const tests = templates.map((t) => {
      const program = compileGlobChunks(templateChunks(t.parts));
      if (t.variables.length === 0) {
        const test = fastTest(program);
        return (s: string) => test(s);
      }
      // INVARIANT: synchronous and not re-entrant, so one scratch array per value suffices.
      const slots = new Array<string>(t.variables.length).fill('');
      return (s: string, ctx: RequestContext, lookup: VariableLookup | undefined) =>
        fillSlots(t, ctx, lookup, slots) < 0 && matchGlob(program, s, slots);
    });
    return {
      first(contextValue, ctx, lookup) {
        for (let i = 0; i < tests.length; i++) {
          if ((tests[i] as (s: string, c: RequestContext, l: VariableLookup | undefined) => boolean)(contextValue, ctx, lookup)) return i;
        }
        return NO_MATCH;
      },
      unresolved: (ctx, lookup) => unresolvedOf(templates, ctx, lookup),
      resolved: (i, ctx, lookup) => {
        const t = templates[i];
        return t === undefined ? undefined : renderTemplate(t, ctx, lookup);
      },
    };
  },
};
