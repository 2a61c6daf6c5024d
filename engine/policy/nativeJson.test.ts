import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonValue } from './json';
import { parseNativeJson } from './nativeJson';

/** What the strict parser gives when it has nothing to warn about a key, else null. */
function strict(text: string, maxDepth: number): { value: unknown } | null {
  const parsed = parseJsonValue(text, { maxDepth });
  if (!parsed.ok || parsed.warnings.some((w) => w.kind === 'duplicateKey')) return null;
  return { value: parsed.value };
}

describe('parseNativeJson: the platform parser only where it agrees with the strict one', () => {
  it.each([
    ['an object', '{"a": 1, "b": [true, null, "x"]}'],
    ['escaped quotes and colons inside strings', '{"a\\"b": "c\\":d", "e": "\\\\", "f": "\\"\\":"}'],
    ['`__proto__` as a plain key', '{"__proto__": {"polluted": true}, "x": 1}'],
    ['unicode escapes and lone surrogates', '{"k\\u00e9": "\\ud800", "n": -0, "big": 1e400}'],
    ['empty containers', '{"a": {}, "b": [], "c": [{}, []]}'],
    ['a bare value', '"just a string"'],
    ['whitespace everywhere', ' \n\t{ "a" \r\n :\t[ 1 , 2 ] } \n'],
  ])('reads %s as the strict parser does', (_, text) => {
    const plain = parseNativeJson(text, 128);
    expect(plain).not.toBeNull();
    expect(plain).toEqual(strict(text, 128));
    if (text.includes('__proto__')) expect(Object.getPrototypeOf((plain?.value ?? {}) as object)).toBe(Object.prototype);
  });

  it.each([
    ['a key twice', '{"a": 1, "a": 2}'],
    ['a key twice deep inside an array', '[{"x": {"y": 1, "z": 2, "y": 3}}]'],
    ['the same key spelt with an escape', '{"a": 1, "\\u0061": 2}'],
    ['text that is not JSON', '{"a": 1,}'],
    ['a comment', '{"a": 1} // no'],
    ['nothing', ''],
  ])('leaves %s to the strict parser', (_, text) => {
    expect(parseNativeJson(text, 128)).toBeNull();
  });

  it('accepts exactly the nesting the strict parser accepts', () => {
    const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    expect(parseNativeJson(nested(5), 5)).toEqual(strict(nested(5), 5));
    expect(parseNativeJson(nested(6), 5)).toBeNull();
    expect(strict(nested(6), 5)).toBeNull();
    expect(parseNativeJson(nested(100_000), 128)).toBeNull();
  });

  it('agrees with the strict parser on random JSON, with and without duplicated keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, duplicate) => {
        let text = JSON.stringify(value, null, duplicate ? undefined : 1) ?? 'null';
        // Duplicate the first key of the first object, when there is one.
        if (duplicate) text = text.replace(/\{("(?:[^"\\]|\\.)*"):/, '{$1:0,$1:');
        expect(parseNativeJson(text, 64)).toEqual(strict(text, 64));
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });
});
