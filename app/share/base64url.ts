/**
 * base64url without padding (RFC 4648 §5): the alphabet of a URL fragment that no browser,
 * chat app or mail client re-encodes. Decoding is strict: anything else is refused, not
 * skipped, so a damaged link is noticed here rather than as garbage further on.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function encodeBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    line += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    if (left > 1) line += ALPHABET.charAt((n >> 6) & 63);
    if (left > 2) line += ALPHABET.charAt(n & 63);
    // Short pieces joined once: repeated concatenation of one long string is slower.
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  parts.push(line);
  return parts.join('');
}

/** The bytes, or undefined when `text` is not base64url (a character outside the alphabet, or a length no encoding has). */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const count = Math.min(4, text.length - i);
    for (let k = 0; k < 4; k++) {
      let v = 0;
      if (k < count) {
        const code = text.charCodeAt(i + k);
        v = code < 128 ? (VALUES[code] ?? -1) : -1;
        if (v < 0) return undefined;
      }
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (count > 2) out[o++] = (n >> 8) & 255;
    if (count > 3) out[o++] = n & 255;
  }
  return out;
}
