/**
 * The request context AWS derives for a request: the global condition keys it sets from
 * the principal, the resource and the time (IAM User Guide, "AWS global condition context
 * keys"). Keys the request states itself take precedence over derived ones.
 *
 * The context is layered so that a request pays only for what changes per request: the
 * principal's keys and the resource's keys are computed once and remembered; the stated
 * keys, the keys from authentication/STS and the time form the top layers.
 */
import { orgPathOf, type World } from '../model/world';
import type { ResolvedPrincipal } from '../evaluate/principal';
import type { ContextValue, ContextValues, RequestContext } from './types';

export interface ResourceFacts {
  readonly arn: string;
  readonly account: string | undefined;
  readonly tags: ReadonlyMap<string, string>;
}

export interface DerivedContext {
  readonly context: RequestContext;
  /** Every key with its value, in AWS's spelling, for display (computed on first use). */
  readonly entries: readonly (readonly [string, ContextValue])[];
  /** The lower-cased keys the request stated itself (not derived). */
  readonly given: ReadonlySet<string>;
}

/** Lower-cased key → [key as AWS spells it, value]. */
type Layer = Map<string, readonly [string, ContextValue]>;

const PRINCIPAL_TYPE: Record<ResolvedPrincipal['facts']['kind'], string | undefined> = {
  root: 'Account', user: 'User', assumedRole: 'AssumedRole', federatedUser: 'FederatedUser', anonymous: 'Anonymous', service: undefined,
};

