/**
 * What the event log shows of a record, and which records a filter keeps. Everything here
 * reads the engine's answer (the CloudTrail record and the decision it came with); nothing
 * is decided again.
 */
import type { Stage } from '../../engine/evaluate/types';
import type { CloudTrailUserIdentity } from '../../engine/trail/types';
import type { TrailEntry } from '../store/trailSlice';

/**
 * How a request ended, as the log groups it: a success; refused by authorization (an
 * explicit or implicit deny: AWS's `AccessDenied`); refused by authentication (the engine
 * says the `authn` stage decided: a bad signature, an unknown or expired key …); or another
 * error (e.g. an STS call AWS rejects as invalid).
 */
export type Outcome = 'success' | 'accessDenied' | 'authn' | 'otherError';

/** The outcome filter: one outcome, every error, or everything. */
export type OutcomeFilter = Outcome | 'errors' | 'all';

export const OUTCOME_FILTERS: readonly OutcomeFilter[] = ['all', 'success', 'errors', 'accessDenied', 'authn', 'otherError'];

export interface TrailFilter {
  /** An `identityKey`, or `''` for everyone. */
  readonly identity: string;
  /** An `eventKey`, or `''` for every event. */
  readonly event: string;
  readonly outcome: OutcomeFilter;
  /** Free text, matched case-insensitively against the whole record. */
  readonly text: string;
}

export const NO_FILTER: TrailFilter = { identity: '', event: '', outcome: 'all', text: '' };

const AUTHN: Stage = 'authn';

export function outcomeOf(entry: TrailEntry): Outcome {
  if (entry.event.errorCode === undefined) return 'success';
  if (entry.result.decidedBy.includes(AUTHN)) return 'authn';
  if (entry.result.decision === 'explicitDeny' || entry.result.decision === 'implicitDeny') return 'accessDenied';
  return 'otherError';
}

export function matchesOutcome(outcome: Outcome, filter: OutcomeFilter): boolean {
  return filter === 'all' || (filter === 'errors' ? outcome !== 'success' : outcome === filter);
}

/** The part of an ARN after its account field: `user/alice`, `assumed-role/Reader/s1`, `root`. */
function arnResource(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 ? parts.slice(5).join(':') : arn;
}

/** Who called, for people: the user name, the role session, the root user's account, the service. */
export function identityName(identity: CloudTrailUserIdentity): string {
  if (identity.type === 'Root') return identity.accountId ? `root (${identity.accountId})` : 'root';
  if (identity.userName) return identity.userName;
  if (identity.arn) return arnResource(identity.arn);
  return identity.invokedBy ?? identity.principalId ?? identity.accountId ?? '—';
}

/** One caller, as the identity filter tells callers apart. */
export function identityKey(identity: CloudTrailUserIdentity): string {
  return `${identity.type}|${identity.arn ?? identity.invokedBy ?? identity.principalId ?? identity.accountId ?? ''}`;
}

/** One API operation, as the event filter tells them apart. */
export function eventKey(entry: TrailEntry): string {
  return `${entry.event.eventSource}|${entry.event.eventName}`;
}

/** The resources of the record (CloudTrail's `resources`), else the one the request named. */
export function resourcesOf(entry: TrailEntry): readonly string[] {
  const arns = entry.event.resources?.map((r) => r.ARN) ?? [];
  if (arns.length > 0) return arns;
  return entry.request.resource ? [entry.request.resource] : [];
}

/** A resource as a row shows it: an ARN without its prefix (`acme-reports/q1.csv`, `role/Reader`); the full one is in the record. */
export function shortResource(resource: string): string {
  return resource.startsWith('arn:') ? arnResource(resource) : resource;
}

export interface Choice {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/** The distinct values of a column, in order of first appearance, each with how many records have it. */
function choices(entries: readonly TrailEntry[], keyOf: (e: TrailEntry) => string, labelOf: (e: TrailEntry) => string): Choice[] {
  const found = new Map<string, { label: string; count: number }>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const seen = found.get(key);
    if (seen) seen.count++;
    else found.set(key, { label: labelOf(entry), count: 1 });
  }
  return [...found].map(([key, { label, count }]) => ({ key, label, count }));
}

export function identityChoices(entries: readonly TrailEntry[]): Choice[] {
  return choices(entries, (e) => identityKey(e.event.userIdentity), (e) => `${e.event.userIdentity.type} · ${identityName(e.event.userIdentity)}`);
}

export function eventChoices(entries: readonly TrailEntry[]): Choice[] {
  return choices(entries, eventKey, (e) => `${e.event.eventName} · ${e.event.eventSource}`);
}

/** How many records of each outcome filter there are (for the filter's labels). */
export function outcomeCounts(entries: readonly TrailEntry[]): Readonly<Record<OutcomeFilter, number>> {
  const counts: Record<OutcomeFilter, number> = { all: 0, success: 0, errors: 0, accessDenied: 0, authn: 0, otherError: 0 };
  for (const entry of entries) {
    const outcome = outcomeOf(entry);
    counts.all++;
    counts[outcome]++;
    if (outcome !== 'success') counts.errors++;
  }
  return counts;
}

/** The record's text the free-text filter searches (cached: records never change). */
const searchText = new WeakMap<TrailEntry, string>();

function textOf(entry: TrailEntry): string {
  let text = searchText.get(entry);
  if (text === undefined) {
    text = JSON.stringify(entry.event).toLowerCase();
    searchText.set(entry, text);
  }
  return text;
}

export function isFiltered(filter: TrailFilter): boolean {
  return filter.identity !== '' || filter.event !== '' || filter.outcome !== 'all' || filter.text.trim() !== '';
}

/** The records `filter` keeps, in log order. */
export function filterTrail(entries: readonly TrailEntry[], filter: TrailFilter): readonly TrailEntry[] {
  if (!isFiltered(filter)) return entries;
  const words = filter.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return entries.filter(
    (entry) =>
      (filter.identity === '' || identityKey(entry.event.userIdentity) === filter.identity) &&
      (filter.event === '' || eventKey(entry) === filter.event) &&
      matchesOutcome(outcomeOf(entry), filter.outcome) &&
      words.every((word) => textOf(entry).includes(word)),
  );
}
