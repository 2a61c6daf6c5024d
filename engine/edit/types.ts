/**
 * Edits of a world: every change a learner makes in the builder (and, later, every IAM
 * or Organizations API write a request makes) is one `WorldEdit`, applied by `applyEdit`
 * (./apply.ts) to a ScenarioJson that is never mutated. An edit that AWS would refuse — a
 * name that breaks IAM's naming rules, a quota exceeded, a name already taken — fails with
 * an `EditError` that says what and where, and the world stays as it was.
 *
 * The builder is a model editor, not the IAM API: it may rename a role or delete a group
 * that still has members (references are updated or removed in the same edit), which the
 * API refuses; `cascade: false` asks for the API's behaviour (DeleteConflict) instead.
 */
import type { AccessKeyJson, PolicyDocumentJson, RequestJson, ScenarioJson } from '../scenario/types';

/** The kinds of an account's own entities that have a name. */
export type NamedEntityKind = 'user' | 'group' | 'role' | 'policy';

/** An entity of an account: its name, or for a resource its ARN. */
export type EntityRef =
  | { readonly account: string; readonly kind: NamedEntityKind; readonly name: string }
  | { readonly account: string; readonly kind: 'resource'; readonly arn: string };

/** A principal that can hold policies: user, group or role. */
export type HolderRef = { readonly account: string; readonly kind: 'user' | 'group' | 'role'; readonly name: string };

/**
 * A policy document that can be edited: a customer managed policy, an inline policy of a
 * holder, a role's trust policy, a resource's policy, an organization's SCP or RCP.
 */
export type DocumentRef =
  | { readonly kind: 'managed'; readonly account: string; readonly name: string }
  | { readonly kind: 'inline'; readonly owner: HolderRef; readonly name: string }
  | { readonly kind: 'trust'; readonly account: string; readonly role: string }
  | { readonly kind: 'resource'; readonly account: string; readonly arn: string }
  | { readonly kind: 'org'; readonly name: string };

/** Tags as AWS keeps them: key → value. */
export type Tags = Readonly<Record<string, string>>;

