/**
 * What a stage of the graph holds, read from the trace: its policies, and in each the
 * statements sorted the way a learner asks about them — matched (allow or deny), near
 * misses (some elements matched, one did not: the "why not"), not matched, and switched
 * off by what-if — each with its element results. Nothing is judged here: every outcome
 * and reason is the engine's.
 */
import type { TraceEvent } from '../../engine/evaluate/types';

export type StatementCategory = 'matched' | 'nearMiss' | 'notMatched' | 'switchedOff';

export interface ElementResult {
  readonly event: TraceEvent;
  /** `true` matched, `false` did not, `undefined` neither (absent, not evaluated). */
  readonly ok: boolean | undefined;
}

export interface StatementExplanation {
  readonly event: TraceEvent;
  readonly category: StatementCategory;
  readonly elements: readonly ElementResult[];
}

export interface PolicyExplanation {
  readonly event: TraceEvent;
  /** The SCP/RCP level the policy is attached at, when the stage has levels. */
  readonly level: TraceEvent | undefined;
  readonly switchedOff: boolean;
  readonly statements: readonly StatementExplanation[];
}

const SWITCHED_OFF = new Set(['switchedOffPolicy', 'switchedOffStatement', 'switchedOffLayer']);

/** Whether the engine left this event out because the learner switched it off (what-if). */
export function isSwitchedOff(event: TraceEvent): boolean {
  return SWITCHED_OFF.has(event.reason);
}

function elementOk(event: TraceEvent): boolean | undefined {
  if (event.outcome === 'pass' || event.outcome === 'allow' || event.outcome === 'deny') return true;
  if (event.outcome === 'noMatch' || event.outcome === 'fail' || event.outcome === 'implicitDeny') return false;
  return undefined;
}

/** Orders the learner reads statements in: what decided first, then what nearly did. */
const ORDER: Readonly<Record<StatementCategory, number>> = { matched: 0, nearMiss: 1, notMatched: 2, switchedOff: 3 };

function explainStatement(statement: TraceEvent, children: ReadonlyMap<number, TraceEvent[]>): StatementExplanation {
  const elements = (children.get(statement.id) ?? []).filter((e) => e.kind === 'element').map((event) => ({ event, ok: elementOk(event) }));
  const category: StatementCategory =
    isSwitchedOff(statement) ? 'switchedOff'
    : statement.outcome === 'allow' || statement.outcome === 'deny' ? 'matched'
    : elements.some((e) => e.ok === true) ? 'nearMiss'
    : 'notMatched';
  return { event: statement, category, elements };
}

/** The policies of the top-level event `stageId` (through its levels, if any), in trace order. */
export function explainStage(trace: readonly TraceEvent[], stageId: number): PolicyExplanation[] {
  const children = new Map<number, TraceEvent[]>();
  for (const event of trace) {
    if (event.parent === null) continue;
    const list = children.get(event.parent);
    if (list) list.push(event);
    else children.set(event.parent, [event]);
  }
  const out: PolicyExplanation[] = [];
  const visit = (id: number, level: TraceEvent | undefined) => {
    for (const child of children.get(id) ?? []) {
      if (child.kind === 'level') visit(child.id, child);
      else if (child.kind === 'policy') {
        const statements = (children.get(child.id) ?? []).filter((e) => e.kind === 'statement').map((s) => explainStatement(s, children));
        statements.sort((a, b) => ORDER[a.category] - ORDER[b.category]);
        out.push({ event: child, level, switchedOff: isSwitchedOff(child), statements });
      }
    }
  };
  visit(stageId, undefined);
  return out;
}

/** The events directly under a top-level event that are neither levels nor policies (e.g. context keys, STS checks). */
export function stageFacts(trace: readonly TraceEvent[], stageId: number): TraceEvent[] {
  return trace.filter((e) => e.parent === stageId && e.kind !== 'level' && e.kind !== 'policy');
}

/** A stage in which the explicit-deny scan found a deny, and the policies of it that deny. */
export interface DenyFinding {
  /** The stage's top-level event (its graph node's key is its id). */
  readonly stage: TraceEvent;
  readonly policies: readonly PolicyExplanation[];
}

/**
 * Where the explicit-deny scan `scanId` found its denies: the stages of the same evaluation
 * (the top-level stage events after the scan, up to its decision) with the policies the
 * engine settled as `deny`. Empty when the scan passed.
 */
export function denyFindings(trace: readonly TraceEvent[], scanId: number): DenyFinding[] {
  const out: DenyFinding[] = [];
  for (let i = scanId + 1; i < trace.length; i++) {
    const event = trace[i]!;
    if (event.parent !== null) continue;
    if (event.kind === 'decision' || event.stage === 'denyScan') break;
    if (event.kind !== 'stage' || event.outcome !== 'deny') continue;
    out.push({ stage: event, policies: explainStage(trace, event.id).filter((p) => p.event.outcome === 'deny') });
  }
  return out;
}
