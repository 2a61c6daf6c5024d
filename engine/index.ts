/**
 * The engine's public API: load and validate scenarios, compile a world, judge requests.
 * Pure TypeScript: runs in the Web Worker, in Node (the CLI) and in tests.
 */
import { compileWorld as compile, requiredManagedPolicyArns } from './model/compile';
import type { ManagedPolicySource } from './data/managedPolicies';
import type { World, WorldFault } from './model/world';
import { runRequest, type RunOptions } from './pipeline/run';
import { SessionStore } from './pipeline/sessions';
import { parseDocumentText } from './scenario/load';
import { validateDocument } from './scenario/validate';
import type { RequestJson, ScenarioJson } from './scenario/types';
import type { DecisionResult } from './evaluate/types';

export type { DecisionResult, TraceEvent, Stage, PolicyRef, Decision, AuthzDecision, WhatIf, WhatIfLayer } from './evaluate/types';
export { WHAT_IF_LAYERS } from './evaluate/whatIf';
export { runRequestDetailed, type RunOutcome } from './pipeline/run';
export { summarizeSession, type SessionSummary } from './pipeline/sessions';
export { cloudTrailEvent, counterIds, randomIds, type CloudTrailInput, type IdSource } from './trail/cloudTrail';
export type { CloudTrailEvent, CloudTrailUserIdentity } from './trail/types';
export type { ReasonCode } from './evaluate/reasons';
export { REASON_CODES } from './evaluate/reasons';
export type { ScenarioJson, RequestJson, PackJson } from './scenario/types';
export type { World, WorldFault } from './model/world';
export type { ScenarioFault } from './scenario/validate';
export { requiredManagedPolicyArns, SessionStore };
export { parseDocumentText, validateDocument };
export { parseScenarioText, validateScenario, type ScenarioLoadResult } from './scenario/scenarioText';
export { applyEdit } from './edit/apply';
export { EDIT_ERROR_CODES } from './edit/types';
export type { WorldEdit, EditError, EditErrorCode, EditResult, EntityRef, HolderRef, DocumentRef, NamedEntityKind, Tags } from './edit/types';

/** A compiled world: compile once, judge many requests. */
export type CompiledWorld = World;

/** Compiles a validated scenario; faults (an unknown managed policy, a policy AWS would reject) come with JSON paths. */
export function compileWorld(scenario: ScenarioJson, managed: ManagedPolicySource): { world: CompiledWorld; faults: WorldFault[] } {
  return compile(scenario, managed);
}

export interface EvaluateOptions extends RunOptions {
  readonly trace?: boolean;
}

/** Judges one request: authentication, context, authorization; with a trace unless `trace: false`. */
export function evaluateRequest(world: CompiledWorld, request: RequestJson, options: EvaluateOptions = {}): Promise<DecisionResult> {
  return runRequest(world, request, { trace: options.trace ?? true, ...options });
}
export { IAM_API_SPECS, iamApiSpec, API_SUMMARY_CODES, type ApiSummaryCode } from './iamApi/spec';
export type { AppliedCall, ApiSpec, ApiParamSpec, ApiParamType } from './iamApi/types';
export { applyApiCall, type ApiCallInput, type ApiCallResult } from './iamApi/apply';
export { judgeExercise, type ExerciseJudgement, type GoalOutcome, type PerformedRecord, type JudgeOptions } from './check/exercise';
export { importFiles, MAX_IMPORT_FILES, MAX_IMPORT_FILE_CHARS, MAX_IMPORT_TOTAL_CHARS } from './import/index';
export type { ImportFile, ImportKind, ImportOptions, ImportResult } from './import/index';
