/**
 * Loads, from the IAM service catalogue, what a completion or a hover needs — the list of
 * services, the typed service's actions, the condition keys of a statement's actions —
 * and nothing more: the browser fetches one service's files at a time, once (the catalogue
 * caches them), never on the typing path (the editor asks asynchronously).
 */
import type { ConditionKeyInfo, ServiceCatalogue } from '../../../engine/data/serviceData';
import type { CompletionSources } from './items';
import type { HoverSources, HoverTarget } from './hover';
import { hoverNeeds } from './hover';
import { statementActions, type CompletionRequest } from './request';
import type { WorldName } from './worldNames';

/** At most this many services are loaded for one statement's condition keys (a statement naming dozens is rare). */
const MAX_SERVICES = 8;
const WILDCARD = /[*?]/;

/** The service prefix of an action or key (`s3:GetObject` → `s3`), lower-cased; `undefined` without one or with a wildcard. */
export function prefixOf(name: string): string | undefined {
  const colon = name.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = name.slice(0, colon).toLowerCase();
  return WILDCARD.test(prefix) ? undefined : prefix;
}

async function loaded(catalogue: ServiceCatalogue, prefix: string | undefined): Promise<boolean> {
  if (prefix === undefined || !catalogue.hasService(prefix)) return false;
  return (await catalogue.loadServiceData(prefix)) !== undefined;
}

/**
 * The condition keys the Service Authorization Reference lists for the given actions (a
 * wildcard action: for every action it matches), in the order of the actions.
 */
export async function conditionKeysOfActions(catalogue: ServiceCatalogue, actions: readonly string[]): Promise<ConditionKeyInfo[]> {
  await catalogue.loadIndex();
  const prefixes = [...new Set(actions.map(prefixOf).filter((p): p is string => p !== undefined && catalogue.hasService(p)))].slice(0, MAX_SERVICES);
  await Promise.all(prefixes.map((p) => catalogue.loadServiceData(p)));
  const out = new Map<string, ConditionKeyInfo>();
  for (const action of actions) {
    const prefix = prefixOf(action);
    if (prefix === undefined || catalogue.loadedService(prefix) === undefined) continue;
    const name = action.slice(action.indexOf(':') + 1);
    const infos = WILDCARD.test(name) ? catalogue.actionsMatching(action) : [catalogue.lookupAction(prefix, name)].flatMap((l) => (l.kind === 'known' ? [l.action] : []));
    for (const info of infos) {
      for (const key of catalogue.conditionKeysForAction(info.service, info.name) ?? []) out.set(key.key.toLowerCase(), key);
    }
  }
  return [...out.values()];
}

/** Everything `completionItems` needs for `request` in `text`. A failed load leaves its part empty. */
export async function loadCompletionSources(catalogue: ServiceCatalogue, request: CompletionRequest, text: string, world: readonly WorldName[]): Promise<CompletionSources> {
  const sources: CompletionSources = { services: undefined, service: undefined, globalKeys: undefined, serviceKeys: [], world };
  const target = request.target;
  if (target.kind !== 'action' && target.kind !== 'conditionKey') return sources;
  try {
    await catalogue.loadIndex();
  } catch {
    return sources; // offline on a first visit: completes what the world and the grammar know
  }
  if (target.kind === 'action') {
    const prefix = prefixOf(request.typed);
    const service = (await loaded(catalogue, prefix).catch(() => false)) && prefix !== undefined ? catalogue.loadedService(prefix) : undefined;
    return { ...sources, services: catalogue.services(), service };
  }
  const actions = statementActions(text, target.statement);
  const serviceKeys: ConditionKeyInfo[] = await conditionKeysOfActions(catalogue, actions).catch(() => []);
  // A service prefix typed in the key (`s3:`): every key of that service.
  const typed = prefixOf(request.typed);
  if (typed !== undefined && typed !== 'aws' && (await loaded(catalogue, typed).catch(() => false))) {
    serviceKeys.push(...(catalogue.loadedService(typed)?.conditionKeys.values() ?? []));
  }
  return { ...sources, globalKeys: catalogue.globalConditionKeys(), serviceKeys };
}

/** Everything `hoverText` needs for `target`, its service loaded first. */
export async function loadHoverSources(catalogue: ServiceCatalogue, target: HoverTarget, world: readonly WorldName[]): Promise<HoverSources> {
  const need = hoverNeeds(target);
  let ready = false;
  if (need !== undefined || target.kind === 'conditionKey') {
    try {
      await catalogue.loadIndex();
      ready = true;
      const prefixes =
        need === undefined || need === 'aws' ? []
        : target.kind === 'conditionKey' ? catalogue.servicesForConditionKey(target.name)
        : catalogue.hasService(need) ? [need] : [];
      await Promise.all(prefixes.map((p) => catalogue.loadServiceData(p)));
    } catch {
      // Offline on a first visit: what is not loaded is not explained.
    }
  }
  return {
    action: (service, name) => {
      if (!ready) return undefined;
      const lookup = catalogue.lookupAction(service, name);
      return lookup.kind === 'known' ? lookup.action : undefined;
    },
    actionsMatching: (pattern) => (ready ? catalogue.actionsMatching(pattern) : []),
    conditionKey: (key) => {
      if (!ready) return undefined;
      const info = catalogue.conditionKey(key);
      if (info === undefined) return undefined;
      return { info, global: catalogue.globalConditionKeys().includes(info) };
    },
    world,
  };
}
