/**
 * Reads the output of `aws iam get-account-authorization-details` (IAM API Reference,
 * GetAccountAuthorizationDetails: `UserDetailList`, `GroupDetailList`, `RoleDetailList`,
 * `Policies`, paginated with `IsTruncated` and `Marker`, or `NextToken` from the CLI) into
 * drafts of each account's users, groups, roles, customer managed policies and instance
 * profiles. Several files — the pages of one listing, or several accounts — add up; the
 * same entity in two files must be the same. Policy references are kept as ARNs here and
 * resolved once every file is read (buildAccounts.ts).
 */
import { count, countIs, type ImportFaults, type Origin } from './faults';
import { isAwsManagedPolicyArn, parseIamArn } from './iamArn';
import { IamFieldReader, type Reference } from './iamFields';
import { readPolicyDocument } from './policyDocument';
import { canonicalJson, childPath, field, hasField, isRecord, jsonType, shown, type JsonRecord } from './read';

export type { Reference } from './iamFields';

export type PrincipalKind = 'user' | 'group' | 'role';

/** A user, group or role as read, before its policy and group references are resolved. */
export interface PrincipalDraft {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly origin: Origin;
  /** The scenario fields that need no resolving: name, path, inline policies, tags, trust policy… */
  readonly json: Record<string, unknown>;
  readonly managed: readonly Reference[];
  readonly boundary: Reference | undefined;
  readonly groups: readonly Reference[];
}

export interface Draft {
  readonly name: string;
  readonly origin: Origin;
  readonly json: Record<string, unknown>;
}

export interface IamAccountFacts {
  readonly id: string;
  readonly origin: Origin;
  /** Keyed by lower-case name: IAM names of users, groups, roles and instance profiles are unique regardless of case. */
  readonly users: Map<string, PrincipalDraft>;
  readonly groups: Map<string, PrincipalDraft>;
  readonly roles: Map<string, PrincipalDraft>;
  /** Keyed by name. */
  readonly policies: Map<string, Draft>;
  readonly instanceProfiles: Map<string, Draft>;
  /** Pages of this account's listing that say more follow; `ended` once a page says none does. */
  readonly truncated: Origin[];
  ended: boolean;
}

export interface IamReadOptions {
  /** Service-linked roles (path `/aws-service-role/`) are left out unless `keep`. */
  readonly serviceLinkedRoles?: 'omit' | 'keep';
}

export class IamFacts {
  readonly accounts = new Map<string, IamAccountFacts>();

  account(id: string, origin: Origin): IamAccountFacts {
    let facts = this.accounts.get(id);
    if (!facts) {
      facts = { id, origin, users: new Map(), groups: new Map(), roles: new Map(), policies: new Map(), instanceProfiles: new Map(), truncated: [], ended: false };
      this.accounts.set(id, facts);
    }
    return facts;
  }
}

const KIND_WORD: Record<PrincipalKind, string> = { user: 'User', group: 'Group', role: 'Role' };

/** Reads one file; every problem goes to `faults` with its place. */
export class AuthorizationDetailsReader extends IamFieldReader {
  /** Accounts this file holds entities of (for its pagination flags). */
  private readonly accountsHere = new Set<string>();

  constructor(
    file: string,
    private readonly facts: IamFacts,
    faults: ImportFaults,
    private readonly options: IamReadOptions,
  ) {
    super(file, faults);
  }