export type WorldEdit =
  // ── accounts and the organization ──
  | { readonly op: 'createAccount'; readonly id: string; readonly alias?: string }
  | { readonly op: 'updateAccount'; readonly id: string; readonly alias: string | null }
  /** Removes the account with everything in it, and its place in the organization. */
  | { readonly op: 'deleteAccount'; readonly id: string }
  /** Creates the organization with `managementAccount` as its management account (and a root `r-…`). */
  | { readonly op: 'createOrganization'; readonly managementAccount: string; readonly id?: string }
  | { readonly op: 'deleteOrganization' }
  | { readonly op: 'createOrgUnit'; readonly id?: string; readonly name: string; readonly parent: string }
  | { readonly op: 'renameOrgUnit'; readonly id: string; readonly name: string }
  /** Deletes an OU; with `cascade` (default) its children move to its parent, otherwise a non-empty OU is refused. */
  | { readonly op: 'deleteOrgUnit'; readonly id: string; readonly cascade?: boolean }
  /** Moves an OU (with everything under it) under another parent; under itself or its own descendant is `orgCycle`. */
  | { readonly op: 'moveOrgUnit'; readonly id: string; readonly parent: string }
  /** Puts an account into the organization (under `parent`, the root or an OU), or moves it. */
  | { readonly op: 'moveAccount'; readonly account: string; readonly parent: string }
  | { readonly op: 'removeAccountFromOrganization'; readonly account: string }
  | { readonly op: 'createOrgPolicy'; readonly name: string; readonly type: 'SCP' | 'RCP'; readonly document: PolicyDocumentJson }
  | { readonly op: 'renameOrgPolicy'; readonly name: string; readonly newName: string }
  | { readonly op: 'deleteOrgPolicy'; readonly name: string }
  /** `target`: the root id, an OU id or an account id. */
  | { readonly op: 'attachOrgPolicy'; readonly name: string; readonly target: string }
  | { readonly op: 'detachOrgPolicy'; readonly name: string; readonly target: string }
  // ── IAM entities ──
  | { readonly op: 'createUser'; readonly account: string; readonly name: string; readonly path?: string }
  | { readonly op: 'createGroup'; readonly account: string; readonly name: string; readonly path?: string }
  /** Without a trust policy, the role trusts its own account (`arn:aws:iam::ACCOUNT:root`), as the console's default. */
  | { readonly op: 'createRole'; readonly account: string; readonly name: string; readonly path?: string; readonly trustPolicy?: PolicyDocumentJson }
  | { readonly op: 'createPolicy'; readonly account: string; readonly name: string; readonly path?: string; readonly description?: string; readonly document: PolicyDocumentJson }
  | { readonly op: 'createResource'; readonly account: string; readonly arn: string; readonly policy?: PolicyDocumentJson }
  /**
   * Renames an entity (a resource: changes its ARN) and every reference to it in the world:
   * group memberships, attachments, boundaries, instance profiles, requests naming its ARN.
   * Policy documents are not rewritten, except where AWS does it: a renamed user's ARN as a
   * principal in trust and resource-based policies.
   */
  | { readonly op: 'rename'; readonly ref: EntityRef; readonly newName: string }
  /** With `cascade` (default) references go too; without, an entity still referenced is refused as AWS's DeleteConflict. */
  | { readonly op: 'delete'; readonly ref: EntityRef; readonly cascade?: boolean }
  | { readonly op: 'setPath'; readonly ref: EntityRef & { readonly kind: NamedEntityKind }; readonly path: string }
  | { readonly op: 'setTags'; readonly ref: EntityRef; readonly tags: Tags }
  | { readonly op: 'setDescription'; readonly ref: { readonly account: string; readonly kind: 'role' | 'policy'; readonly name: string }; readonly description: string | null }
  | { readonly op: 'addUserToGroup'; readonly account: string; readonly user: string; readonly group: string }
  | { readonly op: 'removeUserFromGroup'; readonly account: string; readonly user: string; readonly group: string }
  /** `policy`: a policy name of the holder's account, or a policy ARN (AWS managed or another account's). */
  | { readonly op: 'attachPolicy'; readonly target: HolderRef; readonly policy: string }
  | { readonly op: 'detachPolicy'; readonly target: HolderRef; readonly policy: string }
  | { readonly op: 'setPermissionsBoundary'; readonly target: HolderRef & { readonly kind: 'user' | 'role' }; readonly policy: string | null }
  | { readonly op: 'putInlinePolicy'; readonly owner: HolderRef; readonly name: string; readonly document: PolicyDocumentJson }
  | { readonly op: 'renameInlinePolicy'; readonly owner: HolderRef; readonly name: string; readonly newName: string }
  | { readonly op: 'deleteInlinePolicy'; readonly owner: HolderRef; readonly name: string }
  /** Replaces a document (the editor writes through this). */
  | { readonly op: 'setDocument'; readonly ref: DocumentRef; readonly document: PolicyDocumentJson }
  /** Adds `principal` (an ARN, an account id, a service or a federated provider) to the role's trust policy with sts:AssumeRole (or the matching action). */
  | { readonly op: 'trustPrincipal'; readonly account: string; readonly role: string; readonly principal: string }
  | { readonly op: 'untrustPrincipal'; readonly account: string; readonly role: string; readonly principal: string }
  // ── users' credentials ──
  | { readonly op: 'setConsolePassword'; readonly account: string; readonly user: string; readonly password: string | null }
  /** A new access key; `key` is given by the caller (ids are random, edits are deterministic). */
  | { readonly op: 'createAccessKey'; readonly account: string; readonly user: string; readonly key: AccessKeyJson }
  | { readonly op: 'setAccessKeyStatus'; readonly account: string; readonly user: string; readonly keyId: string; readonly status: 'Active' | 'Inactive' }
  | { readonly op: 'deleteAccessKey'; readonly account: string; readonly user: string; readonly keyId: string }
  /** MFA on or off for the learner's model (`mfa: true`), or a virtual device with a TOTP seed. */
  | { readonly op: 'setMfa'; readonly account: string; readonly user: string; readonly mfa: boolean }
  | { readonly op: 'addMfaDevice'; readonly account: string; readonly user: string; readonly serial: string; readonly seed: string }
  | { readonly op: 'removeMfaDevice'; readonly account: string; readonly user: string; readonly serial: string }
  // ── an account's root user's credentials (AWS recommends no access keys and an MFA device) ──
  /** The root user's console password (8 to 128 characters, at least three kinds of character), or `null` to remove it. */
  | { readonly op: 'setRootPassword'; readonly account: string; readonly password: string | null }
  /** A new root access key, at most two; `key` is given by the caller, its id unique in the world. */
  | { readonly op: 'createRootAccessKey'; readonly account: string; readonly key: AccessKeyJson }
  | { readonly op: 'setRootAccessKeyStatus'; readonly account: string; readonly keyId: string; readonly status: 'Active' | 'Inactive' }
  | { readonly op: 'deleteRootAccessKey'; readonly account: string; readonly keyId: string }
  /** A virtual MFA device with a TOTP seed, at most eight; a device is enabled for one identity of the account. */
  | { readonly op: 'addRootMfaDevice'; readonly account: string; readonly serial: string; readonly seed: string }
  | { readonly op: 'removeRootMfaDevice'; readonly account: string; readonly serial: string }
  // ── roles ──
  | { readonly op: 'setMaxSessionDuration'; readonly account: string; readonly role: string; readonly seconds: number }
  // ── the scenario ──
  | { readonly op: 'setTitle'; readonly title: string | null }
  // ── the scenario's saved requests (`requests[]`, judged in order) ──
  /** Saves a request, which must have an `id` unique in the scenario, at `index` (default: the end). */
  | { readonly op: 'addRequest'; readonly request: RequestJson; readonly index?: number }
  /** Replaces the request `id` (the new one may carry another unique id). */
  | { readonly op: 'updateRequest'; readonly id: string; readonly request: RequestJson }
  | { readonly op: 'removeRequest'; readonly id: string }
  /** Moves the request `id` to position `to` (0-based, clamped to the list). */
  | { readonly op: 'moveRequest'; readonly id: string; readonly to: number };

