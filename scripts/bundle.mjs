/**
 * Bundles a TypeScript entry point of this repository for Node, the way the engine's tools
 * run: one ES module, packages left in node_modules. Written to a temporary file and
 * renamed into place, so processes running at once never read a half-written bundle.
 */
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export async function bundleForNode(entry, outfile, root) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile,
    logLevel: 'error',
    packages: 'external',
    absWorkingDir: root,
    // CommonJS packages imported from the bundle may call require().
    banner: { js: "import { createRequire as __iamCreateRequire } from 'node:module'; const require = __iamCreateRequire(import.meta.url);" },
  });
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, outfile);
}
