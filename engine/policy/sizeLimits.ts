/**
 * AWS's size quotas for policy documents, and how a policy's size is counted.
 *
 * Sources: IAM User Guide, "IAM and AWS STS quotas" (IAM does not count white space;
 * inline policy quotas are the sum of all inline policies of one user, group or role; the
 * role trust policy quota is adjustable); AWS STS API reference, AssumeRole `Policy`
 * (length 1–2,048: every character of the plaintext counts); AWS Organizations User Guide,
 * "SCP syntax" / "RCP syntax" ("All characters in your SCP count against its maximum size")
 * and "Quotas and service limits for AWS Organizations" (5,120 characters each).
 */
import { makeFinding } from './findingCodes';
import type { Policy, PolicyFinding, PolicyKind, Span } from './types';

export interface PolicySizeLimit {
  /** The quota's name in AWS's documentation. */
  readonly quota: string;
  /** The largest allowed size, in characters. */
  readonly limit: number;
  /** Whether white space outside strings counts (IAM: no; STS and Organizations: yes). */
  readonly countsWhitespace: boolean;
  /** Whether the limit is for the sum of several policies of one entity. */
  readonly aggregate: boolean;
  /** The highest value AWS grants on request, for an adjustable quota. */
  readonly adjustableTo?: number;
}

export const POLICY_SIZE_LIMITS = {
  managedPolicy: { quota: 'managed policy size', limit: 6144, countsWhitespace: false, aggregate: false },
  userInlinePolicies: { quota: 'user inline policy size (all inline policies of the user)', limit: 2048, countsWhitespace: false, aggregate: true },
  groupInlinePolicies: { quota: 'group inline policy size (all inline policies of the group)', limit: 5120, countsWhitespace: false, aggregate: true },
  roleInlinePolicies: { quota: 'role inline policy size (all inline policies of the role)', limit: 10240, countsWhitespace: false, aggregate: true },
  roleTrustPolicy: { quota: 'role trust policy length', limit: 2048, countsWhitespace: false, aggregate: false, adjustableTo: 4096 },
  sessionPolicy: { quota: 'session policy plaintext', limit: 2048, countsWhitespace: true, aggregate: false },
  serviceControlPolicy: { quota: 'SCP document size', limit: 5120, countsWhitespace: true, aggregate: false },
  resourceControlPolicy: { quota: 'RCP document size', limit: 5120, countsWhitespace: true, aggregate: false },
} as const satisfies Record<string, PolicySizeLimit>;

export type PolicySizeLimitName = keyof typeof POLICY_SIZE_LIMITS;

/**
 * The quota checked by default for a policy of each kind. An identity policy is taken to
 * be a managed policy (inline policies share an aggregate quota the caller must sum); a
 * resource-based policy has a per-service quota (S3 bucket policy 20 KB, KMS key policy
 * 32 KB, …), so none by default.
 */
export const DEFAULT_SIZE_LIMIT: Readonly<Record<PolicyKind, PolicySizeLimitName | null>> = {
  identity: 'managedPolicy',
  boundary: 'managedPolicy',
  session: 'sessionPolicy',
  trust: 'roleTrustPolicy',
  scp: 'serviceControlPolicy',
  rcp: 'resourceControlPolicy',
  resource: null,
};

/** The length of JSON text without the white space outside strings (its minified length). */
export function minifiedLength(text: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      n++;
      if (c === 0x5c /* \ */) {
        n++;
        i++;
      } else if (c === 0x22 /* " */) inString = false;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      n++;
      if (c === 0x22) inString = true;
    }
  }
  return n;
}

/**
 * A policy's size as the given quota counts it. A policy that came from a JSON value (not
 * text its author wrote) is measured minified, since its white space is not the author's.
 */
export function policySize(policy: Pick<Policy, 'text' | 'source'>, limit: PolicySizeLimitName): number {
  const counts = POLICY_SIZE_LIMITS[limit].countsWhitespace && policy.source !== 'value';
  return counts ? policy.text.length : minifiedLength(policy.text);
}

/** A `policySizeExceeded` finding when `size` is over the quota, else `undefined`. */
export function checkPolicySize(
  size: number,
  limit: PolicySizeLimitName,
  span: Span = { start: 0, end: 0 },
  path = '$',
): PolicyFinding | undefined {
  const q = POLICY_SIZE_LIMITS[limit];
  if (size <= q.limit) return undefined;
  return makeFinding('policySizeExceeded', { size, limit: q.limit, quota: q.quota }, span, path);
}

/**
 * Checks the sum of several policies against an aggregate quota (a user's, group's or
 * role's inline policies), each measured as IAM counts it.
 */
export function checkAggregatePolicySize(
  policies: readonly Pick<Policy, 'text' | 'source'>[],
  limit: PolicySizeLimitName,
): PolicyFinding | undefined {
  let total = 0;
  for (const p of policies) total += policySize(p, limit);
  return checkPolicySize(total, limit);
}
