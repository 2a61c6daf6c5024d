/**
 * The shipped curriculum is written as one file per exercise (curriculum/exercises/NN-ID.json,
 * in course order) and a pack header (curriculum/pack.json), so that exercises are reviewed
 * and changed one at a time; the site serves them as ONE pack file, the format teachers use
 * (public/packs/iam-foundations.json). `npm run curriculum` writes it; the test suite fails
 * when it is out of date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CURRICULUM_DIR = 'curriculum';
export const PACK_FILE = join('public', 'packs', 'iam-foundations.json');

/** The exercise files in course order (by their number). */
export function exerciseFiles(root: string): string[] {
  return readdirSync(join(root, CURRICULUM_DIR, 'exercises'))
    .filter((name) => /^\d{2}-[a-z0-9-]+\.json$/.test(name))
    .sort()
    .map((name) => join(root, CURRICULUM_DIR, 'exercises', name));
}

/** The pack's text, exactly as it is written to public/. */
export function assemblePack(root: string): string {
  const header = JSON.parse(readFileSync(join(root, CURRICULUM_DIR, 'pack.json'), 'utf8')) as Record<string, unknown>;
  const exercises = exerciseFiles(root).map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return `${JSON.stringify({ ...header, exercises }, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('curriculum.ts')) {
  const root = process.cwd();
  writeFileSync(join(root, PACK_FILE), assemblePack(root));
  process.stdout.write(`wrote ${PACK_FILE} (${exerciseFiles(root).length} exercises)\n`);
}
