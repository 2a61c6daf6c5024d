/**
 * Puts the AWS managed policies a world uses into the service worker's data cache. On a
 * first visit the engine worker fetched them before the service worker was in control, so
 * they were not cached; fetched again from a controlled page, they are (cache first), and
 * the world opens offline next time. Costs nothing when they are already cached.
 */
import { fetchManagedPolicies } from '../../engine/data/managedPolicies';
import type { ScenarioJson } from '../../engine/scenario/types';
import { siteBaseUrl } from '../engine/engine';
import { graphOf } from '../world/useWorld';

export function warmDataCache(world: ScenarioJson | null): void {
  if (!world || !navigator.serviceWorker?.controller) return;
  const arns = graphOf(world)
    .nodes.filter((n) => n.kind === 'awsManaged' && n.arn)
    .map((n) => n.arn as string);
  if (arns.length === 0) return;
  // Best effort: a failure here only means the data is not cached yet.
  void fetchManagedPolicies(arns, new URL('data/', siteBaseUrl()).href).catch(() => undefined);
}
