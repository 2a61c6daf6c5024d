/**
 * The principals an analysis can be asked about (effective permissions): every IAM user,
 * role and root user of the world, grouped by account. Read from the world, never decided.
 */
import type { PrincipalKind } from '../../engine/analysis/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { arn } from '../world/arns';

export interface AnalysisPrincipal {
  readonly arn: string;
  readonly kind: PrincipalKind;
  readonly name: string;
}

export interface AccountPrincipals {
  readonly account: string;
  /** `alias (id)` or the id. */
  readonly label: string;
  readonly principals: readonly AnalysisPrincipal[];
}

export function analysisPrincipals(world: ScenarioJson): AccountPrincipals[] {
  return world.accounts.map((a) => ({
    account: a.id,
    label: a.alias ? `${a.alias} (${a.id})` : a.id,
    principals: [
      { arn: arn.root(a.id), kind: 'root' as const, name: 'root' },
      ...(a.users ?? []).map((u) => ({ arn: arn.user(a.id, u.name, u.path), kind: 'user' as const, name: u.name })),
      ...(a.roles ?? []).map((r) => ({ arn: arn.role(a.id, r.name, r.path), kind: 'role' as const, name: r.name })),
    ],
  }));
}

/** An account's label by id (its alias when it has one), for naming a principal's account. */
export function accountLabels(world: ScenarioJson | null): ReadonlyMap<string, string> {
  return new Map((world?.accounts ?? []).map((a) => [a.id, a.alias ? `${a.alias} (${a.id})` : a.id]));
}
