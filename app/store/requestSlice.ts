/**
 * The request console's draft (what the learner is building, app/request/console/draft.ts),
 * the last answer of the engine, and the last batch run of the saved requests. Results hold
 * only what the engine returned: the UI renders them, never recomputes them.
 */
import type { StateCreator } from 'zustand';
import type { EditError } from '../../engine/edit/types';
import type { DecisionResult, WhatIf } from '../../engine/evaluate/types';
import type { AppliedCall } from '../../engine/iamApi/types';
import type { SessionSummary } from '../../engine/pipeline/sessions';
import type { CloudTrailEvent } from '../../engine/trail/types';
import type { RequestJson } from '../../engine/scenario/types';
import { EMPTY_DRAFT, type RequestDraft } from '../request/console/draft';
import type { AppState } from './index';

export type { RequestDraft } from '../request/console/draft';

export type RequestResult =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly request: RequestJson }
  | {
      readonly state: 'done';
      readonly request: RequestJson;
      readonly decision: DecisionResult;
      readonly expected: string | undefined;
      /** The record the event log keeps of this request. */
      readonly event: CloudTrailEvent;
      /** The session a successful STS call issued. */
      readonly issued?: SessionSummary;
      /** Set when this answer is a what-if evaluation (never logged, issues no session). */
      readonly whatIf?: WhatIf;
      /** What the simulated IAM API did with an allowed IAM write (applied to the world as one undoable step). */
      readonly applied?: AppliedCall;
      /** Why the store refused the edits of `applied` (the world did not change). */
      readonly applyError?: EditError;
    }
  | { readonly state: 'failed'; readonly request: RequestJson; readonly message: string; readonly restarted: boolean };

/** One saved request of a batch run and the engine's answer to it. */
export interface BatchRow {
  readonly id: string;
  readonly result: RequestResult;
}

/** "Run all": every saved request in order, answered one by one. */
export type BatchRun =
  | { readonly state: 'idle' }
  | { readonly state: 'running' | 'done'; readonly rows: readonly BatchRow[]; readonly total: number };

export interface RequestSlice {
  readonly draft: RequestDraft;
  readonly result: RequestResult;
  readonly batch: BatchRun;
  /** Changes fields of the draft; unless the patch names one, the form is no longer a saved request's. */
  setDraft(patch: Partial<RequestDraft>): void;
  setResult(result: RequestResult): void;
  setBatch(batch: BatchRun): void;
}

export const createRequestSlice: StateCreator<AppState, [], [], RequestSlice> = (set) => ({
  draft: EMPTY_DRAFT,
  result: { state: 'idle' },
  batch: { state: 'idle' },
  // Editing a field by hand detaches the form from the saved request it was filled from.
  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, exampleId: undefined, ...patch } })),
  setResult: (result) => set({ result }),
  setBatch: (batch) => set({ batch }),
});
