/**
 * The one way the app sends a request to the engine and stores what it answers: the
 * console, a batch run and what-if all come here. A real run (console, batch) is logged in
 * the event log, may issue a session, counts for the open exercise, and — an allowed IAM
 * write with parameters — changes the world: the simulated IAM API's edits are applied as
 * one undoable step. A what-if run does none of that.
 */
import type { EditError } from '../../engine/edit/types';
import type { WhatIf } from '../../engine/evaluate/types';
import { iamApiSpec } from '../../engine/iamApi/spec';
import type { AppliedCall } from '../../engine/iamApi/types';
import type { RequestJson } from '../../engine/scenario/types';
import { flushWorld } from '../engine/syncWorld';
import { engine } from '../engine/engine';
import { EngineRestartedError } from '../engine/engineClient';
import { useAppStore } from '../store';
import type { RequestResult } from '../store/requestSlice';

export type RunSource = 'console' | 'batch' | 'whatIf';

export interface RunOptions {
  /** Where the run comes from (default `console`). */
  readonly source?: RunSource;
  /** For a `whatIf` run: what is switched off. */
  readonly whatIf?: WhatIf;
  /** The decision the scenario expects, shown beside the answer. */
  readonly expected?: string;
}

let latest = 0;

/** Whether a what-if switches anything off. */
export function isWhatIfActive(whatIf: WhatIf | undefined): boolean {
  return !!whatIf && ((whatIf.policies?.length ?? 0) > 0 || (whatIf.statements?.length ?? 0) > 0 || (whatIf.layers?.length ?? 0) > 0);
}

/**
 * Judges `request` and stores the answer as the current result (a batch run stores nothing
 * there: it gets the answer back). Never throws: a failure is the answer `failed`.
 */
export async function runRequest(request: RequestJson, options: RunOptions = {}): Promise<RequestResult> {
  const source = options.source ?? 'console';
  const whatIf = source === 'whatIf' && isWhatIfActive(options.whatIf) ? options.whatIf : undefined;
  // A what-if rerun never plays an IAM write again, even with nothing switched off: the engine
  // judges it as a what-if (nothing applied, nothing logged), so the world changes only once.
  const playsWrite = request.params !== undefined && iamApiSpec(request.action) !== undefined;
  const engineWhatIf = whatIf ?? (source === 'whatIf' && playsWrite ? {} : undefined);
  const shown = source !== 'batch';
  const ticket = shown ? ++latest : latest;
  const store = useAppStore.getState();
  if (shown) store.setResult({ state: 'running', request });
  let answer: RequestResult;
  try {
    // The engine must judge the world on screen, not one a debounce has not sent yet.
    await flushWorld();
    const response = await engine.call({ type: 'evaluate', request, trace: true, eventTime: new Date().toISOString(), ...(engineWhatIf ? { whatIf: engineWhatIf } : {}) });
    if (response.type !== 'decision') throw new Error(`Unexpected answer \`${response.type}\` to a request.`);
    answer = {
      state: 'done',
      request,
      decision: response.result,
      expected: options.expected,
      event: response.event,
      ...(response.issued ? { issued: response.issued } : {}),
      ...(whatIf ? { whatIf } : {}),
    };
    if (!engineWhatIf) {
      const applied = response.applied;
      const applyError = applied ? applyCall(applied) : undefined;
      if (applied) answer = { ...answer, applied, ...(applyError ? { applyError } : {}) };
      useAppStore.getState().appendTrail({
        id: response.event.eventID, request, result: response.result, event: response.event,
        ...(response.issued ? { issued: response.issued } : {}),
        // The log keeps what changed, never the response: a new secret access key is shown once.
        ...(applied ? { applied: { action: applied.action, edits: applied.edits, summary: applied.summary } } : {}),
      });
      useAppStore.getState().notePerformed({
        action: request.action,
        resource: request.resource,
        ...(response.event.userIdentity.arn !== undefined ? { caller: response.event.userIdentity.arn } : {}),
        decision: response.result.decision,
      });
      if (response.issued) await refreshSessions();
    }
  } catch (error) {
    answer = {
      state: 'failed',
      request,
      message: error instanceof Error ? error.message : String(error),
      restarted: error instanceof EngineRestartedError,
    };
  }
  // A newer request may have started meanwhile: only the latest one's answer is shown.
  if (shown && ticket === latest) useAppStore.getState().setResult(answer);
  return answer;
}

/**
 * Applies what the IAM API did to the world on screen, as ONE undoable step labelled with
 * the action (undo takes the attack step back). The edits come from the engine, judged in
 * this very world, so the store should never refuse them; if it does, the refusal is shown.
 */
function applyCall(applied: AppliedCall): EditError | undefined {
  if (applied.edits.length === 0) return undefined;
  const outcome = useAppStore.getState().applyEdits(applied.edits, applied.action, { byApi: true });
  return outcome.ok ? undefined : outcome.error;
}

/** Reads the engine's sessions into the store (after an STS call, or when another world opens). */
export async function refreshSessions(): Promise<void> {
  const response = await engine.call({ type: 'listSessions' });
  if (response.type === 'sessionsListed') useAppStore.getState().setSessions(response.sessions);
}
