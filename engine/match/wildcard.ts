/**
 * Glob matching as IAM does it: `*` matches any sequence of characters (including none),
 * `?` matches exactly one character, everything else matches itself.
 *
 * ## Algorithm and complexity
 *
 * A pattern is split at its `*`s into pieces P0 * P1 * … * Pk. Every piece has a fixed
 * length (a `?` is one character), so the subject matches exactly when
 *
 *   - P0 matches at the start of the subject,
 *   - Pk matches at the end of the subject (without overlapping P0), and
 *   - P1 … Pk-1 occur in this order, without overlapping, in between.
 *
 * The middle pieces are placed leftmost-first: if any placement of the pieces works,
 * the one that puts every piece as far left as possible works too (a `*` absorbs whatever
 * lies between two pieces), so no choice is ever revisited. Each piece is searched once,
 * forward from where the previous one ended, and each start position is tried at most once
 * per piece. The matcher therefore never backtracks across a `*`:
 *
 *   - time O(n · m) in the worst case, where n is the subject length and m the length of
 *     the longest piece, i.e. linear in the subject for a given pattern; a piece without
 *     `?` is found with `String.prototype.indexOf`, so typical runs are O(n + pattern);
 *   - space O(1) beyond the compiled pattern (no allocation while matching, except one
 *     lower-casing of the subject for a case-insensitive test).
 *
 * A pattern like `*a*a*a*a*a*a*a*a*b` against 100 KB of `a` takes one pass over the
 * subject (the regex `^.*a.*a…b$` would backtrack exponentially).
 *
 * Characters are UTF-16 code units, as in JavaScript strings; `?` matches one code unit.
 *
 * ## Slots
 *
 * A compiled program may contain *slots*: places filled at match time with literal text
 * (a policy variable's value, `${*}`). A slot's text is never a wildcard. Slots let the
 * resource and condition matchers compile a pattern once and substitute per request.
 */

/** The single-character wildcard `?` inside a piece. */
export const ANY_CHAR = -1;

/**
 * One element of a piece: literal text, {@link ANY_CHAR}, or a slot index (≥ 0) whose text
 * is supplied at match time.
 */
export type GlobAtom = string | number;

/** A compiled glob: the pieces between the `*`s. `pieces.length` is the number of `*` plus one. */
export interface GlobProgram {
  readonly pieces: readonly (readonly GlobAtom[])[];
  /** The length of each piece, or `-1` when it contains a slot (then computed per match). */
  readonly lengths: readonly number[];
  /** Whether the program contains a slot. */
  readonly hasSlots: boolean;
  /** Whether the pattern ends with a wildcard `*` (not a literal one from a slot). */
  readonly endsWithStar: boolean;
  /** Whether the pattern contains a wildcard (`*` or `?`). */
  readonly hasWildcard: boolean;
}

/** A piece of pattern source for {@link compileGlobChunks}. */
export type GlobChunk =
  /** Policy text: `*` and `?` are wildcards when `wild`, literal otherwise. */
  | { readonly text: string; readonly wild: boolean }
  /** A slot: literal text supplied at match time as `slots[slot]`. */
  | { readonly slot: number };

const NO_SLOTS: readonly string[] = [];

/** Compiles pattern chunks (policy text, literal text, slots) into a program. */
export function compileGlobChunks(chunks: readonly GlobChunk[]): GlobProgram {
  const pieces: GlobAtom[][] = [[]];
  let literal = '';
  let hasSlots = false;
  let hasWildcard = false;
  let endsWithStar = false;
  const current = (): GlobAtom[] => pieces[pieces.length - 1] as GlobAtom[];
  const flush = () => {
    if (literal !== '') current().push(literal);
    literal = '';
  };
  for (const chunk of chunks) {
    if ('slot' in chunk) {
      flush();
      current().push(chunk.slot);
      hasSlots = true;
      endsWithStar = false;
      continue;
    }
    const text = chunk.text;
    if (text === '') continue;
    if (!chunk.wild) {
      literal += text;
      endsWithStar = false;
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '*') {
        flush();
        hasWildcard = true;
        endsWithStar = true;
        // Consecutive stars mean the same as one.
        if (current().length > 0 || pieces.length === 1) pieces.push([]);
        continue;
      }
      endsWithStar = false;
      if (c === '?') {
        flush();
        current().push(ANY_CHAR);
        hasWildcard = true;
      } else {
        literal += c;
      }
    }
  }
  flush();
  const lengths = pieces.map((p) => (p.some((a) => typeof a === 'number' && a >= 0) ? -1 : staticLength(p)));
  return { pieces, lengths, hasSlots, endsWithStar, hasWildcard };
}

/** Compiles a pattern where `*` and `?` are wildcards. */
export function compileGlobProgram(pattern: string): GlobProgram {
  return compileGlobChunks([{ text: pattern, wild: true }]);
}

function staticLength(piece: readonly GlobAtom[]): number {
  let n = 0;
  for (const a of piece) n += typeof a === 'string' ? a.length : 1;
  return n;
}

function pieceLength(piece: readonly GlobAtom[], slots: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < piece.length; i++) {
    const a = piece[i] as GlobAtom;
    if (typeof a === 'string') n += a.length;
    else if (a === ANY_CHAR) n += 1;
    else n += (slots[a] ?? '').length;
  }
  return n;
}