  read(value: JsonRecord): void {
    let entities = 0;
    const lists = [
      ['UserDetailList', (item: unknown, path: string) => this.principal('user', item, path)],
      ['GroupDetailList', (item: unknown, path: string) => this.principal('group', item, path)],
      ['RoleDetailList', (item: unknown, path: string) => this.principal('role', item, path)],
      ['Policies', (item: unknown, path: string) => this.policy(item, path)],
    ] as const;
    for (const [key, readItem] of lists) {
      if (!hasField(value, key)) continue;
      const items = field(value, key);
      const path = childPath('$', key);
      if (!Array.isArray(items)) {
        this.faults.error(this.origin(path), `\`${key}\` must be an array, not ${jsonType(items)}.`);
        continue;
      }
      items.forEach((item, i) => readItem(item, childPath(path, i)));
      entities += items.length;
    }
    if (entities === 0) this.faults.warn(this.origin('$'), `\`${this.file}\` lists no users, groups, roles or policies: nothing is imported from it.`);
    this.pagination(value);
  }

  /** `IsTruncated: true` (API, `--no-paginate`) or a `NextToken` (CLI `--max-items`): more pages follow this one. */
  private pagination(value: JsonRecord): void {
    const token = field(value, 'NextToken');
    const truncated = field(value, 'IsTruncated') === true || (typeof token === 'string' && token !== '');
    for (const id of this.accountsHere) {
      const account = this.facts.accounts.get(id);
      if (!account) continue;
      if (truncated) account.truncated.push(this.origin(hasField(value, 'IsTruncated') ? '$.IsTruncated' : '$.NextToken'));
      else account.ended = true;
    }
  }

  /** The account an entity belongs to, from its `Arn`. */
  private accountOf(item: JsonRecord, path: string, what: string, type: string): string | undefined {
    const arn = field(item, 'Arn');
    const parsed = typeof arn === 'string' ? parseIamArn(arn) : undefined;
    if (!parsed || parsed.type !== type) {
      this.faults.error(
        this.origin(childPath(path, 'Arn')),
        arn === undefined
          ? `${what} has no \`Arn\`: the import takes the account from it (arn:aws:iam::ACCOUNT:${type}/…).`
          : `${what}: ${shown(arn)} is not an IAM ${type} ARN (arn:aws:iam::ACCOUNT:${type}/PATH/NAME).`,
      );
      return undefined;
    }
    if (parsed.partition !== 'aws') {
      this.faults.gather('partition', this.origin(childPath(path, 'Arn')), (n) => `${countIs(n, 'entity', 'entities')} of the \`${parsed.partition}\` partition: the playground's world is in the \`aws\` partition (its ARNs start with \`arn:aws:\`), so ${n === 1 ? 'its ARN changes' : 'their ARNs change'}.`);
    }
    return parsed.account;
  }

  private principal(kind: PrincipalKind, item: unknown, path: string): void {
    const word = KIND_WORD[kind];
    if (!isRecord(item)) {
      this.faults.error(this.origin(path), `A ${kind} must be an object, not ${jsonType(item)}.`);
      return;
    }
    const name = this.text(item, `${word}Name`, path, `This ${kind}`, true);
    if (name === undefined) return;
    const what = `${word} \`${name}\``;
    const account = this.accountOf(item, path, what, kind);
    if (account === undefined) return;
    const iamPath = this.iamPath(item, path, what);
    if (kind === 'role' && iamPath?.startsWith('/aws-service-role/') && this.options.serviceLinkedRoles !== 'keep') {
      this.faults.gather('serviceLinkedRoles', this.origin(path), (n) => `${countIs(n, 'service-linked role')} left out (path \`/aws-service-role/\`): only its AWS service can assume such a role, and you cannot change its policies.`);
      return;
    }
    const json: Record<string, unknown> = { name };
    if (iamPath !== undefined && iamPath !== '/') json['path'] = iamPath;
    if (kind === 'role') {
      if (!this.roleFields(item, path, what, json)) return;
    }
    const inline = this.inlinePolicies(item, `${word}PolicyList`, path, what);
    if (inline) json['inlinePolicies'] = inline;
    if (kind !== 'group') {
      const tags = this.tags(item, path, what);
      if (tags) json['tags'] = tags;
    }
    const groups: Reference[] = [];
    if (kind === 'user') {
      this.list(item, 'GroupList', path, what).forEach((g, i) => {
        const at = this.origin(childPath(childPath(path, 'GroupList'), i));
        if (typeof g === 'string' && g !== '') groups.push({ value: g, origin: at });
        else this.faults.error(at, `${what}: \`GroupList\` holds group names (strings), not ${jsonType(g)}.`);
      });
    }
    const draft: PrincipalDraft = {
      kind,
      name,
      origin: this.origin(path),
      json,
      managed: this.attached(item, path, what),
      boundary: kind === 'group' ? undefined : this.boundary(item, path, what),
      groups,
    };
    if (kind === 'role') this.instanceProfiles(item, path, account, name);
    const facts = this.facts.account(account, this.origin(path));
    this.accountsHere.add(account);
    const map = kind === 'user' ? facts.users : kind === 'group' ? facts.groups : facts.roles;
    this.add(map, name.toLowerCase(), draft, `${what} of account ${account}`, principalKey);
  }

