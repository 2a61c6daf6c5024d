/**
 * Validates a parsed policy for the place it is used, in the four classes of IAM Access
 * Analyzer policy validation (error, securityWarning, warning, suggestion). The checks are
 * split by subject: the document and its statements' elements (here), values
 * (./validateValues.ts), conditions (./validateConditions.ts), and security and redundancy
 * (./validateSecurity.ts).
 */
import { DEFAULT_SIZE_LIMIT, checkPolicySize, policySize, type PolicySizeLimitName } from './sizeLimits';
import type { Policy, PolicyFinding, PolicyKind, Statement } from './types';
import { checkConditions } from './validateConditions';
import { checkRedundancy, checkSecurity } from './validateSecurity';
import { checkValues } from './validateValues';
import { ValidationContext, pointAt } from './validationContext';

export interface ValidateOptions {
  /**
   * The size quota to check: a name from `POLICY_SIZE_LIMITS`, `null` for none, or absent
   * for the kind's default (`DEFAULT_SIZE_LIMIT`). An inline policy should pass its
   * entity's aggregate quota here, or `null` and check the sum with `checkAggregatePolicySize`.
   */
  readonly sizeLimit?: PolicySizeLimitName | null;
}

/** Every finding for `policy` used as a policy of `kind`, in no particular order. */
export function validatePolicy(policy: Policy, kind: PolicyKind, options: ValidateOptions = {}): PolicyFinding[] {
  const ctx = new ValidationContext(policy, kind);
  checkDocument(ctx, options);
  checkSids(ctx);
  for (const st of policy.statements) {
    checkElements(ctx, st);
    checkValues(ctx, st);
    checkConditions(ctx, st);
    checkSecurity(ctx, st);
    checkRedundancy(ctx, st);
  }
  return ctx.findings;
}

function checkDocument(ctx: ValidationContext, options: ValidateOptions): void {
  const { policy, rules } = ctx;
  // Version (IAM JSON policy elements: Version; SCP syntax; RCP syntax).
  if (policy.version === undefined && policy.versionSpan === undefined) {
    if (rules.organizations) ctx.report('versionRequired', {}, pointAt(policy.span), '$');
    else ctx.report('missingVersion', {}, pointAt(policy.span), '$');
  } else if (policy.version === '2008-10-17' && policy.versionSpan !== undefined) {
    if (rules.organizations) ctx.report('versionRequired', {}, policy.versionSpan, '$.Version');
    else ctx.report('outdatedVersion', {}, policy.versionSpan, '$.Version');
  }
  // Id: "optional in resource-based policies. It must not be included in identity-based
  // policies" (Grammar of the IAM JSON policy language, notes).
  if (policy.id !== undefined && !rules.idAllowed) {
    ctx.report('idNotSupported', { kind: rules.label }, policy.id.span, '$.Id');
  }
  // Characters: "Policy documents can contain only the following Unicode characters: horizontal
  // tab (U+0009), linefeed (U+000A), carriage return (U+000D), and characters in the range
  // U+0020 to U+00FF" (IAM and AWS STS quotas).
  if (rules.iam) {
    const text = policy.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) {
        const character = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
        ctx.report('unsupportedCharacter', { character }, { start: i, end: i + 1 }, '$');
        break;
      }
    }
  }
  const limit = options.sizeLimit === undefined ? DEFAULT_SIZE_LIMIT[ctx.kind] : options.sizeLimit;
  if (limit !== null) {
    const finding = checkPolicySize(policySize(policy, limit), limit, pointAt(policy.span), '$');
    if (finding !== undefined) ctx.findings.push(finding);
  }
}

/**
 * Sids: for IAM policies only A-Z, a-z and 0-9, unique within the policy (IAM JSON policy
 * elements: Sid; Access Analyzer "Unsupported Sid", "Unique Sids required"); other policy
 * types get the "Unique Sids recommended" warning.
 */
function checkSids(ctx: ValidationContext): void {
  const seen = new Set<string>();
  for (const st of ctx.policy.statements) {
    const sid = st.sid;
    if (sid === undefined) continue;
    const path = ctx.elementPath(st, 'Sid');
    if (sid.value === '') {
      ctx.report('emptySid', {}, sid.span, path);
      continue;
    }
    if (ctx.rules.iam && !/^[A-Za-z0-9]*$/.test(sid.value)) {
      ctx.report('unsupportedSid', { sid: sid.value }, sid.span, path);
    }
    if (seen.has(sid.value)) {
      ctx.report(ctx.rules.iam ? 'uniqueSidsRequired' : 'uniqueSidsRecommended', { sid: sid.value }, sid.span, path);
    } else seen.add(sid.value);
  }
}

/** Which elements the statement has, against what its policy kind allows. */
function checkElements(ctx: ValidationContext, st: Statement): void {
  const { rules } = ctx;
  const label = rules.label;
  if (st.principal !== undefined && st.notPrincipal !== undefined) {
    ctx.report('unsupportedElementCombination', { first: 'Principal', second: 'NotPrincipal' }, st.notPrincipal.span, ctx.elementPath(st, 'NotPrincipal'));
  }
  if (st.principal !== undefined && rules.principal === 'forbidden') {
    ctx.report('principalNotSupported', { element: 'Principal', kind: label }, st.principal.span, ctx.elementPath(st, 'Principal'));
  }
  if (st.notPrincipal !== undefined && !rules.notPrincipalAllowed) {
    ctx.report('principalNotSupported', { element: 'NotPrincipal', kind: label }, st.notPrincipal.span, ctx.elementPath(st, 'NotPrincipal'));
  }
  if (rules.principal !== 'forbidden') {
    const hasNotPrincipal = st.notPrincipal !== undefined && rules.notPrincipalAllowed;
    if (st.principal === undefined && !hasNotPrincipal) {
      ctx.report('missingPrincipal', {}, pointAt(st.span), ctx.statementPath(st));
    } else if (rules.principal === 'star' && st.principal !== undefined && !st.principal.anyone) {
      ctx.report('rcpPrincipalMustBeStar', {}, st.principal.span, ctx.elementPath(st, 'Principal'));
    }
  }
  if (st.action !== undefined && st.notAction !== undefined) {
    ctx.report('unsupportedElementCombination', { first: 'Action', second: 'NotAction' }, st.notAction.span, ctx.elementPath(st, 'NotAction'));
  } else if (st.action === undefined && st.notAction === undefined) {
    ctx.report('missingAction', {}, pointAt(st.span), ctx.statementPath(st));
  }
  if (st.notAction !== undefined && !rules.notActionAllowed) {
    ctx.report('rcpNotActionNotSupported', {}, st.notAction.span, ctx.elementPath(st, 'NotAction'));
  }
  if (st.resource !== undefined && st.notResource !== undefined) {
    ctx.report('unsupportedElementCombination', { first: 'Resource', second: 'NotResource' }, st.notResource.span, ctx.elementPath(st, 'NotResource'));
  }
  if (rules.resource === 'required' && st.resource === undefined && st.notResource === undefined) {
    ctx.report('missingResource', {}, pointAt(st.span), ctx.statementPath(st));
  }
  if (rules.resource === 'forbidden') {
    for (const [element, el] of [['Resource', st.resource], ['NotResource', st.notResource]] as const) {
      if (el !== undefined) ctx.report('resourceNotSupported', { element }, el.span, ctx.elementPath(st, element));
    }
  }
  if (st.effect.value === 'Allow' && !rules.allowAllowed) {
    ctx.report('rcpAllowNotSupported', {}, st.effect.span, ctx.elementPath(st, 'Effect'));
  }
}
