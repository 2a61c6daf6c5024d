/**
 * Services acting with a role (tests/fixtures/sts-services.json, whose decisions
 * scenarios.test.ts checks): the iam:PassRole check with its context, the role session
 * the service gets, and what the calls return. Each test is named after the AWS
 * documentation it follows.
 */
import { describe, expect, it } from 'vitest';
import type { RequestJson, ScenarioJson } from '../engine/scenario/types';
import { validateDocument } from '../engine/scenario/validate';
import { loadFixture, play as playRequests, requestOf } from './play';

const A = '111122223333';

const fixture = (): ScenarioJson => loadFixture('sts-services.json');
const play = (requests: (RequestJson & { id: string })[], scenario: ScenarioJson = fixture()) => playRequests(requests, scenario);
const fromFixture = (id: string): RequestJson & { id: string } => requestOf(fixture(), id);

describe('EC2 instance profiles (IAM User Guide, "Use an IAM role to grant permissions to applications running on Amazon EC2 instances")', () => {
  it('launching with an instance profile returns the instance and its profile; the instance\'s role session is named after the instance id', async () => {
    const p = await play([fromFixture('launch-with-instance-profile-needs-and-has-pass-role'), fromFixture('instance-reads-assets-with-its-role')]);
    expect(p.decision('launch-with-instance-profile-needs-and-has-pass-role')).toBe('allowed');
    expect(p.response('launch-with-instance-profile-needs-and-has-pass-role')).toEqual({
      Instances: [{ InstanceId: 'i-0123456789abcdef0', IamInstanceProfile: { Arn: `arn:aws:iam::${A}:instance-profile/WebServerProfile`, Id: expect.stringMatching(/^AIPA[A-Z2-7]{17}$/) } }],
    });
    const session = p.sessions.get('web');
    expect(session?.kind === 'assumedRole' && `${session.role.name}/${session.sessionName}`).toBe('WebServer/i-0123456789abcdef0');
    expect(p.context('instance-reads-assets-with-its-role')).toMatchObject({
      'aws:PrincipalArn': `arn:aws:iam::${A}:role/WebServer`,
      'aws:userid': expect.stringMatching(/^AROA[A-Z2-7]{17}:i-0123456789abcdef0$/),
      'ec2:SourceInstanceARN': `arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`,
    });
  });

  it('"a user must have permissions to pass the role to the service": iam:PassRole on the role, with iam:PassedToService and iam:AssociatedResourceArn in the context', async () => {
    const p = await play([fromFixture('launch-with-instance-profile-needs-and-has-pass-role'), fromFixture('launch-with-instance-profile-without-pass-role')]);
    const passRole = p.get('launch-with-instance-profile-needs-and-has-pass-role').trace!;
    expect(passRole.some((e) => e.kind === 'element' && e.element === 'Action' && e.params['action'] === 'iam:PassRole')).toBe(true);
    const refused = p.get('launch-with-instance-profile-without-pass-role');
    expect(refused.decision).toBe('implicitDeny');
    expect(refused.message).toBe(`User: arn:aws:iam::${A}:user/intern is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${A}:role/WebServer because no identity-based policy allows the iam:PassRole action`);
    expect(p.context('launch-with-instance-profile-without-pass-role')).toMatchObject({ 'iam:PassedToService': 'ec2.amazonaws.com', 'iam:AssociatedResourceArn': expect.stringMatching(new RegExp(`^arn:aws:ec2:us-east-1:${A}:instance/i-[0-9a-f]{17}$`)) });
  });

  it('a role whose trust policy does not allow ec2.amazonaws.com: the instance launches but gets no credentials', async () => {
    const scenario = fixture();
    const account = scenario.accounts[0]!;
    const untrusting: ScenarioJson = {
      ...scenario,
      accounts: [{ ...account, instanceProfiles: [...account.instanceProfiles!, { name: 'LambdaOnly', role: 'Thumbnailer' }] }],
    };
    const ops = account.users![0]!;
    const opsMayPass: ScenarioJson = {
      ...untrusting,
      accounts: [{ ...untrusting.accounts[0]!, users: [{ ...ops, inlinePolicies: { All: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' }] } } }] }],
    };
    const p = await play([
      { id: 'launch', principal: `arn:aws:iam::${A}:user/ops`, action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/*`, params: { IamInstanceProfile: { Arn: `arn:aws:iam::${A}:instance-profile/LambdaOnly` } }, as: 'orphan' },
    ], opsMayPass);
    expect(p.decision('launch')).toBe('allowed');
    expect(p.get('launch').message).toContain('does not allow ec2.amazonaws.com to assume it');
    expect(p.sessions.get('orphan')).toBeUndefined();
  });

  it('an instance profile that does not exist is InvalidParameterValue; a profile whose role is not in its account is a fault of the file', async () => {
    const p = await play([fromFixture('launch-with-unknown-instance-profile')]);
    expect(p.get('launch-with-unknown-instance-profile').message).toBe('Value (NoSuchProfile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
    const invalid = validateDocument({ format: 'iam-playground/scenario', version: 1, accounts: [{ id: A, instanceProfiles: [{ name: 'P', role: 'Missing' }] }] });
    expect(invalid.ok ? [] : invalid.errors.map((e) => e.path)).toEqual(['$.accounts[0].instanceProfiles[0].role']);
  });
});

describe('Lambda execution roles (AWS Lambda Developer Guide, "Defining Lambda function permissions with an execution role")', () => {
  it('CreateFunction passes the role to lambda.amazonaws.com; the function\'s session is named after the function and carries lambda:SourceFunctionArn', async () => {
    const p = await play([fromFixture('create-function-passes-execution-role'), fromFixture('function-writes-thumbnails-with-its-role')]);
    expect(p.response('create-function-passes-execution-role')).toEqual({
      FunctionName: 'thumbnailer', FunctionArn: `arn:aws:lambda:us-east-1:${A}:function:thumbnailer`, Role: `arn:aws:iam::${A}:role/Thumbnailer`,
    });
    expect(p.context('function-writes-thumbnails-with-its-role')).toMatchObject({
      'aws:userid': expect.stringMatching(/:thumbnailer$/),
      'lambda:SourceFunctionArn': `arn:aws:lambda:us-east-1:${A}:function:thumbnailer`,
    });
  });

  it('iam:PassedToService limits which service a role may be passed to; "The role defined for the function cannot be assumed by Lambda."', async () => {
    const p = await play([fromFixture('pass-role-is-limited-to-the-named-service'), fromFixture('lambda-cannot-assume-a-role-that-does-not-trust-it')]);
    expect(p.context('pass-role-is-limited-to-the-named-service')).toMatchObject({ 'iam:PassedToService': 'lambda.amazonaws.com' });
    expect(p.get('lambda-cannot-assume-a-role-that-does-not-trust-it').message).toBe('The role defined for the function cannot be assumed by Lambda.');
  });

  it('a malformed role ARN or function name is a ValidationException, a role that does not exist InvalidParameterValueException', async () => {
    const ops = `arn:aws:iam::${A}:user/ops`;
    const p = await play([
      { id: 'bad-arn', principal: ops, action: 'lambda:CreateFunction', resource: `arn:aws:lambda:us-east-1:${A}:function:f`, params: { FunctionName: 'f', Role: 'Thumbnailer' } },
      { id: 'bad-name', principal: ops, action: 'lambda:CreateFunction', resource: `arn:aws:lambda:us-east-1:${A}:function:f`, params: { FunctionName: 'has space', Role: `arn:aws:iam::${A}:role/Thumbnailer` } },
      { id: 'no-role', principal: ops, action: 'lambda:CreateFunction', resource: `arn:aws:lambda:us-east-1:${A}:function:f`, params: { FunctionName: 'f', Role: `arn:aws:iam::${A}:role/Nope` } },
    ]);
    expect([p.decision('bad-arn'), p.decision('bad-name'), p.decision('no-role')]).toEqual(['ValidationException', 'ValidationException', 'InvalidParameterValueException']);
  });
});
