/**
 * The analyses of a world — the questions that come after "is this one request allowed?" —
 * as typed queries and typed answers. Each answer carries what the UI needs to explain it
 * (the policies, statements and spans involved); the UI only renders. Every analysis runs
 * in the worker, reports progress and can be cancelled (./control.ts).
 */
import type { PolicyRef } from '../evaluate/types';
import type { Span } from '../policy/types';
import type { EditorFinding } from '../policy/validateText';
import type { CloudTrailEvent } from '../trail/types';

/** A principal of the world, as the analyses name it. */
export type PrincipalKind = 'root' | 'user' | 'role';

export interface PrincipalSummary {
  readonly arn: string;
  readonly kind: PrincipalKind;
  readonly account: string;
  /** The user's or role's name; the account id (or alias) for a root user. */
  readonly name: string;
}

// ── who can ────────────────────────────────────────────────────────────────────────────

export interface WhoCanQuery {
  readonly action: string;
  readonly resource: string;
  /** Extra request context (keys as AWS spells them), the same for every candidate. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export interface WhoCanAnswer {
  readonly arn: string;
  /** The roles assumed on the way, in order; empty when the principal can act directly. */
  readonly via: readonly string[];
}

/** The answer as the analysis view shows it: each principal with its path. */
export interface WhoCanReport {
  readonly query: WhoCanQuery;
  readonly principals: readonly (WhoCanAnswer & { readonly principal: PrincipalSummary })[];
  /** How many principals were asked (every user, role and root user of the world). */
  readonly candidates: number;
}

// ── effective permissions ──────────────────────────────────────────────────────────────

export interface EffectivePermissionsQuery {
  /** The user, role or root user (its ARN). */
  readonly principal: string;
  /** Only these services (prefixes); all services its policies name when absent. */
  readonly services?: readonly string[];
}

/** One statement that takes part in a permission, with where it is. */
export interface StatementRef {
  readonly policy: PolicyRef;
  /** The statement's `Sid`, when it has one. */
  readonly sid?: string;
  /** The statement's span in the policy's source text (JSON.stringify(document, null, 2)). */
  readonly span?: Span;
}

export interface EffectivePermission {
  /** `service:Action` in AWS's casing. */
  readonly action: string;
  /** A resource ARN of the world, or `*` for actions (or statements) that name no resource of it. */
  readonly resource: string;
  readonly decision: 'allowed' | 'denied';
  /** The Allow statements that grant it (identity-based or resource-based). */
  readonly grantedBy: readonly StatementRef[];
  /**
   * What keeps a granted action from being allowed (decision `denied`): an explicit deny,
   * or a permissions boundary, SCP, RCP or session policy with no allow for it.
   */
  readonly limitedBy: readonly StatementRef[];
  /** The stage that limited it (engine `Stage`), when denied. */
  readonly limitedAt?: string;
  /** True when a granting statement has a Condition (allowed only when it holds). */
  readonly conditional: boolean;
}

export interface EffectiveService {
  readonly prefix: string;
  /** The service's name (the IAM service data), the prefix when unknown. */
  readonly name: string;
  readonly permissions: readonly EffectivePermission[];
}

export interface EffectivePermissionsReport {
  readonly principal: PrincipalSummary;
  readonly services: readonly EffectiveService[];
  /** (action, resource) pairs judged. */
  readonly judged: number;
  /** True when the pairs were capped (a note says so in the view). */
  readonly truncated: boolean;
  /**
   * For an account's root user, what applies to it: it has no identity-based policies and may
   * do everything in its own account except what a resource-based policy requires it to be
   * granted (a KMS key policy) or denies; in a member account of an organization the SCPs
   * still limit it (not in the management account). `permissions` then lists what
   * resource-based policies grant it and what the SCPs' Deny statements take away.
   */
  readonly root?: {
    readonly inOrganization: boolean;
    readonly managementAccount: boolean;
    /** The SCPs that limit it (none outside an organization or in the management account). */
    readonly scps: readonly PolicyRef[];
  };
}

// ── the access graph (PMapper's model) ─────────────────────────────────────────────────

/**
 * How one principal gets to act as another (or to make itself an administrator):
 * `assumeRole` is ordinary role assumption; the others are privilege-escalation techniques.
 */
export type AccessEdgeKind =
  | 'assumeRole'
  | 'passRoleEc2'
  | 'passRoleLambda'
  | 'passRoleCloudFormation'
  | 'createAccessKey'
  | 'createLoginProfile'
  | 'updateLoginProfile'
  | 'updateAssumeRolePolicy'
  | 'createPolicyVersion'
  | 'attachUserPolicy'
  | 'putUserPolicy'
  | 'attachRolePolicy'
  | 'putRolePolicy'
  | 'attachGroupPolicy'
  | 'putGroupPolicy'
  | 'addUserToGroup';

