/** The world's JSON for what the inspector shows: found by the names edits use. */
import type { HolderRef } from '../../engine/edit/types';
import type { AccountJson, GroupJson, ManagedPolicyJson, ResourceJson, RoleJson, ScenarioJson, UserJson } from '../../engine/scenario/types';

export function accountOf(world: ScenarioJson, id: string): AccountJson | undefined {
  return world.accounts.find((a) => a.id === id);
}

export function userOf(world: ScenarioJson, account: string, name: string): UserJson | undefined {
  return accountOf(world, account)?.users?.find((u) => u.name === name);
}

export function groupOf(world: ScenarioJson, account: string, name: string): GroupJson | undefined {
  return accountOf(world, account)?.groups?.find((g) => g.name === name);
}

export function roleOf(world: ScenarioJson, account: string, name: string): RoleJson | undefined {
  return accountOf(world, account)?.roles?.find((r) => r.name === name);
}

export function policyOf(world: ScenarioJson, account: string, name: string): ManagedPolicyJson | undefined {
  return accountOf(world, account)?.policies?.find((p) => p.name === name);
}

export function resourceOf(world: ScenarioJson, account: string, arn: string): ResourceJson | undefined {
  return accountOf(world, account)?.resources?.find((r) => r.arn === arn);
}

/** What a user, group or role holds: its attached managed policies, inline policies and boundary. */
export interface HolderJson {
  readonly managedPolicies?: readonly string[];
  readonly inlinePolicies?: Readonly<Record<string, unknown>>;
  readonly permissionsBoundary?: string | null;
}

export function holderOf(world: ScenarioJson, ref: HolderRef): HolderJson | undefined {
  if (ref.kind === 'user') return userOf(world, ref.account, ref.name);
  if (ref.kind === 'group') return groupOf(world, ref.account, ref.name);
  return roleOf(world, ref.account, ref.name);
}

/** The current time of the world (its clock when it has one), as an ISO date. */
export function worldNow(world: ScenarioJson): string {
  return world.now ?? new Date().toISOString();
}
