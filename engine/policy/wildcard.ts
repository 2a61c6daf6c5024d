/**
 * Glob matching with the two IAM wildcards: `*` (any run of characters, empty included)
 * and `?` (any one character). Used by validation to see what an Action pattern covers;
 * evaluation has its own matchers.
 */

/** Whether `pattern` matches all of `text`. Linear-time greedy matching with one backtrack point. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const pc = p.charCodeAt(pi);
    if (pi < p.length && (pc === 0x3f /* ? */ || pc === t.charCodeAt(ti))) {
      pi++;
      ti++;
    } else if (pi < p.length && pc === 0x2a /* * */) {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (p.charCodeAt(pi) === 0x2a) pi++;
  return pi === p.length;
}

/**
 * Whether every string `covered` matches is also matched by `pattern`. Decided exactly for
 * patterns without `?`: such a pattern covers another when it matches the other's text
 * taken literally (its `*` absorb the other's wildcards). With `?` the answer is `false`.
 */
export function patternCovers(pattern: string, covered: string, ignoreCase = false): boolean {
  if (pattern.includes('?')) return false;
  return globMatch(pattern, covered, ignoreCase);
}
