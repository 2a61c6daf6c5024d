/**
 * Resolves the caller of a request to the policies that apply to it and the facts that
 * policy matching and the request context need.
 */
import type { PrincipalFacts } from '../model/principal';
import type { AccountEntity, RoleEntity, UserEntity, World } from '../model/world';
import type { CompiledPolicy } from './compiledPolicy';

/** A role or federated user session: what STS issued (or what the request describes). */
export interface SessionState {
  /** Session policies (inline and managed) that limit the session; `undefined` when none were passed. */
  readonly policies: readonly CompiledPolicy[] | undefined;
  readonly tags: ReadonlyMap<string, string>;
  readonly transitiveTagKeys?: readonly string[];
  readonly sourceIdentity: string | undefined;
  readonly mfa: boolean | undefined;
  /** When MFA was used (for aws:MultiFactorAuthAge). */
  readonly mfaTime?: Date;
  readonly issuedAt?: Date;
  readonly expiresAt?: Date;
  /** True when the session was created by a role session assuming another role. */
  readonly chained?: boolean;
}

export type CallerEntity =
  | { readonly kind: 'user'; readonly user: UserEntity }
  | { readonly kind: 'root'; readonly account: AccountEntity | undefined; readonly accountId: string }
  | { readonly kind: 'assumedRole'; readonly role: RoleEntity; readonly sessionName: string; readonly session: SessionState }
  | { readonly kind: 'federatedUser'; readonly issuer: UserEntity; readonly name: string; readonly accountId: string; readonly session: SessionState }
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'anonymous' };

export interface ResolvedPrincipal {
  readonly facts: PrincipalFacts;
  readonly entity: CallerEntity;
  /** The caller's identity-based policies (for a federated user: its issuer's). */
  readonly identityPolicies: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  /** Session policies: `undefined` for a principal that is not a session or a session created without any. */
  readonly sessionPolicies: readonly CompiledPolicy[] | undefined;
  /** Principal tags as aws:PrincipalTag sees them (session tags override the role's). */
  readonly tags: ReadonlyMap<string, string>;
  readonly account: AccountEntity | undefined;
  /** The session the caller acts in (role, federated user, or GetSessionToken credentials): MFA, tags, source identity. */
  readonly session?: SessionState;
}

const userPolicyCache = new WeakMap<UserEntity, readonly CompiledPolicy[]>();

/** A user's identity-based policies: its own inline and managed ones, then its groups'. */
function userPolicies(user: UserEntity): readonly CompiledPolicy[] {
  let list = userPolicyCache.get(user);
  if (!list) userPolicyCache.set(user, (list = [...user.inline, ...user.managed, ...user.groups.flatMap((g) => [...g.inline, ...g.managed])]));
  return list;
}

const resolvedUsers = new WeakMap<UserEntity, ResolvedPrincipal>();

/** An IAM user as a caller; made once per user, so every cache keyed by the caller (context, matching) holds. */
export function resolveUser(user: UserEntity): ResolvedPrincipal {
  let resolved = resolvedUsers.get(user);
  if (!resolved) resolvedUsers.set(user, (resolved = makeUser(user)));
  return resolved;
}

function makeUser(user: UserEntity): ResolvedPrincipal {
  return {
    facts: { kind: 'user', principalArn: user.arn, callerArn: user.arn, accountId: user.account.id, uniqueId: user.uniqueId, hasPermissionsBoundary: user.boundary !== undefined },
    entity: { kind: 'user', user },
    identityPolicies: userPolicies(user),
    boundary: user.boundary,
    sessionPolicies: undefined,
    tags: user.tags,
    account: user.account,
  };
}

const resolvedRoots = new WeakMap<World, Map<string, ResolvedPrincipal>>();

/** An account's root user as a caller; made once per world and account. */
export function resolveRoot(world: World, accountId: string): ResolvedPrincipal {
  let byAccount = resolvedRoots.get(world);
  if (!byAccount) resolvedRoots.set(world, (byAccount = new Map()));
  let resolved = byAccount.get(accountId);
  if (!resolved) byAccount.set(accountId, (resolved = makeRoot(world, accountId)));
  return resolved;
}

function makeRoot(world: World, accountId: string): ResolvedPrincipal {
  const arn = `arn:aws:iam::${accountId}:root`;
  const account = world.accounts.get(accountId);
  return {
    facts: { kind: 'root', principalArn: arn, callerArn: arn, accountId, uniqueId: accountId },
    entity: { kind: 'root', account, accountId },
    identityPolicies: [],
    boundary: undefined,
    sessionPolicies: undefined,
    tags: new Map(),
    account,
  };
}

export function resolveRoleSession(role: RoleEntity, sessionName: string, session: SessionState): ResolvedPrincipal {
  const callerArn = `arn:aws:sts::${role.account.id}:assumed-role/${role.name}/${sessionName}`;
  const tags = new Map(role.tags);
  for (const [k, v] of session.tags) {
    // Tag keys are case-insensitive in IAM: a session tag replaces the role tag of the same key.
    for (const existing of tags.keys()) if (existing.toLowerCase() === k.toLowerCase()) tags.delete(existing);
    tags.set(k, v);
  }
  return {
    facts: {
      kind: 'assumedRole', principalArn: role.arn, callerArn, accountId: role.account.id,
      roleArn: role.arn, roleSessionName: sessionName, uniqueId: `${role.uniqueId}:${sessionName}`, hasPermissionsBoundary: role.boundary !== undefined,
    },
    entity: { kind: 'assumedRole', role, sessionName, session },
    identityPolicies: [...role.inline, ...role.managed],
    boundary: role.boundary,
    sessionPolicies: session.policies,
    tags,
    account: role.account,
    session,
  };
}

export function resolveFederatedUser(issuer: UserEntity, name: string, session: SessionState): ResolvedPrincipal {
  const accountId = issuer.account.id;
  const arn = `arn:aws:sts::${accountId}:federated-user/${name}`;
  return {
    facts: { kind: 'federatedUser', principalArn: arn, callerArn: arn, accountId, uniqueId: `${accountId}:${name}`, issuerArn: issuer.arn, hasPermissionsBoundary: issuer.boundary !== undefined },
    entity: { kind: 'federatedUser', issuer, name, accountId, session },
    identityPolicies: userPolicies(issuer),
    boundary: issuer.boundary,
    // A federated user session without a session policy has no permissions: an empty list, not "none".
    sessionPolicies: session.policies ?? [],
    tags: session.tags,
    account: issuer.account,
    session,
  };
}

export function resolveService(service: string): ResolvedPrincipal {
  return {
    facts: { kind: 'service', principalArn: service, callerArn: service, accountId: undefined, serviceName: service },
    entity: { kind: 'service', service },
    identityPolicies: [], boundary: undefined, sessionPolicies: undefined, tags: new Map(), account: undefined,
  };
}

export const ANONYMOUS: ResolvedPrincipal = {
  facts: { kind: 'anonymous', principalArn: '*', callerArn: 'anonymous', accountId: undefined },
  entity: { kind: 'anonymous' },
  identityPolicies: [], boundary: undefined, sessionPolicies: undefined, tags: new Map(), account: undefined,
};
