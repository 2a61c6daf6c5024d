/**
 * Reads AWS Organizations CLI outputs (Organizations API Reference) into facts about one
 * organization: its id and management account, the root, OUs and accounts with their
 * parents, and SCPs/RCPs with their contents and targets.
 *
 * Two listings do not say what they list: `list-organizational-units-for-parent`,
 * `list-accounts-for-parent` and `list-children` print the children but not the parent, and
 * `list-targets-for-policy` prints the targets but not the policy (`list-policies-for-target`
 * likewise the policies but not the target). The learner says which, either by adding the
 * request's parameter at the top level of the file, exactly as the CLI names it —
 * `"ParentId": "r-a1b2"`, `"PolicyId": "p-…"`, `"TargetId": "…"` — or by naming the file
 * after the id (`ous-r-a1b2.json`, `targets-p-abcd1234ef.json`). The key wins over the name.
 * Without either, an OU or account whose parent no file gives is placed under the root,
 * with a warning; targets with no policy are an error (there is nothing to guess from).
 */
import { countIs, type ImportFaults, type Origin } from './faults';
import type { ImportKind } from './detect';
import { ACCOUNT_ID, idsInFileName, ORG_ID, OU_ID, parseOrgArn, POLICY_ID, ROOT_ID } from './orgIds';
import { readPolicyDocument } from './policyDocument';
import { childPath, field, hasField, isRecord, jsonType, shown, type JsonRecord } from './read';

export interface Sourced<T> {
  readonly value: T;
  readonly origin: Origin;
}

export interface UnitFacts {
  name?: string;
  readonly origin: Origin;
  parent?: Sourced<string>;
}

export interface OrgPolicyFacts {
  readonly origin: Origin;
  name?: string;
  /** `SERVICE_CONTROL_POLICY`, `RESOURCE_CONTROL_POLICY`, or another policy type. */
  type?: Sourced<string>;
  arn?: string;
  document?: Readonly<Record<string, unknown>>;
}

export class OrgFacts {
  /** The first file of the organization, where warnings about the whole of it go. */
  first: Origin | undefined;
  /** Every organization id and management account the files name (from describe-organization or ARNs). */
  readonly orgIds = new Map<string, Origin>();
  readonly managementAccounts = new Map<string, Origin>();
  featureSet: Sourced<string> | undefined;
  readonly roots = new Map<string, UnitFacts>();
  readonly ous = new Map<string, UnitFacts>();
  readonly accounts = new Map<string, UnitFacts>();
  readonly policies = new Map<string, OrgPolicyFacts>();
  /** Policy id → target id → where the attachment is listed. */
  readonly targets = new Map<string, Map<string, Origin>>();
}

type ChildType = 'ACCOUNT' | 'ORGANIZATIONAL_UNIT' | 'ROOT';

export class OrganizationsReader {
  constructor(
    private readonly file: string,
    private readonly facts: OrgFacts,
    private readonly faults: ImportFaults,
  ) {}

  private origin(path: string): Origin {
    return { file: this.file, path };
  }

  read(kind: ImportKind, value: JsonRecord): void {
    this.facts.first ??= this.origin('$');
    switch (kind) {
      case 'organizations:describe-organization':
        return this.organization(value);
      case 'organizations:list-roots':
        return this.each(value, 'Roots', (item, path) => this.root(item, path));
      case 'organizations:list-organizational-units-for-parent': {
        const parent = this.wrapper(value, 'ParentId', 'parent');
        return this.each(value, 'OrganizationalUnits', (item, path) => this.ou(item, path, parent));
      }
      case 'organizations:describe-organizational-unit':
        return this.ou(field(value, 'OrganizationalUnit'), '$.OrganizationalUnit', this.wrapper(value, 'ParentId', 'parent'));
      case 'organizations:list-accounts':
      case 'organizations:list-accounts-for-parent': {
        const parent = this.wrapper(value, 'ParentId', 'parent');
        return this.each(value, 'Accounts', (item, path) => this.account(item, path, parent));
      }
      case 'organizations:describe-account':
        return this.account(field(value, 'Account'), '$.Account', this.wrapper(value, 'ParentId', 'parent'));
      case 'organizations:list-children': {
        const parent = this.wrapper(value, 'ParentId', 'parent');
        return this.each(value, 'Children', (item, path) => this.child(item, path, parent));
      }
      case 'organizations:list-policies':
      case 'organizations:list-policies-for-target': {
        const target = this.wrapper(value, 'TargetId', 'target');
        return this.each(value, 'Policies', (item, path) => {
          const id = this.policySummary(item, path);
          if (id !== undefined && target) this.attach(id, target.value, undefined, this.origin(path));
        });
      }
      case 'organizations:describe-policy':
        return this.describedPolicy(field(value, 'Policy'), '$.Policy');
      case 'organizations:list-targets-for-policy': {
        const policy = this.wrapper(value, 'PolicyId', 'policy');
        if (!policy) {
          this.faults.error(
            this.origin('$'),
            `\`${this.file}\` lists the targets of a policy without saying which: add \`"PolicyId": "p-…"\` at the top level (the \`--policy-id\` you gave \`list-targets-for-policy\`), or put the policy's id in the file name.`,
          );
          return;
        }
        this.policyFacts(policy.value, policy.origin);
        return this.each(value, 'Targets', (item, path) => this.target(item, path, policy.value));
      }
      default:
        return;
    }
  }

