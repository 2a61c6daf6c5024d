/**
 * AWS STS: the checks of each call that come before the policy decision (ValidationError,
 * AccessDenied for the root user or a bad MFA code, InvalidIdentityToken …), the further
 * permissions a call needs (sts:TagSession, sts:SetSourceIdentity), and issuing the
 * session after it. Rules from the AWS STS API Reference (AssumeRole,
 * AssumeRoleWithWebIdentity, AssumeRoleWithSAML, GetSessionToken, GetFederationToken,
 * GetCallerIdentity) and the IAM User Guide ("Request temporary security credentials",
 * "Roles terms and concepts" (role chaining), "Pass session tags in AWS STS", "Session
 * policies", "Monitor and control actions taken with assumed roles" (source identity),
 * "Configure MFA-protected API access").
 */
import type { ContextValue } from '../context/types';
import { compilePolicy, type CompiledPolicy } from '../evaluate/compiledPolicy';
import type { ResolvedPrincipal, SessionState } from '../evaluate/principal';
import type { Tracer } from '../evaluate/tracer';
import { uniqueIdFor } from '../model/ids';
import type { AccountEntity, RoleEntity, UserEntity, World } from '../model/world';
import type { RequestJson } from '../scenario/types';
import type { IssuedSession, TemporaryCredentials } from '../pipeline/sessions';
import { verifyTotpCode } from '../authn/totp';
import { readSaml, readWebIdentity, type Federation } from './federation';
import {
  checkDurationRange, checkExternalId, checkSerialNumber, checkSessionName, checkSourceIdentity, checkTokenCode, durationParam, isParamError,
  stringListParam, stringParam, tagsParam, type ParamError, type StsParams,
} from './params';
import { assumedRoleUser, callerIdentity, credentialsElement, isoSeconds, type StsResponse } from './response';
import { sessionPolicies } from './sessionPolicies';

export { SESSION_POLICY_MAX_ARNS, SESSION_POLICY_MAX_CHARS } from './sessionPolicies';

export type StsCallName = 'assumeRole' | 'assumeRoleWithWebIdentity' | 'assumeRoleWithSAML' | 'getSessionToken' | 'getFederationToken' | 'getCallerIdentity';

const CALLS: Readonly<Record<string, { readonly call: StsCallName; readonly api: string }>> = {
  'sts:assumerole': { call: 'assumeRole', api: 'AssumeRole' },
  'sts:assumerolewithwebidentity': { call: 'assumeRoleWithWebIdentity', api: 'AssumeRoleWithWebIdentity' },
  'sts:assumerolewithsaml': { call: 'assumeRoleWithSAML', api: 'AssumeRoleWithSAML' },
  'sts:getsessiontoken': { call: 'getSessionToken', api: 'GetSessionToken' },
  'sts:getfederationtoken': { call: 'getFederationToken', api: 'GetFederationToken' },
  'sts:getcalleridentity': { call: 'getCallerIdentity', api: 'GetCallerIdentity' },
};

/** Whether the action is an STS call the pipeline checks and answers as STS does. */
export function isStsCall(actionLower: string): boolean {
  return Object.prototype.hasOwnProperty.call(CALLS, actionLower);
}

/** AssumeRoleWithWebIdentity and AssumeRoleWithSAML: unsigned by design, the token authenticates. */
export function isUnsignedStsCall(actionLower: string): boolean {
  return actionLower === 'sts:assumerolewithwebidentity' || actionLower === 'sts:assumerolewithsaml';
}

