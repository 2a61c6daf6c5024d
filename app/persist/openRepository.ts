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

export async function openRepository(onLost: (reason: LostReason) => void): Promise<OpenedStorage> {
  try {
    if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('This browser has no IndexedDB.');
    const repository = await new Promise<IdbRepository>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('IndexedDB did not open in time.')), OPEN_TIMEOUT_MS);
      IdbRepository.open(onLost).then(
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