  /** The trust policy (required), and what a role has beyond the others. Returns false when the role cannot be imported. */
  private roleFields(item: JsonRecord, path: string, what: string, json: Record<string, unknown>): boolean {
    const trust = readPolicyDocument(field(item, 'AssumeRolePolicyDocument'), `The trust policy of ${what.toLowerCase()}`);
    if (!trust.ok) {
      this.faults.error(this.origin(childPath(path, 'AssumeRolePolicyDocument')), hasField(item, 'AssumeRolePolicyDocument') ? trust.message : `${what} has no \`AssumeRolePolicyDocument\` (its trust policy), which every role has.`);
      return false;
    }
    json['trustPolicy'] = trust.document;
    // get-account-authorization-details does not list these two; a file merged with get-role output may.
    const duration = field(item, 'MaxSessionDuration');
    if (duration !== undefined) {
      if (typeof duration === 'number' && Number.isInteger(duration) && duration >= 3600 && duration <= 43200) json['maxSessionDuration'] = duration;
      else this.faults.error(this.origin(childPath(path, 'MaxSessionDuration')), `${what}: \`MaxSessionDuration\` is a whole number of seconds from 3600 to 43200, not ${shown(duration)}.`);
    }
    const description = field(item, 'Description');
    if (typeof description === 'string' && description !== '') json['description'] = description;
    if (isRecord(field(item, 'RoleLastUsed')) && hasField(field(item, 'RoleLastUsed'), 'LastUsedDate')) {
      this.faults.gather('roleLastUsed', this.origin(childPath(path, 'RoleLastUsed')), (n) => `\`RoleLastUsed\` of ${count(n, 'role')} is not imported: the playground keeps no history of use.`);
    }
    return true;
  }

  /** `InstanceProfileList` of a role: the profiles that hold it. */
  private instanceProfiles(item: JsonRecord, path: string, account: string, roleName: string): void {
    this.list(item, 'InstanceProfileList', path, `Role \`${roleName}\``).forEach((profile, i) => {
      const at = childPath(childPath(path, 'InstanceProfileList'), i);
      if (!isRecord(profile)) {
        this.faults.error(this.origin(at), `An instance profile must be an object, not ${jsonType(profile)}.`);
        return;
      }
      const name = this.text(profile, 'InstanceProfileName', at, 'This instance profile', true);
      if (name === undefined) return;
      if (!/^[\w+=,.@-]{1,128}$/.test(name)) {
        this.faults.error(this.origin(childPath(at, 'InstanceProfileName')), `${shown(name)} is not an instance profile name (1 to 128 of letters, digits and \`+=,.@_-\`).`);
        return;
      }
      const json: Record<string, unknown> = { name };
      const profilePath = this.iamPath(profile, at, `Instance profile \`${name}\``);
      if (profilePath !== undefined && profilePath !== '/') json['path'] = profilePath;
      json['role'] = roleName;
      const facts = this.facts.account(account, this.origin(at));
      this.add(facts.instanceProfiles, name.toLowerCase(), { name, origin: this.origin(at), json }, `Instance profile \`${name}\` of account ${account}`, (d) => canonicalJson(d.json));
    });
  }

