/**
 * A strict JSON parser (RFC 8259) that keeps the source span of every value, so that a
 * policy element can be traced back to the exact text it came from.
 *
 * Built for hostile input: it is iterative (no recursion, so deep nesting cannot overflow
 * the call stack), refuses nesting deeper than `maxDepth` with a clear error, runs in
 * linear time, and treats every key — `__proto__` and `constructor` included — as plain
 * data. Duplicate keys and lone surrogates are not errors in RFC 8259; they are reported
 * as warnings beside the result.
 */
import { ArrayNode, BooleanNode, Member, NullNode, NumberNode, ObjectNode, StringNode } from './jsonNodes';
import { ParseFailure, Scanner } from './jsonScanner';
import type { Span } from './types';

export interface JsonObjectNode {
  readonly kind: 'object';
  /** Members in source order; a duplicated key appears once per occurrence. */
  readonly members: readonly JsonMember[];
  readonly span: Span;
}

export interface JsonMember {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export interface JsonArrayNode {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
  readonly span: Span;
}

export interface JsonStringNode {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

export interface JsonNumberNode {
  readonly kind: 'number';
  /** The number exactly as written, e.g. `1.50` or `1e3`. */
  readonly raw: string;
  /** `Number(raw)`; may be `Infinity` for a literal beyond double range. */
  readonly value: number;
  readonly span: Span;
}

export interface JsonBooleanNode {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

export interface JsonNullNode {
  readonly kind: 'null';
  readonly span: Span;
}

export type JsonNode =
  | JsonObjectNode
  | JsonArrayNode
  | JsonStringNode
  | JsonNumberNode
  | JsonBooleanNode
  | JsonNullNode;

export type JsonErrorCode =
  | 'emptyDocument'
  | 'expectedValue'
  | 'expectedPropertyName'
  | 'expectedColon'
  | 'expectedCommaOrBrace'
  | 'expectedCommaOrBracket'
  | 'unterminatedString'
  | 'controlCharacter'
  | 'invalidEscape'
  | 'invalidUnicodeEscape'
  | 'invalidNumber'
  | 'invalidLiteral'
  | 'tooDeep'
  | 'trailingContent';

/** Where and why the text is not JSON. `line` and `column` are 1-based (UTF-16 columns). */
export interface JsonSyntaxError {
  readonly code: JsonErrorCode;
  /** The whole sentence, with the position: "Expected ',' or '}' after a property value at line 3, column 14". */
  readonly message: string;
  /** The sentence without the position. */
  readonly detail: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A key that appears more than once in the same object (RFC 8259 §4: names SHOULD be unique). */
export interface JsonDuplicateKeyWarning {
  readonly kind: 'duplicateKey';
  readonly key: string;
  /** The span of the later occurrence's key. */
  readonly span: Span;
  /** The span of the first occurrence's key (`parseJsonValue` does not track it). */
  readonly firstSpan?: Span;
  /** The path of the object holding the key: property names and array indices from the root. */
  readonly path: readonly (string | number)[];
}

/** An unpaired UTF-16 surrogate in a string (RFC 8259 §8.2: allowed, but unpredictable elsewhere). */
export interface JsonLoneSurrogateWarning {
  readonly kind: 'loneSurrogate';
  /** The span of the string value or key that holds it. */
  readonly span: Span;
}

export type JsonWarning = JsonDuplicateKeyWarning | JsonLoneSurrogateWarning;

export type JsonParseResult =
  | { readonly ok: true; readonly value: JsonNode; readonly warnings: readonly JsonWarning[] }
  | { readonly ok: false; readonly error: JsonSyntaxError; readonly warnings: readonly JsonWarning[] };

export interface JsonParseOptions {
  /** The deepest nesting of objects and arrays accepted (default 256). */
  readonly maxDepth?: number;
}

export const DEFAULT_JSON_MAX_DEPTH = 256;

/** Objects up to this many members find duplicates by scanning; bigger ones use a Map. */
const LINEAR_DUPLICATE_SCAN = 12;

/** Parses `text` as one JSON value, keeping every span. Never throws. */
export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const builder = new TreeBuilder(text, options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH);
  try {
    return { ok: true, value: builder.parse(), warnings: builder.warnings };
  } catch (e) {
    return { ok: false, error: toSyntaxError(text, e), warnings: builder.warnings };
  }
}

export type JsonValueResult =
  | { readonly ok: true; readonly value: unknown; readonly warnings: readonly JsonWarning[] }
  | { readonly ok: false; readonly error: JsonSyntaxError; readonly warnings: readonly JsonWarning[] };

/**
 * A strict, never-throwing `JSON.parse` that gives plain values directly (no tree), for
 * whole scenario files. A repeated key keeps its last value, as with `JSON.parse`; it is
 * reported in `warnings` (without `firstSpan`). Every key, `"__proto__"` included, becomes
 * an own data property, so no input can reach `Object.prototype`.
 */
export function parseJsonValue(text: string, options: JsonParseOptions = {}): JsonValueResult {
  const builder = new PlainBuilder(text, options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH);
  try {
    return { ok: true, value: builder.parse(), warnings: builder.warnings };
  } catch (e) {
    return { ok: false, error: toSyntaxError(text, e), warnings: builder.warnings };
  }
}

function toSyntaxError(text: string, e: unknown): JsonSyntaxError {
  if (!(e instanceof ParseFailure)) throw e;
  const { line, column } = lineColumnAt(text, e.offset);
  return {
    code: e.code,
    detail: e.detail,
    message: `${e.detail} at line ${line}, column ${column}`,
    offset: e.offset,
    line,
    column,
  };
}

/** The 1-based line and column of a UTF-16 offset; `\n`, `\r\n` and a lone `\r` end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const FIRST_KEY = "Expected a property name in double quotes or '}'";
const NEXT_KEY = "Expected a property name in double quotes after ','";

/** An object or array of the tree being built. One shape for both keeps access monomorphic. */
interface TreeFrame {
  readonly isObject: boolean;
  readonly start: number;
  readonly list: (Member | JsonNode)[];
  key: string;
  keyStart: number;
  keyEnd: number;
  seen: Map<string, Member> | undefined;
}

/**
 * Builds the span-keeping tree. Iterative: open containers live on `stack`, never on the
 * call stack, so the depth limit — not the engine's stack size — decides what is too deep.
 */
class TreeBuilder extends Scanner {
  private readonly stack: TreeFrame[] = [];