function put(layer: Layer, key: string, value: ContextValue | undefined): void {
  if (value !== undefined) layer.set(key.toLowerCase(), [key, value]);
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const orgPathCache = new WeakMap<World, Map<string, readonly string[] | undefined>>();

/** aws:PrincipalOrgPaths / aws:ResourceOrgPaths: the path of the account's parent, `o-id/r-root/ou-…/`. */
function orgPaths(world: World, accountId: string): readonly string[] | undefined {
  let cache = orgPathCache.get(world);
  if (!cache) orgPathCache.set(world, (cache = new Map()));
  if (cache.has(accountId)) return cache.get(accountId);
  const org = world.organization;
  const path = orgPathOf(org, accountId);
  const value = org && path.length > 0 ? [`${org.id}/${path.slice(0, -1).join('/')}/`] : undefined;
  cache.set(accountId, value);
  return value;
}

const principalLayers = new WeakMap<ResolvedPrincipal, WeakMap<World, Layer>>();

/** The keys that depend only on the caller (and its session), remembered per resolved principal. */
function principalLayer(world: World, principal: ResolvedPrincipal): Layer {
  let byWorld = principalLayers.get(principal);
  const cached = byWorld?.get(world);
  if (cached) return cached;
  const layer: Layer = new Map();
  const facts = principal.facts;
  if (facts.kind !== 'anonymous' && facts.kind !== 'service') {
    put(layer, 'aws:PrincipalArn', facts.principalArn);
    put(layer, 'aws:PrincipalAccount', facts.accountId);
    if (facts.accountId && world.organization?.accountParent.has(facts.accountId)) {
      put(layer, 'aws:PrincipalOrgID', world.organization.id);
      put(layer, 'aws:PrincipalOrgPaths', orgPaths(world, facts.accountId));
    }
    for (const [k, v] of principal.tags) put(layer, `aws:PrincipalTag/${k}`, v);
  }
  put(layer, 'aws:PrincipalType', PRINCIPAL_TYPE[facts.kind]);
  put(layer, 'aws:PrincipalIsAWSService', facts.kind === 'service' ? 'true' : 'false');
  if (facts.kind === 'service') put(layer, 'aws:PrincipalServiceName', facts.serviceName);
  const entity = principal.entity;
  if (entity.kind === 'user') {
    put(layer, 'aws:username', entity.user.name);
    put(layer, 'aws:userid', entity.user.uniqueId);
  } else if (entity.kind === 'root') {
    put(layer, 'aws:userid', entity.accountId);
  } else if (entity.kind === 'anonymous') {
    put(layer, 'aws:userid', 'anonymous');
  } else if (entity.kind !== 'service') {
    put(layer, 'aws:userid', facts.uniqueId);
  }
  const session = principal.session;
  if (session) {
    if (session.sourceIdentity) put(layer, 'aws:SourceIdentity', session.sourceIdentity);
    if (session.mfa !== undefined) put(layer, 'aws:MultiFactorAuthPresent', session.mfa ? 'true' : 'false');
    if (session.issuedAt) put(layer, 'aws:TokenIssueTime', isoSeconds(session.issuedAt));
  }
  // Requests are taken as made over HTTPS, as the AWS CLI and SDKs make them, unless stated otherwise.
  put(layer, 'aws:SecureTransport', 'true');
  put(layer, 'aws:ViaAWSService', 'false');
  if (!byWorld) principalLayers.set(principal, (byWorld = new WeakMap()));
  byWorld.set(world, layer);
  return layer;
}

/** World → resource tags → account → region → layer: no string is built to find a remembered layer. */
const resourceLayers = new WeakMap<World, WeakMap<ReadonlyMap<string, string>, Map<string, Map<string, Layer>>>>();

function regionOf(arn: string): string {
  // arn:partition:service:REGION:…
  let at = 0;
  for (let colons = 0; colons < 3; colons++) {
    at = arn.indexOf(':', at) + 1;
    if (at === 0) return '';
  }
  const end = arn.indexOf(':', at);
  return end < 0 ? '' : arn.slice(at, end);
}

/** The keys that depend only on the resource's account, region and tags, remembered per world. */
function resourceLayer(world: World, resource: ResourceFacts): Layer {
  const region = regionOf(resource.arn);
  const account = resource.account ?? '';
  let byTags = resourceLayers.get(world);
  if (!byTags) resourceLayers.set(world, (byTags = new WeakMap()));
  let byAccount = byTags.get(resource.tags);
  if (!byAccount) byTags.set(resource.tags, (byAccount = new Map()));
  let byRegion = byAccount.get(account);
  if (!byRegion) byAccount.set(account, (byRegion = new Map()));
  const cached = byRegion.get(region);
  if (cached) return cached;
  const layer: Layer = new Map();
  if (resource.account) {
    put(layer, 'aws:ResourceAccount', resource.account);
    if (world.organization?.accountParent.has(resource.account)) {
      put(layer, 'aws:ResourceOrgID', world.organization.id);
      put(layer, 'aws:ResourceOrgPaths', orgPaths(world, resource.account));
    }
  }
  for (const [k, v] of resource.tags) put(layer, `aws:ResourceTag/${k}`, v);
  if (region) put(layer, 'aws:RequestedRegion', region);
  if (byRegion.size < 1000) byRegion.set(region, layer);
  return layer;
}

let lastTime = -1;
let lastTimeLayer: Layer = new Map();

function timeLayer(now: Date): Layer {
  const t = now.getTime();
  if (t !== lastTime) {
    const layer: Layer = new Map();
    put(layer, 'aws:CurrentTime', isoSeconds(now));
    put(layer, 'aws:EpochTime', String(Math.floor(t / 1000)));
    lastTime = t;
    lastTimeLayer = layer;
  }
  return lastTimeLayer;
}

/** Looks a key up in the layers, the first (most specific) layer first. */
class LayeredValues implements ContextValues {
  constructor(private readonly layers: readonly Layer[]) {}

  get(keyLower: string): ContextValue | undefined {
    for (let i = 0; i < this.layers.length; i++) {
      const hit = (this.layers[i] as Layer).get(keyLower);
      if (hit !== undefined) return hit[1];
    }
    return undefined;
  }

  entries(): (readonly [string, ContextValue])[] {
    const seen = new Map<string, readonly [string, ContextValue]>();
    for (let i = this.layers.length - 1; i >= 0; i--) for (const [lower, entry] of this.layers[i] as Layer) seen.set(lower, entry);
    return [...seen.values()];
  }
}

const EMPTY: Layer = new Map();

const merged = new WeakMap<Layer, WeakMap<Layer, Layer>>();

/** The resource's keys over the caller's, as one map, remembered per pair (both layers are themselves remembered). */
function mergedLayer(resource: Layer, principal: Layer): Layer {
  let byResource = merged.get(principal);
  if (!byResource) merged.set(principal, (byResource = new WeakMap()));
  let layer = byResource.get(resource);
  if (!layer) {
    layer = new Map(principal);
    for (const [k, v] of resource) layer.set(k, v);
    byResource.set(resource, layer);
  }
  return layer;
}

export function deriveContext(
  world: World,
  principal: ResolvedPrincipal,
  resource: ResourceFacts,
  now: Date,
  stated: Readonly<Record<string, string | readonly string[]>> | undefined,
  extra: readonly (readonly [string, ContextValue])[] = [],
): DerivedContext {
  const top = stated ? statedLayer(stated) : EMPTY;
  let dynamic = EMPTY;
  const session = principal.session;
  if (extra.length > 0 || (session?.mfa && session.mfaTime)) {
    dynamic = new Map();
    if (session?.mfa && session.mfaTime) {
      put(dynamic, 'aws:MultiFactorAuthAge', String(Math.max(0, Math.floor((now.getTime() - session.mfaTime.getTime()) / 1000))));
    }
    for (const [k, v] of extra) put(dynamic, k, v);
  }
  const fixed = mergedLayer(resourceLayer(world, resource), principalLayer(world, principal));
  const time = timeLayer(now);
  // Empty layers are left out: every key looked up costs one map lookup per layer.
  const layers = top === EMPTY ? (dynamic === EMPTY ? [time, fixed] : [dynamic, time, fixed]) : dynamic === EMPTY ? [top, time, fixed] : [top, dynamic, time, fixed];
  return new Derived(new LayeredValues(layers), top);
}

/** A class, not an object literal with a getter: created once per request, it must be cheap to make. */
class Derived implements DerivedContext {
  readonly context: RequestContext;
  private list: (readonly [string, ContextValue])[] | undefined;

  constructor(
    private readonly values: LayeredValues,
    private readonly stated: Layer,
  ) {
    this.context = { values };
  }

  /** The stated keys are the top layer's. */
  get given(): ReadonlySet<string> {
    return new Set(this.stated.keys());
  }

  get entries(): readonly (readonly [string, ContextValue])[] {
    return (this.list ??= this.values.entries());
  }
}

/** The keys a request states: the top layer. */
function statedLayer(stated: Readonly<Record<string, string | readonly string[]>>): Layer {
  const layer: Layer = new Map();
  for (const key in stated) {
    if (Object.prototype.hasOwnProperty.call(stated, key)) put(layer, key, stated[key]);
  }
  return layer;
}

