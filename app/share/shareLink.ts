/**
 * Share by URL: a world compressed into the address's fragment (`#w=<version>.<data>`), so
 * no server ever sees it. The payload is versioned; a link made by an older version of the
 * site is migrated, step by step, to the current shape before it is opened. Decoding is
 * hostile-input safe: a damaged, truncated or oversized link is refused with a reason.
 * The scenario inside must still be validated by the engine before it is opened.
 *
 * `<data>` is base64url (no padding) of the raw DEFLATE (RFC 1951) of the payload's JSON in
 * UTF-8. Payload versions:
 *   1 — the scenario alone;
 *   2 — `{ "scenario": …, "positions": { nodeId: { "x", "y" } }, "name"?: "…" }`.
 */
import { parseJsonValue } from '../../engine/policy/json';
import type { Positions, XY } from '../store/worldSlice';
import { decodeBase64Url, encodeBase64Url } from './base64url';

/** What a link carries. */
export interface SharedWorld {
  /** The scenario as plain JSON (validated by the engine on open, never trusted). */
  readonly scenario: unknown;
  readonly positions: Positions;
  /** The workspace's name, offered as the new workspace's name. */
  readonly name?: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly shared: SharedWorld; readonly version: number }
  | { readonly ok: false; readonly reason: 'notAShareLink' | 'unknownVersion' | 'damaged' | 'tooLarge'; readonly message: string };

type Failure = Extract<DecodeResult, { ok: false }>;

/**
 * The migration chain: `MIGRATIONS[i]` turns a payload of version i + 1 into version i + 2.
 * A new version appends its step here; links of every older version keep opening.
 */
const MIGRATIONS: readonly ((payload: unknown) => unknown)[] = [
  // 1 → 2: the bare scenario gains positions (none yet: the map lays it out) and no name.
  (scenario) => ({ scenario, positions: {} }),
];

/** The version `encodeShareFragment` writes. */
export const SHARE_LINK_VERSION = MIGRATIONS.length + 1;

/** The fragment's key: `#w=…`. */
const KEY = 'w=';

/**
 * The longest fragment read: twice Chromium's URL limit (2 MiB, `url::kMaxURLChars`), as
 * a link longer than any browser opens can only come pasted, and pasting megabytes is no use.
 */
export const MAX_FRAGMENT_CHARS = 4 * 1024 * 1024;

/** The most a link may unpack to: far beyond a real world, far below a decompression bomb. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/** Chromium refuses longer URLs (2 MiB); other browsers take at least as much. */
export const BROWSER_URL_LIMIT = 2 * 1024 * 1024;

/** Some chat apps, mail clients and link shorteners cut links beyond a few thousand characters. */
export const PORTABLE_URL_LENGTH = 2000;

/** Parsing depth of the payload, as for a scenario file (engine/scenario/load.ts). */
const MAX_DEPTH = 128;

