/**
 * AWS managed policies, resolved offline by ARN.
 *
 * The evaluator sees only a synchronous {@link ManagedPolicySource}: a world is compiled
 * after the policies it attaches were loaded. Where they come from differs by host:
 * - Node (CLI, tests): `nodeManagedPolicies.ts` reads the installed package.
 * - Browser / worker: {@link fetchManagedPolicies} fetches one small JSON file per policy
 *   that `scripts/vite-plugin-iam-data.ts` emits under `data/managed-policies/`.
 */
import { fetchJson, platformFetch, withTrailingSlash, type FetchLike } from './fetchLike';

/** The latest version of one AWS managed policy. */
export interface ManagedPolicyRecord {
  /** e.g. `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`. */
  arn: string;
  /** e.g. `AWSLambdaBasicExecutionRole`. */
  name: string;
  /** IAM path with both slashes, e.g. `/service-role/` or `/`. */
  path: string;
  /** The default (latest) version, e.g. `v3`. */
  versionId: string;
  /** The policy document as parsed JSON (not validated here). */
  document: unknown;
  /** ISO date of the latest version, when the data has it. */
  updatedAt?: string;
}

/** Managed policies by ARN, for the evaluator. */
export interface ManagedPolicySource {
  /** The policy with exactly this ARN, or `undefined` when there is none. */
  get(arn: string): ManagedPolicyRecord | undefined;
}

/** One entry of `managed-policies/index.json`, for the app's picker and completion. */
export interface ManagedPolicyIndexEntry {
  name: string;
  arn: string;
  path: string;
  versionId: string;
  updatedAt?: string;
}

/** The format version of the emitted `managed-policies/*.json` files. */
export const MANAGED_POLICY_DATA_FORMAT = 1;

/** The content of `managed-policies/index.json`. */
export interface ManagedPolicyIndex {
  format: typeof MANAGED_POLICY_DATA_FORMAT;
  policies: ManagedPolicyIndexEntry[];
}

/** The parts of an AWS managed policy ARN. */
export interface AwsManagedPolicyArnParts {
  /** `aws`, `aws-cn`, `aws-us-gov`, … */
  partition: string;
  /** `/` or `/service-role/` … */
  path: string;
  name: string;
}

// INVARIANT: the name part holds no `/`, so the greedy path group ends at the last slash.
const AWS_MANAGED_POLICY_ARN = /^arn:(aws(?:-[a-z]+)*):iam::aws:policy(\/(?:[\x21-\x7e]*\/)?)([\w+=,.@-]+)$/;

/** Splits `arn:<partition>:iam::aws:policy<path><name>`; `undefined` for any other string. */
export function parseAwsManagedPolicyArn(arn: string): AwsManagedPolicyArnParts | undefined {
  const match = AWS_MANAGED_POLICY_ARN.exec(arn);
  if (!match) return undefined;
  return { partition: match[1] as string, path: match[2] as string, name: match[3] as string };
}

/** True for an AWS managed policy ARN (`arn:aws:iam::aws:policy/…`, in any partition). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED_POLICY_ARN.test(arn);
}

/**
 * The file name of a policy under `managed-policies/`. Managed policy names are unique
 * whatever their path (IAM names are unique per account, and no two differ only by case),
 * so the path is not part of it; characters other than `[A-Za-z0-9_-]` become `~XX` so
 * the name is safe in a URL and on any file system.
 */
export function managedPolicyFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, (c) => `~${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${safe}.json`;
}

/** The index entry of a record. */
export function managedPolicyIndexEntry(record: ManagedPolicyRecord): ManagedPolicyIndexEntry {
  const entry: ManagedPolicyIndexEntry = {
    name: record.name,
    arn: record.arn,
    path: record.path,
    versionId: record.versionId,
  };
  if (record.updatedAt !== undefined) entry.updatedAt = record.updatedAt;
  return entry;
}

/** Replaces `arn:aws:` by `arn:<partition>:` in every string of a JSON value. */
function rewritePartition(value: unknown, partition: string): unknown {
  if (typeof value === 'string') return value.replace(/\barn:aws:/g, `arn:${partition}:`);
  if (Array.isArray(value)) return value.map((v) => rewritePartition(v, partition));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rewritePartition(v, partition);
    return out;
  }
  return value;
}

/**
 * The record for `arn` in its partition. The data holds the `aws` partition; in another
 * partition the same policy is given with `arn:aws:` in its document rewritten to that
 * partition, which is how AWS publishes them.
 */
