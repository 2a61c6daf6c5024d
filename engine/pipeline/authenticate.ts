/**
 * Authentication of a signed HTTP request against the world's credentials: long-term
 * access keys of IAM users and root users, and the temporary credentials of sessions that
 * earlier STS calls issued. Each step goes into the trace, first.
 */
import { authenticateHttpRequest, type CredentialLookup } from '../authn/authenticate';
import { anonymousAllowed, rejectAnonymous } from '../authn/anonymous';
import type { ContextValue } from '../context/types';
import { ANONYMOUS, resolveRoot, resolveUser, type ResolvedPrincipal } from '../evaluate/principal';
import type { Tracer } from '../evaluate/tracer';
import type { World } from '../model/world';
import type { SessionStore } from './sessions';
import { principalOfSession, traceDeletedIssuer } from './run';

export type AuthenticationOutcome =
  | { readonly ok: true; readonly principal: ResolvedPrincipal; readonly context: readonly (readonly [string, ContextValue])[]; readonly accessKeyId?: string }
  /** `accessKeyId`: the key the request claimed, when it was read (a CloudTrail record of the failure names it). */
  | { readonly ok: false; readonly errorCode: string; readonly httpStatus: number; readonly message: string; readonly accessKeyId?: string };

export async function authenticate(world: World, raw: string, action: string, now: Date, sessions: SessionStore | undefined, tracer: Tracer): Promise<AuthenticationOutcome> {
  const lookup: CredentialLookup = {
    findAccessKey(id) {
      const longTerm = world.accessKeys.get(id);
      if (longTerm) {
        return longTerm.key.secret === undefined ? undefined : { secret: longTerm.key.secret, status: longTerm.key.status ?? 'Active', temporary: false };
      }
      const session = sessions?.byAccessKey(id);
      if (session) {
        const c = session.credentials;
        return { secret: c.secretAccessKey, status: 'Active', temporary: true, sessionToken: c.sessionToken, expiration: c.expiration };
      }
      return undefined;
    },
  };
  let result = await authenticateHttpRequest(raw, lookup, now);
  // An unsigned request is an anonymous request only where the service takes those (S3); elsewhere it is refused.
  if (result.ok && result.anonymous && !anonymousAllowed(result.service, action)) result = rejectAnonymous(result);
  for (const step of result.steps) {
    tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: step.outcome, reason: step.step, params: step.params });
  }
  if (!result.ok) {
    const claimed = result.accessKeyId;
    return { ok: false, errorCode: result.errorCode, httpStatus: result.httpStatus, message: result.message, ...(claimed === undefined ? {} : { accessKeyId: claimed }) };
  }
  const context = [...(result.context ?? [])];
  if ('anonymous' in result && result.anonymous) return { ok: true, principal: ANONYMOUS, context };
  const id = result.accessKeyId;
  const longTerm = world.accessKeys.get(id);
  if (longTerm) {
    const principal = longTerm.owner.kind === 'user' ? resolveUser(longTerm.owner) : resolveRoot(world, longTerm.owner.account.id);
    tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'pass', reason: 'authnPassed', params: { principal: principal.facts.callerArn, accessKeyId: id } });
    return { ok: true, principal, context, accessKeyId: id };
  }
  const session = sessions?.byAccessKey(id);
  if (!session) return { ok: false, errorCode: 'InvalidClientTokenId', httpStatus: 403, message: 'The security token included in the request is invalid.' };
  const principal = principalOfSession(session, world);
  tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'pass', reason: 'authnPassed', params: { principal: principal.facts.callerArn, accessKeyId: id } });
  traceDeletedIssuer(principal, tracer);
  return { ok: true, principal, context, accessKeyId: id };
}
