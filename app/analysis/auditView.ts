/**
 * The view logic of the audit sections (external access, policy findings, unused access,
 * policy generation, security status): how an engine answer is grouped, counted and
 * labelled for the screen. Pure and React-free, so the tests pin it with hand-made answers;
 * nothing here decides anything about access — the engine already has.
 */
import type {
  AnalysisKind,
  AnalysisResult,
  ExternalAccessFinding,
  GeneratedPolicy,
  UnusedAccessFinding,
  UnusedFindingType,
  WorldFinding,
} from '../../engine/analysis/types';
import type { PolicyRef } from '../../engine/evaluate/types';
import type { FindingSeverity } from '../../engine/policy/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import type { MessageKey } from '../i18n';
import type { Lang } from '../i18n/language';
import type { AnalysisRun } from '../store/analysisSlice';
import { arn } from '../world/arns';

/** The result of a finished run of `kind`, typed by its kind; undefined while running, failed or never run. */
export function resultOf<K extends AnalysisKind>(run: AnalysisRun | undefined, kind: K): Extract<AnalysisResult, { kind: K }> | undefined {
  if (run?.state !== 'done' || run.result.kind !== kind) return undefined;
  return run.result as Extract<AnalysisResult, { kind: K }>;
}

// ── principals of the world (the pickers) ──────────────────────────────────────────────

export interface PrincipalOption {
  readonly arn: string;
  readonly kind: 'user' | 'role' | 'root';
  readonly account: string;
  /** The account as people know it: its alias, else its id. */
  readonly accountLabel: string;
  readonly name: string;
}

/**
 * The IAM users and roles of the world (and, with `root`, each account's root user), in
 * the world's order: the principals whose activity the event log can hold.
 */
export function worldPrincipals(world: ScenarioJson | null, options: { readonly root?: boolean } = {}): PrincipalOption[] {
  const out: PrincipalOption[] = [];
  for (const account of world?.accounts ?? []) {
    const accountLabel = account.alias ?? account.id;
    if (options.root) out.push({ arn: arn.root(account.id), kind: 'root', account: account.id, accountLabel, name: accountLabel });
    for (const user of account.users ?? []) out.push({ arn: arn.user(account.id, user.name, user.path), kind: 'user', account: account.id, accountLabel, name: user.name });
    for (const role of account.roles ?? []) out.push({ arn: arn.role(account.id, role.name, role.path), kind: 'role', account: account.id, accountLabel, name: role.name });
  }
  return out;
}

/** The label of an account: `Account 1111… (alias)` when it has an alias. */
export function accountLabelKey(world: ScenarioJson | null, account: string): { key: MessageKey; params: { account: string; alias?: string } } {
  const alias = world?.accounts.find((a) => a.id === account)?.alias;
  return alias ? { key: 'audit.accountAlias', params: { account, alias } } : { key: 'audit.account', params: { account } };
}

// ── external access ────────────────────────────────────────────────────────────────────

/** Who gets access, as a message key and parameters; an ARN is shown as itself (`key` null). */
export function externalWho(principal: ExternalAccessFinding['principal']): { key: MessageKey | null; params: { value: string } } {
  const params = { value: principal.value };
  switch (principal.kind) {
    case 'public':
      return { key: 'audit.external.public', params };
    case 'account':
      return { key: 'audit.external.who.account', params };
    case 'service':
      return { key: 'audit.external.who.service', params };
    case 'federated':
      return { key: 'audit.external.who.federated', params };
    case 'arn':
      return { key: null, params };
  }
}

/** A condition as it reads in the policy: `StringEquals aws:PrincipalOrgID = o-1, o-2`. */
export function conditionText(condition: ExternalAccessFinding['conditions'][number]): string {
  return `${condition.operator} ${condition.key} = ${condition.values.join(', ')}`;
}

/** Findings sorted for reading: public access first, then by resource ARN, keeping the engine's order otherwise. */
export function sortExternal(findings: readonly ExternalAccessFinding[]): ExternalAccessFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => Number(b.f.isPublic) - Number(a.f.isPublic) || a.f.resource.localeCompare(b.f.resource) || a.i - b.i)
    .map(({ f }) => f);
}

// ── policy findings ────────────────────────────────────────────────────────────────────

/** Access Analyzer's four classes, most serious first. */
export const SEVERITIES: readonly FindingSeverity[] = ['error', 'securityWarning', 'warning', 'suggestion'];

