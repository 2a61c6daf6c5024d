/**
 * Policy documents an edit brings: a JSON object. The grammar is not checked here — the
 * validator reports findings with positions, and the world's compiler reports a document
 * AWS would refuse — but a document must at least be an object, as the scenario format's
 * schema requires. The IAM API takes documents as JSON text, so text that parses to an
 * object is accepted too (and stored parsed, as the format keeps documents).
 */
import { refuse } from './errors';
import { accountIndex, accountPath, entityIndex, isRecord, LIST_OF, listOf, replaceAt, resourceIndex, withEntity, withResource } from './world';
import type { DocumentRef } from './types';
import type { PolicyDocumentJson, ScenarioJson } from '../scenario/types';

export function asDocument(value: PolicyDocumentJson, path: string, field = 'document'): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      refuse('documentInvalid', `The policy document is not valid JSON: ${(error as Error).message}.`, path, field, { reason: (error as Error).message });
    }
    if (isRecord(parsed)) return parsed;
  }
  const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? 'JSON text that is not an object' : `a ${typeof value}`;
  return refuse('documentInvalid', `A policy document must be a JSON object ({"Version": "2012-10-17", "Statement": […]}), not ${found}.`, path, field, { reason: found });
}

/** Replaces the document `ref` names (the editor writes through this). */
export function setDocument(world: ScenarioJson, ref: DocumentRef, document: PolicyDocumentJson): ScenarioJson {
  switch (ref.kind) {
    case 'managed': {
      const ai = accountIndex(world, ref.account, 'ref');
      const pi = entityIndex(world, ai, 'policy', ref.name, 'ref');
      const doc = asDocument(document, `${accountPath(ai)}.policies[${pi}].document`);
      return withEntity(world, ai, 'policy', pi, (p) => ({ ...p, document: doc }));
    }
    case 'inline': {
      const ai = accountIndex(world, ref.owner.account, 'ref');
      const index = entityIndex(world, ai, ref.owner.kind, ref.owner.name, 'ref');
      const at = `${accountPath(ai)}.${LIST_OF[ref.owner.kind]}[${index}].inlinePolicies`;
      const holder = listOf(world.accounts[ai]!, ref.owner.kind)[index]!;
      if (!Object.prototype.hasOwnProperty.call(holder.inlinePolicies ?? {}, ref.name)) {
        refuse('notFound', `${ref.owner.kind === 'user' ? 'User' : ref.owner.kind === 'group' ? 'Group' : 'Role'} \`${ref.owner.name}\` has no inline policy named \`${ref.name}\`.`, at, 'ref', { what: 'inlinePolicy', name: ref.name });
      }
      const doc = asDocument(document, `${at}[${JSON.stringify(ref.name)}]`);
      const update = <T extends { readonly inlinePolicies?: Readonly<Record<string, PolicyDocumentJson>> }>(h: T): T => ({ ...h, inlinePolicies: { ...h.inlinePolicies, [ref.name]: doc } });
      return ref.owner.kind === 'user' ? withEntity(world, ai, 'user', index, update) : ref.owner.kind === 'group' ? withEntity(world, ai, 'group', index, update) : withEntity(world, ai, 'role', index, update);
    }
    case 'trust': {
      const ai = accountIndex(world, ref.account, 'ref');
      const ri = entityIndex(world, ai, 'role', ref.role, 'ref');
      const doc = asDocument(document, `${accountPath(ai)}.roles[${ri}].trustPolicy`);
      return withEntity(world, ai, 'role', ri, (r) => ({ ...r, trustPolicy: doc }));
    }
    case 'resource': {
      const ai = accountIndex(world, ref.account, 'ref');
      const ri = resourceIndex(world, ai, ref.arn, 'ref');
      const doc = asDocument(document, `${accountPath(ai)}.resources[${ri}].policy`);
      return withResource(world, ai, ri, (r) => ({ ...r, policy: doc }));
    }
    case 'org': {
      const org = world.organization;
      if (!org) refuse('organizationMissing', 'This world has no organization, so it has no SCPs or RCPs.', '$.organization', 'ref');
      const pi = (org.policies ?? []).findIndex((p) => p.name === ref.name);
      if (pi < 0) refuse('notFound', `The organization has no policy named \`${ref.name}\`.`, '$.organization.policies', 'ref', { what: 'orgPolicy', name: ref.name });
      const doc = asDocument(document, `$.organization.policies[${pi}].document`);
      return { ...world, organization: { ...org, policies: replaceAt(org.policies!, pi, { ...org.policies![pi]!, document: doc }) } };
    }
  }
}
