/**
 * The authorization decision, following the IAM User Guide's "Policy evaluation logic"
 * pages: an explicit deny in any applicable policy wins; SCPs (of the caller's account)
 * must allow at every level of the organization; RCPs (of the resource's account) can
 * only deny, as the undetachable RCPFullAWSAccess allows everything; then resource-based
 * policies, identity-based policies, permissions boundaries and session policies, with the
 * same-account and cross-account rules.
 */
import { RCP_SUPPORTED_SERVICES } from '../data/rcpServices';
import type { RequestContext } from '../context/types';
import { orgPathOf, type World } from '../model/world';
import { prepareMatchInput, type CompiledPolicy, type MatchInput } from './compiledPolicy';
import { explainDecision } from './message';
import { emptyResult, evaluatePolicies, type PolicySetResult } from './policies';
import type { ResolvedPrincipal } from './principal';
import type { ResourceTarget } from './resourceTarget';
import type { ReasonCode } from './reasons';
import { NO_TRACE, type Tracer } from './tracer';
import type { AuthzDecision, Stage, TraceParams, WhatIfLayer } from './types';
import type { SwitchedOff } from './whatIf';

const NONE: readonly CompiledPolicy[] = [];
const singles = new WeakMap<CompiledPolicy, readonly CompiledPolicy[]>();

/** `[policy]`, made once per policy rather than once per request. */
function single(policy: CompiledPolicy): readonly CompiledPolicy[] {
  let list = singles.get(policy);
  if (!list) singles.set(policy, (list = [policy]));
  return list;
}
const RCP_SERVICES: ReadonlySet<string> = new Set(RCP_SUPPORTED_SERVICES);
const BUCKET_POLICY_ACTIONS: ReadonlySet<string> = new Set(['s3:getbucketpolicy', 's3:putbucketpolicy', 's3:deletebucketpolicy']);

export interface AuthzInput {
  readonly world: World;
  readonly principal: ResolvedPrincipal;
  readonly action: string;
  /** The action lower-cased, when the caller has it already. */
  readonly actionLower?: string;
  readonly target: ResourceTarget;
  readonly context: RequestContext;
  readonly tracer?: Tracer;
  /** What-if: policies, statements and layers switched off (judged as absent, listed in the trace). */
  readonly off?: SwitchedOff | undefined;
}

export interface AuthzResult {
  readonly decision: AuthzDecision;
  readonly decidedBy: readonly Stage[];
  readonly reason: ReasonCode;
  readonly params: TraceParams;
  readonly message: string;
}

interface StageOutcome {
  readonly stage: Stage;
  readonly applies: boolean;
  readonly result: PolicySetResult;
}

/** The policies of a set that are not switched off. */
function enabled(policies: readonly CompiledPolicy[], off: SwitchedOff | undefined): readonly CompiledPolicy[] {
  return off && off.policies.size > 0 ? policies.filter((p) => !off.policies.has(p.ref.id)) : policies;
}

function layerOff(input: AuthzInput, layer: WhatIfLayer): boolean {
  return input.off?.layers.has(layer) === true;
}

/** A layer switched off as a whole: one stage event that says so. */
function traceLayerOff(tracer: Tracer, stage: Stage, layer: WhatIfLayer, account: string | undefined): void {
  if (tracer.enabled) tracer.add({ parent: null, stage, kind: 'stage', outcome: 'notApplicable', reason: 'switchedOffLayer', params: account === undefined ? { layer } : { layer, account } });
}

/** `{ account }` when the account is known: the stage evaluates that account's policies. */
function accountParams(account: string | undefined): TraceParams {
  return account === undefined ? NO_PARAMS : { account };
}
const NO_PARAMS: TraceParams = Object.freeze({});

