/**
 * The condition keys an IAM call's parameters put into the request context (IAM User Guide,
 * "IAM and AWS STS condition context keys", and the global condition keys):
 * - `iam:PolicyARN`: the managed policy an AttachXPolicy or DetachXPolicy call attaches or detaches;
 * - `iam:PermissionsBoundary`: the boundary a CreateUser/CreateRole call sets, or a
 *   PutUserPermissionsBoundary/PutRolePermissionsBoundary call puts;
 * - `aws:RequestTag/KEY` and `aws:TagKeys`: the tags a TagUser/TagRole call (or a CreateUser/CreateRole call with
 *   `Tags`) sends; `aws:TagKeys` alone for UntagUser/UntagRole (the keys it removes).
 * A key the request states in `context` still overrides these (as every derived key).
 */
import type { ContextValue } from '../context/types';
import { readValue } from './params';
import type { ApiSpec } from './types';

const POLICY_ARN_ACTIONS = new Set([
  'iam:attachuserpolicy', 'iam:detachuserpolicy', 'iam:attachgrouppolicy', 'iam:detachgrouppolicy', 'iam:attachrolepolicy', 'iam:detachrolepolicy',
]);
const BOUNDARY_ACTIONS = new Set(['iam:createuser', 'iam:createrole', 'iam:putuserpermissionsboundary', 'iam:putrolepermissionsboundary']);

/** The context keys the call's parameters give; nothing for a parameter that is missing or of the wrong type (the API refuses it later). */
export function apiContextKeys(spec: ApiSpec, params: Readonly<Record<string, unknown>>): (readonly [string, ContextValue])[] {
  const action = spec.action.toLowerCase();
  const out: (readonly [string, ContextValue])[] = [];
  const text = (name: string): string | undefined => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  if (POLICY_ARN_ACTIONS.has(action)) {
    const arn = text('PolicyArn');
    if (arn !== undefined) out.push(['iam:PolicyARN', arn]);
  }
  if (BOUNDARY_ACTIONS.has(action)) {
    const boundary = text('PermissionsBoundary');
    if (boundary !== undefined) out.push(['iam:PermissionsBoundary', boundary]);
  }
  if (spec.params.some((p) => p.name === 'Tags') && params['Tags'] !== undefined) {
    const tags = readValue('tags', params['Tags']) as Readonly<Record<string, string>> | undefined;
    if (tags) {
      for (const [key, value] of Object.entries(tags)) out.push([`aws:RequestTag/${key}`, value]);
      out.push(['aws:TagKeys', Object.keys(tags)]);
    }
  }
  if (spec.params.some((p) => p.name === 'TagKeys')) {
    const keys = readValue('stringList', params['TagKeys']) as readonly string[] | undefined;
    if (keys) out.push(['aws:TagKeys', keys]);
  }
  return out;
}
