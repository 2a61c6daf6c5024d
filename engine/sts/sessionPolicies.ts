/**
 * Session policies and the packed size of an STS call (AWS STS API Reference, AssumeRole,
 * `Policy` and `PolicyArns`: "You can provide up to 10 managed policy ARNs. However, the
 * plaintext that you use for both inline and managed session policies can't exceed 2,048
 * characters … An AWS conversion compresses the passed inline session policy, managed
 * policy ARNs, and session tags into a packed binary format that has a separate limit …
 * The PackedPolicySize response element indicates by percentage how close the policies
 * and tags for your request are to the upper size limit").
 */
import { compilePolicy, withRef, type CompiledPolicy } from '../evaluate/compiledPolicy';
import type { World } from '../model/world';
import { stringListParam, type ParamError, type StsParams } from './params';

/** The inline session policy is at most 2,048 characters of plain text (`sessionPolicyDocumentType`, max 2048). */
export const SESSION_POLICY_MAX_CHARS = 2048;
/** At most ten managed session policy ARNs. */
export const SESSION_POLICY_MAX_ARNS = 10;

export interface SessionPolicyPlan {
  /** `undefined` when the call passed no session policy (the session is not limited by one). */
  readonly policies: readonly CompiledPolicy[] | undefined;
  /**
   * The PackedPolicySize AWS reports (a percentage of the packed limit), present when the
   * call passed session policies or session tags. AWS does not publish its packing; this
   * is the plain text of the inline policy (as sent), the ARNs and the tags against 2,048
   * characters — close to what AWS reports for small requests (8 for the AssumeRole example
   * of the API Reference: a 113-character policy and three tags).
   */
  readonly packedPolicySize: number | undefined;
}

/** The plain text of the `Policy` parameter as the request sends it. */
export function inlinePolicyText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/**
 * Reads `Policy` and `PolicyArns`, with the limits above, and the packed size of the
 * session policies together with the session tags `tags` (which count against the same
 * packed limit).
 */
export function sessionPolicies(
  world: World,
  params: StsParams,
  requestId: string,
  tags: ReadonlyMap<string, string>,
): SessionPolicyPlan | ParamError {
  const inline = params['Policy'];
  const arns = stringListParam(params, 'PolicyArns');
  const policies: CompiledPolicy[] = [];
  let plainText = 0;
  if (inline !== undefined) {
    const text = inlinePolicyText(inline);
    plainText = text.length;
    if (plainText > SESSION_POLICY_MAX_CHARS) {
      return {
        errorCode: 'ValidationError',
        message: `1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to ${SESSION_POLICY_MAX_CHARS} (the inline session policy has ${plainText} characters).`,
      };
    }
    const policy = compilePolicy(inline, 'session', { id: `request:${requestId}/session`, kind: 'sessionPolicy', name: 'session policy' });
    if (policy.errors.length > 0) return { errorCode: 'MalformedPolicyDocument', message: policy.errors.join(' ') };
    policies.push(policy);
  }
  if (arns.length > SESSION_POLICY_MAX_ARNS) {
    return { errorCode: 'ValidationError', message: `1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${SESSION_POLICY_MAX_ARNS} (${arns.length} managed session policies were passed).` };
  }
  for (const arn of arns) {
    const policy = world.managedPolicy(arn);
    if (!policy) return { errorCode: 'NoSuchEntity', message: `Policy ${arn} does not exist or is not attachable.` };
    policies.push(withRef(policy, { ...policy.ref, kind: 'sessionPolicy' }));
  }
  const passedPolicies = inline !== undefined || arns.length > 0;
  if (!passedPolicies && tags.size === 0) return { policies: undefined, packedPolicySize: undefined };
  const tagText = [...tags].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const policyText = plainText + arns.reduce((n, a) => n + a.length, 0);
  const packed = Math.ceil(((policyText + tagText) / SESSION_POLICY_MAX_CHARS) * 100);
  if (packed > 100) {
    const what = passedPolicies && tags.size > 0 ? 'session policies and session tags' : passedPolicies ? 'session policies' : 'session tags';
    return { errorCode: 'PackedPolicyTooLarge', message: `Packed size of ${what} consumes ${packed}% of allotted space.` };
  }
  return { policies: passedPolicies ? policies : undefined, packedPolicySize: packed };
}
