/**
 * The platform's `JSON.parse`, used where it gives exactly what the strict parser
 * (./json.ts `parseJsonValue`) would: for text that is JSON, has no key twice in one object
 * and nests no deeper than asked. It is several times faster on a large file, which the
 * first world of a visit is (the engine worker parses it while the page starts).
 *
 * Anything else — not JSON, a duplicated key, deep nesting — returns null and is left to the
 * strict parser, which says where and why. Keys are plain data in both (`JSON.parse` defines
 * `__proto__` as an own property, as the strict parser does).
 */

/** Every string token, in order, with the colon after it when it is a key. */
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?/g;

/**
 * The value of `text` when it is JSON with unique keys and at most `maxDepth` levels of
 * objects and arrays; null when the strict parser must decide.
 */
export function parseNativeJson(text: string, maxDepth: number): { readonly value: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  // A key written twice in an object leaves one property: the text then has more keys than the value.
  let keysInText = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let token = STRING_TOKEN.exec(text); token !== null; token = STRING_TOKEN.exec(text)) if (token[1] !== undefined) keysInText++;
  let keysInValue = 0;
  const pending: unknown[] = [value];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const item = pending.pop();
    const depth = (depths.pop() as number) + 1;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > maxDepth) return null;
    const children = Array.isArray(item) ? item : Object.values(item);
    if (!Array.isArray(item)) keysInValue += children.length;
    for (const child of children) {
      if (typeof child !== 'object' || child === null) continue;
      pending.push(child);
      depths.push(depth);
    }
  }
  return keysInText === keysInValue ? { value } : null;
}
