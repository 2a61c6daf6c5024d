/**
 * IAM Access Analyzer's unused access findings (IAM User Guide, "IAM Access Analyzer
 * findings" and "Create an unused access analyzer"), from the event log and the world's
 * facts, for the IAM users and roles of every account:
 *
 * - `UnusedIAMRole`: a role not used (assumed, or a request made by one of its sessions)
 *   within the tracking period.
 * - `UnusedIAMUserAccessKey`: an active access key not used within it.
 * - `UnusedIAMUserPassword`: a console password not used to sign in within it.
 * - `UnusedPermission`: per service, what the principal's policies grant and it did not use.
 *   AWS reports services; for the services it tracks action by action it also lists the
 *   unused actions. The log here knows every action, so a service that was used in part
 *   lists its unused actions — when they can be listed: named one by one in the policies, or
 *   expanded from a wildcard with the IAM service data. A wildcard the data cannot expand
 *   (no data loaded) makes no partial finding: it would be a guess.
 *   A grant of every service (`*`, `*:Get*`, NotAction) is one finding for service `*`, made
 *   only when the principal used nothing at all — AWS would list every service it reaches,
 *   hundreds for an administrator, which would bury the rest.
 *
 * "The analyzer will only evaluate … IAM entities … that have existed for the entire
 * tracking period": an entity, password or key the log shows created within the period (or
 * a key whose `created` date is within it) is not judged yet. Entities the world lists
 * without a date are taken to be older than the period.
 */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { PrincipalSummary, UnusedAccessFinding, UnusedAccessQuery, UnusedAccessReport, UnusedFindingType } from './types';
import {
  actorEvents, createdInLog, indexUsage, isoSeconds, keyLastUsed, passwordLastUsed, periodStart, roleLastUsed, servicePrefix, timeOf,
  type UsageIndex,
} from './eventLog';
import { grantedActionsOfService, grantsOf, patternService, serviceWildcard, summaryOf, type PrincipalEntity } from './identityGrants';
import type { ServiceCatalogue } from '../data/serviceData';

const TYPE_ORDER: readonly UnusedFindingType[] = ['UnusedIAMRole', 'UnusedIAMUserPassword', 'UnusedIAMUserAccessKey', 'UnusedPermission'];

function lastUsedField(time: number | undefined): { lastUsed?: string } {
  return time === undefined ? {} : { lastUsed: isoSeconds(time) };
}

/** The UnusedPermission findings of one principal. */
async function unusedPermissions(
  entity: PrincipalEntity,
  summary: PrincipalSummary,
  usage: UsageIndex,
  since: number,
  catalogue: ServiceCatalogue | undefined,
): Promise<UnusedAccessFinding[]> {
  const grants = grantsOf(entity);
  if (grants.length === 0) return [];
  const events = actorEvents(usage, entity.arn);
  const usedInPeriod = new Map<string, Set<string>>();
  const lastUse = new Map<string, number>();
  let anyInPeriod = false;
  let lastAny: number | undefined;
  for (const { event, action } of events) {
    const time = timeOf(event.eventTime);
    if (time === undefined) continue;
    const prefix = servicePrefix(action);
    lastUse.set(prefix, Math.max(lastUse.get(prefix) ?? -Infinity, time));
    lastAny = Math.max(lastAny ?? -Infinity, time);
    if (time < since) continue;
    anyInPeriod = true;
    const set = usedInPeriod.get(prefix) ?? new Set<string>();
    set.add(action.toLowerCase());
    usedInPeriod.set(prefix, set);
  }
  const out: UnusedAccessFinding[] = [];
  const wildcards = grants.flatMap((g) => (g.not ? ['*'] : g.patterns.filter(serviceWildcard)));
  if (wildcards.length > 0 && !anyInPeriod) {
    out.push({ type: 'UnusedPermission', principal: summary, service: '*', actions: [...new Set(wildcards)].sort(), ...lastUsedField(lastAny) });
  }
  const named = new Set<string>();
  for (const grant of grants) if (!grant.not) for (const p of grant.patterns) if (!serviceWildcard(p)) named.add(patternService(p));
  for (const prefix of [...named].sort()) {
    const used = usedInPeriod.get(prefix);
    const granted = await grantedActionsOfService(grants, prefix, catalogue);
    if (!used) {
      // Nothing of the service was used: the finding names the service, with its actions when they can be listed.
      const asWritten = [...new Set(grants.flatMap((g) => (g.not ? [] : g.patterns.filter((p) => !serviceWildcard(p) && patternService(p) === prefix))))].sort();
      out.push({ type: 'UnusedPermission', principal: summary, service: prefix, actions: granted ?? asWritten, ...lastUsedField(lastUse.get(prefix)) });
      continue;
    }
    if (!granted) continue;
    const unused = granted.filter((a) => !used.has(a.toLowerCase()));
    if (unused.length > 0) out.push({ type: 'UnusedPermission', principal: summary, service: prefix, actions: unused, ...lastUsedField(lastUse.get(prefix)) });
  }
  return out;
}

