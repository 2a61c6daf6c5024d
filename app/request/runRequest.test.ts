/**
 * A real run of an IAM write changes the world on screen as ONE undoable step, logs the
 * call (without the secret a response may hold) and counts for the open exercise; a
 * what-if run changes nothing. The engine's answers are the real engine's (the simulated
 * IAM API with the AWS managed policies of the IAM data), handed over as the worker would.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { compileWorld } from '../../engine/index';
import { runRequestDetailed } from '../../engine/pipeline/run';
import { SessionStore } from '../../engine/pipeline/sessions';
import type { RequestJson } from '../../engine/scenario/types';
import { counterIds } from '../../engine/trail/cloudTrail';
import { recordOutcome } from '../../engine/trail/recorded';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../../engine/worker/protocol';
import { useAppStore } from '../store';
import { SELF_SERVICE_WORLD } from '../decision/testWorlds';

const managed = loadManagedPolicySourceNode();
const { DEV, ADMIN, scenario } = SELF_SERVICE_WORLD;

// The engine as the worker answers: the request judged in the store's world, with the simulated IAM API —
// even for a what-if (the worker never applies one): the app must not apply what a what-if returns.
vi.mock('../engine/syncWorld', () => ({ flushWorld: async () => undefined }));
vi.mock('../engine/engine', () => ({
  engine: {
    call: async (message: WorkerRequest): Promise<WorkerResponse> => {
      if (message.type !== 'evaluate') throw new Error(`unexpected ${message.type}`);
      const current = useAppStore.getState().world!;
      const { world } = compileWorld(current, managed);
      const outcome = await runRequestDetailed(world, message.request, {
        trace: true, sessions: new SessionStore(), api: { scenario: current, managed }, ...(message.whatIf ? { whatIf: message.whatIf } : {}),
      });
      return { v: PROTOCOL_VERSION, id: 1, type: 'decision', ...recordOutcome(message.request, outcome, { eventTime: new Date('2026-03-01T12:00:00Z'), ids: counterIds() }) } as WorkerResponse;
    },
  },
}));

const { runRequest } = await import('./runRequest');

const attachAdmin: RequestJson = { principal: DEV, action: 'iam:AttachUserPolicy', resource: DEV, params: { PolicyArn: ADMIN } };
const devLee = () => useAppStore.getState().world!.accounts[0]!.users![0]!;

beforeEach(() => {
  const store = useAppStore.getState();
  store.openDocument({ scenario, positions: {} });
  store.clearTrail();
  store.setActiveExercise(null);
  store.setProgress({});
});

describe('runRequest and the simulated IAM API', () => {
  it('applies an allowed IAM write to the world as one undo step named after the action; undo takes it back', async () => {
    const pastBefore = useAppStore.getState().past.length;
    const answer = await runRequest(attachAdmin);
    expect(answer.state === 'done' && answer.decision.decision).toBe('allowed');
    expect(answer.state === 'done' && answer.applied?.summary.code).toBe('apiAttachedPolicy');
    expect(devLee().managedPolicies).toEqual([ADMIN]);
    const { past } = useAppStore.getState();
    expect(past).toHaveLength(pastBefore + 1);
    expect(past.at(-1)!.label).toBe('iam:AttachUserPolicy');
    // The answer on screen is the one with what was applied.
    expect(useAppStore.getState().result).toMatchObject({ state: 'done', applied: { action: 'iam:AttachUserPolicy' } });
    useAppStore.getState().undo();
    expect(devLee().managedPolicies ?? []).toEqual([]);
  });

  it('applies even while an exercise locks the world: the IAM API is how such an exercise is played', async () => {
    useAppStore.getState().setWorldLocked(true);
    try {
      const answer = await runRequest(attachAdmin, { source: 'batch' });
      expect(answer.state === 'done' && answer.applyError).toBeUndefined();
      expect(devLee().managedPolicies).toEqual([ADMIN]);
    } finally {
      useAppStore.getState().setWorldLocked(false);
    }
  });

  it('a what-if run and a pure authorization question (no params) change nothing', async () => {
    const whatIf = await runRequest(attachAdmin, { source: 'whatIf', whatIf: { layers: ['boundary'] } });
    expect(whatIf.state === 'done' && whatIf.whatIf).toBeDefined();
    expect(whatIf.state === 'done' && whatIf.applied).toBeUndefined();
    const { params: _params, ...question } = attachAdmin;
    const asked = await runRequest(question);
    expect(asked.state === 'done' && asked.decision.decision).toBe('allowed');
    expect(asked.state === 'done' && asked.applied).toBeUndefined();
    expect(devLee().managedPolicies ?? []).toEqual([]);
    expect(useAppStore.getState().trail).toHaveLength(1);
  });

  it('a what-if rerun with nothing switched off does not play the IAM write again', async () => {
    await runRequest(attachAdmin);
    const past = useAppStore.getState().past.length;
    const rerun = await runRequest(attachAdmin, { source: 'whatIf', whatIf: {} });
    expect(rerun.state === 'done' && rerun.applied).toBeUndefined();
    expect(useAppStore.getState().past).toHaveLength(past);
    expect(useAppStore.getState().trail).toHaveLength(1);
  });

  it('logs the call without the response (a new secret access key is shown once) and notes it for the open exercise', async () => {
    useAppStore.getState().setActiveExercise('escalate');
    const answer = await runRequest({ principal: DEV, action: 'iam:CreateAccessKey', resource: DEV, params: { UserName: 'dev-lee' } });
    expect(answer.state === 'done' && answer.applied?.response).toBeDefined();
    const [entry] = useAppStore.getState().trail;
    expect(entry!.applied?.summary.code).toBe('apiCreatedAccessKey');
    expect(entry!.applied).not.toHaveProperty('response');
    expect(useAppStore.getState().progress['escalate']?.performed).toEqual([{ action: 'iam:CreateAccessKey', resource: DEV, caller: DEV, decision: 'allowed' }]);
  });
});
