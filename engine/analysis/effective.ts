/**
 * Effective permissions of a user, role or root user: every (action, resource) its
 * policies could grant — from the Allow statements of its identity-based policies (a
 * user's own and its groups'; a role's) and of the resource-based and trust policies that
 * name it — each judged by the engine as that principal (a role through a session of it,
 * as "who can" does), with the statements that grant it and, when it is denied, what
 * limits it and at which stage. Grouped by service.
 *
 * The root user has no identity-based policies: in its own account it may do everything,
 * except what a resource-based policy must grant it (a KMS key policy) or denies; in a
 * member account of an organization the SCPs still limit it. Its list therefore holds what
 * resource-based policies (its account's and other accounts') grant it, and what the SCPs'
 * Deny statements take away from it in its own account; `root` in the report says which
 * SCPs apply.
 */
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import type { PolicyRef } from '../evaluate/types';
import { orgPathOf, type AccountEntity, type RoleEntity, type UserEntity, type World } from '../model/world';
import { evaluateSync, runRequest } from '../pipeline/run';
import type { Statement } from '../policy/types';
import type { RequestJson } from '../scenario/types';
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import {
  actionsOf, attachedPool, loadServices, resourcePool, resourcesFor, servicesNamed, worldServices,
  type CandidateStatement, type ResourcePool,
} from './effectiveCandidates';
import { readTrace } from './effectiveTrace';
import type {
  EffectivePermission, EffectivePermissionsQuery, EffectivePermissionsReport, EffectiveService, PrincipalSummary,
} from './types';

/** At most this many (action, resource) pairs are judged; the report says when the list was cut. */
export const EFFECTIVE_PAIR_CAP = 5000;

const SESSION_NAME = 'effective-permissions';

type Subject =
  | { readonly kind: 'user'; readonly user: UserEntity }
  | { readonly kind: 'role'; readonly role: RoleEntity }
  | { readonly kind: 'root'; readonly account: AccountEntity };

function findSubject(world: World, arn: string): Subject {
  for (const account of world.accounts.values()) {
    if (account.root.arn === arn) return { kind: 'root', account };
    for (const user of account.users.values()) if (user.arn === arn) return { kind: 'user', user };
    for (const role of account.roles.values()) if (role.arn === arn) return { kind: 'role', role };
  }
  throw new Error(`\`${arn}\` is not a user, role or root user of this world: choose one of its principals.`);
}

function summaryOf(subject: Subject): PrincipalSummary {
  switch (subject.kind) {
    case 'user':
      return { arn: subject.user.arn, kind: 'user', account: subject.user.account.id, name: subject.user.name };
    case 'role':
      return { arn: subject.role.arn, kind: 'role', account: subject.role.account.id, name: subject.role.name };
    case 'root':
      return { arn: subject.account.root.arn, kind: 'root', account: subject.account.id, name: subject.account.alias ?? subject.account.id };
  }
}

/** The ARN the subject calls as: a role through a session of it. */
function callerOf(subject: Subject): string {
  return subject.kind === 'role'
    ? `arn:aws:sts::${subject.role.account.id}:assumed-role/${subject.role.name}/${SESSION_NAME}`
    : subject.kind === 'user' ? subject.user.arn : subject.account.root.arn;
}

const inForce = (p: CompiledPolicy): boolean => p.policy !== undefined && p.errors.length === 0;

function identityPolicies(subject: Subject): CompiledPolicy[] {
  if (subject.kind === 'user') {
    const u = subject.user;
    return [...u.inline, ...u.managed, ...u.groups.flatMap((g) => [...g.inline, ...g.managed])].filter(inForce);
  }
  if (subject.kind === 'role') return [...subject.role.inline, ...subject.role.managed].filter(inForce);
  return [];
}

/** Whether a resource-based statement's Principal names the subject (itself, its role, its account for the root user, or anyone). */
function namesSubject(statement: Statement, subject: Subject): boolean {
  const block = statement.principal;
  if (!block) return false;
  if (block.anyone) return true;
  const names = new Set<string>(['*']);
  if (subject.kind === 'user') names.add(subject.user.arn).add(subject.user.uniqueId);
  if (subject.kind === 'role') names.add(subject.role.arn).add(subject.role.uniqueId);
  if (subject.kind === 'root') names.add(subject.account.id).add(subject.account.root.arn);
  return block.entries.some((e) => e.type === 'AWS' && names.has(e.value));
}

