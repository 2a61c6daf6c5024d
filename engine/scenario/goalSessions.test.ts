/**
 * Exercise goals are judged in order in one session store of their own (engine/scenario/types.ts,
 * `GoalJson`): a goal that is an STS call with `"as": NAME` issues a session that the goals
 * after it may use as `"principal": "$NAME"` — and only those.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from './validate';

const USER = 'arn:aws:iam::111111111111:user/ops';
const scenario = (goals: unknown[]) => ({
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [{ id: '111111111111', users: [{ name: 'ops' }] }],
  exercise: {
    id: 'goal-sessions',
    task: 'Use a session.',
    goals,
    solution: { accounts: [{ id: '111111111111', users: [{ name: 'ops' }] }] },
  },
});
const getSession = { request: { principal: USER, action: 'sts:GetSessionToken', resource: '*', as: 'mine' }, expect: 'allowed' };
const useSession = { request: { principal: '$mine', action: 'ec2:DescribeInstances', resource: '*' }, expect: 'allowed' };

describe('sessions issued by exercise goals', () => {
  it('a goal may use a session that an earlier goal issued with "as"', () => {
    const result = validateDocument(scenario([getSession, useSession]));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('a goal may not use a session that only a later goal issues', () => {
    const result = validateDocument(scenario([useSession, getSession]));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['$.exercise.goals[0].request.principal']);
  });
});
