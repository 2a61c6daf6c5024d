import { describe, expect, it } from 'vitest';
import { signRequest } from '../authn/sigv4';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { compileWorld } from '../model/compile';
import { runRequestDetailed } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import type { ScenarioJson } from '../scenario/types';
import { queryParams } from './queryParams';

describe('the parameters of an AWS Query protocol request', () => {
  it('reads flat parameters, string lists, tags and policy ARNs; leaves out Action, Version and X-Amz-…', () => {
    expect(queryParams('Action=AssumeRole&Version=2011-06-15&RoleSessionName=a%20b+c&DurationSeconds=900&X-Amz-Date=20260301T120000Z'
      + '&Tags.member.2.Key=k2&Tags.member.2.Value=v2&Tags.member.1.Key=k1&Tags.member.1.Value=v1&TransitiveTagKeys.member.1=k1'
      + '&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess')).toEqual({
      RoleSessionName: 'a b c', DurationSeconds: '900',
      Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }], TransitiveTagKeys: ['k1'],
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    });
  });

  it('skips malformed escapes and never writes __proto__', () => {
    const params = queryParams('A=%E0%A4%A&__proto__=x&B=1');
    expect(params).toEqual({ B: '1' });
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});

const A = '111111111111';
const KEY = { accessKeyId: 'AKIAMALLORY000000001', secretAccessKey: 'mallory-secret-key-000000000000000000000' };
const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
  accounts: [{
    id: A,
    users: [
      { name: 'mallory', accessKeys: [{ id: KEY.accessKeyId, secret: KEY.secretAccessKey }], inlinePolicies: { p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:*', 'sts:AssumeRole'], Resource: '*' }] } } },
      { name: 'bob' },
    ],
    roles: [{ name: 'Ops', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }] } }],
  }],
};

async function signed(host: string, service: string, body: string) {
  const text = `POST / HTTP/1.1\nHost: ${host}\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\n\n${body}`;
  const result = await signRequest(text, { credentials: KEY, region: 'us-east-1', service, time: new Date('2026-03-01T12:00:00Z') });
  if (!result.ok) throw new Error('not signed');
  return result.text;
}

describe('a signed (http) STS or IAM call carries the parameters of its body', () => {
  const managed = loadManagedPolicySourceNode();
  const world = compileWorld(SCENARIO, managed).world;

  it('AssumeRole: RoleSessionName and DurationSeconds from the form body', async () => {
    const http = await signed('sts.amazonaws.com', 'sts', `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(`arn:aws:iam::${A}:role/Ops`)}&RoleSessionName=audit&DurationSeconds=900`);
    const out = await runRequestDetailed(world, { http, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/Ops` }, { sessions: new SessionStore() });
    expect(out.result.decision, out.result.message).toBe('allowed');
    expect(out.issued?.kind === 'assumedRole' && out.issued.sessionName).toBe('audit');
    expect(out.issued?.credentials.expiration.toISOString()).toBe('2026-03-01T12:15:00.000Z');
  });

  it('an IAM write whose body names its call is applied; the body that names only the resource stays a question', async () => {
    const attach = await signed('iam.amazonaws.com', 'iam', 'Action=AttachUserPolicy&Version=2010-05-08&UserName=bob&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAdministratorAccess');
    const request = { http: attach, action: 'iam:AttachUserPolicy', resource: `arn:aws:iam::${A}:user/bob` };
    const out = await runRequestDetailed(world, request, { api: { scenario: SCENARIO, managed } });
    expect(out.result.decision, out.result.message).toBe('allowed');
    expect(out.applied?.summary.code).toBe('apiAttachedPolicy');
    const bare = await signed('iam.amazonaws.com', 'iam', 'Action=AttachUserPolicy&Version=2010-05-08&UserName=bob');
    const question = await runRequestDetailed(world, { ...request, http: bare }, { api: { scenario: SCENARIO, managed } });
    expect(question.result.decision).toBe('allowed');
    expect(question.applied).toBeUndefined();
  });
});
