/**
 * A principal's identity-based policies and what their Allow statements name: the input of
 * unused permissions, policy generation and Access Advisor. "Granted" here is what the
 * console's Access Advisor means by "services allowed by the policies": the Allow
 * statements of the user's (and its groups') or role's managed and inline policies. Deny
 * statements, permissions boundaries and SCPs are not subtracted (Access Advisor does not
 * either: it lists what the policies grant).
 */
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import type { ServiceCatalogue } from '../data/serviceData';
import { compileGlob } from '../match/wildcard';
import type { RoleEntity, RootEntity, UserEntity, World } from '../model/world';
import type { PrincipalSummary } from './types';
import { servicePrefix } from './eventLog';

export type PrincipalEntity = UserEntity | RoleEntity | RootEntity;

/** The user, role or root user with this ARN. */
export function findPrincipal(world: World, arn: string): PrincipalEntity | undefined {
  for (const account of world.accounts.values()) {
    if (account.root.arn === arn) return account.root;
    for (const user of account.users.values()) if (user.arn === arn) return user;
    for (const role of account.roles.values()) if (role.arn === arn) return role;
  }
  return undefined;
}

export function summaryOf(entity: PrincipalEntity): PrincipalSummary {
  if (entity.kind === 'root') return { arn: entity.arn, kind: 'root', account: entity.account.id, name: entity.account.alias ?? entity.account.id };
  return { arn: entity.arn, kind: entity.kind, account: entity.account.id, name: entity.name };
}

/** The principal the query names, or an error that says what is wrong. */
export function requirePrincipal(world: World, arn: string): PrincipalEntity {
  const entity = findPrincipal(world, arn);
  if (!entity) throw new Error(`\`${arn}\` is not an IAM user, role or root user of this world.`);
  return entity;
}

/** The identity-based policies in force for the principal: its own (inline, then managed), then each group's. */
export function identityPolicies(entity: PrincipalEntity): readonly CompiledPolicy[] {
  if (entity.kind === 'root') return [];
  const own = [...entity.inline, ...entity.managed];
  if (entity.kind === 'role') return own;
  return [...own, ...entity.groups.flatMap((g) => [...g.inline, ...g.managed])];
}

/** One action pattern, compiled once: a grant is tested against hundreds of services and thousands of actions. */
export interface CompiledPattern {
  readonly text: string;
  /** The service part, lower-cased (`*` for a bare `*`). */
  readonly service: string;
  /** The service part matches a prefix. */
  readonly serviceTest: (prefix: string) => boolean;
  /** The pattern matches `service:Action` (case-insensitive). */
  readonly test: (action: string) => boolean;
  /** The pattern names every action of the services it names (`s3:*`, `*`). */
  readonly wholeService: boolean;
}

function compilePattern(text: string): CompiledPattern {
  const service = patternService(text);
  const serviceGlob = compileGlob(service, { ignoreCase: true });
  const glob = text === '*' ? undefined : compileGlob(text, { ignoreCase: true });
  return {
    text, service,
    serviceTest: (prefix) => serviceGlob.test(prefix),
    test: (action) => (glob ? glob.test(action) : true),
    wholeService: actionPart(text) === '*',
  };
}

/** One Allow statement's action patterns (or, for NotAction, the patterns it excludes). */
export interface Grant {
  readonly policy: CompiledPolicy;
  readonly patterns: readonly string[];
  readonly compiled: readonly CompiledPattern[];
  /** True for `NotAction`: every action except `patterns`. */
  readonly not: boolean;
}

/** The Allow statements of the principal's identity-based policies. Policies AWS would reject grant nothing. */
export function grantsOf(entity: PrincipalEntity): readonly Grant[] {
  const out: Grant[] = [];
  const grant = (policy: CompiledPolicy, patterns: readonly string[], not: boolean): Grant => ({ policy, patterns, compiled: patterns.map(compilePattern), not });
  for (const policy of identityPolicies(entity)) {
    if (!policy.policy || policy.errors.length > 0) continue;
    for (const st of policy.policy.statements) {
      if (st.effect.value !== 'Allow') continue;
      if (st.action) out.push(grant(policy, st.action.values.map((v) => v.value), false));
      else if (st.notAction) out.push(grant(policy, st.notAction.values.map((v) => v.value), true));
    }
  }
  return out;
}

/** The service part of a pattern (`s3:Get*` → `s3`; `*` → `*`). */
export function patternService(pattern: string): string {
  return pattern === '*' ? '*' : servicePrefix(pattern);
}

function actionPart(pattern: string): string {
  const colon = pattern.indexOf(':');
  return pattern === '*' || colon < 0 ? '*' : pattern.slice(colon + 1);
}

/** True when the pattern names its service with a wildcard (`*`, `*:Get*`, `s*:List*`): it may reach any service. */
export function serviceWildcard(pattern: string): boolean {
  return /[*?]/.test(patternService(pattern));
}

/** True when the grant allows some action of the service. */
export function grantsService(grant: Grant, prefix: string): boolean {
  // NotAction: every action except the listed ones; the service is out only when a pattern excludes all of it.
  if (grant.not) return !grant.compiled.some((p) => p.wholeService && p.serviceTest(prefix));
  return grant.compiled.some((p) => p.serviceTest(prefix));
}

/** True when the grant allows this action (`s3:GetObject`) of the service `prefix`. */
export function grantsAction(grant: Grant, action: string, prefix: string = servicePrefix(action)): boolean {
  const hit = grant.compiled.some((p) => p.serviceTest(prefix) && p.test(action));
  return grant.not ? !hit : hit;
}

/** The action's name in AWS's casing from the service data (`s3:getobject` → `s3:GetObject`), else as written with a lower-case prefix. */
export async function canonicalAction(action: string, catalogue: ServiceCatalogue | undefined): Promise<string> {
  const prefix = servicePrefix(action);
  const name = action.slice(action.indexOf(':') + 1);
  const data = catalogue ? await catalogue.loadServiceData(prefix).catch(() => undefined) : undefined;
  const info = data?.actions.get(name.toLowerCase());
  return `${prefix}:${info ? info.name : name}`;
}

/**
 * The actions of one service a grant allows, from the service data: `undefined` when they
 * cannot be listed (no service data, or an unknown service) and the grant has a wildcard.
 */
export async function grantedActionsOfService(grants: readonly Grant[], prefix: string, catalogue: ServiceCatalogue | undefined): Promise<string[] | undefined> {
  const relevant = grants.filter((g) => grantsService(g, prefix));
  const data = catalogue ? await catalogue.loadServiceData(prefix).catch(() => undefined) : undefined;
  if (data) {
    // Only the patterns that name this service take part (an AWS managed policy may hold thousands).
    const narrowed = relevant.map((g) => ({ not: g.not, patterns: g.compiled.filter((p) => p.serviceTest(prefix)) }));
    const names = [...data.actions.values()].map((a) => `${prefix}:${a.name}`);
    return names.filter((n) => narrowed.some((g) => g.patterns.some((p) => p.test(n)) !== g.not)).sort();
  }
  // Without the service data only literal action names can be listed.
  const out = new Set<string>();
  for (const grant of relevant) {
    if (grant.not) return undefined;
    for (const p of grant.compiled) {
      if (!p.serviceTest(prefix)) continue;
      if (/[*?]/.test(p.text)) return undefined;
      out.add(`${prefix}:${actionPart(p.text)}`);
    }
  }
  return [...out].sort();
}