  /** Which kind this file will be read as, now that its wrapper key or file name is known. */
  static refineKind(kind: ImportKind, value: JsonRecord, file: string): ImportKind {
    if (kind === 'organizations:list-accounts' && (hasField(value, 'ParentId') || idsInFileName(file, 'parent').length === 1)) return 'organizations:list-accounts-for-parent';
    if (kind === 'organizations:list-policies' && (hasField(value, 'TargetId') || idsInFileName(file, 'target').length === 1)) return 'organizations:list-policies-for-target';
    return kind;
  }

  private each(value: JsonRecord, key: string, readItem: (item: unknown, path: string) => void): void {
    const items = field(value, key);
    const path = childPath('$', key);
    if (!Array.isArray(items)) {
      this.faults.error(this.origin(path), `\`${key}\` must be an array, not ${jsonType(items)}.`);
      return;
    }
    items.forEach((item, i) => readItem(item, childPath(path, i)));
  }

  /** The parent, policy or target a listing is for: the top-level key, else the one id in the file name. */
  private wrapper(value: JsonRecord, key: 'ParentId' | 'PolicyId' | 'TargetId', kind: 'parent' | 'policy' | 'target'): Sourced<string> | undefined {
    const pattern = kind === 'policy' ? POLICY_ID : kind === 'parent' ? /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32})$/ : /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|\d{12})$/;
    if (hasField(value, key)) {
      const id = field(value, key);
      if (typeof id === 'string' && pattern.test(id)) return { value: id, origin: this.origin(childPath('$', key)) };
      this.faults.error(this.origin(childPath('$', key)), `${shown(id)} is not a ${kind === 'policy' ? 'policy id (`p-` and 8 to 128 letters, digits or `_`)' : kind === 'parent' ? 'root or OU id (`r-…` or `ou-…-…`)' : 'root, OU or account id'}.`);
      return undefined;
    }
    const ids = idsInFileName(this.file, kind);
    const only = ids[0];
    return ids.length === 1 && only !== undefined ? { value: only, origin: this.origin('$') } : undefined;
  }

  private noteArn(arn: unknown, origin: Origin): void {
    const parsed = parseOrgArn(arn);
    if (!parsed) return;
    if (!this.facts.orgIds.has(parsed.orgId)) this.facts.orgIds.set(parsed.orgId, origin);
    if (!this.facts.managementAccounts.has(parsed.managementAccount)) this.facts.managementAccounts.set(parsed.managementAccount, origin);
  }

  private id(item: unknown, path: string, key: string, pattern: RegExp, what: string): string | undefined {
    if (!isRecord(item)) {
      this.faults.error(this.origin(path), `${what} must be an object, not ${jsonType(item)}.`);
      return undefined;
    }
    const id = field(item, key);
    if (typeof id === 'string' && pattern.test(id)) return id;
    this.faults.error(this.origin(childPath(path, key)), id === undefined ? `${what} has no \`${key}\`.` : `${what}: ${shown(id)} is not a valid \`${key}\`.`);
    return undefined;
  }

  private name(item: unknown): string | undefined {
    const name = field(item, 'Name');
    return typeof name === 'string' && name !== '' ? name : undefined;
  }

  private organization(value: JsonRecord): void {
    const org = field(value, 'Organization');
    const id = this.id(org, '$.Organization', 'Id', ORG_ID, 'The organization');
    if (id === undefined) return;
    // INVARIANT: the organization's own id and management account come before those read from ARNs.
    this.facts.orgIds.set(id, this.origin('$.Organization.Id'));
    const management = field(org, 'MasterAccountId');
    if (typeof management === 'string' && ACCOUNT_ID.test(management)) {
      this.facts.managementAccounts.set(management, this.origin('$.Organization.MasterAccountId'));
      this.unit(this.facts.accounts, management, this.origin('$.Organization.MasterAccountId'));
    } else if (management !== undefined) {
      this.faults.error(this.origin('$.Organization.MasterAccountId'), `${shown(management)} is not an AWS account id (12 digits).`);
    }
    this.noteArn(field(org, 'Arn'), this.origin('$.Organization.Arn'));
    const featureSet = field(org, 'FeatureSet');
    if (typeof featureSet === 'string') this.facts.featureSet = { value: featureSet, origin: this.origin('$.Organization.FeatureSet') };
  }

  private unit(map: Map<string, UnitFacts>, id: string, origin: Origin, name?: string): UnitFacts {
    let unit = map.get(id);
    if (!unit) {
      unit = { origin };
      map.set(id, unit);
    }
    if (name !== undefined) unit.name ??= name;
    return unit;
  }

  private root(item: unknown, path: string): void {
    const id = this.id(item, path, 'Id', ROOT_ID, 'A root');
    if (id === undefined) return;
    this.noteArn(field(item, 'Arn'), this.origin(childPath(path, 'Arn')));
    this.unit(this.facts.roots, id, this.origin(path), this.name(item));
  }

  /** Records where a unit or account sits; the parent itself becomes known as a unit. */
  private place(unit: UnitFacts, id: string, parent: Sourced<string> | undefined): void {
    if (!parent) return;
    if (unit.parent && unit.parent.value !== parent.value) {
      this.faults.error(parent.origin, `\`${id}\` is placed under \`${parent.value}\` here, and under \`${unit.parent.value}\` at \`${unit.parent.origin.file}: ${unit.parent.origin.path}\`: import one snapshot of the organization.`);
      return;
    }
    unit.parent ??= parent;
    this.parentUnit(parent);
  }

  private parentUnit(parent: Sourced<string>): void {
    if (ROOT_ID.test(parent.value)) this.unit(this.facts.roots, parent.value, parent.origin);
    else this.unit(this.facts.ous, parent.value, parent.origin);
  }

  private ou(item: unknown, path: string, parent: Sourced<string> | undefined): void {
    const id = this.id(item, path, 'Id', OU_ID, 'An organizational unit');
    if (id === undefined) return;
    this.noteArn(field(item, 'Arn'), this.origin(childPath(path, 'Arn')));
    const unit = this.unit(this.facts.ous, id, this.origin(path), this.name(item));
    this.place(unit, id, parent && { value: parent.value, origin: this.origin(path) });
  }

  private account(item: unknown, path: string, parent: Sourced<string> | undefined): void {
    const id = this.id(item, path, 'Id', ACCOUNT_ID, 'An account');
    if (id === undefined) return;
    this.noteArn(field(item, 'Arn'), this.origin(childPath(path, 'Arn')));
    const unit = this.unit(this.facts.accounts, id, this.origin(path));
    this.place(unit, id, parent && { value: parent.value, origin: this.origin(path) });
    if (this.name(item) !== undefined) {
      this.faults.warnOnce('accountNames', this.origin(childPath(path, 'Name')), 'Account names are not imported: a scenario names an account by its id (an account alias is another thing, set in IAM).');
    }
    const status = field(item, 'Status');
    if (typeof status === 'string' && status !== 'ACTIVE') {
      this.faults.gather('inactiveAccounts', this.origin(childPath(path, 'Status')), (n) => `${countIs(n, 'account')} not \`ACTIVE\` (suspended or closing), imported as an ordinary account.`);
    }
  }

  private child(item: unknown, path: string, parent: Sourced<string> | undefined): void {
    const type = field(item, 'Type');
    if (type !== 'ACCOUNT' && type !== 'ORGANIZATIONAL_UNIT') {
      this.faults.error(this.origin(childPath(path, 'Type')), `A child's \`Type\` is \`ACCOUNT\` or \`ORGANIZATIONAL_UNIT\`, not ${shown(type)}.`);
      return;
    }
    const id = this.id(item, path, 'Id', type === 'ACCOUNT' ? ACCOUNT_ID : OU_ID, type === 'ACCOUNT' ? 'An account' : 'An organizational unit');
    if (id === undefined) return;
    const unit = this.unit(type === 'ACCOUNT' ? this.facts.accounts : this.facts.ous, id, this.origin(path));
    this.place(unit, id, parent && { value: parent.value, origin: this.origin(path) });
  }

  private policyFacts(id: string, origin: Origin): OrgPolicyFacts {
    let policy = this.facts.policies.get(id);
    if (!policy) {
      policy = { origin };
      this.facts.policies.set(id, policy);
    }
    return policy;
  }

  /** A PolicySummary (list-policies, describe-policy): id, name, type. Returns the id. */
  private policySummary(item: unknown, path: string): string | undefined {
    const id = this.id(item, path, 'Id', POLICY_ID, 'A policy');
    if (id === undefined) return undefined;
    const policy = this.policyFacts(id, this.origin(path));
    policy.name ??= this.name(item);
    const arn = field(item, 'Arn');
    if (typeof arn === 'string') policy.arn ??= arn;
    this.noteArn(arn, this.origin(childPath(path, 'Arn')));
    const type = field(item, 'Type');
    if (typeof type === 'string') {
      if (policy.type && policy.type.value !== type) {
        this.faults.error(this.origin(childPath(path, 'Type')), `Policy \`${id}\` is a ${type} here and a ${policy.type.value} at \`${policy.type.origin.file}: ${policy.type.origin.path}\`.`);
      } else {
        policy.type ??= { value: type, origin: this.origin(childPath(path, 'Type')) };
      }
    }
    return id;
  }

  /** describe-policy: the summary, and the policy's text in `Content`. */
  private describedPolicy(value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.faults.error(this.origin(path), `\`Policy\` must be an object with \`PolicySummary\` and \`Content\`, not ${jsonType(value)}.`);
      return;
    }
    const id = this.policySummary(field(value, 'PolicySummary'), childPath(path, 'PolicySummary'));
    if (id === undefined) return;
    const content = readPolicyDocument(field(value, 'Content'), `The content of policy \`${id}\``);
    if (!content.ok) {
      this.faults.error(this.origin(childPath(path, 'Content')), hasField(value, 'Content') ? content.message : `Policy \`${id}\` has no \`Content\`.`);
      return;
    }
    const policy = this.policyFacts(id, this.origin(path));
    policy.document ??= content.document;
  }

  private target(item: unknown, path: string, policyId: string): void {
    const type = field(item, 'Type');
    if (type !== 'ROOT' && type !== 'ORGANIZATIONAL_UNIT' && type !== 'ACCOUNT') {
      this.faults.error(this.origin(childPath(path, 'Type')), `A target's \`Type\` is \`ROOT\`, \`ORGANIZATIONAL_UNIT\` or \`ACCOUNT\`, not ${shown(type)}.`);
      return;
    }
    const pattern = type === 'ROOT' ? ROOT_ID : type === 'ACCOUNT' ? ACCOUNT_ID : OU_ID;
    const id = this.id(item, path, 'TargetId', pattern, `A target of type ${type}`);
    if (id === undefined) return;
    this.noteArn(field(item, 'Arn'), this.origin(childPath(path, 'Arn')));
    this.attach(policyId, id, type, this.origin(path), type === 'ACCOUNT' ? undefined : this.name(item));
  }

  /** Records that `policyId` is attached to `targetId`, making the target known as a root, OU or account. */
  private attach(policyId: string, targetId: string, type: ChildType | undefined, origin: Origin, name?: string): void {
    const kind: ChildType = type ?? (ROOT_ID.test(targetId) ? 'ROOT' : ACCOUNT_ID.test(targetId) ? 'ACCOUNT' : 'ORGANIZATIONAL_UNIT');
    this.unit(kind === 'ROOT' ? this.facts.roots : kind === 'ACCOUNT' ? this.facts.accounts : this.facts.ous, targetId, origin, name);
    let targets = this.facts.targets.get(policyId);
    if (!targets) {
      targets = new Map();
      this.facts.targets.set(policyId, targets);
    }
    if (!targets.has(targetId)) targets.set(targetId, origin);
  }
}
