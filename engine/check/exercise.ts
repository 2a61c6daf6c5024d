/**
 * Judging an exercise's goals in a world: the contract the CLI (`npm run check`), the
 * worker (`judgeExercise`) and the app's exercise view share. Implemented with the
 * simulated IAM API (engine/iamApi): goal requests that are allowed IAM writes with
 * `params` change the world for the goals after them.
 */
import type { Decision } from '../evaluate/types';

/** A request the learner made in the exercise, as the event log knows it. */
export interface PerformedRecord {
  readonly action: string;
  readonly resource: string;
  /** The caller's ARN (the CloudTrail record's userIdentity.arn), when authenticated. */
  readonly caller?: string;
  /** The decision: `allowed`, `explicitDeny`, `implicitDeny` or an error code. */
  readonly decision: string;
}

export type GoalKind = 'request' | 'whoCan' | 'noneAllowed' | 'performed';

export interface GoalOutcome {
  readonly index: number;
  readonly kind: GoalKind;
  readonly met: boolean;
  /** An English sentence for the CLI. */
  readonly detail: string;
  /** `request`: the decision and the stages that decided it. */
  readonly decision?: Decision | string;
  readonly decidedBy?: readonly string[];
  /** `whoCan`: the principals that can act. */
  readonly principals?: readonly string[];
  /** `noneAllowed`: the first few action × resource pairs that are allowed (empty when met). */
  readonly allowed?: readonly { readonly action: string; readonly resource: string }[];
}

export interface ExerciseJudgement {
  readonly goals: readonly GoalOutcome[];
  readonly met: number;
  readonly of: number;
  /** Every goal met. */
  readonly solved: boolean;
}
