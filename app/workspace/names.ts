/**
 * Names of new workspaces: the learner's language gives the words, this makes them unique
 * among the workspaces there are ("Untitled world", "Untitled world 2", …), so the menu
 * never shows two items a learner cannot tell apart.
 */
import { cleanName } from '../persist/records';

/** `base`, or `base 2`, `base 3`, … — the first not in `taken` (compared without case). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase()));
  const name = cleanName(base) ?? base;
  if (!used.has(name.toLocaleLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} ${n}`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/** A file name for `name`: the characters file systems refuse become `-`; never empty. */
export function fileNameOf(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  return `${base === '' ? 'world' : base}.${extension}`;
}
