/**
 * One request through the whole pipeline: authentication (a signed HTTP request, or the
 * principal the request names), the request context, STS parameter checks, and
 * authorization; one trace whose first events are the authentication steps.
 */
import { deriveContext } from '../context/derive';
import { compilePolicy, type CompiledPolicy } from '../evaluate/compiledPolicy';
import { authorize } from '../evaluate/evaluate';
import {
  ANONYMOUS, resolveFederatedUser, resolveRoleSession, resolveRoot, resolveService, resolveUser,
  type ResolvedPrincipal, type SessionState,
} from '../evaluate/principal';
import { resolveResourceTarget } from '../evaluate/resourceTarget';
import { createTracer, NO_TRACE, type Tracer } from '../evaluate/tracer';
import type { DecisionResult, Stage } from '../evaluate/types';
import { parsePrincipalName } from '../model/principalArn';
import type { World } from '../model/world';
import type { RequestJson, SessionJson } from '../scenario/types';
import type { IssuedSession, SessionStore } from './sessions';
import { stsPrecheck, stsIssue, isStsCall } from '../sts/sts';
import { authenticate } from './authenticate';
import type { ContextValue } from '../context/types';

export interface RunOptions {
  readonly trace?: boolean;
  /** The time AWS's servers see; default: the scenario's `now`, else the real time. */
  readonly now?: Date;
  readonly sessions?: SessionStore;
  /** Policy ids switched off (what-if). */
  readonly disabled?: ReadonlySet<string>;
}

function failure(decision: string, stage: Stage, reason: DecisionResult['reason'], message: string, tracer: Tracer, params: Record<string, string | number | boolean> = {}): DecisionResult {
  tracer.add({ parent: null, stage, kind: 'decision', outcome: 'fail', reason, params: { ...params, decision } });
  return { decision, decidedBy: [stage], reason, params, message, context: [], ...(tracer.enabled ? { trace: tracer.events() } : {}) };
}

/** The session a request describes for a session principal named by ARN (not issued by an earlier STS call). */
function describedSession(world: World, json: SessionJson | undefined, requestId: string, now: Date, faults: string[]): SessionState {
  const policies: CompiledPolicy[] = [];
  if (json?.policy !== undefined) {
    const policy = compilePolicy(json.policy, 'session', { id: `request:${requestId}/session`, kind: 'sessionPolicy', name: 'session policy' });
    faults.push(...policy.errors);
    policies.push(policy);
  }
  for (const arn of json?.policyArns ?? []) {
    const policy = world.managedPolicy(arn);
    if (!policy) faults.push(`Session policy \`${arn}\` does not exist.`);
    else policies.push({ ...policy, ref: { ...policy.ref, kind: 'sessionPolicy' } });
  }
  return {
    policies: json?.policy !== undefined || (json?.policyArns?.length ?? 0) > 0 ? policies : undefined,
    tags: new Map(Object.entries(json?.tags ?? {})),
    sourceIdentity: json?.sourceIdentity,
    // Temporary credentials always carry aws:MultiFactorAuthPresent and aws:TokenIssueTime: issued now, MFA only if stated.
    mfa: json?.mfa ?? false,
    ...(json?.mfa ? { mfaTime: now } : {}),
    issuedAt: now,
  };
}

export function principalOfSession(session: IssuedSession, world: World): ResolvedPrincipal {
  switch (session.kind) {
    case 'assumedRole':
      return resolveRoleSession(session.role, session.sessionName, session.state);
    case 'federatedUser':
      return resolveFederatedUser(session.issuer, session.name, session.state);
    case 'userSession': {
      const base = session.user ? resolveUser(session.user) : resolveRoot(world, session.rootAccount ?? '');
      return { ...base, session: session.state };
    }
  }
}

/** Principals that need no per-request session, resolved once per world. */
const resolvedPrincipals = new WeakMap<World, Map<string, ResolvedPrincipal>>();