function candidates(world: World, subject: Subject): CandidateStatement[] {
  const out: CandidateStatement[] = [];
  for (const policy of identityPolicies(subject)) {
    for (const statement of policy.policy!.statements) if (statement.effect.value === 'Allow') out.push({ policy, statement });
  }
  for (const account of world.accounts.values()) {
    const attached: { policy: CompiledPolicy; arn: string }[] = [];
    for (const r of account.resources.values()) if (r.policy && inForce(r.policy)) attached.push({ policy: r.policy, arn: r.arn });
    for (const role of account.roles.values()) if (inForce(role.trust)) attached.push({ policy: role.trust, arn: role.arn });
    for (const { policy, arn } of attached) {
      for (const statement of policy.policy!.statements) {
        if (statement.effect.value === 'Allow' && namesSubject(statement, subject)) out.push({ policy, statement, attachedTo: arn });
      }
    }
  }
  return out;
}

/** The SCPs that apply to the root user of an account: none outside an organization or in its management account. */
function rootScps(world: World, account: string): { inOrganization: boolean; managementAccount: boolean; scps: CompiledPolicy[] } {
  const org = world.organization;
  const inOrganization = org !== undefined && org.accountParent.has(account);
  const managementAccount = inOrganization && org!.managementAccount === account;
  if (!inOrganization || managementAccount) return { inOrganization, managementAccount, scps: [] };
  return { inOrganization, managementAccount, scps: orgPathOf(org, account).flatMap((target) => org!.scps.get(target) ?? []) };
}

async function judge(world: World, caller: string, action: string, resource: string, now: Date) {
  const request: RequestJson = { principal: caller, action, resource };
  return evaluateSync(world, request, { trace: true, now }) ?? (await runRequest(world, request, { trace: true, now }));
}

