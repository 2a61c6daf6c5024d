/**
 * Role assumption as the graph analyses ask it: which callers could a role's trust policy
 * admit (a cheap pre-filter), and is this caller allowed sts:AssumeRole on that role (the
 * engine's full answer: STS's own checks, the trust policy, the caller's policies, its
 * boundary, SCPs and RCPs). Shared by "who can" and the access graph.
 */
import type { ContextValue } from '../context/types';
import type { RoleEntity, World } from '../model/world';
import { runRequest } from '../pipeline/run';
import { AllowIndex, listPrincipals, principalIndexes, trustAdmits, trustCandidates, type GraphPrincipal, type PrincipalIndexes } from './graphPrincipals';

export type QueryContext = Readonly<Record<string, ContextValue>>;

/** The principals of a world with the lookups, the allow index and the assumption oracle, for one analysis. */
export class GraphWorld {
  readonly principals: readonly GraphPrincipal[];
  readonly index: PrincipalIndexes;
  readonly allow: AllowIndex;
  readonly #candidates = new Map<string, readonly GraphPrincipal[]>();
  readonly #assume = new Map<string, boolean>();

  constructor(readonly world: World, readonly now: Date) {
    this.principals = listPrincipals(world);
    this.index = principalIndexes(this.principals);
    this.allow = new AllowIndex(world);
  }

  /** The callers worth asking the engine about for AssumeRole on `role` (never a root user). */
  candidatesFor(role: RoleEntity): readonly GraphPrincipal[] {
    let list = this.#candidates.get(role.arn);
    if (!list) {
      list = trustCandidates(role, trustAdmits(role, this.world, this.index.byUniqueId), this.index, this.allow);
      this.#candidates.set(role.arn, list);
    }
    return list;
  }

  /**
   * Whether `caller` may assume `role` with `context`, as the engine decides an AssumeRole
   * call without parameters. The root user cannot assume roles ("You cannot use AWS account
   * root user credentials to call AssumeRole"): STS refuses it before any policy.
   */
  async canAssume(caller: GraphPrincipal, role: RoleEntity, context: QueryContext | undefined, contextKey = ''): Promise<boolean> {
    if (caller.kind === 'root') return false;
    const key = `${caller.arn}\n${role.arn}\n${contextKey}`;
    const known = this.#assume.get(key);
    if (known !== undefined) return known;
    const result = await runRequest(this.world, { principal: caller.caller, action: 'sts:AssumeRole', resource: role.arn, ...(context ? { context } : {}) }, { trace: false, now: this.now });
    const allowed = result.decision === 'allowed';
    this.#assume.set(key, allowed);
    return allowed;
  }
}
