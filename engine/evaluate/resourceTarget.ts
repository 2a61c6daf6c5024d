/**
 * Which resource a request is about, who owns it, and which resource-based policy
 * speaks for it: the bucket policy for an S3 object, the trust policy for an STS call on
 * a role, the key policy for a KMS key.
 */
import type { CompiledPolicy } from './compiledPolicy';
import type { ResolvedPrincipal } from './principal';
import type { RoleEntity, World } from '../model/world';
import { resourceOwnerFromArn } from '../model/compile';

/** STS actions authorized by the role's trust policy (IAM User Guide, "Role trust policies"). */
const TRUST_ACTIONS = new Set([
  'sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext',
]);

export interface ResourceTarget {
  readonly arn: string;
  /** The owning account; for `*`, the caller's own account. */
  readonly account: string | undefined;
  readonly tags: ReadonlyMap<string, string>;
  /** The resource-based policy that applies, if any. */
  readonly policy: CompiledPolicy | undefined;
  /** `trust` when the policy is a role trust policy. */
  readonly stage: 'resource' | 'trust';
  /** Trust policies and KMS key policies must allow explicitly: IAM policies alone are not enough. */
  readonly required: boolean;
  readonly role: RoleEntity | undefined;
}

function s3BucketArn(arn: string): string | undefined {
  if (!arn.startsWith('arn:aws:s3:::') && !/^arn:aws-[a-z-]+:s3:::/.test(arn)) return undefined;
  const rest = arn.slice(arn.indexOf(':::') + 3);
  const slash = rest.indexOf('/');
  return slash < 0 ? arn : arn.slice(0, arn.length - rest.length + slash);
}

function roleFromArn(world: World, arn: string): RoleEntity | undefined {
  const match = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match) return undefined;
  const role = world.accounts.get(match[1]!)?.roles.get(match[2]!);
  return role && role.arn === arn ? role : undefined;
}

const NO_TAGS: ReadonlyMap<string, string> = new Map();
const targets = new WeakMap<World, Map<string, ResourceTarget>>();

/**
 * Remembered per world, by the kind of action (trust, KMS, other) and the resource — for an
 * S3 object, by its bucket, as everything but the ARN comes from the bucket.
 */
export function resolveResourceTarget(world: World, resource: string, actionLower: string, principal: ResolvedPrincipal): ResourceTarget {
  if (resource === '*') {
    return { arn: '*', account: principal.facts.accountId, tags: NO_TAGS, policy: undefined, stage: 'resource', required: false, role: undefined };
  }
  const kind = TRUST_ACTIONS.has(actionLower) ? 't' : actionLower.startsWith('kms:') ? 'k' : 'o';
  // Consecutive requests on one resource (a batch, a what-if replay) skip the lookup.
  if (last.world === world && last.resource === resource && last.kind === kind && last.target) return last.target;
  const target = lookupTarget(world, resource, kind, actionLower, principal);
  last.world = world;
  last.resource = resource;
  last.kind = kind;
  last.target = target.account === principal.facts.accountId && resourceOwnerFromArn(resource) === undefined ? undefined : target;
  return target;
}

const last: { world: World | undefined; resource: string; kind: string; target: ResourceTarget | undefined } = { world: undefined, resource: '', kind: '', target: undefined };

function lookupTarget(world: World, resource: string, kind: string, actionLower: string, principal: ResolvedPrincipal): ResourceTarget {
  const bucket = kind === 'o' ? s3BucketArn(resource) : undefined;
  let cache = targets.get(world);
  if (!cache) targets.set(world, (cache = new Map()));
  const key = kind + (bucket ?? resource);
  const hit = cache.get(key);
  if (hit) return hit.arn === resource ? hit : { arn: resource, account: hit.account, tags: hit.tags, policy: hit.policy, stage: hit.stage, required: hit.required, role: hit.role };
  const target = computeTarget(world, resource, actionLower, principal);
  // An unlisted resource whose ARN names no account belongs to the caller's account: not the same for every caller.
  const callerDependent = target.account === principal.facts.accountId && resourceOwnerFromArn(resource) === undefined && !world.resources.has(bucket ?? resource);
  if (!callerDependent && cache.size < 50_000) cache.set(key, target);
  return target;
}

function computeTarget(world: World, resource: string, actionLower: string, principal: ResolvedPrincipal): ResourceTarget {
  if (TRUST_ACTIONS.has(actionLower)) {
    const role = roleFromArn(world, resource);
    if (role) {
      return { arn: resource, account: role.account.id, tags: role.tags, policy: role.trust, stage: 'trust', required: true, role };
    }
    return { arn: resource, account: resourceOwnerFromArn(resource), tags: NO_TAGS, policy: undefined, stage: 'trust', required: true, role: undefined };
  }
  const bucket = s3BucketArn(resource);
  const entry = world.resources.get(bucket ?? resource) ?? world.resources.get(resource);
  const required = actionLower.startsWith('kms:') && /^arn:[a-z-]+:kms:[^:]*:\d{12}:key\//.test(resource);
  if (entry) {
    return { arn: resource, account: entry.account, tags: entry.tags, policy: entry.policy, stage: 'resource', required, role: undefined };
  }
  const role = roleFromArn(world, resource);
  const account = resourceOwnerFromArn(resource) ?? (bucket ? world.accountOrder[0] : principal.facts.accountId);
  return { arn: resource, account, tags: role?.tags ?? NO_TAGS, policy: undefined, stage: 'resource', required, role };
}
