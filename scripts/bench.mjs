#!/usr/bin/env node
/**
 * `npm run bench`: bundles the benchmarks the way the production build ships the engine
 * (no dev-time transform helpers in the hot paths), then runs them: the engine's figures,
 * then the map's in Chromium, then the size of every chunk of the production build against
 * the first-paint budget (`npm run bench -- engine`, `-- map` or `-- size` runs one part).
 */
import { bundleForNode } from './bundle.mjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const parts = { engine: join('bench', 'run.ts'), map: join('bench', 'ui', 'run.ts'), size: null };
const only = process.argv[2];
if (only !== undefined && !(only in parts)) {
  console.error(`Unknown part \`${only}\`: run \`npm run bench\`, \`npm run bench -- engine\`, \`-- map\` or \`-- size\`.`);
  process.exit(2);
}
let status = 0;
for (const [name, entry] of Object.entries(parts)) {
  if (only !== undefined && only !== name) continue;
  if (entry === null) {
    // The chunk sizes of a fresh production build (deterministic: a report, and the budget's verdict).
    const dist = join(root, 'node_modules', '.tmp', 'size-dist');
    const built = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit', cwd: root });
    const sized = built.status === 0 ? spawnSync(process.execPath, [join(root, 'scripts', 'size-budget.mjs'), dist], { stdio: 'inherit', cwd: root }) : built;
    status ||= sized.status ?? 1;
    console.log('');
    continue;
  }
  const outfile = join(root, 'node_modules', '.tmp', `bench-${name}.mjs`);
  await bundleForNode(join(root, entry), outfile, root);
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', cwd: root });
  status ||= run.status ?? 1;
  console.log('');
}
process.exit(status);