/** SCPs or RCPs level by level; `allowedEveryLevel` is what SCPs need. */
function evaluateOrgPolicies(
  input: AuthzInput,
  match: MatchInput,
  kind: 'scp' | 'rcp',
  accountId: string,
  tracer: Tracer,
): { result: PolicySetResult; allowedEveryLevel: boolean; stageEvent: number } {
  const org = input.world.organization!;
  const stageEvent = !tracer.enabled ? -1 : tracer.add({ parent: null, stage: kind, kind: 'stage', outcome: 'info', reason: kind === 'scp' ? 'stageScp' : 'stageRcp', params: { account: accountId } });
  const result = emptyResult();
  const level = emptyResult();
  let allowedEveryLevel = true;
  for (const target of orgPathOf(org, accountId)) {
    const attached = (kind === 'scp' ? org.scps : org.rcps).get(target) ?? NONE;
    const levelEvent = !tracer.enabled ? -1
      : tracer.add({ parent: stageEvent, stage: kind, kind: 'level', outcome: 'info', reason: 'stageScpLevel', params: { target, name: org.units.get(target)?.name ?? target, policies: attached.length } });
    level.deny = false;
    level.allow = false;
    level.decidingStatement = undefined;
    level.decidingPolicy = undefined;
    evaluatePolicies(attached, match, kind, levelEvent, tracer, level, input.off);
    if (level.deny) {
      result.deny = true;
      if (!result.decidingStatement) {
        result.decidingStatement = level.decidingStatement;
        result.decidingPolicy = level.decidingPolicy;
      }
    }
    // RCPFullAWSAccess is attached at every level and cannot be detached: an RCP level always allows.
    const levelAllows = kind === 'rcp' || level.allow;
    if (!levelAllows) allowedEveryLevel = false;
    tracer.settle(levelEvent, level.deny ? 'deny' : levelAllows ? 'allow' : 'implicitDeny');
  }
  result.allow = allowedEveryLevel;
  return { result, allowedEveryLevel, stageEvent };
}

