/**
 * What the policy editor explains on hover and beside completions, in English: the policy
 * elements, the principal types, the condition operators (each of them, plus the IfExists
 * suffix and the set operators), the common global condition keys, and the fixed labels of
 * an action's documentation. Sources: IAM User Guide, "IAM JSON policy element reference",
 * "IAM JSON policy elements: Condition operators", "Set operators for multivalued context
 * keys" and "AWS global condition context keys". Korean: ./editor.docs.ko.ts, same shape.
 */
import type { ConditionOperatorName } from '../../../engine/policy/conditionOperators';

export const POLICY_ELEMENTS = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export type PolicyElementName = (typeof POLICY_ELEMENTS)[number];

export const PRINCIPAL_TYPE_NAMES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
export const ACCESS_LEVEL_NAMES = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;

/** The global condition keys explained in both languages (spelled as the IAM data spells them). */
export const DOCUMENTED_GLOBAL_KEYS = [
  'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalTag/tag-key',
  'aws:PrincipalIsAWSService', 'aws:PrincipalServiceName', 'aws:PrincipalType', 'aws:userid', 'aws:username',
  'aws:FederatedProvider', 'aws:TokenIssueTime', 'aws:MultiFactorAuthAge', 'aws:MultiFactorAuthPresent', 'aws:SourceIdentity',
  'aws:SourceIp', 'aws:SourceVpc', 'aws:SourceVpce', 'aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:ResourceOrgPaths',
  'aws:ResourceTag/tag-key', 'aws:CalledVia', 'aws:ViaAWSService', 'aws:CurrentTime', 'aws:EpochTime', 'aws:referer',
  'aws:RequestedRegion', 'aws:RequestTag/tag-key', 'aws:TagKeys', 'aws:SecureTransport', 'aws:SourceArn', 'aws:SourceAccount',
  'aws:SourceOrgID', 'aws:UserAgent',
] as const;
export type DocumentedGlobalKey = (typeof DOCUMENTED_GLOBAL_KEYS)[number];

export interface EditorDocs {
  readonly elements: Readonly<Record<PolicyElementName, string>>;
  readonly principalTypes: Readonly<Record<(typeof PRINCIPAL_TYPE_NAMES)[number], string>>;
  readonly effects: Readonly<Record<'Allow' | 'Deny', string>>;
  readonly versions: Readonly<Record<'2012-10-17' | '2008-10-17', string>>;
  readonly operators: Readonly<Record<ConditionOperatorName, string>>;
  /** The parts an operator name can add to its base operator. */
  readonly operatorParts: Readonly<Record<'IfExists' | 'ForAllValues' | 'ForAnyValue', string>>;
  readonly globalKeys: Readonly<Record<DocumentedGlobalKey, string>>;
  readonly accessLevels: Readonly<Record<(typeof ACCESS_LEVEL_NAMES)[number], string>>;
  readonly labels: Readonly<Record<
    | 'element' | 'principalType' | 'effect' | 'version' | 'operator' | 'globalKey' | 'serviceKey' | 'action' | 'service'
    | 'accessLevel' | 'resourceTypes' | 'required' | 'conditionKeys' | 'noResourceTypes' | 'dependentActions' | 'keyType'
    | 'awsDescription' | 'wildcardAction' | 'actionsOf' | 'arnOf' | 'accountOf' | 'anyone' | 'loading' | 'newStatement',
    string
  >>;
}

