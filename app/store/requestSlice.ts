/**
 * The request form (principal, action, resource) and the last answer of the engine. The
 * result holds only what the engine returned: the UI renders it, never recomputes it.
 */
import type { StateCreator } from 'zustand';
import type { DecisionResult, WhatIf } from '../../engine/evaluate/types';
import type { SessionSummary } from '../../engine/pipeline/sessions';
import type { CloudTrailEvent } from '../../engine/trail/types';
import type { RequestJson } from '../../engine/scenario/types';
import type { AppState } from './index';

export interface RequestDraft {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The scenario request the form was filled from, while unchanged (its context and `expect` come along). */
  readonly exampleId?: string;
}

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
    }
  | { readonly state: 'failed'; readonly request: RequestJson; readonly message: string; readonly restarted: boolean };

export interface RequestSlice {
  readonly draft: RequestDraft;
  readonly result: RequestResult;
  setDraft(patch: Partial<RequestDraft>): void;
  setResult(result: RequestResult): void;
}

export const createRequestSlice: StateCreator<AppState, [], [], RequestSlice> = (set) => ({
  draft: { principal: '', action: '', resource: '' },
  result: { state: 'idle' },
  // Editing a field by hand detaches the form from the example it was filled from.
  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, exampleId: undefined, ...patch } })),
  setResult: (result) => set({ result }),
});
