/**
 * What-if and predict-first: the parts of the world switched off for the learner's
 * experiments (sent to the engine with the request, never written into the world), and the
 * learner's guess before a decision is revealed. Never undoable.
 */
import type { StateCreator } from 'zustand';
import type { DecisionResult, WhatIf } from '../../engine/evaluate/types';
import { addToScore, judgeGuess, NO_SCORE, type Guess, type Score } from '../whatif/judge';
import type { AppState } from './index';

/** The learner's guess: the decision and the deciding layer. */
export type PredictGuess = Guess;

export interface PredictState {
  /** Predict-first mode: a decision is hidden until the learner has guessed. */
  readonly enabled: boolean;
  /** The guess for `guessedFor`, once made (that decision is then revealed with feedback). */
  readonly guess: PredictGuess | null;
  /**
   * The answer that may be shown: the one guessed, or the one on screen when the mode was
   * switched on (already seen, nothing to guess). Any other answer stays hidden.
   */
  readonly guessedFor: DecisionResult | null;
  /** Guesses right, of guesses made, in this page session. */
  readonly score: Score;
}

export interface WhatIfSlice {
  readonly whatIf: WhatIf;
  readonly predict: PredictState;
  setWhatIf(whatIf: WhatIf): void;
  setPredict(predict: Partial<PredictState>): void;
  /** Switches predict-first on or off; the answer on screen counts as seen. */
  setPredictEnabled(enabled: boolean): void;
  /** Judges `guess` against the answer on screen, reveals it and counts the score. */
  submitGuess(guess: PredictGuess): void;
}

export const NO_WHAT_IF: WhatIf = {};

export const createWhatIfSlice: StateCreator<AppState, [], [], WhatIfSlice> = (set, get) => ({
  whatIf: NO_WHAT_IF,
  predict: { enabled: false, guess: null, guessedFor: null, score: NO_SCORE },
  setWhatIf: (whatIf) => set({ whatIf }),
  setPredict: (patch) => set((s) => ({ predict: { ...s.predict, ...patch } })),
  setPredictEnabled: (enabled) =>
    set((s) => {
      const shown = s.result.state === 'done' ? s.result.decision : null;
      return { predict: { ...s.predict, enabled, guess: null, guessedFor: shown } };
    }),
  submitGuess: (guess) => {
    const { result, predict } = get();
    if (result.state !== 'done' || predict.guessedFor === result.decision) return;
    const judgement = judgeGuess(guess, result.decision);
    set({ predict: { ...predict, guess, guessedFor: result.decision, score: addToScore(predict.score, judgement) } });
  },
});
