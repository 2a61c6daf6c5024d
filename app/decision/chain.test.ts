import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { assumptionChain, shortArn, trustOutcome } from './chain';
import { parseScenario, runAll } from './testWorlds';

const managed = loadManagedPolicySourceNode();
const loadScenario = (relative: string) => parseScenario(readFileSync(new URL(relative, import.meta.url), 'utf8'));
const STS_FLOW = '../../tests/fixtures/sts-flow.json';

describe('assumptionChain: role assumption before the call, read from the event log', () => {
  it('a request with a session is preceded by the AssumeRole that issued it (by the access key id CloudTrail records)', async () => {
    const flow = loadScenario(STS_FLOW);
    const trail = await runAll(flow, managed, ['assume-partner-role-with-external-id-and-mfa', 'partner-session-reads-the-report']);
    const [assume, read] = trail;
    expect(assume!.issued?.accessKeyId).toBeDefined();
    expect(read!.event.userIdentity.accessKeyId).toBe(assume!.issued?.accessKeyId);
    const links = assumptionChain(read!.event, trail);
    expect(links.map((l) => l.entry.id)).toEqual([assume!.id]);
    // The trust policy required the external id and MFA, and allowed.
    expect(trustOutcome(assume!)).toBe('allow');
    expect(shortArn(assume!.event.userIdentity.arn)).toBe('user/alice');
  });

  it('role chaining: each session leads back to the call that issued it, oldest first', async () => {
    const flow = loadScenario(STS_FLOW);
    const ids = (flow.requests ?? []).map((r) => r.id!);
    const trail = await runAll(flow, managed, ids);
    const chained = trail.find((e) => e.request.id === 'chained-session-knows-who-it-is');
    expect(chained).toBeDefined();
    const links = assumptionChain(chained!.event, trail);
    expect(links.map((l) => l.entry.request.id)).toEqual(['assume-partner-role-with-external-id-and-mfa', 'chain-into-third-role-with-default-duration']);
  });

  it('a caller with its own long-term credentials has no chain', async () => {
    const flow = loadScenario(STS_FLOW);
    const trail = await runAll(flow, managed, ['assume-partner-role-with-external-id-and-mfa']);
    expect(assumptionChain(trail[0]!.event, trail)).toEqual([]);
  });
});
