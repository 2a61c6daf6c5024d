import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import type { ExerciseJson, ScenarioJson } from '../scenario/types';
import { judgeExercise, type PerformedRecord } from './exercise';

const managed = loadManagedPolicySourceNode();
const A = '111111111111';
const allow = (action: string | string[], resource: string | string[] = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const dev = `arn:aws:iam::${A}:user/dev`;
const ops = `arn:aws:iam::${A}:user/ops`;
const root = `arn:aws:iam::${A}:root`;

const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
  accounts: [{
    id: A,
    policies: [{ name: 'SelfService', document: allow('iam:CreatePolicyVersion', `arn:aws:iam::${A}:policy/SelfService`) }],
    users: [
      { name: 'dev', managedPolicies: ['SelfService'] },
      { name: 'ops', inlinePolicies: { s3: allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::logs/*') } },
    ],
    resources: [{ arn: 'arn:aws:s3:::secret' }, { arn: 'arn:aws:s3:::logs' }],
  }],
};

const exercise = (goals: ExerciseJson['goals']): ExerciseJson => ({ id: 'x', task: 't', goals });
const judge = (goals: ExerciseJson['goals'], performed: PerformedRecord[] = [], scenario = SCENARIO) =>
  judgeExercise(scenario, exercise(goals), performed, managed, { actions: nodeServiceCatalogue() });

describe('judging an exercise', () => {
  it('judges goals in order: an allowed IAM write of a goal changes the world for the goals after it, never the scenario given', async () => {
    const before = JSON.stringify(SCENARIO);
    const read = { principal: dev, action: 's3:GetObject', resource: 'arn:aws:s3:::secret/a' };
    const judgement = await judge([
      { request: read, expect: 'implicitDeny' },
      { request: { principal: dev, action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService`, params: { PolicyDocument: allow('*'), SetAsDefault: true } }, expect: 'allowed' },
      { request: read, expect: 'allowed' },
      { request: { principal: dev, action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/ops`, params: {} }, expect: 'EntityAlreadyExists', by: 'api' },
    ]);
    expect(judgement.goals.map((g) => [g.kind, g.met, g.decision])).toEqual([
      ['request', true, 'implicitDeny'], ['request', true, 'allowed'], ['request', true, 'allowed'], ['request', true, 'EntityAlreadyExists'],
    ]);
    expect(judgement).toMatchObject({ met: 4, of: 4, solved: true });
    expect(JSON.stringify(SCENARIO)).toBe(before);
  });

  it('whoCan: exactly, at most, at least', async () => {
    const q = { action: 's3:PutObject', resource: 'arn:aws:s3:::logs/x' };
    const judgement = await judge([
      // The account's root user can do anything in its account.
      { whoCan: q, expect: [ops, root] },
      { whoCan: q, within: [ops, dev, root] },
      { whoCan: q, includes: [ops] },
      { whoCan: q, includes: [dev] },
    ]);
    expect(judgement.goals.map((g) => g.met)).toEqual([true, true, true, false]);
    expect([...judgement.goals[3]!.principals!].sort()).toEqual([root, ops].sort());
    expect(judgement.solved).toBe(false);
  });

  it('noneAllowed expands action patterns with the IAM service data and reports the allowed pairs', async () => {
    const judgement = await judge([
      { noneAllowed: { principal: ops, actions: ['s3:*Object'], resources: ['arn:aws:s3:::logs/*'] } },
      { noneAllowed: { principal: ops, actions: ['s3:Delete*'], resources: ['arn:aws:s3:::logs/*'] } },
      { noneAllowed: { principal: dev, actions: ['iam:*'], resources: [`arn:aws:iam::${A}:policy/*`] } },
    ]);
    const [objects, deletes, iam] = judgement.goals;
    expect(objects!.met).toBe(false);
    expect(objects!.allowed).toEqual(expect.arrayContaining([{ action: 's3:GetObject', resource: 'arn:aws:s3:::logs/*' }, { action: 's3:PutObject', resource: 'arn:aws:s3:::logs/*' }]));
    expect(deletes!.met).toBe(true);
    // The world's policy matching the pattern is tried, not only the pattern itself.
    expect(iam!.allowed).toEqual([{ action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService` }]);
  });

  it('performed: an allowed record, action case-insensitive, resource and caller by wildcard', async () => {
    const goal = { performed: { action: 's3:getobject', resource: 'arn:aws:s3:::secret/*', principal: `arn:aws:iam::${A}:user/*` } };
    const record = { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/plans.txt', caller: dev, decision: 'allowed' };
    expect((await judge([goal], [record])).solved).toBe(true);
    expect((await judge([goal], [{ ...record, decision: 'implicitDeny' }])).solved).toBe(false);
    expect((await judge([goal], [{ ...record, resource: 'arn:aws:s3:::logs/a' }])).solved).toBe(false);
    expect((await judge([goal], [{ ...record, caller: `arn:aws:sts::${A}:assumed-role/R/s` }])).solved).toBe(false);
    expect((await judge([{ performed: { action: 's3:GetObject', resource: '*' } }], [{ ...record, caller: undefined } as PerformedRecord])).solved).toBe(true);
  });
});