/** Why an edit was refused: a code the UI translates (with `params`), a JSON path, an English sentence. */
export interface EditError {
  readonly code: EditErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
  /** Where in the scenario the problem is, e.g. `$.accounts[0].users` (or the edit's field, e.g. `name`). */
  readonly path: string;
  /** The field of the edit at fault (`name`, `path`, `tags`, …), for the inspector to mark. */
  readonly field?: string;
  readonly message: string;
}

export type EditResult = { readonly ok: true; readonly world: ScenarioJson } | { readonly ok: false; readonly error: EditError };

/** Every code an EditError may carry (app/i18n translates each, in ko and en). */
export const EDIT_ERROR_CODES = [
  'nameEmpty',
  'nameTooLong',
  'nameInvalidCharacters',
  'nameTaken',
  'pathInvalid',
  'pathTooLong',
  'accountIdInvalid',
  'accountTaken',
  'aliasInvalid',
  'notFound',
  'quotaExceeded',
  'deleteConflict',
  'alreadyMember',
  'alreadyAttached',
  'notAttached',
  'tagKeyInvalid',
  'tagValueInvalid',
  'tooManyTags',
  'arnInvalid',
  'documentInvalid',
  'maxSessionDurationInvalid',
  'passwordInvalid',
  'accessKeyInvalid',
  'mfaDeviceInvalid',
  'organizationMissing',
  'organizationExists',
  'orgTargetInvalid',
  'orgCycle',
  'managementAccount',
  // Added with the implementation (engine/edit/*.ts):
  'lastAccount',
  'notMember',
  'principalInvalid',
  'lastTrustedPrincipal',
  'tagsUnsupported',
  'descriptionInvalid',
  'orgIdInvalid',
  'lastScp',
  // An exercise that is played by requests only (`exercise.worldLocked`): the builder may not change the world.
  'worldLocked',
  // The root user's password rule, stricter than an IAM user's (engine/edit/rootCredentials.ts).
  'rootPasswordWeak',
] as const;
export type EditErrorCode = (typeof EDIT_ERROR_CODES)[number];
