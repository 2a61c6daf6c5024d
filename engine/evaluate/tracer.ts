/**
 * Collects trace events. A stage's outcome is known only after its policies were
 * evaluated, so an event is opened first (its id becomes its children's parent) and
 * given its outcome when it closes. With tracing off, `NO_TRACE` does nothing at all.
 */
import type { TraceEvent, TraceOutcome, TraceParams } from './types';
import type { ReasonCode } from './reasons';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Tracer {
  readonly enabled: boolean;
  /** Adds an event; returns its id (or -1 when tracing is off). */
  add(event: Omit<TraceEvent, 'id'>): number;
  /** Sets the outcome of an event added earlier. */
  settle(id: number, outcome: TraceOutcome, reason?: ReasonCode, params?: TraceParams): void;
  events(): readonly TraceEvent[];
}

export const NO_TRACE: Tracer = {
  enabled: false,
  add: () => -1,
  settle: () => undefined,
  events: () => [],
};

export function createTracer(): Tracer {
  const list: Mutable<TraceEvent>[] = [];
  return {
    enabled: true,
    add(event) {
      const id = list.length;
      // One object shape for every event (absent fields are undefined), so the engine stays monomorphic here.
      list.push({
        id, parent: event.parent, stage: event.stage, kind: event.kind, outcome: event.outcome, reason: event.reason, params: event.params,
        policy: event.policy, statement: event.statement, span: event.span, element: event.element,
      });
      return id;
    },
    settle(id, outcome, reason, params) {
      const event = list[id];
      if (!event) return;
      event.outcome = outcome;
      if (reason) event.reason = reason;
      if (params) event.params = params;
    },
    events: () => list,
  };
}
