/**
 * Sends the form's request to the engine and stores what it answers. An example of the
 * scenario is sent whole (its context and session too) and keeps its `expect` for display.
 */
import type { RequestJson } from '../../engine/scenario/types';
import { flushWorld } from '../engine/syncWorld';
import { engine } from '../engine/engine';
import { EngineRestartedError } from '../engine/engineClient';
import { useAppStore } from '../store';

let latest = 0;

export async function runRequest(): Promise<void> {
  const ticket = ++latest;
  const { draft, world, setResult } = useAppStore.getState();
  const example = draft.exampleId !== undefined ? world?.requests?.find((r) => r.id === draft.exampleId) : undefined;
  const request: RequestJson = example
    ? { ...example, expect: undefined }
    : { principal: draft.principal.trim(), action: draft.action.trim(), resource: draft.resource.trim() };
  setResult({ state: 'running', request });
  try {
    // The engine must judge the world on screen, not one a debounce has not sent yet.
    await flushWorld();
    const response = await engine.call({ type: 'evaluate', request, trace: true });
    if (response.type !== 'decision') throw new Error(`Unexpected answer \`${response.type}\` to a request.`);
    // A newer request may have started meanwhile: only the latest one's answer is shown.
    if (ticket === latest) setResult({ state: 'done', request, decision: response.result, expected: example?.expect });
  } catch (error) {
    if (ticket !== latest) return;
    setResult({
      state: 'failed',
      request,
      message: error instanceof Error ? error.message : String(error),
      restarted: error instanceof EngineRestartedError,
    });
  }
}
