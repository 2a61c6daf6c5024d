/**
 * AWS STS: the checks of AssumeRole, GetSessionToken and GetFederationToken that come
 * before (ValidationError, AccessDenied for the root user or a bad MFA code) and after
 * (issuing the session) the policy decision. Rules from the AWS STS API Reference and the
 * IAM User Guide ("Request temporary security credentials", "Role chaining",
 * "Passing session tags in AWS STS", "Session policies").
 */
import type { ContextValue } from '../context/types';
import { compilePolicy, type CompiledPolicy } from '../evaluate/compiledPolicy';
import type { ResolvedPrincipal, SessionState } from '../evaluate/principal';
import type { Tracer } from '../evaluate/tracer';
import { uniqueIdFor } from '../model/ids';
import type { RoleEntity, UserEntity, World } from '../model/world';
import type { RequestJson } from '../scenario/types';
import type { IssuedSession, TemporaryCredentials } from '../pipeline/sessions';
import { verifyTotpCode } from '../authn/totp';
import {
  checkExternalId, checkSessionName, checkSourceIdentity, durationParam, isParamError, stringListParam, stringParam, tagsParam,
  type ParamError, type StsParams,
} from './params';

const ISSUING_CALLS = new Set(['sts:assumerole', 'sts:getsessiontoken', 'sts:getfederationtoken']);

/** Session policies may be at most 2,048 characters of plain text, and at most ten managed policy ARNs. */
export const SESSION_POLICY_MAX_CHARS = 2048;
export const SESSION_POLICY_MAX_ARNS = 10;

export function isStsCall(actionLower: string): boolean {
  return ISSUING_CALLS.has(actionLower);
}

export interface StsPlan {
  readonly ok: true;
  readonly call: 'assumeRole' | 'getSessionToken' | 'getFederationToken';
  /** Context keys the call sets (sts:ExternalId, aws:RequestTag/…, aws:MultiFactorAuthPresent …). */
  readonly context: readonly (readonly [string, ContextValue])[];
  readonly durationSeconds: number;
  readonly sessionName: string;
  readonly sessionPolicies: readonly CompiledPolicy[] | undefined;
  readonly packedPolicySize: number;
  readonly tags: ReadonlyMap<string, string>;
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | undefined;
  readonly mfa: boolean;
  readonly role: RoleEntity | undefined;
  describe(session: IssuedSession): string;
}

export type StsCheck = StsPlan | (ParamError & { readonly ok: false });

function refuse(error: ParamError): StsCheck {
  return { ok: false, ...error };
}

function accessDenied(message: string): StsCheck {
  return { ok: false, errorCode: 'AccessDenied', message };
}

function roleOf(world: World, arn: string): RoleEntity | undefined {
  const m = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  const role = m ? world.accounts.get(m[1]!)?.roles.get(m[2]!) : undefined;
  return role && role.arn === arn ? role : undefined;
}