  constructor(
    text: string,
    private readonly maxDepth: number,
  ) {
    super(text);
  }

  parse(): JsonNode {
    this.start();
    const text = this.text;
    const stack = this.stack;
    for (;;) {
      // ── read one value, or open a container and go read its first element ──
      let value: JsonNode;
      const c = text.charCodeAt(this.pos);
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (stack.length >= this.maxDepth) this.tooDeep(this.maxDepth);
        const start = this.pos++;
        const isObject = c === 0x7b;
        this.skipWhitespace();
        const close = text.charCodeAt(this.pos);
        if (isObject && close === 0x7d /* } */) {
          value = new ObjectNode([], start, ++this.pos);
        } else if (!isObject && close === 0x5d /* ] */) {
          value = new ArrayNode([], start, ++this.pos);
        } else {
          const frame: TreeFrame = { isObject, start, list: [], key: '', keyStart: 0, keyEnd: 0, seen: undefined };
          stack.push(frame);
          if (isObject) this.readKey(frame, FIRST_KEY);
          continue;
        }
      } else {
        value = this.scalar();
      }

      // ── attach the value to its container; close the containers that end here ──
      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          this.finish();
          return value;
        }
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (frame.isObject) {
          this.addMember(frame, value);
          if (next === 0x2c /* , */) {
            this.pos++;
            this.skipWhitespace();
            this.readKey(frame, NEXT_KEY);
            break;
          }
          if (next !== 0x7d /* } */) this.afterMember();
          stack.pop();
          value = new ObjectNode(frame.list as Member[], frame.start, ++this.pos);
        } else {
          frame.list.push(value);
          if (next === 0x2c /* , */) {
            this.pos++;
            this.skipWhitespace();
            break;
          }
          if (next !== 0x5d /* ] */) this.afterElement();
          stack.pop();
          value = new ArrayNode(frame.list as JsonNode[], frame.start, ++this.pos);
        }
      }
    }
  }