export const editorDocsEn: EditorDocs = {
  elements: {
    Version: 'The version of the policy language. Always write "2012-10-17": without it AWS uses 2008-10-17, where policy variables such as ${aws:username} are not replaced.',
    Id: 'An optional identifier of the policy. Used by some resource-based policies (for example SQS); identity-based policies must not have it.',
    Statement: 'The main element of a policy: one statement (an object) or several (an array). Each statement allows or denies actions on resources, under optional conditions.',
    Sid: 'An optional name of the statement. In IAM policies only letters A-Z, a-z and digits 0-9, unique within the policy.',
    Effect: 'Whether the statement allows or denies: "Allow" or "Deny" (case-sensitive). An explicit Deny always wins over any Allow.',
    Principal: 'Who the statement applies to: an AWS account, an IAM user or role, an AWS service, a federated identity, or "*" (anyone). Required in trust policies and resource-based policies; not allowed in identity-based policies.',
    NotPrincipal: 'Every principal except those listed. Only with "Effect": "Deny" in resource-based policies; AWS recommends Principal with conditions such as aws:PrincipalArn instead.',
    Action: 'The actions the statement allows or denies, as service:action (s3:GetObject). Wildcards * and ? match several actions (s3:Get*). Action names are case-insensitive.',
    NotAction: 'Every action except those listed. With "Effect": "Allow" it also allows actions AWS adds later; prefer listing actions.',
    Resource: 'The resources the statement covers, as ARNs (arn:aws:s3:::bucket/*) or "*". Wildcards match within ARN segments; policy variables are replaced in the resource part.',
    NotResource: 'Every resource except those listed. With "Effect": "Allow" it also covers resources created later.',
    Condition: 'Extra tests on the request context: operator → condition key → value(s). All operators and keys of a statement must match (AND); the values of one key are alternatives (OR).',
  },
  principalTypes: {
    AWS: 'An AWS account (12-digit ID or arn:aws:iam::ID:root), an IAM user or role ARN, an assumed-role session ARN, or "*".',
    Service: 'An AWS service that acts for you, such as ec2.amazonaws.com or lambda.amazonaws.com (a service role\'s trust policy).',
    Federated: 'An identity provider: an IAM SAML or OIDC provider ARN, or a web identity provider such as accounts.google.com or cognito-identity.amazonaws.com.',
    CanonicalUser: 'An Amazon S3 canonical user ID (64 hexadecimal characters), used by some S3 features.',
  },
  effects: {
    Allow: 'Allows the matched requests, unless an explicit Deny anywhere applies.',
    Deny: 'Explicitly denies the matched requests. An explicit Deny overrides every Allow.',
  },
  versions: {
    '2012-10-17': 'The current policy language version: supports policy variables and every current feature. Always use it.',
    '2008-10-17': 'An old version of the policy language: policy variables are not replaced (taken literally). Use "2012-10-17".',
  },
  operators: {
    StringEquals: 'Exact match, case-sensitive.',
    StringNotEquals: 'True when the value matches none of the listed values (case-sensitive).',
    StringEqualsIgnoreCase: 'Exact match, ignoring case.',
    StringNotEqualsIgnoreCase: 'True when the value matches none of the listed values, ignoring case.',
    StringLike: 'Case-sensitive match with wildcards: * (any characters) and ? (one character).',
    StringNotLike: 'True when the value matches none of the patterns (wildcards * and ?, case-sensitive).',
    NumericEquals: 'The number equals the value.',
    NumericNotEquals: 'The number differs from every value.',
    NumericLessThan: 'The number is less than the value.',
    NumericLessThanEquals: 'The number is less than or equal to the value.',
    NumericGreaterThan: 'The number is greater than the value.',
    NumericGreaterThanEquals: 'The number is greater than or equal to the value.',
    DateEquals: 'The date equals the value (ISO 8601 such as 2026-01-01T00:00:00Z, or epoch seconds).',
    DateNotEquals: 'The date differs from every value.',
    DateLessThan: 'The date is before the value.',
    DateLessThanEquals: 'The date is at or before the value.',
    DateGreaterThan: 'The date is after the value.',
    DateGreaterThanEquals: 'The date is at or after the value.',
    Bool: 'A Boolean key is "true" or "false" (for example aws:SecureTransport).',
    BinaryEquals: 'Byte-for-byte comparison of a binary key with a base64-encoded value.',
    IpAddress: 'The IP address is in the given IPv4/IPv6 address or CIDR range (aws:SourceIp).',
    NotIpAddress: 'The IP address is in none of the given ranges.',
    ArnEquals: 'Compares ARNs segment by segment; wildcards * and ? are allowed in each segment (the same as ArnLike).',
    ArnLike: 'Compares ARNs segment by segment, with wildcards * and ? in each segment.',
    ArnNotEquals: 'True when the ARN matches none of the values (segment by segment, wildcards allowed).',
    ArnNotLike: 'True when the ARN matches none of the patterns (segment by segment, wildcards allowed).',
    Null: '"true": the key is absent from the request (or null); "false": the key is present.',
  },
  operatorParts: {
    IfExists: '…IfExists: when the key is absent from the request, the condition is true; when present, the operator is applied as usual.',
    ForAllValues: 'ForAllValues: for a multivalued key, true when every value in the request matches a value of the condition — also when the key is absent or empty.',
    ForAnyValue: 'ForAnyValue: for a multivalued key, true when at least one value in the request matches; false when the key is absent.',
  },
  globalKeys: {
    'aws:PrincipalArn': 'The ARN of the principal that made the request (for a role session: the role\'s ARN).',
    'aws:PrincipalAccount': 'The account ID of the principal that made the request.',
    'aws:PrincipalOrgID': 'The AWS Organizations organization ID of the principal\'s account.',
    'aws:PrincipalOrgPaths': 'The organization paths (root and OUs) of the principal\'s account. Multivalued.',
    'aws:PrincipalTag/tag-key': 'A tag attached to the principal (user or role), by tag key.',
    'aws:PrincipalIsAWSService': 'Whether the request is made by an AWS service principal (true/false).',
    'aws:PrincipalServiceName': 'The name of the AWS service principal that made the request (e.g. cloudtrail.amazonaws.com).',
    'aws:PrincipalType': 'The type of the principal: Account (root user), User, FederatedUser, AssumedRole or Anonymous.',
    'aws:userid': 'The unique ID of the principal (for a role session: role-id:session-name).',
    'aws:username': 'The name of the IAM user (present only for IAM users).',
    'aws:FederatedProvider': 'The identity provider that issued the caller\'s identity (for web identity and SAML sessions).',
    'aws:TokenIssueTime': 'When the temporary security credentials were issued.',
    'aws:MultiFactorAuthAge': 'Seconds since the principal authenticated with MFA (absent without MFA).',
    'aws:MultiFactorAuthPresent': 'Whether the temporary credentials were issued with MFA. Absent for long-term access keys: test it with BoolIfExists or Null.',
    'aws:SourceIdentity': 'The source identity set when the role was assumed.',
    'aws:SourceIp': 'The requester\'s public IP address. Use IpAddress / NotIpAddress.',
    'aws:SourceVpc': 'The VPC the request came through (VPC endpoint).',
    'aws:SourceVpce': 'The VPC endpoint the request came through.',
    'aws:ResourceAccount': 'The account ID that owns the resource.',
    'aws:ResourceOrgID': 'The organization ID of the account that owns the resource.',
    'aws:ResourceOrgPaths': 'The organization paths of the account that owns the resource. Multivalued.',
    'aws:ResourceTag/tag-key': 'A tag attached to the resource, by tag key.',
    'aws:CalledVia': 'The services that made the request on the principal\'s behalf, in order. Multivalued.',
    'aws:ViaAWSService': 'Whether an AWS service made the request on the principal\'s behalf (forward access sessions).',
    'aws:CurrentTime': 'The date and time of the request. Use Date operators.',
    'aws:EpochTime': 'The time of the request in epoch seconds. Use Date or Numeric operators.',
    'aws:referer': 'The HTTP Referer header of the request (easy to forge: not for protection).',
    'aws:RequestedRegion': 'The AWS Region the request is made to (e.g. us-east-1).',
    'aws:RequestTag/tag-key': 'A tag passed in the request (when creating or tagging a resource), by tag key.',
    'aws:TagKeys': 'The tag keys passed in the request. Multivalued: use ForAllValues or ForAnyValue.',
    'aws:SecureTransport': 'Whether the request was sent over TLS (HTTPS). Use Bool.',
    'aws:SourceArn': 'The ARN of the resource a service acts for when it calls another service (confused deputy protection).',
    'aws:SourceAccount': 'The account of the resource a service acts for when it calls another service (confused deputy protection).',
    'aws:SourceOrgID': 'The organization ID of the account of the resource a service acts for.',
    'aws:UserAgent': 'The requester\'s client application (easy to forge: not for protection).',
  },
  accessLevels: {
    List: 'List',
    Read: 'Read',
    Write: 'Write',
    'Permissions management': 'Permissions management',
    Tagging: 'Tagging',
  },
  labels: {
    element: 'Policy element',
    principalType: 'Principal type',
    effect: 'Effect',
    version: 'Policy language version',
    operator: 'Condition operator',
    globalKey: 'Global condition key',
    serviceKey: 'Condition key of {service}',
    action: 'Action',
    service: 'Service',
    accessLevel: 'Access level',
    resourceTypes: 'Resource types',
    required: 'required',
    conditionKeys: 'Condition keys',
    noResourceTypes: 'No resource type: use "Resource": "*".',
    dependentActions: 'Also needs',
    keyType: 'Type',
    awsDescription: 'From the AWS Service Authorization Reference',
    wildcardAction: 'Every action of {service} whose name matches',
    actionsOf: 'Actions of {service}',
    arnOf: 'ARN in this world',
    accountOf: 'Account in this world',
    anyone: 'Anyone (every principal, anonymous users included)',
    loading: 'Loading the IAM service data…',
    newStatement: 'New statement',
  },
};
