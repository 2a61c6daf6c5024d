/**
 * When an IAM user is renamed (or its path changes), IAM updates the policies that grant
 * it access as a principal: "Any resource or role policies that refer to the user as the
 * principal (the user is being granted access) are automatically updated to use the new
 * name or path" (IAM User Guide, "Rename an IAM user"). Policies that name the user as a
 * resource are not updated, and neither are policies naming a renamed group (IAM User
 * Guide, "Rename an IAM user group"); roles and policies cannot be renamed in AWS at all.
 */
import type { AccountJson, PolicyDocumentJson, ScenarioJson } from '../scenario/types';
import { isRecord } from './world';

type Rewrite = (arn: string) => string;

function rewritePrincipalValue(value: unknown, rewrite: Rewrite): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) {
    const mapped = value.map((v) => (typeof v === 'string' ? rewrite(v) : v));
    return mapped.some((v, i) => v !== value[i]) ? mapped : value;
  }
  return value;
}

/** The document with every `Principal`/`NotPrincipal` `AWS` entry rewritten; the same object when nothing changes. */
export function rewritePrincipals(document: PolicyDocumentJson, rewrite: Rewrite): PolicyDocumentJson {
  if (!isRecord(document)) return document;
  const statements = document.Statement;
  const list = Array.isArray(statements) ? statements : isRecord(statements) ? [statements] : undefined;
  if (!list) return document;
  let changed = false;
  const next = list.map((statement: unknown) => {
    if (!isRecord(statement)) return statement;
    let updated: Record<string, unknown> = statement;
    for (const element of ['Principal', 'NotPrincipal'] as const) {
      const block = statement[element];
      if (!isRecord(block) || !('AWS' in block)) continue;
      const aws = rewritePrincipalValue(block.AWS, rewrite);
      if (aws !== block.AWS) updated = { ...updated, [element]: { ...block, AWS: aws } };
    }
    if (updated !== statement) changed = true;
    return updated;
  });
  if (!changed) return document;
  return { ...document, Statement: Array.isArray(statements) ? next : next[0] };
}

/** Rewrites the principals of every role trust policy and resource-based policy of the world. */
export function rewritePrincipalsInWorld(world: ScenarioJson, rewrite: Rewrite): ScenarioJson {
  let changed = false;
  const accounts = world.accounts.map((account): AccountJson => {
    const roles = account.roles?.map((role) => {
      const trustPolicy = rewritePrincipals(role.trustPolicy, rewrite);
      return trustPolicy === role.trustPolicy ? role : { ...role, trustPolicy };
    });
    const resources = account.resources?.map((resource) => {
      if (resource.policy === undefined) return resource;
      const policy = rewritePrincipals(resource.policy, rewrite);
      return policy === resource.policy ? resource : { ...resource, policy };
    });
    const rolesChanged = roles?.some((r, i) => r !== account.roles![i]) ?? false;
    const resourcesChanged = resources?.some((r, i) => r !== account.resources![i]) ?? false;
    if (!rolesChanged && !resourcesChanged) return account;
    changed = true;
    return { ...account, ...(rolesChanged ? { roles } : {}), ...(resourcesChanged ? { resources } : {}) };
  });
  return changed ? { ...world, accounts } : world;
}
