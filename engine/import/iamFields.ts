/**
 * The fields every entity of get-account-authorization-details shares — names, paths,
 * inline policies (`…PolicyList`), `AttachedManagedPolicies`, `PermissionsBoundary`, `Tags` —
 * read from one file, each problem reported at its JSON path.
 */
import type { ImportFaults, Origin } from './faults';
import { isIamPath } from './iamArn';
import { readPolicyDocument } from './policyDocument';
import { childPath, field, isRecord, jsonType, setOwnKey, shown, type JsonRecord } from './read';

/** A reference to a policy or group, kept with where it is written until it is resolved. */
export interface Reference {
  readonly value: string;
  readonly origin: Origin;
}

export class IamFieldReader {
  constructor(
    protected readonly file: string,
    protected readonly faults: ImportFaults,
  ) {}

  protected origin(path: string): Origin {
    return { file: this.file, path };
  }

  protected text(item: JsonRecord, key: string, path: string, what: string, required: boolean): string | undefined {
    const value = field(item, key);
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value === '') {
      this.faults.error(this.origin(childPath(path, key)), value === undefined ? `${what} has no \`${key}\`.` : `${what}: \`${key}\` must be a non-empty string, not ${jsonType(value)}.`);
      return undefined;
    }
    return value;
  }

  protected iamPath(item: JsonRecord, path: string, what: string): string | undefined {
    const value = this.text(item, 'Path', path, what, false);
    if (value === undefined) return undefined;
    if (!isIamPath(value)) {
      this.faults.error(this.origin(childPath(path, 'Path')), `${what}: ${shown(value)} is not an IAM path (\`/\`, or \`/\` + printable ASCII + \`/\`).`);
      return undefined;
    }
    return value;
  }

  protected list(item: JsonRecord, key: string, path: string, what: string): readonly unknown[] {
    const value = field(item, key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.faults.error(this.origin(childPath(path, key)), `${what}: \`${key}\` must be an array, not ${jsonType(value)}.`);
      return [];
    }
    return value;
  }

  /** `UserPolicyList` / `GroupPolicyList` / `RolePolicyList`: `[{ PolicyName, PolicyDocument }]`. */
  protected inlinePolicies(item: JsonRecord, key: string, path: string, what: string): Record<string, unknown> | undefined {
    const entries = this.list(item, key, path, what);
    if (entries.length === 0) return undefined;
    const policies: Record<string, unknown> = {};
    entries.forEach((entry, i) => {
      const at = childPath(childPath(path, key), i);
      if (!isRecord(entry)) {
        this.faults.error(this.origin(at), `${what}: an inline policy must be an object with \`PolicyName\` and \`PolicyDocument\`, not ${jsonType(entry)}.`);
        return;
      }
      const name = this.text(entry, 'PolicyName', at, `${what}'s inline policy`, true);
      if (name === undefined) return;
      const document = readPolicyDocument(field(entry, 'PolicyDocument'), `The document of inline policy \`${name}\``);
      if (!document.ok) {
        this.faults.error(this.origin(childPath(at, 'PolicyDocument')), document.message);
        return;
      }
      if (Object.prototype.hasOwnProperty.call(policies, name)) {
        this.faults.warn(this.origin(childPath(at, 'PolicyName')), `${what} has two inline policies named \`${name}\`; the last one is used.`);
      }
      setOwnKey(policies, name, document.document);
    });
    return policies;
  }

  /** `AttachedManagedPolicies`: `[{ PolicyName, PolicyArn }]`. */
  protected attached(item: JsonRecord, path: string, what: string): Reference[] {
    const refs: Reference[] = [];
    this.list(item, 'AttachedManagedPolicies', path, what).forEach((entry, i) => {
      const at = childPath(childPath(path, 'AttachedManagedPolicies'), i);
      const arn = field(entry, 'PolicyArn');
      if (typeof arn !== 'string' || arn === '') {
        this.faults.error(this.origin(childPath(at, 'PolicyArn')), `${what}: an attached managed policy needs its \`PolicyArn\`.`);
        return;
      }
      refs.push({ value: arn, origin: this.origin(childPath(at, 'PolicyArn')) });
    });
    return refs;
  }

  /** `PermissionsBoundary: { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn }`. */
  protected boundary(item: JsonRecord, path: string, what: string): Reference | undefined {
    const value = field(item, 'PermissionsBoundary');
    if (value === undefined || value === null) return undefined;
    const at = childPath(childPath(path, 'PermissionsBoundary'), 'PermissionsBoundaryArn');
    const arn = field(value, 'PermissionsBoundaryArn');
    if (typeof arn !== 'string' || arn === '') {
      this.faults.error(this.origin(at), `${what}: \`PermissionsBoundary\` needs its \`PermissionsBoundaryArn\`.`);
      return undefined;
    }
    return { value: arn, origin: this.origin(at) };
  }

  /** `Tags: [{ Key, Value }]` → `{ Key: Value }`. */
  protected tags(item: JsonRecord, path: string, what: string): Record<string, string> | undefined {
    const entries = this.list(item, 'Tags', path, what);
    if (entries.length === 0) return undefined;
    const tags: Record<string, string> = {};
    entries.forEach((entry, i) => {
      const key = field(entry, 'Key');
      const value = field(entry, 'Value');
      if (typeof key !== 'string' || key === '' || typeof value !== 'string') {
        this.faults.error(this.origin(childPath(childPath(path, 'Tags'), i)), `${what}: a tag is \`{ "Key": "…", "Value": "…" }\` with string values.`);
        return;
      }
      setOwnKey(tags, key, value);
    });
    return tags;
  }

}
