/**
 * Predict-first: judging the learner's guess against the engine's answer. The engine has
 * decided; this only compares the guess with its `decision` and `decidedBy`.
 */
import type { DecisionResult, Stage } from '../../engine/evaluate/types';

/** The decisions a learner can guess: the three of authorization, or a refusal before it (an error code). */
export type GuessedDecision = 'allowed' | 'explicitDeny' | 'implicitDeny' | 'error';

export const GUESSABLE_DECISIONS: readonly GuessedDecision[] = ['allowed', 'explicitDeny', 'implicitDeny', 'error'];

/** The layers a learner can name as deciding, in AWS's evaluation order (`context` decides nothing). */
export const GUESSABLE_STAGES: readonly Stage[] = ['authn', 'scp', 'rcp', 'resource', 'trust', 'identity', 'boundary', 'session', 'sts'];

export interface Guess {
  readonly decision: GuessedDecision;
  readonly stage: Stage;
}

export interface Judgement {
  readonly decisionRight: boolean;
  /** Right when the named layer is one of those the engine says decided. */
  readonly stageRight: boolean;
  readonly right: boolean;
  /** The engine's decision as a guessable one, to show the right answer. */
  readonly actual: GuessedDecision;
}

/** A decision as the learner could have guessed it: an AWS error code is a refusal before authorization. */
export function guessedDecisionOf(decision: string): GuessedDecision {
  return decision === 'allowed' || decision === 'explicitDeny' || decision === 'implicitDeny' ? decision : 'error';
}

export function judgeGuess(guess: Guess, result: DecisionResult): Judgement {
  const actual = guessedDecisionOf(result.decision);
  const decisionRight = guess.decision === actual;
  // INVARIANT: the engine names at least one deciding stage; should it name none, no layer
  // guess can be wrong, so the decision alone is judged.
  const stageRight = result.decidedBy.length === 0 || result.decidedBy.includes(guess.stage);
  return { decisionRight, stageRight, right: decisionRight && stageRight, actual };
}

export interface Score {
  readonly right: number;
  readonly total: number;
}

export const NO_SCORE: Score = { right: 0, total: 0 };

export function addToScore(score: Score, judgement: Judgement): Score {
  return { right: score.right + (judgement.right ? 1 : 0), total: score.total + 1 };
}