export async function effectivePermissions(deps: AnalysisDeps, query: EffectivePermissionsQuery, control: AnalysisControl): Promise<EffectivePermissionsReport> {
  const world = deps.world;
  const subject = findSubject(world, query.principal);
  const pool = resourcePool(world);
  const grants = candidates(world, subject);
  const root = subject.kind === 'root' ? rootScps(world, subject.account.id) : undefined;
  // The root user's limits: the SCPs' Deny statements, on what it owns.
  const limits: CandidateStatement[] = [];
  for (const scp of root?.scps ?? []) {
    if (!inForce(scp)) continue;
    for (const statement of scp.policy!.statements) if (statement.effect.value === 'Deny') limits.push({ policy: scp, statement });
  }

  // The services a wildcard reaches: those asked for, else those the statements name and the world's resources belong to.
  const only = query.services?.map((s) => s.toLowerCase());
  const scopePrefixes = only ?? [...new Set([...servicesNamed([...grants, ...limits]), ...worldServices(pool)])].sort();
  let catalogue = deps.catalogue;
  try {
    await catalogue?.loadIndex();
  } catch {
    catalogue = undefined; // the service data could not be read: literal names only
  }
  const scope = await loadServices(catalogue, scopePrefixes, (done, total) => control.step(done, total));
  const inScope = (action: string) => only === undefined || only.includes(action.slice(0, action.indexOf(':')).toLowerCase());

  // (action, resource) pairs in first-seen order, capped.
  const pairs = new Map<string, { action: string; resource: string }>();
  let truncated = false;
  const ownPool: ResourcePool | undefined = subject.kind === 'root'
    ? { arns: pool.arns.filter((a) => pool.owner.get(a) === subject.account.id), owner: pool.owner }
    : undefined;
  const sources: { list: CandidateStatement[]; pool: (c: CandidateStatement) => ResourcePool }[] = [
    { list: grants, pool: (c) => (c.attachedTo !== undefined ? attachedPool(c.attachedTo, pool) : pool) },
    { list: limits, pool: () => ownPool ?? pool },
  ];
  // The services of the world's resources first: when the list is capped, what the learner's world holds is kept.
  const priority = worldServices(pool);
  const prefixOf = (action: string) => action.slice(0, action.indexOf(':')).toLowerCase();
  const actionCache = new Map<CandidateStatement, string[]>();
  let done = 0;
  const totalSteps = 2 * (grants.length + limits.length);
  outer: for (const first of [true, false]) {
    for (const source of sources) {
      for (const candidate of source.list) {
        await control.step(done++, totalSteps);
        let actions = actionCache.get(candidate);
        if (!actions) actionCache.set(candidate, (actions = actionsOf(candidate.statement, scope)));
        for (const action of actions) {
          if (!inScope(action) || priority.has(prefixOf(action)) !== first) continue;
          for (const resource of resourcesFor(candidate.statement, action, source.pool(candidate), candidate.attachedTo, catalogue)) {
            const key = `${action.toLowerCase()}\u0000${resource}`;
            if (pairs.has(key)) continue;
            if (pairs.size >= EFFECTIVE_PAIR_CAP) {
              truncated = true;
              break outer;
            }
            pairs.set(key, { action, resource });
          }
        }
      }
    }
  }

  const now = deps.now;
  const caller = callerOf(subject);
  const conditionalPolicies = new Map<string, CompiledPolicy>();
  for (const c of grants) conditionalPolicies.set(c.policy.ref.id, c.policy);
  const permissions: EffectivePermission[] = [];
  const list = [...pairs.values()];
  for (let i = 0; i < list.length; i++) {
    await control.step(i, list.length);
    const { action, resource } = list[i]!;
    const result = await judge(world, caller, action, resource, now);
    const read = readTrace(result);
    // A pair no statement grants (a variable that did not resolve, another principal's statement) is not a permission;
    // for the root user, what an SCP takes away is listed even though no policy grants it.
    if (read.grantedBy.length === 0 && !(subject.kind === 'root' && read.limitedBy.length > 0) && !(subject.kind === 'root' && result.decision === 'allowed')) continue;
    const conditional = read.conditionalOnly || read.grantedBy.some((g) => hasCondition(g.policy, g.span?.start, conditionalPolicies));
    permissions.push({
      action,
      resource,
      decision: result.decision === 'allowed' ? 'allowed' : 'denied',
      grantedBy: read.grantedBy,
      limitedBy: read.limitedBy,
      ...(result.decision !== 'allowed' && read.limitedAt !== undefined ? { limitedAt: read.limitedAt } : {}),
      conditional,
    });
  }
  await control.step(list.length, list.length);

  return {
    principal: summaryOf(subject),
    services: groupByService(permissions, catalogue),
    judged: list.length,
    truncated,
    ...(root ? { root: { inOrganization: root.inOrganization, managementAccount: root.managementAccount, scps: uniqueRefs(root.scps) } } : {}),
  };
}

/** Whether the statement at `start` of a granting policy has a Condition element. */
function hasCondition(ref: PolicyRef, start: number | undefined, policies: ReadonlyMap<string, CompiledPolicy>): boolean {
  const statement = policies.get(ref.id)?.policy?.statements.find((s) => s.span.start === start);
  return (statement?.condition.length ?? 0) > 0;
}

function uniqueRefs(policies: readonly CompiledPolicy[]): PolicyRef[] {
  const seen = new Map<string, PolicyRef>();
  for (const p of policies) if (!seen.has(p.ref.id)) seen.set(p.ref.id, p.ref);
  return [...seen.values()];
}

function groupByService(permissions: readonly EffectivePermission[], catalogue: AnalysisDeps['catalogue']): EffectiveService[] {
  const names = new Map<string, string>();
  if (catalogue) for (const s of catalogue.services()) names.set(s.prefix, s.name);
  const byPrefix = new Map<string, EffectivePermission[]>();
  for (const p of permissions) {
    const prefix = p.action.slice(0, p.action.indexOf(':')).toLowerCase() || p.action;
    let list = byPrefix.get(prefix);
    if (!list) byPrefix.set(prefix, (list = []));
    list.push(p);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byPrefix.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([prefix, list]) => ({
      prefix,
      name: names.get(prefix) ?? prefix,
      permissions: [...list].sort((a, b) => cmp(a.action, b.action) || cmp(a.resource, b.resource)),
    }));
}
