/**
 * A request's outcome as the app receives it: the decision, its CloudTrail record, the
 * session a successful STS call issued, and what the simulated IAM API applied. One function, so the worker and the tests that
 * stand in for it build the record the same way.
 */
import { issuedSessionOf, type RunOutcome } from '../pipeline/run';
import { summarizeSession, type SessionStore, type SessionSummary } from '../pipeline/sessions';
import type { RequestJson } from '../scenario/types';
import type { DecisionResult } from '../evaluate/types';
import type { AppliedCall } from '../iamApi/types';
import { cloudTrailEvent, type IdSource } from './cloudTrail';
import type { CloudTrailEvent } from './types';

export interface RecordedOutcome {
  readonly result: DecisionResult;
  readonly event: CloudTrailEvent;
  readonly issued?: SessionSummary;
  /** The IAM write the simulated IAM API applied: the app applies its edits to its world (undoable). */
  readonly applied?: AppliedCall;
}

export interface RecordOptions {
  readonly eventTime: Date;
  readonly ids: IdSource;
  /** The store the session was kept in (it knows the session's `as` name); absent: the issued session is not reported (what-if). */
  readonly sessions?: SessionStore;
  /** The action's access level in the IAM service data, when loaded (CloudTrail's `readOnly`). */
  readonly accessLevel?: string;
}

export function recordOutcome(request: RequestJson, outcome: RunOutcome, options: RecordOptions): RecordedOutcome {
  const caller = outcome.caller ?? outcome.keyOwner;
  const callerSession = caller ? issuedSessionOf(caller) : undefined;
  const event = cloudTrailEvent({
    request,
    result: outcome.result,
    eventTime: options.eventTime,
    ids: options.ids,
    ...(caller ? { caller } : {}),
    ...(callerSession ? { callerSession } : {}),
    ...(outcome.accessKeyId === undefined ? {} : { accessKeyId: outcome.accessKeyId }),
    ...(outcome.target ? { target: outcome.target } : {}),
    ...(outcome.context ? { context: outcome.context } : {}),
    ...(outcome.response ? { response: outcome.response } : {}),
    ...(outcome.applied ? { applied: outcome.applied } : {}),
    ...(options.accessLevel === undefined ? {} : { accessLevel: options.accessLevel }),
  });
  const { sessions } = options;
  const issued = sessions && outcome.issued ? summarizeSession(outcome.issued, sessions.nameOf(outcome.issued)) : undefined;
  return { result: outcome.result, event, ...(issued ? { issued } : {}), ...(outcome.applied ? { applied: outcome.applied } : {}) };
}
