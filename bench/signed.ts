/**
 * Verifying a signed request and deciding it end to end: the reference world with an
 * access key for alice, a header-signed S3 GetObject, authentication and authorization.
 */
import { signRequest } from '../engine/authn/sigv4';
import { managedPolicySourceFrom } from '../engine/data/managedPolicies';
import { compileWorld } from '../engine/model/compile';
import { runRequest } from '../engine/pipeline/run';
import type { RequestJson, ScenarioJson } from '../engine/scenario/types';
import { referenceRequest, referenceScenario } from './referenceWorld';
import { cpuMs } from './cpu';

type Report = (figure: { name: string; value: number; unit: string; target: number; kind: 'min' | 'max' }) => void;

const KEY = { accessKeyId: 'AKIAREFERENCEALICE01', secretAccessKey: 'referenceSecretForAliceInTheBenchmark000' };

export async function benchSigned(report: Report): Promise<void> {
  const scenario: ScenarioJson = {
    ...referenceScenario,
    accounts: referenceScenario.accounts.map((a) =>
      a.id === '111111111111' ? { ...a, users: (a.users ?? []).map((u) => ({ ...u, accessKeys: [{ id: KEY.accessKeyId, secret: KEY.secretAccessKey }] })) } : a,
    ),
  };
  const { world } = compileWorld(scenario, managedPolicySourceFrom([]));
  const now = new Date('2026-06-01T00:00:00Z');
  // Distinct signed requests (a different object key each): the authenticator remembers recent request texts,
  // and a figure for one text repeated would measure that memory, not SigV4 verification.
  const requests: RequestJson[] = [];
  for (let i = 0; i < 4096; i++) {
    const signed = await signRequest(`GET /reports/q${i}.csv HTTP/1.1\nHost: shared-data.s3.us-east-1.amazonaws.com\n\n`, {
      credentials: KEY, region: 'us-east-1', service: 's3', time: now,
    });
    if (!signed.ok) throw new Error(JSON.stringify(signed.error));
    requests.push({ ...referenceRequest, principal: undefined, resource: `arn:aws:s3:::shared-data/reports/q${i}.csv`, http: signed.text });
  }
  const first = await runRequest(world, requests[0]!, { now });
  if (first.decision !== 'allowed') throw new Error(`signed reference request decided ${first.decision}: ${first.message}`);
  let next = 0;
  const request = () => requests[next++ % requests.length]!;

  // Requests in flight together, as a worker serving a batch would have them.
  const batch = 64;
  const warm = cpuMs();
  while (cpuMs() - warm < 300) await Promise.all(Array.from({ length: batch }, () => runRequest(world, request(), { now })));
  let done = 0;
  const start = cpuMs();
  while (cpuMs() - start < 2000) {
    await Promise.all(Array.from({ length: batch }, () => runRequest(world, request(), { now })));
    done += batch;
  }
  report({ name: 'verify a SigV4-signed request and decide it, end to end', value: (done * 1000) / (cpuMs() - start), unit: 'requests/s', target: 20_000, kind: 'min' });
}