/** Resolves the principal a request names; an error string when it cannot. */
function namedPrincipal(world: World, request: RequestJson, requestId: string, sessions: SessionStore | undefined, now: Date): ResolvedPrincipal | string {
  const text = request.principal ?? '';
  let cache = resolvedPrincipals.get(world);
  const hit = cache?.get(text);
  if (hit) return hit;
  const resolved = resolveNamedPrincipal(world, request, requestId, sessions, now);
  if (typeof resolved !== 'string') {
    const kind = resolved.entity.kind;
    if (kind === 'user' || kind === 'root' || kind === 'service' || kind === 'anonymous') {
      if (!cache) resolvedPrincipals.set(world, (cache = new Map()));
      if (cache.size < 100_000) cache.set(text, resolved);
    }
  }
  return resolved;
}

function resolveNamedPrincipal(world: World, request: RequestJson, requestId: string, sessions: SessionStore | undefined, now: Date): ResolvedPrincipal | string {
  const text = request.principal ?? '';
  const name = parsePrincipalName(text);
  if (!name) return `\`${text}\` is not a principal.`;
  const faults: string[] = [];
  let principal: ResolvedPrincipal | string;
  switch (name.kind) {
    case 'anonymous':
      return ANONYMOUS;
    case 'service':
      return resolveService(name.service);
    case 'root':
      return resolveRoot(world, name.account);
    case 'user': {
      const user = world.accounts.get(name.account)?.users.get(name.name);
      return user ? resolveUser(user) : `Account ${name.account} has no IAM user \`${name.name}\`.`;
    }
    case 'assumedRole': {
      const role = world.accounts.get(name.account)?.roles.get(name.roleName);
      principal = role ? resolveRoleSession(role, name.sessionName, describedSession(world, request.session, requestId, now, faults)) : `Account ${name.account} has no role \`${name.roleName}\`.`;
      break;
    }
    case 'federatedUser': {
      const issuerName = request.session?.issuer ? parsePrincipalName(request.session.issuer) : undefined;
      const issuer = issuerName?.kind === 'user' ? world.accounts.get(issuerName.account)?.users.get(issuerName.name) : undefined;
      if (!issuer) return 'A federated user session needs `session.issuer`, an IAM user of the world.';
      principal = resolveFederatedUser(issuer, name.name, describedSession(world, request.session, requestId, now, faults));
      break;
    }
    case 'sessionRef': {
      const session = sessions?.get(name.name);
      return session ? principalOfSession(session, world) : `No earlier request created a session named \`${name.name}\`.`;
    }
  }
  return faults.length > 0 ? faults.join(' ') : principal;
}

/** The part of the pipeline after authentication and STS checks: context and authorization (synchronous). */
function judge(
  world: World,
  principal: ResolvedPrincipal,
  request: RequestJson,
  now: Date,
  options: RunOptions,
  tracer: Tracer,
  extraContext: readonly (readonly [string, ContextValue])[],
) {
  const actionLower = request.action.toLowerCase();
  const target = resolveResourceTarget(world, request.resource, actionLower, principal);
  const derived = deriveContext(world, principal, { arn: target.arn, account: target.account, tags: target.tags }, now, request.context, extraContext);
  // The keys themselves travel in the result's `context`; the trace marks the step and which keys the request stated.
  if (tracer.enabled) {
    tracer.add({ parent: null, stage: 'context', kind: 'stage', outcome: 'info', reason: 'contextKey', params: { keys: derived.entries.length, stated: [...derived.given].join(',') } });
  }
  const result = authorize({ world, principal, action: request.action, target, context: derived.context, tracer, disabled: options.disabled });
  return { result, derived, target };
}

function givenPrincipal(world: World, request: RequestJson, options: RunOptions, tracer: Tracer, now: Date): ResolvedPrincipal | DecisionResult {
  const resolved = namedPrincipal(world, request, request.id ?? 'request', options.sessions, now);
  if (typeof resolved === 'string') return failure('InvalidClientTokenId', 'authn', 'principalOutsideWorld', resolved, tracer);
  tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'pass', reason: resolved.facts.kind === 'anonymous' ? 'authnAnonymous' : 'authnPrincipalGiven', params: { principal: resolved.facts.callerArn } });
  return resolved;
}

