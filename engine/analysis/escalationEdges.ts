/**
 * PMapper's privilege-escalation edges, each decided by the engine with the context keys
 * AWS sends with the call:
 *
 * - passRoleEc2 / passRoleLambda / passRoleCloudFormation (p → role q): `iam:PassRole` on q
 *   with `iam:PassedToService` (and `iam:AssociatedResourceArn`), the service's own action
 *   (`ec2:RunInstances`; `lambda:CreateFunction` and `lambda:InvokeFunction`;
 *   `cloudformation:CreateStack`) on a new resource of the caller's choosing (its ARN with
 *   `*` for the name), and q's trust policy allowing the service principal to assume it.
 *   EC2 gives a role through an instance profile: one that holds q, or
 *   `iam:CreateInstanceProfile` + `iam:AddRoleToInstanceProfile` to make one.
 * - createAccessKey / createLoginProfile / updateLoginProfile (p → user q): the call on q,
 *   when the API would accept it (fewer than two keys; no console password yet / one already).
 * - updateAssumeRolePolicy (p → role q): played on a copy — q's trust policy rewritten to
 *   trust p — and then AssumeRole asked of the engine in the changed world.
 * - self-escalation (p → p): attach AdministratorAccess / put an `*` policy on itself,
 *   a new default version of a customer managed policy attached to it or its groups,
 *   the same on its groups, or joining a group: each played on a copy, and an edge only
 *   when p is then allowed `*` on `*`.
 *
 * IAM is per account: every technique stays within p's account.
 */
import { evaluateSync, runRequest } from '../pipeline/run';
import type { ManagedPolicySource } from '../data/managedPolicies';
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import type { World } from '../model/world';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import type { AccessEdge, AccessEdgeKind } from './types';
import type { GraphWorld } from './graphAssume';
import type { GraphPrincipal } from './graphPrincipals';
import { ADMIN_DOCUMENT, ADMINISTRATOR_ACCESS, playWrite } from './escalationPlay';

type Context = Readonly<Record<string, string>>;
type Step = { readonly action: string; readonly resource: string };

/** Whether `p` is allowed `action` on `resource` with `context` (the engine's synchronous path). */
export function allowed(graph: GraphWorld, p: GraphPrincipal, action: string, resource: string, context?: Context, world: World = graph.world): boolean {
  const request: RequestJson = { principal: p.caller, action, resource, ...(context ? { context } : {}) };
  return evaluateSync(world, request, { trace: false, now: graph.now })?.decision === 'allowed';
}

/** Allowed `*` on `*`: only a statement whose Action is `*` (or a NotAction) grants it, and a Deny of `*` refuses it. */
export function allowedEverything(graph: GraphWorld, p: GraphPrincipal, world: World = graph.world): boolean {
  return allowed(graph, p, '*', '*', undefined, world);
}

const REGION = 'us-east-1';

interface PassRoleTechnique {
  readonly kind: AccessEdgeKind;
  readonly service: string;
  /** The service's own actions, on a new resource in `account`. */
  readonly actions: (account: string) => readonly Step[];
  /** The resource the role is associated with (iam:AssociatedResourceArn). */
  readonly associated: (account: string) => string;
}

