/**
 * Inflating DEFLATE data from a stranger, with a ceiling: a few kilobytes can unpack to
 * gigabytes (DEFLATE reaches about 1:1000), so the input is fed in small pieces and the
 * output counted as it comes; past `maxBytes` it stops. Memory in use stays near the
 * ceiling whatever the input.
 */
import { Inflate } from 'fflate';

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'tooLarge' | 'damaged'; readonly detail: string };

/** Input fed per step: at most ~1 MB of output per step, even at DEFLATE's best ratio. */
const STEP = 1024;

export function inflateCapped(data: Uint8Array, maxBytes: number): InflateResult {
  if (data.length === 0) return { ok: false, reason: 'damaged', detail: 'there is no data' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && total <= maxBytes; i += STEP) {
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    }
  } catch (e) {
    // fflate throws on a corrupt or truncated stream ("invalid block type", "unexpected EOF").
    return { ok: false, reason: 'damaged', detail: e instanceof Error ? e.message : String(e) };
  }
  if (total > maxBytes) return { ok: false, reason: 'tooLarge', detail: `it unpacks to more than ${maxBytes} bytes` };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}
