import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../data/managedPolicies';
import { worldOf } from '../pipeline/testWorld';
import type { ScenarioJson } from '../scenario/types';
import { UNCONTROLLED } from './control';
import type { AnalysisDeps } from './deps';
import { externalAccess } from './externalAccess';
import { resourceTypeOf } from './externalZone';
import type { ExternalAccessFinding, ZoneOfTrust } from './types';

const A = '111111111111'; // management account
const B = '222222222222'; // member
const X = '999999999999'; // outside the organization
const ORG = 'o-zone000001';
const BUCKET = 'arn:aws:s3:::shared';
const doc = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const read = (principal: unknown, extra: Record<string, unknown> = {}) =>
  ({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*`, ...extra });

/** A world of an organization (A, B) and an outsider X; the bucket in A has `policy`, role Shared in A trusts `trust`. */
function world(policy: unknown, trust?: unknown): ScenarioJson {
  return {
    format: 'iam-playground/scenario', version: 1,
    organization: {
      id: ORG, managementAccount: A, units: [{ id: 'r-root', name: 'Root' }],
      accounts: [{ id: A, parent: 'r-root' }, { id: B, parent: 'r-root' }],
    },
    accounts: [
      {
        id: A,
        resources: [{ arn: BUCKET, policy }],
        roles: trust === undefined ? [] : [{ name: 'Shared', trustPolicy: trust }],
      },
      { id: B },
      { id: X },
    ],
  };
}

const depsOf = (scenario: ScenarioJson): AnalysisDeps => ({
  world: worldOf(scenario), scenario, managed: managedPolicySourceFrom([]), now: new Date('2026-03-01T12:00:00Z'),
});

async function findings(scenario: ScenarioJson, zone: ZoneOfTrust = 'organization'): Promise<ExternalAccessFinding[]> {
  return [...(await externalAccess(depsOf(scenario), { zone }, UNCONTROLLED)).findings];
}

describe('external access (IAM Access Analyzer)', () => {
  it('a bucket policy granting another account is an external access finding', async () => {
    const [finding, ...rest] = await findings(world(doc(read({ AWS: `arn:aws:iam::${X}:root` }, { Sid: 'Outsider' }))));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      resource: BUCKET, resourceType: 'AWS::S3::Bucket', resourceAccount: A,
      principal: { kind: 'account', value: X }, actions: ['s3:GetObject'], isPublic: false, conditions: [],
    });
    expect(finding!.statement.sid).toBe('Outsider');
  });

  it('an account of the organization is inside the organization zone but outside the account zone', async () => {
    const scenario = world(doc(read({ AWS: B })));
    expect(await findings(scenario, 'organization')).toEqual([]);
    expect((await findings(scenario, 'account')).map((f) => f.principal)).toEqual([{ kind: 'account', value: B }]);
  });

  it('a grant to the resource’s own account is never a finding', async () => {
    expect(await findings(world(doc(read({ AWS: `arn:aws:iam::${A}:user/alice` }))), 'account')).toEqual([]);
  });

  it('a principal named by its unique id belongs to its account', async () => {
    const scenario = world(doc(read({ AWS: A })));
    const inside: ScenarioJson = { ...scenario, accounts: scenario.accounts.map((a) => (a.id === B ? { ...a, users: [{ name: 'bob' }] } : a)) };
    const bobId = worldOf(inside).accounts.get(B)!.users.get('bob')!.uniqueId;
    const named: ScenarioJson = { ...inside, accounts: inside.accounts.map((a) => (a.id === A ? { ...a, resources: [{ arn: BUCKET, policy: doc(read({ AWS: bobId })) }] } : a)) };
    expect(await findings(named, 'organization')).toEqual([]);
    expect((await findings(named, 'account')).map((f) => f.principal)).toEqual([{ kind: 'arn', value: bobId }]);
  });

  it('Principal * without conditions is a public finding', async () => {
    const [finding] = await findings(world(doc(read('*'))));
    expect(finding).toMatchObject({ principal: { kind: 'public', value: '*' }, isPublic: true });
  });

  it('aws:PrincipalOrgID of the organization keeps access inside the organization zone', async () => {
    const scenario = world(doc(read('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })));
    expect(await findings(scenario, 'organization')).toEqual([]);
    // With the account as the zone, the other accounts of the organization are outside: a finding, not public.
    const [finding] = await findings(scenario, 'account');
    expect(finding).toMatchObject({ isPublic: false, conditions: [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: [ORG] }] });
  });

  it('aws:PrincipalOrgID of another organization is still external access, not public', async () => {
    const [finding] = await findings(world(doc(read('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-elsewhere01' } } }))));
    expect(finding).toMatchObject({ isPublic: false });
  });

  it('aws:PrincipalOrgPaths under the organization and aws:PrincipalAccount of the zone keep access inside', async () => {
    expect(await findings(world(doc(read('*', { Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/r-root/*`] } } }))))).toEqual([]);
    expect(await findings(world(doc(read('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': [A, B] } } }))))).toEqual([]);
    expect(await findings(world(doc(read('*', { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${B}:role/*` } } }))))).toEqual([]);
  });

  it('…IfExists does not keep access inside: a caller without the key passes', async () => {
    expect(await findings(world(doc(read('*', { Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': ORG } } }))))).toHaveLength(1);
  });

  it('aws:PrincipalAccount narrows a grant to everyone to the outside accounts it names', async () => {
    const result = await findings(world(doc(read('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': [B, X] } } }))));
    expect(result.map((f) => [f.principal, f.isPublic])).toEqual([[{ kind: 'account', value: X }, false]]);
  });

  it('a fixed aws:SourceIp makes a grant to everyone non-public, and the condition is listed on the finding', async () => {
    const [finding] = await findings(world(doc(read('*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))));
    expect(finding).toMatchObject({ isPublic: false, conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'] }] });
  });

  it('a Deny in the same policy for everyone outside the organization removes the finding', async () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`${BUCKET}/*`], Condition: { StringNotEquals: { 'aws:PrincipalOrgID': ORG } } };
    expect(await findings(world(doc(read('*'), deny)))).toEqual([]);
    // The same Deny does not keep other organization accounts out when the account is the zone.
    expect(await findings(world(doc(read('*'), deny)), 'account')).toHaveLength(1);
  });

  it('an unconditional Deny of the same actions removes the finding; a narrower Deny does not', async () => {
    expect(await findings(world(doc(read({ AWS: X }), { Effect: 'Deny', Principal: '*', Action: 's3:Get*', Resource: '*' })))).toEqual([]);
    expect(await findings(world(doc(read({ AWS: X }), { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/secret/*` })))).toHaveLength(1);
  });

  it('a role trusting another account is an AWS::IAM::Role finding; trusting a service of its own use is not', async () => {
    const trust = doc(
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${X}:role/Deployer` }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    );
    const result = await findings(world(doc(read({ AWS: A })), trust));
    expect(result.map((f) => [f.resource, f.resourceType, f.principal])).toEqual([
      [`arn:aws:iam::${A}:role/Shared`, 'AWS::IAM::Role', { kind: 'arn', value: `arn:aws:iam::${X}:role/Deployer` }],
    ]);
  });

  it('a federated provider in a trust policy is external access, not public', async () => {
    const trust = doc({
      Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } },
    });
    const [finding] = await findings(world(doc(read({ AWS: A })), trust));
    expect(finding).toMatchObject({ principal: { kind: 'federated', value: 'cognito-identity.amazonaws.com' }, isPublic: false });
    expect(finding!.conditions).toHaveLength(1);
  });

  it('a service principal in a bucket policy is a finding unless aws:SourceAccount pins it to the zone (the confused deputy)', async () => {
    const service = (condition?: unknown) => doc({
      Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `${BUCKET}/*`,
      ...(condition ? { Condition: condition } : {}),
    });
    expect((await findings(world(service()))).map((f) => f.principal)).toEqual([{ kind: 'service', value: 'cloudtrail.amazonaws.com' }]);
    expect(await findings(world(service({ StringEquals: { 'aws:SourceAccount': A } })))).toEqual([]);
  });

  it('every finding links its statement: the compiled world’s PolicyRef and the statement’s span', async () => {
    const scenario = world(doc(read({ AWS: A }), read({ AWS: X }, { Sid: 'Second' })));
    const deps = depsOf(scenario);
    const report = await externalAccess(deps, { zone: 'organization' }, UNCONTROLLED);
    const compiled = deps.world.resources.get(BUCKET)!.policy!;
    expect(report.policiesAnalyzed).toBe(1);
    const [finding] = report.findings;
    expect(finding!.statement.policy).toEqual(compiled.ref);
    const text = compiled.text.slice(finding!.statement.span!.start, finding!.statement.span!.end);
    expect(text).toContain('"Sid": "Second"');
    expect(text).toContain(X);
  });

  it('names the zone: the organization id, or the accounts', async () => {
    const deps = depsOf(world(doc(read({ AWS: A }))));
    expect((await externalAccess(deps, { zone: 'organization' }, UNCONTROLLED)).zoneLabel).toBe(ORG);
    expect((await externalAccess(deps, { zone: 'account' }, UNCONTROLLED)).zoneLabel).toBe(`${A}, ${B}, ${X}`);
  });

  it('gives the resource type Access Analyzer uses for each ARN', () => {
    expect(resourceTypeOf('arn:aws:kms:us-east-1:111111111111:key/1234')).toBe('AWS::KMS::Key');
    expect(resourceTypeOf('arn:aws:sqs:us-east-1:111111111111:jobs')).toBe('AWS::SQS::Queue');
    expect(resourceTypeOf('arn:aws:sns:us-east-1:111111111111:alerts')).toBe('AWS::SNS::Topic');
    expect(resourceTypeOf('arn:aws:lambda:us-east-1:111111111111:function:fn')).toBe('AWS::Lambda::Function');
    expect(resourceTypeOf('arn:aws:lambda:us-east-1:111111111111:layer:lib:3')).toBe('AWS::Lambda::LayerVersion');
    expect(resourceTypeOf('arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf')).toBe('AWS::SecretsManager::Secret');
    expect(resourceTypeOf('arn:aws:ecr:us-east-1:111111111111:repository/app')).toBe('AWS::ECR::Repository');
    expect(resourceTypeOf('arn:aws:dynamodb:us-east-1:111111111111:table/t')).toBe('AWS::DynamoDB::Table');
    expect(resourceTypeOf('arn:aws:iam::111111111111:role/r')).toBe('AWS::IAM::Role');
    expect(resourceTypeOf('arn:aws:s3:::bucket')).toBe('AWS::S3::Bucket');
  });
});