export function authorize(input: AuthzInput): AuthzResult {
  const tracer = input.tracer ?? NO_TRACE;
  const { world, principal, target } = input;
  const facts = principal.facts;
  const actionLower = input.actionLower ?? input.action.toLowerCase();
  const match = prepareMatchInput(input.action, target.arn, input.context, facts, actionLower);
  const service = actionLower.slice(0, actionLower.indexOf(':'));
  const org = world.organization;
  const serviceLinked = principal.entity.kind === 'assumedRole' && principal.entity.role.serviceLinked;
  // The results of the stages that apply, in evaluation order; only consulted for explicit denies.
  let scpResult: PolicySetResult | undefined;
  let rcpResult: PolicySetResult | undefined;

  // sts:GetCallerIdentity: "No permissions are required to perform this operation" — even an explicit deny does not stop it.
  if (actionLower === 'sts:getcalleridentity' && facts.kind !== 'anonymous') {
    return finish(input, 'allowed', ['identity'], 'getCallerIdentityNeedsNoPermission', {}, tracer);
  }

  // ── Deny evaluation (IAM User Guide, "Policy evaluation logic"): "the enforcement code evaluates all policies
  // within the account that apply to the request" for an explicit deny before it looks for any allow. Its event comes
  // first, in AWS's order; its outcome is known once the stages below are evaluated, and is settled from their results.
  const scanEvent = !tracer.enabled ? -1 : tracer.add({ parent: null, stage: 'denyScan', kind: 'stage', outcome: 'info', reason: 'denyScanNone', params: NO_PARAMS });

  // ── SCPs: the caller's account, unless it is the management account; never service-linked roles or service principals.
  const callerAccount = facts.accountId;
  let scpAllowed = true;
  if (layerOff(input, 'scp')) {
    traceLayerOff(tracer, 'scp', 'scp', callerAccount);
  } else if (org && callerAccount && org.accountParent.has(callerAccount)) {
    if (callerAccount === org.managementAccount) {
      if (tracer.enabled) tracer.add({ parent: null, stage: 'scp', kind: 'stage', outcome: 'notApplicable', reason: 'scpNotApplicableManagementAccount', params: { account: callerAccount } });
    } else if (serviceLinked) {
      if (tracer.enabled) tracer.add({ parent: null, stage: 'scp', kind: 'stage', outcome: 'notApplicable', reason: 'scpNotApplicableServiceLinkedRole', params: { account: callerAccount } });
    } else {
      const scp = evaluateOrgPolicies(input, match, 'scp', callerAccount, tracer);
      scpAllowed = scp.allowedEveryLevel;
      scpResult = scp.result;
      tracer.settle(scp.stageEvent, scp.result.deny ? 'deny' : scp.allowedEveryLevel ? 'allow' : 'implicitDeny');
    }
  } else if (tracer.enabled) {
    if (tracer.enabled) tracer.add({
      parent: null, stage: 'scp', kind: 'stage', outcome: 'notApplicable',
      reason: facts.federatedProvider ? 'scpNotApplicableFederatedToken' : facts.kind === 'service' || facts.kind === 'anonymous' ? 'scpNotApplicableServicePrincipal' : 'scpNotApplicableNoOrganization', params: accountParams(callerAccount),
    });
  }

  // ── RCPs: the resource's account, for the services RCPs support.
  const resourceAccount = target.account;
  // With no RCP attached anywhere, only RCPFullAWSAccess is in force: nothing to evaluate (the trace still shows the stage).
  if (layerOff(input, 'rcp')) {
    traceLayerOff(tracer, 'rcp', 'rcp', resourceAccount);
  } else if (org && org.rcps.size === 0 && !tracer.enabled) {
    // nothing can deny here
  } else if (org && resourceAccount && org.accountParent.has(resourceAccount) && target.arn !== '*') {
    if (resourceAccount === org.managementAccount) {
      if (tracer.enabled) tracer.add({ parent: null, stage: 'rcp', kind: 'stage', outcome: 'notApplicable', reason: 'rcpNotApplicableManagementAccount', params: { account: resourceAccount } });
    } else if (!RCP_SERVICES.has(service)) {
      if (tracer.enabled) tracer.add({ parent: null, stage: 'rcp', kind: 'stage', outcome: 'notApplicable', reason: 'rcpNotApplicableService', params: { service, account: resourceAccount } });
    } else if (serviceLinked) {
      if (tracer.enabled) tracer.add({ parent: null, stage: 'rcp', kind: 'stage', outcome: 'notApplicable', reason: 'scpNotApplicableServiceLinkedRole', params: { account: resourceAccount } });
    } else {
      const rcp = evaluateOrgPolicies(input, match, 'rcp', resourceAccount, tracer);
      rcpResult = rcp.result;
      tracer.settle(rcp.stageEvent, rcp.result.deny ? 'deny' : 'allow');
    }
  } else if (tracer.enabled) {
    if (tracer.enabled) tracer.add({ parent: null, stage: 'rcp', kind: 'stage', outcome: 'notApplicable', reason: 'rcpNotApplicableNoOrganization', params: accountParams(resourceAccount) });
  }

  // ── Resource-based policy (trust policy for STS role actions).
  const resourceStage = target.stage;
  // "The root principal of the bucket owner account can perform the GetBucketPolicy, PutBucketPolicy, and
  // DeleteBucketPolicy API actions, even if the bucket policy explicitly denies" it (Amazon S3 User Guide, bucket policies).
  const lockoutExempt = facts.kind === 'root' && resourceAccount === callerAccount && BUCKET_POLICY_ACTIONS.has(actionLower) && target.arn.startsWith('arn:aws:s3:::');
  // What-if: the resource layer covers every resource-based policy, a role's trust policy included.
  const resourceLayerOff = layerOff(input, 'resource');
  const resourcePolicy = target.policy && !lockoutExempt && !resourceLayerOff ? target.policy : undefined;
  const resourcePolicyOff = resourcePolicy !== undefined && input.off?.policies.has(resourcePolicy.ref.id) === true;
  const resourcePolicies = resourcePolicy && !resourcePolicyOff ? single(resourcePolicy) : NONE;
  // The resource's account for a resource-based policy; for a trust policy, the role's (the role is the resource).
  // Trace parameters are made only when tracing: the untraced path allocates nothing it does not need.
  const resourceParams: TraceParams = !tracer.enabled ? NO_PARAMS : resourceAccount === undefined ? { resource: target.arn } : { resource: target.arn, account: resourceAccount };
  const resourceEvent = !tracer.enabled ? -1 : resourceLayerOff ? tracer.add({ parent: null, stage: resourceStage, kind: 'stage', outcome: 'notApplicable', reason: 'switchedOffLayer', params: { ...resourceParams, layer: 'resource' } }) : tracer.add({
    parent: null, stage: resourceStage, kind: 'stage', outcome: resourcePolicies.length ? 'info' : 'notApplicable',
    reason: resourcePolicies.length ? (resourceStage === 'trust' ? 'stageTrust' : 'stageResource') : lockoutExempt && target.policy ? 'rootBucketPolicyExemption' : 'noResourcePolicy',
    params: resourceParams,
  });
  // A switched-off resource policy: the stage is as if there were none, and the policy is listed under it as switched off.
  const resource = evaluatePolicies(resourcePolicyOff ? single(resourcePolicy) : resourcePolicies, match, resourceStage, resourceEvent, tracer, undefined, input.off);
  if (resourcePolicies.length) tracer.settle(resourceEvent, resource.deny ? 'deny' : resource.allow ? 'allow' : 'implicitDeny');

  // ── Identity-based policies, permissions boundary, session policies.
  const hasIdentity = facts.kind === 'user' || facts.kind === 'assumedRole' || facts.kind === 'federatedUser';
  // Switched off, the identity layer grants nothing: the caller still needs an allow from it, as with no policies.
  const identityLayerOff = hasIdentity && layerOff(input, 'identity');
  const callerParams = tracer.enabled ? accountParams(callerAccount) : NO_PARAMS;
  const identityEvent = !tracer.enabled ? -1 : tracer.add({
    parent: null, stage: 'identity', kind: 'stage', outcome: hasIdentity && !identityLayerOff ? 'info' : 'notApplicable',
    reason: identityLayerOff ? 'switchedOffLayer' : hasIdentity ? 'stageIdentity' : facts.kind === 'root' ? 'identityNotApplicableRoot' : facts.kind === 'anonymous' ? 'identityNotApplicableAnonymous' : facts.federatedProvider ? 'identityNotApplicableFederatedToken' : 'identityNotApplicableService',
    params: identityLayerOff ? { ...callerParams, layer: 'identity' } : callerParams,
  });
  const identity = evaluatePolicies(hasIdentity && !identityLayerOff ? principal.identityPolicies : NONE, match, 'identity', identityEvent, tracer, undefined, input.off);
  if (hasIdentity && !identityLayerOff) {
    tracer.settle(identityEvent, identity.deny ? 'deny' : identity.allow ? 'allow' : 'implicitDeny');
  }

  const boundaryLayerOff = principal.boundary !== undefined && layerOff(input, 'boundary');
  const boundaryOff = principal.boundary !== undefined && input.off?.policies.has(principal.boundary.ref.id) === true;
  const boundaryPolicy = principal.boundary && !boundaryLayerOff && !boundaryOff ? principal.boundary : undefined;
  const boundaryEvent = !tracer.enabled ? -1 : tracer.add({
    parent: null, stage: 'boundary', kind: 'stage', outcome: boundaryPolicy ? 'info' : 'notApplicable',
    reason: boundaryLayerOff ? 'switchedOffLayer' : boundaryPolicy ? 'stageBoundary' : 'noBoundary', params: boundaryLayerOff ? { ...callerParams, layer: 'boundary' } : callerParams,
  });
  // A switched-off boundary is listed (as switched off) under a stage that limits nothing.
  const boundary = evaluatePolicies(boundaryPolicy ? single(boundaryPolicy) : boundaryOff && principal.boundary ? single(principal.boundary) : NONE, match, 'boundary', boundaryEvent, tracer, undefined, input.off);
  if (boundaryPolicy) {
    tracer.settle(boundaryEvent, boundary.deny ? 'deny' : boundary.allow ? 'allow' : 'implicitDeny');
  }

  // Switched off, the session layer limits nothing (even a federated user's missing session policy).
  const sessionLayerOff = principal.sessionPolicies !== undefined && layerOff(input, 'session');
  const sessionPolicies = principal.sessionPolicies && !sessionLayerOff ? enabled(principal.sessionPolicies, input.off) : undefined;
  const sessionApplies = sessionPolicies !== undefined && (sessionPolicies.length > 0 || facts.kind === 'federatedUser');
  const sessionEvent = !tracer.enabled ? -1 : tracer.add({
    parent: null, stage: 'session', kind: 'stage', outcome: sessionApplies ? 'info' : 'notApplicable',
    reason: sessionLayerOff ? 'switchedOffLayer' : sessionApplies ? (sessionPolicies!.length === 0 ? 'federatedUserWithoutSessionPolicy' : 'stageSession') : 'noSessionPolicy',
    params: sessionLayerOff ? { ...callerParams, layer: 'session' } : callerParams,
  });
  // Every session policy is listed, the switched-off ones as such.
  const session = evaluatePolicies(sessionApplies || (sessionPolicies !== undefined && principal.sessionPolicies!.length > 0) ? principal.sessionPolicies! : NONE, match, 'session', sessionEvent, tracer, undefined, input.off);
  if (sessionApplies) {
    tracer.settle(sessionEvent, session.deny ? 'deny' : session.allow ? 'allow' : 'implicitDeny');
  }

  // ── 1. An explicit deny in any applicable policy.
  if (scpResult?.deny || rcpResult?.deny || resource.deny || identity.deny || boundary.deny || session.deny) {
    const stages: StageOutcome[] = [];
    if (scpResult) stages.push({ stage: 'scp', applies: true, result: scpResult });
    if (rcpResult) stages.push({ stage: 'rcp', applies: true, result: rcpResult });
    stages.push({ stage: resourceStage, applies: true, result: resource });
    stages.push({ stage: 'identity', applies: hasIdentity, result: identity });
    stages.push({ stage: 'boundary', applies: true, result: boundary });
    stages.push({ stage: 'session', applies: true, result: session });
    const denying = stages.filter((s) => s.result.deny);
    const first = denying[0]!;
    const reason = DENY_REASON[first.stage];
    const decidedBy = denying.map((s) => s.stage);
    if (tracer.enabled) settleDenyScan(tracer, scanEvent, decidedBy);
    return finish(input, 'explicitDeny', decidedBy, reason, statementParams(first.result), tracer);
  }
  // No explicit deny anywhere: on to the allow checks.
  if (tracer.enabled) tracer.settle(scanEvent, 'pass', 'denyScanNone', NO_PARAMS);
  // ── 2. SCPs must allow at every level.
  if (!scpAllowed) return finish(input, 'implicitDeny', ['scp'], 'noScpAllows', {}, tracer);

  // ── 3. What allows the request depends on who calls, and whether the resource is in the caller's account.
  const resourceKind = resource.allowKind;
  const noResourceAllow = target.stage === 'trust' ? 'noTrustPolicyAllows' : target.required ? 'noKeyPolicyAllows' : 'noResourcePolicyAllows';
  switch (facts.kind) {
    case 'service':
      return resourceKind
        ? finish(input, 'allowed', [resourceStage], 'allowedByResourcePolicy', statementParams(resource), tracer)
        : finish(input, 'implicitDeny', [resourceStage], facts.federatedProvider ? 'federatedCallerNotAllowedByTrust' : 'serviceNotAllowedByResourcePolicy', {}, tracer);
    case 'anonymous':
      return resourceKind === 'anyone'
        ? finish(input, 'allowed', [resourceStage], 'allowedByResourcePolicy', statementParams(resource), tracer)
        : finish(input, 'implicitDeny', [resourceStage], 'anonymousNotAllowed', {}, tracer);
    case 'root': {
      const sameAccount = resourceAccount === undefined || resourceAccount === callerAccount;
      if (sameAccount && !target.required) return finish(input, 'allowed', ['identity'], 'allowedAsRootUser', {}, tracer);
      return resourceKind
        ? finish(input, 'allowed', [resourceStage], 'allowedByResourcePolicy', statementParams(resource), tracer)
        : finish(input, 'implicitDeny', [resourceStage], target.required && sameAccount ? 'rootUserNeedsKeyPolicy' : noResourceAllow, {}, tracer);
    }
    default:
      break;
  }

  const sameAccount = resourceAccount === undefined || resourceAccount === callerAccount;
  const boundaryOk = !boundaryPolicy || boundary.allow;
  const sessionOk = !sessionApplies || session.allow;
  const limits: Stage[] = [];
  if (!boundaryOk) limits.push('boundary');
  if (!sessionOk) limits.push('session');
  const limitReason = (stage: Stage): ReasonCode => limitReasonOf(stage, sessionPolicies);

  if (sameAccount) {
    // A resource-based policy that names the caller itself (user, role session or federated user ARN) allows,
    // whatever identity-based policies, boundaries and session policies say (but not what they deny).
    if (resourceKind === 'direct' || resourceKind === 'anyone') {
      return finish(input, 'allowed', [resourceStage], 'allowedByResourcePolicy', withParam(statementParams(resource), 'principalMatch', resourceKind), tracer);
    }
    // Naming the role (not the session) adds to the role's permissions: boundaries and session policies still limit it.
    if (resourceKind === 'role') {
      if (limits.length === 0) return finish(input, 'allowed', [resourceStage], 'allowedByResourcePolicy', withParam(statementParams(resource), 'principalMatch', 'role'), tracer);
      return finish(input, 'implicitDeny', limits, limitReason(limits[0]!), {}, tracer);
    }
    const missing: Stage[] = [];
    if (target.required && !resourceKind) missing.push(resourceStage);
    if (!identity.allow) missing.push('identity');
    for (const stage of limits) missing.push(stage);
    if (missing.length === 0) return finish(input, 'allowed', IDENTITY, 'allowedByIdentityPolicy', statementParams(identity), tracer);
    const first = missing[0]!;
    return finish(input, 'implicitDeny', missing, first === resourceStage ? noResourceAllow : first === 'identity' ? 'noIdentityPolicyAllows' : limitReason(first), {}, tracer);
  }

  // Cross-account: the resource's account must allow in a resource-based policy, and the caller's account in its IAM policies.
  const missing: Stage[] = [];
  if (!resourceKind) missing.push(resourceStage);
  if (!identity.allow) missing.push('identity');
  for (const stage of limits) missing.push(stage);
  if (missing.length === 0) return finish(input, 'allowed', resourceStage === 'trust' ? TRUST_AND_IDENTITY : RESOURCE_AND_IDENTITY, 'crossAccountResourcePolicyAllow', statementParams(resource), tracer);
  const first = missing[0]!;
  return finish(input, 'implicitDeny', missing, first === resourceStage ? noResourceAllow : first === 'identity' ? 'noIdentityPolicyAllows' : limitReason(first), {}, tracer);
}

