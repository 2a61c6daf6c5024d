/**
 * The event log read as IAM's own usage records: who made each request, whether it counts
 * as use, and when each credential (password, access key) and role was last used. Shared by
 * unused access, policy generation, Access Advisor, the IAM dashboard and the credential
 * report, so they all agree on what "used" means.
 *
 * The rules (AWS CloudTrail User Guide, "CloudTrail userIdentity element"; IAM User Guide,
 * "Generate credential reports"):
 * - The actor of a record is the IAM user (`IAMUser`, its `arn`), the role of an assumed-role
 *   session (`sessionContext.sessionIssuer.arn`) or the account's root user (`Root`).
 * - A request is USE only when it succeeded: CloudTrail writes an `errorCode` for every
 *   request that failed.
 * - A password is used when its owner signs in to the console: a successful `ConsoleLogin`
 *   record, or a record of a console session (user agent `AWS Internal`), whose
 *   `sessionContext.attributes.creationDate` is the sign-in time. The sign-in succeeded even
 *   when the request made afterwards was refused; a failed sign-in is a `ConsoleLogin`
 *   record that says `Failure`.
 * - An access key is used when a request is signed with it (`userIdentity.accessKeyId`).
 *   IAM records "only the first use" of a key "in a 15-minute span" and of a password "in a
 *   5-minute span": the dates here follow that.
 */
import { CONSOLE_USER_AGENT } from '../trail/cloudTrail';
import type { CloudTrailEvent } from '../trail/types';
import type { AccessKeyJson } from '../scenario/types';
import type { RootEntity, UserEntity, World } from '../model/world';
import type { AnalysisEvent } from './types';

const MINUTE = 60_000;
/** IAM records a key's use at most once every 15 minutes, a password's once every 5 minutes. */
export const KEY_USE_SPAN_MS = 15 * MINUTE;
export const PASSWORD_USE_SPAN_MS = 5 * MINUTE;
const DAY = 86_400_000;

/** True when the request succeeded (CloudTrail writes an `errorCode` for every failure). */
export function succeeded(event: CloudTrailEvent): boolean {
  return event.errorCode === undefined && event.eventType === 'AwsApiCall';
}

/** The IAM user, role or root user that made the request (its ARN), if any. */
export function actorOf(event: CloudTrailEvent): string | undefined {
  const identity = event.userIdentity;
  switch (identity.type) {
    case 'IAMUser':
    case 'Root':
      return identity.arn;
    case 'AssumedRole':
      return identity.sessionContext?.sessionIssuer?.arn;
    default:
      return undefined;
  }
}

/** The service prefix of an IAM action (`s3:GetObject` → `s3`), lower-cased. */
export function servicePrefix(action: string): string {
  const colon = action.indexOf(':');
  return (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
}

/** Milliseconds of an ISO 8601 date, `undefined` when it is not one. */
export function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** ISO 8601 without milliseconds, as IAM and CloudTrail write dates. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The start of the tracking period: a use at or after it is "within" the period. */
export function periodStart(now: Date, days: number): number {
  return now.getTime() - days * DAY;
}

/** What IAM records of a use: when, where and which service (a key's last use carries all three). */
export interface RecordedUse {
  readonly time: number;
  readonly region?: string;
  readonly service?: string;
}

/**
 * IAM's recorded last use from uses in any order: a use is recorded only when the last
 * recorded one is more than `span` earlier ("when … used more than once in a 15-minute span,
 * only the first use is recorded").
 */
export function recordedLastUse(uses: readonly RecordedUse[], span: number): RecordedUse | undefined {
  const sorted = [...uses].sort((a, b) => a.time - b.time);
  let recorded: RecordedUse | undefined;
  for (const use of sorted) if (!recorded || use.time - recorded.time > span) recorded = use;
  return recorded;
}

function latest(a: RecordedUse | undefined, b: RecordedUse | undefined): RecordedUse | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.time > a.time ? b : a;
}

/** True for a record of a request made from a console session. */
function consoleSession(event: CloudTrailEvent): boolean {
  return event.eventType === 'AwsApiCall' && event.userAgent === CONSOLE_USER_AGENT && event.userIdentity.sessionContext !== undefined;
}

/** The IAM user or root user a console record names (a failed or successful sign-in names a user by account and name). */
function consoleIdentity(event: CloudTrailEvent): string | undefined {
  const identity = event.userIdentity;
  if (identity.type === 'Root') return identity.arn ?? (identity.accountId ? `arn:aws:iam::${identity.accountId}:root` : undefined);
  if (identity.type !== 'IAMUser') return undefined;
  return identity.arn ?? (identity.accountId && identity.userName ? `${identity.accountId}/${identity.userName}` : undefined);
}

/** The usage facts of every credential and role, read once from the log. */
export interface UsageIndex {
  /** Sign-ins by identity key (see `identityKey`). */
  readonly signIns: ReadonlyMap<string, readonly RecordedUse[]>;
  /** Uses by access key id. */
  readonly keyUses: ReadonlyMap<string, readonly RecordedUse[]>;
  /** Successful requests by actor ARN (user, role, root). */
  readonly byActor: ReadonlyMap<string, readonly AnalysisEvent[]>;
  /** Successful role assumptions by role ARN. */
  readonly assumed: ReadonlyMap<string, readonly number[]>;
  /** The latest successful request by `action|resource` (the action lower-cased), for the IAM writes that create things. */
  readonly latestWrite: ReadonlyMap<string, number>;
}

