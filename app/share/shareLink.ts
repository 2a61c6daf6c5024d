/**
 * Share by URL: a world compressed into the address's fragment (`#w=<version>.<data>`), so
 * no server ever sees it. The payload is versioned; a link made by an older version of the
 * site is migrated, step by step, to the current shape before it is opened. Decoding is
 * hostile-input safe: a damaged, truncated or oversized link is refused with a reason.
 * The scenario inside must still be validated by the engine before it is opened.
 */
import type { Positions } from '../store/worldSlice';

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

/** The fragment (without `#`) for `shared`. */
export async function encodeShareFragment(shared: SharedWorld): Promise<string> {
  void shared;
  throw new Error('encodeShareFragment: being written (app/share).');
}

/** Reads a fragment (with or without `#`); `notAShareLink` when it is some other fragment. */
export async function decodeShareFragment(fragment: string): Promise<DecodeResult> {
  void fragment;
  throw new Error('decodeShareFragment: being written (app/share).');
}
