/**
 * What the IAM write form offers from the world for a parameter (its users, groups, roles,
 * the managed policies it has or attaches, the access keys of a user), and the resource ARN
 * a chosen entity stands for. Read from the world, never decided: the engine judges
 * whatever the learner picks, an entity that does not exist included (NoSuchEntity).
 */
import type { ApiParamSpec } from '../../../engine/iamApi/types';
import type { AccountJson, ScenarioJson } from '../../../engine/scenario/types';
import { arn } from '../../world/arns';

export interface ParamChoice {
  readonly value: string;
  readonly label: string;
}

/**
 * AWS managed policies worth offering even when the world uses none: AdministratorAccess is
 * what a privilege escalation reaches for, and a lesson needs it at hand.
 */
const OFFERED_AWS_POLICIES = ['arn:aws:iam::aws:policy/AdministratorAccess'];

function where(a: AccountJson): string {
  return a.alias ?? a.id;
}

/** Every managed policy ARN of the world: its customer managed policies and the AWS managed ones it attaches. */
export function policyArnChoices(world: ScenarioJson): ParamChoice[] {
  const out = new Map<string, string>();
  for (const a of world.accounts) for (const p of a.policies ?? []) out.set(arn.policy(a.id, p.name, p.path), `${p.name} · ${where(a)}`);
  const used = (name: string | null | undefined) => {
    if (typeof name === 'string' && name.startsWith('arn:') && !out.has(name)) out.set(name, name.slice(name.lastIndexOf('/') + 1));
  };
  for (const a of world.accounts) {
    for (const e of [...(a.users ?? []), ...(a.groups ?? []), ...(a.roles ?? [])]) for (const m of e.managedPolicies ?? []) used(m);
    for (const e of [...(a.users ?? []), ...(a.roles ?? [])]) used(e.permissionsBoundary);
  }
  for (const p of OFFERED_AWS_POLICIES) used(p);
  return [...out].map(([value, label]) => ({ value, label }));
}

function named(world: ScenarioJson, kind: 'users' | 'groups' | 'roles'): ParamChoice[] {
  const out = new Map<string, string>();
  for (const a of world.accounts) for (const e of a[kind] ?? []) if (!out.has(e.name)) out.set(e.name, `${e.name} · ${where(a)}`);
  return [...out].map(([value, label]) => ({ value, label }));
}

/** The choices for `param`; `userName` is the user the form names (for AccessKeyId). */
export function paramChoices(world: ScenarioJson, param: ApiParamSpec, userName: string): ParamChoice[] {
  switch (param.name) {
    case 'UserName':
      return named(world, 'users');
    case 'GroupName':
      return named(world, 'groups');
    case 'RoleName':
      return named(world, 'roles');
    case 'PolicyArn':
    case 'PermissionsBoundary':
      return policyArnChoices(world);
    case 'Status':
      return [
        { value: 'Active', label: 'Active' },
        { value: 'Inactive', label: 'Inactive' },
      ];
    case 'AccessKeyId':
      return world.accounts.flatMap((a) => (a.users ?? []).filter((u) => userName === '' || u.name === userName).flatMap((u) => (u.accessKeys ?? []).map((k) => ({ value: k.id, label: `${k.id} · ${u.name}` }))));
    case 'Path':
      return [{ value: '/', label: '/' }];
    default:
      return [];
  }
}

/** The account of an IAM or STS principal ARN. */
function accountOf(principal: string): string | undefined {
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/**
 * The resource ARN a parameter's value stands for (`UserName` dev-lee → the user's ARN), for
 * a form whose resource is still empty: the entity of that name in the caller's account
 * first, else the first account that has one; a name the world does not have yet (CreateUser)
 * is in the caller's account. `undefined` when neither says which.
 */
export function resourceOfParam(world: ScenarioJson, param: ApiParamSpec, value: string, caller: string): string | undefined {
  const name = value.trim();
  if (!param.fromResource || name === '') return undefined;
  if (param.fromResource === 'policyArn') return name.startsWith('arn:') ? name : undefined;
  const home = accountOf(caller);
  const accounts = [...world.accounts].sort((x, y) => Number(y.id === home) - Number(x.id === home));
  for (const a of accounts) {
    if (param.fromResource === 'userName') {
      const u = a.users?.find((e) => e.name === name);
      if (u) return arn.user(a.id, u.name, u.path);
    } else if (param.fromResource === 'groupName') {
      const g = a.groups?.find((e) => e.name === name);
      if (g) return arn.group(a.id, g.name, g.path);
    } else {
      const r = a.roles?.find((e) => e.name === name);
      if (r) return arn.role(a.id, r.name, r.path);
    }
  }
  if (home === undefined) return undefined;
  return param.fromResource === 'userName' ? arn.user(home, name) : param.fromResource === 'groupName' ? arn.group(home, name) : arn.role(home, name);
}
