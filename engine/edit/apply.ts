/**
 * Applies one WorldEdit (./types.ts) to a world. The world is never mutated: a successful
 * edit returns a new world (or the same object when the edit changes nothing, e.g. setting
 * the alias an account already has); a refused edit returns the EditError of the first
 * rule it breaks, and the caller keeps its world.
 */
import { createAccount, deleteAccount, updateAccount } from './accounts';
import { addUserToGroup, attachPolicy, deleteInlinePolicy, detachPolicy, putInlinePolicy, removeUserFromGroup, renameInlinePolicy, setPermissionsBoundary } from './attachments';
import { addMfaDevice, createAccessKey, deleteAccessKey, removeMfaDevice, setAccessKeyStatus, setConsolePassword, setMfa } from './credentials';
import { setDocument } from './documents';
import { createGroup, createPolicy, createResource, createRole, createUser, setDescription, setMaxSessionDuration, setPath, setTags } from './entities';
import { EditRefusal } from './errors';
import { createOrganization, createOrgUnit, deleteOrganization, deleteOrgUnit, moveAccount, moveOrgUnit, removeAccountFromOrganization, renameOrgUnit } from './organization';
import { attachOrgPolicy, createOrgPolicy, deleteOrgPolicy, detachOrgPolicy, renameOrgPolicy } from './orgPolicies';
import { deleteEntity, rename } from './references';
import { addRootMfaDevice, createRootAccessKey, deleteRootAccessKey, removeRootMfaDevice, setRootAccessKeyStatus, setRootPassword } from './rootCredentials';
import { addRequest, moveRequest, removeRequest, updateRequest } from './requests';
import { trustPrincipal, untrustPrincipal } from './trust';
import { without } from './world';
import type { ScenarioJson } from '../scenario/types';
import type { EditResult, WorldEdit } from './types';