/** An identity of the console: its ARN, or `ACCOUNT/NAME` for an IAM user a sign-in record names without ARN. */
function identityKeys(owner: UserEntity | RootEntity): string[] {
  return owner.kind === 'root' ? [owner.arn] : [owner.arn, `${owner.account.id}/${owner.name}`];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ASSUME_ROLE = /^sts:assumerole(withsaml|withwebidentity)?$/i;

/**
 * Indexes the log. A successful request that names an IAM user without a key of its own
 * (a request the learner sent as the user, not signed) stands for a programmatic call: AWS
 * signs every programmatic call with an access key, so when the user has exactly one active
 * key, the call is that key's use. With several active keys the log cannot tell which.
 */
export function indexUsage(world: World, events: readonly AnalysisEvent[]): UsageIndex {
  const signIns = new Map<string, RecordedUse[]>();
  const keyUses = new Map<string, RecordedUse[]>();
  const byActor = new Map<string, AnalysisEvent[]>();
  const assumed = new Map<string, number[]>();
  const latestWrite = new Map<string, number>();
  for (const entry of events) {
    const { event } = entry;
    const time = timeOf(event.eventTime);
    if (time === undefined) continue;
    if (event.eventType === 'AwsConsoleSignIn') {
      const who = consoleIdentity(event);
      const response = event.responseElements?.['ConsoleLogin'];
      if (who && response === 'Success' && event.errorMessage === undefined) push(signIns, who, { time });
      continue;
    }
    if (consoleSession(event)) {
      const who = consoleIdentity(event);
      const signedIn = timeOf(event.userIdentity.sessionContext?.attributes.creationDate) ?? time;
      if (who) push(signIns, who, { time: signedIn });
    }
    if (!succeeded(event)) continue;
    const use: RecordedUse = { time, region: event.awsRegion, service: servicePrefix(entry.action) };
    const actor = actorOf(event);
    if (actor) push(byActor, actor, entry);
    if (ASSUME_ROLE.test(entry.action)) push(assumed, entry.resource, time);
    const write = `${entry.action.toLowerCase()}|${entry.resource}`;
    if (servicePrefix(entry.action) === 'iam' && (latestWrite.get(write) ?? -Infinity) < time) latestWrite.set(write, time);
    const keyId = event.userIdentity.accessKeyId;
    if (keyId) {
      push(keyUses, keyId, use);
    } else if ((event.userIdentity.type === 'IAMUser' || event.userIdentity.type === 'Root') && !event.userIdentity.sessionContext && actor) {
      const owner = ownerOf(world, actor);
      const active = owner?.accessKeys.filter((k) => (k.status ?? 'Active') === 'Active') ?? [];
      if (active.length === 1) push(keyUses, active[0]!.id, use);
    }
  }
  return { signIns, keyUses, byActor, assumed, latestWrite };
}

/** The IAM user or root user with this ARN. */
export function ownerOf(world: World, arn: string): UserEntity | RootEntity | undefined {
  for (const account of world.accounts.values()) {
    if (account.root.arn === arn) return account.root;
    for (const user of account.users.values()) if (user.arn === arn) return user;
  }
  return undefined;
}

/** The password's last recorded use (console sign-in). */
export function passwordLastUsed(usage: UsageIndex, owner: UserEntity | RootEntity): RecordedUse | undefined {
  const uses = identityKeys(owner).flatMap((k) => usage.signIns.get(k) ?? []);
  return recordedLastUse(uses, PASSWORD_USE_SPAN_MS);
}

/** An access key's last recorded use: the log's, or the scenario's `lastUsed` when later. */
export function keyLastUsed(usage: UsageIndex, key: AccessKeyJson): RecordedUse | undefined {
  const fromLog = recordedLastUse(usage.keyUses.get(key.id) ?? [], KEY_USE_SPAN_MS);
  const fact = timeOf(key.lastUsed);
  return latest(fromLog, fact === undefined ? undefined : { time: fact });
}

/** A role's last use: assumed, or a request made by one of its sessions. */
export function roleLastUsed(usage: UsageIndex, roleArn: string): number | undefined {
  const times = [...(usage.assumed.get(roleArn) ?? []), ...(usage.byActor.get(roleArn) ?? []).flatMap((e) => timeOf(e.event.eventTime) ?? [])];
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** The principal's successful requests, with their times. */
export function actorEvents(usage: UsageIndex, arn: string): readonly AnalysisEvent[] {
  return usage.byActor.get(arn) ?? [];
}

/**
 * When the log shows an IAM write that created the entity or credential (CreateUser,
 * CreateRole, CreateLoginProfile …) — the latest such allowed request on `resource`, for
 * "existed for the whole tracking period" and the credential report's dates.
 */
export function createdInLog(usage: UsageIndex, actions: readonly string[], resource: string): number | undefined {
  let found: number | undefined;
  for (const action of actions) {
    const time = usage.latestWrite.get(`${action.toLowerCase()}|${resource}`);
    if (time !== undefined && (found === undefined || time > found)) found = time;
  }
  return found;
}
