/**
 * Warms the compact cache of the latest AWS managed policy versions
 * (node_modules/.cache/iam-playground/), so the first `npm run check`, test or build does
 * not pay the ~1.3 s of parsing the package's 74 MB history. Safe as a `postinstall`;
 * without it the first use builds the cache itself.
 *
 *   tsx scripts/build-managed-policies.ts            warm the cache
 *   tsx scripts/build-managed-policies.ts <outDir>   also write <outDir>/data/… as the build does
 */
import { argv } from 'node:process';
import { latestManagedPolicies, managedPolicyFiles } from '../engine/data/nodeManagedPolicies';
import { writeIamDataFiles } from './vite-plugin-iam-data';

const started = performance.now();
const records = latestManagedPolicies();
const { cache } = managedPolicyFiles();
console.log(`${records.length} managed policies in ${cache} (${Math.round(performance.now() - started)} ms)`);

const outDir = argv[2];
if (outDir) {
  const t = performance.now();
  const { files, bytes } = await writeIamDataFiles(outDir);
  console.log(`wrote ${files} files (${(bytes / 1e6).toFixed(1)} MB) under ${outDir}/data/ (${Math.round(performance.now() - t)} ms)`);
}
