/**
 * Finds the scenario and pack files the suites check: our own fixtures, the shipped
 * samples and packs, and the examples in ../shared (when present beside the repository).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

function jsonFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/** Scenario fixtures; `import/` holds AWS CLI outputs for the importer, not scenarios. */
export function fixtureFiles(): string[] {
  const imports = join(repoRoot, 'tests', 'fixtures', 'import') + sep;
  return jsonFilesUnder(join(repoRoot, 'tests', 'fixtures'))
    .filter((file) => !file.startsWith(imports))
    .sort();
}

export function sharedExampleFiles(): string[] {
  return jsonFilesUnder(join(sharedDir, 'examples')).sort();
}

export function shippedFiles(): string[] {
  return [...jsonFilesUnder(join(repoRoot, 'public', 'samples')), ...jsonFilesUnder(join(repoRoot, 'public', 'packs'))].sort();
}
