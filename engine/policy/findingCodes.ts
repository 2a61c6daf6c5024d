/**
 * Every policy finding code, in one table: its Access Analyzer class and its English
 * message template. The engine speaks codes with parameters; the UI translates the code
 * (app/i18n), the command line uses the English template. `{name}` in a template is
 * replaced by the parameter of that name.
 *
 * The classes follow IAM Access Analyzer policy validation (IAM User Guide, "IAM Access
 * Analyzer policy check reference"): an `error` is something AWS rejects; a
 * `securityWarning` grants more than the author likely meant; a `warning` does not work as
 * written; a `suggestion` is a simplification.
 */
import type { FindingSeverity, PolicyFinding, Span } from './types';

export const POLICY_FINDING_CODES = {
  // ── errors: the text or the policy as a whole ──
  jsonSyntaxError: { severity: 'error', message: 'The policy is not valid JSON: {detail} at line {line}, column {column}.' },
  jsonTooDeep: { severity: 'error', message: 'The policy nests objects and arrays more than {maxDepth} levels deep; flatten it.' },
  policyNotSerializable: { severity: 'error', message: 'The policy document cannot be written as JSON ({reason}); give a JSON object.' },
  policyNotObject: { severity: 'error', message: 'A policy must be a JSON object, not {actual}.' },
  duplicateKey: { severity: 'error', message: 'The key `{key}` appears more than once in the same object; keep one.' },
  unknownElement: { severity: 'error', message: '`{element}` is not a policy element here; remove it.' },
  unknownElementCase: { severity: 'error', message: '`{element}` is not a policy element; element names are case-sensitive: write `{suggestion}`.' },
  invalidElementType: { severity: 'error', message: '`{element}` must be {expected}, not {actual}.' },
  invalidVersion: { severity: 'error', message: 'The Version `{value}` is not valid; use "2012-10-17".' },
  versionRequired: { severity: 'error', message: 'This policy type requires "Version": "2012-10-17".' },
  missingStatement: { severity: 'error', message: 'The policy has no statement; add a Statement element with at least one statement.' },
  statementNotObject: { severity: 'error', message: 'A statement must be a JSON object, not {actual}.' },
  unsupportedCharacter: { severity: 'error', message: 'The character {character} is not allowed in this policy; IAM accepts tab, line feed, carriage return and U+0020 to U+00FF.' },
  policySizeExceeded: { severity: 'error', message: 'The policy has {size} characters; the {quota} quota is {limit}. Shorten it.' },
  uniqueSidsRequired: { severity: 'error', message: 'The Sid `{sid}` is used by more than one statement; Sids must be unique in this policy type.' },
  // ── errors: statements ──
  missingEffect: { severity: 'error', message: 'Add an Effect element with the value "Allow" or "Deny".' },
  invalidEffect: { severity: 'error', message: 'The Effect `{value}` is not valid; use "Allow" or "Deny" (case-sensitive).' },
  missingAction: { severity: 'error', message: 'Add an Action or NotAction element to the statement.' },
  missingResource: { severity: 'error', message: 'Add a Resource or NotResource element to the statement.' },
  missingPrincipal: { severity: 'error', message: 'Add a Principal element: this policy type must say whom the statement applies to.' },
  unsupportedElementCombination: { severity: 'error', message: '{first} and {second} cannot be used in the same statement; remove one.' },
  principalNotSupported: { severity: 'error', message: '{element} is not supported in {kind} policies; remove it.' },
  resourceNotSupported: { severity: 'error', message: '{element} is not allowed in a role trust policy (the resource is the role itself); remove it.' },
  rcpAllowNotSupported: { severity: 'error', message: 'Resource control policies support only "Effect": "Deny" (Allow exists only in RCPFullAWSAccess).' },
  rcpPrincipalMustBeStar: { severity: 'error', message: 'In resource control policies the Principal must be "*"; narrow it with conditions such as aws:PrincipalArn.' },
  rcpNotActionNotSupported: { severity: 'error', message: 'Resource control policies do not support NotAction; use Action.' },
  emptyValueList: { severity: 'error', message: '{element} has no values; give at least one.' },
  invalidValueType: { severity: 'error', message: 'The values of {element} must be strings, not {actual}.' },
  unsupportedSid: { severity: 'error', message: 'The Sid `{sid}` may contain only letters A-Z, a-z and digits 0-9.' },
  // ── errors: actions and resources ──
  invalidActionFormat: { severity: 'error', message: 'The action `{value}` is not of the form service:action (for example s3:GetObject).' },
  invalidArnPrefix: { severity: 'error', message: 'The resource `{value}` must be "*" or an ARN starting with "arn:".' },
  missingArnField: { severity: 'error', message: 'The ARN `{value}` needs the fields arn:partition:service:region:account:resource.' },
  invalidArnServiceCase: { severity: 'error', message: 'The service `{service}` in the ARN `{value}` must be lowercase.' },
  invalidArnAccount: { severity: 'error', message: 'The account `{account}` in the ARN `{value}` is not a 12-digit account ID.' },
  invalidPartition: { severity: 'error', message: 'The partition `{partition}` in `{value}` is not an AWS partition (aws, aws-cn, aws-us-gov, …).' },
  // ── errors: principals ──
  invalidPrincipalFormat: { severity: 'error', message: 'The {element} element must be "*" or an object such as {"AWS": "123456789012"}.' },
  invalidPrincipalKey: { severity: 'error', message: '`{key}` is not a principal type; use AWS, Service, Federated or CanonicalUser (case-sensitive).' },
  invalidPrincipalAccount: { severity: 'error', message: 'The account ID `{value}` is not valid; an account ID has exactly 12 digits.' },
  invalidPrincipalArn: { severity: 'error', message: 'The principal `{value}` is not a valid IAM or STS principal ARN.' },
  invalidAwsPrincipal: { severity: 'error', message: 'The AWS principal `{value}` must be "*", a 12-digit account ID, an IAM/STS ARN or a unique ID.' },
  unsupportedWildcardInPrincipal: { severity: 'error', message: 'The principal `{value}` uses a wildcard; only a whole "*" is allowed. Use a condition on aws:PrincipalArn instead.' },
  invalidFederatedPrincipal: { severity: 'error', message: 'The federated principal `{value}` must be an identity provider domain or an IAM saml-provider/oidc-provider ARN.' },
  invalidCanonicalUser: { severity: 'error', message: 'The canonical user ID `{value}` must be 64 hexadecimal characters.' },
  // ── errors: conditions ──
  invalidConditionBlock: { severity: 'error', message: '{element} must be an object of {expected}.' },
  unknownConditionOperator: { severity: 'error', message: 'The condition operator `{operator}` is not valid.' },
  unknownConditionOperatorCase: { severity: 'error', message: 'The condition operator `{operator}` is not valid; operator names are case-sensitive: write `{suggestion}`.' },
  invalidConditionValue: { severity: 'error', message: 'A value of the condition key `{key}` must be a string, number or Boolean, not {actual}.' },
  invalidConditionKeyFormat: { severity: 'error', message: 'The condition key `{key}` is not of the form prefix:name (for example aws:SourceIp).' },
  missingTagKeyInCondition: { severity: 'error', message: 'The condition key `{key}` needs a tag key: write `{key}/tag-key`.' },
  duplicateConditionKeyCase: { severity: 'error', message: 'The condition key `{key}` appears more than once in `{operator}` with different capitalization; keep one.' },
  nullWithIfExists: { severity: 'error', message: 'The Null operator cannot take the IfExists suffix.' },
  multipleBooleanValues: { severity: 'error', message: 'The condition key `{key}` takes one Boolean value; use a single "true" or "false".' },
  invalidVariableForOperator: { severity: 'error', message: 'The policy variable in `{value}` cannot be used with `{operator}`; policy variables work only with String and Arn operators.' },
  invalidPolicyVariable: { severity: 'error', message: 'The policy variable in `{value}` is malformed: {problem}.' },
  // ── security warnings ──
  allowWithNotPrincipal: { severity: 'securityWarning', message: 'Allow with NotPrincipal grants access to every principal except those listed, anonymous users included; AWS does not support it. Use Principal with conditions.' },
  allowWithNotAction: { severity: 'securityWarning', message: 'Allow with NotAction grants every action except those listed, including actions AWS adds later; list the actions to allow instead.' },
  allowWithNotResource: { severity: 'securityWarning', message: 'Allow with NotResource grants access to every resource except those listed, including resources created later; list the resources instead.' },
  passRoleWithStarInResource: { severity: 'securityWarning', message: 'This statement allows iam:PassRole (through `{action}`) on every role ("Resource": "*"); name the roles that may be passed.' },
  passRoleWithNotResource: { severity: 'securityWarning', message: 'This statement allows iam:PassRole (through `{action}`) on every role not listed in NotResource; name the roles that may be passed.' },
  anyPrincipalWithoutCondition: { severity: 'securityWarning', message: 'This statement allows any principal ("{value}"), anonymous users included, with no condition; restrict it with a Principal or conditions such as aws:PrincipalOrgID.' },
  // ── warnings ──
  missingVersion: { severity: 'warning', message: 'The policy has no Version; AWS then uses 2008-10-17, where policy variables are not replaced. Add "Version": "2012-10-17".' },
  policyVariableWithoutVersion: { severity: 'warning', message: '`{value}` contains a policy variable, but without "Version": "2012-10-17" it is taken literally.' },
  policyVariableNotSupported: { severity: 'warning', message: '`{value}` contains a policy variable, but {element} does not replace variables; it is taken literally.' },
  policyVariableInArnPrefix: { severity: 'warning', message: 'In `{value}` a policy variable stands before the resource part of the ARN; AWS replaces variables only after the fifth colon.' },
  idNotSupported: { severity: 'warning', message: 'The Id element is for resource-based policies; the IAM policy grammar says it must not appear in {kind} policies.' },
  uniqueSidsRecommended: { severity: 'warning', message: 'The Sid `{sid}` is used by more than one statement; make Sids unique.' },
  emptyCondition: { severity: 'warning', message: '{element} is empty and tests nothing; remove it or add a condition.' },
  wildcardWithoutLikeOperator: { severity: 'warning', message: '`{operator}` compares `{value}` literally: * and ? are wildcards only with StringLike or StringNotLike.' },
  typeMismatchNumber: { severity: 'warning', message: '`{operator}` expects a number, but `{value}` is not one; the condition never matches as intended.' },
  typeMismatchDate: { severity: 'warning', message: '`{operator}` expects a date (ISO 8601 or epoch seconds), but `{value}` is not one.' },
  typeMismatchBoolean: { severity: 'warning', message: '`{operator}` expects "true" or "false", not `{value}`.' },
  typeMismatchIpAddress: { severity: 'warning', message: '`{operator}` expects an IPv4 or IPv6 address or CIDR range, not `{value}`.' },
  typeMismatchBinary: { severity: 'warning', message: '`{operator}` expects a base64-encoded value, not `{value}`.' },
  invalidServicePrincipal: { severity: 'warning', message: 'The service principal `{value}` does not look like service-name.amazonaws.com.' },
  trustPolicyNonStsAction: { severity: 'warning', message: 'A trust policy controls only sts: actions (AssumeRole, TagSession, …); `{value}` has no effect here.' },
  // ── suggestions ──
  emptySid: { severity: 'suggestion', message: 'The Sid is empty; remove it or give the statement a name.' },
  outdatedVersion: { severity: 'suggestion', message: 'Version 2008-10-17 does not support policy variables and newer features; use "2012-10-17".' },
  duplicateValue: { severity: 'suggestion', message: '`{value}` is listed more than once in {element}; remove the repetition.' },
  redundantValue: { severity: 'suggestion', message: '`{value}` is already covered by `{coveredBy}` in {element}; remove it.' },
  // ── the IAM service catalogue (./serviceFindings.ts), after Access Analyzer's checks of the same names ──
  invalidServiceInAction: { severity: 'error', message: 'The service `{service}` in the action `{action}` does not exist; use a valid service prefix.' },
  invalidServiceInActionDidYouMean: { severity: 'error', message: 'The service `{service}` in the action `{action}` does not exist; did you mean `{suggestion}`? Use a valid service prefix.' },
  invalidAction: { severity: 'error', message: 'The action `{action}` does not exist.' },
  invalidActionDidYouMean: { severity: 'error', message: 'The action `{action}` does not exist; did you mean `{suggestion}`? Check the spelling.' },
  invalidActionWildcard: { severity: 'error', message: 'No action of the service `{service}` matches `{action}`; check the spelling.' },
  invalidService: { severity: 'error', message: 'The service `{service}` of the condition key `{key}` does not exist; use a valid service prefix.' },
  invalidGlobalConditionKey: { severity: 'error', message: 'The condition key `{key}` does not exist; use a valid global condition key.' },
  invalidServiceConditionKey: { severity: 'error', message: 'The condition key `{key}` does not exist in the service `{service}`; use a valid condition key.' },
  unsupportedGlobalConditionKey: { severity: 'error', message: 'The condition key `{key}` is not supported; use aws:PrincipalArn or aws:SourceArn instead.' },
  unsupportedActionForConditionKey: { severity: 'error', message: 'The Service Authorization Reference lists the condition key `{key}` for none of {actions}; move these actions to a statement without this condition key.' },
  missingQualifier: { severity: 'error', message: 'The condition key `{key}` can have several values in a request; use the ForAllValues or ForAnyValue qualifier with `{operator}`.' },
  invalidArnResource: { severity: 'error', message: 'The resource ARN `{value}` does not match the ARN format of any `{service}` resource type; update the resource part of the ARN.' },
  arnAccountNotAllowed: { severity: 'error', message: 'The service `{service}` does not support an account ID in the resource ARN `{value}`; remove the account ID.' },
  arnRegionNotAllowed: { severity: 'error', message: 'The service `{service}` does not support a Region in the resource ARN `{value}`; remove the Region.' },
  missingArnRegion: { severity: 'error', message: 'Add a Region to the `{service}` resource ARN `{value}`.' },
  unsupportedActionInPolicy: { severity: 'error', message: 'The action `{action}` is not supported in a resource-based policy attached to the resource type {resourceType}.' },
  unsupportedResourceArnInPolicy: { severity: 'error', message: 'The resource ARN `{value}` is not supported in a resource-based policy attached to the resource type {resourceType}.' },
  rcpServiceNotSupported: { severity: 'error', message: 'Resource control policies do not support the service `{service}` (in `{action}`); RCPs apply only to the services listed in the AWS Organizations User Guide.' },
  forAllValuesWithSingleValuedKey: { severity: 'securityWarning', message: 'ForAllValues with the single-valued condition key `{key}` can be overly permissive: it is also true when the key is absent. Remove ForAllValues:.' },
  stringLikeWithArnKey: { severity: 'securityWarning', message: 'Use the operator type ARN (ArnLike) instead of `{operator}` for the ARN condition key `{key}`.' },
  typeMismatch: { severity: 'warning', message: 'The condition key `{key}` has the type {keyType}: use a {allowed} operator instead of `{operator}`.' },
  actionResourceMismatch: { severity: 'warning', message: 'None of the statement\'s resources is of a resource type of `{action}` ({resourceTypes}), so the statement does not apply to it; add an ARN such as `{example}`.' },
} as const satisfies Record<string, { readonly severity: FindingSeverity; readonly message: string }>;

export type PolicyFindingCode = keyof typeof POLICY_FINDING_CODES;

export type FindingParams = Readonly<Record<string, string | number>>;

/** The English sentence of a code with its parameters filled in. */
export function findingMessage(code: PolicyFindingCode, params: FindingParams): string {
  return POLICY_FINDING_CODES[code].message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Builds a finding; the severity and the English message come from the table. */
export function makeFinding(code: PolicyFindingCode, params: FindingParams, span: Span, path: string): PolicyFinding {
  return { severity: POLICY_FINDING_CODES[code].severity, code, params, span, path, message: findingMessage(code, params) };
}
