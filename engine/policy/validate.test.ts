import { describe, expect, it } from 'vitest';
import { POLICY_FINDING_CODES, findingMessage } from './findingCodes';
import { parsePolicy } from './parse';
import type { PolicyFinding, PolicyKind } from './types';
import { validatePolicy } from './validate';

type Doc = Record<string, unknown>;
const V = '2012-10-17';

/** The findings of a policy (a statement alone is wrapped in a 2012-10-17 policy). */
function findings(doc: Doc, kind: PolicyKind): PolicyFinding[] {
  const policy = 'Statement' in doc ? doc : { Version: V, Statement: [doc] };
  const r = parsePolicy(policy, kind);
  if (!r.ok) throw new Error(`not evaluable: ${r.findings.map((f) => f.message).join('; ')}`);
  return [...r.findings];
}
const codes = (doc: Doc, kind: PolicyKind): string[] => findings(doc, kind).map((f) => f.code).sort();

const allowS3 = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const trust = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' };
const rcp = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } };

/** [AWS rule, kind, statement or policy, the exact sorted finding codes]. */
const RULES: [string, PolicyKind, Doc, string[]][] = [
  // ── clean policies of every kind ──
  ['a plain identity policy has no finding', 'identity', allowS3, []],
  ['a plain permissions boundary has no finding', 'boundary', allowS3, []],
  ['a plain session policy has no finding', 'session', allowS3, []],
  ['a plain bucket policy has no finding', 'resource', { ...allowS3, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }, []],
  ['a plain trust policy has no finding', 'trust', trust, []],
  ['a plain SCP has no finding', 'scp', { Effect: 'Deny', Action: 'ec2:*', Resource: '*' }, []],
  ['a plain RCP has no finding', 'rcp', rcp, []],
  // ── Version (IAM JSON policy elements: Version) ──
  ['a missing Version is a warning: AWS uses 2008-10-17', 'identity', { Statement: [allowS3] }, ['missingVersion']],
  ['Version 2008-10-17 is valid but outdated', 'identity', { Version: '2008-10-17', Statement: [allowS3] }, ['outdatedVersion']],
  ['an unknown Version is an error', 'identity', { Version: '2012-10-18', Statement: [allowS3] }, ['invalidVersion']],
  ['a numeric Version is an error', 'identity', { Version: 2012, Statement: [allowS3] }, ['invalidVersion']],
  ['every SCP must include "Version": "2012-10-17" (SCP syntax)', 'scp', { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }, ['versionRequired']],
  ['every RCP must include "Version": "2012-10-17" (RCP syntax)', 'rcp', { Version: '2008-10-17', Statement: [rcp] }, ['versionRequired']],
  // ── Id (grammar notes: optional in resource-based policies, not in identity-based ones) ──
  ['Id in an identity policy is a warning', 'identity', { Version: V, Id: 'x', Statement: [allowS3] }, ['idNotSupported']],
  ['Id in a resource policy is fine', 'resource', { Version: V, Id: 'x', Statement: [{ ...allowS3, Principal: { AWS: '111122223333' } }] }, []],
  // ── Principal by kind ──
  ['Principal is not allowed in an identity-based policy', 'identity', { ...allowS3, Principal: { AWS: '111122223333' } }, ['principalNotSupported']],
  ['Principal is not allowed in a permissions boundary', 'boundary', { ...allowS3, Principal: '*' }, ['principalNotSupported']],
  ['Principal is not allowed in a session policy', 'session', { ...allowS3, Principal: '*' }, ['principalNotSupported']],
  ['SCPs do not support Principal (SCP syntax)', 'scp', { Effect: 'Deny', Action: '*', Resource: '*', Principal: '*' }, ['principalNotSupported']],
  ['a resource-based policy needs Principal or NotPrincipal', 'resource', allowS3, ['missingPrincipal']],
  ['a Deny with NotPrincipal satisfies the Principal requirement of a resource policy', 'resource', { ...allowS3, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }, []],
  ['a trust policy needs Principal', 'trust', { Effect: 'Allow', Action: 'sts:AssumeRole' }, ['missingPrincipal']],
  ['NotPrincipal cannot be used in a role trust policy', 'trust', { Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }, ['missingPrincipal', 'principalNotSupported']],
  ['NotPrincipal cannot be used in an identity-based policy', 'identity', { ...allowS3, Effect: 'Deny', NotPrincipal: '*' }, ['principalNotSupported']],
  ['SCPs and RCPs do not support NotPrincipal', 'rcp', { ...rcp, Principal: undefined, NotPrincipal: { AWS: '111122223333' } }, ['missingPrincipal', 'principalNotSupported']],
  ['Principal and NotPrincipal together are an error', 'resource', { ...allowS3, Effect: 'Deny', Principal: '*', NotPrincipal: '*' }, ['unsupportedElementCombination']],
  // ── Action (each statement needs exactly one of Action/NotAction) ──
  ['a statement needs Action or NotAction', 'identity', { Effect: 'Allow', Resource: '*' }, ['missingAction']],
  ['Action and NotAction together are an error', 'identity', { ...allowS3, NotAction: 'iam:*' }, ['allowWithNotAction', 'unsupportedElementCombination']],
  ['an action must be service:action', 'identity', { ...allowS3, Action: ['s3GetObject', 's3:', ':x', 's3:Get Object', 's3:a:b'] }, Array(5).fill('invalidActionFormat')],
  ['wildcards anywhere in an action are valid', 'identity', { ...allowS3, Action: ['s3:Get*', 's3:*Object', 'ec2:?escribe*', '*'] }, ['redundantValue', 'redundantValue', 'redundantValue']],
  ['action prefixes and names are case-insensitive', 'identity', { ...allowS3, Action: ['IAM:listaccesskeys'] }, []],
  ['a policy variable in Action is taken literally', 'identity', { ...allowS3, Action: 's3:${aws:username}' }, ['policyVariableNotSupported']],
  // ── Resource ──
  ['an identity policy statement needs Resource or NotResource', 'identity', { Effect: 'Allow', Action: 's3:*' }, ['missingResource']],
  ['Resource and NotResource together are an error', 'identity', { ...allowS3, Effect: 'Deny', NotResource: 'arn:aws:s3:::x' }, ['unsupportedElementCombination']],
  ['a role trust policy has no Resource ("Has prohibited field Resource")', 'trust', { ...trust, Resource: '*' }, ['resourceNotSupported']],
  ['an SCP statement needs Resource', 'scp', { Effect: 'Deny', Action: '*' }, ['missingResource']],
  ['a resource must be "*" or an ARN', 'identity', { ...allowS3, Resource: 'bucket/*' }, ['invalidArnPrefix']],
  ['an ARN has six fields', 'identity', { ...allowS3, Resource: ['arn:aws:s3', 'arn:aws:s3:::', 'arn:aws::us-east-1:111122223333:x'] }, ['missingArnField', 'missingArnField', 'missingArnField']],
  ['the ARN service is lowercase', 'identity', { ...allowS3, Resource: 'arn:aws:S3:::bucket' }, ['invalidArnServiceCase']],
  ['the ARN account is 12 digits', 'identity', { ...allowS3, Resource: ['arn:aws:iam::12345:user/a', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::*:role/x'] }, ['invalidArnAccount']],
  ['the ARN partition is an AWS partition', 'identity', { ...allowS3, Resource: ['arn:azure:s3:::b', 'arn:aws-cn:s3:::b', 'arn:*:s3:::c'] }, ['invalidPartition']],
  // ── principals (AWS JSON policy elements: Principal) ──
  ['a bare 12-digit account ID is valid AWS principal shorthand', 'resource', { ...allowS3, Principal: { AWS: ['111122223333', 'AIDAJQABLZS4A3QDU576Q'] } }, []],
  ['an account ID must have 12 digits', 'resource', { ...allowS3, Principal: { AWS: ['12345', 'arn:aws:iam::1234:root'] } }, ['invalidPrincipalAccount', 'invalidPrincipalAccount']],
  ['a principal ARN is an IAM or STS ARN', 'resource', { ...allowS3, Principal: { AWS: ['arn:aws:s3:::b', 'alice'] } }, ['invalidAwsPrincipal', 'invalidPrincipalArn']],
  ['a principal cannot use a partial wildcard', 'resource', { ...allowS3, Principal: { AWS: 'arn:aws:iam::111122223333:user/*', Service: '*' } }, ['unsupportedWildcardInPrincipal', 'unsupportedWildcardInPrincipal']],
  ['principal types are AWS, Service, Federated, CanonicalUser (case-sensitive)', 'resource', { ...allowS3, Principal: { aws: '111122223333', AWS: '111122223333' } }, ['invalidPrincipalKey']],
  ['Principal must be "*" or an object', 'resource', { ...allowS3, Principal: 'arn:aws:iam::111122223333:root' }, ['invalidPrincipalFormat']],
  ['a service principal looks like name.amazonaws.com', 'trust', { ...trust, Principal: { Service: ['ec2.amazonaws.com', 'ec2'] } }, ['invalidServicePrincipal']],
  ['a federated principal is a provider domain or provider ARN', 'trust', { ...trust, Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: ['cognito-identity.amazonaws.com', 'arn:aws:iam::111122223333:saml-provider/Okta', 'arn:aws:iam::111122223333:user/x'] } }, ['invalidFederatedPrincipal']],
  ['a canonical user ID is 64 hex characters', 'resource', { ...allowS3, Principal: { CanonicalUser: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', 'abc'] } }, ['invalidCanonicalUser']],
  // ── Sid (IAM JSON policy elements: Sid) ──
  ['an IAM Sid may contain only A-Z, a-z, 0-9', 'identity', { ...allowS3, Sid: 'read-bucket' }, ['unsupportedSid']],
  ['a resource policy Sid may contain spaces', 'resource', { ...allowS3, Principal: { AWS: '111122223333' }, Sid: 'read bucket' }, []],
  ['an empty Sid is a suggestion', 'identity', { ...allowS3, Sid: '' }, ['emptySid']],
  ['Sids must be unique within an IAM policy', 'identity', { Version: V, Statement: [{ ...allowS3, Sid: 'A' }, { ...allowS3, Sid: 'A' }] }, ['uniqueSidsRequired']],
  ['duplicate Sids in other policy types are a warning', 'scp', { Version: V, Statement: [{ Effect: 'Deny', Action: 'a:b', Resource: '*', Sid: 'A' }, { Effect: 'Deny', Action: 'c:d', Resource: '*', Sid: 'A' }] }, ['uniqueSidsRecommended']],
  // ── SCPs: full IAM language since September 2025 (SCP syntax) ──
  ['SCP Allow statements may have conditions, resources, NotAction and NotResource', 'scp', { Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::x', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }, []],
  ['SCP actions may hold wildcards anywhere', 'scp', { Effect: 'Deny', Action: 'iam:*Role*', Resource: '*' }, []],
  // ── RCPs (RCP syntax) ──
  ['RCPs support only Deny (Allow only in RCPFullAWSAccess)', 'rcp', { ...rcp, Effect: 'Allow' }, ['rcpAllowNotSupported']],
  ['an RCP Principal must be "*"', 'rcp', { ...rcp, Principal: { AWS: '111122223333' } }, ['rcpPrincipalMustBeStar']],
  ['an RCP needs a Principal', 'rcp', { ...rcp, Principal: undefined }, ['missingPrincipal']],
  ['RCPs do not support NotAction', 'rcp', { ...rcp, Action: undefined, NotAction: 's3:GetObject' }, ['rcpNotActionNotSupported']],
  // ── conditions ──
  ['a condition key has the form prefix:name', 'identity', { ...allowS3, Condition: { StringEquals: { username: 'a' } } }, ['invalidConditionKeyFormat']],
  ['a tag condition key needs a tag key', 'identity', { ...allowS3, Condition: { StringEquals: { 'aws:ResourceTag': 'a', 'aws:ResourceTag/team': 'b' } } }, ['missingTagKeyInCondition']],
  ['condition keys are case-insensitive, so the same key twice in one block is an error', 'identity', { ...allowS3, Condition: { StringEquals: { 'aws:username': 'a', 'AWS:UserName': 'b' } } }, ['duplicateConditionKeyCase']],
  ['the same key under two operators is fine', 'identity', { ...allowS3, Condition: { StringEquals: { 'aws:username': 'a' }, StringLike: { 'AWS:username': 'b*' } } }, []],
  ['wildcards are literal with StringEquals', 'identity', { ...allowS3, Condition: { StringEquals: { 'aws:username': 'a*' }, StringLike: { 'aws:userid': 'a*' } } }, ['wildcardWithoutLikeOperator']],
  ['Numeric operators compare numbers', 'identity', { ...allowS3, Condition: { NumericLessThan: { 's3:max-keys': ['10', '1.5', 'ten'] } } }, ['typeMismatchNumber']],
  ['Date operators compare dates', 'identity', { ...allowS3, Condition: { DateGreaterThan: { 'aws:CurrentTime': ['2020-01-01T00:00:00Z', '2020-01-01', '1577836800', 'yesterday'] } } }, ['typeMismatchDate']],
  ['Bool compares true or false', 'identity', { ...allowS3, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }, ['typeMismatchBoolean']],
  ['a Bool key takes one value', 'identity', { ...allowS3, Condition: { Bool: { 'aws:SecureTransport': ['true', 'false'] } } }, ['multipleBooleanValues']],
  ['Null takes true or false', 'identity', { ...allowS3, Condition: { Null: { 'aws:TokenIssueTime': 'maybe' } } }, ['typeMismatchBoolean']],
  ['IpAddress compares addresses and CIDR ranges', 'identity', { ...allowS3, Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32', '10.0.0.1', '::ffff:1.2.3.4', '10.0.0.0/33', '300.1.1.1', 'host'] } } }, ['typeMismatchIpAddress', 'typeMismatchIpAddress', 'typeMismatchIpAddress']],
  ['BinaryEquals compares base64', 'identity', { ...allowS3, Condition: { BinaryEquals: { 'aws:x': ['QmluYXJ5', 'not base64!'] } } }, ['typeMismatchBinary']],
  ['an empty Condition tests nothing', 'identity', { ...allowS3, Condition: {} }, ['emptyCondition']],
  ['an empty operator block tests nothing', 'identity', { ...allowS3, Condition: { StringEquals: {} } }, ['emptyCondition']],
  ['repeated condition values are a suggestion', 'identity', { ...allowS3, Condition: { StringEquals: { 'aws:username': ['a', 'a'] } } }, ['duplicateValue']],
  // ── policy variables (IAM policy elements: Variables and tags) ──
  ['policy variables need Version 2012-10-17, otherwise they are literal', 'identity', { Version: '2008-10-17', Statement: [{ ...allowS3, Resource: 'arn:aws:s3:::b/${aws:username}/*', Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } } }] }, ['outdatedVersion', 'policyVariableWithoutVersion', 'policyVariableWithoutVersion']],
  ['policy variables without Version are literal too', 'identity', { Statement: [{ ...allowS3, Resource: 'arn:aws:s3:::b/${aws:username}' }] }, ['missingVersion', 'policyVariableWithoutVersion']],
  ['policy variables work in the resource part of an ARN and in String and Arn conditions', 'identity', { ...allowS3, Resource: ['arn:aws:s3:::b/${aws:username}/*', "arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}"], Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:${aws:username}' } } }, []],
  ['a policy variable cannot stand before the fifth colon of an ARN', 'identity', { ...allowS3, Resource: 'arn:aws:s3:${aws:username}::b' }, ['policyVariableInArnPrefix']],
  ['policy variables cannot be used with Numeric, Date, Bool, Binary, IpAddress or Null operators', 'identity', { ...allowS3, Condition: { NumericEquals: { 's3:max-keys': '${aws:username}' } } }, ['invalidVariableForOperator']],
  ['a malformed policy variable is an error', 'identity', { ...allowS3, Resource: ['arn:aws:s3:::b/${aws:username', "arn:aws:s3:::b/${aws:username, none}", 'arn:aws:s3:::b/${a b}'] }, ['invalidPolicyVariable', 'invalidPolicyVariable', 'invalidPolicyVariable']],
  // ── security warnings ──
  ['Allow with NotPrincipal allows everyone else', 'resource', { ...allowS3, NotPrincipal: { AWS: '111122223333' } }, ['allowWithNotPrincipal']],
  ['Allow with NotAction allows every other action', 'identity', { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b' }, ['allowWithNotAction']],
  ['Allow with NotResource allows every other resource', 'identity', { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b' }, ['allowWithNotResource']],
  ['Deny with NotAction is a normal guardrail', 'identity', { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }, []],
  ['iam:PassRole with Resource "*"', 'identity', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }, ['passRoleWithStarInResource']],
  ['iam:PassRole through a wildcard action with Resource "*"', 'identity', { Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' }, ['passRoleWithStarInResource']],
  ['iam:PassRole through NotAction with NotResource', 'identity', { Effect: 'Allow', NotAction: 's3:*', NotResource: 'arn:aws:iam::111122223333:role/admin' }, ['allowWithNotAction', 'allowWithNotResource', 'passRoleWithNotResource']],
  ['iam:PassRole on named roles is fine', 'identity', { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*' }, []],
  ['"Principal": "*" allowed without a condition in a resource policy', 'resource', { ...allowS3, Principal: '*' }, ['anyPrincipalWithoutCondition']],
  ['{"AWS": "*"} allowed without a condition in a trust policy', 'trust', { ...trust, Principal: { AWS: '*' } }, ['anyPrincipalWithoutCondition']],
  ['"Principal": "*" with a condition is not flagged', 'resource', { ...allowS3, Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }, []],
  // ── trust policies ──
  ['a trust policy controls only sts: actions', 'trust', { ...trust, Action: ['sts:AssumeRole', 'sts:TagSession', 's3:GetObject'] }, ['trustPolicyNonStsAction']],
  // ── suggestions ──
  ['a repeated action is a suggestion (action names are case-insensitive)', 'identity', { ...allowS3, Action: ['s3:GetObject', 'S3:getobject'] }, ['duplicateValue']],
  ['a value covered by a wildcard in the same list is a suggestion', 'identity', { ...allowS3, Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x'] }, ['redundantValue']],
  ['ARNs are case-sensitive, so different case is not a repetition', 'identity', { ...allowS3, Resource: ['arn:aws:s3:::b/X', 'arn:aws:s3:::b/x'] }, []],
  ['a repeated principal is a suggestion', 'resource', { ...allowS3, Principal: { AWS: ['111122223333', '111122223333'] } }, ['duplicateValue']],
];

describe('validation follows AWS rules', () => {
  it.each(RULES)('%s (%s)', (_rule, kind, doc, expected) => {
    const clean = JSON.parse(JSON.stringify(doc)) as Doc;
    expect(codes(clean, kind)).toEqual([...expected].sort());
  });
});

describe('characters (IAM and AWS STS quotas: U+0009, U+000A, U+000D and U+0020 to U+00FF)', () => {
  it.each<[PolicyKind, boolean]>([
    ['identity', true], ['boundary', true], ['session', true], ['trust', true], ['resource', false], ['scp', false],
  ])('%s policies reject other characters: %s', (kind, rejects) => {
    const st = kind === 'trust' ? { ...trust, Sid: undefined } : kind === 'resource' ? { ...allowS3, Principal: { AWS: '111122223333' } } : kind === 'scp' ? { Effect: 'Deny', Action: '*', Resource: '*' } : allowS3;
    const doc = { Version: V, Statement: [{ ...st, Condition: { StringEquals: { 'aws:username': '김철수' } } }] };
    expect(codes(JSON.parse(JSON.stringify(doc)) as Doc, kind).includes('unsupportedCharacter')).toBe(rejects);
  });

  it('Latin-1 characters are accepted, and the first other character is pointed at', () => {
    expect(codes({ ...allowS3, Condition: { StringEquals: { 'aws:username': 'José' } } }, 'identity')).toEqual([]);
    const f = findings({ ...allowS3, Condition: { StringEquals: { 'aws:username': 'a—b' } } }, 'identity').find((x) => x.code === 'unsupportedCharacter');
    expect(f?.params).toEqual({ character: 'U+2014' });
  });
});

describe('findings carry a span, a JSON path and an English message', () => {
  it('points at the offending text', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3GetObject","Resource":"*"}]}';
    const r = parsePolicy(text, 'identity');
    const f = r.findings.find((x) => x.code === 'invalidActionFormat')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('"s3GetObject"');
    expect(f.path).toBe('$.Statement[0].Action');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('The action `s3GetObject` is not of the form service:action (for example s3:GetObject).');
  });

  it('quotes keys that are not identifiers in the path', () => {
    const f = findings({ ...allowS3, Condition: { StringEquals: { 'aws:username': 'a*' } } }, 'identity')[0]!;
    expect(f.path).toBe('$.Statement[0].Condition.StringEquals["aws:username"]');
  });

  it('findings come in text order', () => {
    const r = parsePolicy({ Statement: [{ ...allowS3, Sid: 'a-b', Action: 'bad' }] }, 'identity');
    const starts = r.findings.map((f) => f.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('validatePolicy can be called on its own', () => {
    const r = parsePolicy({ Version: V, Statement: [{ ...allowS3, Principal: '*' }] }, 'resource');
    if (!r.ok) throw new Error();
    expect(validatePolicy(r.policy, 'identity').map((f) => f.code)).toEqual(['principalNotSupported']);
  });
});

describe('the finding code table', () => {
  it('uses camelCase codes and one of the four Access Analyzer classes', () => {
    for (const [code, entry] of Object.entries(POLICY_FINDING_CODES)) {
      expect(code).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(['error', 'securityWarning', 'warning', 'suggestion']).toContain(entry.severity);
      expect(entry.message.endsWith('.')).toBe(true);
    }
  });

  it('fills parameters into the English message and leaves unknown ones visible', () => {
    expect(findingMessage('invalidEffect', { value: 'allow' })).toBe('The Effect `allow` is not valid; use "Allow" or "Deny" (case-sensitive).');
    expect(findingMessage('invalidEffect', {})).toContain('{value}');
  });
});
