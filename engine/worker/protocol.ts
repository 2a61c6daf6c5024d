/**
 * The one message protocol between the app and the engine worker. Every message carries
 * the protocol version and a numeric id; a response answers the request with the same id.
 * Bump PROTOCOL_VERSION on any incompatible change: the app refuses a worker of another
 * version (a stale cached worker after a site update) and restarts it.
 */
import type { DecisionResult } from '../evaluate/types';
import type { ImportFile, ImportResult } from '../import/index';
import type { EditorFinding } from '../policy/validateText';
import type { PolicySizeLimitName } from '../policy/sizeLimits';
import type { PolicyKind } from '../policy/types';
import type { RequestJson, ScenarioJson } from '../scenario/types';

export const PROTOCOL_VERSION = 2;

/** A fault in the world the engine was given, with the JSON path where it is. */
export interface WorldFault {
  readonly path: string;
  readonly message: string;
}

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
  /** Judge one request in the current world. */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'evaluate';
      readonly request: RequestJson;
      readonly trace: boolean;
    }
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
  /** Liveness check for the watchdog. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'ping' };

export type WorkerResponse =
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'worldSet'; readonly faults: readonly WorldFault[] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'decision'; readonly result: DecisionResult }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'pong' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'policyValidated'; readonly findings: readonly EditorFinding[] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'filesImported'; readonly result: ImportResult }
  /** The answer to `parseScenario`: the validated scenario, or every fault with its JSON path. */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly id: number;
      readonly type: 'scenarioParsed';
      readonly result: { readonly ok: true; readonly scenario: ScenarioJson } | { readonly ok: false; readonly errors: readonly WorldFault[] };
    }
  /** The request failed inside the engine (a bug or a bad input that slipped through): shown, never swallowed. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly id: number; readonly type: 'error'; readonly message: string };