export const ACCESS_EDGE_KINDS: readonly AccessEdgeKind[] = [
  'assumeRole', 'passRoleEc2', 'passRoleLambda', 'passRoleCloudFormation', 'createAccessKey', 'createLoginProfile',
  'updateLoginProfile', 'updateAssumeRolePolicy', 'createPolicyVersion', 'attachUserPolicy', 'putUserPolicy',
  'attachRolePolicy', 'putRolePolicy', 'attachGroupPolicy', 'putGroupPolicy', 'addUserToGroup',
];

export interface AccessEdge {
  readonly from: string;
  /** The principal reached; equal to `from` for a self-escalation (it makes itself an administrator). */
  readonly to: string;
  readonly kind: AccessEdgeKind;
  /** The actions `from` is allowed that make the edge, each on its resource. */
  readonly actions: readonly { readonly action: string; readonly resource: string }[];
  /** Something that goes with the technique (a policy's ARN, a group's ARN), when there is one. */
  readonly via?: string;
}

/** Why a node is an administrator: it may do `*` on `*`, or it can give itself that. */
export type AdminReason = 'allActions' | 'selfEscalation';

export interface AccessGraphNode {
  readonly principal: PrincipalSummary;
  readonly admin?: AdminReason;
}

export interface EscalationPath {
  /** A principal that is not an administrator… */
  readonly from: string;
  /** …and the administrator it can become. */
  readonly to: string;
  /** The edges in order (the shortest path). */
  readonly edges: readonly AccessEdge[];
}

export interface AccessGraph {
  readonly nodes: readonly AccessGraphNode[];
  readonly edges: readonly AccessEdge[];
  /**
   * For every principal not allowed `*` on `*` that can become an administrator, the shortest
   * path: to another principal that is one, or ending in its own self-escalation edge (a
   * principal marked `selfEscalation` is listed too: the path says how it gets there).
   */
  readonly escalations: readonly EscalationPath[];
}

// ── external access (IAM Access Analyzer) ──────────────────────────────────────────────

/** Access Analyzer's zone of trust: the resource's own account, or the whole organization. */
export type ZoneOfTrust = 'account' | 'organization';

export interface ExternalAccessQuery {
  readonly zone: ZoneOfTrust;
}

export interface ExternalAccessFinding {
  /** Stable within one answer (resource + statement + principal). */
  readonly id: string;
  readonly resource: string;
  /** AWS's resource type, e.g. `AWS::S3::Bucket`, `AWS::IAM::Role`, `AWS::KMS::Key`. */
  readonly resourceType: string;
  readonly resourceAccount: string;
  /** Who outside the zone gets access: `*` (anyone), an account id, an ARN, a service or a federated provider. */
  readonly principal: { readonly kind: 'public' | 'account' | 'arn' | 'service' | 'federated'; readonly value: string };
  /** The actions granted (as the statement writes them). */
  readonly actions: readonly string[];
  /** True when the statement grants every action but `actions` (it writes NotAction). */
  readonly notAction?: boolean;
  /** The conditions that still apply (keys as written), which narrow but do not remove the access. */
  readonly conditions: readonly { readonly operator: string; readonly key: string; readonly values: readonly string[] }[];
  readonly isPublic: boolean;
  /** The statement that grants it. */
  readonly statement: StatementRef;
}

export interface ExternalAccessReport {
  readonly zone: ZoneOfTrust;
  /** The zone as the view names it: the accounts (account zone) or the organization id. */
  readonly zoneLabel: string;
  readonly findings: readonly ExternalAccessFinding[];
  /** Policies read (resource-based and trust policies). */
  readonly policiesAnalyzed: number;
}

// ── the event log (for unused access, policy generation, Access Advisor) ─────────────────

/** One request of the learner's event log: its CloudTrail record with the action and resource it asked for. */
export interface AnalysisEvent {
  readonly event: CloudTrailEvent;
  readonly action: string;
  readonly resource: string;
}

/** An analysis of the accounts that also reads the event log (last-used dates). */
export interface EventLogQuery {
  readonly events: readonly AnalysisEvent[];
}

// ── unused access ──────────────────────────────────────────────────────────────────────

export interface UnusedAccessQuery {
  readonly events: readonly AnalysisEvent[];
  /** Access Analyzer's tracking period: unused when not used within these days before `now`. */
  readonly unusedDays: number;
}

export type UnusedFindingType = 'UnusedIAMRole' | 'UnusedIAMUserAccessKey' | 'UnusedIAMUserPassword' | 'UnusedPermission';

export interface UnusedAccessFinding {
  readonly type: UnusedFindingType;
  readonly principal: PrincipalSummary;
  /** The access key id (UnusedIAMUserAccessKey). */
  readonly accessKeyId?: string;
  /** The service (UnusedPermission): its prefix and the granted actions never used. */
  readonly service?: string;
  readonly actions?: readonly string[];
  /** When last used (ISO 8601), if ever. */
  readonly lastUsed?: string;
}