  /** A `Policies` entry: the account's customer managed policy (its default version), or an AWS managed one (left to the playground's copy). */
  private policy(item: unknown, path: string): void {
    if (!isRecord(item)) {
      this.faults.error(this.origin(path), `A managed policy must be an object, not ${jsonType(item)}.`);
      return;
    }
    const name = this.text(item, 'PolicyName', path, 'This managed policy', true);
    if (name === undefined) return;
    const what = `Managed policy \`${name}\``;
    const arn = field(item, 'Arn');
    if (typeof arn === 'string' && isAwsManagedPolicyArn(arn)) {
      this.faults.gather('awsManagedPolicies', this.origin(path), (n) => `${countIs(n, 'AWS managed policy', 'AWS managed policies')} attached by ARN, not copied: the playground uses its own copy of AWS's managed policies.`);
      return;
    }
    const account = this.accountOf(item, path, what, 'policy');
    if (account === undefined) return;
    const versions = this.list(item, 'PolicyVersionList', path, what);
    const defaultId = field(item, 'DefaultVersionId');
    const chosen = versions.findIndex((v) => field(v, 'IsDefaultVersion') === true);
    const index = chosen >= 0 ? chosen : versions.findIndex((v) => typeof defaultId === 'string' && field(v, 'VersionId') === defaultId);
    const version = versions[index];
    if (index < 0 || version === undefined) {
      this.faults.error(this.origin(childPath(path, 'PolicyVersionList')), `${what} has no default version in \`PolicyVersionList\` (one with \`"IsDefaultVersion": true\`): its document is unknown.`);
      return;
    }
    if (versions.length > 1) {
      this.faults.gather(
        'nonDefaultVersions',
        this.origin(childPath(path, 'PolicyVersionList')),
        (n) => `${countIs(n, 'non-default policy version')} not imported: only a policy's default version is in force.`,
        versions.length - 1,
      );
    }
    const at = childPath(childPath(path, 'PolicyVersionList'), index);
    const document = readPolicyDocument(field(version, 'Document'), `The default version of ${what.charAt(0).toLowerCase()}${what.slice(1)}`);
    if (!document.ok) {
      this.faults.error(this.origin(childPath(at, 'Document')), document.message);
      return;
    }
    const json: Record<string, unknown> = { name };
    const policyPath = this.iamPath(item, path, what);
    if (policyPath !== undefined && policyPath !== '/') json['path'] = policyPath;
    const description = field(item, 'Description');
    if (typeof description === 'string' && description !== '') json['description'] = description;
    json['document'] = document.document;
    const facts = this.facts.account(account, this.origin(path));
    this.accountsHere.add(account);
    this.add(facts.policies, name, { name, origin: this.origin(path), json }, `${what} of account ${account}`, (d) => canonicalJson(d.json));
  }

  /** Adds a draft; the same entity from two files must agree (two snapshots taken at different times may not). */
  private add<T extends Draft>(map: Map<string, T>, key: string, draft: T, what: string, compareKey: (d: T) => string): void {
    const existing = map.get(key);
    if (!existing) {
      map.set(key, draft);
      return;
    }
    if (compareKey(existing) === compareKey(draft)) return;
    this.faults.error(
      draft.origin,
      `${what} is also at \`${existing.origin.file}: ${existing.origin.path}\`, with different details: import one snapshot of the account (outputs taken at different times disagree).`,
    );
  }
}

/** Everything that makes a principal what it is, for comparing two copies. */
function principalKey(d: PrincipalDraft): string {
  return canonicalJson({ json: d.json, managed: d.managed.map((r) => r.value), boundary: d.boundary?.value ?? null, groups: d.groups.map((r) => r.value) });
}
