/**
 * Least-privilege policy generation from the event log, as IAM Access Analyzer generates a
 * policy from CloudTrail (IAM User Guide, "IAM Access Analyzer policy generation"): the
 * principal's allowed requests become an identity-based policy that allows exactly those
 * actions on the resources the log shows.
 *
 * - Only allowed requests count: a refused request shows what the principal tried, not what
 *   it needs.
 * - Statements are grouped by service (like AWS's generated policies); within a service,
 *   actions that were used on the same resources share one statement.
 * - Actions are written in AWS's casing (the IAM service data, when loaded); a request on
 *   `*` — an action that takes no resource (`s3:ListAllMyBuckets`, `sts:GetCallerIdentity`),
 *   or one the service data says supports only `*` — gets `"Resource": "*"`.
 * - Everything is sorted, so the same log always gives the same text.
 */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { GeneratePolicyQuery, GeneratedPolicy } from './types';
import { actorOf, servicePrefix, succeeded } from './eventLog';
import { canonicalAction, grantsOf, identityPolicies, patternService, requirePrincipal, serviceWildcard, summaryOf, type PrincipalEntity } from './identityGrants';
import { lineDiff } from './lineDiff';
import type { ServiceCatalogue } from '../data/serviceData';

const VERSION = '2012-10-17';

/** `execute-api` → `ExecuteApi`: a Sid is letters and digits only. */
function pascal(prefix: string): string {
  return prefix.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function oneOrMany(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0]! : values;
}

async function wildcardOnly(action: string, catalogue: ServiceCatalogue | undefined): Promise<boolean> {
  if (!catalogue) return false;
  const data = await catalogue.loadServiceData(servicePrefix(action)).catch(() => undefined);
  return data?.actions.get(action.slice(action.indexOf(':') + 1).toLowerCase())?.wildcardOnly ?? false;
}

interface GeneratedStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
}

/** The statements for one principal's used (action → resources). */
function statementsOf(used: ReadonlyMap<string, ReadonlySet<string>>): GeneratedStatement[] {
  const byService = new Map<string, Map<string, ReadonlySet<string>>>();
  for (const [action, resources] of used) {
    const prefix = servicePrefix(action);
    const map = byService.get(prefix) ?? new Map<string, ReadonlySet<string>>();
    map.set(action, resources);
    byService.set(prefix, map);
  }
  const out: GeneratedStatement[] = [];
  for (const prefix of [...byService.keys()].sort()) {
    // Actions used on the same resources share a statement.
    const groups = new Map<string, { actions: string[]; resources: string[] }>();
    for (const [action, set] of byService.get(prefix)!) {
      const resources = [...set].sort();
      const key = resources.join('\n');
      const group = groups.get(key) ?? { actions: [], resources };
      group.actions.push(action);
      groups.set(key, group);
    }
    const ordered = [...groups.values()].map((g) => ({ ...g, actions: g.actions.sort() })).sort((x, y) => (x.actions[0]! < y.actions[0]! ? -1 : 1));
    ordered.forEach((g, i) => {
      out.push({ Sid: `${pascal(prefix)}Access${ordered.length > 1 ? String(i + 1) : ''}`, Effect: 'Allow', Action: oneOrMany(g.actions), Resource: oneOrMany(g.resources) });
    });
  }
  return out;
}

/** The principal's identity-based policies as one document: every statement of every policy, in order. */
export function mergedIdentityText(entity: PrincipalEntity): string {
  const statements: unknown[] = [];
  for (const policy of identityPolicies(entity)) {
    // A policy AWS would reject grants nothing: it is not part of the current permissions.
    if (!policy.policy || policy.errors.length > 0) continue;
    let document: unknown;
    try {
      document = JSON.parse(policy.text);
    } catch {
      continue;
    }
    const statement = (document as { Statement?: unknown }).Statement;
    if (Array.isArray(statement)) statements.push(...(statement as unknown[]));
    else if (statement !== undefined) statements.push(statement);
  }
  return JSON.stringify({ Version: VERSION, Statement: statements }, null, 2);
}

/** What the current policies allow that the log never used: wildcards expanded with the service data where it can. */
async function droppedActions(entity: PrincipalEntity, used: ReadonlySet<string>, catalogue: ServiceCatalogue | undefined): Promise<string[]> {
  const out = new Map<string, string>();
  const add = (action: string) => {
    const key = action.toLowerCase();
    if (!used.has(key) && !out.has(key)) out.set(key, action);
  };
  for (const grant of grantsOf(entity)) {
    // NotAction allows nearly everything: what the generated policy drops is "everything else".
    if (grant.not) {
      add('*');
      continue;
    }
    for (const pattern of grant.patterns) {
      if (!/[*?]/.test(pattern)) {
        add(await canonicalAction(pattern, catalogue));
        continue;
      }
      // A wildcard service (`*`, `*:Get*`) would mean every service's actions: it is listed as written.
      const data = !serviceWildcard(pattern) && catalogue ? await catalogue.loadServiceData(patternService(pattern)).catch(() => undefined) : undefined;
      if (!data) {
        out.set(`pattern:${pattern.toLowerCase()}`, pattern);
        continue;
      }
      for (const info of catalogue!.actionsMatching(pattern)) add(`${info.service}:${info.name}`);
    }
  }
  return [...out.values()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

export async function generatePolicy(deps: AnalysisDeps, query: GeneratePolicyQuery, control: AnalysisControl): Promise<GeneratedPolicy> {
  const entity = requirePrincipal(deps.world, query.principal);
  if (deps.catalogue) await deps.catalogue.loadIndex().catch(() => undefined);
  const used = new Map<string, Set<string>>();
  const usedLower = new Set<string>();
  // Action names are case-insensitive: without the service data the first spelling the log shows stands for all.
  const spelling = new Map<string, string>();
  let eventsUsed = 0;
  const total = query.events.length;
  for (let i = 0; i < total; i++) {
    await control.step(i, total);
    const { event, action, resource } = query.events[i]!;
    if (!succeeded(event) || actorOf(event) !== entity.arn || !action.includes(':')) continue;
    eventsUsed++;
    const canonical = await canonicalAction(action, deps.catalogue);
    const name = spelling.get(canonical.toLowerCase()) ?? canonical;
    spelling.set(name.toLowerCase(), name);
    const target = resource === '' || resource === '*' || (await wildcardOnly(name, deps.catalogue)) ? '*' : resource;
    const set = used.get(name) ?? new Set<string>();
    set.add(target);
    used.set(name, set);
    usedLower.add(name.toLowerCase());
  }
  // A resource-less use and a use on a resource: `*` covers both, so the statement says `*` alone.
  for (const set of used.values()) if (set.has('*') && set.size > 1) for (const r of [...set]) if (r !== '*') set.delete(r);
  const statements = statementsOf(used);
  const text = JSON.stringify({ Version: VERSION, Statement: statements }, null, 2);
  const currentText = mergedIdentityText(entity);
  return {
    principal: summaryOf(entity),
    text,
    eventsUsed,
    currentText,
    diff: lineDiff(currentText, text),
    dropped: await droppedActions(entity, usedLower, deps.catalogue),
    statementCount: statements.length,
  };
}
