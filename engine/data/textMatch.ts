/** Small text matchers for the service catalogue: IAM-style globs and "did you mean". */

/** `*` (any run) and `?` (one character) as in IAM action patterns; case-insensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${body}$`, 'i');
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Up to `max` candidates closest to `word` (case-insensitive), nearest first; only those
 * within a distance that grows with the word (2, or a quarter of its length).
 */
export function closestMatches(word: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = word.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 4));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase(), limit);
    if (distance <= limit) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : 1));
  return scored.slice(0, max).map((s) => s.candidate);
}
