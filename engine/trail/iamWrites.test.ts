/**
 * The CloudTrail records of IAM writes the simulated IAM API plays, as CloudTrail writes
 * them (AWS CloudTrail User Guide, "CloudTrail record contents"; IAM User Guide, "Logging
 * IAM and AWS STS API calls with AWS CloudTrail"): the call's parameters in camelCase with
 * policy documents as the JSON text sent, secrets never written, and what IAM returned.
 */
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { compileWorld } from '../model/compile';
import { runRequestDetailed } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import { counterIds } from './cloudTrail';
import { recordOutcome } from './recorded';

const managed = loadManagedPolicySourceNode();
const A = '111111111111';
const AT = new Date('2026-03-01T12:00:05Z');
const allow = (action: string | string[], resource = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const DEV = `arn:aws:iam::${A}:user/dev-lee`;

const scenario: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
  accounts: [{
    id: A,
    policies: [{ name: 'DevPolicy', document: allow('s3:ListBucket') }],
    users: [
      { name: 'dev-lee', managedPolicies: ['DevPolicy'], inlinePolicies: { self: allow(['iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:CreatePolicyVersion', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'sts:GetFederationToken'], '*') } },
      { name: 'kim' },
    ],
  }],
};

async function recorded(request: Omit<RequestJson, 'principal'>) {
  const { world } = compileWorld(scenario, managed);
  const full: RequestJson = { principal: DEV, ...request };
  const outcome = await runRequestDetailed(world, full, { trace: true, sessions: new SessionStore(), api: { scenario, managed } });
  return recordOutcome(full, outcome, { eventTime: AT, ids: counterIds() });
}

describe('CloudTrail records of IAM writes', () => {
  it('AttachUserPolicy: userName and policyArn as request parameters; IAM returns nothing, so responseElements is null', async () => {
    const out = await recorded({ action: 'iam:AttachUserPolicy', resource: DEV, params: { UserName: 'dev-lee', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } });
    expect(out.result.decision).toBe('allowed');
    expect(out.applied?.summary.code).toBe('apiAttachedPolicy');
    expect(out.event).toMatchObject({
      eventSource: 'iam.amazonaws.com', eventName: 'AttachUserPolicy', awsRegion: 'us-east-1', readOnly: false, managementEvent: true,
      requestParameters: { userName: 'dev-lee', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      responseElements: null,
    });
    expect(out.event.errorCode).toBeUndefined();
  });

  it('PutUserPolicy: the policy document is logged as the JSON text, its keys as written (not camelCased)', async () => {
    const document = allow('s3:*');
    const out = await recorded({ action: 'iam:PutUserPolicy', resource: DEV, params: { UserName: 'dev-lee', PolicyName: 'more', PolicyDocument: document } });
    expect(out.result.decision).toBe('allowed');
    const params = out.event.requestParameters as Record<string, unknown>;
    expect(typeof params['policyDocument']).toBe('string');
    expect(JSON.parse(params['policyDocument'] as string)).toEqual(document);
    expect(params).toMatchObject({ userName: 'dev-lee', policyName: 'more' });
  });

  it('CreatePolicyVersion: responseElements.policyVersion with the version id and createDate as CloudTrail writes dates', async () => {
    const out = await recorded({
      action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/DevPolicy`,
      params: { PolicyDocument: allow('*'), SetAsDefault: true },
    });
    expect(out.result.decision).toBe('allowed');
    expect(out.event.requestParameters).toMatchObject({ policyArn: `arn:aws:iam::${A}:policy/DevPolicy`, setAsDefault: true });
    expect(out.event.responseElements).toEqual({ policyVersion: { versionId: 'v2', isDefaultVersion: true, createDate: 'Mar 1, 2026, 12:00:00 PM' } });
  });

  it('CreateAccessKey: the new key is in responseElements without its secret access key (secrets are never logged)', async () => {
    const out = await recorded({ action: 'iam:CreateAccessKey', resource: DEV, params: { UserName: 'dev-lee' } });
    expect(out.result.decision).toBe('allowed');
    const key = (out.applied?.response as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } }).AccessKey;
    expect(key.SecretAccessKey).toBeTruthy();
    const logged = (out.event.responseElements as { accessKey: Record<string, unknown> }).accessKey;
    expect(logged).toMatchObject({ accessKeyId: key.AccessKeyId, userName: 'dev-lee', status: 'Active' });
    expect(logged).not.toHaveProperty('secretAccessKey');
    expect(JSON.stringify(out.event)).not.toContain(key.SecretAccessKey);
  });

  it('CreateLoginProfile: the password is never written to the log', async () => {
    const out = await recorded({ action: 'iam:CreateLoginProfile', resource: `arn:aws:iam::${A}:user/kim`, params: { UserName: 'kim', Password: 'Sup3r-secret-pass!' } });
    expect(out.result.decision).toBe('allowed');
    expect(out.event.requestParameters).toEqual({ userName: 'kim' });
    expect(JSON.stringify(out.event)).not.toContain('Sup3r-secret-pass!');
  });

  it('a call the IAM API refuses (NoSuchEntity): the error code and message, the parameters, no response', async () => {
    const out = await recorded({ action: 'iam:AttachUserPolicy', resource: DEV, params: { UserName: 'dev-lee', PolicyArn: `arn:aws:iam::${A}:policy/NoSuchPolicy` } });
    expect(out.result.decision).toBe('NoSuchEntity');
    expect(out.applied).toBeUndefined();
    expect(out.event).toMatchObject({ errorCode: 'NoSuchEntity', errorMessage: out.result.message, responseElements: null, requestParameters: { userName: 'dev-lee', policyArn: `arn:aws:iam::${A}:policy/NoSuchPolicy` } });
  });

  it('an STS session policy is logged as the JSON text too (GetFederationToken\'s policy parameter)', async () => {
    const policy = allow('s3:GetObject', 'arn:aws:s3:::reports/*');
    const out = await recorded({ action: 'sts:GetFederationToken', resource: `arn:aws:sts::${A}:federated-user/guest`, params: { Name: 'guest', Policy: policy } });
    expect(out.result.decision).toBe('allowed');
    const params = out.event.requestParameters as Record<string, unknown>;
    expect(params['name']).toBe('guest');
    expect(JSON.parse(params['policy'] as string)).toEqual(policy);
  });

  it('a pure authorization question (no params) changes nothing and names its entity from the resource', async () => {
    const out = await recorded({ action: 'iam:AttachUserPolicy', resource: DEV });
    expect(out.applied).toBeUndefined();
    expect(out.event.requestParameters).toEqual({ userName: 'dev-lee' });
  });
});