  private scalar(): JsonNode {
    const start = this.pos;
    switch (this.text.charCodeAt(start)) {
      case 0x22: /* " */ {
        const value = this.readString();
        return new StringNode(value, start, this.pos);
      }
      case 0x74: /* t */
        this.literal('true');
        return new BooleanNode(true, start, this.pos);
      case 0x66: /* f */
        this.literal('false');
        return new BooleanNode(false, start, this.pos);
      case 0x6e: /* n */
        this.literal('null');
        return new NullNode(start, this.pos);
      default: {
        const c = this.text.charCodeAt(start);
        if (c !== 0x2d && !(c >= 0x30 && c <= 0x39)) this.expectedValue();
        const raw = this.readNumberRaw();
        return new NumberNode(raw, Number(raw), start, this.pos);
      }
    }
  }

  private readKey(frame: TreeFrame, expectation: string): void {
    this.expectKey(expectation);
    frame.keyStart = this.pos;
    frame.key = this.readString();
    frame.keyEnd = this.pos;
    this.expectColon();
  }

  private addMember(frame: TreeFrame, value: JsonNode): void {
    const members = frame.list as Member[];
    const key = frame.key;
    const member = new Member(key, frame.keyStart, frame.keyEnd, value);
    let first: Member | undefined;
    if (frame.seen !== undefined) {
      first = frame.seen.get(key);
      if (first === undefined) frame.seen.set(key, member);
    } else if (members.length < LINEAR_DUPLICATE_SCAN) {
      for (let i = 0; i < members.length; i++) {
        const m = members[i] as Member;
        if (m.key === key) {
          first = m;
          break;
        }
      }
    } else {
      const seen = new Map<string, Member>();
      for (const m of members) if (!seen.has(m.key)) seen.set(m.key, m);
      first = seen.get(key);
      if (first === undefined) seen.set(key, member);
      frame.seen = seen;
    }
    if (first !== undefined) {
      this.warnings.push({
        kind: 'duplicateKey',
        key,
        span: member.keySpan,
        firstSpan: first.keySpan,
        path: pathOf(this.stack, (f) => (f.isObject ? f.key : f.list.length)),
      });
    }
    members.push(member);
  }
}

/** The path of the innermost open container: one segment per enclosing container. */
function pathOf<F>(stack: readonly F[], segment: (f: F) => string | number): (string | number)[] {
  const path: (string | number)[] = [];
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i];
    if (f !== undefined) path.push(segment(f));
  }
  return path;
}

interface PlainFrame {
  readonly isObject: boolean;
  readonly obj: Record<string, unknown>;
  readonly arr: unknown[];
  key: string;
  keyStart: number;
  keyEnd: number;
}

const NO_ARRAY: unknown[] = [];
const NO_OBJECT: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const hasOwn = Object.prototype.hasOwnProperty;

/** Builds plain values directly: the same grammar and limits as `TreeBuilder`, no tree. */
class PlainBuilder extends Scanner {
  private readonly stack: PlainFrame[] = [];

  constructor(
    text: string,
    private readonly maxDepth: number,
  ) {
    super(text);
  }