/** Whether `piece` matches `s` at `pos` (the caller has checked that it fits). */
function matchesAt(piece: readonly GlobAtom[], s: string, pos: number, slots: readonly string[]): boolean {
  let p = pos;
  for (let i = 0; i < piece.length; i++) {
    const a = piece[i] as GlobAtom;
    if (typeof a === 'string') {
      if (!s.startsWith(a, p)) return false;
      p += a.length;
    } else if (a === ANY_CHAR) {
      p += 1;
    } else {
      const text = slots[a] ?? '';
      if (!s.startsWith(text, p)) return false;
      p += text.length;
    }
  }
  return true;
}

/** The leftmost position in `[from, last]` where `piece` matches, or -1. */
function findPiece(
  piece: readonly GlobAtom[],
  s: string,
  from: number,
  last: number,
  slots: readonly string[],
): number {
  if (piece.length === 0) return from <= last ? from : -1;
  const first = piece[0] as GlobAtom;
  const anchor = typeof first === 'string' ? first : first >= 0 ? (slots[first] ?? '') : '';
  let i = from;
  while (i <= last) {
    if (anchor !== '') {
      // Jump to the next place the leading literal occurs: indexOf is linear and native.
      const at = s.indexOf(anchor, i);
      if (at < 0 || at > last) return -1;
      i = at;
    }
    if (matchesAt(piece, s, i, slots)) return i;
    i++;
  }
  return -1;
}

/**
 * Whether `program` matches `s` from offset `start` to its end. `slots` supplies the text
 * of the program's slots. Runs in time linear in `s.length - start` (see the module doc).
 */
export function matchGlob(program: GlobProgram, s: string, slots: readonly string[] = NO_SLOTS, start = 0): boolean {
  const pieces = program.pieces;
  const lengths = program.lengths;
  const n = s.length;
  const k = pieces.length;
  const first = pieces[0] as readonly GlobAtom[];
  let len0 = lengths[0] as number;
  if (len0 < 0) len0 = pieceLength(first, slots);
  if (k === 1) return n - start === len0 && matchesAt(first, s, start, slots);
  if (start + len0 > n || !matchesAt(first, s, start, slots)) return false;
  const lastPiece = pieces[k - 1] as readonly GlobAtom[];
  let lenL = lengths[k - 1] as number;
  if (lenL < 0) lenL = pieceLength(lastPiece, slots);
  const end = n - lenL;
  let pos = start + len0;
  if (end < pos || !matchesAt(lastPiece, s, end, slots)) return false;
  for (let i = 1; i < k - 1; i++) {
    const piece = pieces[i] as readonly GlobAtom[];
    let len = lengths[i] as number;
    if (len < 0) len = pieceLength(piece, slots);
    const at = findPiece(piece, s, pos, end - len, slots);
    if (at < 0) return false;
    pos = at + len;
  }
  return true;
}

/** A compiled glob pattern. */
export interface Glob {
  readonly source: string;
  readonly ignoreCase: boolean;
  readonly program: GlobProgram;
  /** Whether `subject` matches the whole pattern. */
  test(subject: string): boolean;
  /**
   * Like {@link test} for a subject the caller has already lower-cased (for a
   * case-insensitive glob); saves one allocation per test when many patterns are tried.
   */
  testNormalized(subject: string): boolean;
}

export interface GlobOptions {
  /** Compare ignoring case (by lower-casing pattern and subject). Default false. */
  readonly ignoreCase?: boolean;
}

/**
 * Compiles a glob. Fast paths: a pattern without wildcards compares with `===`, `*`
 * matches everything, `prefix*` uses `startsWith`, `*suffix` uses `endsWith`.
 *
 * Case-insensitivity lower-cases with `String.prototype.toLowerCase` (locale-independent
 * Unicode default case mapping), which is what AWS's case-insensitive comparisons of
 * action names (ASCII) need.
 */
export function compileGlob(pattern: string, options: GlobOptions = {}): Glob {
  const ignoreCase = options.ignoreCase ?? false;
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  const program = compileGlobProgram(text);
  const testNormalized = fastTest(program);
  const test = ignoreCase ? (s: string) => testNormalized(s.toLowerCase()) : testNormalized;
  return { source: pattern, ignoreCase, program, test, testNormalized };
}

/** The quickest test for a program without slots. */
export function fastTest(program: GlobProgram): (s: string) => boolean {
  const pieces = program.pieces;
  if (!program.hasWildcard) {
    const text = (pieces[0] as readonly GlobAtom[]).join('');
    return (s) => s === text;
  }
  if (pieces.every((p) => p.length === 0)) return () => true;
  const noAnyChar = pieces.every((p) => p.every((a) => typeof a === 'string'));
  if (noAnyChar && pieces.length === 2) {
    const head = (pieces[0] as readonly GlobAtom[]).join('');
    const tail = (pieces[1] as readonly GlobAtom[]).join('');
    if (tail === '') return (s) => s.startsWith(head);
    if (head === '') return (s) => s.endsWith(tail);
    return (s) => s.length >= head.length + tail.length && s.startsWith(head) && s.endsWith(tail);
  }
  return (s) => matchGlob(program, s);
}

/** One-off convenience: whether `subject` matches `pattern`. Compile once when testing often. */
export function globMatches(pattern: string, subject: string, options: GlobOptions = {}): boolean {
  return compileGlob(pattern, options).test(subject);
}
