import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestManagedPolicies } from '../../engine/data/nodeManagedPolicies';
import { managedPolicyFileName } from '../../engine/data/managedPolicies';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../../engine/worker/protocol';
import { createEngineHost } from '../../engine/worker/worker';
import type { ScenarioJson } from '../../engine/scenario/types';

const text = readFileSync(new URL('../../public/samples/starter.json', import.meta.url), 'utf8');
const BASE = 'https://playground.test/sub/';

/** Serves `data/managed-policies/*.json` under BASE, as the data plugin does. */
function serveManagedPolicies() {
  const files = new Map(latestManagedPolicies().map((r) => [`${BASE}data/managed-policies/${managedPolicyFileName(r.name)}`, r]));
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const record = files.get(url);
    return { ok: !!record, status: record ? 200 : 404, json: async () => record };
  });
  return requested;
}

let nextId = 1;
const ask = (host: ReturnType<typeof createEngineHost>, message: Record<string, unknown>): Promise<WorkerResponse> =>
  host.handle({ v: PROTOCOL_VERSION, id: nextId++, ...message } as WorkerRequest);

afterEach(() => vi.unstubAllGlobals());

describe('the worker host (the same code on the main thread)', () => {
  it('parses the sample, loads its AWS managed policy from the site, and judges its requests', async () => {
    const requested = serveManagedPolicies();
    const host = createEngineHost('https://elsewhere.test/');
    const parsed = await ask(host, { type: 'parseScenario', text });
    expect(parsed.type).toBe('scenarioParsed');
    if (parsed.type !== 'scenarioParsed' || !parsed.result.ok) throw new Error('the sample is not valid');
    const scenario: ScenarioJson = parsed.result.scenario;

    expect(await ask(host, { type: 'setWorld', scenario, baseUrl: BASE })).toMatchObject({ type: 'worldSet', faults: [] });
    expect(requested).toEqual([`${BASE}data/managed-policies/IAMUserChangePassword.json`]);

    for (const request of scenario.requests ?? []) {
      const answer = await ask(host, { type: 'evaluate', request: { ...request, expect: undefined }, trace: true });
      expect(answer.type === 'decision' && answer.result.decision, request.id).toBe(request.expect);
    }
  });

  it('answers invalid text with the faults and their JSON paths', async () => {
    const host = createEngineHost(BASE);
    const answer = await ask(host, { type: 'parseScenario', text: '{"format": "iam-playground/scenario", "version": 1, "accounts": [{"id": "12"}]}' });
    expect(answer.type === 'scenarioParsed' && !answer.result.ok && answer.result.errors.some((e) => e.path.startsWith('$.accounts[0]'))).toBe(true);
  });

  it('compiles the world without the AWS managed policies when they cannot be fetched, and says so', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const host = createEngineHost(BASE);
    const parsed = await ask(host, { type: 'parseScenario', text });
    if (parsed.type !== 'scenarioParsed' || !parsed.result.ok) throw new Error('the sample is not valid');
    const set = await ask(host, { type: 'setWorld', scenario: parsed.result.scenario, baseUrl: BASE });
    expect(set.type === 'worldSet' && set.faults[0]?.message).toMatch(/AWS managed policies could not be loaded/);
    const request = parsed.result.scenario.requests!.find((r) => r.id === 'alice-reads-report')!;
    expect(await ask(host, { type: 'evaluate', request, trace: false })).toMatchObject({ type: 'decision', result: { decision: 'allowed' } });
  });

  it('refuses to judge before a world is set', async () => {
    const host = createEngineHost(BASE);
    expect(await ask(host, { type: 'evaluate', request: { action: 's3:GetObject', resource: '*' }, trace: false })).toMatchObject({ type: 'error' });
  });
});
