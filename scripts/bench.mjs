#!/usr/bin/env node
/**
 * `npm run bench`: bundles the benchmarks the way the production build ships the engine
 * (no dev-time transform helpers in the hot paths), then runs them.
 */
import { bundleForNode } from './bundle.mjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.tmp', 'bench.mjs');
await bundleForNode(join(root, 'bench', 'run.ts'), outfile, root);
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
