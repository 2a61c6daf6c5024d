/**
 * The documents the inspector starts a new policy with. Each must be valid as AWS
 * validates it (an empty Statement list is refused: "MalformedPolicyDocument"), so the
 * world stays valid, while granting nothing until the learner writes it.
 */
import type { PolicyDocumentJson } from '../../engine/scenario/types';

/**
 * A new inline policy: one statement that applies to no action at all (`NotAction: "*"`
 * excludes every action), so it neither allows nor denies anything yet.
 */
export function emptyIdentityPolicy(): PolicyDocumentJson {
  return { Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Deny', NotAction: '*', Resource: '*' }] };
}

/** The service of a resource ARN (`arn:aws:s3:::b` → `s3`), or `*` when the ARN has none. */
function serviceOf(resourceArn: string): string {
  return resourceArn.split(':')[2] || '*';
}

/**
 * A new resource-based policy: the resource's own account may use it. In the same account
 * this grants nothing by itself: naming the account delegates to its identity-based
 * policies, which must still allow the request (IAM User Guide, "Cross account resource
 * access in IAM" / policy evaluation within a single account).
 */
export function accountResourcePolicy(account: string, resourceArn: string): PolicyDocumentJson {
  const resources = /^arn:[^:]+:s3:::[^/]+$/.test(resourceArn) ? [resourceArn, `${resourceArn}/*`] : [resourceArn];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OwnAccount',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: `${serviceOf(resourceArn)}:*`,
        Resource: resources.length === 1 ? resources[0] : resources,
      },
    ],
  };
}
