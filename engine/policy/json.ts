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
import { PlainBuilder } from './jsonPlain';
import { ParseFailure, setOwn } from './jsonScanner';
import { TreeBuilder } from './jsonTree';
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

/** A usable depth limit: a non-negative integer, else the default. */
function depthLimit(options: JsonParseOptions): number {
  const d = options.maxDepth;
  return d !== undefined && Number.isFinite(d) && d >= 0 ? Math.floor(d) : DEFAULT_JSON_MAX_DEPTH;
}

/** Parses `text` as one JSON value, keeping every span. Never throws. */
export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const builder = new TreeBuilder(text, depthLimit(options));
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
  const builder = new PlainBuilder(text, depthLimit(options));
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
