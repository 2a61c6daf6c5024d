/**
 * The one way the app sends a request to the engine and stores what it answers: the
 * console, a batch run and what-if all come here. A real run (console, batch) is logged in
 * the event log and may issue a session; a what-if run is neither logged nor issues one.
 */
import type { WhatIf } from '../../engine/evaluate/types';
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
  const shown = source !== 'batch';
  const ticket = shown ? ++latest : latest;
  const store = useAppStore.getState();
  if (shown) store.setResult({ state: 'running', request });
  let answer: RequestResult;
  try {
    // The engine must judge the world on screen, not one a debounce has not sent yet.
    await flushWorld();
    const response = await engine.call({ type: 'evaluate', request, trace: true, eventTime: new Date().toISOString(), ...(whatIf ? { whatIf } : {}) });
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
    if (!whatIf) {
      useAppStore.getState().appendTrail({ id: response.event.eventID, request, result: response.result, event: response.event, ...(response.issued ? { issued: response.issued } : {}) });
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

/** Reads the engine's sessions into the store (after an STS call, or when another world opens). */
export async function refreshSessions(): Promise<void> {
  const response = await engine.call({ type: 'listSessions' });
  if (response.type === 'sessionsListed') useAppStore.getState().setSessions(response.sessions);
}
