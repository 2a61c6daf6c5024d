/**
 * Reading one decision's trace for effective permissions: the Allow statements that grant
 * the pair (matched, or matched but for their Condition: a conditional grant), and what
 * limits it when it is denied — the explicit Deny statements, or the policies of the
 * stage that had no allow (a permissions boundary, an SCP level, a session policy …).
 */
import type { DecisionResult, Stage, TraceEvent } from '../evaluate/types';
import type { StatementRef } from './types';

/** Stages whose Allow statements grant (the others only limit). */
const GRANTING: ReadonlySet<Stage> = new Set<Stage>(['identity', 'resource', 'trust']);

export interface ReadTrace {
  readonly grantedBy: StatementRef[];
  /** Granting statements that did not match only because of their Condition. */
  readonly conditionalOnly: boolean;
  readonly limitedBy: StatementRef[];
  readonly limitedAt: string | undefined;
}

function statementRef(event: TraceEvent): StatementRef {
  return {
    policy: event.policy!,
    ...(event.statement?.sid === undefined ? {} : { sid: event.statement.sid }),
    ...(event.span === undefined ? {} : { span: event.span }),
  };
}

export function readTrace(result: DecisionResult): ReadTrace {
  const events = result.trace ?? [];
  const elements = new Map<number, TraceEvent[]>();
  for (const e of events) {
    if (e.kind !== 'element' || e.parent === null) continue;
    let list = elements.get(e.parent);
    if (!list) elements.set(e.parent, (list = []));
    list.push(e);
  }
  const grantedBy: StatementRef[] = [];
  const seen = new Set<string>();
  let conditionalOnly = false;
  for (const e of events) {
    if (e.kind !== 'statement' || !e.policy || !GRANTING.has(e.stage) || e.params['effect'] !== 'Allow') continue;
    let grants = e.outcome === 'allow';
    if (!grants && e.outcome === 'noMatch') {
      const failed = (elements.get(e.id) ?? []).filter((x) => x.outcome === 'noMatch');
      grants = failed.length > 0 && failed.every((x) => x.element === 'Condition');
      if (grants) conditionalOnly = true;
    }
    const key = `${e.policy.id}#${e.statement?.index ?? -1}`;
    if (!grants || seen.has(key)) continue;
    seen.add(key);
    grantedBy.push(statementRef(e));
  }

  if (result.decision === 'allowed') return { grantedBy, conditionalOnly, limitedBy: [], limitedAt: undefined };
  const limitedAt = result.decidedBy[0];
  const limitedBy: StatementRef[] = [];
  const add = (ref: StatementRef) => {
    const key = `${ref.policy.id}#${ref.sid ?? ''}#${ref.span?.start ?? -1}`;
    if (seen.has(key)) return;
    seen.add(key);
    limitedBy.push(ref);
  };
  if (result.decision === 'explicitDeny') {
    for (const e of events) if (e.kind === 'statement' && e.outcome === 'deny' && e.policy) add(statementRef(e));
  } else if (limitedAt === 'scp') {
    // The levels with no allow, and the SCPs attached there.
    const levels = new Set(events.filter((e) => e.kind === 'level' && e.stage === 'scp' && e.outcome === 'implicitDeny').map((e) => e.id));
    for (const e of events) if (e.kind === 'policy' && e.policy && e.parent !== null && levels.has(e.parent)) add({ policy: e.policy });
  } else if (limitedAt === 'boundary' || limitedAt === 'session' || limitedAt === 'resource' || limitedAt === 'trust' || limitedAt === 'rcp') {
    for (const e of events) if (e.kind === 'policy' && e.policy && e.stage === limitedAt && e.outcome !== 'notApplicable') add({ policy: e.policy });
  }
  return { grantedBy, conditionalOnly, limitedBy, limitedAt };
}
