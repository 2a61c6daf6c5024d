import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './encoding';
import { hmacKey, hmacSha256, hmacSha256HexOfText, sha256, sha256HexOfText } from './sha256';

async function webSha256(data: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', data));
}

async function webHmac(key: Uint8Array, data: Uint8Array): Promise<string> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', k, data));
}

describe('SHA-256 (FIPS 180-4 examples)', () => {
  it.each([
    ['the empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc" (one block)', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'the 448-bit message (two blocks)',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['one million "a"', 'a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('%s', (_what, text, digest) => {
    expect(sha256HexOfText(text)).toBe(digest);
    expect(toHex(sha256(utf8(text)))).toBe(digest);
  });

  it('agrees with WebCrypto at every padding boundary (lengths 0–200)', async () => {
    for (let n = 0; n <= 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      expect(toHex(sha256(data)), `length ${n}`).toBe(await webSha256(data));
    }
  });

  it('agrees with WebCrypto on any text, surrogates included (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }), async (codes) => {
        const text = String.fromCharCode(...codes);
        expect(sha256HexOfText(text)).toBe(await webSha256(utf8(text)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('HMAC-SHA-256 (RFC 4231 test cases)', () => {
  it('test case 2: key "Jefe"', () => {
    expect(hmacSha256HexOfText(hmacKey(utf8('Jefe')), 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('test case 6: a 131-byte key is hashed first', () => {
    const key = new Uint8Array(131).fill(0xaa);
    expect(toHex(hmacSha256(hmacKey(key), utf8('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with WebCrypto for any key and message (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.uint8Array({ maxLength: 300 }), async (key, data) => {
        expect(toHex(hmacSha256(hmacKey(key), data))).toBe(await webHmac(key, data));
      }),
      { numRuns: 200 },
    );
  });
});
