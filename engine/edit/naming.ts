/**
 * AWS's naming rules and default quotas, each with the AWS page it comes from. Every check
 * throws an EditRefusal (./errors.ts) naming the value, the rule and where it is.
 */
import { refuse } from './errors';

/** The kinds of IAM names and their maximum lengths. */
export type IamNameKind = 'user' | 'group' | 'role' | 'policy' | 'inlinePolicy';

/**
 * Maximum name lengths. IAM API Reference, CreateUser / CreateGroup / CreateRole /
 * CreatePolicy / PutUserPolicy ("Length Constraints: Minimum length of 1. Maximum length
 * of 64" for users and roles, 128 for groups, managed and inline policies) and
 * "IAM and AWS STS quotas" (IAM name requirements).
 */
export const NAME_MAX_LENGTH: Readonly<Record<IamNameKind, number>> = {
  user: 64,
  group: 128,
  role: 64,
  policy: 128,
  inlinePolicy: 128,
};

/**
 * "Names of users, groups, roles, policies, instance profiles, server certificates, and
 * paths must be alphanumeric, including the following common characters: plus (+), equals
 * (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)." — "IAM and AWS STS
 * quotas", IAM name requirements; the API pattern is `[\w+=,.@-]+`.
 */
const IAM_NAME = /^[\w+=,.@-]+$/;

const KIND_WORD: Readonly<Record<IamNameKind, string>> = {
  user: 'A user name',
  group: 'A group name',
  role: 'A role name',
  policy: 'A managed policy name',
  inlinePolicy: 'An inline policy name',
};

/** Checks an IAM friendly name (user, group, role, policy, inline policy). */
export function checkIamName(kind: IamNameKind, name: string, path: string, field = 'name'): void {
  const max = NAME_MAX_LENGTH[kind];
  if (name.length === 0) refuse('nameEmpty', `${KIND_WORD[kind]} cannot be empty.`, path, field, { max });
  if (name.length > max) {
    refuse('nameTooLong', `${KIND_WORD[kind]} is at most ${max} characters; \`${name}\` has ${name.length}.`, path, field, { name, max, length: name.length });
  }
  if (!IAM_NAME.test(name)) {
    refuse(
      'nameInvalidCharacters',
      `${KIND_WORD[kind]} may contain only letters, digits and + = , . @ _ -; \`${name}\` has other characters.`,
      path,
      field,
      { name },
    );
  }
}

/**
 * IAM paths: "/" alone or "/…/", of the characters U+0021 to U+007E, 1 to 512 long. IAM
 * API Reference, CreateUser `Path` ("Pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)",
 * "Maximum length of 512") and "IAM identifiers" (Friendly names and paths).
 */
export const PATH_MAX_LENGTH = 512;
const IAM_PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;

export function checkPath(value: string, path: string, field = 'path'): void {
  if (value.length > PATH_MAX_LENGTH) {
    refuse('pathTooLong', `A path is at most ${PATH_MAX_LENGTH} characters; this one has ${value.length}.`, path, field, { max: PATH_MAX_LENGTH, length: value.length });
  }
  if (!IAM_PATH.test(value)) {
    refuse('pathInvalid', `\`${value}\` is not an IAM path: a path is \`/\` or begins and ends with \`/\` (for example \`/engineering/\`), with no spaces.`, path, field, { path: value });
  }
}

/** An AWS account id: 12 digits ("AWS account identifiers", AWS Account Management Reference Guide). */
export const ACCOUNT_ID = /^\d{12}$/;

export function checkAccountId(id: string, path: string, field = 'id'): void {
  if (!ACCOUNT_ID.test(id)) refuse('accountIdInvalid', `\`${id}\` is not an AWS account id: an account id is exactly 12 digits.`, path, field, { id });
}

/**
 * Account aliases: 3 to 63 characters, "lowercase letters, digits, and dashes. You cannot
 * start or finish with a dash, nor can you have two dashes in a row" (IAM API Reference,
 * CreateAccountAlias, pattern `^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`); it cannot be
 * 12 digits, which would read as an account id ("IAM and AWS STS quotas", IAM name requirements).
 */
const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

export function checkAlias(alias: string, path: string, field = 'alias'): void {
  if (!ACCOUNT_ALIAS.test(alias) || ACCOUNT_ID.test(alias)) {
    refuse(
      'aliasInvalid',
      `\`${alias}\` is not a valid account alias: 3 to 63 lower-case letters, digits and single hyphens, not starting or ending with a hyphen, and not 12 digits.`,
      path,
      field,
      { alias },
    );
  }
}

/**
 * Tags of IAM resources: at most 50; a key is 1 to 128 characters, a value 0 to 256, both of
 * letters, digits, spaces and `_ . : / = + - @` (IAM API Reference, Tag: pattern
 * `[\p{L}\p{Z}\p{N}_.:/=+\-@]+`); the `aws:` prefix is reserved for AWS; keys differing
 * only in case are the same key in IAM ("Tagging IAM resources", Rules for tagging).
 */
