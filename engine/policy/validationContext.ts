/**
 * What every validation check shares: the policy, its kind's rules, paths, and the list of
 * findings being built.
 */
import { makeFinding } from './findingCodes';
import type { FindingParams, PolicyFindingCode } from './findingCodes';
import { childPath } from './jsonPath';
import type { Policy, PolicyFinding, PolicyKind, Span, Statement } from './types';

/** Which elements a policy kind allows or requires. */
export interface KindRules {
  /** `star`: required and must be `"*"` (RCPs). */
  readonly principal: 'forbidden' | 'required' | 'star';
  readonly notPrincipalAllowed: boolean;
  readonly resource: 'required' | 'forbidden';
  readonly notActionAllowed: boolean;
  readonly allowAllowed: boolean;
  /** Stored or checked by IAM/STS: Sids alphanumeric and unique, characters U+0009–U+00FF. */
  readonly iam: boolean;
  /** An AWS Organizations policy: "Version": "2012-10-17" is required. */
  readonly organizations: boolean;
  /** The Id element is for resource-based policies (grammar notes). */
  readonly idAllowed: boolean;
  /** Whether an Allow here grants access (so broad Allows are security findings). */
  readonly grants: boolean;
  /** How messages name the policy type. */
  readonly label: string;
}

const IDENTITY: KindRules = {
  principal: 'forbidden', notPrincipalAllowed: false, resource: 'required', notActionAllowed: true,
  allowAllowed: true, iam: true, organizations: false, idAllowed: false, grants: true, label: 'identity-based',
};

/**
 * Sources: IAM User Guide, "Grammar of the IAM JSON policy language" (Principal required in
 * resource-based and trust policies, forbidden in identity-based ones); "AWS JSON policy
 * elements: NotPrincipal" (not in identity-based policies nor role trust policies, nor in
 * SCPs and RCPs); AWS Organizations User Guide, "SCP syntax" (full IAM language since
 * September 2025 — conditions, resources, NotAction and NotResource in Allow and Deny —
 * but no Principal or NotPrincipal; see also the AWS Security Blog post "Unlock new
 * possibilities: AWS Organizations service control policy now supports full IAM language")
 * and "RCP syntax" (Deny only, Principal, Action, Resource, NotResource, Condition; Version
 * 2012-10-17 required in both). A role trust policy rejects Resource ("Has prohibited
 * field Resource").
 */
export const KIND_RULES: Readonly<Record<PolicyKind, KindRules>> = {
  identity: IDENTITY,
  boundary: { ...IDENTITY, grants: false, label: 'permissions boundary' },
  session: { ...IDENTITY, grants: false, label: 'session' },
  resource: {
    principal: 'required', notPrincipalAllowed: true, resource: 'required', notActionAllowed: true,
    allowAllowed: true, iam: false, organizations: false, idAllowed: true, grants: true, label: 'resource-based',
  },
  trust: {
    principal: 'required', notPrincipalAllowed: false, resource: 'forbidden', notActionAllowed: true,
    allowAllowed: true, iam: true, organizations: false, idAllowed: true, grants: true, label: 'role trust',
  },
  scp: {
    principal: 'forbidden', notPrincipalAllowed: false, resource: 'required', notActionAllowed: true,
    allowAllowed: true, iam: false, organizations: true, idAllowed: true, grants: false, label: 'service control',
  },
  rcp: {
    principal: 'star', notPrincipalAllowed: false, resource: 'required', notActionAllowed: false,
    allowAllowed: false, iam: false, organizations: true, idAllowed: true, grants: false, label: 'resource control',
  },
};

export class ValidationContext {
  readonly findings: PolicyFinding[] = [];
  readonly rules: KindRules;

  constructor(
    readonly policy: Policy,
    readonly kind: PolicyKind,
  ) {
    this.rules = KIND_RULES[kind];
  }

  report(code: PolicyFindingCode, params: FindingParams, span: Span, path: string): void {
    this.findings.push(makeFinding(code, params, span, path));
  }

  /** Whether policy variables are replaced (only with Version 2012-10-17). */
  get variablesEnabled(): boolean {
    return this.policy.version === '2012-10-17';
  }

  statementPath(st: Statement): string {
    return this.policy.statementForm === 'object' ? '$.Statement' : `$.Statement[${st.index}]`;
  }

  elementPath(st: Statement, element: string): string {
    return childPath(this.statementPath(st), element);
  }
}

/** The first character of a span (an object's `{`), for a fault that is an absence. */
export function pointAt(span: Span): Span {
  return { start: span.start, end: Math.min(span.start + 1, span.end) };
}