export interface StsPlan {
  readonly ok: true;
  readonly call: StsCallName;
  /** The API's name, e.g. `AssumeRole`. */
  readonly api: string;
  /** Context keys the call sets (sts:ExternalId, aws:RequestTag/…, aws:MultiFactorAuthPresent, provider keys …). */
  readonly context: readonly (readonly [string, ContextValue])[];
  readonly durationSeconds: number;
  readonly sessionName: string;
  readonly sessionPolicies: readonly CompiledPolicy[] | undefined;
  /** PackedPolicySize, when the call passed session policies or tags. */
  readonly packedPolicySize: number | undefined;
  /** The session tags of the call (inherited transitive tags are added when the session is issued). */
  readonly tags: ReadonlyMap<string, string>;
  readonly transitiveTagKeys: readonly string[];
  /** The source identity of the new session: passed now, or kept from the calling session. */
  readonly sourceIdentity: string | undefined;
  readonly mfa: boolean;
  /** When MFA was used: now for a code passed with this call, earlier for MFA inherited from the calling session. */
  readonly mfaTime: Date | undefined;
  readonly role: RoleEntity | undefined;
  /** AssumeRoleWithWebIdentity / AssumeRoleWithSAML: the token's identity, the caller that policies see. */
  readonly caller: ResolvedPrincipal | undefined;
  readonly federation: Federation | undefined;
  /** "No permissions are required" (GetSessionToken): no policy is evaluated. */
  readonly needsNoPermission: boolean;
  /** Further actions the same call must be allowed, on the same resource (sts:TagSession, sts:SetSourceIdentity). */
  readonly alsoRequires: readonly string[];
}

export type StsCheck = StsPlan | (ParamError & { readonly ok: false });

function refuse(error: ParamError): StsCheck {
  return { ok: false, ...error };
}

function roleOf(world: World, arn: string): RoleEntity | undefined {
  const m = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  const role = m ? world.accounts.get(m[1]!)?.roles.get(m[2]!) : undefined;
  return role && role.arn === arn ? role : undefined;
}

const NO_TAGS: ReadonlyMap<string, string> = new Map();

function basePlan(call: StsCallName): Omit<StsPlan, 'context' | 'durationSeconds'> {
  return {
    ok: true, call, api: Object.values(CALLS).find((c) => c.call === call)!.api,
    sessionName: '', sessionPolicies: undefined, packedPolicySize: undefined, tags: NO_TAGS, transitiveTagKeys: [], sourceIdentity: undefined,
    mfa: false, mfaTime: undefined, role: undefined, caller: undefined, federation: undefined, needsNoPermission: false, alsoRequires: [],
  };
}

/**
 * SerialNumber and TokenCode: the device must be the caller's own, and the code right for
 * `now` ("An incorrect MFA code causes the API to return an access denied error").
 * `false` when the call passes no MFA information.
 */
