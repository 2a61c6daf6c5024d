/**
 * The pieces of IAM Access Analyzer's external-access reasoning that look at one
 * statement: who a Principal entry names (and whether that is inside the zone of trust),
 * which conditions keep the access inside the zone, which make it non-public, and the
 * resource type an ARN has.
 *
 * IAM User Guide, "IAM Access Analyzer findings": "Any principal in the organization or
 * account that you choose for the analyzer is considered trusted … Any sharing that is
 * within the zone of trust is considered safe, so IAM Access Analyzer does not generate a
 * finding." Amazon S3 User Guide, "The meaning of public": a policy that grants `*` is not
 * public when a condition pins a fixed value of aws:SourceIp, aws:SourceArn,
 * aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount or aws:userid (and,
 * for principals, aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalOrgID).
 */
import type { ConditionClause, PrincipalEntry } from '../policy/types';
import type { ExternalAccessFinding } from './types';

/** The accounts a resource's zone of trust holds, and the organization when the zone is one. */
export interface Zone {
  readonly accounts: ReadonlySet<string>;
  readonly orgId: string | undefined;
}

export type FindingPrincipal = ExternalAccessFinding['principal'];

const ACCOUNT_ID = /^\d{12}$/;

/** The account of an ARN (its fifth field) when it is a plain 12-digit id. */
export function arnAccount(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && ACCOUNT_ID.test(account) ? account : undefined;
}

/**
 * What a Principal entry names: `*`, an account (its id or root ARN), an ARN (user, role,
 * session…), a service or a federated provider; and the account it belongs to, when it
 * has one.
 */
export function describeEntry(entry: PrincipalEntry): { principal: FindingPrincipal; account: string | undefined } {
  const value = entry.value;
  switch (entry.type) {
    case 'Service':
      return { principal: { kind: 'service', value }, account: undefined };
    case 'Federated':
      return { principal: { kind: 'federated', value }, account: undefined };
    case 'CanonicalUser':
      return { principal: { kind: 'arn', value }, account: undefined };
    case 'AWS': {
      if (value === '*') return { principal: { kind: 'public', value: '*' }, account: undefined };
      if (ACCOUNT_ID.test(value)) return { principal: { kind: 'account', value }, account: value };
      const root = /^arn:[a-z-]+:iam::(\d{12}):root$/.exec(value);
      if (root) return { principal: { kind: 'account', value: root[1]! }, account: root[1]! };
      return { principal: { kind: 'arn', value }, account: arnAccount(value) };
    }
  }
}

/** Operators whose (fixed) values say who may call: the key must equal one of them. */
const POSITIVE = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
/** Their negations: a Deny with one of these on a zone key denies everyone outside the listed values. */
const NEGATIVE = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'arnnotequals', 'arnnotlike']);

const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:sourceaccount', 'aws:sourceowner']);
const ORG_ID_KEYS = new Set(['aws:principalorgid', 'aws:sourceorgid']);
const ORG_PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn']);

/** Keys whose fixed values make a grant to `*` non-public (S3's "meaning of public", plus the principal keys). */
const NON_PUBLIC_KEYS = new Set([
  'aws:sourceip', 'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner', 'aws:sourceaccount', 'aws:userid',
  'aws:principalaccount', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths',
]);

/** True for a key that names who calls (an account, the organization, an ARN). */
export function isZoneKey(key: string): boolean {
  const k = key.toLowerCase();
  return ACCOUNT_KEYS.has(k) || ORG_ID_KEYS.has(k) || ORG_PATH_KEYS.has(k) || ARN_KEYS.has(k);
}