function run(world: ScenarioJson, edit: WorldEdit): ScenarioJson {
  switch (edit.op) {
    case 'createAccount':
      return createAccount(world, edit.id, edit.alias);
    case 'updateAccount':
      return updateAccount(world, edit.id, edit.alias);
    case 'deleteAccount':
      return deleteAccount(world, edit.id);
    case 'createOrganization':
      return createOrganization(world, edit.managementAccount, edit.id);
    case 'deleteOrganization':
      return deleteOrganization(world);
    case 'createOrgUnit':
      return createOrgUnit(world, edit.name, edit.parent, edit.id);
    case 'renameOrgUnit':
      return renameOrgUnit(world, edit.id, edit.name);
    case 'deleteOrgUnit':
      return deleteOrgUnit(world, edit.id, edit.cascade ?? true);
    case 'moveOrgUnit':
      return moveOrgUnit(world, edit.id, edit.parent);
    case 'moveAccount':
      return moveAccount(world, edit.account, edit.parent);
    case 'removeAccountFromOrganization':
      return removeAccountFromOrganization(world, edit.account);
    case 'createOrgPolicy':
      return createOrgPolicy(world, edit.name, edit.type, edit.document);
    case 'renameOrgPolicy':
      return renameOrgPolicy(world, edit.name, edit.newName);
    case 'deleteOrgPolicy':
      return deleteOrgPolicy(world, edit.name);
    case 'attachOrgPolicy':
      return attachOrgPolicy(world, edit.name, edit.target);
    case 'detachOrgPolicy':
      return detachOrgPolicy(world, edit.name, edit.target);
    case 'createUser':
      return createUser(world, edit.account, edit.name, edit.path);
    case 'createGroup':
      return createGroup(world, edit.account, edit.name, edit.path);
    case 'createRole':
      return createRole(world, edit.account, edit.name, edit.path, edit.trustPolicy);
    case 'createPolicy':
      return createPolicy(world, edit.account, edit.name, edit.document, edit.path, edit.description);
    case 'createResource':
      return createResource(world, edit.account, edit.arn, edit.policy);
    case 'rename':
      return rename(world, edit.ref, edit.newName);
    case 'delete':
      return deleteEntity(world, edit.ref, edit.cascade ?? true);
    case 'setPath':
      return setPath(world, edit.ref, edit.path);
    case 'setTags':
      return setTags(world, edit.ref, edit.tags);
    case 'setDescription':
      return setDescription(world, edit.ref, edit.description);
    case 'addUserToGroup':
      return addUserToGroup(world, edit.account, edit.user, edit.group);
    case 'removeUserFromGroup':
      return removeUserFromGroup(world, edit.account, edit.user, edit.group);
    case 'attachPolicy':
      return attachPolicy(world, edit.target, edit.policy);
    case 'detachPolicy':
      return detachPolicy(world, edit.target, edit.policy);
    case 'setPermissionsBoundary':
      return setPermissionsBoundary(world, edit.target, edit.policy);
    case 'putInlinePolicy':
      return putInlinePolicy(world, edit.owner, edit.name, edit.document);
    case 'renameInlinePolicy':
      return renameInlinePolicy(world, edit.owner, edit.name, edit.newName);
    case 'deleteInlinePolicy':
      return deleteInlinePolicy(world, edit.owner, edit.name);
    case 'setDocument':
      return setDocument(world, edit.ref, edit.document);
    case 'trustPrincipal':
      return trustPrincipal(world, edit.account, edit.role, edit.principal);
    case 'untrustPrincipal':
      return untrustPrincipal(world, edit.account, edit.role, edit.principal);
    case 'setConsolePassword':
      return setConsolePassword(world, edit.account, edit.user, edit.password);
    case 'createAccessKey':
      return createAccessKey(world, edit.account, edit.user, edit.key);
    case 'setAccessKeyStatus':
      return setAccessKeyStatus(world, edit.account, edit.user, edit.keyId, edit.status);
    case 'deleteAccessKey':
      return deleteAccessKey(world, edit.account, edit.user, edit.keyId);
    case 'setMfa':
      return setMfa(world, edit.account, edit.user, edit.mfa);
    case 'addMfaDevice':
      return addMfaDevice(world, edit.account, edit.user, edit.serial, edit.seed);
    case 'removeMfaDevice':
      return removeMfaDevice(world, edit.account, edit.user, edit.serial);
    case 'setRootPassword':
      return setRootPassword(world, edit.account, edit.password);
    case 'createRootAccessKey':
      return createRootAccessKey(world, edit.account, edit.key);
    case 'setRootAccessKeyStatus':
      return setRootAccessKeyStatus(world, edit.account, edit.keyId, edit.status);
    case 'deleteRootAccessKey':
      return deleteRootAccessKey(world, edit.account, edit.keyId);
    case 'addRootMfaDevice':
      return addRootMfaDevice(world, edit.account, edit.serial, edit.seed);
    case 'removeRootMfaDevice':
      return removeRootMfaDevice(world, edit.account, edit.serial);
    case 'setMaxSessionDuration':
      return setMaxSessionDuration(world, edit.account, edit.role, edit.seconds);
    case 'setTitle':
      if (edit.title === null) return world.title === undefined ? world : without(world, 'title');
      return world.title === edit.title ? world : { ...world, title: edit.title };
    case 'addRequest':
      return addRequest(world, edit.request, edit.index);
    case 'updateRequest':
      return updateRequest(world, edit.id, edit.request);
    case 'removeRequest':
      return removeRequest(world, edit.id);
    case 'moveRequest':
      return moveRequest(world, edit.id, edit.to);
  }
}

/**
 * Applies `edit` to `world`: `{ ok: true, world }` with the new world (never the given one
 * changed), or `{ ok: false, error }` with the code, JSON path, field and message of the
 * first rule the edit breaks.
 */
export function applyEdit(world: ScenarioJson, edit: WorldEdit): EditResult {
  try {
    return { ok: true, world: run(world, edit) };
  } catch (error) {
    if (error instanceof EditRefusal) return { ok: false, error: error.error };
    throw error;
  }
}