export type SeverityFilter = FindingSeverity | 'all';

export function severityCounts(findings: readonly WorldFinding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, securityWarning: 0, warning: 0, suggestion: 0 };
  for (const f of findings) counts[f.finding.severity]++;
  return counts;
}

export interface PolicyFindingGroup {
  readonly policy: PolicyRef;
  readonly findings: readonly WorldFinding[];
}

/**
 * The findings of one class (or all) grouped by policy: groups in the engine's order of
 * first appearance (the same order under every filter), the findings of a group most serious first, then in text order.
 */
export function groupByPolicy(findings: readonly WorldFinding[], filter: SeverityFilter): PolicyFindingGroup[] {
  const groups = new Map<string, { policy: PolicyRef; findings: WorldFinding[] }>();
  // Groups keep one order whatever the filter (first appearance among all findings).
  for (const f of findings) {
    let group = groups.get(f.policy.id);
    if (!group) {
      group = { policy: f.policy, findings: [] };
      groups.set(f.policy.id, group);
    }
    if (filter === 'all' || f.finding.severity === filter) group.findings.push(f);
  }
  const rank = (s: FindingSeverity) => SEVERITIES.indexOf(s);
  return [...groups.values()].filter((g) => g.findings.length > 0).map((g) => ({
    policy: g.policy,
    findings: [...g.findings].sort((a, b) => rank(a.finding.severity) - rank(b.finding.severity) || a.finding.span.start - b.finding.span.start),
  }));
}

/** How many policies have at least one finding. */
export function policiesWithFindings(findings: readonly WorldFinding[]): number {
  return new Set(findings.map((f) => f.policy.id)).size;
}

// ── unused access ──────────────────────────────────────────────────────────────────────

export const UNUSED_TYPES: readonly UnusedFindingType[] = ['UnusedIAMRole', 'UnusedIAMUserAccessKey', 'UnusedIAMUserPassword', 'UnusedPermission'];

/** Access Analyzer's tracking period: a whole number of days from 1 to 365. */
export const UNUSED_DAYS = { min: 1, max: 365, default: 90 } as const;

/** The tracking period typed by the learner, or null when it is not a whole number of days in range. */
export function parseDays(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const days = Number(text);
  return days >= UNUSED_DAYS.min && days <= UNUSED_DAYS.max ? days : null;
}

/** The findings by type, in Access Analyzer's order of types; types without findings left out. */
export function groupUnused(findings: readonly UnusedAccessFinding[]): { type: UnusedFindingType; findings: UnusedAccessFinding[] }[] {
  return UNUSED_TYPES.map((type) => ({ type, findings: findings.filter((f) => f.type === type) })).filter((g) => g.findings.length > 0);
}

// ── policy generation ──────────────────────────────────────────────────────────────────

export function diffCounts(diff: GeneratedPolicy['diff']): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff) {
    if (line.op === 'added') added++;
    else if (line.op === 'removed') removed++;
  }
  return { added, removed };
}

/** The sign a diff line is marked with (a true minus sign, as typography has it). */
export function diffSign(op: GeneratedPolicy['diff'][number]['op']): string {
  return op === 'added' ? '+' : op === 'removed' ? '\u2212' : ' ';
}

/**
 * A name for the generated inline policy that the principal does not have yet:
 * `GeneratedFromLog`, then `GeneratedFromLog2`, `GeneratedFromLog3`…
 */
export function inlinePolicyName(world: ScenarioJson | null, principal: { readonly account: string; readonly kind: string; readonly name: string }): string {
  const account = world?.accounts.find((a) => a.id === principal.account);
  const holder = principal.kind === 'user' ? account?.users?.find((u) => u.name === principal.name) : account?.roles?.find((r) => r.name === principal.name);
  const taken = new Set(Object.keys(holder?.inlinePolicies ?? {}));
  const base = 'GeneratedFromLog';
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

// ── dates and files ────────────────────────────────────────────────────────────────────

/** An ISO 8601 time in the learner's language, in UTC (the world's clock is UTC). */
export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

/** The credential report's file name: the account and the time it was downloaded (`credential-report_<account>_<yyyymmddThhmmssZ>.csv`). */
export function credentialReportFileName(account: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `credential-report_${account}_${stamp}.csv`;
}