const fixed = (value: string): boolean => !/[*?]|\$\{/.test(value);

/** Whether one value of a zone key names something inside the zone. */
function valueInZone(key: string, value: string, zone: Zone): boolean {
  const k = key.toLowerCase();
  if (ACCOUNT_KEYS.has(k)) return fixed(value) && zone.accounts.has(value);
  if (ORG_ID_KEYS.has(k)) return zone.orgId !== undefined && value === zone.orgId;
  if (ORG_PATH_KEYS.has(k)) return zone.orgId !== undefined && value.startsWith(`${zone.orgId}/`);
  if (ARN_KEYS.has(k)) {
    const account = value.split(':')[4] ?? '';
    return ACCOUNT_ID.test(account) && zone.accounts.has(account);
  }
  return false;
}

function baseOperator(clause: ConditionClause): string {
  return clause.operator.toLowerCase();
}

/**
 * A clause that limits an Allow to callers inside the zone: a positive operator (not
 * …IfExists, which lets a caller without the key through) on a zone key whose every value
 * is inside the zone. A caller without the key fails the condition, so it is kept out too.
 */
export function keepsInsideZone(clause: ConditionClause, zone: Zone): boolean {
  if (clause.ifExists || clause.qualifier === 'ForAllValues') return false;
  if (!POSITIVE.has(baseOperator(clause)) || !isZoneKey(clause.key)) return false;
  return clause.values.length > 0 && clause.values.every((v) => valueInZone(clause.key, v.value, zone));
}

/**
 * A clause of a Deny that denies every caller outside the zone: a negated operator on a
 * zone key whose listed values are all inside the zone ("deny unless aws:PrincipalOrgID is
 * ours").
 */
export function deniesOutsideZone(clause: ConditionClause, zone: Zone): boolean {
  if (clause.qualifier !== undefined) return false;
  if (!NEGATIVE.has(baseOperator(clause)) || !isZoneKey(clause.key)) return false;
  return clause.values.length > 0 && clause.values.every((v) => valueInZone(clause.key, v.value, zone));
}

/** The accounts outside the zone that an account-key clause narrows a grant to `*` to (fixed values only). */
export function externalAccountsOf(clause: ConditionClause, zone: Zone): string[] | undefined {
  if (clause.ifExists || !POSITIVE.has(baseOperator(clause))) return undefined;
  const k = clause.key.toLowerCase();
  if (k !== 'aws:principalaccount' && k !== 'aws:sourceaccount') return undefined;
  if (!clause.values.every((v) => fixed(v.value) && ACCOUNT_ID.test(v.value))) return undefined;
  return clause.values.map((v) => v.value).filter((a) => !zone.accounts.has(a));
}

/** Whether a clause pins fixed values of a key that makes a grant to `*` non-public. */
export function makesNonPublic(clause: ConditionClause): boolean {
  if (clause.ifExists) return false;
  const op = baseOperator(clause);
  if (!POSITIVE.has(op) && op !== 'ipaddress') return false;
  if (!NON_PUBLIC_KEYS.has(clause.key.toLowerCase())) return false;
  return clause.values.length > 0 && clause.values.every((v) => fixed(v.value) && !/^(0\.0\.0\.0\/0|::\/0)$/.test(v.value));
}

/**
 * AWS's resource type for an ARN (Access Analyzer's `resourceType`): the types it analyses
 * by name, and `AWS::<service>::<type>` from the ARN for any other.
 */
export function resourceTypeOf(arn: string): string {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const rest = parts.slice(5).join(':');
  const head = rest.split(/[/:]/)[0] ?? '';
  switch (service) {
    case 's3':
      return rest.includes('/') ? 'AWS::S3::Object' : rest.endsWith('--x-s3') ? 'AWS::S3Express::DirectoryBucket' : 'AWS::S3::Bucket';
    case 's3express':
      return 'AWS::S3Express::DirectoryBucket';
    case 'iam':
      return head === 'role' ? 'AWS::IAM::Role' : head === 'user' ? 'AWS::IAM::User' : `AWS::IAM::${capital(head)}`;
    case 'kms':
      return 'AWS::KMS::Key';
    case 'sqs':
      return 'AWS::SQS::Queue';
    case 'sns':
      return 'AWS::SNS::Topic';
    case 'lambda':
      return head === 'layer' ? 'AWS::Lambda::LayerVersion' : 'AWS::Lambda::Function';
    case 'secretsmanager':
      return 'AWS::SecretsManager::Secret';
    case 'ecr':
      return 'AWS::ECR::Repository';
    case 'elasticfilesystem':
      return 'AWS::EFS::FileSystem';
    case 'dynamodb':
      return rest.includes('/stream/') ? 'AWS::DynamoDB::Stream' : 'AWS::DynamoDB::Table';
    case 'ec2':
      return head === 'snapshot' ? 'AWS::EC2::Snapshot' : `AWS::EC2::${capital(head)}`;
    case 'rds':
      return head === 'cluster-snapshot' ? 'AWS::RDS::DBClusterSnapshot' : head === 'snapshot' ? 'AWS::RDS::DBSnapshot' : `AWS::RDS::${capital(head)}`;
    default:
      return `AWS::${capital(service)}::${capital(head) || 'Resource'}`;
  }
}

function capital(text: string): string {
  return text
    .split(/[-_]/)
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('');
}
