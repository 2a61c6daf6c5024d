/**
 * The BinaryEquals condition operator ("Condition operators" → Binary condition
 * operators): "compares the value of the specified key byte for byte against a base-64
 * encoded representation of the binary value in the policy". The request context holds
 * strings, so a binary context value is given base64-encoded too; both sides are decoded
 * and the bytes compared (so padding or line-length differences do not matter). A value
 * that is not base64 never matches. No policy variables.
 */
import { cachedParser, templatesOf, valueSet, type Family, type ValueTest } from './family';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes standard base64 (padding optional) to a string of bytes (one char per byte);
 * `undefined` when it is not base64.
 */
export function decodeBase64(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  if (text.length - end > 2) return undefined;
  if (text.length !== end && text.length % 4 !== 0) return undefined;
  if (end % 4 === 1) return undefined;
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (DECODE[code] as number) : -1;
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

const parseContextBinary = cachedParser(decodeBase64);

export const binaryEqualsFamily: Family = {
  name: 'BinaryEquals',
  variables: false,
  compile(values, version) {
    const templates = templatesOf(values, false, version);
    const tests = values.map((v): ValueTest<string> => {
      const policy = decodeBase64(v);
      if (policy === undefined) return () => 0;
      return (bytes) => (bytes === policy ? 1 : 0);
    });
    return valueSet(templates, parseContextBinary, tests);
  },
};
