/**
 * The IAM dashboard's security recommendations, per account (IAM console, "Security
 * recommendations"; IAM User Guide, "Security best practices in IAM"):
 *
 * - `rootMfa`: the root user has an MFA device.
 * - `rootAccessKeys`: the root user has no active access keys (offenders: the key ids).
 * - `usersWithoutMfa`: every IAM user with a console password has MFA (offenders: user ARNs).
 * - `oldAccessKeys`: no active access key is older than 90 days (offenders: key ids; a key
 *   whose `created` date the world does not give cannot be judged).
 * - `unusedCredentials`: no IAM user credential went unused for 90 days — a console password
 *   not used to sign in (offender: the user's ARN), an active access key not used (offender:
 *   the key id). A credential created within the 90 days is not judged; one the world lists
 *   without a date is taken to be older.
 */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { EventLogQuery, SecurityCheck, SecurityStatusReport } from './types';
import { createdInLog, indexUsage, keyLastUsed, passwordLastUsed, periodStart, timeOf } from './eventLog';
import type { AccessKeyJson } from '../scenario/types';

/** The dashboard's age limit for access keys and its "unused" window. */
export const CREDENTIAL_AGE_DAYS = 90;

const active = (key: AccessKeyJson) => (key.status ?? 'Active') === 'Active';

export async function securityStatus(deps: AnalysisDeps, query: EventLogQuery, control: AnalysisControl): Promise<SecurityStatusReport> {
  const { world, now } = deps;
  const usage = indexUsage(world, query.events);
  const limit = periodStart(now, CREDENTIAL_AGE_DAYS);
  const checks: SecurityCheck[] = [];
  const accounts = [...world.accountOrder].flatMap((id) => world.accounts.get(id) ?? []);
  for (let i = 0; i < accounts.length; i++) {
    await control.step(i, accounts.length);
    const account = accounts[i]!;
    const check = (code: SecurityCheck['code'], offenders: string[]) => checks.push({ code, account: account.id, ok: offenders.length === 0, offenders });
    const root = account.root;
    const users = [...account.users.values()];

    check('rootMfa', root.mfaDevices.length > 0 ? [] : [root.arn]);
    check('rootAccessKeys', root.accessKeys.filter(active).map((k) => k.id));
    check('usersWithoutMfa', users.filter((u) => u.password !== undefined && !u.mfa).map((u) => u.arn));

    const old: string[] = [];
    for (const key of [...root.accessKeys, ...users.flatMap((u) => u.accessKeys)]) {
      const created = timeOf(key.created);
      if (active(key) && created !== undefined && created < limit) old.push(key.id);
    }
    check('oldAccessKeys', old);

    const unused: string[] = [];
    for (const user of users) {
      const created = createdInLog(usage, ['iam:CreateUser'], user.arn);
      if (created !== undefined && created > limit) continue;
      const passwordSet = createdInLog(usage, ['iam:CreateLoginProfile'], user.arn);
      if (user.password !== undefined && (passwordSet === undefined || passwordSet <= limit)) {
        const last = passwordLastUsed(usage, user);
        if (!last || last.time < limit) unused.push(user.arn);
      }
      for (const key of user.accessKeys) {
        const keyCreated = timeOf(key.created);
        if (!active(key) || (keyCreated !== undefined && keyCreated > limit)) continue;
        const last = keyLastUsed(usage, key);
        if (!last || last.time < limit) unused.push(key.id);
      }
    }
    check('unusedCredentials', unused);
  }
  return { now: now.toISOString(), checks };
}
