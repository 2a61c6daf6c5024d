import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../scenario/types';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from './protocol';
import { createEngineHost } from './worker';

const BASE = 'https://playground.test/';
const A = '111111111111';
const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
  accounts: [{
    id: A,
    users: [
      { name: 'reader', inlinePolicies: { read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } },
      { name: 'nobody' },
    ],
    resources: [{ arn: 'arn:aws:s3:::reports' }],
  }],
};
const WHO_CAN = { kind: 'whoCan', query: { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv' } } as const;

let nextId = 1;
const message = (body: Record<string, unknown>): WorkerRequest => ({ v: PROTOCOL_VERSION, id: nextId++, ...body }) as WorkerRequest;

describe('analyses through the worker protocol', () => {
  it('answers `analyze` with the analysis of the world it holds', async () => {
    const host = createEngineHost(BASE);
    expect(await host.handle(message({ type: 'setWorld', scenario: SCENARIO, baseUrl: BASE }))).toMatchObject({ type: 'worldSet', faults: [] });
    const answer = await host.handle(message({ type: 'analyze', query: WHO_CAN }));
    expect(answer.type).toBe('analyzed');
    const principals = answer.type === 'analyzed' && answer.result.kind === 'whoCan' ? answer.result.report.principals.map((p) => p.arn) : [];
    // The root user of the account can too: nothing denies it.
    expect(principals.sort()).toEqual([`arn:aws:iam::${A}:root`, `arn:aws:iam::${A}:user/reader`]);
  });

  it('answers `analysisCancelled` when a `cancel` of the request arrives before it ends', async () => {
    const host = createEngineHost(BASE);
    await host.handle(message({ type: 'setWorld', scenario: SCENARIO, baseUrl: BASE }));
    const analyze = message({ type: 'analyze', query: { kind: 'accessGraph' } });
    const answered = host.handle(analyze);
    // The cancel is handled while the analysis waits for the world: its first step stops it.
    const cancelAnswer = await host.handle(message({ type: 'cancel', target: analyze.id }));
    expect(cancelAnswer.type).toBe('pong');
    expect((await answered).type).toBe('analysisCancelled');
    // The id is forgotten: the next analysis runs to its end.
    expect((await host.handle(message({ type: 'analyze', query: WHO_CAN }))).type).toBe('analyzed');
  });

  it('says so when no world is set', async () => {
    const host = createEngineHost(BASE);
    const answer: WorkerResponse = await host.handle(message({ type: 'analyze', query: WHO_CAN }));
    expect(answer).toMatchObject({ type: 'error', message: expect.stringContaining('No world is loaded') });
  });
});
