/**
 * The names of the editor's Monaco models: one per policy node, in a folder per policy
 * kind (`/iam-policy-trust/…`), so that the JSON language picks the kind's schema by path
 * and the editor's completion, hover and quick fixes answer for policy models only.
 */
import type { PolicyKind } from '../../engine/policy/types';

export const POLICY_MODEL_SCHEME = 'inmemory';
export const POLICY_MODEL_AUTHORITY = 'iam-playground';
export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'boundary', 'session', 'resource', 'trust', 'scp', 'rcp'];

const FOLDER = 'iam-policy-';

/** The model path of a node's document (the node id is encoded: it holds `:` and `/`). */
export function policyModelPath(kind: PolicyKind, nodeId: string): string {
  return `/${FOLDER}${kind}/${encodeURIComponent(nodeId)}.json`;
}

/** The JSON schema's file pattern for models of `kind` (matched against the model's URI). */
export function policyModelPattern(kind: PolicyKind): string {
  return `${FOLDER}${kind}/*.json`;
}

/** The policy kind of a model, from its URI's authority and path; `undefined` for any other model. */
export function policyKindOfModel(uri: { readonly scheme: string; readonly authority: string; readonly path: string }): PolicyKind | undefined {
  if (uri.scheme !== POLICY_MODEL_SCHEME || uri.authority !== POLICY_MODEL_AUTHORITY) return undefined;
  const m = /^\/iam-policy-([a-z]+)\/[^/]+\.json$/.exec(uri.path);
  return POLICY_KINDS.find((k) => k === m?.[1]);
}
