/**
 * One request through the whole pipeline: authentication (a signed HTTP request, a console
 * sign-in, or the principal the request names), the request context, STS parameter checks, and
 * authorization; one trace whose first events are the authentication steps.
 */
import { deriveContext } from '../context/derive';
import { compilePolicy, withRef, type CompiledPolicy } from '../evaluate/compiledPolicy';
import { authorize } from '../evaluate/evaluate';
import {
  ANONYMOUS, resolveFederatedUser, resolveRoleSession, resolveRoot, resolveService, resolveUser,
  type ResolvedPrincipal, type SessionState,
} from '../evaluate/principal';
import { resolveResourceTarget } from '../evaluate/resourceTarget';
import { createTracer, NO_TRACE, type Tracer } from '../evaluate/tracer';
import type { DecisionResult, Stage, WhatIf } from '../evaluate/types';
import { compileWhatIf, type SwitchedOff } from '../evaluate/whatIf';
import type { ResourceTarget } from '../evaluate/resourceTarget';
import { parsePrincipalName } from '../model/principalArn';
import type { RoleEntity, UserEntity, World } from '../model/world';
import type { RequestJson, SessionJson } from '../scenario/types';
import { rememberSessionContext, sessionContextOf, type IssuedSession, type SessionStore } from './sessions';
import { stsPrecheck, stsIssue, isStsCall, isUnsignedStsCall, credentialsFor } from '../sts/sts';
import { describeResponse } from '../sts/response';
import { isServiceRoleRequest, serviceRolePrecheck, type ServiceRolePlan } from '../sts/serviceRoles';
import { authenticate } from './authenticate';
import { consoleSignIn } from '../authn/console';
import type { ContextValue } from '../context/types';
import type { ManagedPolicySource } from '../data/managedPolicies';
import { applyApiCall } from '../iamApi/apply';
import { apiContextKeys } from '../iamApi/context';
import { iamApiSpec } from '../iamApi/spec';
import { queryParams } from '../iamApi/queryParams';
import { headerValue, parseHttpRequest } from '../authn/http';
import type { AppliedCall } from '../iamApi/types';
import type { ScenarioJson } from '../scenario/types';

export interface RunOptions {
  readonly trace?: boolean;
  /** The time AWS's servers see; default: the scenario's `now`, else the real time. */
  readonly now?: Date;
  readonly sessions?: SessionStore;
  /** What-if: policies, statements and layers switched off for this evaluation. */
  readonly whatIf?: WhatIf;
  /**
   * The simulated IAM API (engine/iamApi): when given, an allowed IAM write that carries
   * `params` is applied to `scenario` (the scenario `world` was compiled from) and the
   * outcome carries the call and the new scenario. Without it (who-can, analyses, what-if)
   * such a request is only an authorization question and changes nothing.
   */
  readonly api?: { readonly scenario: ScenarioJson; readonly managed?: ManagedPolicySource };
}

/** The options after checking: the what-if compiled once per request (absent without one). */
interface Checked extends RunOptions {
  readonly off?: SwitchedOff | undefined;
}

/**
 * What a request did besides its decision, for its CloudTrail record: who called (once
 * authenticated) and with which access key, the resource as the engine resolved it, and
 * the session and response a successful STS call issued.
 */
export interface RunOutcome {
  readonly result: DecisionResult;
  readonly caller?: ResolvedPrincipal;
  /** The access key the request was signed with, or the temporary key of the session that called. */
  readonly accessKeyId?: string;
  readonly target?: ResourceTarget;
  /** The request context as evaluated, whether or not a trace was asked for. */
  readonly context?: DecisionResult['context'];
  readonly issued?: IssuedSession;
  readonly response?: Readonly<Record<string, unknown>>;
  /** For a request that failed authentication: whose key it claimed, when the world or a session knows the key. */
  readonly keyOwner?: ResolvedPrincipal;
  /** The IAM write the simulated IAM API applied (only with `RunOptions.api`). */
  readonly applied?: AppliedCall;
  /** The scenario after the applied call (`applied.edits` applied to `RunOptions.api.scenario`). */
  readonly world?: ScenarioJson;
}

