/**
 * What a principal's policies could grant, before the engine judges it: the Allow
 * statements that could apply to it (its identity-based policies, resource-based and trust
 * policies that name it), each turned into (action, resource) pairs — wildcards and
 * NotAction expanded with the IAM service data, resources taken from the world where the
 * statement's Resource matches them (of the action's resource types), else the Resource as
 * written, else `*`. Deliberately generous: the engine decides, and a pair no statement
 * actually grants is dropped after judging.
 */
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import type { ServiceCatalogue, ServiceData } from '../data/serviceData';
import { globMatches } from '../match/wildcard';
import type { World } from '../model/world';
import type { Statement } from '../policy/types';

/** One statement that may grant something, with the resources it can speak for. */
export interface CandidateStatement {
  readonly policy: CompiledPolicy;
  readonly statement: Statement;
  /** For a resource-based or trust policy: the resource it is attached to (its pairs stay on it). */
  readonly attachedTo?: string;
}

/** The resources of the world a statement's Resource can name, with the account that owns each. */
export interface ResourcePool {
  readonly arns: readonly string[];
  readonly owner: ReadonlyMap<string, string>;
}

const S3_BUCKET = /^arn:[a-z-]+:s3:::[^/]+$/;

/** Every ARN of the world a request can name: listed resources (and each bucket's objects, `bucket/*`), IAM users, groups, roles, customer managed policies. */
export function resourcePool(world: World): ResourcePool {
  const owner = new Map<string, string>();
  for (const [arn, resource] of world.resources) {
    owner.set(arn, resource.account);
    if (S3_BUCKET.test(arn)) owner.set(`${arn}/*`, resource.account);
  }
  for (const account of world.accounts.values()) {
    for (const u of account.users.values()) owner.set(u.arn, account.id);
    for (const g of account.groups.values()) owner.set(g.arn, account.id);
    for (const r of account.roles.values()) owner.set(r.arn, account.id);
    for (const p of account.policies.values()) if (p.ref.arn) owner.set(p.ref.arn, account.id);
  }
  return { arns: [...owner.keys()], owner };
}

/** The pool of a resource-based policy: its own resource (and, for a bucket, its objects). */
export function attachedPool(arn: string, pool: ResourcePool): ResourcePool {
  const arns = S3_BUCKET.test(arn) ? [arn, `${arn}/*`] : [arn];
  return { arns, owner: pool.owner };
}

/** A Resource value as a glob: policy variables read as `*` (the engine resolves them when judging). */
function resourceGlob(value: string): string {
  return value.replace(/\$\{[^}]*\}/g, '*');
}

