/**
 * The document a `DocumentRef` names in the world, and the policy kind it is validated as
 * — the same mapping the engine's compiler uses (engine/model/compile.ts): customer
 * managed and inline policies are identity-based, a role's trust policy is `trust`, a
 * resource's policy is `resource`, an organization policy is `scp` or `rcp` by its type.
 */
import type { DocumentRef } from '../../engine/edit/types';
import type { PolicyKind } from '../../engine/policy/types';
import type { ScenarioJson } from '../../engine/scenario/types';

export interface WorldDocument {
  readonly document: unknown;
  readonly kind: PolicyKind;
  /** For a resource-based policy, the ARN of its resource. */
  readonly resourceArn?: string;
}

export function documentAt(world: ScenarioJson | null, ref: DocumentRef): WorldDocument | undefined {
  if (!world) return undefined;
  if (ref.kind === 'org') {
    const p = world.organization?.policies?.find((x) => x.name === ref.name);
    return p === undefined ? undefined : { document: p.document, kind: p.type === 'RCP' ? 'rcp' : 'scp' };
  }
  const account = world.accounts.find((a) => a.id === (ref.kind === 'inline' ? ref.owner.account : ref.account));
  if (!account) return undefined;
  switch (ref.kind) {
    case 'managed': {
      const p = account.policies?.find((x) => x.name === ref.name);
      return p === undefined ? undefined : { document: p.document, kind: 'identity' };
    }
    case 'inline': {
      const { owner } = ref;
      const holders = owner.kind === 'user' ? account.users : owner.kind === 'group' ? account.groups : account.roles;
      const policies = holders?.find((h) => h.name === owner.name)?.inlinePolicies;
      return policies !== undefined && Object.hasOwn(policies, ref.name) ? { document: policies[ref.name], kind: 'identity' } : undefined;
    }
    case 'trust': {
      const role = account.roles?.find((r) => r.name === ref.role);
      return role === undefined ? undefined : { document: role.trustPolicy, kind: 'trust' };
    }
    case 'resource': {
      const resource = account.resources?.find((r) => r.arn === ref.arn);
      return resource?.policy === undefined ? undefined : { document: resource.policy, kind: 'resource', resourceArn: resource.arn };
    }
  }
}
