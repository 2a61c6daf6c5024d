import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { decisionGraph } from './stages';
import { parseScenario, runAll } from './testWorlds';

const managed = loadManagedPolicySourceNode();
const loadScenario = (relative: string) => parseScenario(readFileSync(new URL(relative, import.meta.url), 'utf8'));
const GUARDED = '../../e2e/fixtures/guarded-organization.json';

const guarded = loadScenario(GUARDED);

describe('decisionGraph: the stages in the order AWS evaluates them', () => {
  it('an explicit deny by an SCP: every stage in order, the SCP levels root → OU → account, the SCP stage decisive', async () => {
    const [entry] = await runAll(guarded, managed, ['alice-deletes-upload']);
    const graph = decisionGraph(entry!.result);
    expect(graph.nodes.map((n) => `${n.stage}:${n.kind}:${n.outcome}`)).toEqual([
      'authn:step:pass',
      'context:stage:info',
      'denyScan:stage:deny',
      'scp:stage:deny',
      'rcp:stage:allow',
      'resource:stage:notApplicable',
      'identity:stage:allow',
      'boundary:stage:notApplicable',
      'session:stage:notApplicable',
      'scp:decision:deny',
    ]);
    const scp = graph.nodes.find((n) => n.stage === 'scp' && n.kind === 'stage')!;
    expect(scp.levels.map((l) => [l.params.name, l.outcome])).toEqual([
      ['Root', 'allow'],
      ['Workloads', 'deny'],
      ['111111111111', 'allow'],
    ]);
    // The scan found the deny, but the SCP stage decided it (decidedBy never names the scan).
    expect(graph.nodes.filter((n) => n.decisive).map((n) => `${n.stage}:${n.kind}`)).toEqual(['scp:stage', 'scp:decision']);
    // One account: one lane.
    expect(graph.crossAccount).toBe(false);
    expect(new Set(graph.nodes.map((n) => n.lane))).toEqual(new Set(['caller']));
  });

  it('cross-account evaluation (IAM User Guide): two lanes, RCPs and the bucket policy in the resource account, SCPs and identity policies in the caller account', async () => {
    const [entry] = await runAll(guarded, managed, ['alice-reads-data-lake']);
    const graph = decisionGraph(entry!.result);
    expect(graph.crossAccount).toBe(true);
    expect(graph.callerAccount).toBe('111111111111');
    expect(graph.resourceAccount).toBe('222222222222');
    const lanes = Object.fromEntries(graph.nodes.filter((n) => n.kind === 'stage').map((n) => [n.stage, n.lane]));
    expect(lanes).toMatchObject({ scp: 'caller', rcp: 'resource', resource: 'resource', identity: 'caller' });
    expect(graph.nodes.find((n) => n.stage === 'resource')).toMatchObject({ outcome: 'implicitDeny', decisive: true, account: '222222222222' });
    // The explicit-deny scan looks at both accounts' policies: it belongs to neither lane's account, and passes (nothing denies).
    expect(graph.nodes.find((n) => n.stage === 'denyScan')).toMatchObject({ outcome: 'pass', account: undefined, decisive: false });
  });

  it('a request refused before authorization lists the stages it never reached as skipped, before the decision', async () => {
    const [entry] = await runAll(loadScenario('../../tests/fixtures/sts-basics.json'), managed, ['duration-beyond-role-maximum']);
    const graph = decisionGraph(entry!.result);
    expect(entry!.result.decision).toBe('ValidationError');
    const kinds = graph.nodes.map((n) => `${n.stage}:${n.outcome}`);
    expect(kinds[0]).toBe('authn:pass');
    expect(kinds).toContain('sts:fail');
    expect(kinds.filter((k) => k.endsWith(':skipped'))).toEqual(['context:skipped', 'denyScan:skipped', 'scp:skipped', 'rcp:skipped', 'resource:skipped', 'identity:skipped', 'boundary:skipped', 'session:skipped']);
    expect(graph.nodes.at(-1)?.kind).toBe('decision');
  });
});
