/**
 * Builds the span-keeping tree of ./json.ts (`parseJson`).
 */
import type { JsonNode } from './json';
import { ArrayNode, BooleanNode, Member, NullNode, NumberNode, ObjectNode, StringNode } from './jsonNodes';
import { FIRST_KEY, LINEAR_DUPLICATE_SCAN, NEXT_KEY, Scanner, pathOf } from './jsonScanner';

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
export class TreeBuilder extends Scanner {
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
          value = new ObjectNode(fit(frame.list) as Member[], frame.start, ++this.pos);
        } else {
          frame.list.push(value);
          if (next === 0x2c /* , */) {
            this.pos++;
            this.skipWhitespace();
            break;
          }
          if (next !== 0x5d /* ] */) this.afterElement();
          stack.pop();
          value = new ArrayNode(fit(frame.list) as JsonNode[], frame.start, ++this.pos);
        }
      }
    }
  }

  private scalar(): JsonNode {
    const start = this.pos;
    switch (this.text.charCodeAt(start)) {
      case 0x22: /* " */ {
        const value = this.readShortString();
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
    frame.key = this.readShortString();
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

/**
 * A right-sized copy of a short list. An array grown by `push` keeps spare capacity (17
 * slots after the first push); a document's many small objects would carry that waste for
 * the whole life of the tree, and the garbage collector would copy it with them.
 */
function fit<T>(list: T[]): T[] {
  return list.length <= 16 ? list.slice() : list;
}