async function checkMfa(principal: ResolvedPrincipal, params: StsParams, now: Date): Promise<boolean | ParamError> {
  const serial = stringParam(params, 'SerialNumber');
  const code = stringParam(params, 'TokenCode');
  if (serial === undefined && code === undefined) return false;
  if (serial === undefined || code === undefined) {
    return { errorCode: 'AccessDenied', message: 'MultiFactorAuthentication failed: SerialNumber and TokenCode must be passed together.' };
  }
  const format = checkSerialNumber(serial) ?? checkTokenCode(code);
  if (format) return format;
  const entity = principal.entity;
  const devices = entity.kind === 'user' ? entity.user.mfaDevices : entity.kind === 'root' ? entity.account?.root.mfaDevices ?? [] : [];
  const device = devices.find((d) => d.serial === serial);
  if (!device) {
    return { errorCode: 'AccessDenied', message: 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.' };
  }
  return (await verifyTotpCode(device.seed, code, now)) ? true : { errorCode: 'AccessDenied', message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.' };
}

function tagContext(context: [string, ContextValue][], tags: ReadonlyMap<string, string>, transitive: readonly string[]): void {
  for (const [k, v] of tags) context.push([`aws:RequestTag/${k}`, v]);
  if (tags.size > 0) context.push(['aws:TagKeys', [...tags.keys()]]);
  if (transitive.length > 0) context.push(['sts:TransitiveTagKeys', [...transitive]]);
}

/** The transitive session tags a calling role session passes on ("Chaining roles with session tags"). */
function inheritedTransitiveTags(principal: ResolvedPrincipal): Map<string, string> {
  const out = new Map<string, string>();
  const session = principal.session;
  for (const key of session?.transitiveTagKeys ?? []) {
    const value = session?.tags.get(key);
    if (value !== undefined) out.set(key, value);
  }
  return out;
}

export async function stsPrecheck(world: World, principal: ResolvedPrincipal, request: RequestJson, now: Date, tracer: Tracer): Promise<StsCheck> {
  const action = request.action.toLowerCase();
  const { call, api } = CALLS[action]!;
  const params: StsParams = request.params ?? {};
  const step = (reason: 'stsCall' | 'stsValidation', outcome: 'pass' | 'fail', p: Record<string, string | number | boolean>) => {
    if (tracer.enabled) tracer.add({ parent: null, stage: 'sts', kind: 'step', outcome, reason, params: { call: api, ...p } });
  };
  const failed = (check: string, error: ParamError): StsCheck => {
    step('stsValidation', 'fail', { check, error: error.errorCode });
    return refuse(error);
  };

  if (call === 'assumeRoleWithWebIdentity' || call === 'assumeRoleWithSAML') return federationPlan(world, call, request, params, now, step, failed);
  const entity = principal.entity;
  // Only AssumeRoleWithWebIdentity and AssumeRoleWithSAML take unsigned requests.
  if (entity.kind === 'anonymous') return failed('signatureRequired', { errorCode: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token' });
  if (call === 'getCallerIdentity') {
    step('stsCall', 'pass', {});
    return { ...basePlan(call), context: [], durationSeconds: 0 };
  }

  // "You cannot call any STS operations except GetCallerIdentity" with GetFederationToken credentials.
  if (entity.kind === 'federatedUser') return failed('federatedUserCannotCallSts', { errorCode: 'AccessDenied', message: `Cannot call ${api} with federated user credentials: a GetFederationToken session can call no STS operation except GetCallerIdentity.` });
  if (call === 'assumeRole') return assumeRolePlan(world, principal, request, params, now, step, failed);

  // GetSessionToken and GetFederationToken "must be called by using the long-term AWS security credentials".
  if (entity.kind !== 'user' && entity.kind !== 'root') return failed('sessionCredentials', { errorCode: 'AccessDenied', message: `Cannot call ${api} with session credentials` });
  if (principal.session) return failed('sessionCredentials', { errorCode: 'AccessDenied', message: `Cannot call ${api} with session credentials` });
  const isRoot = entity.kind === 'root';
  if (isRoot && !entity.account) {
    return failed('rootOutsideWorld', { errorCode: 'InvalidClientTokenId', message: `Account ${entity.accountId} is not in this world.` });
  }
  const requested = durationParam(params, 43200);
  if (isParamError(requested)) return failed('durationSeconds', requested);
  const range = checkDurationRange(requested, 129600);
  if (range) return failed('durationSeconds', range);
  // "Sessions for AWS account owners are restricted to a maximum of 3,600 seconds … If the duration is longer than one hour, the session … defaults to one hour."
  const durationSeconds = isRoot ? Math.min(requested, 3600) : requested;

  if (call === 'getSessionToken') {
    const mfa = await checkMfa(principal, params, now);
    if (isParamError(mfa)) return failed('mfa', mfa);
    step('stsCall', 'pass', { durationSeconds, mfa });
    return { ...basePlan(call), context: [], durationSeconds, mfa, mfaTime: mfa ? now : undefined, needsNoPermission: true };
  }

  const name = stringParam(params, 'Name') ?? (request.params === undefined ? 'federated' : undefined);
  const nameError = checkSessionName(name, 'Name');
  if (nameError) return failed('name', nameError);
  const tags = tagsParam(params);
  if (isParamError(tags)) return failed('tags', tags);
  const policies = sessionPolicies(world, params, request.id ?? 'request', tags);
  if (isParamError(policies)) return failed('sessionPolicies', policies);
  const context: [string, ContextValue][] = [];
  tagContext(context, tags, []);
  step('stsCall', 'pass', { durationSeconds, name: name! });
  return {
    ...basePlan(call), context, durationSeconds, sessionName: name!, sessionPolicies: policies.policies, packedPolicySize: policies.packedPolicySize, tags,
  };
}

type Step = (reason: 'stsCall' | 'stsValidation', outcome: 'pass' | 'fail', p: Record<string, string | number | boolean>) => void;
type Failed = (check: string, error: ParamError) => StsCheck;

async function assumeRolePlan(world: World, principal: ResolvedPrincipal, request: RequestJson, params: StsParams, now: Date, step: Step, failed: Failed): Promise<StsCheck> {
  const entity = principal.entity;
  // "You cannot use AWS account root user credentials to call AssumeRole."
  if (entity.kind === 'root') return failed('rootCannotAssumeRole', { errorCode: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
  const role = roleOf(world, request.resource);
  const chained = entity.kind === 'assumedRole';
  const sessionName = stringParam(params, 'RoleSessionName') ?? (request.params === undefined ? 'session' : undefined);
  const externalId = stringParam(params, 'ExternalId');
  const sourceIdentity = stringParam(params, 'SourceIdentity');
  const nameError = checkSessionName(sessionName, 'RoleSessionName') ?? checkExternalId(externalId) ?? checkSourceIdentity(sourceIdentity);
  if (nameError) return failed('parameters', nameError);

  const duration = durationParam(params, 3600);
  if (isParamError(duration)) return failed('durationSeconds', duration);
  const range = checkDurationRange(duration, 43200);
  if (range) return failed('durationSeconds', range);
  // "if you assume a role using role chaining and provide a DurationSeconds parameter value greater than one hour, the operation fails."
  if (chained && duration > 3600) {
    return failed('roleChainingLimit', { errorCode: 'ValidationError', message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
  }
  const max = role?.maxSessionDuration ?? 3600;
  if (duration > max) return failed('maxSessionDuration', { errorCode: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });

  const mfa = await checkMfa(principal, params, now);
  if (isParamError(mfa)) return failed('mfa', mfa);

  const tags = tagsParam(params);
  if (isParamError(tags)) return failed('tags', tags);
  const transitive = stringListParam(params, 'TransitiveTagKeys');
  // "If you pass a session tag with the same key as an inherited tag, the operation fails."
  const inherited = inheritedTransitiveTags(principal);
  const inheritedLower = new Set([...inherited.keys()].map((k) => k.toLowerCase()));
  const clash = [...tags.keys()].find((k) => inheritedLower.has(k.toLowerCase()));
  if (clash !== undefined) {
    return failed('inheritedTransitiveTag', { errorCode: 'InvalidParameterValue', message: `The session tag \`${clash}\` has the key of a transitive tag the calling session passes on; it cannot be set again in a role chain.` });
  }
  const policies = sessionPolicies(world, params, request.id ?? 'request', tags);
  if (isParamError(policies)) return failed('sessionPolicies', policies);

  // "The value that is set cannot be changed during the role session" — it persists through role chaining.
  const inheritedSource = principal.session?.sourceIdentity;
  if (inheritedSource !== undefined && sourceIdentity !== undefined && inheritedSource !== sourceIdentity) {
    return failed('sourceIdentity', { errorCode: 'AccessDenied', message: `The source identity of a session cannot be changed: the calling session's is \`${inheritedSource}\`.` });
  }
  const source = sourceIdentity ?? inheritedSource;

  const context: [string, ContextValue][] = [];
  if (externalId !== undefined) context.push(['sts:ExternalId', externalId]);
  context.push(['sts:RoleSessionName', sessionName!]);
  if (source !== undefined) context.push(['sts:SourceIdentity', source]);
  tagContext(context, tags, transitive);
  if (mfa) context.push(['aws:MultiFactorAuthPresent', 'true'], ['aws:MultiFactorAuthAge', '0']);
  const sessionMfa = principal.session?.mfa === true;
  step('stsCall', 'pass', { durationSeconds: duration, sessionName: sessionName!, chained, mfa: mfa || sessionMfa });
  return {
    ...basePlan('assumeRole'), context, durationSeconds: duration, sessionName: sessionName!,
    sessionPolicies: policies.policies, packedPolicySize: policies.packedPolicySize, tags, transitiveTagKeys: transitive,
    sourceIdentity: source, mfa: mfa || sessionMfa, mfaTime: mfa ? now : sessionMfa ? principal.session?.mfaTime : undefined, role,
    // Session tags (passed, or transitive ones the calling session passes on) need sts:TagSession; a source identity
    // (set now, or kept through role chaining) needs sts:SetSourceIdentity — in the trust policy and the caller's policies.
    alsoRequires: [
      ...(tags.size > 0 || transitive.length > 0 || inherited.size > 0 ? ['sts:TagSession'] : []),
      ...(source !== undefined ? ['sts:SetSourceIdentity'] : []),
    ],
  };
}

async function federationPlan(
  world: World, call: 'assumeRoleWithWebIdentity' | 'assumeRoleWithSAML', request: RequestJson, params: StsParams, now: Date, step: Step, failed: Failed,
): Promise<StsCheck> {
  const roleArn = request.resource;
  const roleArnParam = stringParam(params, 'RoleArn');
  if (roleArnParam !== undefined && roleArnParam !== roleArn) {
    return failed('roleArn', { errorCode: 'ValidationError', message: `The RoleArn parameter \`${roleArnParam}\` is not the request's resource \`${roleArn}\`.` });
  }
  let federation: Federation | ParamError;
  if (call === 'assumeRoleWithWebIdentity') {
    const sessionName = stringParam(params, 'RoleSessionName');
    const nameError = checkSessionName(sessionName, 'RoleSessionName');
    if (nameError) return failed('parameters', nameError);
    federation = readWebIdentity(world, roleArn, params, sessionName!, now);
  } else {
    federation = await readSaml(world, roleArn, params, now);
  }
  if (isParamError(federation)) return failed(call === 'assumeRoleWithSAML' ? 'samlAssertion' : 'webIdentityToken', federation);
  const sourceError = checkSourceIdentity(federation.sourceIdentity);
  if (sourceError) return failed('sourceIdentity', sourceError);

  const role = roleOf(world, roleArn);
  const requested = durationParam(params, 3600);
  if (isParamError(requested)) return failed('durationSeconds', requested);
  const range = checkDurationRange(requested, 43200);
  if (range) return failed('durationSeconds', range);
  if (requested > (role?.maxSessionDuration ?? 3600)) {
    return failed('maxSessionDuration', { errorCode: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
  }
  // SAML: "Your role session lasts for the duration that you specify …, or until the time specified in the SAML
  // authentication response's SessionNotOnOrAfter value, whichever is shorter."
  const untilNotAfter = federation.notAfter ? Math.floor((federation.notAfter.getTime() - now.getTime()) / 1000) : Infinity;
  const durationSeconds = Math.max(0, Math.min(requested, untilNotAfter));

  const policies = sessionPolicies(world, params, request.id ?? 'request', federation.tags);
  if (isParamError(policies)) return failed('sessionPolicies', policies);
  step('stsCall', 'pass', { durationSeconds, sessionName: federation.sessionName, provider: federation.provider });
  return {
    ...basePlan(call), context: federation.context, durationSeconds, sessionName: federation.sessionName,
    sessionPolicies: policies.policies, packedPolicySize: policies.packedPolicySize, tags: federation.tags, transitiveTagKeys: federation.transitiveTagKeys,
    sourceIdentity: federation.sourceIdentity, role, caller: federation.caller, federation,
    // "An administrator must grant you the permissions necessary to pass session tags": sts:TagSession in the trust policy.
    alsoRequires: [
      ...(federation.tags.size > 0 || federation.transitiveTagKeys.length > 0 ? ['sts:TagSession'] : []),
      ...(federation.sourceIdentity !== undefined ? ['sts:SetSourceIdentity'] : []),
    ],
  };
}

/** Credentials derived from the request and the time: reproducible, and never real. */
export function credentialsFor(seed: string, now: Date, seconds: number): TemporaryCredentials {
  const accessKeyId = uniqueIdFor('ASIA', seed).slice(0, 20);
  const secret = [0, 1, 2].map((i) => uniqueIdFor('AKIA', `${seed}#secret${i}`).slice(4)).join('').slice(0, 40);
  return {
    accessKeyId,
    secretAccessKey: secret,
    sessionToken: `IQoJb3JpZ2luX2VjE${uniqueIdFor('AKIA', `${seed}#token`).slice(4)}${accessKeyId}`,
    expiration: new Date(now.getTime() + seconds * 1000),
  };
}

/** Tags merged as IAM merges them: keys are case-insensitive, the later value wins. */
function mergeTags(...layers: ReadonlyMap<string, string>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const layer of layers) {
    for (const [k, v] of layer) {
      for (const existing of out.keys()) if (existing.toLowerCase() === k.toLowerCase()) out.delete(existing);
      out.set(k, v);
    }
  }
  return out;
}

const rootIssuers = new WeakMap<AccountEntity, UserEntity>();

/**
 * The root user as the issuer of a federated user session ("Although it is possible to
 * call GetFederationToken using the security credentials of an AWS account root user …"):
 * the root user has every permission in its account, so the session's permissions are its
 * session policies'.
 */
function rootIssuer(account: AccountEntity): UserEntity {
  let issuer = rootIssuers.get(account);
  if (!issuer) {
    const everything = compilePolicy(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      'identity',
      { id: `acct:${account.id}/root`, kind: 'inline', name: 'root user (all permissions)', attachedTo: account.root.arn },
    );
    issuer = {
      kind: 'user', account, name: 'root', path: '/', arn: account.root.arn, uniqueId: account.id, groups: [], managed: [], inline: [everything],
      boundary: undefined, tags: new Map(), accessKeys: [], mfa: false, mfaDevices: [], password: undefined,
    };
    rootIssuers.set(account, issuer);
  }
  return issuer;
}

/** Issues the session of a successful call, with the response AWS returns; `undefined` for a call that issues none. */
export function stsIssue(principal: ResolvedPrincipal, request: RequestJson, now: Date, plan: StsPlan, tracer: Tracer): { session: IssuedSession | undefined; response: StsResponse | undefined } {
  if (plan.call === 'getCallerIdentity') return { session: undefined, response: callerIdentity(principal) };
  const seed = `${request.id ?? ''}|${principal.facts.callerArn}|${request.resource}|${now.getTime()}`;
  const credentials = credentialsFor(seed, now, plan.durationSeconds);
  const entity = principal.entity;
  const federated = plan.federation !== undefined;
  // Transitive session tags of the calling session carry over through role chaining.
  const inherited = federated ? new Map<string, string>() : inheritedTransitiveTags(principal);
  const issuerTags = plan.call === 'getFederationToken' && entity.kind === 'user' ? entity.user.tags : NO_TAGS;
  const state: SessionState = {
    policies: plan.sessionPolicies,
    // A federated user's session tags override the IAM user's tags of the same key.
    tags: mergeTags(issuerTags, inherited, plan.tags),
    transitiveTagKeys: [...new Set([...inherited.keys(), ...plan.transitiveTagKeys])],
    sourceIdentity: plan.sourceIdentity,
    mfa: plan.mfa,
    ...(plan.mfa ? { mfaTime: plan.mfaTime ?? now } : {}),
    issuedAt: now,
    expiresAt: credentials.expiration,
    chained: entity.kind === 'assumedRole',
  };
  const elements: Record<string, unknown> = { Credentials: credentialsElement(credentials) };
  let session: IssuedSession;
  if ((plan.call === 'assumeRole' || federated) && plan.role) {
    Object.assign(elements, { AssumedRoleUser: assumedRoleUser(plan.role, plan.sessionName) }, plan.federation?.response ?? {});
    session = {
      kind: 'assumedRole', role: plan.role, sessionName: plan.sessionName, state, credentials,
      ...(plan.federation ? { context: plan.federation.sessionContext } : {}),
    };
  } else if (plan.call === 'getFederationToken') {
    // INVARIANT: stsPrecheck refused GetFederationToken for a root user whose account is not in the world.
    const issuer = entity.kind === 'user' ? entity.user : rootIssuer((entity as { account: AccountEntity }).account);
    const accountId = issuer.account.id;
    elements['FederatedUser'] = { Arn: `arn:aws:sts::${accountId}:federated-user/${plan.sessionName}`, FederatedUserId: `${accountId}:${plan.sessionName}` };
    session = { kind: 'federatedUser', issuer, name: plan.sessionName, state, credentials };
  } else {
    session = {
      kind: 'userSession', user: entity.kind === 'user' ? entity.user : undefined,
      rootAccount: entity.kind === 'root' ? entity.accountId : undefined, state, credentials,
    };
  }
  if (plan.packedPolicySize !== undefined) elements['PackedPolicySize'] = plan.packedPolicySize;
  if (plan.sourceIdentity !== undefined && plan.call !== 'getFederationToken') elements['SourceIdentity'] = plan.sourceIdentity;
  const response: StsResponse = elements;
  if (tracer.enabled) {
    tracer.add({ parent: null, stage: 'sts', kind: 'step', outcome: 'pass', reason: 'stsSessionIssued', params: { call: plan.api, accessKeyId: credentials.accessKeyId, expiration: isoSeconds(credentials.expiration) } });
  }
  return { session: { ...session, response }, response };
}

export type { UserEntity };