/** An ARN format of the service data (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) as a regular expression. */
function formatRegExp(format: string): RegExp {
  let out = '';
  let last = 0;
  for (const m of format.matchAll(/\$\{([^}]*)\}/g)) {
    out += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const name = m[1]!;
    out += name === 'Partition' || name === 'Region' || name === 'Account' ? '[^:]*' : /Path|ObjectName/.test(name) ? '.+' : '[^:/]+';
    last = m.index! + m[0].length;
  }
  out += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${out}$`);
}

const formatCache = new Map<string, RegExp>();

/**
 * The resource types an action takes, as tests on an ARN: `undefined` when unknown (no
 * service data), an empty list when the action takes no resource (only `*`).
 */
export function actionResourceTests(action: string, catalogue: ServiceCatalogue | undefined): ((arn: string) => boolean)[] | undefined {
  const colon = action.indexOf(':');
  const data = catalogue?.loadedService(action.slice(0, colon));
  const info = data?.actions.get(action.slice(colon + 1).toLowerCase());
  if (!data || !info) return undefined;
  return info.resourceTypes.flatMap((rt) => {
    const format = data.resourceTypes.get(rt.name.toLowerCase())?.arnFormat;
    if (!format) return [];
    let regex = formatCache.get(format);
    if (!regex) formatCache.set(format, (regex = formatRegExp(format)));
    const r = regex;
    return [(arn: string) => r.test(arn)];
  });
}

/** Without service data: an ARN is of the action's service (STS acts on IAM roles). */
function sameService(action: string, arn: string): boolean {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  const arnService = arn.split(':')[2] ?? '';
  return arnService === service || (service === 'sts' && arnService === 'iam' && /:role\//.test(arn));
}

/** The resources a statement grants `action` on: world resources its Resource matches, else the values as written, else `*`. */
export function resourcesFor(statement: Statement, action: string, pool: ResourcePool, attachedTo: string | undefined, catalogue: ServiceCatalogue | undefined): string[] {
  const tests = actionResourceTests(action, catalogue);
  if (tests && tests.length === 0) return ['*'];
  const fits = (arn: string) => (tests ? tests.some((t) => t(arn)) : sameService(action, arn));
  const typed = pool.arns.filter(fits);
  if (!statement.resource && !statement.notResource) {
    // A trust policy's statement names no resource: it speaks for its role.
    return attachedTo !== undefined ? [attachedTo] : [];
  }
  if (statement.notResource) {
    const excluded = statement.notResource.values.map((v) => resourceGlob(v.value));
    return typed.filter((arn) => !excluded.some((g) => globMatches(g, arn)));
  }
  const out = new Set<string>();
  for (const { value } of statement.resource!.values) {
    if (value === '*') {
      if (typed.length === 0 && attachedTo === undefined) out.add('*');
      for (const arn of typed) out.add(arn);
      continue;
    }
    const glob = resourceGlob(value);
    const matched = typed.filter((arn) => globMatches(glob, arn));
    for (const arn of matched) out.add(arn);
    // A value that names no resource of the world is itself the resource (a bucket's objects, a key not listed…).
    if (matched.length === 0 && attachedTo === undefined && !value.includes('${') && fits(value)) out.add(value);
  }
  return [...out];
}

/** Every service prefix a statement list names literally, lower case. */
export function servicesNamed(statements: readonly CandidateStatement[]): Set<string> {
  const out = new Set<string>();
  for (const { statement } of statements) {
    for (const { value } of [...(statement.action?.values ?? []), ...(statement.notAction?.values ?? [])]) {
      const colon = value.indexOf(':');
      if (colon > 0 && !/[*?]/.test(value.slice(0, colon))) out.add(value.slice(0, colon).toLowerCase());
    }
  }
  return out;
}

/** The service prefixes of the world's resources (what `*` can reach), plus IAM and STS, which every world has. */
export function worldServices(pool: ResourcePool): Set<string> {
  const out = new Set<string>(['iam', 'sts']);
  for (const arn of pool.arns) {
    const service = arn.split(':')[2];
    if (service) out.add(service);
  }
  return out;
}

/**
 * Loads each service's data (an unknown prefix, or no catalogue, gives nothing), a few at
 * a time, with a step between batches: a policy such as ReadOnlyAccess names hundreds of
 * services, and in the browser each is three files to fetch.
 */
export async function loadServices(
  catalogue: ServiceCatalogue | undefined,
  prefixes: readonly string[],
  step: (done: number, total: number) => Promise<void>,
): Promise<Map<string, ServiceData>> {
  const out = new Map<string, ServiceData>();
  if (!catalogue) return out;
  const BATCH = 8;
  for (let i = 0; i < prefixes.length; i += BATCH) {
    await step(i, prefixes.length);
    const batch = prefixes.slice(i, i + BATCH);
    const loaded = await Promise.all(batch.map((p) => catalogue.loadServiceData(p).catch(() => undefined)));
    loaded.forEach((data, j) => {
      if (data) out.set(batch[j]!, data);
    });
  }
  return out;
}

/**
 * The actions a statement grants, in AWS's casing: literal names as they are (the
 * service data's casing when it knows them); a wildcard, and NotAction, expanded over the
 * services in scope with the service data (without it, a wildcard names no action).
 */
export function actionsOf(statement: Statement, scope: ReadonlyMap<string, ServiceData>): string[] {
  const out = new Set<string>();
  const canonical = (value: string): string => {
    const colon = value.indexOf(':');
    const info = scope.get(value.slice(0, colon).toLowerCase())?.actions.get(value.slice(colon + 1).toLowerCase());
    return info ? `${info.service}:${info.name}` : value;
  };
  if (statement.action) {
    for (const { value } of statement.action.values) {
      if (!/[*?]/.test(value)) {
        if (value.includes(':')) out.add(canonical(value));
        continue;
      }
      // A literal service prefix (`s3:Get*`) is matched against that service only; `*` and `*:Get*` against every service in scope.
      const colon = value.indexOf(':');
      const prefix = colon > 0 ? value.slice(0, colon).toLowerCase() : '';
      const one = prefix !== '' && !/[*?]/.test(prefix) ? scope.get(prefix) : undefined;
      const services = one ? [one] : prefix !== '' && !/[*?]/.test(prefix) ? [] : [...scope.values()];
      for (const data of services) {
        for (const info of data.actions.values()) {
          const name = `${data.prefix}:${info.name}`;
          if (globMatches(value, name, { ignoreCase: true })) out.add(name);
        }
      }
    }
  } else if (statement.notAction) {
    const excluded = statement.notAction.values.map((v) => v.value);
    for (const data of scope.values()) {
      for (const info of data.actions.values()) {
        const name = `${data.prefix}:${info.name}`;
        if (!excluded.some((p) => globMatches(p, name, { ignoreCase: true }))) out.add(name);
      }
    }
  }
  return [...out];
}
