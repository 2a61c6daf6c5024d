/**
 * The compiled world: the scenario's accounts, organization and entities with their
 * policies parsed and compiled once, and indexes for the evaluator. Built by
 * `compileWorld`; immutable afterwards (STS sessions live beside it, not in it).
 */
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import type { AccessKeyJson, MfaDeviceJson } from '../scenario/types';

export interface RootEntity {
  readonly kind: 'root';
  readonly account: AccountEntity;
  readonly arn: string;
  readonly accessKeys: readonly AccessKeyJson[];
  readonly mfaDevices: readonly MfaDeviceJson[];
  readonly password: string | undefined;
}

export interface UserEntity {
  readonly kind: 'user';
  readonly account: AccountEntity;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly uniqueId: string;
  readonly groups: readonly GroupEntity[];
  readonly managed: readonly CompiledPolicy[];
  readonly inline: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  readonly tags: ReadonlyMap<string, string>;
  readonly accessKeys: readonly AccessKeyJson[];
  readonly mfa: boolean;
  readonly mfaDevices: readonly MfaDeviceJson[];
  readonly password: string | undefined;
}

export interface GroupEntity {
  readonly kind: 'group';
  readonly account: AccountEntity;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly uniqueId: string;
  readonly managed: readonly CompiledPolicy[];
  readonly inline: readonly CompiledPolicy[];
}

export interface RoleEntity {
  readonly kind: 'role';
  readonly account: AccountEntity;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly uniqueId: string;
  readonly trust: CompiledPolicy;
  readonly managed: readonly CompiledPolicy[];
  readonly inline: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  readonly maxSessionDuration: number;
  readonly tags: ReadonlyMap<string, string>;
  /** Service-linked roles (path /aws-service-role/) are not affected by SCPs. */
  readonly serviceLinked: boolean;
}

export interface ResourceEntity {
  readonly arn: string;
  /** The account that owns the resource (for S3, the account that lists the bucket). */
  readonly account: string;
  readonly policy: CompiledPolicy | undefined;
  readonly tags: ReadonlyMap<string, string>;
  /** False for a resource the world does not list (it has no policy and no tags). */
  readonly listed: boolean;
}

/**
 * An IAM identity provider of an account (IAM User Guide, "Identity providers and
 * federation into AWS"): its ARN is what a trust policy's `"Federated"` principal names.
 */
export type IdentityProviderEntity =
  | {
      readonly kind: 'oidc';
      readonly account: AccountEntity;
      /** `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`. */
      readonly arn: string;
      /** The issuer URL as registered, `https://HOST/PATH`. */
      readonly url: string;
      /** `HOST/PATH`: the ARN's last part and the prefix of the provider's condition keys (`HOST/PATH:aud`). */
      readonly hostPath: string;
      /** The audiences (client IDs) the provider accepts. */
      readonly clientIds: readonly string[];
      readonly tags: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: 'saml';
      readonly account: AccountEntity;
      /** `arn:aws:iam::ACCOUNT:saml-provider/NAME`. */
      readonly arn: string;
      readonly name: string;
      /** The IdP's entity ID (from its metadata), when the scenario gives it. */
      readonly issuer: string | undefined;
      readonly tags: ReadonlyMap<string, string>;
    };

/** An EC2 instance profile: a container for (at most) one role that EC2 gives to an instance. */
export interface InstanceProfileEntity {
  readonly account: AccountEntity;
  readonly name: string;
  readonly path: string;
  /** `arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME`. */
  readonly arn: string;
  /** AIPA… */
  readonly uniqueId: string;
  readonly role: RoleEntity | undefined;
}

export interface AccountEntity {
  readonly id: string;
  readonly alias: string | undefined;
  readonly root: RootEntity;
  readonly users: ReadonlyMap<string, UserEntity>;
  readonly groups: ReadonlyMap<string, GroupEntity>;
  readonly roles: ReadonlyMap<string, RoleEntity>;
  /** Customer managed policies, by name. */
  readonly policies: ReadonlyMap<string, CompiledPolicy>;
  readonly resources: ReadonlyMap<string, ResourceEntity>;
  /** OIDC and SAML identity providers, by ARN. */
  readonly identityProviders: ReadonlyMap<string, IdentityProviderEntity>;
  /** EC2 instance profiles, by name. */
  readonly instanceProfiles: ReadonlyMap<string, InstanceProfileEntity>;
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parent: string | undefined;
}

export interface OrganizationEntity {
  readonly id: string;
  readonly managementAccount: string;
  readonly units: ReadonlyMap<string, OrgUnit>;
  /** Account id → the unit that holds it. */
  readonly accountParent: ReadonlyMap<string, string>;
  /** Unit or account id → the SCPs attached there. */
  readonly scps: ReadonlyMap<string, readonly CompiledPolicy[]>;
  readonly rcps: ReadonlyMap<string, readonly CompiledPolicy[]>;
}

/** A fault found while compiling the world: a policy that cannot be evaluated, an unknown managed policy… */
export interface WorldFault {
  readonly path: string;
  readonly message: string;
}

export interface World {
  readonly accounts: ReadonlyMap<string, AccountEntity>;
  /** Account ids in file order (an unlisted S3 bucket belongs to the first). */
  readonly accountOrder: readonly string[];
  readonly organization: OrganizationEntity | undefined;
  /** The clock of the scenario (`now`), if it sets one. */
  readonly now: Date | undefined;
  /** Every resource the world lists, by ARN. */
  readonly resources: ReadonlyMap<string, ResourceEntity>;
  /** Access key id → its owner (a user or a root user). */
  readonly accessKeys: ReadonlyMap<string, { readonly owner: UserEntity | RootEntity; readonly key: AccessKeyJson }>;
  /** Every account's identity providers, by ARN. */
  readonly identityProviders: ReadonlyMap<string, IdentityProviderEntity>;
  readonly faults: readonly WorldFault[];
  /** Resolves a managed policy ARN (customer managed of any account, or AWS managed) for session policies. */
  managedPolicy(arn: string): CompiledPolicy | undefined;
}

/** The chain of organization nodes from the root to the account: [root, ou…, account]. Empty outside the organization. */
const orgPaths = new WeakMap<OrganizationEntity, Map<string, readonly string[]>>();

export function orgPathOf(org: OrganizationEntity | undefined, accountId: string): readonly string[] {
  if (!org) return [];
  let cache = orgPaths.get(org);
  if (!cache) orgPaths.set(org, (cache = new Map()));
  let path = cache.get(accountId);
  if (!path) cache.set(accountId, (path = computeOrgPath(org, accountId)));
  return path;
}

function computeOrgPath(org: OrganizationEntity, accountId: string): readonly string[] {
  const parent = org.accountParent.get(accountId);
  if (parent === undefined) return [];
  const path: string[] = [accountId];
  let unit: string | undefined = parent;
  // INVARIANT: units were validated to form a tree, so this walk ends; the guard bounds it anyway.
  for (let guard = 0; unit !== undefined && guard < 1000; guard++) {
    path.push(unit);
    unit = org.units.get(unit)?.parent;
  }
  return path.reverse();
}