/**
 * The deny scan found explicit denies: it names the stages (as `decidedBy` does) and the
 * policies that deny — the policy events of this evaluation (after the scan's own event)
 * that the engine settled as `deny`, each named once.
 */
function settleDenyScan(tracer: Tracer, scanEvent: number, stages: readonly Stage[]): void {
  const events = tracer.events();
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = scanEvent + 1; i < events.length; i++) {
    const event = events[i]!;
    if (event.kind !== 'policy' || event.outcome !== 'deny') continue;
    const key = event.policy?.id ?? String(event.params.name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(event.policy?.name ?? String(event.params.name ?? ''));
  }
  tracer.settle(scanEvent, 'deny', 'denyScanFound', { stages: stages.join(','), policies: names.join(', '), count: names.length });
}

const IDENTITY: readonly Stage[] = ['identity'];
const RESOURCE_AND_IDENTITY: readonly Stage[] = ['resource', 'identity'];
const TRUST_AND_IDENTITY: readonly Stage[] = ['trust', 'identity'];

function limitReasonOf(stage: Stage, sessionPolicies: readonly CompiledPolicy[] | undefined): ReasonCode {
  return stage === 'boundary' ? 'noBoundaryAllows' : sessionPolicies?.length === 0 ? 'federatedUserWithoutSessionPolicy' : 'noSessionPolicyAllows';
}

