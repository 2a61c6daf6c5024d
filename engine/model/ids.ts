/**
 * Unique ids in AWS's forms (AIDA… for users, AROA… for roles, AGPA… for groups, ANPA…
 * for managed policies, ASIA/AKIA for access keys). Derived from the entity's ARN with a
 * hash, so a world always gets the same ids: decisions stay reproducible.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function fnv1a(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `prefix` + 17 characters, 21 in all, as AWS's unique ids. */
export function uniqueIdFor(prefix: 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'ASIA' | 'AKIA', arn: string): string {
  let out = prefix;
  let seed = 0;
  while (out.length < 21) {
    let h = fnv1a(arn, seed++);
    for (let i = 0; i < 6 && out.length < 21; i++) {
      out += ALPHABET[h & 31];
      h >>>= 5;
    }
  }
  return out;
}
