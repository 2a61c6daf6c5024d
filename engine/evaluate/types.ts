/**
 * What the engine answers: a decision, the stage(s) that decided it, AWS's own message,
 * and a flat trace of events with parent ids that the UI renders (and never recomputes).
 */
import type { Span } from '../policy/types';
import type { ReasonCode } from './reasons';

/** The three outcomes of authorization, in the words of the AWS IAM policy simulator. */
export type AuthzDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/**
 * A decision is an authorization outcome, or the AWS error code of a request that failed
 * before (authentication) or beside (an STS validation) the policy evaluation.
 */
export type Decision = AuthzDecision | (string & {});

/**
 * The evaluation stages, in the order AWS evaluates them. `denyScan` is AWS's first step of
 * authorization, "Deny evaluation": every applicable policy is looked at for an explicit
 * deny before any allow is sought. It summarizes the stages after it (its outcome comes from
 * their evaluation) and never appears in `decidedBy`.
 */
export type Stage =
  | 'authn'
  | 'context'
  | 'denyScan'
  | 'scp'
  | 'rcp'
  | 'resource'
  | 'trust'
  | 'identity'
  | 'boundary'
  | 'session'
  | 'sts'
  /** The simulated IAM API applying an allowed IAM write (engine/iamApi), or refusing it with its error code. */
  | 'api';

/** Identifies a policy so the UI can open it: see `PolicyRef.id` in model/policyRef. */
export interface PolicyRef {
  /** Stable id of the policy in the world, e.g. `acct:111111111111/user:alice/inline:Read`. */
  readonly id: string;
  /** The policy type in AWS's words. */
  readonly kind:
    | 'scp'
    | 'rcp'
    | 'resourcePolicy'
    | 'trustPolicy'
    | 'awsManaged'
    | 'customerManaged'
    | 'inline'
    | 'boundary'
    | 'sessionPolicy';
  /** A name for people: the policy name, or the resource ARN for a resource policy. */
  readonly name: string;
  readonly arn?: string;
  /** What it is attached to (a principal ARN, an OU or account id), when it matters. */
  readonly attachedTo?: string;
}

/** The result of one element of a statement against the request. */
export type ElementOutcome = 'match' | 'noMatch' | 'absent' | 'notEvaluated';

export type TraceOutcome =
  | 'allow' // an Allow statement matched / a stage allowed
  | 'deny' // a Deny statement matched / a stage denied explicitly
  | 'implicitDeny' // a stage found no Allow
  | 'noMatch' // a statement did not match the request
  | 'notApplicable' // a stage that does not apply to this request (e.g. no SCP for the management account)
  | 'pass' // an authentication step passed / a piece of context
  | 'fail' // an authentication step failed
  | 'info';

export type TraceParams = Readonly<Record<string, string | number | boolean>>;

export interface TraceEvent {
  readonly id: number;
  /** The parent event, or `null` for a top-level event. */
  readonly parent: number | null;
  readonly stage: Stage;
  readonly kind: 'stage' | 'level' | 'policy' | 'statement' | 'element' | 'step' | 'decision';
  readonly outcome: TraceOutcome;
  readonly reason: ReasonCode;
  readonly params: TraceParams;
  readonly policy?: PolicyRef;
  /** Statement index and Sid, for statement and element events. */
  readonly statement?: { readonly index: number; readonly sid?: string };
  /** The span in the policy's source text, for statement and element events. */
  readonly span?: Span;
  /** For element events: which element. */
  readonly element?: 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Condition';
}

/** A layer of policies the what-if mode can switch off as a whole. */
export type WhatIfLayer = 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';

/**
 * What-if: parts of the world switched off for one evaluation, to see the decision change.
 * A switched-off policy or statement is judged as if it were absent; a switched-off layer
 * as if no policy of that type existed (an SCP, RCP, boundary or session layer then limits
 * nothing; an identity or resource layer grants nothing; the resource layer covers a role's
 * trust policy too, which is the role's resource-based policy). Each appears in the trace with
 * outcome `notApplicable` and reason `switchedOffPolicy` / `switchedOffStatement` /
 * `switchedOffLayer`, so the learner sees what was taken away.
 */
export interface WhatIf {
  /** `PolicyRef.id`s. */
  readonly policies?: readonly string[];
  /** Statements by policy id and index (as in `TraceEvent.statement.index`). */
  readonly statements?: readonly { readonly policy: string; readonly index: number }[];
  readonly layers?: readonly WhatIfLayer[];
}

/** The answer for one request. */
export interface DecisionResult {
  readonly decision: Decision;
  /** The stage(s) that decided: where the explicit deny was, or which stage(s) lacked an allow. */
  readonly decidedBy: readonly Stage[];
  /** The reason code of the decision, with its parameters (for the UI's languages). */
  readonly reason: ReasonCode;
  readonly params: TraceParams;
  /** AWS's own message, in English, as the CLI prints it. */
  readonly message: string;
  /** The request context the policies were evaluated against (keys as AWS spells them); empty unless a trace was asked for. */
  readonly context: readonly (readonly [string, string | readonly string[]])[];
  /** Present unless the caller asked for no trace. */
  readonly trace?: readonly TraceEvent[];
  /**
   * The caller's account and the resource's account, once known (absent for an anonymous
   * caller, a service, or a request that failed authentication). Different values make a
   * cross-account request. Stage events carry the account whose policies they evaluate in
   * `params.account`.
   */
  readonly callerAccount?: string;
  readonly resourceAccount?: string;
}
