/**
 * What-if and predict-first: the parts of the world switched off for the learner's
 * experiments (sent to the engine with the request, never written into the world), and the
 * learner's guess before a decision is revealed. Never undoable.
 */
import type { StateCreator } from 'zustand';
import type { AuthzDecision, Stage, WhatIf } from '../../engine/evaluate/types';
import type { AppState } from './index';

export interface PredictGuess {
  readonly decision: AuthzDecision | 'error';
  /** The deciding layer the learner names. */
  readonly stage: Stage;
}

export interface PredictState {
  /** Predict-first mode: a decision is hidden until the learner has guessed. */
  readonly enabled: boolean;
  /** The guess for the current result, once made (the decision is then revealed). */
  readonly guess: PredictGuess | null;
}

export interface WhatIfSlice {
  readonly whatIf: WhatIf;
  readonly predict: PredictState;
  setWhatIf(whatIf: WhatIf): void;
  setPredict(predict: PredictState): void;
}

export const NO_WHAT_IF: WhatIf = {};

export const createWhatIfSlice: StateCreator<AppState, [], [], WhatIfSlice> = (set) => ({
  whatIf: NO_WHAT_IF,
  predict: { enabled: false, guess: null },
  setWhatIf: (whatIf) => set({ whatIf }),
  setPredict: (predict) => set({ predict }),
});
