/**
 * The compare-and-set rule both repositories apply inside one transaction: a tab writes a
 * workspace's document only if the stored revision is still the one it last read or
 * wrote; otherwise another tab saved in between and nothing is overwritten.
 */
import type { WorldDocument } from '../store/worldSlice';
import type { WorkspaceRecord, WorkspaceView } from './schema';

export type SaveResult =
  | { readonly ok: true; readonly record: WorkspaceRecord }
  /** Another tab saved since `expectedRevision`: `stored` is what it saved. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly stored: WorkspaceRecord }
  /** The workspace is gone (deleted in another tab). */
  | { readonly ok: false; readonly reason: 'missing' };

/** The record after saving `document` over `stored`, or why it must not be written. */
export function compareAndSet(
  stored: WorkspaceRecord | undefined,
  expectedRevision: number,
  document: WorldDocument,
  view: WorkspaceView,
  now: number,
): SaveResult {
  if (!stored) return { ok: false, reason: 'missing' };
  if (stored.revision !== expectedRevision) return { ok: false, reason: 'conflict', stored };
  return { ok: true, record: { ...stored, document, view, revision: stored.revision + 1, updatedAt: Math.max(now, stored.updatedAt) } };
}