  parse(): unknown {
    this.start();
    const text = this.text;
    const stack = this.stack;
    for (;;) {
      let value: unknown;
      const c = text.charCodeAt(this.pos);
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (stack.length >= this.maxDepth) this.tooDeep(this.maxDepth);
        this.pos++;
        const isObject = c === 0x7b;
        this.skipWhitespace();
        const close = text.charCodeAt(this.pos);
        if (isObject && close === 0x7d /* } */) {
          this.pos++;
          value = {};
        } else if (!isObject && close === 0x5d /* ] */) {
          this.pos++;
          value = [];
        } else {
          const frame: PlainFrame = isObject
            ? { isObject, obj: {}, arr: NO_ARRAY, key: '', keyStart: 0, keyEnd: 0 }
            : { isObject, obj: NO_OBJECT, arr: [], key: '', keyStart: 0, keyEnd: 0 };
          stack.push(frame);
          if (isObject) this.readKey(frame, FIRST_KEY);
          continue;
        }
      } else {
        value = this.scalar();
      }

      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          this.finish();
          return value;
        }
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (frame.isObject) {
          this.setMember(frame, value);
          if (next === 0x2c /* , */) {
            this.pos++;
            this.skipWhitespace();
            this.readKey(frame, NEXT_KEY);
            break;
          }
          if (next !== 0x7d /* } */) this.afterMember();
          this.pos++;
          stack.pop();
          value = frame.obj;
        } else {
          frame.arr.push(value);
          if (next === 0x2c /* , */) {
            this.pos++;
            this.skipWhitespace();
            break;
          }
          if (next !== 0x5d /* ] */) this.afterElement();
          this.pos++;
          stack.pop();
          value = frame.arr;
        }
      }
    }
  }

  private scalar(): unknown {
    switch (this.text.charCodeAt(this.pos)) {
      case 0x22: /* " */
        return this.readString();
      case 0x74: /* t */
        this.literal('true');
        return true;
      case 0x66: /* f */
        this.literal('false');
        return false;
      case 0x6e: /* n */
        this.literal('null');
        return null;
      default: {
        const c = this.text.charCodeAt(this.pos);
        if (c !== 0x2d && !(c >= 0x30 && c <= 0x39)) this.expectedValue();
        return Number(this.readNumberRaw());
      }
    }
  }

  private readKey(frame: PlainFrame, expectation: string): void {
    this.expectKey(expectation);
    frame.keyStart = this.pos;
    frame.key = this.readString();
    frame.keyEnd = this.pos;
    this.expectColon();
  }

  private setMember(frame: PlainFrame, value: unknown): void {
    const key = frame.key;
    if (hasOwn.call(frame.obj, key)) {
      this.warnings.push({
        kind: 'duplicateKey',
        key,
        span: { start: frame.keyStart, end: frame.keyEnd },
        path: pathOf(this.stack, (f) => (f.isObject ? f.key : f.arr.length)),
      });
    }
    setOwn(frame.obj, key, value);
  }
}

/**
 * The plain JavaScript value of a node, like `JSON.parse` would give (a repeated key keeps
 * its last value). Objects have the ordinary prototype, but every key is set as an own data
 * property — `"__proto__"` included — so no input can reach `Object.prototype`.
 * Iterative, so any depth the parser accepted is safe here too.
 */
export function toPlainValue(node: JsonNode): unknown {
  const holder: Record<string, unknown> = {};
  const work: { node: JsonNode; target: Record<string, unknown> | unknown[]; key: string | number }[] = [
    { node, target: holder, key: 'value' },
  ];
  for (let task = work.pop(); task !== undefined; task = work.pop()) {
    const n = task.node;
    let v: unknown;
    switch (n.kind) {
      case 'object': {
        const obj: Record<string, unknown> = {};
        for (let i = n.members.length - 1; i >= 0; i--) {
          const m = n.members[i];
          if (m !== undefined) work.push({ node: m.value, target: obj, key: m.key });
        }
        v = obj;
        break;
      }
      case 'array': {
        const arr: unknown[] = new Array<unknown>(n.items.length);
        for (let i = n.items.length - 1; i >= 0; i--) {
          const item = n.items[i];
          if (item !== undefined) work.push({ node: item, target: arr, key: i });
        }
        v = arr;
        break;
      }
      case 'string':
      case 'number':
      case 'boolean':
        v = n.value;
        break;
      case 'null':
        v = null;
        break;
    }
    setOwn(task.target, task.key, v);
  }
  return holder.value;
}

function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (typeof key === 'number') {
    (target as unknown[])[key] = value;
  } else if (key === '__proto__') {
    // INVARIANT: plain assignment would call the `__proto__` setter and change the prototype.
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}
