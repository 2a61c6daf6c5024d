import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iamDataDir, nodeIamDataReader, nodeServiceCatalogue } from '../data/nodeServiceData';
import { ServiceCatalogue } from '../data/serviceData';
import { POLICY_FINDING_CODES } from './findingCodes';
import { parsePolicy } from './parse';
import { ARN_FORMATS_ELSEWHERE, loadServicesFor, serviceFindings, type ServiceFindingsOptions } from './serviceFindings';
import type { Policy, PolicyFinding, PolicyKind } from './types';

type Doc = Record<string, unknown>;
const catalogue = nodeServiceCatalogue();

function policyOf(statements: Doc | Doc[], version: string | undefined = '2012-10-17'): Policy {
  const doc = { ...(version ? { Version: version } : {}), Statement: Array.isArray(statements) ? statements : [statements] };
  const r = parsePolicy(doc, 'identity');
  if (!r.ok) throw new Error(`not evaluable: ${r.findings.map((f) => f.message).join('; ')}`);
  return r.policy;
}

async function findings(statements: Doc | Doc[], kind: PolicyKind, options?: ServiceFindingsOptions): Promise<PolicyFinding[]> {
  const policy = policyOf(statements);
  await loadServicesFor(policy, catalogue);
  return serviceFindings(policy, kind, catalogue, options);
}

const allow = (action: unknown, resource: unknown = '*', extra: Doc = {}): Doc => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const when = (operator: string, key: string, value: unknown = 'x'): Doc => ({ Condition: { [operator]: { [key]: value } } });
const trust = (action: unknown, extra: Doc = {}): Doc => ({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: action, ...extra });
const rcp = (action: unknown): Doc => ({ Effect: 'Deny', Principal: '*', Action: action, Resource: '*' });

/**
 * [Access Analyzer check (or rule), kind, statement(s), the exact sorted finding codes, for a
 * resource-based policy the ARN of its resource (default: the bucket `b`)].
 */
