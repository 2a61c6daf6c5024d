/**
 * Tells the other tabs of this site what this tab stored (BroadcastChannel
 * `iam-playground`), so a tab showing the same workspace learns promptly that it changed.
 * Messages are hints: the revision check in IndexedDB is what guarantees that nothing is
 * overwritten, so a browser without BroadcastChannel only learns later (on its next save or
 * when the tab is shown again).
 */
export const CHANNEL_NAME = 'iam-playground';

export type SyncMessage =
  | { readonly type: 'saved'; readonly id: string; readonly revision: number }
  | { readonly type: 'renamed'; readonly id: string; readonly name: string }
  | { readonly type: 'created'; readonly id: string }
  | { readonly type: 'deleted'; readonly id: string };

/** A message from another tab, or `null` for anything else (another version of the app may send other shapes). */
export function readSyncMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Readonly<Record<string, unknown>>;
  if (typeof m.id !== 'string' || m.id === '') return null;
  switch (m.type) {
    case 'saved':
      return Number.isSafeInteger(m.revision) ? { type: 'saved', id: m.id, revision: m.revision as number } : null;
    case 'renamed':
      return typeof m.name === 'string' ? { type: 'renamed', id: m.id, name: m.name } : null;
    case 'created':
    case 'deleted':
      return { type: m.type, id: m.id };
    default:
      return null;
  }
}

export interface SyncChannel {
  post(message: SyncMessage): void;
  close(): void;
}

/** Opens the channel; `receive` gets every valid message of the other tabs (never this tab's own). */
export function openSyncChannel(receive: (message: SyncMessage) => void): SyncChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = readSyncMessage(event.data);
    if (message) receive(message);
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
