/**
 * How a long analysis stays responsive: it calls `control.step(done, total)` between units
 * of work. Now and then (every `sliceMs`) that reports progress and yields to the event
 * loop, so the worker can answer the watchdog's ping and receive a cancel; a cancelled
 * analysis stops at its next step with `AnalysisCancelled`.
 */

export class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'AnalysisCancelled';
  }
}

export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
}

export interface AnalysisControl {
  /** Marks progress; may yield to the event loop; throws AnalysisCancelled once cancelled. */
  step(done: number, total: number): Promise<void>;
}

export interface ControlOptions {
  readonly onProgress?: (progress: AnalysisProgress) => void;
  readonly cancelled?: () => boolean;
  /** How long the analysis may run between yields. */
  readonly sliceMs?: number;
  readonly clock?: () => number;
  /** How to yield (tests pass a resolved promise). */
  readonly yieldNow?: () => Promise<void>;
}

/** The little of the host's timers this file uses (the engine compiles without DOM or Node types). */
const host = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown; performance: { now(): number } };
const macrotask = (): Promise<void> => new Promise((resolve) => void host.setTimeout(resolve, 0));

export function createControl(options: ControlOptions = {}): AnalysisControl {
  const clock = options.clock ?? (() => host.performance.now());
  const sliceMs = options.sliceMs ?? 40;
  const yieldNow = options.yieldNow ?? macrotask;
  let sliceStart = clock();
  return {
    async step(done, total) {
      // A cancel that already arrived stops the analysis at once (a set lookup, cheap on every step).
      if (options.cancelled?.()) throw new AnalysisCancelled();
      if (clock() - sliceStart < sliceMs) return;
      options.onProgress?.({ done, total });
      await yieldNow();
      sliceStart = clock();
      if (options.cancelled?.()) throw new AnalysisCancelled();
    },
  };
}

/** Runs to the end without yielding (unit tests, `npm run check`). */
export const UNCONTROLLED: AnalysisControl = { step: () => Promise.resolve() };
