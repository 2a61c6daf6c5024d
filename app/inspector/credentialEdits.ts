/**
 * Whose credentials the inspector's credential sections edit: an IAM user's or an account's
 * root user's. The sections (./CredentialSections.tsx) are the same for both — a console
 * password, access keys, MFA devices — and only the WorldEdits they send differ; this file
 * is that difference, so each section is written once.
 */
import type { WorldEdit } from '../../engine/edit/types';
import type { AccessKeyJson } from '../../engine/scenario/types';

/** The edits of one identity's credentials. */
export interface CredentialEdits {
  /** The account the identity belongs to (a virtual MFA device's ARN names it). */
  readonly account: string;
  setPassword(password: string | null): WorldEdit;
  createKey(key: AccessKeyJson): WorldEdit;
  setKeyStatus(keyId: string, status: 'Active' | 'Inactive'): WorldEdit;
  deleteKey(keyId: string): WorldEdit;
  addDevice(serial: string, seed: string): WorldEdit;
  removeDevice(serial: string): WorldEdit;
}

/** An IAM user's credentials. */
export function userCredentialEdits(account: string, user: string): CredentialEdits {
  return {
    account,
    setPassword: (password) => ({ op: 'setConsolePassword', account, user, password }),
    createKey: (key) => ({ op: 'createAccessKey', account, user, key }),
    setKeyStatus: (keyId, status) => ({ op: 'setAccessKeyStatus', account, user, keyId, status }),
    deleteKey: (keyId) => ({ op: 'deleteAccessKey', account, user, keyId }),
    addDevice: (serial, seed) => ({ op: 'addMfaDevice', account, user, serial, seed }),
    removeDevice: (serial) => ({ op: 'removeMfaDevice', account, user, serial }),
  };
}

/** The root user's credentials of `account`. */
export function rootCredentialEdits(account: string): CredentialEdits {
  return {
    account,
    setPassword: (password) => ({ op: 'setRootPassword', account, password }),
    createKey: (key) => ({ op: 'createRootAccessKey', account, key }),
    setKeyStatus: (keyId, status) => ({ op: 'setRootAccessKeyStatus', account, keyId, status }),
    deleteKey: (keyId) => ({ op: 'deleteRootAccessKey', account, keyId }),
    addDevice: (serial, seed) => ({ op: 'addRootMfaDevice', account, serial, seed }),
    removeDevice: (serial) => ({ op: 'removeRootMfaDevice', account, serial }),
  };
}
