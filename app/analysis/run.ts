/**
 * Runs an analysis in the engine worker and keeps its state in the store: running with
 * progress, then the result (or the failure, or the cancellation). One run per kind at a
 * time: a new run of a kind cancels the previous one.
 */
import type { AnalysisKind, AnalysisQuery, AnalysisEvent } from '../../engine/analysis/types';
import { engine } from '../engine/engine';
import { useAppStore } from '../store';
import type { TrailEntry } from '../store/trailSlice';

// The cancel handle of each kind's running analysis (a function, not state to render).
const running = new Map<AnalysisKind, { readonly cancel: () => void; readonly token: object }>();

export function startAnalysis(query: AnalysisQuery): void {
  const { kind } = query;
  running.get(kind)?.cancel();
  const store = useAppStore.getState();
  const world = store.world;
  const token = {};
  store.setAnalysisRun(kind, { state: 'running', done: 0, total: 0 });
  const call = engine.callCancellable({ type: 'analyze', query }, (done, total) => {
    if (running.get(kind)?.token === token) useAppStore.getState().setAnalysisRun(kind, { state: 'running', done, total });
  });
  running.set(kind, { cancel: call.cancel, token });
  call.result.then(
    (response) => {
      if (running.get(kind)?.token !== token) return;
      running.delete(kind);
      const set = useAppStore.getState().setAnalysisRun;
      if (response.type === 'analyzed') set(kind, { state: 'done', result: response.result, world });
      else if (response.type === 'analysisCancelled') set(kind, { state: 'cancelled' });
      else set(kind, { state: 'failed', message: `Unexpected answer \`${response.type}\`.` });
    },
    (error: unknown) => {
      if (running.get(kind)?.token !== token) return;
      running.delete(kind);
      useAppStore.getState().setAnalysisRun(kind, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
    },
  );
}

/** Stops the running analysis of a kind; the worker answers that it was cancelled. */
export function cancelAnalysis(kind: AnalysisKind): void {
  running.get(kind)?.cancel();
}

/** The event log as the analyses read it: each record with the action and resource it asked for. */
export function analysisEvents(trail: readonly TrailEntry[]): AnalysisEvent[] {
  return trail.map((entry) => ({ event: entry.event, action: entry.request.action, resource: entry.request.resource }));
}