/** Access Analyzer's tracking period: "a value between 1 and 365 days". */
export const TRACKING_DAYS = { min: 1, max: 365 } as const;

export async function unusedAccess(deps: AnalysisDeps, query: UnusedAccessQuery, control: AnalysisControl): Promise<UnusedAccessReport> {
  const { world, now, catalogue } = deps;
  const days = query.unusedDays;
  if (!Number.isInteger(days) || days < TRACKING_DAYS.min || days > TRACKING_DAYS.max) {
    throw new Error(`The tracking period \`${String(days)}\` is not a whole number of days from ${TRACKING_DAYS.min} to ${TRACKING_DAYS.max}.`);
  }
  const since = periodStart(now, query.unusedDays);
  const usage = indexUsage(world, query.events);
  const existedBefore = (actions: readonly string[], arn: string): boolean => {
    const created = createdInLog(usage, actions, arn);
    return created === undefined || created <= since;
  };
  const principals: PrincipalEntity[] = [];
  for (const account of world.accounts.values()) principals.push(...account.users.values(), ...account.roles.values());
  const findings: UnusedAccessFinding[] = [];
  for (let i = 0; i < principals.length; i++) {
    await control.step(i, principals.length);
    const entity = principals[i]!;
    if (entity.kind === 'root') continue;
    const summary = summaryOf(entity);
    if (entity.kind === 'role') {
      if (!existedBefore(['iam:CreateRole'], entity.arn)) continue;
      const last = roleLastUsed(usage, entity.arn);
      if (last === undefined || last < since) {
        findings.push({ type: 'UnusedIAMRole', principal: summary, ...lastUsedField(last) });
        continue; // an unused role's permissions are all unused: the role finding says it
      }
    } else {
      if (!existedBefore(['iam:CreateUser'], entity.arn)) continue;
      if (entity.password !== undefined && existedBefore(['iam:CreateLoginProfile'], entity.arn)) {
        const last = passwordLastUsed(usage, entity);
        if (!last || last.time < since) findings.push({ type: 'UnusedIAMUserPassword', principal: summary, ...lastUsedField(last?.time) });
      }
      for (const key of entity.accessKeys) {
        if ((key.status ?? 'Active') !== 'Active') continue;
        const created = timeOf(key.created);
        if (created !== undefined && created > since) continue;
        const last = keyLastUsed(usage, key);
        if (!last || last.time < since) findings.push({ type: 'UnusedIAMUserAccessKey', principal: summary, accessKeyId: key.id, ...lastUsedField(last?.time) });
      }
    }
    findings.push(...(await unusedPermissions(entity, summary, usage, since, catalogue)));
  }
  findings.sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      (a.principal.arn < b.principal.arn ? -1 : a.principal.arn > b.principal.arn ? 1 : 0) ||
      (a.accessKeyId ?? a.service ?? '').localeCompare(b.accessKeyId ?? b.service ?? '', 'en'),
  );
  return { unusedDays: query.unusedDays, now: now.toISOString(), findings };
}
