/** What each step of the undo history is called (the undo and redo buttons name it): one text per kind of change. */
import type { WorldEdit } from '../../engine/edit/types';
import type { MessageKey } from '../i18n';

type StepLabel = WorldEdit['op'] | 'move' | 'layout' | 'open' | 'edit';

const STEPS: Readonly<Record<StepLabel, MessageKey>> = {
  createAccount: 'builder.step.createAccount',
  addRequest: 'builder.step.addRequest',
  updateRequest: 'builder.step.updateRequest',
  removeRequest: 'builder.step.removeRequest',
  moveRequest: 'builder.step.moveRequest',
  updateAccount: 'builder.step.updateAccount',
  deleteAccount: 'builder.step.deleteAccount',
  createOrganization: 'builder.step.createOrganization',
  deleteOrganization: 'builder.step.deleteOrganization',
  createOrgUnit: 'builder.step.createOrgUnit',
  renameOrgUnit: 'builder.step.renameOrgUnit',
  deleteOrgUnit: 'builder.step.deleteOrgUnit',
  moveAccount: 'builder.step.moveAccount',
  moveOrgUnit: 'builder.step.moveOrgUnit',
  removeAccountFromOrganization: 'builder.step.removeAccountFromOrganization',
  createOrgPolicy: 'builder.step.createOrgPolicy',
  renameOrgPolicy: 'builder.step.renameOrgPolicy',
  deleteOrgPolicy: 'builder.step.deleteOrgPolicy',
  attachOrgPolicy: 'builder.step.attachOrgPolicy',
  detachOrgPolicy: 'builder.step.detachOrgPolicy',
  createUser: 'builder.step.createUser',
  createGroup: 'builder.step.createGroup',
  createRole: 'builder.step.createRole',
  createPolicy: 'builder.step.createPolicy',
  createResource: 'builder.step.createResource',
  rename: 'builder.step.rename',
  delete: 'builder.step.delete',
  setPath: 'builder.step.setPath',
  setTags: 'builder.step.setTags',
  setDescription: 'builder.step.setDescription',
  addUserToGroup: 'builder.step.addUserToGroup',
  removeUserFromGroup: 'builder.step.removeUserFromGroup',
  attachPolicy: 'builder.step.attachPolicy',
  detachPolicy: 'builder.step.detachPolicy',
  setPermissionsBoundary: 'builder.step.setPermissionsBoundary',
  putInlinePolicy: 'builder.step.putInlinePolicy',
  renameInlinePolicy: 'builder.step.renameInlinePolicy',
  deleteInlinePolicy: 'builder.step.deleteInlinePolicy',
  setDocument: 'builder.step.setDocument',
  trustPrincipal: 'builder.step.trustPrincipal',
  untrustPrincipal: 'builder.step.untrustPrincipal',
  setConsolePassword: 'builder.step.setConsolePassword',
  createAccessKey: 'builder.step.createAccessKey',
  setAccessKeyStatus: 'builder.step.setAccessKeyStatus',
  deleteAccessKey: 'builder.step.deleteAccessKey',
  setMfa: 'builder.step.setMfa',
  addMfaDevice: 'builder.step.addMfaDevice',
  removeMfaDevice: 'builder.step.removeMfaDevice',
  // The root user's credentials: the same kinds of change as an IAM user's, named alike.
  setRootPassword: 'builder.step.setConsolePassword',
  createRootAccessKey: 'builder.step.createAccessKey',
  setRootAccessKeyStatus: 'builder.step.setAccessKeyStatus',
  deleteRootAccessKey: 'builder.step.deleteAccessKey',
  addRootMfaDevice: 'builder.step.addMfaDevice',
  removeRootMfaDevice: 'builder.step.removeMfaDevice',
  setMaxSessionDuration: 'builder.step.setMaxSessionDuration',
  setTitle: 'builder.step.setTitle',
  move: 'builder.step.move',
  layout: 'builder.step.layout',
  open: 'builder.step.open',
  edit: 'builder.step.edit',
};

/** The text of a history label (an edit's `op`, `move`, `layout`, `open`); an unknown label reads as a change. */
export function stepLabel(label: string): MessageKey {
  return (STEPS as Readonly<Record<string, MessageKey>>)[label] ?? STEPS.edit;
}
