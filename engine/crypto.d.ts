/**
 * The engine runs without the DOM and without Node's types, but uses WebCrypto, which
 * browsers, workers and Node ≥ 20 all provide as `globalThis.crypto`. Only what the
 * engine uses is declared here.
 */
interface EngineSubtleCrypto {
  importKey(
    format: 'raw',
    keyData: ArrayBuffer | ArrayBufferView,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' | 'SHA-1' },
    extractable: boolean,
    usages: readonly 'sign'[],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC' | { name: 'HMAC' }, key: unknown, data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256' | 'SHA-1', data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
}
// eslint-disable-next-line no-var -- a global declaration must be `var`
declare var crypto: { readonly subtle: EngineSubtleCrypto; getRandomValues<T extends ArrayBufferView>(array: T): T };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder { constructor(label?: string, options?: { fatal?: boolean }); decode(input?: ArrayBuffer | ArrayBufferView): string }
