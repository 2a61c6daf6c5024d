/**
 * The one message protocol between the app and the engine worker. Every message carries
 * the protocol version and a numeric id; a response answers the request with the same id.
 * Bump PROTOCOL_VERSION on any incompatible change: the app refuses a worker of another
 * version (a stale cached worker after a site update) and restarts it.
 */
import type { DecisionResult, WhatIf } from '../evaluate/types';
import type { SessionSummary } from '../pipeline/sessions';
import type { CloudTrailEvent } from '../trail/types';
import type { ImportFile, ImportResult } from '../import/index';
import type { EditorFinding } from '../policy/validateText';
import type { PolicySizeLimitName } from '../policy/sizeLimits';
import type { PolicyKind } from '../policy/types';
import type { ExerciseJson, RequestJson, ScenarioJson } from '../scenario/types';
import type { AppliedCall } from '../iamApi/types';
import type { ExerciseJudgement, PerformedRecord } from '../check/exercise';
import type { AnalysisQuery, AnalysisResult } from '../analysis/types';

export const PROTOCOL_VERSION = 6;

const WORKER_NAME = 'iam-engine';

/**
 * The name a worker is created with: the engine's, and the request it is to begin as soon
 * as it runs, if any (app/engine/engineClient.ts `startWith`). A message posted to a worker
 * that has not run yet is handed over by the page's main thread only between its tasks; a
 * name travels with the worker's creation.
 */
export function workerName(first?: WorkerRequest): string {
  return first ? `${WORKER_NAME} ${JSON.stringify(first)}` : WORKER_NAME;
}

/** The request a worker's name carries (unchecked: the worker checks it as it checks a message), or null. */
export function firstRequestOf(name: string): unknown {
  if (!name.startsWith(`${WORKER_NAME} `)) return null;
  try {
    return JSON.parse(name.slice(WORKER_NAME.length + 1)) as unknown;
  } catch {
    return null;
  }
}

/** A fault in the world the engine was given, with the JSON path where it is. */
export interface WorldFault {
  readonly path: string;
  readonly message: string;
}

/** A scenario file's text parsed and validated: the scenario, or every fault with its JSON path. */
export type ScenarioParse = { readonly ok: true; readonly scenario: ScenarioJson } | { readonly ok: false; readonly errors: readonly WorldFault[] };

export type WorkerRequest =
  /**
   * Compile a world once; later requests are judged in it. `baseUrl` is the site's base URL
   * (where `data/` is served, for AWS managed policies); without it, the worker's own origin root.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'setWorld';
      readonly scenario: ScenarioJson;
      readonly baseUrl?: string;
    }
  /** Parse and validate the text of a scenario file (untrusted input) without compiling it. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'parseScenario'; readonly text: string }
  /**
   * Fetch a scenario file the site ships (the sample world) and parse it as `parseScenario`
   * does. The engine fetches it itself so the request can be posted the moment the worker is
   * created: the text never crosses the page's busy main thread, and the answer does not
   * wait for a fetch the page would start only later.
   */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'fetchScenario'; readonly url: string }
  /**
   * Judge one request in the current world. Sessions issued by STS calls are kept by the
   * worker across requests and world changes (until `clearSessions`), so a later request
   * can use one as `$NAME`; a what-if evaluation never keeps the session it would issue.
   * `eventTime` (ISO 8601) is the event log's clock for the CloudTrail record.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'evaluate';
      readonly request: RequestJson;
      readonly trace: boolean;
      readonly whatIf?: WhatIf;
      readonly eventTime?: string;
    }
  /**
   * Sign a request with SigV4 as the holder of `accessKeyId` would (an access key of the
   * world whose secret it knows, or an issued session's temporary credentials): the raw
   * HTTP text of a request for `action` on `resource`, to send as `RequestJson.http`.
   * `at` (ISO 8601) is the signing time; default the world's `now`, else the real time.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'signRequest';
      readonly accessKeyId: string;
      readonly action: string;
      readonly resource: string;
      readonly region?: string;
      readonly at?: string;
    }
  /** The sessions issued so far. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'listSessions' }
  /** Forgets every issued session (another world was opened). */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'clearSessions' }
  /** Validate a policy's text as the editor holds it (findings with spans and quick fixes). */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'validatePolicy';
      readonly text: string;
      readonly kind: PolicyKind;
      readonly baseUrl?: string;
      /** The size quota to check (an inline policy: its owner's inline quota); absent: the kind's default. */
      readonly sizeLimit?: PolicySizeLimitName | null;
      /** For a resource-based policy, its resource's ARN (resource-type checks). */
      readonly resourceArn?: string;
    }
  /** Read files from outside (scenario, IAM authorization details, Organizations CLI output) into one world. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'importFiles'; readonly files: readonly ImportFile[] }
  /**
   * Judge an exercise's goals in the current world (a copy: goal requests that write change
   * only the copy, in goal order, with sessions of their own). `performed` are the requests
   * the learner made in the exercise, for `performed` goals.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'judgeExercise';
      readonly exercise: ExerciseJson;
      readonly performed: readonly PerformedRecord[];
    }
  /**
   * Run an analysis of the current world (engine/analysis). The worker answers with
   * `progress` messages (same id) while it works, then `analyzed`, or `analysisCancelled`
   * after a `cancel` of this id.
   */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'analyze'; readonly query: AnalysisQuery }
  /** Stop the analysis of request `target` (it answers `analysisCancelled`); this message gets no answer of its own. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'cancel'; readonly target: number }
  /** Liveness check for the watchdog. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'ping' };

export type WorkerResponse =
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'worldSet'; readonly faults: readonly WorldFault[] }
  /**
   * The decision, its CloudTrail record, the session the request issued (a successful STS
   * call outside what-if) and the IAM write it applied (outside what-if). The worker has
   * already applied `applied.edits` to its own world, so the next request sees them; the
   * app applies the same edits to its store (one undoable change), whose world then comes
   * back as `setWorld`.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'decision';
      readonly result: DecisionResult;
      readonly event: CloudTrailEvent;
      readonly issued?: SessionSummary;
      readonly applied?: AppliedCall;
    }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'exerciseJudged'; readonly judgement: ExerciseJudgement }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'sessionsListed'; readonly sessions: readonly SessionSummary[] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'sessionsCleared' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'requestSigned'; readonly http: string }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'pong' }
  /** Not an answer: how far the analysis of request `id` is (units of work done of total). */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'analyzed'; readonly result: AnalysisResult }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'analysisCancelled' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'policyValidated'; readonly findings: readonly EditorFinding[] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'filesImported'; readonly result: ImportResult }
  /** The answer to `parseScenario`: the validated scenario, or every fault with its JSON path. */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'scenarioParsed';
      readonly result: ScenarioParse;
    }
  /** The answer to `fetchScenario`: as `scenarioParsed`, or why the file could not be fetched. */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'scenarioFetched';
      readonly result: ScenarioParse | { readonly ok: false; readonly message: string };
      /**
       * What the embedding host computed from the world beside parsing it
       * (`EngineHostOptions.besideScenario`): the app sends its map's graph and layout, drawn
       * off the page's thread. Absent when the host computes nothing or the file is invalid.
       */
      readonly beside?: unknown;
    }
  /** The request failed inside the engine (a bug or a bad input that slipped through): shown, never swallowed. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'error'; readonly message: string };
