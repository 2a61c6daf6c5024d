/**
 * The principals the graph analyses speak of (every IAM user, role and account root user of
 * the world) and two cheap pre-filters that keep "who can" and the access graph fast on a
 * large world:
 * - `mayAllow`: whether any Allow statement of a principal's identity-based policies could
 *   match an action (and a resource) at all — Action/NotAction and Resource/NotResource
 *   only, conditions ignored, policy variables read as wildcards;
 * - `trustCandidates`: which callers a role's trust policy could admit at all, from the
 *   Principal element of its Allow statements.
 *
 * INVARIANT: both only ever over-approximate (a principal they keep may still be refused);
 * every edge and every answer is decided by the engine. When a filter cannot read something,
 * it keeps everyone.
 */
import { compileActionList, type CompiledActionList } from '../match/action';
import { arnSubject } from '../match/arn';
import { compileResourcePattern } from '../match/resource';
import { contextFrom } from '../context/types';
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import type { AccountEntity, RoleEntity, UserEntity, World } from '../model/world';
import type { Statement } from '../policy/types';
import type { PrincipalSummary } from './types';

/** The session name a role acts under in the analyses (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/who-can`). */
export const ANALYSIS_SESSION = 'who-can';

export interface GraphPrincipal {
  readonly index: number;
  readonly arn: string;
  readonly kind: PrincipalSummary['kind'];
  readonly account: AccountEntity;
  /** How the principal appears as a caller: a role through a session of it. */
  readonly caller: string;
  readonly user: UserEntity | undefined;
  readonly role: RoleEntity | undefined;
  readonly summary: PrincipalSummary;
}

/** Every root user, user and role, account by account (root, users, roles), as the world lists them. */
export function listPrincipals(world: World): GraphPrincipal[] {
  const out: GraphPrincipal[] = [];
  for (const account of world.accounts.values()) {
    const root = account.root.arn;
    out.push({
      index: out.length, arn: root, kind: 'root', account, caller: root, user: undefined, role: undefined,
      summary: { arn: root, kind: 'root', account: account.id, name: account.alias ?? account.id },
    });
    for (const user of account.users.values()) {
      out.push({
        index: out.length, arn: user.arn, kind: 'user', account, caller: user.arn, user, role: undefined,
        summary: { arn: user.arn, kind: 'user', account: account.id, name: user.name },
      });
    }
    for (const role of account.roles.values()) {
      out.push({
        index: out.length, arn: role.arn, kind: 'role', account, caller: `arn:aws:sts::${account.id}:assumed-role/${role.name}/${ANALYSIS_SESSION}`, user: undefined, role,
        summary: { arn: role.arn, kind: 'role', account: account.id, name: role.name },
      });
    }
  }
  return out;
}

// ── mayAllow ───────────────────────────────────────────────────────────────────────────

interface AllowShape {
  readonly action: CompiledActionList | undefined;
  readonly notAction: CompiledActionList | undefined;
  /** Resource patterns (`undefined`: matches every resource — no Resource element, NotResource, or a variable). */
  readonly resources: readonly ((arn: string) => boolean)[] | undefined;
}

const NO_CONTEXT = contextFrom([]);
const shapes = new WeakMap<CompiledPolicy, readonly AllowShape[]>();

function shapeOf(statement: Statement, version: Parameters<typeof compileResourcePattern>[1]): AllowShape {
  const action = statement.action ? compileActionList(statement.action.values) : undefined;
  const notAction = statement.notAction ? compileActionList(statement.notAction.values) : undefined;
  let resources: ((arn: string) => boolean)[] | undefined;
  if (statement.resource && !statement.notResource) {
    resources = [];
    for (const value of statement.resource.values) {
      const pattern = compileResourcePattern(value.value, version);
      // A policy variable resolves per request: read as "could be anything".
      if (pattern.matchesAll || pattern.template.variables.length > 0) {
        resources = undefined;
        break;
      }
      resources.push((arn) => pattern.test(arnSubject(arn), NO_CONTEXT));
    }
  }
  return { action, notAction, resources };
}

/** The Allow statements of a policy, shaped for the pre-filter; none for a policy AWS would reject (it takes no part). */
function allowShapes(policy: CompiledPolicy): readonly AllowShape[] {
  let list = shapes.get(policy);
  if (!list) {
    const parsed = policy.policy;
    list = !parsed || policy.errors.length > 0 ? [] : parsed.statements.filter((s) => s.effect.value === 'Allow').map((s) => shapeOf(s, parsed.version));
    shapes.set(policy, list);
  }
  return list;
}

function identityPoliciesOf(p: GraphPrincipal): readonly CompiledPolicy[] {
  if (p.user) return [...p.user.inline, ...p.user.managed, ...p.user.groups.flatMap((g) => [...g.inline, ...g.managed])];
  if (p.role) return [...p.role.inline, ...p.role.managed];
  return [];
}

/** Per principal, its identity-based Allow statements, made once per analysis. */
export class AllowIndex {
  readonly #shapes = new Map<string, readonly AllowShape[]>();

  constructor(private readonly world: World) {}