const PASS_ROLE: readonly PassRoleTechnique[] = [
  {
    kind: 'passRoleEc2', service: 'ec2.amazonaws.com',
    actions: (a) => [{ action: 'ec2:RunInstances', resource: `arn:aws:ec2:${REGION}:${a}:instance/*` }],
    associated: (a) => `arn:aws:ec2:${REGION}:${a}:instance/*`,
  },
  {
    kind: 'passRoleLambda', service: 'lambda.amazonaws.com',
    actions: (a) => [
      { action: 'lambda:CreateFunction', resource: `arn:aws:lambda:${REGION}:${a}:function:*` },
      { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${REGION}:${a}:function:*` },
    ],
    associated: (a) => `arn:aws:lambda:${REGION}:${a}:function:*`,
  },
  {
    kind: 'passRoleCloudFormation', service: 'cloudformation.amazonaws.com',
    actions: (a) => [{ action: 'cloudformation:CreateStack', resource: `arn:aws:cloudformation:${REGION}:${a}:stack/*` }],
    associated: (a) => `arn:aws:cloudformation:${REGION}:${a}:stack/*`,
  },
];

/** Finds the edges of one source; `emit` receives each. */
export class EscalationFinder {
  readonly #serviceTrust = new Map<string, boolean>();

  constructor(
    private readonly graph: GraphWorld,
    private readonly scenario: ScenarioJson,
    private readonly managed: ManagedPolicySource,
  ) {}

  /** Whether `service` may assume `role` (its trust policy, as the engine judges the service's AssumeRole). */
  async #serviceMayAssume(service: string, roleArn: string): Promise<boolean> {
    const key = `${service}\n${roleArn}`;
    let known = this.#serviceTrust.get(key);
    if (known === undefined) {
      const result = await runRequest(this.graph.world, { principal: service, action: 'sts:AssumeRole', resource: roleArn }, { trace: false, now: this.graph.now });
      known = result.decision === 'allowed';
      this.#serviceTrust.set(key, known);
    }
    return known;
  }

  /** All steps allowed to `p` (each with its context), or `undefined`. */
  #all(p: GraphPrincipal, steps: readonly (Step & { readonly context?: Context })[]): Step[] | undefined {
    for (const s of steps) if (!allowed(this.graph, p, s.action, s.resource, s.context)) return undefined;
    return steps.map(({ action, resource }) => ({ action, resource }));
  }

  async passRole(p: GraphPrincipal, emit: (edge: AccessEdge) => void): Promise<void> {
    const { allow } = this.graph;
    if (!allow.mayAllow(p, 'iam:passrole')) return;
    const account = p.account.id;
    for (const technique of PASS_ROLE) {
      const own = technique.actions(account);
      if (!own.every((s) => allow.mayAllow(p, s.action.toLowerCase(), s.resource))) continue;
      if (!this.#all(p, own)) continue;
      for (const q of this.graph.index.byAccount.get(account) ?? []) {
        if (!q.role || q.arn === p.arn || !allow.mayAllow(p, 'iam:passrole', q.arn)) continue;
        const passRole = { action: 'iam:PassRole', resource: q.arn, context: { 'iam:PassedToService': technique.service, 'iam:AssociatedResourceArn': technique.associated(account) } };
        const steps = this.#all(p, [passRole]);
        if (!steps || !(await this.#serviceMayAssume(technique.service, q.arn))) continue;
        const profile = technique.kind === 'passRoleEc2' ? this.#instanceProfile(p, q) : { steps: [] as Step[], via: undefined };
        if (!profile) continue;
        emit({ from: p.arn, to: q.arn, kind: technique.kind, actions: [...steps, ...own, ...profile.steps], ...(profile.via ? { via: profile.via } : {}) });
      }
    }
  }

  /** EC2 needs an instance profile holding the role: an existing one, or the rights to make one. */
  #instanceProfile(p: GraphPrincipal, q: GraphPrincipal): { steps: Step[]; via: string | undefined } | undefined {
    for (const profile of q.account.instanceProfiles.values()) if (profile.role?.arn === q.arn) return { steps: [], via: profile.arn };
    const arn = `arn:aws:iam::${q.account.id}:instance-profile/*`;
    const steps = this.#all(p, [{ action: 'iam:CreateInstanceProfile', resource: arn }, { action: 'iam:AddRoleToInstanceProfile', resource: arn }]);
    return steps ? { steps, via: undefined } : undefined;
  }

  credentials(p: GraphPrincipal, emit: (edge: AccessEdge) => void): void {
    const { allow } = this.graph;
    const kinds: readonly { kind: AccessEdgeKind; action: string; applies: (q: GraphPrincipal) => boolean }[] = [
      // "You can have a maximum of two access keys" (IAM quotas): a third is LimitExceeded.
      { kind: 'createAccessKey', action: 'iam:CreateAccessKey', applies: (q) => (q.user?.accessKeys.length ?? 2) < 2 },
      // CreateLoginProfile fails (EntityAlreadyExists) for a user with a password; UpdateLoginProfile (NoSuchEntity) for one without.
      { kind: 'createLoginProfile', action: 'iam:CreateLoginProfile', applies: (q) => q.user?.password === undefined },
      { kind: 'updateLoginProfile', action: 'iam:UpdateLoginProfile', applies: (q) => q.user?.password !== undefined },
    ];
    for (const { kind, action, applies } of kinds) {
      const lower = action.toLowerCase();
      if (!allow.mayAllow(p, lower)) continue;
      for (const q of this.graph.index.byAccount.get(p.account.id) ?? []) {
        if (!q.user || q.arn === p.arn || !applies(q) || !allow.mayAllow(p, lower, q.arn)) continue;
        if (allowed(this.graph, p, action, q.arn)) emit({ from: p.arn, to: q.arn, kind, actions: [{ action, resource: q.arn }] });
      }
    }
  }

  /** UpdateAssumeRolePolicy on a role p cannot assume yet, played: then may p assume it? */
  async updateTrust(p: GraphPrincipal, canAssumeAlready: (q: GraphPrincipal) => boolean, emit: (edge: AccessEdge) => void): Promise<void> {
    const { allow } = this.graph;
    if (!allow.mayAllow(p, 'iam:updateassumerolepolicy')) return;
    for (const q of this.graph.index.byAccount.get(p.account.id) ?? []) {
      if (!q.role || q.arn === p.arn || canAssumeAlready(q) || !allow.mayAllow(p, 'iam:updateassumerolepolicy', q.arn)) continue;
      if (!allowed(this.graph, p, 'iam:UpdateAssumeRolePolicy', q.arn)) continue;
      const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: p.arn }, Action: 'sts:AssumeRole' }] };
      const keep = new Set([`${p.kind}/${p.user?.name ?? p.role?.name}`, `role/${q.role.name}`]);
      const write: RequestJson = { principal: p.caller, action: 'iam:UpdateAssumeRolePolicy', resource: q.arn, params: { RoleName: q.role.name, PolicyDocument: trust } };
      const changed = await playWrite(this.scenario, this.managed, p.account.id, keep, write, this.graph.now);
      if (!changed) continue;
      const after = await runRequest(changed, { principal: p.caller, action: 'sts:AssumeRole', resource: q.arn }, { trace: false, now: this.graph.now });
      if (after.decision !== 'allowed') continue;
      emit({ from: p.arn, to: q.arn, kind: 'updateAssumeRolePolicy', actions: [{ action: 'iam:UpdateAssumeRolePolicy', resource: q.arn }, { action: 'sts:AssumeRole', resource: q.arn }] });
    }
  }

  /**
   * The ways p can make itself an administrator, each played on a copy and kept only when
   * p is then allowed `*` on `*`. Self-loop edges (`to` = `from`).
   */
  async selfEscalation(p: GraphPrincipal, emit: (edge: AccessEdge) => void): Promise<void> {
    if (p.kind === 'root') return;
    const { allow } = this.graph;
    const account = p.account.id;
    const name = (p.user?.name ?? p.role?.name)!;
    const keep = new Set([`${p.kind}/${name}`]);
    const tries: { kind: AccessEdgeKind; write: RequestJson; context?: Context; via?: string }[] = [];
    const on = (action: string, resource: string, params: Record<string, unknown>, kind: AccessEdgeKind, via?: string, context?: Context) => {
      if (allow.mayAllow(p, action.toLowerCase(), resource)) tries.push({ kind, write: { principal: p.caller, action, resource, params }, ...(context ? { context } : {}), ...(via ? { via } : {}) });
    };
    const adminArn = { 'iam:PolicyARN': ADMINISTRATOR_ACCESS };
    const attached: CompiledPolicy[] = [];
    if (p.user) {
      on('iam:PutUserPolicy', p.arn, { UserName: name, PolicyName: 'escalation', PolicyDocument: ADMIN_DOCUMENT }, 'putUserPolicy');
      on('iam:AttachUserPolicy', p.arn, { UserName: name, PolicyArn: ADMINISTRATOR_ACCESS }, 'attachUserPolicy', ADMINISTRATOR_ACCESS, adminArn);
      attached.push(...p.user.managed);
      for (const group of p.user.groups) {
        attached.push(...group.managed);
        on('iam:PutGroupPolicy', group.arn, { GroupName: group.name, PolicyName: 'escalation', PolicyDocument: ADMIN_DOCUMENT }, 'putGroupPolicy', group.arn);
        on('iam:AttachGroupPolicy', group.arn, { GroupName: group.name, PolicyArn: ADMINISTRATOR_ACCESS }, 'attachGroupPolicy', group.arn, adminArn);
      }
      const member = new Set(p.user.groups.map((g) => g.arn));
      for (const group of p.account.groups.values()) {
        if (!member.has(group.arn)) on('iam:AddUserToGroup', group.arn, { GroupName: group.name, UserName: name }, 'addUserToGroup', group.arn);
      }
    } else if (p.role) {
      on('iam:PutRolePolicy', p.arn, { RoleName: name, PolicyName: 'escalation', PolicyDocument: ADMIN_DOCUMENT }, 'putRolePolicy');
      on('iam:AttachRolePolicy', p.arn, { RoleName: name, PolicyArn: ADMINISTRATOR_ACCESS }, 'attachRolePolicy', ADMINISTRATOR_ACCESS, adminArn);
      attached.push(...p.role.managed);
    }
    const versioned = new Set<string>();
    for (const policy of attached) {
      const arn = policy.ref.arn;
      // Only a customer managed policy of p's own account takes new versions from p (AWS managed ones are AWS's).
      if (policy.ref.kind !== 'customerManaged' || !arn || !arn.includes(`:iam::${account}:policy/`) || versioned.has(arn)) continue;
      versioned.add(arn);
      on('iam:CreatePolicyVersion', arn, { PolicyArn: arn, PolicyDocument: ADMIN_DOCUMENT, SetAsDefault: true }, 'createPolicyVersion', arn);
    }
    for (const { kind, write, context, via } of tries) {
      // The engine's decision first (cheap); then the play, which also applies the API's own checks.
      if (!allowed(this.graph, p, write.action, write.resource, context)) continue;
      const changed = await playWrite(this.scenario, this.managed, account, keep, write, this.graph.now);
      if (!changed || !allowedEverything(this.graph, p, changed)) continue;
      emit({ from: p.arn, to: p.arn, kind, actions: [{ action: write.action, resource: write.resource }], ...(via ? { via } : {}) });
    }
  }
}
