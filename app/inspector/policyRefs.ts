/**
 * Managed policies as a user, group or role refers to them: by name (a customer managed
 * policy of its own account) or by ARN (an AWS managed policy, or another account's).
 * What the attach picker offers, and how a typed name becomes a reference.
 */
import type { ManagedPolicyIndexEntry } from '../../engine/data/managedPolicies';
import { isAwsManagedPolicyArn } from '../../engine/data/managedPolicies';
import type { ScenarioJson } from '../../engine/scenario/types';
import { nodeId } from '../world/ids';

const CUSTOMER_POLICY_ARN = /^arn:[^:]+:iam::(\d{12}):policy\/(?:.*\/)?([^/]+)$/;

/** The name a reference shows: an ARN's last segment, or the name itself. */
export function policyName(ref: string): string {
  return ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
}

/** The map node of the policy `ref` names, seen from `account`. */
export function policyNodeId(account: string, ref: string): string {
  if (isAwsManagedPolicyArn(ref)) return nodeId.awsManaged(ref);
  const m = CUSTOMER_POLICY_ARN.exec(ref);
  return m ? nodeId.customerManaged(m[1] as string, m[2] as string) : nodeId.customerManaged(account, ref);
}

export function isAwsManaged(ref: string): boolean {
  return isAwsManagedPolicyArn(ref);
}

export interface PolicyChoice {
  /** What the edit is given (and what the field shows once picked). */
  readonly value: string;
  readonly label: string;
  readonly source: 'account' | 'aws';
}

/**
 * The policies the picker offers for a holder of `account`: that account's customer managed
 * policies (by name), then the AWS managed policies the world already uses (by ARN), then
 * every other AWS managed policy the site knows. `exclude` holds what is already attached.
 */
export function policyChoices(world: ScenarioJson, account: string, exclude: readonly string[], awsIndex: readonly ManagedPolicyIndexEntry[]): PolicyChoice[] {
  const taken = new Set(exclude);
  const out: PolicyChoice[] = [];
  const seen = new Set<string>();
  const push = (choice: PolicyChoice) => {
    if (taken.has(choice.value) || seen.has(choice.value)) return;
    seen.add(choice.value);
    out.push(choice);
  };
  for (const p of world.accounts.find((a) => a.id === account)?.policies ?? []) push({ value: p.name, label: p.name, source: 'account' });
  const used: string[] = [];
  for (const a of world.accounts) {
    const holders: readonly { readonly managedPolicies?: readonly string[]; readonly permissionsBoundary?: string | null }[] = [...(a.users ?? []), ...(a.groups ?? []), ...(a.roles ?? [])];
    for (const holder of holders) {
      for (const ref of holder.managedPolicies ?? []) if (isAwsManagedPolicyArn(ref)) used.push(ref);
      if (holder.permissionsBoundary && isAwsManagedPolicyArn(holder.permissionsBoundary)) used.push(holder.permissionsBoundary);
    }
  }
  for (const ref of used.sort()) push({ value: ref, label: policyName(ref), source: 'aws' });
  for (const entry of awsIndex) push({ value: entry.arn, label: entry.name, source: 'aws' });
  return out;
}

/**
 * The reference for what the learner typed: a customer managed policy of the account by its
 * exact name; else an AWS managed policy by its name (`ReadOnlyAccess` →
 * `arn:aws:iam::aws:policy/ReadOnlyAccess`, its path included); else the text as typed (an
 * ARN, or a name the edit will report as not found).
 */
export function resolvePolicyInput(text: string, world: ScenarioJson, account: string, awsIndex: readonly ManagedPolicyIndexEntry[]): string {
  const typed = text.trim();
  if (typed === '' || typed.startsWith('arn:')) return typed;
  if (world.accounts.find((a) => a.id === account)?.policies?.some((p) => p.name === typed)) return typed;
  const aws = awsIndex.find((e) => e.name === typed) ?? awsIndex.find((e) => e.name.toLowerCase() === typed.toLowerCase());
  return aws ? aws.arn : typed;
}
