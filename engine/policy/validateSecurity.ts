/**
 * Security warnings (Allows broader than they look) and suggestions (repeated or redundant
 * values), after IAM Access Analyzer's policy checks ("Security Warning – Allow with
 * NotPrincipal", "Pass role with star in resource", "Pass role with NotResource", …) and
 * the cautions of "IAM JSON policy elements: NotAction" / "…: NotResource".
 */
import { childPath } from './jsonPath';
import type { Statement, StringListElement } from './types';
import type { ValidationContext } from './validationContext';
import { globMatch, patternCovers } from './wildcard';

const PASS_ROLE = 'iam:PassRole';
/** Above this many values, only exact repetitions are looked for (the cover check is quadratic). */
const COVER_CHECK_LIMIT = 100;

export function checkSecurity(ctx: ValidationContext, st: Statement): void {
  if (st.effect.value !== 'Allow') return;
  const { rules } = ctx;
  if (st.notPrincipal !== undefined && rules.notPrincipalAllowed) {
    ctx.report('allowWithNotPrincipal', {}, st.notPrincipal.span, ctx.elementPath(st, 'NotPrincipal'));
  }
  if (rules.grants && st.notAction !== undefined) {
    ctx.report('allowWithNotAction', {}, st.notAction.span, ctx.elementPath(st, 'NotAction'));
  }
  if (rules.grants && st.notResource !== undefined) {
    ctx.report('allowWithNotResource', {}, st.notResource.span, ctx.elementPath(st, 'NotResource'));
  }
  if (ctx.kind === 'identity') checkPassRole(ctx, st);
  if ((ctx.kind === 'resource' || ctx.kind === 'trust') && st.principal !== undefined && st.condition.length === 0) {
    const p = st.principal;
    const star = p.anyone ? p : p.entries.find((e) => e.type === 'AWS' && e.value === '*');
    if (star !== undefined) {
      ctx.report('anyPrincipalWithoutCondition', { value: '*' }, star.span, ctx.elementPath(st, 'Principal'));
    }
  }
}

/** An Allow of iam:PassRole on every role lets its holder give any role to a service. */
function checkPassRole(ctx: ValidationContext, st: Statement): void {
  let via: string | undefined;
  if (st.action !== undefined) {
    via = st.action.values.find((v) => globMatch(v.value, PASS_ROLE, true))?.value;
  } else if (st.notAction !== undefined && !st.notAction.values.some((v) => globMatch(v.value, PASS_ROLE, true))) {
    via = 'NotAction';
  }
  if (via === undefined) return;
  const star = st.resource?.values.find((v) => v.value === '*');
  if (star !== undefined) {
    ctx.report('passRoleWithStarInResource', { action: via }, star.span, ctx.elementPath(st, 'Resource'));
  } else if (st.notResource !== undefined) {
    ctx.report('passRoleWithNotResource', { action: via }, st.notResource.span, ctx.elementPath(st, 'NotResource'));
  }
}

/** Repeated values, and values another value's wildcard already covers. */
export function checkRedundancy(ctx: ValidationContext, st: Statement): void {
  const lists: [string, StringListElement | undefined, boolean][] = [
    // Action names are case-insensitive ("IAM JSON policy elements: Action"); ARNs are not.
    ['Action', st.action, true],
    ['NotAction', st.notAction, true],
    ['Resource', st.resource, false],
    ['NotResource', st.notResource, false],
  ];
  for (const [element, el, ignoreCase] of lists) {
    if (el !== undefined) checkList(ctx, element, ctx.elementPath(st, element), el.values, ignoreCase);
  }
  for (const [element, block] of [['Principal', st.principal], ['NotPrincipal', st.notPrincipal]] as const) {
    if (block === undefined) continue;
    const seen = new Set<string>();
    for (const e of block.entries) {
      const k = `${e.type}\u0000${e.value}`;
      if (seen.has(k)) {
        const name = `${element}.${e.type}`;
        ctx.report('duplicateValue', { value: e.value, element: name }, e.span, childPath(ctx.elementPath(st, element), e.type));
      } else seen.add(k);
    }
  }
  for (const clause of st.condition) {
    const path = childPath(childPath(ctx.elementPath(st, 'Condition'), clause.operatorText), clause.key);
    const seen = new Set<string>();
    for (const v of clause.values) {
      if (seen.has(v.value)) ctx.report('duplicateValue', { value: v.value, element: `the condition key \`${clause.key}\`` }, v.span, path);
      else seen.add(v.value);
    }
  }
}

function checkList(
  ctx: ValidationContext,
  element: string,
  path: string,
  values: StringListElement['values'],
  ignoreCase: boolean,
): void {
  const norm = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  const seen = new Set<string>();
  const unique: { value: string; span: StringListElement['span'] }[] = [];
  for (const v of values) {
    const k = norm(v.value);
    if (seen.has(k)) ctx.report('duplicateValue', { value: v.value, element }, v.span, path);
    else {
      seen.add(k);
      unique.push(v);
    }
  }
  if (unique.length > COVER_CHECK_LIMIT) return;
  for (const v of unique) {
    const by = unique.find((o) => o !== v && (o.value.includes('*') || o.value.includes('?')) && patternCovers(o.value, v.value, ignoreCase));
    if (by !== undefined) ctx.report('redundantValue', { value: v.value, coveredBy: by.value, element }, v.span, path);
  }
}
