/**
 * The credential report, one per account, in AWS's CSV format (IAM User Guide, "Generate
 * credential reports for your AWS account"): the columns in AWS's order, the root user's row
 * first as `<root_account>`, booleans `true`/`false`, dates in ISO 8601 (`+00:00`, as the
 * report writes them), and AWS's words for what has no value:
 *
 * - `N/A`: not applicable — no password, no such access key, a key never used (its
 *   last-used date, region and service), no password policy requiring rotation.
 * - `no_information`: a password that was never used to sign in.
 * - `not_supported`: the root user's `password_enabled`, `password_last_changed` and
 *   `password_next_rotation`.
 *
 * The facts come from the world (passwords, MFA, keys with their `created` and `lastUsed`
 * dates) and the event log (sign-ins, key uses, and the IAM writes that created a user or
 * set a password). A date neither records (a user the world lists without its creation) is
 * `N/A`: the report says nothing it does not know. X.509 signing certificates are not part
 * of the playground: `false` and `N/A`.
 */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { CredentialReport, EventLogQuery } from './types';
import { createdInLog, indexUsage, keyLastUsed, passwordLastUsed, timeOf, type UsageIndex } from './eventLog';
import type { RootEntity, UserEntity } from '../model/world';
import type { AccessKeyJson } from '../scenario/types';

/** The report's columns, in AWS's order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation',
  'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;

const NA = 'N/A';
const NO_INFORMATION = 'no_information';
const NOT_SUPPORTED = 'not_supported';

/** A date as the credential report writes it: `2026-03-01T12:00:05+00:00`. */
export function reportDate(ms: number | undefined): string {
  return ms === undefined ? NA : new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const bool = (value: boolean) => (value ? 'true' : 'false');

/** One CSV cell (RFC 4180): quoted only when it must be (IAM names may hold a comma). */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function keyColumns(usage: UsageIndex, key: AccessKeyJson | undefined): string[] {
  if (!key) return ['false', NA, NA, NA, NA];
  const last = keyLastUsed(usage, key);
  return [
    bool((key.status ?? 'Active') === 'Active'),
    reportDate(timeOf(key.created)),
    reportDate(last?.time),
    last?.region ?? NA,
    last?.service ?? NA,
  ];
}

function rowOf(owner: UserEntity | RootEntity, usage: UsageIndex): string[] {
  const [key1, key2] = owner.accessKeys;
  const keys = [...keyColumns(usage, key1), ...keyColumns(usage, key2)];
  const certs = ['false', NA, 'false', NA];
  const signIn = passwordLastUsed(usage, owner);
  if (owner.kind === 'root') {
    // The root user always has a password; the report says it was never used when no sign-in is known.
    return [
      '<root_account>', owner.arn, NA, NOT_SUPPORTED, signIn ? reportDate(signIn.time) : NO_INFORMATION, NOT_SUPPORTED, NOT_SUPPORTED,
      bool(owner.mfaDevices.length > 0), ...keys, ...certs,
    ];
  }
  const hasPassword = owner.password !== undefined;
  const passwordSet = createdInLog(usage, ['iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:ChangePassword'], owner.arn);
  return [
    owner.name, owner.arn, reportDate(createdInLog(usage, ['iam:CreateUser'], owner.arn)),
    bool(hasPassword),
    hasPassword ? (signIn ? reportDate(signIn.time) : NO_INFORMATION) : NA,
    hasPassword ? reportDate(passwordSet) : NA,
    NA,
    bool(owner.mfa), ...keys, ...certs,
  ];
}

export async function credentialReports(deps: AnalysisDeps, query: EventLogQuery, control: AnalysisControl): Promise<readonly CredentialReport[]> {
  const { world } = deps;
  const usage = indexUsage(world, query.events);
  const header = [...CREDENTIAL_REPORT_COLUMNS];
  const reports: CredentialReport[] = [];
  const accounts = world.accountOrder.flatMap((id) => world.accounts.get(id) ?? []);
  for (let i = 0; i < accounts.length; i++) {
    await control.step(i, accounts.length);
    const account = accounts[i]!;
    const rows = [account.root, ...account.users.values()].map((owner) => rowOf(owner, usage));
    const csv = [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n');
    reports.push({ account: account.id, csv, header, rows });
  }
  return reports;
}