/** Where the pipeline notes what the outcome needs, as it goes. */
interface Notes {
  caller?: ResolvedPrincipal;
  accessKeyId?: string;
  target?: ResourceTarget;
  /** The derived context; its entries are listed only when asked for (costly, and most callers never do). */
  derived?: { readonly entries: DecisionResult['context'] };
  issued?: IssuedSession;
  response?: Readonly<Record<string, unknown>>;
  keyOwner?: ResolvedPrincipal;
  applied?: AppliedCall;
  world?: ScenarioJson;
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
    else policies.push(withRef(policy, { ...policy.ref, kind: 'sessionPolicy' }));
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

/** The caller a session acts as in one world: made once per session and world, so caches keyed by the caller hold. */
const sessionPrincipals = new WeakMap<IssuedSession, { readonly world: World; readonly principal: ResolvedPrincipal }>();
/** The session behind a principal made from one, and the ARN of its role or user when that no longer exists. */
const principalSessions = new WeakMap<ResolvedPrincipal, IssuedSession>();
const orphans = new WeakMap<ResolvedPrincipal, string>();

/**
 * The caller a session issued earlier acts as, in `world`. Sessions outlive worlds (the app
 * sends a new world on every edit): a session names its role or user by ARN and is bound
 * to the one of the current world, since "permissions assigned to temporary security
 * credentials are evaluated each time they are used to make an AWS request" (IAM User
 * Guide, "Disabling permissions for temporary security credentials").
 */
export function principalOfSession(session: IssuedSession, world: World): ResolvedPrincipal {
  const bound = sessionPrincipals.get(session);
  if (bound?.world === world) return bound.principal;
  const principal = makeSessionPrincipal(session, world);
  sessionPrincipals.set(session, { world, principal });
  principalSessions.set(principal, session);
  return principal;
}

/** The issued session a principal was made from, if any. */
export function issuedSessionOf(principal: ResolvedPrincipal): IssuedSession | undefined {
  return principalSessions.get(principal);
}

/** The ARN of the role or user behind a session principal when the current world no longer has it. */
export function deletedIssuerOf(principal: ResolvedPrincipal): string | undefined {
  return orphans.get(principal);
}

/**
 * The role or user of the current world with the same ARN; when it was deleted, the old one
 * stripped of its policies: IAM deletes a role or user only once its policies are removed
 * (DeleteRole, DeleteUser), so its sessions' credentials still authenticate but are allowed nothing.
 */
function rebind<T extends RoleEntity | UserEntity>(old: T, current: T | undefined, lost: string[]): T {
  if (current && current.arn === old.arn) return current;
  lost.push(old.arn);
  return { ...old, inline: [], managed: [], boundary: undefined, ...(old.kind === 'user' ? { groups: [] } : {}) };
}

function makeSessionPrincipal(session: IssuedSession, world: World): ResolvedPrincipal {
  let principal: ResolvedPrincipal;
  const lost: string[] = [];
  switch (session.kind) {
    case 'assumedRole': {
      const role = rebind(session.role, world.accounts.get(session.role.account.id)?.roles.get(session.role.name), lost);
      principal = resolveRoleSession(role, session.sessionName, session.state);
      break;
    }
    case 'federatedUser': {
      const issuer = session.issuer.name === 'root' && session.issuer.arn.endsWith(':root')
        ? session.issuer
        : rebind(session.issuer, world.accounts.get(session.issuer.account.id)?.users.get(session.issuer.name), lost);
      principal = resolveFederatedUser(issuer, session.name, session.state);
      break;
    }
    case 'userSession': {
      const user = session.user ? rebind(session.user, world.accounts.get(session.user.account.id)?.users.get(session.user.name), lost) : undefined;
      const base = user ? resolveUser(user) : resolveRoot(world, session.rootAccount ?? '');
      principal = { ...base, session: session.state };
      break;
    }
  }
  if (lost.length > 0) orphans.set(principal, lost[0]!);
  rememberSessionContext(principal, session);
  return principal;
}

/** Says in the trace when the caller's session outlived its role or user. */
export function traceDeletedIssuer(principal: ResolvedPrincipal, tracer: Tracer): void {
  const issuer = deletedIssuerOf(principal);
  if (issuer !== undefined && tracer.enabled) tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'info', reason: 'sessionIssuerDeleted', params: { issuer } });
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
  options: Checked,
  tracer: Tracer,
  extraContext: readonly (readonly [string, ContextValue])[],
  needsNoPermission = false,
  actionLower = request.action.toLowerCase(),
) {
  const target = resolveResourceTarget(world, request.resource, actionLower, principal);
  // Keys the caller's session carries (a federated or a service's role session) come before the request's own.
  const sessionKeys = sessionContextOf(principal);
  const extra = sessionKeys.length > 0 ? [...sessionKeys, ...extraContext] : extraContext;
  const derived = deriveContext(world, principal, target, now, request.context, extra);
  // The keys themselves travel in the result's `context`; the trace marks the step and which keys the request stated.
  if (tracer.enabled) {
    tracer.add({ parent: null, stage: 'context', kind: 'stage', outcome: 'info', reason: 'contextKey', params: { keys: derived.entries.length, stated: [...derived.given].join(',') } });
  }
  if (needsNoPermission) {
    // GetSessionToken: "No permissions are required for users to perform this operation … You cannot use policies to control authentication operations."
    tracer.add({ parent: null, stage: 'sts', kind: 'decision', outcome: 'allow', reason: 'stsCall', params: { decision: 'allowed', noPermissionRequired: true } });
    const message = `User: ${principal.facts.callerArn} is allowed to perform: ${request.action} on resource: ${request.resource} because no permissions are required to perform this operation`;
    return { result: { decision: 'allowed' as const, decidedBy: ['sts' as const], reason: 'stsCall' as const, params: {}, message }, derived, target };
  }
  const result = authorize({ world, principal, action: request.action, actionLower, target, context: derived.context, tracer, off: options.off });
  return { result, derived, target };
}