function isDecision(value: ResolvedPrincipal | DecisionResult): value is DecisionResult {
  return 'decision' in value;
}

/**
 * The synchronous path, for a request that names its principal and is not an STS call
 * that issues credentials: no signature to verify, no MFA code to check. `undefined` when
 * the request needs the asynchronous pipeline.
 */
export function evaluateSync(world: World, request: RequestJson, options: RunOptions = {}): DecisionResult | undefined {
  if (request.http !== undefined || isStsCall(request.action.toLowerCase())) return undefined;
  const tracer = options.trace ? createTracer() : NO_TRACE;
  const now = options.now ?? world.now ?? new Date();
  const principal = givenPrincipal(world, request, options, tracer, now);
  if (isDecision(principal)) return principal;
  const { result, derived } = judge(world, principal, request, now, options, tracer, []);
  return {
    decision: result.decision, decidedBy: result.decidedBy, reason: result.reason, params: result.params, message: result.message,
    context: tracer.enabled ? derived.entries : [], ...(tracer.enabled ? { trace: tracer.events() } : {}),
  };
}

export async function runRequest(world: World, request: RequestJson, options: RunOptions = {}): Promise<DecisionResult> {
  const sync = evaluateSync(world, request, options);
  if (sync) return sync;
  const tracer = options.trace ? createTracer() : NO_TRACE;
  const now = options.now ?? world.now ?? new Date();

  // ── Authentication
  let principal: ResolvedPrincipal;
  const authContext: (readonly [string, ContextValue])[] = [];
  if (request.http !== undefined) {
    const authn = await authenticate(world, request.http, now, options.sessions, tracer);
    if (!authn.ok) return failure(authn.errorCode, 'authn', 'authenticationFailed', authn.message, tracer, { httpStatus: authn.httpStatus });
    principal = authn.principal;
    authContext.push(...authn.context);
  } else {
    const given = givenPrincipal(world, request, options, tracer, now);
    if (isDecision(given)) return given;
    principal = given;
  }

  // ── STS parameter checks that come before any policy (ValidationError, AccessDenied for the root user …)
  const sts = isStsCall(request.action.toLowerCase()) ? await stsPrecheck(world, principal, request, now, tracer) : undefined;
  if (sts && !sts.ok) return failure(sts.errorCode, 'sts', 'stsRefused', sts.message, tracer);

  // ── Context and authorization
  const { result, derived } = judge(world, principal, request, now, options, tracer, [...authContext, ...(sts?.context ?? [])]);
  let { decision, decidedBy, reason, params, message } = result;

  // ── Session tags need sts:TagSession, a source identity sts:SetSourceIdentity, judged like the call itself.
  if (sts?.ok && decision === 'allowed' && sts.call === 'assumeRole') {
    const extra = [
      ...(sts.tags.size > 0 || sts.transitiveTagKeys.length > 0 ? ['sts:TagSession'] : []),
      ...(request.params?.['SourceIdentity'] !== undefined ? ['sts:SetSourceIdentity'] : []),
    ];
    for (const action of extra) {
      const more = judge(world, principal, { ...request, action }, now, options, tracer, [...authContext, ...sts.context]).result;
      if (more.decision !== 'allowed') {
        ({ decision, decidedBy, reason, params, message } = more);
        break;
      }
    }
  }

  // ── A successful STS call issues its session.
  if (sts?.ok && decision === 'allowed') {
    const issued = await stsIssue(world, principal, request, now, sts, tracer);
    options.sessions?.add(request.as, issued);
    message = `${message}. ${sts.describe(issued)}`;
  }
  return { decision, decidedBy, reason, params, message, context: tracer.enabled ? derived.entries : [], ...(tracer.enabled ? { trace: tracer.events() } : {}) };
}
