/**
 * The names a policy can use from the learner's own world: ARNs of its root users, users,
 * groups, roles, customer managed policies, resources and identity providers, and its
 * account IDs — for completing Resource and Principal values. Derived from the scenario.
 */
import type { ScenarioJson } from '../../../engine/scenario/types';
import { arn } from '../../world/arns';

export type WorldNameKind = 'account' | 'root' | 'user' | 'group' | 'role' | 'policy' | 'resource' | 'identityProvider';

export interface WorldName {
  readonly value: string;
  readonly kind: WorldNameKind;
  /** How the map names it (a user's name, a bucket's name, an account's alias). */
  readonly label: string;
}

export function worldNames(world: ScenarioJson | null): WorldName[] {
  const out: WorldName[] = [];
  for (const account of world?.accounts ?? []) {
    const id = account.id;
    out.push({ value: id, kind: 'account', label: account.alias ?? id });
    out.push({ value: arn.root(id), kind: 'root', label: `root (${account.alias ?? id})` });
    for (const u of account.users ?? []) out.push({ value: arn.user(id, u.name, u.path), kind: 'user', label: u.name });
    for (const g of account.groups ?? []) out.push({ value: arn.group(id, g.name, g.path), kind: 'group', label: g.name });
    for (const r of account.roles ?? []) out.push({ value: arn.role(id, r.name, r.path), kind: 'role', label: r.name });
    for (const p of account.policies ?? []) out.push({ value: arn.policy(id, p.name, p.path), kind: 'policy', label: p.name });
    for (const r of account.resources ?? []) {
      out.push({ value: r.arn, kind: 'resource', label: r.arn.split(':').slice(5).join(':') || r.arn });
      // An S3 bucket's objects are named `bucket/*`: the form a Resource element needs for object actions.
      if (/^arn:[^:]+:s3:::[^/]+$/.test(r.arn)) out.push({ value: `${r.arn}/*`, kind: 'resource', label: `${r.arn.slice(r.arn.lastIndexOf(':') + 1)}/*` });
    }
    for (const p of account.identityProviders ?? []) {
      const value = p.type === 'oidc' ? `arn:aws:iam::${id}:oidc-provider/${p.url.replace(/^https:\/\//, '')}` : `arn:aws:iam::${id}:saml-provider/${p.name}`;
      out.push({ value, kind: 'identityProvider', label: p.type === 'oidc' ? p.url : p.name });
    }
  }
  return out;
}
