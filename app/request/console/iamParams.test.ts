import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../engine/edit/apply';
import type { ScenarioJson } from '../../../engine/scenario/types';
import { buildRequest } from './buildRequest';
import { keyTypeOf } from './contextKeys';
import { EMPTY_DRAFT, type RequestDraft } from './draft';
import { buildParams, fromResourceValue, paramsDraftOf, writeSpecOf } from './iamParams';
import { draftOfRequest } from './loadRequest';
import { paramChoices, policyArnChoices, resourceOfParam } from './paramChoices';

const typeOf = (key: string) => keyTypeOf(key);
const DEV = 'arn:aws:iam::111111111111:user/dev-lee';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const draft = (patch: Partial<RequestDraft>): RequestDraft => ({ ...EMPTY_DRAFT, principal: DEV, ...patch });
const attach = writeSpecOf('iam:AttachUserPolicy')!;
const world: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1,
  accounts: [
    {
      id: '111111111111',
      policies: [{ name: 'DevPolicy', path: '/team/', document: {} }],
      users: [{ name: 'dev-lee', managedPolicies: ['DevPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess'], accessKeys: [{ id: 'AKIADEVLEE000000001' }] }, { name: 'kim' }],
      groups: [{ name: 'devs' }],
      roles: [{ name: 'App', trustPolicy: {}, permissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' }],
    },
    { id: '222222222222', users: [{ name: 'kim' }] },
  ],
};

describe('the IAM write form: the simulated IAM API table drives it', () => {
  it('knows the actions the API plays, in any case, and nothing else', () => {
    expect(writeSpecOf('IAM:attachuserpolicy')?.params.map((p) => p.name)).toEqual(['UserName', 'PolicyArn']);
    expect(writeSpecOf('s3:GetObject')).toBeUndefined();
    expect(writeSpecOf('iam:GetUser')).toBeUndefined();
  });

  it('with every field empty the request is a pure authorization question: no params at all', () => {
    const built = buildRequest(draft({ action: 'iam:AttachUserPolicy', resource: DEV, params: {} }), { typeOf });
    expect(built.ok && built.request).toEqual({ principal: DEV, action: 'iam:AttachUserPolicy', resource: DEV });
    // Whitespace is not a value either.
    const blank = buildRequest(draft({ action: 'iam:AttachUserPolicy', resource: DEV, params: { UserName: '  ' } }), { typeOf });
    expect(blank.ok && blank.request.params).toBeUndefined();
  });

  it('carries only the fields filled in; a parameter the resource gives is taken from it once any is given', () => {
    const built = buildRequest(draft({ action: 'iam:AttachUserPolicy', resource: DEV, params: { PolicyArn: ` ${ADMIN} `, SetAsDefault: 'true' } }), { typeOf });
    // SetAsDefault is not a parameter of AttachUserPolicy: kept in the draft, never sent.
    expect(built.ok && built.request.params).toEqual({ UserName: 'dev-lee', PolicyArn: ADMIN });
  });

  it('types each value as the API does: a policy document as JSON, booleans, integers, Key=Value tags, string lists', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    expect(buildParams(writeSpecOf('iam:CreatePolicyVersion')!, { PolicyDocument: JSON.stringify(doc), SetAsDefault: 'true' }, 'arn:aws:iam::111111111111:policy/DevPolicy').params)
      .toEqual({ PolicyArn: 'arn:aws:iam::111111111111:policy/DevPolicy', PolicyDocument: doc, SetAsDefault: true });
    expect(buildParams(writeSpecOf('iam:CreateRole')!, { RoleName: 'R', AssumeRolePolicyDocument: '{}', MaxSessionDuration: '7200', Tags: 'team=blue\nenv = prod' }, '').params)
      .toEqual({ RoleName: 'R', AssumeRolePolicyDocument: {}, MaxSessionDuration: 7200, Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'env', Value: 'prod' }] });
    expect(buildParams(writeSpecOf('iam:UntagUser')!, { UserName: 'kim', TagKeys: 'team, env' }, '').params).toEqual({ UserName: 'kim', TagKeys: ['team', 'env'] });
  });

  it('a malformed value is a problem of its field and the request is not sent', () => {
    const built = buildRequest(draft({ action: 'iam:CreateRole', resource: 'arn:aws:iam::111111111111:role/R', params: { AssumeRolePolicyDocument: '{"Version":', MaxSessionDuration: '1h', Tags: 'no-equals' } }), { typeOf });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.problems.params).toEqual({ AssumeRolePolicyDocument: 'json', MaxSessionDuration: 'integer', Tags: 'tags' });
    // A JSON array is not a policy document.
    expect(buildParams(writeSpecOf('iam:PutUserPolicy')!, { PolicyDocument: '[]' }, DEV).problems).toEqual({ PolicyDocument: 'json' });
  });

  it('an STS call never takes IAM write parameters', () => {
    const built = buildRequest(draft({ mode: 'sts', action: 'iam:AttachUserPolicy', params: { UserName: 'x' }, sts: { ...EMPTY_DRAFT.sts, call: 'GetCallerIdentity' } }), { typeOf });
    expect(built.ok && built.request.action).toBe('sts:GetCallerIdentity');
    expect(built.ok && built.request.params).toBeUndefined();
  });

  it('a saved request keeps its params: loaded into the form and built again, the same request', () => {
    const saved = { id: 'escalate', principal: DEV, action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::111111111111:policy/DevPolicy', params: { PolicyArn: 'arn:aws:iam::111111111111:policy/DevPolicy', PolicyDocument: { Version: '2012-10-17', Statement: [] }, SetAsDefault: true } };
    const loaded = draftOfRequest(saved, EMPTY_DRAFT, () => true);
    expect(loaded.params).toEqual({ PolicyArn: saved.params.PolicyArn, PolicyDocument: JSON.stringify(saved.params.PolicyDocument, null, 2), SetAsDefault: 'true' });
    const built = buildRequest(loaded, { typeOf });
    const { id: _id, ...request } = saved;
    expect(built.ok && built.request).toEqual(request);
    // Saved into the world (as "Save this request" does) and loaded again: the params come back.
    const form = draft({ action: 'iam:AttachUserPolicy', resource: DEV, params: { PolicyArn: ADMIN } });
    const fresh = buildRequest(form, { typeOf });
    if (!fresh.ok) throw new Error('not built');
    const stored = applyEdit(world, { op: 'addRequest', request: { id: 'attach-admin', ...fresh.request } });
    if (!stored.ok) throw new Error(stored.error.message);
    const kept = stored.world.requests!.find((r) => r.id === 'attach-admin')!;
    expect(kept.params).toEqual({ UserName: 'dev-lee', PolicyArn: ADMIN });
    expect(draftOfRequest(kept, EMPTY_DRAFT, () => true).params).toEqual({ UserName: 'dev-lee', PolicyArn: ADMIN });
    expect(paramsDraftOf({ action: 'iam:TagUser', resource: DEV, params: { Tags: [{ Key: 'a', Value: '1' }] } })).toEqual({ Tags: 'a=1' });
    expect(paramsDraftOf({ action: 'iam:TagUser', resource: DEV, params: { Tags: { a: '1' } } })).toEqual({ Tags: 'a=1' });
  });

  it('a parameter and the resource fill each other: the name from the ARN, the ARN from a chosen name', () => {
    const [userName] = attach.params;
    expect(fromResourceValue(userName!, 'arn:aws:iam::111111111111:user/team/dev-lee')).toBe('dev-lee');
    expect(fromResourceValue(userName!, 'arn:aws:iam::111111111111:role/App')).toBeUndefined();
    const policyArn = writeSpecOf('iam:DeletePolicy')!.params[0]!;
    expect(fromResourceValue(policyArn, 'arn:aws:iam::111111111111:policy/DevPolicy')).toBe('arn:aws:iam::111111111111:policy/DevPolicy');
    // The caller's own account first (kim exists in both accounts).
    expect(resourceOfParam(world, userName!, 'kim', 'arn:aws:iam::222222222222:user/kim')).toBe('arn:aws:iam::222222222222:user/kim');
    expect(resourceOfParam(world, userName!, 'dev-lee', 'arn:aws:iam::222222222222:user/kim')).toBe(DEV);
    // A user the world does not have yet (CreateUser): in the caller's account.
    expect(resourceOfParam(world, userName!, 'new-user', DEV)).toBe('arn:aws:iam::111111111111:user/new-user');
    expect(resourceOfParam(world, attach.params[1]!, ADMIN, DEV)).toBeUndefined();
  });

  it('offers the world: users, groups, roles, every managed policy ARN it has or attaches (AdministratorAccess always), a user\'s keys', () => {
    expect(paramChoices(world, attach.params[0]!, '').map((c) => c.value)).toEqual(['dev-lee', 'kim']);
    expect(policyArnChoices(world).map((c) => c.value)).toEqual([
      'arn:aws:iam::111111111111:policy/team/DevPolicy',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/PowerUserAccess',
      ADMIN,
    ]);
    const keyId = writeSpecOf('iam:DeleteAccessKey')!.params[1]!;
    expect(paramChoices(world, keyId, 'dev-lee').map((c) => c.value)).toEqual(['AKIADEVLEE000000001']);
    expect(paramChoices(world, keyId, 'kim')).toEqual([]);
  });
});
