/**
 * Every policy document of a scenario that its author wrote, with the `PolicyRef` the
 * world compiler gives it (engine/model/compile.ts), the kind it is validated as and the
 * checks the editor runs on it (app/panel/PolicyView.tsx): an inline policy against its
 * owner's inline quota, a resource-based policy for its resource's type.
 *
 * INVARIANT: the ids below are the compiler's; worldFindings.test.ts pins the agreement
 * for every kind, so a change on either side fails a test.
 */
import type { PolicyRef } from '../evaluate/types';
import type { PolicySizeLimitName } from '../policy/sizeLimits';
import type { PolicyKind } from '../policy/types';
import type { ScenarioJson } from '../scenario/types';

export interface WorldPolicyDocument {
  readonly ref: PolicyRef;
  readonly kind: PolicyKind;
  /** The text the editor shows and the engine parses: spans refer to it. */
  readonly text: string;
  readonly sizeLimit?: PolicySizeLimitName;
  readonly resourceArn?: string;
}

/** The policy's source text as the engine reads it: a string as written, else its canonical JSON text. */
export function policyText(document: unknown): string {
  if (typeof document === 'string') return document;
  try {
    return JSON.stringify(document, null, 2) ?? '';
  } catch {
    return '';
  }
}

function normalizePath(path: string | undefined): string {
  return path && path.startsWith('/') && path.endsWith('/') ? path : '/';
}

export function worldPolicyDocuments(scenario: ScenarioJson): WorldPolicyDocument[] {
  const out: WorldPolicyDocument[] = [];
  for (const account of scenario.accounts) {
    const id = account.id;
    for (const p of account.policies ?? []) {
      const arn = `arn:aws:iam::${id}:policy${normalizePath(p.path)}${p.name}`;
      out.push({ ref: { id: `acct:${id}/policy:${p.name}`, kind: 'customerManaged', name: p.name, arn }, kind: 'identity', text: policyText(p.document) });
    }
    const inline = (
      holder: 'user' | 'group' | 'role',
      name: string,
      path: string | undefined,
      policies: Readonly<Record<string, unknown>> | undefined,
      sizeLimit: PolicySizeLimitName,
    ) => {
      const owner = `arn:aws:iam::${id}:${holder}${normalizePath(path)}${name}`;
      for (const [policyName, document] of Object.entries(policies ?? {})) {
        out.push({
          ref: { id: `acct:${id}/${holder}:${name}/inline:${policyName}`, kind: 'inline', name: policyName, attachedTo: owner },
          kind: 'identity', text: policyText(document), sizeLimit,
        });
      }
    };
    for (const u of account.users ?? []) inline('user', u.name, u.path, u.inlinePolicies, 'userInlinePolicies');
    for (const g of account.groups ?? []) inline('group', g.name, g.path, g.inlinePolicies, 'groupInlinePolicies');
    for (const r of account.roles ?? []) {
      const arn = `arn:aws:iam::${id}:role${normalizePath(r.path)}${r.name}`;
      out.push({ ref: { id: `acct:${id}/role:${r.name}/trust`, kind: 'trustPolicy', name: r.name, arn, attachedTo: arn }, kind: 'trust', text: policyText(r.trustPolicy) });
      inline('role', r.name, r.path, r.inlinePolicies, 'roleInlinePolicies');
    }
    for (const r of account.resources ?? []) {
      if (r.policy === undefined) continue;
      out.push({
        ref: { id: `acct:${id}/resource:${r.arn}`, kind: 'resourcePolicy', name: r.arn, arn: r.arn, attachedTo: r.arn },
        kind: 'resource', text: policyText(r.policy), resourceArn: r.arn,
      });
    }
  }
  for (const p of scenario.organization?.policies ?? []) {
    const kind = p.type === 'SCP' ? 'scp' : 'rcp';
    out.push({ ref: { id: `org/${kind}:${p.name}`, kind, name: p.name }, kind, text: policyText(p.document) });
  }
  return out;
}