export const TAGS_MAX = 50;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function checkTags(tags: Readonly<Record<string, string>>, path: string, field = 'tags'): void {
  const keys = Object.keys(tags);
  if (keys.length > TAGS_MAX) refuse('tooManyTags', `An IAM resource can have at most ${TAGS_MAX} tags; this has ${keys.length}.`, path, field, { max: TAGS_MAX, count: keys.length });
  const seen = new Map<string, string>();
  for (const key of keys) {
    const value = tags[key];
    if (key.length === 0 || key.length > TAG_KEY_MAX || !TAG_TEXT.test(key)) {
      refuse('tagKeyInvalid', `Tag key \`${key}\` is not valid: 1 to ${TAG_KEY_MAX} letters, digits, spaces and _ . : / = + - @.`, path, field, { key });
    }
    if (key.toLowerCase().startsWith('aws:')) refuse('tagKeyInvalid', `Tag key \`${key}\` uses the prefix \`aws:\`, which is reserved for AWS.`, path, field, { key });
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined) refuse('tagKeyInvalid', `Tag keys \`${earlier}\` and \`${key}\` differ only in case; IAM treats them as the same key.`, path, field, { key });
    seen.set(key.toLowerCase(), key);
    if (typeof value !== 'string' || value.length > TAG_VALUE_MAX || !TAG_TEXT.test(value)) {
      refuse('tagValueInvalid', `The value of tag \`${key}\` is not valid: up to ${TAG_VALUE_MAX} letters, digits, spaces and _ . : / = + - @.`, path, field, { key, value: String(value) });
    }
  }
}

/**
 * Descriptions of roles and managed policies: up to 1000 characters of tab, newlines and
 * printable Latin-1 (IAM API Reference, CreateRole / CreatePolicy `Description`).
 */
export const DESCRIPTION_MAX = 1000;
// eslint-disable-next-line no-control-regex -- IAM's own pattern allows tab, LF and CR.
const DESCRIPTION = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;

export function checkDescription(description: string, path: string, field = 'description'): void {
  if (description.length > DESCRIPTION_MAX || !DESCRIPTION.test(description)) {
    refuse(
      'descriptionInvalid',
      `A description is up to ${DESCRIPTION_MAX} characters of printable Latin-1 text; this one has ${description.length}${DESCRIPTION.test(description) ? '' : ' and characters IAM does not accept'}.`,
      path,
      field,
      { length: description.length, max: DESCRIPTION_MAX },
    );
  }
}

/** Role maximum session duration: 3600 to 43200 seconds (IAM API Reference, CreateRole `MaxSessionDuration`). */
export const MAX_SESSION_MIN = 3600;
export const MAX_SESSION_MAX = 43200;

export function checkMaxSessionDuration(seconds: number, path: string, field = 'seconds'): void {
  if (!Number.isInteger(seconds) || seconds < MAX_SESSION_MIN || seconds > MAX_SESSION_MAX) {
    refuse(
      'maxSessionDurationInvalid',
      `A role's maximum session duration is a whole number of seconds from ${MAX_SESSION_MIN} (1 hour) to ${MAX_SESSION_MAX} (12 hours); ${seconds} is not.`,
      path,
      field,
      { seconds, min: MAX_SESSION_MIN, max: MAX_SESSION_MAX },
    );
  }
}

/** Console passwords: 1 to 128 characters of tab, newlines and U+0020 to U+00FF (IAM API Reference, CreateLoginProfile `Password`). */
export const PASSWORD_MAX = 128;
// eslint-disable-next-line no-control-regex -- IAM's own pattern allows tab, LF and CR.
const PASSWORD = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/;

export function checkPassword(password: string, path: string, field = 'password'): void {
  if (password.length === 0 || password.length > PASSWORD_MAX || !PASSWORD.test(password)) {
    refuse('passwordInvalid', `A console password is 1 to ${PASSWORD_MAX} characters of basic Latin text; this one has ${password.length} characters${PASSWORD.test(password) || password.length === 0 ? '' : ', some of them not allowed'}.`, path, field, {
      length: password.length,
      max: PASSWORD_MAX,
    });
  }
}

/**
 * IAM default quotas ("IAM and AWS STS quotas", IAM object quotas): users, groups, roles and
 * customer managed policies per account; groups per user; managed
 * policies attached to a user, group or role (the default, adjustable up to 20); access
 * keys per user; MFA devices per user ("you can register up to eight MFA devices").
 */
export const IAM_QUOTAS = {
  usersPerAccount: 5000,
  groupsPerAccount: 300,
  rolesPerAccount: 1000,
  customerPoliciesPerAccount: 1500,
  groupsPerUser: 10,
  managedPoliciesPerHolder: 10,
  accessKeysPerUser: 2,
  mfaDevicesPerUser: 8,
} as const;

/**
 * AWS Organizations: OU names and policy names are 1 to 128 characters (Organizations API
 * Reference, CreateOrganizationalUnit / CreatePolicy `Name`); at most 5 SCPs (and 5 RCPs)
 * attached to one root, OU or account, and OUs nest at most five levels under the root
 * ("Quotas and service limits for AWS Organizations").
 */
export const ORG_QUOTAS = {
  nameMax: 128,
  policiesPerTarget: 5,
  ouDepth: 5,
} as const;

export function checkOrgName(name: string, path: string, what: string, field = 'name'): void {
  if (name.length === 0 || name.trim().length === 0) refuse('nameEmpty', `${what} cannot be empty.`, path, field, { max: ORG_QUOTAS.nameMax });
  if (name.length > ORG_QUOTAS.nameMax) {
    refuse('nameTooLong', `${what} is at most ${ORG_QUOTAS.nameMax} characters; \`${name}\` has ${name.length}.`, path, field, { name, max: ORG_QUOTAS.nameMax, length: name.length });
  }
}

/** Throws `quotaExceeded` when adding one more would go over `limit`. */
export function checkQuota(count: number, limit: number, message: string, path: string, field: string | undefined, target: string): void {
  if (count >= limit) refuse('quotaExceeded', message, path, field, { limit, target });
}