function withParam(params: TraceParams, key: string, value: string): TraceParams {
  const out: Record<string, string | number | boolean> = { [key]: value };
  for (const k in params) out[k] = params[k]!;
  return out;
}

function statementParams(result: PolicySetResult): TraceParams {
  const st = result.decidingStatement;
  const policy = result.decidingPolicy;
  if (!st || !policy) return {};
  const params: Record<string, string | number | boolean> = { policy: policy.name, statement: st.index };
  if (st.sid) params['sid'] = st.sid;
  return params;
}

const DENY_REASON: Record<Stage, ReasonCode> = {
  scp: 'explicitDenyInScp',
  rcp: 'explicitDenyInRcp',
  resource: 'explicitDenyInResourcePolicy',
  trust: 'explicitDenyInTrustPolicy',
  identity: 'explicitDenyInIdentityPolicy',
  boundary: 'explicitDenyInBoundary',
  session: 'explicitDenyInSessionPolicy',
  authn: 'authenticationFailed',
  context: 'authenticationFailed',
  denyScan: 'authenticationFailed',
  sts: 'stsRefused',
  api: 'apiRefused',
};

function decisionParams(params: TraceParams, decision: AuthzDecision, decidedBy: readonly Stage[]): TraceParams {
  const out: Record<string, string | number | boolean> = { decision, decidedBy: decidedBy.join(',') };
  for (const key in params) out[key] = params[key]!;
  return out;
}

function finish(input: AuthzInput, decision: AuthzDecision, decidedBy: readonly Stage[], reason: ReasonCode, params: TraceParams, tracer: Tracer): AuthzResult {
  const message = explainDecision(decision, reason, input.principal, input.action, input.target.arn);
  if (tracer.enabled) tracer.add({
    parent: null, stage: decidedBy[0] ?? 'identity', kind: 'decision', outcome: decision === 'allowed' ? 'allow' : decision === 'explicitDeny' ? 'deny' : 'implicitDeny',
    reason, params: decisionParams(params, decision, decidedBy),
  });
  return { decision, decidedBy, reason, params, message };
}