function fail(reason: Failure['reason'], message: string): Failure {
  return { ok: false, reason, message };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(value: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** The fragment (without `#`) for `shared`. */
export async function encodeShareFragment(shared: SharedWorld): Promise<string> {
  // Fields copied one by one: whatever else the caller's object holds stays out of the link.
  const payload = { scenario: shared.scenario, positions: shared.positions, ...(shared.name !== undefined ? { name: shared.name } : {}) };
  // The compressor is loaded with the first link made or opened: most visits have none.
  const { deflateSync } = await import('fflate');
  const packed = deflateSync(new TextEncoder().encode(JSON.stringify(payload)), { level: 9 });
  return `${KEY}${SHARE_LINK_VERSION}.${encodeBase64Url(packed)}`;
}

/** The address to share: `pageUrl` without its own fragment, then `#` and the fragment. */
export function shareUrl(pageUrl: string, fragment: string): string {
  const hash = pageUrl.indexOf('#');
  return `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}#${fragment}`;
}

/** How long the address to share would be, in characters, so the UI can warn before the learner copies it. */
export function shareUrlLength(pageUrl: string, fragment: string): number {
  const hash = pageUrl.indexOf('#');
  return (hash < 0 ? pageUrl.length : hash) + 1 + fragment.length;
}

/** Where a link of this length gets through: everywhere, only pasted into a browser, or nowhere. */
export type ShareUrlReach = 'anywhere' | 'browsersOnly' | 'tooLong';

export function shareUrlReach(length: number): ShareUrlReach {
  if (length > BROWSER_URL_LIMIT) return 'tooLong';
  return length > PORTABLE_URL_LENGTH ? 'browsersOnly' : 'anywhere';
}

/** A current-version payload, copied field by field (never spread: it is a stranger's JSON). */
function readShared(payload: unknown): { readonly ok: true; readonly shared: SharedWorld } | Failure {
  if (!isRecord(payload)) return fail('damaged', 'The link is damaged: its data is not a shared world.');
  const scenario = own(payload, 'scenario');
  if (!isRecord(scenario)) return fail('damaged', 'The link is damaged: it holds no scenario.');
  const rawPositions = own(payload, 'positions');
  if (!isRecord(rawPositions)) return fail('damaged', 'The link is damaged: its positions are not a map of node ids.');
  const positions: Record<string, XY> = {};
  for (const id of Object.keys(rawPositions)) {
    const xy = rawPositions[id];
    const x = isRecord(xy) ? own(xy, 'x') : undefined;
    const y = isRecord(xy) ? own(xy, 'y') : undefined;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return fail('damaged', `The link is damaged: the position of \`${id.slice(0, 80)}\` is not { x, y } numbers.`);
    }
    // INVARIANT: defineProperty, not assignment: a node id `__proto__` must stay a plain key.
    Object.defineProperty(positions, id, { value: { x, y }, enumerable: true, writable: true, configurable: true });
  }
  const name = own(payload, 'name');
  if (name !== undefined && typeof name !== 'string') return fail('damaged', 'The link is damaged: its name is not text.');
  return { ok: true, shared: { scenario, positions, ...(name !== undefined ? { name } : {}) } };
}

/** Reads a fragment (with or without `#`); `notAShareLink` when it is some other fragment. */
export async function decodeShareFragment(fragment: string): Promise<DecodeResult> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith(KEY)) return fail('notAShareLink', 'The address holds no shared world (its fragment does not start with `w=`).');
  if (text.length > MAX_FRAGMENT_CHARS) return fail('tooLarge', `The link is ${text.length} characters long; at most ${MAX_FRAGMENT_CHARS} are read.`);
  const match = /^w=(\d{1,9})\.(.*)$/s.exec(text);
  if (!match) return fail('damaged', 'The link is damaged: it does not have the form `#w=<version>.<data>`.');
  const version = Number(match[1]);
  if (version < 1 || version > SHARE_LINK_VERSION) {
    return fail(
      'unknownVersion',
      version > SHARE_LINK_VERSION
        ? `The link was made by a newer version of the site (link version ${version}; this one reads versions 1 to ${SHARE_LINK_VERSION}): reload the page to update it.`
        : `Link version ${version} does not exist (versions start at 1).`,
    );
  }
  // Mail clients wrap long links: whitespace is never part of base64url, so it is dropped.
  const bytes = decodeBase64Url((match[2] ?? '').replace(/[\t\n\r ]/g, ''));
  if (!bytes) return fail('damaged', 'The link is damaged: it holds characters a share link never has, or it was cut short.');
  const { inflateCapped } = await import('./inflateCapped');
  const inflated = inflateCapped(bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'tooLarge'
      ? fail('tooLarge', `The link's world is too large: ${inflated.detail}.`)
      : fail('damaged', `The link is damaged or cut short: its data does not unpack (${inflated.detail}).`);
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('damaged', 'The link is damaged: its data is not UTF-8 text.');
  }
  const parsed = parseJsonValue(json, { maxDepth: MAX_DEPTH });
  if (!parsed.ok) return fail('damaged', `The link is damaged: its data is not JSON (${parsed.error.message}).`);
  let payload = parsed.value;
  for (const migrate of MIGRATIONS.slice(version - 1)) payload = migrate(payload);
  const read = readShared(payload);
  return read.ok ? { ok: true, shared: read.shared, version } : read;
}
