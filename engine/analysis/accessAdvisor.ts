/**
 * Access Advisor's "last accessed" view (IAM User Guide, "Refine permissions in AWS using
 * last accessed information"): every service the principal's identity-based policies allow,
 * when the principal last made an allowed request to it (absent: "Not accessed in the
 * tracking period"), and the policies that grant it.
 *
 * A policy that allows `*` (or `*:*`, or NotAction) grants every service: with the IAM
 * service data that is every service AWS has, as the console lists them; without it, the
 * services the policies name and those the log shows.
 */
import type { PolicyRef } from '../evaluate/types';
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { AccessAdvisorEntry, AccessAdvisorQuery, AccessAdvisorReport } from './types';
import { actorOf, servicePrefix, succeeded, timeOf, isoSeconds } from './eventLog';
import { grantsOf, grantsService, patternService, requirePrincipal, serviceWildcard, summaryOf } from './identityGrants';

export async function accessAdvisor(deps: AnalysisDeps, query: AccessAdvisorQuery, control: AnalysisControl): Promise<AccessAdvisorReport> {
  const entity = requirePrincipal(deps.world, query.principal);
  const grants = grantsOf(entity);

  // The last allowed request of the principal to each service.
  const last = new Map<string, number>();
  const total = query.events.length;
  for (let i = 0; i < total; i++) {
    await control.step(i, total);
    const { event, action } = query.events[i]!;
    if (!succeeded(event) || actorOf(event) !== entity.arn) continue;
    const time = timeOf(event.eventTime);
    if (time === undefined) continue;
    const prefix = servicePrefix(action);
    if ((last.get(prefix) ?? -Infinity) < time) last.set(prefix, time);
  }

  let names = new Map<string, string>();
  if (deps.catalogue) {
    try {
      await deps.catalogue.loadIndex();
      names = new Map(deps.catalogue.services().map((s) => [s.prefix, s.name]));
    } catch {
      // Without the service data the services are named by prefix.
    }
  }

  const candidates = new Set<string>();
  const anyService = grants.some((g) => g.not || g.patterns.some(serviceWildcard));
  for (const grant of grants) for (const p of grant.patterns) if (!serviceWildcard(p)) candidates.add(patternService(p));
  if (anyService) {
    for (const prefix of names.keys()) candidates.add(prefix);
    for (const prefix of last.keys()) candidates.add(prefix);
  }

  const services: AccessAdvisorEntry[] = [];
  const list = [...candidates].sort();
  for (let i = 0; i < list.length; i++) {
    await control.step(i, list.length);
    const prefix = list[i]!;
    const refs = new Map<string, PolicyRef>();
    for (const grant of grants) if (grantsService(grant, prefix)) refs.set(grant.policy.ref.id, grant.policy.ref);
    if (refs.size === 0) continue;
    const time = last.get(prefix);
    services.push({
      prefix,
      name: names.get(prefix) ?? prefix,
      ...(time === undefined ? {} : { lastAccessed: isoSeconds(time) }),
      grantedBy: [...refs.values()],
    });
  }
  // By service name (the view may sort otherwise); names are unique, prefixes break ties anyway.
  services.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.prefix < b.prefix ? -1 : 1));
  return { principal: summaryOf(entity), services };
}
