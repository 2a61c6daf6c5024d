import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileWorld, evaluateRequest, parseScenarioText, type DecisionResult } from '../../engine/index';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import type { RequestJson } from '../../engine/scenario/types';
import { createAppStore } from '../store';
import { guessedDecisionOf, judgeGuess } from './judge';
import { isDecisionHidden } from './predict';

const parsed = parseScenarioText(readFileSync(new URL('../../e2e/fixtures/scp-denies-reads.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const { world } = compileWorld(parsed.scenario, loadManagedPolicySourceNode());
const read: RequestJson = parsed.scenario.requests![0]!;
const evaluate = (request: RequestJson) => evaluateRequest(world, request);

function done(decision: DecisionResult, request: RequestJson = read) {
  return { state: 'done', request, decision, expected: undefined, event: { eventID: 'e' } } as never;
}

describe('judging a guess against the engine (an explicit deny by an SCP)', () => {
  it('the engine denies explicitly at the SCP stage (an explicit deny in any SCP wins)', async () => {
    const result = await evaluate(read);
    expect(result.decision).toBe('explicitDeny');
    expect(result.decidedBy).toEqual(['scp']);
  });

  it('right decision and right layer is right', async () => {
    const judgement = judgeGuess({ decision: 'explicitDeny', stage: 'scp' }, await evaluate(read));
    expect(judgement).toEqual({ decisionRight: true, stageRight: true, right: true, actual: 'explicitDeny' });
  });

  it('right decision at the wrong layer is wrong, and says which half was right', async () => {
    const judgement = judgeGuess({ decision: 'explicitDeny', stage: 'identity' }, await evaluate(read));
    expect(judgement).toMatchObject({ decisionRight: true, stageRight: false, right: false });
  });

  it('guessing "allowed" because the identity policy allows is wrong', async () => {
    const judgement = judgeGuess({ decision: 'allowed', stage: 'identity' }, await evaluate(read));
    expect(judgement).toMatchObject({ decisionRight: false, right: false, actual: 'explicitDeny' });
  });

  it('an implicit deny (no statement allows) is judged at the layer that lacked an allow', async () => {
    const result = await evaluate({ ...read, action: 's3:PutObject' });
    expect(result.decision).toBe('implicitDeny');
    expect(judgeGuess({ decision: 'implicitDeny', stage: result.decidedBy[0]! }, result).right).toBe(true);
    expect(judgeGuess({ decision: 'explicitDeny', stage: result.decidedBy[0]! }, result).right).toBe(false);
  });

  it('an AWS error code counts as a refusal before authorization', () => {
    expect(['allowed', 'explicitDeny', 'implicitDeny', 'SignatureDoesNotMatch', 'AccessDenied'].map(guessedDecisionOf)).toEqual([
      'allowed',
      'explicitDeny',
      'implicitDeny',
      'error',
      'error',
    ]);
  });
});

describe('predict-first in the store', () => {
  it('hides a new answer until it is guessed, then reveals it and counts the score', async () => {
    const store = createAppStore('en');
    const first = await evaluate(read);
    store.getState().setResult(done(first));
    expect(isDecisionHidden(store.getState())).toBe(false);
    // Switching the mode on does not hide the answer already seen.
    store.getState().setPredictEnabled(true);
    expect(isDecisionHidden(store.getState())).toBe(false);

    const second = await evaluate(read);
    store.getState().setResult(done(second));
    expect(isDecisionHidden(store.getState())).toBe(true);
    store.getState().submitGuess({ decision: 'allowed', stage: 'identity' });
    expect(isDecisionHidden(store.getState())).toBe(false);
    expect(store.getState().predict.score).toEqual({ right: 0, total: 1 });
    // A second guess for the same answer is not counted again.
    store.getState().submitGuess({ decision: 'explicitDeny', stage: 'scp' });
    expect(store.getState().predict.score).toEqual({ right: 0, total: 1 });

    store.getState().setResult(done(await evaluate(read)));
    expect(isDecisionHidden(store.getState())).toBe(true);
    store.getState().submitGuess({ decision: 'explicitDeny', stage: 'scp' });
    expect(store.getState().predict.score).toEqual({ right: 1, total: 2 });

    store.getState().setPredictEnabled(false);
    store.getState().setResult(done(await evaluate(read)));
    expect(isDecisionHidden(store.getState())).toBe(false);
  });
});
