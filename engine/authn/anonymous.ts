/**
 * Unsigned requests. Authentication answers `{ ok: true, anonymous: true }` for a request
 * without any signature; whether that is acceptable depends on the service and action:
 * S3 evaluates anonymous requests against bucket policies (and ACLs), STS's
 * `AssumeRoleWithWebIdentity` and `AssumeRoleWithSAML` are unsigned by design (the token
 * in the body authenticates), every other service answers `MissingAuthenticationToken`.
 */
import type { AuthnAnonymous, AuthnFailure } from './authn-types';
import { authnErrors, serviceFamily } from './errors';

/** Actions that take unsigned requests by design (they authenticate with a token in the body). */
const UNSIGNED_ACTIONS = new Set(['sts:assumerolewithwebidentity', 'sts:assumerolewithsaml']);

/**
 * Whether a service (or an action) accepts an anonymous request at all: S3 does (bucket
 * policies decide), as do STS's `AssumeRoleWithWebIdentity` and `AssumeRoleWithSAML`;
 * every other service answers `MissingAuthenticationToken`.
 */
export function anonymousAllowed(service: string | undefined, action?: string): boolean {
  if (service !== undefined && serviceFamily(service) === 's3') return true;
  return action !== undefined && UNSIGNED_ACTIONS.has(action.toLowerCase());
}

/** The failure a service that does not take anonymous requests returns for one. */
export function rejectAnonymous(result: AuthnAnonymous): AuthnFailure {
  const error = authnErrors.missingAuthenticationToken(serviceFamily(result.service), result.service);
  return {
    ok: false,
    ...error,
    steps: [...result.steps, { step: 'authnParseRequest', outcome: 'fail', params: { anonymous: true, problem: 'missingAuthentication' } }],
  };
}