function givenPrincipal(world: World, request: RequestJson, options: RunOptions, tracer: Tracer, now: Date): ResolvedPrincipal | DecisionResult {
  const resolved = namedPrincipal(world, request, request.id ?? 'request', options.sessions, now);
  if (typeof resolved === 'string') return failure('InvalidClientTokenId', 'authn', 'principalOutsideWorld', resolved, tracer);
  tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'pass', reason: resolved.facts.kind === 'anonymous' ? 'authnAnonymous' : 'authnPrincipalGiven', params: { principal: resolved.facts.callerArn } });
  traceDeletedIssuer(resolved, tracer);
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
const NO_EXTRA: readonly (readonly [string, ContextValue])[] = [];
const NO_ENTRIES: DecisionResult['context'] = [];

export function evaluateSync(world: World, request: RequestJson, options: RunOptions = {}): DecisionResult | undefined {
  return syncPath(world, request, checked(options), undefined);
}

/** Checks the options once per request: a malformed what-if throws an error that says where. */
function checked(options: RunOptions): Checked {
  // Without a what-if the options serve as they are: no object per request on the hot path.
  return options.whatIf === undefined ? options : { ...options, off: compileWhatIf(options.whatIf) };
}

/** The caller's and the resource's accounts, as the result carries them. */
function withAccounts(result: DecisionResult, notes: Notes): DecisionResult {
  const callerAccount = notes.caller?.facts.accountId;
  const resourceAccount = notes.caller ? notes.target?.account : undefined;
  if (callerAccount === undefined && resourceAccount === undefined) return result;
  return {
    ...result,
    ...(callerAccount === undefined ? {} : { callerAccount }),
    ...(resourceAccount === undefined ? {} : { resourceAccount }),
  };
}

function syncPath(world: World, request: RequestJson, options: Checked, notes: Notes | undefined): DecisionResult | undefined {
  const actionLower = request.action.toLowerCase();
  if (request.http !== undefined || request.console !== undefined || isStsCall(actionLower) || (request.params !== undefined && (isServiceRoleRequest(request) || iamApiSpec(actionLower) !== undefined))) return undefined;
  const tracer = options.trace ? createTracer() : NO_TRACE;
  const now = options.now ?? world.now ?? new Date();
  const principal = givenPrincipal(world, request, options, tracer, now);
  if (isDecision(principal)) return principal;
  const { result, derived, target } = judge(world, principal, request, now, options, tracer, NO_EXTRA, false, actionLower);
  if (notes) {
    notes.caller = principal;
    notes.target = target;
    notes.derived = derived;
  }
  // Both accounts always set (an unknown one undefined): one object shape on the hot path.
  const callerAccount = principal.facts.accountId;
  const resourceAccount = target.account;
  if (!tracer.enabled) {
    return { decision: result.decision, decidedBy: result.decidedBy, reason: result.reason, params: result.params, message: result.message, context: NO_ENTRIES, callerAccount, resourceAccount };
  }
  return {
    decision: result.decision, decidedBy: result.decidedBy, reason: result.reason, params: result.params, message: result.message,
    context: derived.entries, trace: tracer.events(), callerAccount, resourceAccount,
  };
}

