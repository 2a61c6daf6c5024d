/**
 * Resource / NotResource matching, as "IAM JSON policy elements: Resource" describes it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
 *
 * - `*` alone matches every resource.
 * - Otherwise the value is an ARN pattern: `*` and `?` work within the colon-separated
 *   segments; a `*` that ends a segment may also match beyond the colon boundaries
 *   (see `arn.ts`, mode `resource`); in the resource part `*` matches `/` and `:` too
 *   (`amzn-s3-demo-bucket/*\/test/*` matches `amzn-s3-demo-bucket/1/2/test/3/object.jpg`).
 * - Resource ARNs are case-sensitive ("In the Resource element, the IAM user name is case
 *   sensitive").
 * - Policy variables (Version 2012-10-17 only) are substituted per request; a substituted
 *   value is literal. A variable that does not resolve makes that value match no resource
 *   ("Policy variables with no value": "does not match any resource").
 *
 * The element matches when any of its values matches; NotResource is the evaluator's
 * negation of the same test.
 */
import type { Located, PolicyVersion } from '../policy/types';
import type { RequestContext } from '../context/types';
import { arnSubject, compileArnPattern, subjectSegments, type ArnPattern, type ArnSubject } from './arn';
import { matchGlob } from './wildcard';
import {
  fillSlots,
  parseTemplate,
  renderTemplate,
  staticText,
  type Template,
  type VariableLookup,
} from './variables';

/** A compiled Resource value. */
export interface CompiledResourcePattern {
  /** The value as written. */
  readonly source: string;
  /** Whether this is the bare `*` that matches every resource. */
  readonly matchesAll: boolean;
  readonly template: Template;
  /**
   * Whether the resource matches. `ctx` (or `lookup`) supplies policy variables; false when
   * a variable does not resolve.
   */
  test(resource: ArnSubject, ctx: RequestContext, lookup?: VariableLookup): boolean;
  /**
   * The value with its variables substituted (for the trace), or `undefined` when one
   * does not resolve.
   */
  resolve(ctx: RequestContext, lookup?: VariableLookup): string | undefined;
}

/** Compiles one Resource value. */
export function compileResourcePattern(value: string, version: PolicyVersion | undefined): CompiledResourcePattern {
  const template = parseTemplate(value, version);
  const matchesAll = value === '*';
  const resolve = (ctx: RequestContext, lookup?: VariableLookup) => renderTemplate(template, ctx, lookup);
  if (matchesAll) {
    return { source: value, matchesAll, template, test: () => true, resolve };
  }
  const pattern: ArnPattern = compileArnPattern(template, 'resource');
  const vars = template.variables.length;
  if (vars === 0) {
    const noSlots: readonly string[] = [];
    return {
      source: value,
      matchesAll,
      template,
      test: (resource) => testPattern(pattern, resource, noSlots),
      resolve,
    };
  }
  // INVARIANT: matching is synchronous and never re-enters this pattern, so one scratch
  // array for the substituted values is enough.
  const slots: string[] = new Array<string>(vars).fill('');
  return {
    source: value,
    matchesAll,
    template,
    test: (resource, ctx, lookup) => {
      if (fillSlots(template, ctx, lookup, slots) >= 0) return false;
      return testPattern(pattern, resource, slots);
    },
    resolve,
  };
}

function testPattern(pattern: ArnPattern, resource: ArnSubject, slots: readonly string[]): boolean {
  if (pattern.test(resource, slots)) return true;
  // A resource that is not an ARN (e.g. a bare name in a learner's scenario) is compared
  // with the whole pattern as one glob.
  if (subjectSegments(resource) === null) return matchGlob(pattern.whole, resource.text, slots);
  return false;
}

/** Which value of a Resource element matched, for the trace. */
export interface ResourceMatchExplanation {
  readonly matched: boolean;
  /** Index of the first matching value, or -1. */
  readonly index: number;
  /** The matching value as written. */
  readonly value: string | undefined;
  /** The matching value with its variables substituted. */
  readonly resolved: string | undefined;
  /** Indices of values whose policy variables did not resolve (they match nothing). */
  readonly unresolved: readonly number[];
}

/** A compiled Resource or NotResource element. */
export interface CompiledResourceList {
  readonly patterns: readonly CompiledResourcePattern[];
  /** Whether a value is the bare `*`. */
  readonly matchesAll: boolean;
  /** Whether any value matches `resource` (an ARN string or a prepared subject). */
  test(resource: ArnSubject | string, ctx: RequestContext, lookup?: VariableLookup): boolean;
  explain(resource: ArnSubject | string, ctx: RequestContext, lookup?: VariableLookup): ResourceMatchExplanation;
}

/**
 * Compiles a Resource / NotResource element. Values without wildcards or variables go into
 * a set (one hash lookup for all of them); the rest are tried in order.
 */
export function compileResourceList(
  values: readonly (Located<string> | string)[],
  version: PolicyVersion | undefined,
): CompiledResourceList {
  const texts = values.map((v) => (typeof v === 'string' ? v : v.value));
  const patterns = texts.map((t) => compileResourcePattern(t, version));
  const matchesAll = patterns.some((p) => p.matchesAll);
  const exact = new Set<string>();
  const others: CompiledResourcePattern[] = [];
  for (const p of patterns) {
    const text = staticText(p.template);
    if (!p.matchesAll && text !== undefined && !/[*?]/.test(p.source) && p.template.parts.every((x) => x.kind === 'text')) {
      exact.add(text);
    } else {
      others.push(p);
    }
  }
  const test = (resource: ArnSubject | string, ctx: RequestContext, lookup?: VariableLookup): boolean => {
    if (matchesAll) return true;
    const subject = typeof resource === 'string' ? arnSubject(resource) : resource;
    if (exact.has(subject.text)) return true;
    for (let i = 0; i < others.length; i++) {
      if ((others[i] as CompiledResourcePattern).test(subject, ctx, lookup)) return true;
    }
    return false;
  };
  const explain = (
    resource: ArnSubject | string,
    ctx: RequestContext,
    lookup?: VariableLookup,
  ): ResourceMatchExplanation => {
    const subject = typeof resource === 'string' ? arnSubject(resource) : resource;
    const unresolved: number[] = [];
    let index = -1;
    let resolved: string | undefined;
    patterns.forEach((p, i) => {
      const r = p.resolve(ctx, lookup);
      if (r === undefined) unresolved.push(i);
      if (index < 0 && p.test(subject, ctx, lookup)) {
        index = i;
        resolved = r;
      }
    });
    return { matched: index >= 0, index, value: index >= 0 ? texts[index] : undefined, resolved, unresolved };
  };
  return { patterns, matchesAll, test, explain };
}

/** One-off convenience: whether `resource` matches the Resource value `pattern`. */
export function resourceMatches(
  pattern: string,
  resource: string,
  ctx: RequestContext,
  version: PolicyVersion | undefined,
  lookup?: VariableLookup,
): boolean {
  return compileResourcePattern(pattern, version).test(arnSubject(resource), ctx, lookup);
}