export interface UnusedAccessReport {
  readonly unusedDays: number;
  /** The clock the report was made at (the world's `now`, else the real time), ISO 8601. */
  readonly now: string;
  readonly findings: readonly UnusedAccessFinding[];
}

// ── least-privilege policy generation ──────────────────────────────────────────────────

export interface GeneratePolicyQuery {
  /** The user or role whose activity is read. */
  readonly principal: string;
  readonly events: readonly AnalysisEvent[];
}

export interface GeneratedPolicy {
  readonly principal: PrincipalSummary;
  /** The policy as JSON text (2-space indentation), ready for the editor. */
  readonly text: string;
  /** Allowed requests read from the log (denied ones grant nothing). */
  readonly eventsUsed: number;
  /** The principal's current identity-based permissions, merged into one document's text, for the diff. */
  readonly currentText: string;
  /** A line diff of `currentText` → `text`. */
  readonly diff: readonly { readonly op: 'same' | 'added' | 'removed'; readonly line: string }[];
  /** Actions the current policies allow that the log never used (what the generated policy drops). */
  readonly dropped: readonly string[];
  /** The generated policy's statements (0 when the log shows no allowed request: the view says so). */
  readonly statementCount?: number;
}

// ── the IAM dashboard, the credential report, Access Advisor ───────────────────────────

export type SecurityCheckCode =
  | 'rootMfa'
  | 'rootAccessKeys'
  | 'usersWithoutMfa'
  | 'oldAccessKeys'
  | 'unusedCredentials';

export interface SecurityCheck {
  readonly code: SecurityCheckCode;
  readonly account: string;
  readonly ok: boolean;
  /** The principals (or key ids) that fail the check. */
  readonly offenders: readonly string[];
}

export interface SecurityStatusReport {
  readonly now: string;
  readonly checks: readonly SecurityCheck[];
}

export interface CredentialReport {
  readonly account: string;
  /** In AWS's CSV format (header row as `aws iam get-credential-report` decodes it). */
  readonly csv: string;
  /** The same rows, cell by cell, for the table. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface AccessAdvisorQuery {
  readonly principal: string;
  readonly events: readonly AnalysisEvent[];
}

export interface AccessAdvisorEntry {
  readonly prefix: string;
  readonly name: string;
  /** ISO 8601 of the last allowed request to the service, or absent: not accessed. */
  readonly lastAccessed?: string;
  /** The policies that grant some action of the service. */
  readonly grantedBy: readonly PolicyRef[];
}

export interface AccessAdvisorReport {
  readonly principal: PrincipalSummary;
  readonly services: readonly AccessAdvisorEntry[];
}

// ── policy validation across the world ─────────────────────────────────────────────────

export interface WorldFinding {
  readonly policy: PolicyRef;
  readonly finding: EditorFinding;
}

export interface WorldFindingsReport {
  readonly findings: readonly WorldFinding[];
  readonly policiesChecked: number;
}

// ── the one query and answer the worker speaks ─────────────────────────────────────────

export type AnalysisQuery =
  | { readonly kind: 'whoCan'; readonly query: WhoCanQuery }
  | { readonly kind: 'effectivePermissions'; readonly query: EffectivePermissionsQuery }
  | { readonly kind: 'accessGraph' }
  | { readonly kind: 'externalAccess'; readonly query: ExternalAccessQuery }
  | { readonly kind: 'unusedAccess'; readonly query: UnusedAccessQuery }
  | { readonly kind: 'generatePolicy'; readonly query: GeneratePolicyQuery }
  | { readonly kind: 'securityStatus'; readonly query: EventLogQuery }
  | { readonly kind: 'credentialReport'; readonly query: EventLogQuery }
  | { readonly kind: 'accessAdvisor'; readonly query: AccessAdvisorQuery }
  | { readonly kind: 'worldFindings' };

export type AnalysisResult =
  | { readonly kind: 'whoCan'; readonly report: WhoCanReport }
  | { readonly kind: 'effectivePermissions'; readonly report: EffectivePermissionsReport }
  | { readonly kind: 'accessGraph'; readonly graph: AccessGraph }
  | { readonly kind: 'externalAccess'; readonly report: ExternalAccessReport }
  | { readonly kind: 'unusedAccess'; readonly report: UnusedAccessReport }
  | { readonly kind: 'generatePolicy'; readonly policy: GeneratedPolicy }
  | { readonly kind: 'securityStatus'; readonly report: SecurityStatusReport }
  | { readonly kind: 'credentialReport'; readonly reports: readonly CredentialReport[] }
  | { readonly kind: 'accessAdvisor'; readonly report: AccessAdvisorReport }
  | { readonly kind: 'worldFindings'; readonly report: WorldFindingsReport };

export type AnalysisKind = AnalysisQuery['kind'];
