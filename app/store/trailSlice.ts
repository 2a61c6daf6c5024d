/**
 * The event log: one CloudTrail-shaped record per request the learner sent (what-if
 * evaluations excluded), newest last, with the engine's whole answer so the decision of any
 * past request can be shown again. Never undoable.
 */
import type { StateCreator } from 'zustand';
import type { DecisionResult } from '../../engine/evaluate/types';
import type { AppliedCall } from '../../engine/iamApi/types';
import type { SessionSummary } from '../../engine/pipeline/sessions';
import type { RequestJson } from '../../engine/scenario/types';
import type { CloudTrailEvent } from '../../engine/trail/types';
import type { AppState } from './index';

export interface TrailEntry {
  /** The record's `eventID`. */
  readonly id: string;
  readonly request: RequestJson;
  readonly result: DecisionResult;
  readonly event: CloudTrailEvent;
  readonly issued?: SessionSummary;
  /** What the simulated IAM API applied, without its response (a secret access key is shown once, never kept in the log). */
  readonly applied?: Omit<AppliedCall, 'response'>;
}

/** The log keeps the newest entries only: a classroom session never needs more. */
export const TRAIL_LIMIT = 1000;

export interface TrailSlice {
  readonly trail: readonly TrailEntry[];
  appendTrail(entry: TrailEntry): void;
  clearTrail(): void;
}

export const createTrailSlice: StateCreator<AppState, [], [], TrailSlice> = (set) => ({
  trail: [],
  appendTrail: (entry) => set((s) => ({ trail: [...s.trail, entry].slice(-TRAIL_LIMIT) })),
  clearTrail: () => set({ trail: [] }),
});
