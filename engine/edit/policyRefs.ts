/**
 * Managed policy references as a scenario writes them in `managedPolicies` and
 * `permissionsBoundary`: a customer managed policy's name (of the holder's own account), its
 * ARN `arn:aws:iam::ACCOUNT:policy/PATH/NAME` (any account), or an AWS managed policy's ARN
 * `arn:aws:iam::aws:policy/PATH/NAME` — resolved as engine/model/compile.ts resolves them.
 */
import { refuse } from './errors';
import { accountPath, pathOf, without } from './world';
import type { AccountJson, ScenarioJson } from '../scenario/types';

const AWS_MANAGED_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::aws:policy(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]{1,128})$/;
const CUSTOMER_POLICY_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):policy(\/.*)?\/([^/]+)$/;

/** What a reference points at: an AWS managed policy, or a customer managed policy of some account. */
export type PolicyTarget = { readonly kind: 'aws'; readonly arn: string } | { readonly kind: 'customer'; readonly account: string; readonly name: string };

/** Reads a reference without checking that the policy exists; `undefined` when it is neither a name nor a policy ARN. */
export function readPolicyRef(ref: string, holderAccount: string): PolicyTarget | undefined {
  if (AWS_MANAGED_ARN.test(ref)) return { kind: 'aws', arn: ref };
  const arn = CUSTOMER_POLICY_ARN.exec(ref);
  if (arn) return { kind: 'customer', account: arn[2]!, name: arn[4]! };
  if (ref.startsWith('arn:')) return undefined;
  return { kind: 'customer', account: holderAccount, name: ref };
}

/** Whether two references name the same policy (a name and an ARN can). */
export function sameTarget(a: PolicyTarget, b: PolicyTarget): boolean {
  if (a.kind === 'aws') return b.kind === 'aws' && a.arn === b.arn;
  return b.kind === 'customer' && a.account === b.account && a.name === b.name;
}

/** Does `ref`, written in `holderAccount`, name the customer managed policy `name` of `account`? */
export function refersToPolicy(ref: string, holderAccount: string, account: string, name: string): boolean {
  const target = readPolicyRef(ref, holderAccount);
  return target !== undefined && target.kind === 'customer' && target.account === account && target.name === name;
}

/** The ARN of a customer managed policy. */
export function customerPolicyArn(account: string, policy: { readonly name: string; readonly path?: string }): string {
  return `arn:aws:iam::${account}:policy${pathOf(policy)}${policy.name}`;
}

/**
 * Resolves the policy an attach or boundary edit names; refuses a malformed reference and a
 * customer managed policy the world does not define. AWS managed policies are taken on
 * their ARN's word: the world is compiled against AWS's list, which reports an unknown one.
 */
export function resolvePolicyArgument(world: ScenarioJson, holderAccount: string, ref: string, field = 'policy'): PolicyTarget {
  const target = readPolicyRef(ref, holderAccount);
  if (!target) {
    refuse('arnInvalid', `\`${ref}\` is not a managed policy: give a policy name of account ${holderAccount}, or a policy ARN (arn:aws:iam::aws:policy/NAME or arn:aws:iam::ACCOUNT:policy/NAME).`, '$', field, { arn: ref });
  }
  if (target.kind === 'customer') {
    // IAM User Guide, "Managed policies and inline policies": a customer managed policy can be
    // attached only to principals of its own account (IAM answers NoSuchEntity: "Policy … does
    // not exist or is not attachable").
    if (target.account !== holderAccount) {
      refuse('notFound', `Policy \`${ref}\` does not exist or is not attachable: a customer managed policy of account ${target.account} can be attached only to principals of that account, not of ${holderAccount}.`, '$', field, {
        what: 'policy',
        name: ref,
        account: holderAccount,
      });
    }
    const ai = world.accounts.findIndex((a) => a.id === target.account);
    const owner = world.accounts[ai];
    const policy = owner?.policies?.find((p) => p.name === target.name);
    if (!policy) {
      refuse(
        'notFound',
        owner ? `Account ${target.account} has no customer managed policy named \`${target.name}\`.` : `There is no account ${target.account} in this world, so policy \`${ref}\` cannot be found.`,
        owner ? `${accountPath(ai)}.policies` : '$.accounts',
        field,
        { what: 'policy', name: target.name, account: target.account },
      );
    }
    // An ARN names the policy with its path; IAM finds no policy under another path (NoSuchEntity).
    const arn = customerPolicyArn(target.account, policy);
    if (ref.startsWith('arn:') && ref.replace(/^arn:aws(-cn|-us-gov)?:/, 'arn:aws:') !== arn) {
      refuse('notFound', `Policy \`${target.name}\` of account ${target.account} has the path \`${pathOf(policy)}\`: its ARN is \`${arn}\`, not \`${ref}\`.`, `${accountPath(ai)}.policies`, field, {
        what: 'policy',
        name: ref,
        account: target.account,
      });
    }
  }
  return target;
}

/** How a policy is shown in messages: its name, or an AWS managed policy's name from its ARN. */
export function policyLabel(target: PolicyTarget): string {
  return target.kind === 'aws' ? target.arn.slice(target.arn.lastIndexOf('/') + 1) : target.name;
}

/** Maps every managed policy reference of the world; `null` removes it. */
export function mapPolicyRefs(world: ScenarioJson, map: (ref: string, holderAccount: string) => string | null): ScenarioJson {
  let changed = false;
  const mapList = (refs: readonly string[] | undefined, holder: string): readonly string[] | undefined => {
    if (!refs) return refs;
    const out: string[] = [];
    for (const ref of refs) {
      const next = map(ref, holder);
      if (next !== ref) changed = true;
      if (next !== null) out.push(next);
    }
    return out.length === refs.length && out.every((r, i) => r === refs[i]) ? refs : out;
  };
  const mapBoundary = <T extends { readonly permissionsBoundary?: string | null }>(entity: T, holder: string): T => {
    if (!entity.permissionsBoundary) return entity;
    const next = map(entity.permissionsBoundary, holder);
    if (next === entity.permissionsBoundary) return entity;
    changed = true;
    return next === null ? (without(entity, 'permissionsBoundary') as T) : { ...entity, permissionsBoundary: next };
  };
  const holders = <T extends { readonly managedPolicies?: readonly string[] }>(list: readonly T[] | undefined, holder: string): readonly T[] | undefined =>
    list?.map((entity) => {
      const managedPolicies = mapList(entity.managedPolicies, holder);
      return managedPolicies === entity.managedPolicies ? entity : { ...entity, managedPolicies };
    });
  const accounts = world.accounts.map((account): AccountJson => {
    const before = changed;
    changed = false;
    const users = holders(account.users, account.id)?.map((u) => mapBoundary(u, account.id));
    const groups = holders(account.groups, account.id);
    const roles = holders(account.roles, account.id)?.map((r) => mapBoundary(r, account.id));
    const touched = changed;
    changed = before || touched;
    return touched ? { ...account, ...(users ? { users } : {}), ...(groups ? { groups } : {}), ...(roles ? { roles } : {}) } : account;
  });
  return changed ? { ...world, accounts } : world;
}

/** Points every ARN reference to a customer managed policy at `newArn` (its name or path changed). */
export function repointPolicyArns(world: ScenarioJson, account: string, name: string, newArn: string): ScenarioJson {
  return mapPolicyRefs(world, (ref, holder) => (ref.startsWith('arn:') && refersToPolicy(ref, holder, account, name) ? newArn : ref));
}
