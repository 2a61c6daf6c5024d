/**
 * The edits behind a node's Delete and Rename, and what a rename does to the map: the
 * node's id is made from its name (app/world/ids.ts), so its saved position, and those of
 * what it holds, move to the new id. Pure.
 */
import type { WorldEdit } from '../../engine/edit/types';
import type { Positions, XY } from '../store/worldSlice';
import type { WorldNode } from '../world/graph';
import { nodeId } from '../world/ids';

/** The edit that deletes what `node` stands for (with what depends on it), or undefined when it cannot be deleted on its own. */
export function deleteEdit(node: WorldNode): WorldEdit | undefined {
  switch (node.kind) {
    case 'user':
    case 'group':
    case 'role':
    case 'customerManaged':
    case 'resource':
      return node.entity ? { op: 'delete', ref: node.entity } : undefined;
    case 'inline':
      return node.document?.kind === 'inline' ? { op: 'deleteInlinePolicy', owner: node.document.owner, name: node.document.name } : undefined;
    case 'account':
      return node.account ? { op: 'deleteAccount', id: node.account } : undefined;
    case 'orgUnit':
      return node.unit ? { op: 'deleteOrgUnit', id: node.unit } : undefined;
    case 'orgRoot':
      return { op: 'deleteOrganization' };
    case 'scp':
    case 'rcp':
      return node.policy ? { op: 'deleteOrgPolicy', name: node.policy.name } : undefined;
    // A root user, a trust policy and a resource's policy belong to their account, role or
    // resource; an AWS managed policy belongs to AWS (it leaves the map once detached everywhere).
    default:
      return undefined;
  }
}

/** What the rename field edits: the name, an account's alias, a resource's ARN. */
export function renameValue(node: WorldNode): string | undefined {
  if (node.kind === 'account') return node.detail !== undefined ? node.label : '';
  if (node.kind === 'resource') return node.arn;
  return renameEdit(node, node.label) ? node.label : undefined;
}

/** The edit that renames `node` to `name`, or undefined when it has no name of its own to change. */
export function renameEdit(node: WorldNode, name: string): WorldEdit | undefined {
  switch (node.kind) {
    case 'user':
    case 'group':
    case 'role':
    case 'customerManaged':
      return node.entity ? { op: 'rename', ref: node.entity, newName: name } : undefined;
    case 'resource':
      return node.entity ? { op: 'rename', ref: node.entity, newName: name } : undefined;
    case 'inline':
      return node.document?.kind === 'inline' ? { op: 'renameInlinePolicy', owner: node.document.owner, name: node.document.name, newName: name } : undefined;
    case 'account':
      return node.account ? { op: 'updateAccount', id: node.account, alias: name.trim() === '' ? null : name } : undefined;
    case 'orgUnit':
      return node.unit ? { op: 'renameOrgUnit', id: node.unit, name } : undefined;
    case 'scp':
    case 'rcp':
      return node.policy ? { op: 'renameOrgPolicy', name: node.policy.name, newName: name } : undefined;
    default:
      return undefined;
  }
}

/** The node id `node` gets once renamed to `name` (accounts and OUs keep theirs: their ids are not their names). */
export function renamedId(node: WorldNode, name: string): string {
  const e = node.entity;
  switch (node.kind) {
    case 'user':
    case 'group':
    case 'role':
      return e ? nodeId[node.kind](e.account, name) : node.id;
    case 'customerManaged':
      return e ? nodeId.customerManaged(e.account, name) : node.id;
    case 'resource':
      return e ? nodeId.resource(e.account, name) : node.id;
    case 'inline':
      return node.document?.kind === 'inline' ? `${node.id.slice(0, node.id.length - node.document.name.length)}${name}` : node.id;
    case 'scp':
    case 'rcp':
      return nodeId.orgPolicy(node.kind === 'scp' ? 'SCP' : 'RCP', name);
    default:
      return node.id;
  }
}

/**
 * The saved positions to carry over when node `from` becomes `to`: its own and those of the
 * nodes whose ids start with it (a role's trust policy and inline policies); a resource's
 * policy node follows the resource.
 */
export function carriedPositions(positions: Positions, from: string, to: string, node: WorldNode): Positions {
  if (from === to) return {};
  const out: Record<string, XY> = {};
  for (const [id, p] of Object.entries(positions)) {
    if (id === from) out[to] = p;
    else if (id.startsWith(`${from}/`)) out[`${to}${id.slice(from.length)}`] = p;
  }
  if (node.kind === 'resource' && node.entity?.kind === 'resource') {
    const account = node.entity.account;
    const oldPolicy = positions[nodeId.resourcePolicy(account, node.entity.arn)];
    const newArn = to.slice(nodeId.resource(account, '').length);
    if (oldPolicy) out[nodeId.resourcePolicy(account, newArn)] = oldPolicy;
  }
  return out;
}
