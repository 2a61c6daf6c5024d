/**
 * The lexical half of the JSON parser (RFC 8259): whitespace, strings, numbers, literals
 * and the `"key" :` of a member. ./json.ts builds trees or plain values on top of it.
 */
import type { JsonErrorCode, JsonWarning } from './json';

/** Thrown inside the parser only; `parseJson` turns it into a `JsonSyntaxError`. */
export class ParseFailure {
  constructor(
    readonly code: JsonErrorCode,
    readonly detail: string,
    readonly offset: number,
  ) {}
}

/** How a character is named in an error message: `'x'` when printable, else `U+000A`. */
export function describeAt(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the text';
  const c = text.charCodeAt(pos);
  if (c >= 0x21 && c <= 0x7e) return `'${text[pos]}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Strings of up to this many characters are reused by `readShortString`. */
const INTERN_MAX_LENGTH = 32;
const INTERN_SLOTS = 1024;

export class Scanner {
  pos = 0;
  readonly warnings: JsonWarning[] = [];

  constructor(readonly text: string) {}

  /** Skips a leading byte order mark (RFC 8259 §8.1 lets a parser ignore it) and whitespace. */
  start(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    if (this.pos >= this.text.length) {
      throw new ParseFailure('emptyDocument', 'Expected a JSON value but the text is empty', this.pos);
    }
  }

  /** After the root value: only whitespace may follow. */
  finish(): void {
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw new ParseFailure(
        'trailingContent',
        `Unexpected ${describeAt(this.text, this.pos)} after the end of the JSON value`,
        this.pos,
      );
    }
  }

  skipWhitespace(): void {
    const text = this.text;
    let p = this.pos;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  tooDeep(maxDepth: number): never {
    throw new ParseFailure('tooDeep', `Objects and arrays are nested more than ${maxDepth} levels deep`, this.pos);
  }

  expectedValue(): never {
    throw new ParseFailure(
      'expectedValue',
      `Expected a JSON value (string, number, object, array, true, false or null) but found ${describeAt(this.text, this.pos)}`,
      this.pos,
    );
  }

  afterMember(): never {
    throw new ParseFailure('expectedCommaOrBrace', "Expected ',' or '}' after a property value", this.pos);
  }

  afterElement(): never {
    throw new ParseFailure('expectedCommaOrBracket', "Expected ',' or ']' after an array element", this.pos);
  }

  /** Checks for the opening quote of a property name; `expectation` is the error otherwise. */
  expectKey(expectation: string): void {
    if (this.text.charCodeAt(this.pos) !== 0x22 /* " */) {
      throw new ParseFailure('expectedPropertyName', expectation, this.pos);
    }
  }

  /** After a property name: whitespace, `:`, whitespace. */
  expectColon(): void {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) {
      throw new ParseFailure('expectedColon', "Expected ':' after a property name", this.pos);
    }
    this.pos++;
    this.skipWhitespace();
  }

  /** Checks that `word` (`true`, `false`, `null`) is at `pos` and steps over it. */
  literal(word: string): void {
    if (!this.text.startsWith(word, this.pos)) {
      throw new ParseFailure('invalidLiteral', `Invalid literal; did you mean \`${word}\`?`, this.pos);
    }
    this.pos += word.length;
  }

  /** Reads a number per the RFC 8259 grammar; returns its source text. */
  readNumberRaw(): string {
    const text = this.text;
    const start = this.pos;
    let p = start;
    if (text.charCodeAt(p) === 0x2d /* - */) p++;
    const first = text.charCodeAt(p);
    if (first === 0x30) {
      p++;
      if (isDigit(text.charCodeAt(p))) {
        throw new ParseFailure('invalidNumber', 'Invalid number: a leading zero must not be followed by digits', p);
      }
    } else if (first >= 0x31 && first <= 0x39) {
      p++;
      while (isDigit(text.charCodeAt(p))) p++;
    } else {
      throw new ParseFailure('invalidNumber', "Invalid number: expected a digit after '-'", p);
    }
    if (text.charCodeAt(p) === 0x2e /* . */) {
      p++;
      if (!isDigit(text.charCodeAt(p))) {
        throw new ParseFailure('invalidNumber', 'Invalid number: expected a digit after the decimal point', p);
      }
      while (isDigit(text.charCodeAt(p))) p++;
    }
    const e = text.charCodeAt(p);
    if (e === 0x65 || e === 0x45 /* e E */) {
      p++;
      const sign = text.charCodeAt(p);
      if (sign === 0x2b || sign === 0x2d) p++;
      if (!isDigit(text.charCodeAt(p))) {
        throw new ParseFailure('invalidNumber', 'Invalid number: expected a digit in the exponent', p);
      }
      while (isDigit(text.charCodeAt(p))) p++;
    }
    this.pos = p;
    return text.slice(start, p);
  }

  /** Recently read short strings, by a hash of length and first characters (see `readShortString`). */
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS);

  /**
   * `readString`, but a short string without escapes that was read recently is returned
   * as the same string object instead of a new copy. Keys and values such as `"Effect"` or
   * `"Allow"` repeat thousands of times in a scenario file; not allocating them again
   * roughly halves the garbage collector's work on a large document.
   */
  readShortString(): string {
    const text = this.text;
    const from = this.pos + 1;
    let p = from;
    const limit = Math.min(text.length, from + INTERN_MAX_LENGTH + 1);
    let hash = 0;
    for (; p < limit; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x22 /* " */) break;
      if (c === 0x5c || c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) return this.readString();
      hash = (hash * 31 + c) | 0;
    }
    if (p >= limit) return this.readString();
    const slot = (hash ^ (hash >>> 11)) & (INTERN_SLOTS - 1);
    const len = p - from;
    const known = this.recent[slot];
    this.pos = p + 1;
    if (known !== undefined && known.length === len && text.startsWith(known, from)) return known;
    const fresh = text.slice(from, p);
    this.recent[slot] = fresh;
    return fresh;
  }

  /**
   * Reads a string starting at its opening quote and leaves `pos` after the closing one.
   * Control characters must be escaped (RFC 8259 §7); unpaired surrogates, raw or escaped,
   * are accepted and reported as a `loneSurrogate` warning (§8.2).
   */
  readString(): string {
    const text = this.text;
    const start = this.pos;
    let p = start + 1;
    let out = '';
    let chunkStart = p;
    let loneSurrogate = false;
    for (;;) {
      if (p >= text.length) {
        throw new ParseFailure('unterminatedString', 'Unterminated string: expected a closing \'"\'', start);
      }
      const c = text.charCodeAt(p);
      if (c === 0x22 /* " */) {
        out = chunkStart === start + 1 ? text.slice(chunkStart, p) : out + text.slice(chunkStart, p);
        p++;
        break;
      }
      if (c === 0x5c /* \ */) {
        out += text.slice(chunkStart, p);
        const esc = text.charCodeAt(p + 1);
        switch (esc) {
          case 0x22: out += '"'; break;
          case 0x5c: out += '\\'; break;
          case 0x2f: out += '/'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x75: {
            const unit = readHex4(text, p + 2);
            if (unit < 0) {
              throw new ParseFailure('invalidUnicodeEscape', 'Invalid \\u escape: expected four hexadecimal digits', p);
            }
            out += String.fromCharCode(unit);
            if (unit >= 0xd800 && unit <= 0xdbff) {
              const paired = text.charCodeAt(p + 6) === 0x5c && text.charCodeAt(p + 7) === 0x75;
              const low = paired ? readHex4(text, p + 8) : -1;
              if (low >= 0xdc00 && low <= 0xdfff) {
                out += String.fromCharCode(low);
                p += 6;
              } else loneSurrogate = true;
            } else if (unit >= 0xdc00 && unit <= 0xdfff) loneSurrogate = true;
            p += 4;
            break;
          }
          default:
            throw new ParseFailure(
              'invalidEscape',
              `Invalid escape \\${p + 1 < text.length ? text[p + 1] : ''} in a string`,
              p,
            );
        }
        p += 2;
        chunkStart = p;
        // Restart the chunk bookkeeping: `out` now holds everything before `p`.
        continue;
      }
      if (c < 0x20) {
        throw new ParseFailure('controlCharacter', `Control character ${describeAt(text, p)} must be escaped inside a string`, p);
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(p + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) p++;
        else loneSurrogate = true;
      }
      p++;
    }
    this.pos = p;
    if (loneSurrogate) this.warnings.push({ kind: 'loneSurrogate', span: { start, end: p } });
    return out;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function readHex4(text: string, at: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(at + i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Objects up to this many members find duplicates by scanning; bigger ones use a Map. */
export const LINEAR_DUPLICATE_SCAN = 12;
export const FIRST_KEY = "Expected a property name in double quotes or '}'";
export const NEXT_KEY = "Expected a property name in double quotes after ','";

/** The path of the innermost open container (for warnings): one segment per enclosing container. */
export function pathOf<F>(stack: readonly F[], segment: (f: F) => string | number): (string | number)[] {
  const path: (string | number)[] = [];
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i];
    if (f !== undefined) path.push(segment(f));
  }
  return path;
}

/** Sets `target[key]` as an own data property, even for `__proto__`. */
export function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (typeof key === 'number') {
    (target as unknown[])[key] = value;
  } else if (key === '__proto__') {
    // INVARIANT: plain assignment would call the `__proto__` setter and change the prototype.
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}
