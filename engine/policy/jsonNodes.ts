/**
 * The node classes behind the `JsonNode` interfaces of ./json.ts.
 *
 * A parse of a large scenario file allocates one object per value: the span is computed
 * on access from `start`/`end` instead of being a second object per value, because the
 * young-generation garbage collector, not the scanning, dominates a large parse.
 */
import type {
  JsonArrayNode,
  JsonBooleanNode,
  JsonMember,
  JsonNode,
  JsonNullNode,
  JsonNumberNode,
  JsonObjectNode,
  JsonStringNode,
} from './json';
import type { Span } from './types';

// INVARIANT: no class fields below (define semantics would slow construction ~3x); fields
// are assigned in constructors, and `kind` and `span` live on the prototypes.
function spanOf(this: { start: number; end: number }): Span {
  return { start: this.start, end: this.end };
}
export class ObjectNode implements JsonObjectNode {
  declare readonly kind: 'object';
  declare readonly span: Span;
  declare readonly members: JsonMember[];
  declare readonly start: number;
  declare readonly end: number;
  constructor(members: JsonMember[], start: number, end: number) {
    (this as { members: JsonMember[] }).members = members;
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
export class ArrayNode implements JsonArrayNode {
  declare readonly kind: 'array';
  declare readonly span: Span;
  declare readonly items: JsonNode[];
  declare readonly start: number;
  declare readonly end: number;
  constructor(items: JsonNode[], start: number, end: number) {
    (this as { items: JsonNode[] }).items = items;
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
export class StringNode implements JsonStringNode {
  declare readonly kind: 'string';
  declare readonly span: Span;
  declare readonly value: string;
  declare readonly start: number;
  declare readonly end: number;
  constructor(value: string, start: number, end: number) {
    (this as { value: string }).value = value;
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
export class NumberNode implements JsonNumberNode {
  declare readonly kind: 'number';
  declare readonly span: Span;
  declare readonly raw: string;
  declare readonly value: number;
  declare readonly start: number;
  declare readonly end: number;
  constructor(raw: string, value: number, start: number, end: number) {
    (this as { raw: string }).raw = raw;
    (this as { value: number }).value = value;
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
export class BooleanNode implements JsonBooleanNode {
  declare readonly kind: 'boolean';
  declare readonly span: Span;
  declare readonly value: boolean;
  declare readonly start: number;
  declare readonly end: number;
  constructor(value: boolean, start: number, end: number) {
    (this as { value: boolean }).value = value;
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
export class NullNode implements JsonNullNode {
  declare readonly kind: 'null';
  declare readonly span: Span;
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
  }
}
export class Member implements JsonMember {
  declare readonly key: string;
  declare readonly keySpan: Span;
  declare readonly value: JsonNode;
  declare readonly keyStart: number;
  declare readonly keyEnd: number;
  constructor(key: string, keyStart: number, keyEnd: number, value: JsonNode) {
    (this as { key: string }).key = key;
    (this as { keyStart: number }).keyStart = keyStart;
    (this as { keyEnd: number }).keyEnd = keyEnd;
    (this as { value: JsonNode }).value = value;
  }
}
for (const [cls, kind] of [
  [ObjectNode, 'object'],
  [ArrayNode, 'array'],
  [StringNode, 'string'],
  [NumberNode, 'number'],
  [BooleanNode, 'boolean'],
  [NullNode, 'null'],
] as const) {
  Object.defineProperty(cls.prototype, 'kind', { value: kind, enumerable: true });
  Object.defineProperty(cls.prototype, 'span', { get: spanOf, enumerable: true });
}
Object.defineProperty(Member.prototype, 'keySpan', {
  get(this: Member): Span {
    return { start: this.keyStart, end: this.keyEnd };
  },
  enumerable: true,
});

