/**
 * What the classroom keeps in this browser (localStorage, versioned; a full or disabled
 * storage only costs the memory of it):
 * - `iam-playground.classroom`: which pack is open and where it came from;
 * - `iam-playground.pack.<id>`: the pack's text, so a pack opened by URL or from a file
 *   opens again after a reload and offline (validated again when read: stored text is
 *   input like any other);
 * - `iam-playground.progress.<id>`: the learner's progress in that pack, and the exercise
 *   that was open.
 * Values read back are copied field by field, never spread: a stored value from another
 * version or a tampered one cannot put anything else into the store.
 */
import type { ExerciseJudgement, PerformedRecord } from '../../engine/check/exercise';
import type { ExerciseProgress, PackSource } from '../store/exerciseSlice';

const VERSION = 1;
const CURRENT_KEY = 'iam-playground.classroom';
const packKey = (id: string) => `iam-playground.pack.${id}`;
const progressKey = (id: string) => `iam-playground.progress.${id}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readJson(key: string): unknown {
  try {
    const text = storage()?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: the classroom works, it is only not remembered.
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function readSource(v: unknown): PackSource | undefined {
  if (!isRecord(v)) return undefined;
  if (v['kind'] === 'builtin' && str(v['path'])) return { kind: 'builtin', path: str(v['path'])! };
  if (v['kind'] === 'url' && str(v['url'])) return { kind: 'url', url: str(v['url'])! };
  if (v['kind'] === 'file' && str(v['name']) !== undefined) return { kind: 'file', name: str(v['name'])! };
  return undefined;
}

/** The pack open last: its id and source. */
export function readCurrentPack(): { readonly id: string; readonly source: PackSource } | undefined {
  const v = readJson(CURRENT_KEY);
  if (!isRecord(v) || v['version'] !== VERSION) return undefined;
  const id = str(v['id']);
  const source = readSource(v['source']);
  return id && source ? { id, source } : undefined;
}

export function writeCurrentPack(id: string, source: PackSource): void {
  write(CURRENT_KEY, { version: VERSION, id, source });
}

export function readPackTextStored(id: string): string | undefined {
  const v = readJson(packKey(id));
  return isRecord(v) && v['version'] === VERSION ? str(v['text']) : undefined;
}

export function writePackText(id: string, text: string): void {
  write(packKey(id), { version: VERSION, text });
}

function readPerformed(v: unknown): PerformedRecord[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((r): PerformedRecord[] => {
    if (!isRecord(r) || !str(r['action']) || !str(r['resource']) || !str(r['decision'])) return [];
    const caller = str(r['caller']);
    return [{ action: str(r['action'])!, resource: str(r['resource'])!, decision: str(r['decision'])!, ...(caller === undefined ? {} : { caller }) }];
  });
}

/** A stored judgement is only a summary for the overview; a malformed one is dropped. */
function readJudgement(v: unknown): ExerciseJudgement | undefined {
  if (!isRecord(v) || !Array.isArray(v['goals']) || typeof v['met'] !== 'number' || typeof v['of'] !== 'number' || typeof v['solved'] !== 'boolean') return undefined;
  return v as unknown as ExerciseJudgement;
}

export interface StoredProgress {
  readonly exercises: Readonly<Record<string, ExerciseProgress>>;
  readonly active: string | null;
}

export function readProgress(packId: string): StoredProgress {
  const v = readJson(progressKey(packId));
  const exercises: Record<string, ExerciseProgress> = {};
  if (!isRecord(v) || v['version'] !== VERSION || !isRecord(v['exercises'])) return { exercises, active: null };
  for (const [id, p] of Object.entries(v['exercises'])) {
    if (!isRecord(p)) continue;
    const workspaceId = str(p['workspaceId']);
    const solvedAt = str(p['solvedAt']);
    const lastJudgement = readJudgement(p['lastJudgement']);
    const hints = p['hintsShown'];
    exercises[id] = {
      hintsShown: typeof hints === 'number' && Number.isInteger(hints) && hints >= 0 ? hints : 0,
      performed: readPerformed(p['performed']),
      ...(workspaceId === undefined ? {} : { workspaceId }),
      ...(solvedAt === undefined ? {} : { solvedAt }),
      ...(lastJudgement === undefined ? {} : { lastJudgement }),
    };
  }
  return { exercises, active: str(v['active']) ?? null };
}

export function writeProgress(packId: string, exercises: Readonly<Record<string, ExerciseProgress>>, active: string | null): void {
  write(progressKey(packId), { version: VERSION, exercises, active });
}