/** The MFA device the caller names must be its own, and the code right for `now`. */
async function checkMfa(principal: ResolvedPrincipal, params: StsParams, now: Date): Promise<boolean | ParamError> {
  const serial = stringParam(params, 'SerialNumber');
  const code = stringParam(params, 'TokenCode');
  if (serial === undefined && code === undefined) return false;
  if (serial === undefined || code === undefined) {
    return { errorCode: 'ValidationError', message: 'SerialNumber and TokenCode must be given together.' };
  }
  if (!/^\d{6}$/.test(code)) {
    return { errorCode: 'ValidationError', message: `1 validation error detected: Value '${code}' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*` };
  }
  const entity = principal.entity;
  const devices = entity.kind === 'user' ? entity.user.mfaDevices : entity.kind === 'root' ? entity.account?.root.mfaDevices ?? [] : [];
  const device = devices.find((d) => d.serial === serial);
  const invalid = { errorCode: 'AccessDenied', message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.' };
  if (!device) return invalid;
  return (await verifyTotpCode(device.seed, code, now)) ? true : invalid;
}

function sessionPolicies(world: World, params: StsParams, requestId: string): { policies: CompiledPolicy[] | undefined; packed: number } | ParamError {
  const inline = params['Policy'];
  const arns = stringListParam(params, 'PolicyArns');
  if (inline === undefined && arns.length === 0) return { policies: undefined, packed: 0 };
  const policies: CompiledPolicy[] = [];
  let plainText = 0;
  if (inline !== undefined) {
    const text = typeof inline === 'string' ? inline : JSON.stringify(inline);
    plainText = text.replace(/\s+/g, '').length;
    if (plainText > SESSION_POLICY_MAX_CHARS) {
      return { errorCode: 'PackedPolicyTooLarge', message: `Packed size of session policies exceeds 100% of the limit: the inline session policy has ${plainText} characters, and at most ${SESSION_POLICY_MAX_CHARS} are allowed.` };
    }
    const policy = compilePolicy(inline, 'session', { id: `request:${requestId}/session`, kind: 'sessionPolicy', name: 'session policy' });
    if (policy.errors.length > 0) return { errorCode: 'MalformedPolicyDocument', message: policy.errors.join(' ') };
    policies.push(policy);
  }
  if (arns.length > SESSION_POLICY_MAX_ARNS) return { errorCode: 'ValidationError', message: `At most ${SESSION_POLICY_MAX_ARNS} managed session policies may be passed.` };
  for (const arn of arns) {
    const policy = world.managedPolicy(arn);
    if (!policy) return { errorCode: 'NoSuchEntity', message: `Policy ${arn} does not exist or is not attachable.` };
    policies.push({ ...policy, ref: { ...policy.ref, kind: 'sessionPolicy' } });
  }
  // AWS reports the packed size as a percentage of the limit; inline text and ARNs both count.
  const packed = Math.ceil(((plainText + arns.join('').length) / SESSION_POLICY_MAX_CHARS) * 100);
  return { policies, packed };
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function stsPrecheck(world: World, principal: ResolvedPrincipal, request: RequestJson, now: Date, tracer: Tracer): Promise<StsCheck | undefined> {
  const action = request.action.toLowerCase();
  const params: StsParams = request.params ?? {};
  const hasParams = request.params !== undefined;
  const context: [string, ContextValue][] = [];
  const entity = principal.entity;
  const step = (reason: 'stsCall' | 'stsValidation', outcome: 'pass' | 'fail', p: Record<string, string | number | boolean>) =>
    tracer.add({ parent: null, stage: 'sts', kind: 'step', outcome, reason, params: p });

  const mfa = await checkMfa(principal, params, now);
  if (isParamError(mfa)) {
    step('stsValidation', 'fail', { check: 'mfa', error: mfa.errorCode });
    return refuse(mfa);
  }
  const sessionMfa = principal.session?.mfa === true;
  if (mfa) context.push(['aws:MultiFactorAuthPresent', 'true'], ['aws:MultiFactorAuthAge', '0']);
  const policies = sessionPolicies(world, params, request.id ?? 'request');
  if (isParamError(policies)) return refuse(policies);
  const tags = tagsParam(params);
  if (isParamError(tags)) return refuse(tags);
  const transitive = stringListParam(params, 'TransitiveTagKeys');

  if (action === 'sts:assumerole') {
    if (entity.kind === 'root') {
      step('stsValidation', 'fail', { check: 'rootCannotAssumeRole' });
      return accessDenied('Roles may not be assumed by root accounts.');
    }
    const role = roleOf(world, request.resource);
    const chained = entity.kind === 'assumedRole';
    const sessionName = stringParam(params, 'RoleSessionName') ?? (hasParams ? undefined : 'session');
    const nameError = checkSessionName(sessionName, 'RoleSessionName') ?? checkExternalId(stringParam(params, 'ExternalId')) ?? checkSourceIdentity(stringParam(params, 'SourceIdentity'));
    if (nameError) {
      step('stsValidation', 'fail', { check: 'parameters' });
      return refuse(nameError);
    }
    const duration = durationParam(params, 3600);
    if (isParamError(duration)) return refuse(duration);
    const max = role?.maxSessionDuration ?? 3600;
    if (duration < 900) return refuse({ errorCode: 'ValidationError', message: `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900` });
    if (chained && duration > 3600) {
      step('stsValidation', 'fail', { check: 'roleChainingLimit', durationSeconds: duration });
      return refuse({ errorCode: 'ValidationError', message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
    }
    if (duration > max) {
      step('stsValidation', 'fail', { check: 'maxSessionDuration', durationSeconds: duration, maxSessionDuration: max });
      return refuse({ errorCode: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    }
    const externalId = stringParam(params, 'ExternalId');
    if (externalId !== undefined) context.push(['sts:ExternalId', externalId]);
    context.push(['sts:RoleSessionName', sessionName!]);
    const sourceIdentity = stringParam(params, 'SourceIdentity');
    const inherited = principal.session?.sourceIdentity;
    if (inherited && sourceIdentity && inherited !== sourceIdentity) {
      return refuse({ errorCode: 'AccessDenied', message: 'The source identity of a session cannot be changed: role chaining keeps the first SourceIdentity.' });
    }
    if (sourceIdentity ?? inherited) context.push(['sts:SourceIdentity', (sourceIdentity ?? inherited)!]);
    for (const [k, v] of tags) context.push([`aws:RequestTag/${k}`, v]);
    if (tags.size > 0) context.push(['aws:TagKeys', [...tags.keys()]]);
    if (transitive.length > 0) context.push(['sts:TransitiveTagKeys', transitive]);
    if (sessionMfa && !mfa) context.push(['aws:MultiFactorAuthPresent', 'true']);
    step('stsCall', 'pass', { call: 'AssumeRole', durationSeconds: duration, sessionName: sessionName! });
    return {
      ok: true, call: 'assumeRole', context, durationSeconds: duration, sessionName: sessionName!,
      sessionPolicies: policies.policies, packedPolicySize: policies.packed, tags, transitiveTagKeys: transitive,
      sourceIdentity: sourceIdentity ?? inherited, mfa: mfa || sessionMfa, role,
      describe: (s) => describeIssued(s),
    };
  }

  if (entity.kind !== 'user' && entity.kind !== 'root') {
    const call = action === 'sts:getsessiontoken' ? 'GetSessionToken' : 'GetFederationToken';
    return accessDenied(`Cannot call ${call} with session credentials`);
  }
  const isRoot = entity.kind === 'root';
  const duration = durationParam(params, action === 'sts:getsessiontoken' ? 43200 : 43200);
  if (isParamError(duration)) return refuse(duration);
  const max = isRoot ? 3600 : 129600;
  if (duration < 900 || duration > 129600) {
    return refuse({ errorCode: 'ValidationError', message: `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 129600` });
  }
  const effective = Math.min(duration, max);
  if (action === 'sts:getsessiontoken') {
    step('stsCall', 'pass', { call: 'GetSessionToken', durationSeconds: effective });
    return {
      ok: true, call: 'getSessionToken', context, durationSeconds: effective, sessionName: '', sessionPolicies: undefined, packedPolicySize: 0,
      tags: new Map(), transitiveTagKeys: [], sourceIdentity: undefined, mfa, role: undefined, describe: (s) => describeIssued(s),
    };
  }
  const name = stringParam(params, 'Name') ?? (hasParams ? undefined : 'federated');
  const nameError = checkSessionName(name, 'Name');
  if (nameError) return refuse(nameError);
  for (const [k, v] of tags) context.push([`aws:RequestTag/${k}`, v]);
  if (tags.size > 0) context.push(['aws:TagKeys', [...tags.keys()]]);
  step('stsCall', 'pass', { call: 'GetFederationToken', durationSeconds: effective, name: name! });
  return {
    ok: true, call: 'getFederationToken', context, durationSeconds: effective, sessionName: name!,
    sessionPolicies: policies.policies, packedPolicySize: policies.packed, tags, transitiveTagKeys: [], sourceIdentity: undefined,
    mfa: false, role: undefined, describe: (s) => describeIssued(s),
  };
}

/** Credentials derived from the request and the time: reproducible, and never real. */
function credentialsFor(seed: string, now: Date, seconds: number): TemporaryCredentials {
  const accessKeyId = uniqueIdFor('ASIA', seed).slice(0, 20);
  const secret = [0, 1, 2].map((i) => uniqueIdFor('AKIA', `${seed}#secret${i}`).slice(4)).join('').slice(0, 40);
  return {
    accessKeyId,
    secretAccessKey: secret,
    sessionToken: `IQoJb3JpZ2luX2VjE${uniqueIdFor('AKIA', `${seed}#token`).slice(4)}${accessKeyId}`,
    expiration: new Date(now.getTime() + seconds * 1000),
  };
}

export async function stsIssue(world: World, principal: ResolvedPrincipal, request: RequestJson, now: Date, plan: StsPlan, tracer: Tracer): Promise<IssuedSession> {
  const seed = `${request.id ?? ''}|${principal.facts.callerArn}|${request.resource}|${now.getTime()}`;
  const credentials = credentialsFor(seed, now, plan.durationSeconds);
  const entity = principal.entity;
  // Transitive session tags of the calling session carry over through role chaining.
  const tags = new Map<string, string>();
  const inheritedTransitive = principal.session?.transitiveTagKeys ?? [];
  for (const key of inheritedTransitive) {
    const value = principal.session?.tags.get(key);
    if (value !== undefined) tags.set(key, value);
  }
  for (const [k, v] of plan.tags) if (!tags.has(k)) tags.set(k, v);
  const state: SessionState = {
    policies: plan.sessionPolicies,
    tags,
    transitiveTagKeys: [...new Set([...inheritedTransitive, ...plan.transitiveTagKeys])],
    sourceIdentity: plan.sourceIdentity,
    mfa: plan.mfa,
    ...(plan.mfa ? { mfaTime: now } : {}),
    issuedAt: now,
    expiresAt: credentials.expiration,
    chained: entity.kind === 'assumedRole',
  };
  let session: IssuedSession;
  if (plan.call === 'assumeRole' && plan.role) {
    session = { kind: 'assumedRole', role: plan.role, sessionName: plan.sessionName, state, credentials };
  } else if (plan.call === 'getFederationToken' && entity.kind === 'user') {
    session = { kind: 'federatedUser', issuer: entity.user, name: plan.sessionName, state, credentials };
  } else {
    session = {
      kind: 'userSession', user: entity.kind === 'user' ? entity.user : undefined,
      rootAccount: entity.kind === 'root' ? entity.accountId : undefined, state, credentials,
    };
  }
  tracer.add({ parent: null, stage: 'sts', kind: 'step', outcome: 'pass', reason: 'stsSessionIssued', params: { accessKeyId: credentials.accessKeyId, expiration: isoSeconds(credentials.expiration) } });
  void world;
  return session;
}

export function describeIssued(session: IssuedSession): string {
  const c = session.credentials;
  const who =
    session.kind === 'assumedRole' ? `AssumedRoleUser arn:aws:sts::${session.role.account.id}:assumed-role/${session.role.name}/${session.sessionName} (${session.role.uniqueId}:${session.sessionName})`
      : session.kind === 'federatedUser' ? `FederatedUser arn:aws:sts::${session.issuer.account.id}:federated-user/${session.name}`
        : 'session credentials';
  return `Issued ${who}, AccessKeyId ${c.accessKeyId}, expiring ${isoSeconds(c.expiration)}`;
}

export type { UserEntity };
