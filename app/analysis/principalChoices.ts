/**
 * The principals an analysis can be asked about (effective permissions): every IAM user,
 * role and root user of the world, grouped by account. Read from the world, never decided.
 */
import type { PrincipalKind } from '../../engine/analysis/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldPrincipals } from './auditView';

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
  const all = worldPrincipals(world, { root: true });
  const labels = accountLabels(world);
  return world.accounts.map((a) => ({
    account: a.id,
    label: labels.get(a.id) ?? a.id,
    principals: all.filter((p) => p.account === a.id).map((p) => ({ arn: p.arn, kind: p.kind, name: p.kind === 'root' ? 'root' : p.name })),
  }));
}

/** An account's label by id (its alias when it has one), for naming a principal's account. */
export function accountLabels(world: ScenarioJson | null): ReadonlyMap<string, string> {
  return new Map((world?.accounts ?? []).map((a) => [a.id, a.alias ? `${a.alias} (${a.id})` : a.id]));
}
