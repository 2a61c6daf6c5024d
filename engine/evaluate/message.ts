/**
 * AWS's own English for a decision, as in its AccessDenied error messages
 * ("User: arn:… is not authorized to perform: s3:GetObject on resource: arn:… because no
 * identity-based policy allows the s3:GetObject action"). The UI translates the reason
 * code instead; this text is for the command line and the event log.
 */
import type { ResolvedPrincipal } from './principal';
import type { ReasonCode } from './reasons';
import type { AuthzDecision } from './types';

const BECAUSE: Partial<Record<ReasonCode, (action: string) => string>> = {
  noScpAllows: (a) => `because no service control policy allows the ${a} action`,
  noIdentityPolicyAllows: (a) => `because no identity-based policy allows the ${a} action`,
  noResourcePolicyAllows: (a) => `because no resource-based policy allows the ${a} action`,
  noTrustPolicyAllows: (a) => `because no resource-based policy allows the ${a} action (the role's trust policy does not allow this principal)`,
  noKeyPolicyAllows: (a) => `because no resource-based policy allows the ${a} action (the KMS key policy must allow it)`,
  rootUserNeedsKeyPolicy: (a) => `because no resource-based policy allows the ${a} action (the KMS key policy must allow it, even for the root user)`,
  noBoundaryAllows: (a) => `because no permissions boundary allows the ${a} action`,
  noSessionPolicyAllows: (a) => `because no session policy allows the ${a} action`,
  federatedUserWithoutSessionPolicy: (a) => `because no session policy allows the ${a} action (a federated user session created without a session policy has no permissions)`,
  anonymousNotAllowed: (a) => `because no resource-based policy allows the ${a} action for anonymous requests`,
  serviceNotAllowedByResourcePolicy: (a) => `because no resource-based policy allows the ${a} action for this service principal`,
  federatedCallerNotAllowedByTrust: (a) => `because no resource-based policy allows the ${a} action (the role's trust policy does not allow this identity provider's token)`,
  explicitDenyInScp: () => 'with an explicit deny in a service control policy',
  explicitDenyInRcp: () => 'with an explicit deny in a resource control policy',
  explicitDenyInResourcePolicy: () => 'with an explicit deny in a resource-based policy',
  explicitDenyInTrustPolicy: () => 'with an explicit deny in a resource-based policy (the role trust policy)',
  explicitDenyInIdentityPolicy: () => 'with an explicit deny in an identity-based policy',
  explicitDenyInBoundary: () => 'with an explicit deny in a permissions boundary',
  explicitDenyInSessionPolicy: () => 'with an explicit deny in a session policy',
};

const ALLOWED_BY: Partial<Record<ReasonCode, string>> = {
  allowedByIdentityPolicy: 'an identity-based policy allows it',
  allowedByResourcePolicy: 'a resource-based policy allows it',
  allowedAsRootUser: 'the root user has full access to its own account',
  crossAccountResourcePolicyAllow: 'both the resource-based policy and the caller\'s identity-based policy allow it',
  getCallerIdentityNeedsNoPermission: 'sts:GetCallerIdentity needs no permission',
};

/** The caller as AWS names it in error messages. */
export function callerName(principal: ResolvedPrincipal): string {
  return principal.facts.kind === 'anonymous' ? 'anonymous' : principal.facts.callerArn;
}

export function explainDecision(decision: AuthzDecision, reason: ReasonCode, principal: ResolvedPrincipal, action: string, resource: string): string {
  const who = callerName(principal);
  if (decision === 'allowed') {
    return `User: ${who} is allowed to perform: ${action} on resource: ${resource} because ${ALLOWED_BY[reason] ?? 'a policy allows it'}`;
  }
  const because = BECAUSE[reason]?.(action) ?? `because no policy allows the ${action} action`;
  return `User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${because}`;
}
