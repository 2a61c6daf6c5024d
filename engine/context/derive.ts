/**
 * The request context AWS derives for a request: the global condition keys it sets from
 * the principal, the resource and the time (AWS global condition context keys, IAM User
 * Guide). Keys the request states itself take precedence over derived ones.
 */
import { orgPathOf, type World } from '../model/world';
import type { ResolvedPrincipal } from '../evaluate/principal';
import type { ContextValue, RequestContext } from './types';

export interface ResourceFacts {
  readonly arn: string;
  readonly account: string | undefined;
  readonly tags: ReadonlyMap<string, string>;
}

export interface DerivedContext {
  readonly context: RequestContext;
  /** Every key with its value, in AWS's spelling, for display. */
  readonly entries: readonly (readonly [string, ContextValue])[];
  /** The lower-cased keys the request stated itself (not derived). */
  readonly given: ReadonlySet<string>;
}

const PRINCIPAL_TYPE: Record<ResolvedPrincipal['facts']['kind'], string | undefined> = {
  root: 'Account', user: 'User', assumedRole: 'AssumedRole', federatedUser: 'FederatedUser', anonymous: 'Anonymous', service: undefined,
};

function orgPaths(world: World, accountId: string): readonly string[] | undefined {
  const org = world.organization;
  const path = orgPathOf(org, accountId);
  if (!org || path.length === 0) return undefined;
  // aws:PrincipalOrgPaths holds the path of the account's parent: o-id/r-root/ou-…/
  return [`${org.id}/${path.slice(0, -1).join('/')}/`];
}

export function deriveContext(
  world: World,
  principal: ResolvedPrincipal,
  resource: ResourceFacts,
  now: Date,
  stated: Readonly<Record<string, string | readonly string[]>> | undefined,
  extra: readonly (readonly [string, ContextValue])[] = [],
): DerivedContext {
  const byLower = new Map<string, readonly [string, ContextValue]>();
  const set = (key: string, value: ContextValue | undefined) => {
    if (value !== undefined) byLower.set(key.toLowerCase(), [key, value]);
  };
  const facts = principal.facts;
  const entity = principal.entity;

  if (facts.kind !== 'anonymous' && facts.kind !== 'service') {
    set('aws:PrincipalArn', facts.principalArn);
    set('aws:PrincipalAccount', facts.accountId);
    if (facts.accountId && world.organization?.accountParent.has(facts.accountId)) {
      set('aws:PrincipalOrgID', world.organization.id);
      set('aws:PrincipalOrgPaths', orgPaths(world, facts.accountId));
    }
    for (const [k, v] of principal.tags) set(`aws:PrincipalTag/${k}`, v);
  }
  set('aws:PrincipalType', PRINCIPAL_TYPE[facts.kind]);
  set('aws:PrincipalIsAWSService', facts.kind === 'service' ? 'true' : 'false');
  if (facts.kind === 'service') set('aws:PrincipalServiceName', facts.serviceName);
  switch (entity.kind) {
    case 'user':
      set('aws:username', entity.user.name);
      set('aws:userid', entity.user.uniqueId);
      break;
    case 'root':
      set('aws:userid', entity.accountId);
      break;
    case 'assumedRole':
    case 'federatedUser':
      set('aws:userid', facts.uniqueId);
      break;
    case 'anonymous':
      set('aws:userid', 'anonymous');
      break;
    default:
      break;
  }
  {
    const session = principal.session;
    if (session) {
      if (session.sourceIdentity) set('aws:SourceIdentity', session.sourceIdentity);
      if (session.mfa !== undefined) set('aws:MultiFactorAuthPresent', session.mfa ? 'true' : 'false');
      if (session.mfa && session.mfaTime) set('aws:MultiFactorAuthAge', String(Math.max(0, Math.floor((now.getTime() - session.mfaTime.getTime()) / 1000))));
      if (session.issuedAt) set('aws:TokenIssueTime', session.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    }
  }

  if (resource.account) {
    set('aws:ResourceAccount', resource.account);
    if (world.organization?.accountParent.has(resource.account)) {
      set('aws:ResourceOrgID', world.organization.id);
      set('aws:ResourceOrgPaths', orgPaths(world, resource.account));
    }
  }
  for (const [k, v] of resource.tags) set(`aws:ResourceTag/${k}`, v);
  const region = resource.arn.split(':')[3];
  if (region) set('aws:RequestedRegion', region);

  set('aws:CurrentTime', now.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  set('aws:EpochTime', String(Math.floor(now.getTime() / 1000)));
  // Requests are taken as made over HTTPS, as the AWS CLI and SDKs make them, unless stated otherwise.
  set('aws:SecureTransport', 'true');
  set('aws:ViaAWSService', 'false');

  for (const [k, v] of extra) set(k, v);
  const given = new Set<string>();
  for (const [k, v] of Object.entries(stated ?? {})) {
    set(k, v);
    given.add(k.toLowerCase());
  }

  const values = new Map<string, ContextValue>();
  for (const [lower, [, value]] of byLower) values.set(lower, value);
  return { context: { values }, entries: [...byLower.values()], given };
}