export async function runRequest(world: World, request: RequestJson, options: RunOptions = {}): Promise<DecisionResult> {
  const checkedOptions = checked(options);
  // The outcome's extras are only noted when asked for (runRequestDetailed): `npm run check` judges many requests.
  const sync = syncPath(world, request, checkedOptions, undefined);
  if (sync) return sync;
  const notes: Notes = {};
  return withAccounts(await asyncPath(world, request, checkedOptions, notes), notes);
}

/** Judges one request and says what it did besides (for its CloudTrail record). */
export async function runRequestDetailed(world: World, request: RequestJson, options: RunOptions = {}): Promise<RunOutcome> {
  const notes: Notes = {};
  const checkedOptions = checked(options);
  const result = syncPath(world, request, checkedOptions, notes) ?? withAccounts(await asyncPath(world, request, checkedOptions, notes), notes);
  const accessKeyId = notes.accessKeyId ?? (notes.caller ? issuedSessionOf(notes.caller)?.credentials.accessKeyId : undefined);
  const derived = notes.derived;
  return {
    result,
    get context() {
      return derived?.entries;
    },
    ...(notes.caller ? { caller: notes.caller } : {}),
    ...(accessKeyId === undefined ? {} : { accessKeyId }),
    ...(notes.target ? { target: notes.target } : {}),
    ...(notes.keyOwner ? { keyOwner: notes.keyOwner } : {}),
    ...(notes.issued ? { issued: notes.issued } : {}),
    ...(notes.response ? { response: notes.response } : {}),
    ...(notes.applied ? { applied: notes.applied } : {}),
    ...(notes.world ? { world: notes.world } : {}),
  };
}

/** Whose access key this is: a long-term key's user or root user, or an issued session's caller. */
function keyOwner(world: World, accessKeyId: string, sessions: SessionStore | undefined): ResolvedPrincipal | undefined {
  const longTerm = world.accessKeys.get(accessKeyId);
  if (longTerm) return longTerm.owner.kind === 'user' ? resolveUser(longTerm.owner) : resolveRoot(world, longTerm.owner.account.id);
  const session = sessions?.byAccessKey(accessKeyId);
  return session ? principalOfSession(session, world) : undefined;
}

/**
 * For a signed STS call or IAM write that names no `params`: the parameters its HTTP request
 * carries (the query string, and a form-encoded body), as AWS's Query protocol sends them.
 * An IAM write's body is taken as the call only when it names a parameter the resource does
 * not give (the signer's own body names just the resource, and such a request stays an
 * authorization question, as before the simulated IAM API).
 */
function withHttpParams(request: RequestJson, actionLower: string): RequestJson {
  if (request.http === undefined || request.params !== undefined) return request;
  const spec = iamApiSpec(actionLower);
  if (!spec && !isStsCall(actionLower)) return request;
  const parsed = parseHttpRequest(request.http);
  if (!parsed.ok) return request;
  const http = parsed.request;
  const form = /^application\/x-www-form-urlencoded\b/i.test(headerValue(http, 'content-type') ?? '') ? http.body : '';
  const params = { ...queryParams(http.query ?? ''), ...queryParams(form) };
  if (Object.keys(params).length === 0) return request;
  if (spec && !Object.keys(params).some((name) => spec.params.some((p) => p.name === name && p.fromResource === undefined))) return request;
  return { ...request, params };
}

