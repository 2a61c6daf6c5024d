/**
 * A saved request → the console's draft, so the learner sees (and may change) what it asks.
 * The draft keeps the request's id while unchanged: running it then sends the saved request
 * itself, with whatever the form cannot show.
 */
import type { RequestJson } from '../../../engine/scenario/types';
import { parsePrincipalName } from '../../../engine/model/principalArn';
import { contextEntries } from './contextKeys';
import { EMPTY_STS, type CallerKind, type RequestDraft } from './draft';
import { paramsDraftOf } from './iamParams';
import { stsDraftOf } from './sts';

/** How the caller picker shows `principal`; `listed` says whether the picker lists it. */
function callerKindOf(request: RequestJson, listed: (principal: string) => boolean): CallerKind {
  const principal = request.principal;
  if (principal === undefined) return 'listed';
  const name = parsePrincipalName(principal);
  if (name?.kind === 'anonymous') return 'anonymous';
  if (name?.kind === 'service') return 'service';
  if (name?.kind === 'federatedUser' && request.session?.issuer) return 'federated';
  return name?.kind === 'sessionRef' || listed(principal) ? 'listed' : 'typed';
}

export function draftOfRequest(request: RequestJson, current: RequestDraft, listed: (principal: string) => boolean): RequestDraft {
  const sts = /^sts:/i.test(request.action) ? stsDraftOf(request, EMPTY_STS) : undefined;
  const callerKind = callerKindOf(request, listed);
  const federated = callerKind === 'federated' ? /federated-user\/(.+)$/.exec(request.principal ?? '')?.[1] : undefined;
  return {
    ...current,
    mode: request.http !== undefined ? 'http' : sts ? 'sts' : 'api',
    callerKind,
    principal: request.principal ?? '',
    federatedName: federated ?? '',
    federatedIssuer: callerKind === 'federated' ? (request.session?.issuer ?? '') : '',
    consoleSignIn: request.console !== undefined,
    consoleMfa: request.console?.mfaCode !== undefined,
    action: request.action,
    resource: request.resource,
    context: contextEntries(request.context),
    // An IAM write's parameters, all of them: a saved request without any stays a question of authorization.
    params: sts ? current.params : paramsDraftOf(request),
    sts: sts ?? current.sts,
    ...(request.id !== undefined ? { exampleId: request.id } : {}),
  };
}
