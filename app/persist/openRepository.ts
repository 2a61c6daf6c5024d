/**
 * Opens the workspace storage: IndexedDB when the browser allows it, else this tab's memory
 * with the reason, so the app still works and can say that nothing will be kept.
 */
import { IdbRepository, type LostReason } from './idbRepository';
import { MemoryRepository } from './memoryRepository';
import type { WorkspaceRepository } from './repository';

/** Why workspaces live in memory only. */
export type RefusedReason = 'unavailable' | 'newerVersion';

export interface OpenedStorage {
  readonly repository: WorkspaceRepository;
  readonly refused?: RefusedReason;
}

/** An open that neither succeeds nor fails (another tab blocks the upgrade) must not keep the world from opening. */
const OPEN_TIMEOUT_MS = 5000;

/**
 * The opening started by `startOpeningStorage`, and whom to tell when the database is lost:
 * the listener arrives with `openRepository`, perhaps after the loss.
 */
interface EarlyOpening {
  readonly opening: Promise<IdbRepository>;
  listener: ((reason: LostReason) => void) | null;
  lost: LostReason | null;
}
let early: EarlyOpening | null = null;

/**
 * Starts opening IndexedDB now (app/startLoading.ts, before the app is evaluated), so the
 * opening overlaps the start-up; `openRepository` then takes it over. Without it,
 * `openRepository` opens the database itself.
 */
export function startOpeningStorage(): void {
  try {
    // Reading `indexedDB` itself throws where the browser refuses storage (a SecurityError).
    if (early || typeof indexedDB === 'undefined' || indexedDB === null) return;
    const state: EarlyOpening = {
      opening: IdbRepository.open((reason) => {
        if (state.listener) state.listener(reason);
        else state.lost = reason;
      }),
      listener: null,
      lost: null,
    };
    // A failure is reported to `openRepository`, which falls back to memory.
    state.opening.catch(() => undefined);
    early = state;
  } catch {
    // Refused: `openRepository` tries again, finds the same, and says why.
  }
}

/** The opening of the database: the one started early (taken once), else a new one. */
function opening(onLost: (reason: LostReason) => void): Promise<IdbRepository> {
  const started = early;
  early = null;
  if (!started) return IdbRepository.open(onLost);
  started.listener = onLost;
  const lost = started.lost;
  // Lost before anyone listened: told once the caller has taken the storage.
  if (lost) setTimeout(() => onLost(lost), 0);
  return started.opening;
}

export async function openRepository(onLost: (reason: LostReason) => void): Promise<OpenedStorage> {
  try {
    if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('This browser has no IndexedDB.');
    const repository = await new Promise<IdbRepository>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('IndexedDB did not open in time.')), OPEN_TIMEOUT_MS);
      opening(onLost).then(
        (opened) => {
          clearTimeout(timer);
          resolve(opened);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    return { repository };
  } catch (error) {
    // A VersionError: the database was upgraded by a newer version of the app (this tab runs an older one).
    const refused: RefusedReason = error instanceof Error && error.name === 'VersionError' ? 'newerVersion' : 'unavailable';
    return { repository: new MemoryRepository(), refused };
  }
}
