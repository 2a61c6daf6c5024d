import { describe, expect, it } from 'vitest';
import { EMPTY_STS } from './draft';
import { nextSessionName, stsDraftOf, stsProblems, stsRequest, tagsOf } from './sts';

const alice = 'arn:aws:iam::111111111111:user/alice';
const role = 'arn:aws:iam::222222222222:role/Auditor';

describe('STS calls of the console', () => {
  it('AssumeRole is authorized on the role: its RoleArn is the resource, parameters keep AWS\'s names', () => {
    const request = stsRequest(
      { ...EMPTY_STS, RoleArn: role, RoleSessionName: 'audit', ExternalId: 'ext-42', SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456', DurationSeconds: '900', Tags: 'team=blue\nenv=prod', PolicyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Policy: '{"Version":"2012-10-17","Statement":[]}', as: 'audit1' },
      alice,
    );
    expect(request).toEqual({
      principal: alice,
      action: 'sts:AssumeRole',
      resource: role,
      params: {
        RoleArn: role,
        RoleSessionName: 'audit',
        ExternalId: 'ext-42',
        SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
        TokenCode: '123456',
        DurationSeconds: 900,
        Policy: { Version: '2012-10-17', Statement: [] },
        PolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        Tags: { team: 'blue', env: 'prod' },
      },
      as: 'audit1',
    });
  });

  it('GetFederationToken is authorized on the federated user of the caller\'s account; GetSessionToken and GetCallerIdentity on *', () => {
    expect(stsRequest({ ...EMPTY_STS, call: 'GetFederationToken', Name: 'bob' }, alice).resource).toBe('arn:aws:sts::111111111111:federated-user/bob');
    expect(stsRequest({ ...EMPTY_STS, call: 'GetSessionToken', as: 's' }, alice)).toEqual({ principal: alice, action: 'sts:GetSessionToken', resource: '*', as: 's' });
    // GetCallerIdentity issues no session: no `as`.
    expect(stsRequest({ ...EMPTY_STS, call: 'GetCallerIdentity', as: 's' }, alice)).toEqual({ principal: alice, action: 'sts:GetCallerIdentity', resource: '*' });
  });

  it('a duration that is not a number is sent as typed, for the engine to refuse as AWS does', () => {
    expect(stsRequest({ ...EMPTY_STS, RoleArn: role, DurationSeconds: '1h' }, alice).params).toMatchObject({ DurationSeconds: '1h' });
  });

  it('says which fields are missing or malformed', () => {
    expect(stsProblems({ ...EMPTY_STS })).toEqual({ RoleArn: 'required' });
    expect(stsProblems({ ...EMPTY_STS, RoleArn: role, Policy: '{not json', Tags: 'team', as: 'two words' })).toEqual({ Policy: 'json', Tags: 'tags', as: 'sessionName' });
    expect(stsProblems({ ...EMPTY_STS, call: 'GetFederationToken' })).toEqual({ Name: 'required' });
    expect(tagsOf('a=1, b = 2')).toEqual({ a: '1', b: '2' });
  });

  it('names sessions session1, session2 … skipping the names already taken', () => {
    expect(nextSessionName([])).toBe('session1');
    expect(nextSessionName(['session1', undefined, 'session3'])).toBe('session2');
  });

  it('a saved STS request loads back into the same draft', () => {
    const draft = { ...EMPTY_STS, RoleArn: role, RoleSessionName: 'audit', Tags: 'team=blue', PolicyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess', DurationSeconds: '900', as: 'x' };
    expect(stsDraftOf(stsRequest(draft, alice), EMPTY_STS)).toEqual(draft);
    expect(stsDraftOf({ principal: alice, action: 's3:GetObject', resource: '*' }, EMPTY_STS)).toBeUndefined();
  });
});