async function asyncPath(world: World, given: RequestJson, options: Checked, notes: Notes): Promise<DecisionResult> {
  const tracer = options.trace ? createTracer() : NO_TRACE;
  const now = options.now ?? world.now ?? new Date();
  const actionLower = given.action.toLowerCase();
  const request = withHttpParams(given, actionLower);

  // ── Authentication
  let principal: ResolvedPrincipal;
  const authContext: (readonly [string, ContextValue])[] = [];
  if (request.http !== undefined) {
    const authn = await authenticate(world, request.http, request.action, now, options.sessions, tracer);
    if (authn.accessKeyId !== undefined) notes.accessKeyId = authn.accessKeyId;
    if (!authn.ok && authn.accessKeyId !== undefined) notes.keyOwner = keyOwner(world, authn.accessKeyId, options.sessions);
    if (!authn.ok) return failure(authn.errorCode, 'authn', 'authenticationFailed', authn.message, tracer, { httpStatus: authn.httpStatus });
    principal = authn.principal;
    authContext.push(...authn.context);
  } else if (request.console !== undefined) {
    // A request from an AWS Management Console session: the sign-in (password, MFA) first; a failed one reaches no policy.
    const signIn = await consoleSignIn(world, request.principal, request.console, request.action, now, tracer);
    if (!signIn.ok) {
      // The sign-in names its user: CloudTrail logs the failed ConsoleLogin under that user.
      const named = request.principal === undefined ? undefined : namedPrincipal(world, request, request.id ?? 'request', options.sessions, now);
      if (named !== undefined && typeof named !== 'string') notes.keyOwner = named;
      return failure(signIn.errorCode, 'authn', signIn.signInFailed ? 'consoleSignInFailed' : 'authenticationFailed', signIn.message, tracer, signIn.httpStatus !== undefined ? { httpStatus: signIn.httpStatus } : {});
    }
    principal = signIn.principal;
  } else if (request.principal === undefined && isUnsignedStsCall(actionLower)) {
    // AssumeRoleWithWebIdentity / AssumeRoleWithSAML "does not require the use of AWS security credentials".
    tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'pass', reason: 'authnAnonymous', params: { principal: 'anonymous' } });
    principal = ANONYMOUS;
  } else {
    const given = givenPrincipal(world, request, options, tracer, now);
    if (isDecision(given)) return given;
    principal = given;
  }

  notes.caller = principal;
  // ── STS parameter checks that come before any policy (ValidationError, AccessDenied for the root user, InvalidIdentityToken …)
  const sts = isStsCall(actionLower) ? await stsPrecheck(world, principal, request, now, tracer) : undefined;
  if (sts && !sts.ok) return failure(sts.errorCode, 'sts', 'stsRefused', sts.message, tracer);
  // AssumeRoleWithWebIdentity / AssumeRoleWithSAML: the token's identity is the caller, whatever signed the request.
  if (sts?.caller) notes.caller = principal = sts.caller;
  // A role given to a service (an EC2 instance profile, a Lambda execution role): its parameters first.
  const service = !sts && isServiceRoleRequest(request) ? serviceRolePrecheck(world, principal, request) : undefined;
  if (service && !service.ok) return failure(service.errorCode, 'sts', 'stsRefused', service.message, tracer);

  // ── Context and authorization (an IAM write's parameters give condition keys: iam:PolicyARN, aws:RequestTag/…)
  const apiSpec = request.params !== undefined ? iamApiSpec(actionLower) : undefined;
  const callContext = [...authContext, ...(sts?.context ?? []), ...(apiSpec ? apiContextKeys(apiSpec, request.params ?? {}) : [])];
  const judged = judge(world, principal, request, now, options, tracer, callContext, sts?.needsNoPermission === true);
  notes.target = judged.target;
  notes.derived = judged.derived;
  let { derived } = judged;
  let { decision, decidedBy, reason, params, message } = judged.result;

  // ── Further permissions the same call needs: sts:TagSession, sts:SetSourceIdentity (on the role), iam:PassRole.
  type Further = { readonly action: string; readonly resource: string; readonly context: readonly (readonly [string, ContextValue])[] };
  const further: Further[] = (sts?.alsoRequires ?? []).map((action) => ({ action, resource: request.resource, context: callContext }));
  if (service?.ok) further.push({ action: 'iam:PassRole', resource: service.role.arn, context: [...authContext, ...service.passRoleContext] });
  let refusedAction = request.action;
  for (const { action, resource, context } of further) {
    if (decision !== 'allowed') break;
    const more = judge(world, principal, { ...request, action, resource }, now, options, tracer, context);
    if (more.result.decision !== 'allowed') {
      // The refusal is the answer: its decision, and the context it was decided in.
      ({ decision, decidedBy, reason, params, message } = more.result);
      derived = more.derived;
      refusedAction = action;
    }
  }

  // ── A successful STS call issues its session and returns what AWS returns.
  if (sts?.ok && decision === 'allowed') {
    const issued = stsIssue(principal, request, now, sts, tracer);
    if (issued.session) {
      options.sessions?.add(request.as, issued.session);
      notes.issued = issued.session;
    }
    if (issued.response) {
      notes.response = issued.response;
      options.sessions?.recordResponse(request.id, issued.response);
      message = `${message}. ${describeResponse(sts.api, issued.response)}`;
    }
  }
  // ── The service assumes the role it was given, as its service principal.
  if (service?.ok && decision === 'allowed') {
    const handover = serviceAssumesRole(world, service, request, now, options, tracer);
    if (handover.errorCode) return failure(handover.errorCode, 'trust', 'noTrustPolicyAllows', handover.message, tracer);
    options.sessions?.recordResponse(request.id, service.response);
    notes.response = service.response;
    if (handover.session) {
      options.sessions?.add(request.as, handover.session);
      notes.issued = handover.session;
    }
    message = `${message}. ${handover.message}`;
  }
  // ── An allowed IAM write with its parameters: the simulated IAM API applies it (or refuses it with its error code).
  if (apiSpec && options.api && decision === 'allowed') {
    const call = applyApiCall({
      scenario: options.api.scenario, world, request, spec: apiSpec, caller: principal, now,
      ...(options.api.managed ? { managed: options.api.managed } : {}),
    });
    if (!call.ok) return failure(call.code, 'api', 'apiRefused', call.message, tracer, { code: call.code });
    notes.applied = call.applied;
    notes.world = call.world;
    if (tracer.enabled) tracer.add({ parent: null, stage: 'api', kind: 'step', outcome: 'pass', reason: 'apiApplied', params: { action: call.applied.action, summary: call.applied.summary.code } });
    message = `${message}. ${call.message}`;
  }
  // ── A refused AssumeRoleWithWebIdentity / AssumeRoleWithSAML: AWS's words, about the trust policy (there is no caller policy).
  if (sts?.federation && decision !== 'allowed') {
    const why = decision === 'explicitDeny'
      ? `an explicit deny in ${decidedBy.includes('rcp') ? 'a resource control policy' : 'the role\'s trust policy'}`
      : `the trust policy of ${request.resource} does not allow ${refusedAction === request.action ? '' : `${refusedAction} for `}the identity provider \`${sts.federation.provider}\` with this ${sts.federation.kind === 'saml' ? 'assertion' : 'token'}`;
    message = `Not authorized to perform sts:${sts.api} (${why})`;
  }
  return { decision, decidedBy, reason, params, message, context: tracer.enabled ? derived.entries : [], ...(tracer.enabled ? { trace: tracer.events() } : {}) };
}

