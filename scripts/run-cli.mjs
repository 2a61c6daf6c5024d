#!/usr/bin/env node
/**
 * Runs one of the engine's command-line tools (`check`, `lint`) from a bundle made with
 * esbuild, rebuilt when any engine source is newer than it. Starting a bundle costs a
 * fraction of transpiling a hundred TypeScript files on every run, as `tsx` would.
 *
 * Usage: node scripts/run-cli.mjs check|lint [ARGS…]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [tool, ...args] = process.argv.slice(2);
const entries = { check: 'engine/cli/check.ts', lint: 'engine/cli/lint.ts' };
if (!(tool in entries)) {
  process.stderr.write(`Usage: node scripts/run-cli.mjs ${Object.keys(entries).join('|')} [ARGS…]\n`);
  process.exit(2);
}

/** The newest modification time of the engine's sources and of the bundled packages' manifest. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const outDir = join(root, 'node_modules', '.cache', 'iam-playground');
const outfile = join(outDir, `${tool}.mjs`);
const stale = !existsSync(outfile) || statSync(outfile).mtimeMs < Math.max(newestSource(join(root, 'engine')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (stale) await bundleForNode(join(root, entries[tool]), outfile, root);
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
