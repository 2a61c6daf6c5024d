import { describe, expect, it } from 'vitest';
import { buildRequest, canSignIn } from './buildRequest';
import { keyTypeOf } from './contextKeys';
import { EMPTY_DRAFT, type RequestDraft } from './draft';
import { draftOfRequest } from './loadRequest';

const typeOf = (key: string) => keyTypeOf(key);
const alice = 'arn:aws:iam::111111111111:user/alice';
const draft = (patch: Partial<RequestDraft>): RequestDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('building the request from the console', () => {
  it('an API call: caller, action, resource, and only the context keys the learner set', () => {
    const built = buildRequest(draft({ principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: [{ key: 'aws:SourceIp', value: '203.0.113.7' }] }), { typeOf });
    expect(built).toEqual({ ok: true, request: { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '203.0.113.7' } } });
  });

  it('says every field that is missing, and each bad context value, before anything is sent', () => {
    const built = buildRequest(draft({ context: [{ key: 'aws:SourceIp', value: 'here' }] }), { typeOf });
    expect(built).toEqual({ ok: false, problems: { fields: { principal: 'required', action: 'required', resource: 'required' }, context: ['IPAddress'] } });
  });

  it('a console session sends the sign-in (password, MFA code) only for an IAM user or a root user', () => {
    const signIn = { password: 'pw', mfaCode: '123456' };
    const built = buildRequest(draft({ principal: alice, action: 's3:ListAllMyBuckets', resource: '*', consoleSignIn: true }), { typeOf, signIn });
    expect(built.ok && built.request.console).toEqual(signIn);
    expect(canSignIn(draft({ principal: 'arn:aws:iam::111111111111:root' }))).toBe(true);
    expect(canSignIn(draft({ principal: 'arn:aws:sts::111111111111:assumed-role/R/s' }))).toBe(false);
    const role = buildRequest(draft({ principal: 'arn:aws:sts::111111111111:assumed-role/R/s', action: 's3:ListAllMyBuckets', resource: '*', consoleSignIn: true }), { typeOf, signIn });
    expect(role.ok && role.request.console).toBeUndefined();
  });

  it('a federated user is named in the issuer\'s account and carries the issuer (scenario format: session.issuer)', () => {
    const built = buildRequest(draft({ callerKind: 'federated', federatedName: 'bob', federatedIssuer: alice, action: 's3:GetObject', resource: '*' }), { typeOf });
    expect(built).toEqual({ ok: true, request: { principal: 'arn:aws:sts::111111111111:federated-user/bob', session: { issuer: alice }, action: 's3:GetObject', resource: '*' } });
    expect(buildRequest(draft({ callerKind: 'federated', action: 'a:b', resource: '*' }), { typeOf })).toMatchObject({ ok: false, problems: { fields: { federatedName: 'required', federatedIssuer: 'required' } } });
  });

  it('anonymous and service callers', () => {
    expect(buildRequest(draft({ callerKind: 'anonymous', action: 's3:GetObject', resource: '*' }), { typeOf })).toMatchObject({ ok: true, request: { principal: 'anonymous' } });
    expect(buildRequest(draft({ callerKind: 'service', principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: '*' }), { typeOf })).toMatchObject({ ok: true, request: { principal: 'cloudtrail.amazonaws.com' } });
  });

  it('an STS call: AssumeRoleWithWebIdentity is unsigned (no caller); the others need one', () => {
    const web = buildRequest(draft({ mode: 'sts', sts: { ...EMPTY_DRAFT.sts, call: 'AssumeRoleWithWebIdentity', RoleArn: 'arn:aws:iam::1:role/R', WebIdentityToken: 'tok' } }), { typeOf });
    expect(web.ok && web.request.principal).toBeUndefined();
    expect(buildRequest(draft({ mode: 'sts' }), { typeOf })).toMatchObject({ ok: false, problems: { fields: { principal: 'required', RoleArn: 'required' } } });
  });

  it('a saved request loads into the form and builds back into the same request', () => {
    const saved = { id: 'r1', principal: alice, action: 'sts:AssumeRole', resource: 'arn:aws:iam::2:role/R', params: { RoleArn: 'arn:aws:iam::2:role/R', RoleSessionName: 'x', ExternalId: 'e1' }, as: 's1', context: { 'aws:SourceIp': '10.0.0.1' } };
    const loaded = draftOfRequest(saved, EMPTY_DRAFT, (p) => p === alice);
    expect(loaded).toMatchObject({ mode: 'sts', callerKind: 'listed', exampleId: 'r1' });
    const { id: _id, ...rest } = saved;
    expect(buildRequest(loaded, { typeOf })).toEqual({ ok: true, request: rest });
    expect(draftOfRequest({ principal: 'anonymous', action: 's3:GetObject', resource: '*' }, EMPTY_DRAFT, () => false)).toMatchObject({ callerKind: 'anonymous', mode: 'api' });
    expect(draftOfRequest({ principal: 'arn:aws:iam::1:user/gone', action: 's3:GetObject', resource: '*' }, EMPTY_DRAFT, () => false).callerKind).toBe('typed');
  });
});