/**
 * EC2 or Lambda assumes the role it was given, as `ec2.amazonaws.com` / `lambda.amazonaws.com`:
 * the role's trust policy must allow that service principal. The role session is named
 * after the instance id or the function name.
 */
function serviceAssumesRole(
  world: World, plan: ServiceRolePlan, request: RequestJson, now: Date, options: Checked, tracer: Tracer,
): { errorCode?: string; message: string; session?: IssuedSession } {
  const trust = judge(world, resolveService(plan.service), { principal: plan.service, action: 'sts:AssumeRole', resource: plan.role.arn }, now, options, tracer, []).result;
  if (trust.decision !== 'allowed') {
    // Lambda checks when the function is created; EC2 launches the instance, which then gets no credentials.
    if (plan.service === 'lambda.amazonaws.com') return { errorCode: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.' };
    return { message: `The trust policy of ${plan.role.arn} does not allow ${plan.service} to assume it: instance ${plan.sessionName} runs without credentials` };
  }
  const credentials = credentialsFor(`${request.id ?? ''}|${plan.resourceArn}|${now.getTime()}`, now, 3600);
  const session: IssuedSession = {
    kind: 'assumedRole', role: plan.role, sessionName: plan.sessionName, credentials, context: plan.sessionContext, response: plan.response,
    state: { policies: undefined, tags: new Map(), sourceIdentity: undefined, mfa: false, issuedAt: now, expiresAt: credentials.expiration, chained: false },
  };
  const sessionArn = `arn:aws:sts::${plan.role.account.id}:assumed-role/${plan.role.name}/${plan.sessionName}`;
  if (tracer.enabled) tracer.add({ parent: null, stage: 'sts', kind: 'step', outcome: 'pass', reason: 'stsSessionIssued', params: { principal: sessionArn, accessKeyId: credentials.accessKeyId, service: plan.service } });
  return { message: `${plan.service} assumed ${plan.role.arn} as ${sessionArn}`, session };
}
