/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML against OIDC and SAML providers of the
 * world: the decisions of tests/fixtures/sts-federation.json (checked by scenarios.test.ts)
 * plus what the calls return and the context they set, each test named after the AWS
 * documentation it follows.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../engine/data/nodeManagedPolicies';
import { compileWorld } from '../engine/model/compile';
import type { RequestJson, ScenarioJson } from '../engine/scenario/types';
import { validateDocument } from '../engine/scenario/validate';
import { loadFixture, play as playRequests, requestOf } from './play';

const managed = loadManagedPolicySourceNode();
const A = '111122223333';
const GITHUB = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
const OKTA = `arn:aws:iam::${A}:saml-provider/Okta`;

const fixture = (): ScenarioJson => loadFixture('sts-federation.json');
const play = (requests: (RequestJson & { id: string })[], scenario: ScenarioJson = fixture()) => playRequests(requests, scenario);
const fromFixture = (id: string): RequestJson & { id: string } => requestOf(fixture(), id);

const githubToken = (claims: Record<string, unknown> = {}) => ({
  iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/web:ref:refs/heads/main', aud: 'sts.amazonaws.com',
  repository: 'acme/web', repository_owner_id: 1234, ref: 'refs/heads/main', workflow: 'deploy', ...claims,
});

describe('AssumeRoleWithWebIdentity (AWS STS API Reference, "AssumeRoleWithWebIdentity")', () => {
  it('"Calling AssumeRoleWithWebIdentity does not require the use of AWS security credentials": the call may be unsigned, anonymous, or signed — the token is the caller and no identity-based policy is evaluated', async () => {
    const base = { action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubDeploy`, params: { RoleSessionName: 'gha-1', WebIdentityToken: githubToken() } };
    const scenario = fixture();
    // A user whose identity-based policy denies everything: signing the call with its key changes nothing.
    const withUser: ScenarioJson = {
      ...scenario,
      accounts: [{ ...scenario.accounts[0]!, users: [{ name: 'denied', inlinePolicies: { DenyAll: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } } }] }],
    };
    const p = await play([
      { id: 'unsigned', ...base },
      { id: 'anonymous', principal: 'anonymous', ...base },
      { id: 'signed-by-a-denied-user', principal: `arn:aws:iam::${A}:user/denied`, ...base },
      {
        id: 'unsigned-http', ...base,
        http: 'POST / HTTP/1.1\nHost: sts.amazonaws.com\nContent-Type: application/x-www-form-urlencoded\n\nAction=AssumeRoleWithWebIdentity&Version=2011-06-15',
      },
    ], withUser);
    expect(['unsigned', 'anonymous', 'signed-by-a-denied-user', 'unsigned-http'].map((id) => p.decision(id))).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    expect(p.get('signed-by-a-denied-user').decidedBy).toEqual(['trust']);
    expect(p.get('unsigned').trace!.some((e) => e.stage === 'identity' && e.kind === 'stage' && e.outcome === 'notApplicable')).toBe(true);
  });

  it('returns Credentials, AssumedRoleUser, SubjectFromWebIdentityToken (the sub claim), Provider (the iss claim) and Audience', async () => {
    const p = await play([fromFixture('github-main-branch-assumes-deploy-role')]);
    expect(p.response('github-main-branch-assumes-deploy-role')).toMatchObject({
      AssumedRoleUser: { Arn: `arn:aws:sts::${A}:assumed-role/GitHubDeploy/gha-4242`, AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:gha-4242$/) },
      Credentials: { AccessKeyId: expect.stringMatching(/^ASIA/), Expiration: '2026-03-01T13:00:00Z' },
      SubjectFromWebIdentityToken: 'repo:acme/web:ref:refs/heads/main',
      Provider: 'https://token.actions.githubusercontent.com',
      Audience: 'sts.amazonaws.com',
    });
    expect(p.response('github-main-branch-assumes-deploy-role')['PackedPolicySize']).toBeUndefined();
  });

  it('"Available keys for AWS web identity federation": PROVIDER:aud and PROVIDER:sub, and the GitHub claims of the Service Authorization Reference, are in the request context', async () => {
    const p = await play([{ id: 'gh', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubDeploy`, params: { RoleSessionName: 'gha-1', WebIdentityToken: githubToken() } }]);
    expect(p.context('gh')).toMatchObject({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': 'repo:acme/web:ref:refs/heads/main',
      'token.actions.githubusercontent.com:repository': 'acme/web',
      'token.actions.githubusercontent.com:repository_owner_id': '1234',
      'token.actions.githubusercontent.com:workflow': 'deploy',
      'sts:RoleSessionName': 'gha-1',
      'aws:PrincipalIsAWSService': 'false',
    });
  });

  it('aws:FederatedProvider — the IAM OIDC provider\'s ARN — is in every request of the resulting role session, with the provider\'s keys (IAM User Guide, "AWS global condition context keys")', async () => {
    const p = await play([fromFixture('github-main-branch-assumes-deploy-role'), fromFixture('github-session-deploys-the-site')]);
    expect(p.context('github-session-deploys-the-site')).toMatchObject({
      'aws:FederatedProvider': GITHUB,
      'token.actions.githubusercontent.com:sub': 'repo:acme/web:ref:refs/heads/main',
      'aws:PrincipalArn': `arn:aws:iam::${A}:role/GitHubDeploy`,
      'aws:PrincipalType': 'AssumedRole',
    });
  });

  it('the token may be a JWT: its payload holds the claims (the playground checks no signature); a token that is neither is InvalidIdentityToken', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(githubToken())}.c2lnbmF0dXJl`;
    const p = await play([
      { id: 'jwt', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubDeploy`, params: { RoleSessionName: 'gha-1', WebIdentityToken: jwt } },
      { id: 'garbage', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubDeploy`, params: { RoleSessionName: 'gha-1', WebIdentityToken: 'not-a-token' } },
      { id: 'no-session-name', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubDeploy`, params: { WebIdentityToken: githubToken() } },
    ]);
    expect([p.decision('jwt'), p.decision('garbage'), p.decision('no-session-name')]).toEqual(['allowed', 'InvalidIdentityToken', 'ValidationError']);
  });

  it('"No OpenIDConnect provider found in your account": the provider must be in the role\'s account; "Incorrect token audience"; an expired token is ExpiredTokenException', async () => {
    const p = await play([
      fromFixture('token-of-an-unknown-provider-is-invalid'),
      fromFixture('github-token-for-another-audience-is-invalid'),
      fromFixture('expired-token-is-refused'),
    ]);
    expect(p.get('token-of-an-unknown-provider-is-invalid').message).toBe('No OpenIDConnect provider found in your account for https://gitlab.com');
    expect(p.get('github-token-for-another-audience-is-invalid').message).toBe('Incorrect token audience');
    expect(p.decision('expired-token-is-refused')).toBe('ExpiredTokenException');
    expect(p.get('expired-token-is-refused').decidedBy).toEqual(['sts']);
  });

  it('the trust policy must name the provider as "Federated": a refusal is AWS\'s "Not authorized to perform sts:AssumeRoleWithWebIdentity", decided by the trust policy', async () => {
    const p = await play([fromFixture('github-feature-branch-refused-by-sub-condition')]);
    const r = p.get('github-feature-branch-refused-by-sub-condition');
    expect(r.decision).toBe('implicitDeny');
    expect(r.decidedBy).toEqual(['trust']);
    expect(r.reason).toBe('federatedCallerNotAllowedByTrust');
    expect(r.message).toMatch(/^Not authorized to perform sts:AssumeRoleWithWebIdentity/);
  });

  it('Amazon Cognito: cognito-identity.amazonaws.com:amr is multivalued (ForAnyValue) and ${cognito-identity.amazonaws.com:sub} names the user\'s folder', async () => {
    const p = await play([fromFixture('cognito-authenticated-identity-assumes-role'), fromFixture('cognito-session-reads-its-own-folder')]);
    expect(p.context('cognito-authenticated-identity-assumes-role')['cognito-identity.amazonaws.com:amr']).toEqual([
      'authenticated', 'accounts.google.com', 'accounts.google.com:us-east-1:12345678-1234-1234-1234-123456789012:1234567890',
    ]);
    expect(p.context('cognito-session-reads-its-own-folder')['aws:FederatedProvider']).toBe('cognito-identity.amazonaws.com');
  });

  it('Google: accounts.google.com:aud is the azp claim and accounts.google.com:oaud the aud claim when the token has azp', async () => {
    const p = await play([fromFixture('google-aud-is-the-azp-claim')]);
    expect(p.context('google-aud-is-the-azp-claim')).toMatchObject({
      'accounts.google.com:aud': '66677788899-web.apps.googleusercontent.com',
      'accounts.google.com:oaud': '66677788899-backend.apps.googleusercontent.com',
      'accounts.google.com:sub': '110169484474386276334',
    });
    expect(p.response('google-aud-is-the-azp-claim')['Audience']).toBe('66677788899-web.apps.googleusercontent.com');
  });

  it('OAuth 2.0 tokens of Login with Amazon (ProviderId www.amazon.com): www.amazon.com:app_id and www.amazon.com:user_id', async () => {
    const scenario = fixture();
    const amazon: ScenarioJson = {
      ...scenario,
      accounts: [{
        ...scenario.accounts[0]!,
        roles: [{
          name: 'AmazonLogin',
          trustPolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Federated: 'www.amazon.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'www.amazon.com:app_id': 'amzn1.application.1234' } } }],
          },
        }],
      }],
    };
    const p = await play([{
      id: 'amazon', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/AmazonLogin`,
      params: { RoleSessionName: 'app1', ProviderId: 'www.amazon.com', WebIdentityToken: { user_id: 'amzn1.account.AF6RHO7KZU5XRVQJGXK6HEXAMPLE', app_id: 'amzn1.application.1234' } },
    }], amazon);
    expect(p.decision('amazon')).toBe('allowed');
    expect(p.response('amazon')).toMatchObject({ Provider: 'www.amazon.com', SubjectFromWebIdentityToken: 'amzn1.account.AF6RHO7KZU5XRVQJGXK6HEXAMPLE', Audience: 'amzn1.application.1234' });
  });

  it('"Passing session tags using AssumeRoleWithWebIdentity": the https://aws.amazon.com/tags claim, with sts:TagSession in the trust policy; the source_identity claim needs sts:SetSourceIdentity', async () => {
    const scenario = fixture();
    const account = scenario.accounts[0]!;
    const tagging: ScenarioJson = {
      ...scenario,
      accounts: [{
        ...account,
        roles: [
          ...account.roles!,
          {
            name: 'GitHubTagged',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Federated: GITHUB }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }],
            },
            inlinePolicies: { Abac: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }] } },
          },
        ],
      }],
    };
    const tags = { 'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'] }, transitive_tag_keys: ['team'] } };
    const p = await play([
      { id: 'tagged', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubTagged`, params: { RoleSessionName: 'gha-1', WebIdentityToken: githubToken(tags) }, as: 'tagged' },
      { id: 'tag-acts', principal: '$tagged', action: 's3:ListAllMyBuckets', resource: '*' },
      {
        id: 'source-identity-without-permission', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/GitHubTagged`,
        params: { RoleSessionName: 'gha-2', WebIdentityToken: githubToken({ 'https://aws.amazon.com/source_identity': 'octocat' }) },
      },
    ], tagging);
    expect([p.decision('tagged'), p.decision('tag-acts'), p.decision('source-identity-without-permission')]).toEqual(['allowed', 'allowed', 'implicitDeny']);
    expect(p.context('tagged')).toMatchObject({ 'aws:RequestTag/team': 'blue', 'aws:TagKeys': ['team'], 'sts:TransitiveTagKeys': ['team'] });
    expect(p.response('tagged')['PackedPolicySize']).toBeGreaterThan(0);
    expect(p.sessions.get('tagged')?.state.transitiveTagKeys).toEqual(['team']);
    expect(p.get('source-identity-without-permission').message).toContain('sts:SetSourceIdentity');
  });
});

describe('AssumeRoleWithSAML (AWS STS API Reference, "AssumeRoleWithSAML")', () => {
  it('returns Subject, SubjectType, Issuer, Audience and NameQualifier = BASE64(SHA1(Issuer + account ID + "/" + provider name))', async () => {
    const p = await play([fromFixture('okta-assertion-assumes-engineer-role')]);
    const qualifier = createHash('sha1').update(`http://www.okta.com/exk1a2b3c4d5e6f7g8h9${A}/Okta`).digest('base64');
    expect(p.response('okta-assertion-assumes-engineer-role')).toMatchObject({
      AssumedRoleUser: { Arn: `arn:aws:sts::${A}:assumed-role/OktaEngineer/alice@example.com` },
      Subject: 'alice@example.com',
      SubjectType: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      Issuer: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
      Audience: 'https://signin.aws.amazon.com/saml',
      NameQualifier: qualifier,
    });
    expect(p.context('okta-assertion-assumes-engineer-role')).toMatchObject({
      'saml:aud': 'https://signin.aws.amazon.com/saml', 'saml:iss': 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9', 'saml:sub': 'alice@example.com',
      'saml:namequalifier': qualifier, 'saml:doc': `${A}/Okta`, 'aws:RequestTag/team': 'blue', 'sts:RoleSessionName': 'alice@example.com',
    });
  });

  it('"Your role session lasts for the duration that you specify … or until … SessionNotOnOrAfter, whichever is shorter"; a transient NameID format is "transient"', async () => {
    const request = fromFixture('okta-assertion-assumes-engineer-role');
    const assertion = request.params!['SAMLAssertion'] as Record<string, unknown>;
    const p = await play([{
      ...request, id: 'capped',
      params: { ...request.params, SAMLAssertion: { ...assertion, NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', SessionNotOnOrAfter: '2026-03-01T12:30:00Z' } },
    }]);
    expect(p.decision('capped')).toBe('allowed');
    expect((p.response('capped')['Credentials'] as Record<string, string>)['Expiration']).toBe('2026-03-01T12:30:00Z');
    expect(p.response('capped')['SubjectType']).toBe('transient');
  });

  it('SAML attributes become saml: keys (eduPerson by friendly name or urn:oid), and the session keeps them with aws:FederatedProvider', async () => {
    const request = fromFixture('okta-assertion-assumes-engineer-role');
    const assertion = request.params!['SAMLAssertion'] as { Attributes: Record<string, unknown> };
    const p = await play([
      {
        ...request, id: 'attributes', as: 'okta',
        params: {
          ...request.params,
          SAMLAssertion: { ...assertion, Attributes: { ...assertion.Attributes, 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': ['staff', 'member'], mail: 'alice@example.com' } },
        },
      },
      { id: 'acts', principal: '$okta', action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` },
    ]);
    expect(p.context('attributes')).toMatchObject({ 'saml:eduPersonAffiliation': ['staff', 'member'], 'saml:mail': 'alice@example.com' });
    expect(p.context('acts')).toMatchObject({ 'aws:FederatedProvider': OKTA, 'saml:sub': 'alice@example.com', 'aws:PrincipalTag/team': 'blue' });
  });

  it('the Role attribute must pair the role with the provider; PrincipalArn must be a SAML provider; the Issuer must be the provider\'s', async () => {
    const p = await play([
      fromFixture('saml-role-not-in-assertion-is-refused'),
      fromFixture('saml-provider-that-does-not-exist'),
      fromFixture('saml-assertion-from-another-issuer'),
      { id: 'no-principal-arn', action: 'sts:AssumeRoleWithSAML', resource: `arn:aws:iam::${A}:role/OktaEngineer`, params: { SAMLAssertion: { Issuer: 'x', NameID: 'y' } } },
    ]);
    expect([
      p.decision('saml-role-not-in-assertion-is-refused'), p.decision('saml-provider-that-does-not-exist'),
      p.decision('saml-assertion-from-another-issuer'), p.decision('no-principal-arn'),
    ]).toEqual(['AccessDenied', 'InvalidIdentityToken', 'InvalidIdentityToken', 'ValidationError']);
  });
});

describe('the scenario format: identity providers in the world', () => {
  it('an OIDC provider needs an https URL; a SAML provider a name; the same provider twice is a fault', () => {
    const base = { format: 'iam-playground/scenario', version: 1 };
    const faults = (providers: unknown[]) => {
      const result = validateDocument({ ...base, accounts: [{ id: A, identityProviders: providers }] });
      return result.ok ? [] : result.errors.map((e) => e.path);
    };
    expect(faults([{ type: 'oidc', url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }, { type: 'saml', name: 'Okta' }])).toEqual([]);
    expect(faults([{ type: 'oidc', url: 'http://insecure.example.com' }]).length).toBeGreaterThan(0);
    expect(faults([{ type: 'saml' }]).length).toBeGreaterThan(0);
    expect(faults([{ type: 'saml', name: 'Okta' }, { type: 'saml', name: 'Okta' }])).toEqual(['$.accounts[0].identityProviders[1]']);
  });

  it('only the two unsigned calls may leave out both `principal` and `http`; the new fields are not unknown properties', () => {
    const base = { format: 'iam-playground/scenario', version: 1, accounts: [{ id: A, identityProviders: [{ type: 'saml', name: 'Okta' }], instanceProfiles: [{ name: 'P' }] }] };
    const unsignedS3 = validateDocument({ ...base, requests: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', params: { WebIdentityToken: {} } }] });
    expect(unsignedS3.ok ? [] : unsignedS3.errors.map((e) => e.path)).toEqual(['$.requests[0]']);
    const unsignedSaml = validateDocument({ ...base, requests: [{ action: 'sts:AssumeRoleWithSAML', resource: `arn:aws:iam::${A}:role/R`, params: { SAMLAssertion: {} } }] });
    expect(unsignedSaml.ok).toBe(true);
    expect(unsignedSaml.warnings).toEqual([]);
  });

  it('the compiled world knows each provider by the ARN AWS gives it', () => {
    const { world } = compileWorld(fixture(), managed);
    expect([...world.identityProviders.keys()].sort()).toEqual([GITHUB, OKTA]);
    const github = world.identityProviders.get(GITHUB);
    expect(github?.kind === 'oidc' && github.hostPath).toBe('token.actions.githubusercontent.com');
  });
});