const RULES: [string, PolicyKind, Doc | Doc[], string[], string?][] = [
  // ── a clean policy of every kind ──
  ['known actions, keys and ARNs give no finding', 'identity', allow(['s3:GetObject', 's3:GetObjectVersion'], 'arn:aws:s3:::b/*', when('StringEquals', 's3:ExistingObjectTag/team', 'blue')), []],
  ['a plain trust policy gives no finding', 'trust', trust('sts:AssumeRole', when('StringEquals', 'sts:ExternalId', 'abc')), []],
  ['a plain RCP gives no finding', 'rcp', rcp(['s3:*', 'sqs:*', 'kms:*', 'sts:*']), []],
  ['action names and service prefixes are case-insensitive', 'identity', allow(['S3:getobject', 'IAM:ListUsers']), []],
  ['"*" and whole-service wildcards are valid', 'identity', allow(['*', 's3:*', 'ec2:Describe*', 'iam:?etUser']), []],
  // ── Error – Invalid service in action / Invalid action ──
  ['Invalid service in action: an unknown prefix, with the nearest prefix', 'identity', allow('s4:GetObject'), ['invalidServiceInActionDidYouMean']],
  ['Invalid service in action: an unknown prefix with no near one', 'identity', allow('nosuchservice:GetObject'), ['invalidServiceInAction']],
  ['Invalid service in action applies to NotAction too', 'identity', { Effect: 'Deny', NotAction: 's4:GetObject', Resource: '*' }, ['invalidServiceInActionDidYouMean']],
  ['Invalid action: a misspelt action, with the nearest action', 'identity', allow('s3:GetObjectt'), ['invalidActionDidYouMean']],
  ['Invalid action: an action that exists in no form', 'identity', allow('s3:FlyToTheMoon'), ['invalidAction']],
  ['Invalid action: a wildcard that matches no action of the service', 'identity', allow(['s3:Fly*', 'iam:*Moon']), ['invalidActionWildcard', 'invalidActionWildcard']],
  ['a wildcard service prefix is not checked against the catalogue', 'identity', allow('s?:GetObject'), []],
  // ── RCP syntax error action (AWS Organizations: services that support RCPs) ──
  ['RCP syntax error action: RCPs support only some services', 'rcp', rcp(['ec2:*', 'iam:PassRole', 's3:GetObject']), ['rcpServiceNotSupported', 'rcpServiceNotSupported']],
  ['RCP syntax error action: "*" is allowed', 'rcp', rcp('*'), []],
  ['RCP services are not checked in SCPs', 'scp', { Effect: 'Deny', Action: 'ec2:*', Resource: '*' }, []],
  // ── Invalid global condition key / Unsupported global condition key / Invalid service condition key / Invalid service ──
  ['Invalid global condition key: an aws: key that does not exist', 'identity', allow('s3:GetObject', '*', when('StringEquals', 'aws:PrincipalTeam')), ['invalidGlobalConditionKey']],
  ['global keys are case-insensitive and tag keys take any tag', 'identity', allow('s3:GetObject', '*', when('StringEquals', 'AWS:principaltag/Team')), []],
  ['Unsupported global condition key: aws:ARN', 'identity', allow('s3:GetObject', '*', when('ArnEquals', 'aws:ARN', 'arn:aws:iam::111122223333:user/a')), ['unsupportedGlobalConditionKey']],
  ['Invalid service condition key: a key the service does not have', 'identity', allow('s3:ListBucket', 'arn:aws:s3:::b', when('StringEquals', 's3:Prefixx')), ['invalidServiceConditionKey']],
  ['service keys match their ${…} templates', 'identity', allow('kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/k', when('StringEquals', 'kms:EncryptionContext:aws:s3:arn')), []],
  ['service keys written `…/tag-key` match any tag', 'identity', allow('secretsmanager:GetSecretValue', '*', when('StringEquals', 'secretsmanager:ResourceTag/team')), []],
  ['Invalid service: the prefix of a condition key does not exist', 'identity', allow('s3:GetObject', '*', when('StringEquals', 'nosuchservice:Key')), ['invalidService']],
  ['identity provider claims are not checked (the data does not list them all)', 'trust', trust('sts:AssumeRoleWithWebIdentity', { Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main', 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'x', 'saml:nosuchclaim': 'x' } } }), []],
  ['a key with no tag key is left to the grammar check', 'identity', allow('s3:GetObject', '*', when('StringEquals', 'aws:ResourceTag')), []],
  // ── Unsupported action for condition key ──
  ['Unsupported action for condition key: s3:prefix is a key of s3:ListBucket, not s3:GetObject', 'identity', allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], when('StringLike', 's3:prefix', 'home/*')), ['unsupportedActionForConditionKey']],
  ['Unsupported action for condition key: actions with wildcards are not evaluated', 'identity', allow(['s3:Get*', 's3:ListBucket'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], when('StringLike', 's3:prefix', 'home/*')), []],
  ['a resource type\'s condition keys count for its actions (kms:KeyOrigin on a key)', 'identity', allow('kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/k', when('StringEquals', 'kms:KeyOrigin', 'AWS_KMS')), []],
  ['global keys apply to every action', 'identity', allow(['s3:GetObject', 'ec2:StartInstances'], '*', when('Bool', 'aws:SecureTransport', 'true')), []],
  ['iam:PassedToService is a key of iam:PassRole only', 'identity', allow(['iam:PassRole', 'iam:GetRole'], 'arn:aws:iam::111122223333:role/r', when('StringEquals', 'iam:PassedToService', 'ec2.amazonaws.com')), ['unsupportedActionForConditionKey']],
  // ── Type mismatch / String like operator with ARN condition keys ──
  ['Type mismatch: a Date key with a String operator', 'identity', allow('s3:GetObject', '*', when('StringEquals', 'aws:CurrentTime', '2030-01-01')), ['typeMismatch']],
  ['Type mismatch: a Bool key with a String operator', 'identity', allow('s3:GetObject', '*', when('StringEquals', 'aws:MultiFactorAuthPresent', 'true')), ['typeMismatch']],
  ['Type mismatch: an IP address key with a String operator', 'identity', allow('s3:GetObject', '*', when('StringLike', 'aws:SourceIp', '203.0.113.*')), ['typeMismatch']],
  ['Type mismatch: a Numeric key with a Date operator', 'identity', allow('s3:GetObject', '*', when('DateLessThan', 'aws:MultiFactorAuthAge', '2030-01-01')), ['typeMismatch']],
  ['Type mismatch: a String key with a Numeric operator', 'identity', allow('s3:GetObject', '*', when('NumericEquals', 'aws:username', '1')), ['typeMismatch']],
  ['aws:EpochTime takes Date and Numeric operators ("Data type: Date, Numeric")', 'identity', [allow('s3:GetObject', '*', when('NumericLessThan', 'aws:EpochTime', '2000000000')), allow('s3:PutObject', '*', when('DateLessThan', 'aws:EpochTime', '2000000000'))], []],
  ['an ARN key takes ARN and String operators', 'identity', [allow('s3:GetObject', '*', when('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/a*')), allow('s3:PutObject', '*', when('StringEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/a'))], []],
  ['String like operator with ARN condition keys (security warning)', 'resource', { ...allow('s3:GetObject', 'arn:aws:s3:::b/*', when('StringLike', 'aws:SourceArn', 'arn:aws:sns:*')), Principal: { Service: 'sns.amazonaws.com' } }, ['stringLikeWithArnKey']],
  ['the Null operator takes any key', 'identity', allow('s3:GetObject', '*', when('Null', 'aws:CurrentTime', 'true')), []],
  ['IfExists and qualifiers do not change the key type', 'identity', allow('s3:GetObject', '*', when('DateGreaterThanIfExists', 'aws:CurrentTime', '2030-01-01')), []],
  // ── Missing qualifier / ForAllValues with single valued key ──
  ['Missing qualifier: a multivalued key without ForAllValues or ForAnyValue', 'identity', allow('s3:PutObjectTagging', 'arn:aws:s3:::b/*', when('StringEquals', 'aws:TagKeys', 'team')), ['missingQualifier']],
  ['a multivalued key with a qualifier is fine', 'identity', allow('s3:PutObjectTagging', 'arn:aws:s3:::b/*', when('ForAllValues:StringEquals', 'aws:TagKeys', 'team')), []],
  ['ForAllValues with single valued key (security warning)', 'identity', allow('s3:GetObject', '*', when('ForAllValues:StringEquals', 'aws:username', 'alice')), ['forAllValuesWithSingleValuedKey']],
  ['ForAnyValue with a single-valued key is not this check', 'identity', allow('s3:GetObject', '*', when('ForAnyValue:StringEquals', 'aws:username', 'alice')), []],
  // ── Invalid ARN resource / ARN Region not allowed / ARN account not allowed / Missing ARN Region ──
  ['Invalid ARN resource: no resource type of the service has this form', 'identity', allow('iam:GetRole', 'arn:aws:iam::111122223333:Role/r'), ['actionResourceMismatch', 'invalidArnResource']],
  ['ARN account not allowed: S3 bucket ARNs have no account', 'identity', allow('s3:ListBucket', 'arn:aws:s3::111122223333:b'), ['actionResourceMismatch', 'arnAccountNotAllowed']],
  ['ARN Region not allowed: S3 bucket ARNs have no Region', 'identity', allow('s3:ListBucket', 'arn:aws:s3:us-east-1::b'), ['actionResourceMismatch', 'arnRegionNotAllowed']],
  ['Missing ARN Region: SQS queue ARNs have a Region', 'identity', allow('sqs:SendMessage', 'arn:aws:sqs::111122223333:q'), ['actionResourceMismatch', 'missingArnRegion']],
  ['resources AWS owns have no account (public SSM documents)', 'identity', allow('ssm:SendCommand', ['arn:aws:ssm:us-east-1::document/AWS-RunShellScript', 'arn:aws:ec2:us-east-1:111122223333:instance/*']), []],
  ['IAM paths, Lambda qualifiers and wildcards in any part match', 'identity', allow(['iam:PassRole', 'lambda:InvokeFunction'], ['arn:aws:iam::111122223333:role/team/a/r', 'arn:aws:lambda:us-east-1:111122223333:function:f:prod', 'arn:*:iam::*:role/*']), []],
  ['the sts format arn:…:iam::…:root is known', 'identity', allow('sts:AssumeRoot', 'arn:aws:iam::111122223333:root'), []],
  ['NotResource ARNs are checked too', 'identity', { Effect: 'Deny', Action: 'iam:*', NotResource: 'arn:aws:iam::111122223333:Role/r' }, ['invalidArnResource']],
  ['a policy variable is any text (Version 2012-10-17)', 'identity', allow('s3:GetObject', 'arn:aws:s3:::b/${aws:username}/*'), []],
  // ── actionResourceMismatch (no Access Analyzer check: the statement does not apply to the action) ──
  ['s3:ListBucket acts on buckets: arn:aws:s3:::b/* is no bucket', 'identity', allow('s3:ListBucket', 'arn:aws:s3:::b/*'), ['actionResourceMismatch']],
  ['s3:GetObject acts on objects: arn:aws:s3:::b is no object', 'identity', allow('s3:GetObject', 'arn:aws:s3:::b'), ['actionResourceMismatch']],
  ['a bucket-name wildcard can still name objects', 'identity', allow('s3:GetObject', 'arn:aws:s3:::b*'), []],
  ['one resource per action is enough', 'identity', allow(['s3:ListBucket', 's3:GetObject'], ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']), []],
  ['Resource "*" and actions without resource types are not checked', 'identity', [allow(['s3:ListBucket', 's3:GetObject']), allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*')], []],
  ['a role ARN for s3:GetObject', 'identity', allow('s3:GetObject', 'arn:aws:iam::111122223333:role/r'), ['actionResourceMismatch']],
  // ── Unsupported action / resource ARN in policy (resource types Access Analyzer validates) ──
  ['Unsupported action in policy: a KMS action in a bucket policy', 'resource', { ...allow(['s3:GetObject', 'kms:Decrypt'], 'arn:aws:s3:::b/*'), Principal: { AWS: '111122223333' } }, ['actionResourceMismatch', 'unsupportedActionInPolicy']],
  ['s3:PutObject has s3:RequestObjectTag, not s3:ExistingObjectTag', 'identity', allow('s3:PutObject', 'arn:aws:s3:::b/*', when('StringEquals', 's3:ExistingObjectTag/team', 'blue')), ['unsupportedActionForConditionKey']],
  ['the policy types Access Analyzer does not validate as resource types are not checked', 'resource', { ...allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q'), Principal: { AWS: '111122223333' } }, [], 'arn:aws:sqs:us-east-1:111122223333:q'],
  ['Unsupported resource ARN in policy: a KMS key in a bucket policy', 'resource', { ...allow('s3:GetObject', ['arn:aws:s3:::b/*', 'arn:aws:kms:us-east-1:111122223333:key/k']), Principal: { AWS: '111122223333' } }, ['unsupportedResourceArnInPolicy']],
];

describe('IAM Access Analyzer checks that need the service catalogue', () => {
  it.each(RULES)('%s', async (_name, kind, statements, expected, resourceArn = 'arn:aws:s3:::b') => {
    const options = kind === 'resource' ? { resourceArn } : {};
    expect((await findings(statements, kind, options)).map((f) => f.code).sort()).toEqual(expected);
  });

  it('names the misspelling and the suggestion, with the span of the value and the path of its element', async () => {
    const policy = policyOf([allow('s3:GetObject'), allow(['s3:ListBucket', 's3:GetObjectt'])]);
    await loadServicesFor(policy, catalogue);
    const [f] = serviceFindings(policy, 'identity', catalogue);
    expect(f).toMatchObject({
      severity: 'error', code: 'invalidActionDidYouMean', path: '$.Statement[1].Action',
      params: { action: 's3:GetObjectt', suggestion: 's3:GetObject' },
      message: 'The action `s3:GetObjectt` does not exist; did you mean `s3:GetObject`? Check the spelling.',
    });
    expect(policy.text.slice(f!.span.start, f!.span.end)).toBe('"s3:GetObjectt"');
  });

  it('lists the unsupported actions of a condition key, at the key', async () => {
    const policy = policyOf(allow(['s3:GetObject', 's3:ListBucket', 's3:PutObject'], '*', when('StringLike', 's3:prefix', 'a/*')));
    await loadServicesFor(policy, catalogue);
    const [f] = serviceFindings(policy, 'identity', catalogue);
    expect(f).toMatchObject({ code: 'unsupportedActionForConditionKey', params: { key: 's3:prefix', actions: 's3:GetObject, s3:PutObject' }, path: '$.Statement[0].Condition.StringLike["s3:prefix"]' });
    expect(policy.text.slice(f!.span.start, f!.span.end)).toBe('"s3:prefix"');
  });

  it('shows the simplest ARN format of the action as an example', async () => {
    const [f] = await findings(allow('s3:ListBucket', 'arn:aws:s3:::b/*'), 'identity');
    expect(f?.params).toMatchObject({ action: 's3:ListBucket', resourceTypes: 'accesspoint, bucket', example: 'arn:${Partition}:s3:::${BucketName}' });
  });

  it('gives the same findings whatever else the catalogue has loaded', async () => {
    const statements = [allow(['s3:ListBucket', 'iam:GetRole'], ['arn:aws:s3:::b/*', 'arn:aws:iam::111122223333:Role/r', 'arn:aws:backup:us-east-1:111122223333:recovery-point:x'])];
    const fresh = new ServiceCatalogue(nodeIamDataReader());
    const policy = policyOf(statements);
    await loadServicesFor(policy, fresh);
    const alone = serviceFindings(policy, 'identity', fresh).map((f) => f.code);
    await Promise.all(['backup', 'sts', 'ssm', 'ec2'].map((p) => fresh.loadServiceData(p)));
    expect(serviceFindings(policy, 'identity', fresh).map((f) => f.code)).toEqual(alone);
  });

  it('checks nothing of a service that is not loaded', async () => {
    const fresh = new ServiceCatalogue(nodeIamDataReader());
    await fresh.loadIndex();
    const policy = policyOf(allow(['s3:GetObjectt', 's4:Get'], 'arn:aws:s3:::b', when('StringEquals', 's3:nokey')));
    // Unknown services are known from the index alone; the rest needs s3's data.
    expect(serviceFindings(policy, 'identity', fresh).map((f) => f.code)).toEqual(['invalidServiceInActionDidYouMean']);
  });

  it('takes policy variables literally without Version 2012-10-17', async () => {
    const r = parsePolicy({ Statement: [allow('s3:GetObject', 'arn:aws:s3:::b/${aws:username}')] }, 'identity');
    if (!r.ok) throw new Error('not evaluable');
    await loadServicesFor(r.policy, catalogue);
    expect(serviceFindings(r.policy, 'identity', catalogue).map((f) => f.code)).toEqual([]);
  });
});

describe('loadServicesFor', () => {
  it('loads only the services the policy names (actions, condition keys, ARNs)', async () => {
    const read: string[] = [];
    const reader = nodeIamDataReader();
    const fresh = new ServiceCatalogue((path) => {
      read.push(path);
      return reader(path);
    });
    const policy = policyOf([
      allow(['s3:GetObject', 'ec2:Describe*', 'nosuch:Thing', '*'], ['arn:aws:sqs:us-east-1:111122223333:q', 'arn:aws:iam::111122223333:role/r']),
      allow('kms:Decrypt', '*', when('StringEquals', 'saml:aud', 'x')),
    ]);
    await loadServicesFor(policy, fresh);
    const services = [...new Set(read.filter((p) => p.startsWith('actions/')).map((p) => p.slice('actions/'.length, -'.json'.length)))].sort();
    // iam's ARNs are also defined by codestar, es, ssm and sts; saml: keys are sts's.
    expect(services).toEqual(['codestar', 'ec2', 'es', 'iam', 'kms', 's3', 'sqs', 'ssm', 'sts']);
  });
});

describe('the tables behind the checks', () => {
  it('ARN_FORMATS_ELSEWHERE is what the package data gives: formats of an ARN service only another service defines', () => {
    const dir = iamDataDir();
    const prefixes = new Set(Object.keys(JSON.parse(readFileSync(join(dir, 'serviceNames.json'), 'utf8')) as Record<string, string>));
    const formats: { owner: string; service: string; rest: string }[] = [];
    for (const file of readdirSync(join(dir, 'resourceTypes'))) {
      const owner = file.replace(/\.json$/, '');
      const types = JSON.parse(readFileSync(join(dir, 'resourceTypes', file), 'utf8')) as Record<string, { arn: string }>;
      for (const t of Object.values(types)) {
        for (const arn of t.arn.split(', ')) {
          const parts = arn.split(':');
          formats.push({ owner, service: parts[2] ?? '', rest: parts.slice(3).join(':') });
        }
      }
    }
    const own = new Set(formats.filter((f) => f.owner === f.service).map((f) => `${f.service} ${f.rest}`));
    const elsewhere: Record<string, string[]> = {};
    for (const f of formats) {
      if (f.owner === f.service || !prefixes.has(f.service) || own.has(`${f.service} ${f.rest}`)) continue;
      const list = (elsewhere[f.service] ??= []);
      if (!list.includes(f.owner)) list.push(f.owner);
    }
    for (const list of Object.values(elsewhere)) list.sort();
    expect(ARN_FORMATS_ELSEWHERE).toEqual(elsewhere);
  });

  it('every code the checks report is in the one table of finding codes', async () => {
    const reported = new Set<string>();
    for (const [, kind, statements, , resourceArn = 'arn:aws:s3:::b'] of RULES) {
      for (const f of await findings(statements, kind, kind === 'resource' ? { resourceArn } : {})) reported.add(f.code);
    }
    for (const code of reported) expect(POLICY_FINDING_CODES).toHaveProperty(code);
    expect(reported.size).toBeGreaterThanOrEqual(20);
  });
});