  #of(p: GraphPrincipal): readonly AllowShape[] {
    let list = this.#shapes.get(p.arn);
    if (!list) this.#shapes.set(p.arn, (list = identityPoliciesOf(p).flatMap(allowShapes)));
    return list;
  }

  /**
   * Whether `p` could be allowed `actionLower` (on `resource`, when given) at all. True for a
   * root user (no identity policies limit it) and for a resource with a resource-based policy
   * (it may grant on its own).
   */
  mayAllow(p: GraphPrincipal, actionLower: string, resource?: string): boolean {
    if (p.kind === 'root') return true;
    if (resource !== undefined && this.world.resources.get(resource)?.policy) return true;
    for (const shape of this.#of(p)) {
      if (shape.action ? !shape.action.testLower(actionLower) : shape.notAction ? shape.notAction.testLower(actionLower) : false) continue;
      if (resource === undefined || shape.resources === undefined) return true;
      for (const test of shape.resources) if (test(resource)) return true;
    }
    return false;
  }
}

// ── trust candidates ───────────────────────────────────────────────────────────────────

/** Who a role's trust policy could admit: everyone, whole accounts (delegated to their IAM policies), or named principals. */
export interface TrustAdmits {
  readonly everyone: boolean;
  readonly accounts: ReadonlySet<string>;
  /** ARNs of users and roles named (a session ARN names its role). */
  readonly named: ReadonlySet<string>;
}

const ASSUME_ROLE = 'sts:assumerole';

/** Reads a trust policy's Allow statements that could match sts:AssumeRole. */
export function trustAdmits(role: RoleEntity, world: World, byUniqueId: ReadonlyMap<string, string>): TrustAdmits {
  const accounts = new Set<string>();
  const named = new Set<string>();
  const policy = role.trust.policy;
  if (!policy || role.trust.errors.length > 0) return { everyone: false, accounts, named };
  for (const s of policy.statements) {
    if (s.effect.value !== 'Allow') continue;
    const action = s.action ? compileActionList(s.action.values) : undefined;
    const notAction = s.notAction ? compileActionList(s.notAction.values) : undefined;
    if (action ? !action.testLower(ASSUME_ROLE) : notAction ? notAction.testLower(ASSUME_ROLE) : false) continue;
    if (!s.principal || s.notPrincipal || s.principal.anyone) return { everyone: true, accounts, named };
    for (const entry of s.principal.entries) {
      if (entry.type !== 'AWS') continue;
      const value = entry.value;
      if (value === '*') return { everyone: true, accounts, named };
      if (/^\d{12}$/.test(value)) {
        accounts.add(value);
        continue;
      }
      const root = /^arn:[a-z-]+:iam::(\d{12}):root$/.exec(value);
      if (root) {
        accounts.add(root[1]!);
        continue;
      }
      const iam = /^arn:[a-z-]+:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(value);
      if (iam) {
        named.add(value);
        continue;
      }
      const session = /^arn:[a-z-]+:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(value);
      if (session) {
        const r = world.accounts.get(session[1]!)?.roles.get(session[2]!);
        if (r) named.add(r.arn);
        continue;
      }
      const unique = byUniqueId.get(value.split(':')[0]!);
      if (unique) {
        named.add(unique);
        continue;
      }
      if (/^arn:[a-z-]+:sts::\d{12}:federated-user\//.test(value)) continue;
      // Something this reader does not know: let the engine judge everyone.
      return { everyone: true, accounts, named };
    }
  }
  return { everyone: false, accounts, named };
}

/**
 * The callers the engine should be asked about for AssumeRole on `role`: never a root user
 * (STS refuses it), and — where only an identity-based allow can make the call succeed
 * (a trust that delegates to the caller's account, or any caller from another account) —
 * only those whose identity policies could allow sts:AssumeRole on the role.
 */
export function trustCandidates(role: RoleEntity, admits: TrustAdmits, index: PrincipalIndexes, allow: AllowIndex): GraphPrincipal[] {
  const { principals, byArn, byAccount } = index;
  const out: GraphPrincipal[] = [];
  const seen = new Set<string>();
  const consider = (p: GraphPrincipal, needsIdentity: boolean) => {
    if (p.kind === 'root' || seen.has(p.arn)) return;
    if ((needsIdentity || p.account.id !== role.account.id) && !allow.mayAllow(p, ASSUME_ROLE, role.arn)) return;
    seen.add(p.arn);
    out.push(p);
  };
  if (admits.everyone) {
    for (const p of principals) consider(p, false);
  } else {
    for (const arn of admits.named) {
      const p = byArn.get(arn);
      if (p) consider(p, false);
    }
    for (const account of admits.accounts) for (const p of byAccount.get(account) ?? []) consider(p, true);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The lookups the trust reader needs, made once per analysis. */
export interface PrincipalIndexes {
  readonly principals: readonly GraphPrincipal[];
  readonly byArn: ReadonlyMap<string, GraphPrincipal>;
  readonly byAccount: ReadonlyMap<string, readonly GraphPrincipal[]>;
  readonly byUniqueId: ReadonlyMap<string, string>;
}

export function principalIndexes(principals: readonly GraphPrincipal[]): PrincipalIndexes {
  const byArn = new Map<string, GraphPrincipal>();
  const byAccount = new Map<string, GraphPrincipal[]>();
  const byUniqueId = new Map<string, string>();
  for (const p of principals) {
    byArn.set(p.arn, p);
    let list = byAccount.get(p.account.id);
    if (!list) byAccount.set(p.account.id, (list = []));
    list.push(p);
    const uniqueId = p.user?.uniqueId ?? p.role?.uniqueId;
    if (uniqueId) byUniqueId.set(uniqueId, p.arn);
  }
  return { principals, byArn, byAccount, byUniqueId };
}
