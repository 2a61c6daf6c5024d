import { describe, expect, it } from 'vitest';
import { validateDocument } from './validate';

const A = '111111111111';
const dev = `arn:aws:iam::${A}:user/dev`;
const base = { format: 'iam-playground/scenario', version: 1, accounts: [{ id: A, users: [{ name: 'dev' }] }] };
const withExercise = (exercise: Record<string, unknown>) => ({ ...base, exercise: { id: 'x', task: 't', ...exercise } });
const errorsOf = (value: unknown) => {
  const result = validateDocument(value);
  return result.ok ? [] : result.errors;
};
const warningsOf = (value: unknown) => validateDocument(value).warnings;

describe('the exercise extensions of the scenario format', () => {
  it('accepts every goal kind, labels, solution steps and worldLocked, with no warning', () => {
    const value = withExercise({
      worldLocked: true,
      goals: [
        { request: { principal: dev, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expect: 'allowed', by: 'identity', label: { en: 'Read', ko: '읽기' } },
        { request: { principal: dev, action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/dev`, params: {} }, expect: 'EntityAlreadyExists', by: 'api' },
        { whoCan: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, includes: [dev], label: 'Dev can read' },
        { noneAllowed: { principal: dev, actions: ['iam:*'], resources: ['*'], context: { 'aws:SourceIp': '203.0.113.7' } } },
        { performed: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/*', principal: dev } },
      ],
      solution: { steps: [{ principal: dev, action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/new`, params: { Tags: [{ Key: 'k', Value: 'v' }] } }] },
    });
    expect(errorsOf(value)).toEqual([]);
    expect(warningsOf(value)).toEqual([]);
  });

  it('a goal of no known kind is a fault at its path', () => {
    const errors = errorsOf(withExercise({ goals: [{ performed: { action: 's3:GetObject', resource: '*' } }, { perform: { action: 'x' } }] }));
    expect(errors.some((e) => e.path.startsWith('$.exercise.goals[1]'))).toBe(true);
    expect(errors.every((e) => !e.path.startsWith('$.exercise.goals[0]'))).toBe(true);
  });

  it('noneAllowed needs principal, actions and resources; performed needs action and resource', () => {
    expect(errorsOf(withExercise({ goals: [{ noneAllowed: { principal: dev, actions: [] , resources: ['*'] } }] })).some((e) => e.path.startsWith('$.exercise.goals[0]'))).toBe(true);
    expect(errorsOf(withExercise({ goals: [{ performed: { resource: '*' } }] })).some((e) => e.path.startsWith('$.exercise.goals[0]'))).toBe(true);
  });

  it('worldLocked is a boolean; a solution has accounts or steps', () => {
    expect(errorsOf(withExercise({ worldLocked: 'yes', goals: [{ performed: { action: 'a:b', resource: '*' } }] }))).toEqual([expect.objectContaining({ path: '$.exercise.worldLocked' })]);
    expect(errorsOf(withExercise({ goals: [{ performed: { action: 'a:b', resource: '*' } }], solution: {} })).some((e) => e.path === '$.exercise.solution')).toBe(true);
  });

  it('a step is a request: its faults have its path', () => {
    const errors = errorsOf(withExercise({ goals: [{ performed: { action: 'a:b', resource: '*' } }], solution: { steps: [{ principal: dev, action: 's3:GetObject' }] } }));
    expect(errors.some((e) => e.path.startsWith('$.exercise.solution.steps[0]'))).toBe(true);
    const unknownCaller = errorsOf(withExercise({ goals: [{ performed: { action: 'a:b', resource: '*' } }], solution: { steps: [{ principal: `arn:aws:iam::${A}:user/ghost`, action: 's3:GetObject', resource: '*' }] } }));
    expect(unknownCaller).toEqual([expect.objectContaining({ path: '$.exercise.solution.steps[0].principal' })]);
  });

  it('a user an earlier request or step creates may be the caller of a later one', () => {
    const create = { principal: dev, action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/new`, params: {} };
    const asNew = { principal: `arn:aws:iam::${A}:user/new`, action: 's3:GetObject', resource: '*' };
    expect(errorsOf({ ...base, requests: [create, asNew] })).toEqual([]);
    expect(errorsOf({ ...base, requests: [asNew, create] })).toEqual([expect.objectContaining({ path: '$.requests[0].principal' })]);
    expect(errorsOf(withExercise({ goals: [{ performed: { action: 'a:b', resource: '*' } }], solution: { steps: [create, asNew] } }))).toEqual([]);
  });

  it('params of an IAM write are checked against the API\'s types, with their path', () => {
    const errors = errorsOf({
      ...base,
      requests: [
        { principal: dev, action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/P`, params: { PolicyDocument: 42, SetAsDefault: 'maybe' } },
        { principal: dev, action: 'iam:TagUser', resource: `arn:aws:iam::${A}:user/dev`, params: { Tags: [{ Key: 1 }] } },
        // Not an IAM write the API applies: its params are the caller's business.
        { principal: dev, action: 'iam:GetUser', resource: `arn:aws:iam::${A}:user/dev`, params: { Anything: 1 } },
      ],
      exercise: { id: 'x', task: 't', goals: [{ request: { principal: dev, action: 'iam:UntagUser', resource: `arn:aws:iam::${A}:user/dev`, params: { TagKeys: 'k' } }, expect: 'allowed' }] },
    });
    expect(errors.map((e) => e.path).sort()).toEqual([
      '$.exercise.goals[0].request.params.TagKeys',
      '$.requests[0].params.PolicyDocument',
      '$.requests[0].params.SetAsDefault',
      '$.requests[1].params.Tags',
    ]);
  });

  it('a who-can goal has one of expect, within and includes', () => {
    const errors = errorsOf(withExercise({ goals: [{ whoCan: { action: 'a:b', resource: '*' }, expect: [], includes: [dev] }] }));
    expect(errors).toEqual([expect.objectContaining({ path: '$.exercise.goals[0]' })]);
  });
});