function inPartition(record: ManagedPolicyRecord, parts: AwsManagedPolicyArnParts, arn: string): ManagedPolicyRecord {
  if (parts.partition === 'aws') return record;
  return { ...record, arn, document: rewritePartition(record.document, parts.partition) };
}

/**
 * A source over the given records. Lookups are exact (case matters, as in IAM ARNs); an
 * ARN in another partition than the records' resolves to the `aws` record with the same
 * path and name, rewritten to that partition.
 */
export function managedPolicySourceFrom(records: Iterable<ManagedPolicyRecord>): ManagedPolicySource {
  const byArn = new Map<string, ManagedPolicyRecord>();
  for (const record of records) byArn.set(record.arn, record);
  return {
    get(arn) {
      const exact = byArn.get(arn);
      if (exact) return exact;
      const parts = parseAwsManagedPolicyArn(arn);
      if (!parts || parts.partition === 'aws') return undefined;
      const original = byArn.get(`arn:aws:iam::aws:policy${parts.path}${parts.name}`);
      if (!original) return undefined;
      const rewritten = inPartition(original, parts, arn);
      byArn.set(arn, rewritten);
      return rewritten;
    },
  };
}

/** A light shape check of a fetched policy file. */
function isManagedPolicyRecord(value: unknown): value is ManagedPolicyRecord {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.arn === 'string' &&
    typeof v.name === 'string' &&
    typeof v.path === 'string' &&
    typeof v.versionId === 'string' &&
    v.document !== null &&
    typeof v.document === 'object'
  );
}

/** The directory URL of the managed policy files under the app's data `baseUrl`. */
function managedPoliciesDir(baseUrl: string): string {
  return `${withTrailingSlash(baseUrl)}managed-policies/`;
}

/**
 * Fetches the AWS managed policies with the given ARNs, one small file each, from
 * `${baseUrl}managed-policies/`. `baseUrl` is the app's data folder, e.g.
 * `${import.meta.env.BASE_URL}data/`.
 *
 * ARNs that are not AWS managed policy ARNs, or name no policy AWS publishes, come back in
 * `unknown` (in input order, without duplicates). Network and server failures reject.
 */
export async function fetchManagedPolicies(
  arns: readonly string[],
  baseUrl: string,
  fetchFn: FetchLike = platformFetch(),
): Promise<{ records: ManagedPolicyRecord[]; unknown: string[] }> {
  const dir = managedPoliciesDir(baseUrl);
  const unique = [...new Set(arns)];
  const results = await Promise.all(
    unique.map(async (arn): Promise<ManagedPolicyRecord | undefined> => {
      const parts = parseAwsManagedPolicyArn(arn);
      if (!parts) return undefined;
      const url = dir + managedPolicyFileName(parts.name);
      const data = await fetchJson(fetchFn, url);
      if (data === undefined) return undefined;
      if (!isManagedPolicyRecord(data)) {
        throw new Error(`\`${url}\` is not a managed policy file (expected arn, name, path, versionId, document).`);
      }
      // Same name under another path (e.g. `policy/AWSLambdaBasicExecutionRole`) is another ARN.
      if (data.path !== parts.path || data.name !== parts.name) return undefined;
      return inPartition(data, parts, arn);
    }),
  );
  const records: ManagedPolicyRecord[] = [];
  const unknown: string[] = [];
  results.forEach((record, i) => {
    if (record) records.push(record);
    else unknown.push(unique[i] as string);
  });
  return { records, unknown };
}

/**
 * Fetches `${baseUrl}managed-policies/index.json`: every AWS managed policy's name, ARN,
 * path and latest version, sorted by name (the package has no descriptions).
 */
export async function fetchManagedPolicyIndex(
  baseUrl: string,
  fetchFn: FetchLike = platformFetch(),
): Promise<ManagedPolicyIndexEntry[]> {
  const url = `${managedPoliciesDir(baseUrl)}index.json`;
  const data = await fetchJson(fetchFn, url);
  if (data === undefined) throw new Error(`\`${url}\` is missing: the managed policy data was not deployed.`);
  const index = data as Partial<ManagedPolicyIndex>;
  if (index.format !== MANAGED_POLICY_DATA_FORMAT || !Array.isArray(index.policies)) {
    throw new Error(`\`${url}\` has format ${String(index.format)}; this app reads format ${MANAGED_POLICY_DATA_FORMAT}.`);
  }
  return index.policies;
}
