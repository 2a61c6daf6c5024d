/**
 * SCPs and RCPs of the organization and what they are attached to. AWS's FullAWSAccess SCP
 * is attached to every root, OU and account when SCPs are enabled (see ./organization.ts);
 * at most 5 SCPs (and 5 RCPs) attach to one target, and every root, OU and account keeps at
 * least one SCP.
 */
import { asDocument } from './documents';
import { refuse } from './errors';
import { checkOrgName, ORG_QUOTAS } from './naming';
import { attachedOfType, isTarget, requireOrg, withOrg } from './orgBase';
import { removeAt, replaceAt } from './world';
import type { OrganizationJson, OrgPolicyJson, PolicyDocumentJson, ScenarioJson } from '../scenario/types';

/** AWS's FullAWSAccess SCP document ("Service control policies (SCPs)", AWS Organizations User Guide). */
export const FULL_AWS_ACCESS_NAME = 'FullAWSAccess';
/** A fresh copy of the FullAWSAccess document (each world owns its own). */
export function fullAwsAccessDocument(): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
}

/** AWS attaches FullAWSAccess to every new OU and account (when the organization has it and the target has room). */
export function attachDefaultScp(org: OrganizationJson, target: string): OrganizationJson {
  const policies = org.policies ?? [];
  const index = policies.findIndex((p) => p.type === 'SCP' && p.name === FULL_AWS_ACCESS_NAME);
  if (index < 0 || attachedOfType(org, 'SCP', target).length >= ORG_QUOTAS.policiesPerTarget) return org;
  const policy = policies[index]!;
  if (policy.targets?.includes(target)) return org;
  return { ...org, policies: replaceAt(policies, index, { ...policy, targets: [...(policy.targets ?? []), target] }) };
}

/** The organization without `target` among any policy's targets. */
export function dropTarget(org: OrganizationJson, target: string): OrganizationJson {
  if (!org.policies?.some((p) => p.targets?.includes(target))) return org;
  return { ...org, policies: org.policies.map((p) => (p.targets?.includes(target) ? { ...p, targets: p.targets.filter((t) => t !== target) } : p)) };
}

/** Refuses to take away the last SCP of a target: "Every root, OU, and account must have at least one SCP attached" (Organizations API Reference, DetachPolicy). */
export function checkKeepsAnScp(org: OrganizationJson, policy: OrgPolicyJson, targets: readonly string[], field: string): void {
  if (policy.type !== 'SCP') return;
  for (const target of targets) {
    const scps = attachedOfType(org, 'SCP', target);
    if (scps.length === 1 && scps[0] === policy) {
      refuse(
        'lastScp',
        `\`${policy.name}\` is the only SCP attached to \`${target}\`; every root, OU and account must have at least one SCP attached. Attach another SCP there first.`,
        '$.organization.policies',
        field,
        { policy: policy.name, target },
      );
    }
  }
}

// ── SCPs and RCPs ──

function policyIndex(org: OrganizationJson, name: string, field: string): number {
  const index = (org.policies ?? []).findIndex((p) => p.name === name);
  if (index < 0) refuse('notFound', `The organization has no policy named \`${name}\`.`, '$.organization.policies', field, { what: 'orgPolicy', name });
  return index;
}

function checkPolicyNameFree(org: OrganizationJson, name: string, field: string): void {
  const clash = (org.policies ?? []).findIndex((p) => p.name === name);
  if (clash >= 0) refuse('nameTaken', `The organization already has a policy named \`${name}\`.`, `$.organization.policies[${clash}]`, field, { name });
}

export function createOrgPolicy(world: ScenarioJson, name: string, type: 'SCP' | 'RCP', document: PolicyDocumentJson): ScenarioJson {
  const org = requireOrg(world);
  const at = `$.organization.policies[${org.policies?.length ?? 0}]`;
  checkOrgName(name, at, type === 'SCP' ? 'An SCP name' : 'An RCP name');
  checkPolicyNameFree(org, name, 'name');
  const doc = asDocument(document, `${at}.document`);
  return withOrg(world, { ...org, policies: [...(org.policies ?? []), { name, type, document: doc }] });
}

export function renameOrgPolicy(world: ScenarioJson, name: string, newName: string): ScenarioJson {
  const org = requireOrg(world, 'name');
  const index = policyIndex(org, name, 'name');
  checkOrgName(newName, `$.organization.policies[${index}].name`, 'A policy name', 'newName');
  if (newName === name) return world;
  checkPolicyNameFree(org, newName, 'newName');
  return withOrg(world, { ...org, policies: replaceAt(org.policies!, index, { ...org.policies![index]!, name: newName }) });
}

/** Deletes an SCP or RCP wherever it is attached — unless that leaves a root, OU or account with no SCP. */
export function deleteOrgPolicy(world: ScenarioJson, name: string): ScenarioJson {
  const org = requireOrg(world, 'name');
  const index = policyIndex(org, name, 'name');
  const policy = org.policies![index]!;
  checkKeepsAnScp(org, policy, policy.targets ?? [], 'name');
  return withOrg(world, { ...org, policies: removeAt(org.policies!, index) });
}

export function attachOrgPolicy(world: ScenarioJson, name: string, target: string): ScenarioJson {
  const org = requireOrg(world, 'name');
  const index = policyIndex(org, name, 'name');
  const policy = org.policies![index]!;
  if (!isTarget(org, target)) {
    refuse('orgTargetInvalid', `\`${target}\` is neither the root, an OU nor an account of the organization; SCPs and RCPs attach only to those.`, '$.organization', 'target', { target });
  }
  if (policy.targets?.includes(target)) refuse('alreadyAttached', `\`${name}\` is already attached to \`${target}\`.`, `$.organization.policies[${index}].targets`, 'target', { policy: name, target });
  const count = attachedOfType(org, policy.type, target).length;
  if (count >= ORG_QUOTAS.policiesPerTarget) {
    refuse('quotaExceeded', `\`${target}\` already has ${count} ${policy.type}s attached, the AWS Organizations quota (${ORG_QUOTAS.policiesPerTarget}).`, `$.organization.policies[${index}].targets`, 'target', {
      limit: ORG_QUOTAS.policiesPerTarget,
      target,
    });
  }
  return withOrg(world, { ...org, policies: replaceAt(org.policies!, index, { ...policy, targets: [...(policy.targets ?? []), target] }) });
}

export function detachOrgPolicy(world: ScenarioJson, name: string, target: string): ScenarioJson {
  const org = requireOrg(world, 'name');
  const index = policyIndex(org, name, 'name');
  const policy = org.policies![index]!;
  if (!policy.targets?.includes(target)) refuse('notAttached', `\`${name}\` is not attached to \`${target}\`.`, `$.organization.policies[${index}].targets`, 'target', { policy: name, target });
  checkKeepsAnScp(org, policy, [target], 'target');
  return withOrg(world, { ...org, policies: replaceAt(org.policies!, index, { ...policy, targets: policy.targets.filter((t) => t !== target) }) });
}
