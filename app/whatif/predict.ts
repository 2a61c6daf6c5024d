/**
 * Predict-first, as hooks: whether the decision on screen must stay hidden, and the
 * judgement of the learner's guess once made.
 */
import { useAppStore } from '../store';
import type { AppState } from '../store';
import { judgeGuess, type Judgement } from './judge';

/** Whether the answer on screen must stay hidden (see `useDecisionHidden`). */
export function isDecisionHidden(s: Pick<AppState, 'predict' | 'result'>): boolean {
  return s.predict.enabled && s.result.state === 'done' && s.predict.guessedFor !== s.result.decision;
}

/** True when predict-first is on and the answer on screen is done but not yet guessed: show no outcome. */
export function useDecisionHidden(): boolean {
  return useAppStore(isDecisionHidden);
}

/** Whether predict-first is on. */
export function usePredictEnabled(): boolean {
  return useAppStore((s) => s.predict.enabled);
}

/** The judgement of the guess made for the answer on screen, or null when none was made for it. */
export function useJudgement(): Judgement | null {
  const result = useAppStore((s) => s.result);
  const guess = useAppStore((s) => s.predict.guess);
  const guessedFor = useAppStore((s) => s.predict.guessedFor);
  if (result.state !== 'done' || guess === null || guessedFor !== result.decision) return null;
  return judgeGuess(guess, result.decision);
}
