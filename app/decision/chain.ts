/**
 * Role assumption as a chain: when the caller of a request is a session an earlier STS call
 * issued (the CloudTrail record's `userIdentity.accessKeyId` is the access key id that call
 * returned), that call comes before it — and the call's own caller may be a session too
 * (role chaining). Read from the event log; nothing is recomputed.
 */
import type { CloudTrailEvent } from '../../engine/trail/types';
import type { TrailEntry } from '../store/trailSlice';

/** One STS call of the chain: who called it, and the session it issued. */
export interface ChainLink {
  readonly entry: TrailEntry;
}

/** The STS calls that issued the caller's session, oldest first; empty for a caller with its own credentials. */
export function assumptionChain(event: CloudTrailEvent, trail: readonly TrailEntry[]): ChainLink[] {
  const byKey = new Map<string, TrailEntry>();
  for (const entry of trail) if (entry.issued) byKey.set(entry.issued.accessKeyId, entry);
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  let key = event.userIdentity.accessKeyId;
  // INVARIANT: each step follows an earlier issuing call; `seen` stops a malformed log that loops.
  while (key !== undefined && !seen.has(key)) {
    seen.add(key);
    const entry = byKey.get(key);
    if (!entry) break;
    links.unshift({ entry });
    key = entry.event.userIdentity.accessKeyId;
  }
  return links;
}

/** The outcome of the trust policy stage of an STS call, as its trace recorded it. */
export function trustOutcome(entry: TrailEntry): string | undefined {
  return entry.result.trace?.find((e) => e.parent === null && e.kind === 'stage' && e.stage === 'trust')?.outcome;
}

/** A short name for a caller in the chain: its ARN's last part (`user/alice`, `assumed-role/Auditor/alice`). */
export function shortArn(arn: string | undefined): string {
  if (!arn) return '—';
  const colon = arn.lastIndexOf(':');
  return colon === -1 ? arn : arn.slice(colon + 1);
}
