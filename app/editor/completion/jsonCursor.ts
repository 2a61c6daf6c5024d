/**
 * Where a position is in JSON text that is being typed and so is often not valid JSON: the
 * path of the value it is in, whether it is at a key or a value, and the string token
 * around it. A tolerant single pass: unexpected characters are skipped, an unclosed string
 * ends at its line's end, and containers left open are simply still open at the position.
 */

export type PathSegment = string | number;

/** A string token: `start` is its opening quote; `end` is after its closing quote (or the line's end when unclosed). */
export interface StringToken {
  readonly start: number;
  readonly end: number;
  /** The decoded content (escapes resolved when the string is closed and valid). */
  readonly value: string;
  readonly closed: boolean;
}

export interface CursorContext {
  /** The path of the object or array the position is directly in (`[]` for the root object). */
  readonly container: readonly PathSegment[];
  readonly containerKind: 'object' | 'array' | 'none';
  /** At a member's key (or where one would go), or at a value. */
  readonly position: 'key' | 'value';
  /** For a value: its path (the container's path and its key or index). */
  readonly path: readonly PathSegment[];
  /** The string token the position is inside, if any. */
  readonly string: StringToken | undefined;
}

/** A string of the text with its role and path, for callers that read values (a statement's actions). */
export interface LocatedString extends StringToken {
  readonly role: 'key' | 'value';
  /** For a value: its path; for a key: the path of the member it names. */
  readonly path: readonly PathSegment[];
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly path: readonly PathSegment[];
  /** object: expecting a key, after a key (before `:`), expecting a value, after a value. */
  state: 'key' | 'colon' | 'value' | 'after';
  key: string | undefined;
  index: number;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function readString(text: string, start: number): StringToken {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') {
      const raw = text.slice(start, i + 1);
      let value: string;
      try {
        value = JSON.parse(raw) as string;
      } catch {
        value = raw.slice(1, -1);
      }
      return { start, end: i + 1, value, closed: true };
    }
    if (c === '\n' || c === '\r') break;
    i++;
  }
  return { start, end: Math.min(i, text.length), value: text.slice(start + 1, i), closed: false };
}

type Visit = (s: LocatedString) => boolean | void;

/**
 * Walks the text; `visit` sees every string and may stop the walk (return `true`). With
 * `offset`, the walk stops at that position and returns the context there.
 */
function walk(text: string, visit: Visit | undefined, offset: number | undefined): CursorContext | undefined {
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  const valuePath = (f: Frame | undefined): PathSegment[] =>
    f === undefined ? [] : f.kind === 'array' ? [...f.path, f.index] : [...f.path, f.key ?? ''];
  const contextHere = (string: StringToken | undefined, role?: 'key' | 'value'): CursorContext => {
    const f = top();
    const position = role ?? (f?.kind === 'object' && f.state !== 'value' ? 'key' : 'value');
    return {
      container: f?.path ?? [],
      containerKind: f?.kind ?? 'none',
      position,
      path: position === 'value' ? valuePath(f) : f?.path ?? [],
      string,
    };
  };
  /** A value (string, literal, container) was read in the current container. */
  const valueDone = (): void => {
    const f = top();
    if (f !== undefined) f.state = 'after';
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (offset !== undefined && offset <= i) return contextHere(undefined);
    const f = top();
    if (c === '"') {
      const token = readString(text, i);
      const role = f?.kind === 'object' && (f.state === 'key' || f.state === 'after') ? 'key' : 'value';
      if (offset !== undefined && offset > token.start && (offset < token.end || (offset === token.end && !token.closed))) {
        if (role === 'key' && f !== undefined) f.key = token.value;
        return contextHere(token, role);
      }
      const path = role === 'key' ? [...(f?.path ?? []), token.value] : valuePath(f);
      if (visit?.({ ...token, role, path }) === true) return undefined;
      if (role === 'key' && f !== undefined) {
        f.key = token.value;
        f.state = 'colon';
      } else valueDone();
      i = token.end;
      continue;
    }
    if (c === '{' || c === '[') {
      const path = valuePath(f);
      stack.push({ kind: c === '{' ? 'object' : 'array', path, state: c === '{' ? 'key' : 'value', key: undefined, index: 0 });
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      valueDone();
      i++;
      continue;
    }
    if (c === ':') {
      if (f?.kind === 'object') f.state = 'value';
      i++;
      continue;
    }
    if (c === ',') {
      if (f?.kind === 'object') {
        f.state = 'key';
        f.key = undefined;
      } else if (f?.kind === 'array') {
        f.index++;
        f.state = 'value';
      }
      i++;
      continue;
    }
    // A literal or a number (or a stray character): one word.
    let j = i + 1;
    while (j < text.length && /[A-Za-z0-9.+\-_]/.test(text[j] as string)) j++;
    if (offset !== undefined && offset < j) return contextHere(undefined, 'value');
    valueDone();
    i = j;
  }
  return offset !== undefined ? contextHere(undefined) : undefined;
}

/** The context at `offset` (a position between characters, 0…text.length). */
export function cursorContext(text: string, offset: number): CursorContext {
  return walk(text, undefined, Math.max(0, Math.min(offset, text.length))) as CursorContext;
}

/** Every string of the text with its role and path, in text order. */
export function locatedStrings(text: string): LocatedString[] {
  const out: LocatedString[] = [];
  walk(text, (s) => void out.push(s), undefined);
  return out;
}

/** The string token that contains `offset` (hover), with its role and path. */
export function stringAt(text: string, offset: number): LocatedString | undefined {
  let found: LocatedString | undefined;
  walk(
    text,
    (s) => {
      if (s.start > offset) return true;
      if (offset >= s.start && offset < s.end) {
        found = s;
        return true;
      }
      return false;
    },
    undefined,
  );
  return found;
}

/**
 * A path inside a statement, split into the statement's own path (`['Statement']` or
 * `['Statement', 2]`) and the rest (`['Condition', 'StringEquals']`); `undefined` outside
 * the statements.
 */
export function inStatement(path: readonly PathSegment[]): { readonly statement: readonly PathSegment[]; readonly rest: readonly PathSegment[] } | undefined {
  if (path[0] !== 'Statement') return undefined;
  if (typeof path[1] === 'number') return { statement: path.slice(0, 2), rest: path.slice(2) };
  return { statement: path.slice(0, 1), rest: path.slice(1) };
}

/** Whether `path` starts with `prefix`. */
export function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}
