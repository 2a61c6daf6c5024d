/**
 * Builds plain JavaScript values for ./json.ts (`parseJsonValue`), without a tree.
 */
import { FIRST_KEY, NEXT_KEY, Scanner, pathOf, setOwn } from './jsonScanner';

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
export class PlainBuilder extends Scanner {
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
        return this.readShortString();
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
    frame.key = this.readShortString();
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
