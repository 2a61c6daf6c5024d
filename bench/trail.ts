/**
 * From a request to its answer as the worker gives it: the decision with its full trace
 * and the CloudTrail record, in a world of 500 entities, through the worker host (the same
 * code as in the Web Worker) and a structured clone (what `postMessage` does to the answer).
 * The app's target is under 50 ms from pressing "Run" to the decision shown; the engine's
 * share of it should be a few milliseconds.
 */
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../engine/worker/protocol';
import { createEngineHost } from '../engine/worker/worker';
import type { RequestJson, ScenarioJson } from '../engine/scenario/types';
import { bigWorld } from './bigWorld';
import { referenceRequest, referenceScenario } from './referenceWorld';

type Report = (figure: { name: string; value: number; unit: string; target: number; kind: 'min' | 'max' }) => void;

/** The reference world and 480 generated users, roles and policies beside it: about 500 entities. */
function worldOf500(): { scenario: ScenarioJson; entities: number } {
  const generated = bigWorld(240, 240);
  const scenario: ScenarioJson = { ...referenceScenario, accounts: [...referenceScenario.accounts, ...(generated.accounts ?? [])] };
  let entities = 0;
  for (const a of scenario.accounts) entities += 1 + (a.users?.length ?? 0) + (a.roles?.length ?? 0) + (a.groups?.length ?? 0) + (a.policies?.length ?? 0) + (a.resources?.length ?? 0);
  entities += (scenario.organization?.policies?.length ?? 0) + (scenario.organization?.units?.length ?? 0);
  return { scenario, entities };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchTrail(report: Report): Promise<void> {
  // The bench has no site to load service data from: every fetch fails, once per service, as offline.
  (globalThis as { fetch?: unknown }).fetch = async () => ({ ok: false, status: 404, json: async () => undefined });
  const host = createEngineHost('http://bench.invalid/');
  let id = 0;
  const ask = (message: Record<string, unknown>) => host.handle({ v: PROTOCOL_VERSION, id: ++id, ...message } as WorkerRequest);
  const { scenario, entities } = worldOf500();
  const set = await ask({ type: 'setWorld', scenario });
  if (set.type !== 'worldSet' || set.faults.length > 0) throw new Error(`world of ${entities} entities: ${JSON.stringify(set)}`);

  // A mix as a learner sends them: the cross-account reference read, and generated users' own reads and lists.
  const requests: RequestJson[] = [];
  for (let i = 0; i < 200; i++) {
    requests.push({ ...referenceRequest, resource: `arn:aws:s3:::shared-data/reports/${i}.csv` });
    const user = `arn:aws:iam::300000000000:user/user${(i * 2) % 240}`;
    requests.push({ principal: user, action: 's3:GetObject', resource: `arn:aws:s3:::b${(i * 2) % 240}/k${i}` });
    requests.push({ principal: user, action: 's3:ListBucket', resource: `arn:aws:s3:::b${i}` });
  }
  const answer = async (request: RequestJson): Promise<WorkerResponse> => structuredClone(await ask({ type: 'evaluate', request, trace: true, eventTime: '2026-06-01T00:00:00Z' }));
  const first = await answer(requests[0]!);
  if (first.type !== 'decision' || first.result.decision !== 'allowed' || first.event.eventName !== 'GetObject') throw new Error(`reference request: ${JSON.stringify(first).slice(0, 300)}`);
  for (const request of requests) await answer(request); // warm-up

  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const request of requests) {
      const start = performance.now();
      await answer(request);
      times.push(performance.now() - start);
    }
  }
  report({ name: `evaluate with trace + CloudTrail record, ${entities} entities (median)`, value: median(times), unit: 'ms/request', target: 5, kind: 'max' });
}
