import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { denyFindings, explainStage } from './explain';
import { decisionGraph } from './stages';
import { parseScenario, runAll } from './testWorlds';

const managed = loadManagedPolicySourceNode();
const loadScenario = (relative: string) => parseScenario(readFileSync(new URL(relative, import.meta.url), 'utf8'));
const GUARDED = '../../e2e/fixtures/guarded-organization.json';

const guarded = loadScenario(GUARDED);

async function stageOf(id: string, stage: string) {
  const [entry] = await runAll(guarded, managed, [id]);
  const result = entry!.result;
  const node = decisionGraph(result).nodes.find((n) => n.stage === stage && n.kind === 'stage')!;
  return explainStage(result.trace ?? [], node.event!.id);
}

describe('explainStage: policies and statements of a stage, from the trace', () => {
  it('an SCP stage lists every policy at every level, with the level it is attached at', async () => {
    const policies = await stageOf('alice-deletes-upload', 'scp');
    expect(policies.map((p) => `${String(p.level?.params.name)}:${p.event.policy?.name}:${p.event.outcome}`)).toEqual([
      'Root:FullAWSAccess:allow',
      'Workloads:FullAWSAccess:allow',
      'Workloads:DenyDeleteObjects:deny',
      '111111111111:FullAWSAccess:allow',
    ]);
    const deny = policies[2]!.statements[0]!;
    expect(deny.category).toBe('matched');
    expect(deny.event.statement?.sid).toBe('NoDeletes');
    expect(deny.event.span).toBeDefined();
    expect(deny.elements.map((e) => [e.event.element, e.ok])).toEqual([
      ['Action', true],
      ['Resource', true],
    ]);
  });

  it('a near miss: the bucket policy statement matches action and resource but names another account as principal', async () => {
    const [policy] = await stageOf('alice-reads-data-lake', 'resource');
    const [statement] = policy!.statements;
    expect(statement!.category).toBe('nearMiss');
    expect(statement!.elements.filter((e) => e.ok === false).map((e) => [e.event.element, e.event.reason])).toEqual([['Principal', 'principalNotMatched']]);
    expect(statement!.elements.filter((e) => e.ok === true).map((e) => e.event.element)).toEqual(['Action', 'Resource']);
  });

  it('statements are ordered matched first, then near misses, then the rest', async () => {
    const policies = await stageOf('alice-reads-data-lake', 'scp');
    const deny = policies.find((p) => p.event.policy?.name === 'DenyDeleteObjects')!;
    // The deny names another action: nothing of it matched, so it is no near miss.
    expect(deny.statements.map((s) => s.category)).toEqual(['notMatched']);
  });
});

describe('denyFindings: where the explicit-deny scan found its denies, read from the trace', () => {
  it('an SCP deny: the SCP stage (its event, the key of its node) and the denying policy at its level', async () => {
    const [entry] = await runAll(guarded, managed, ['alice-deletes-upload']);
    const result = entry!.result;
    const graph = decisionGraph(result);
    const scan = graph.nodes.find((n) => n.stage === 'denyScan')!;
    const findings = denyFindings(result.trace ?? [], scan.event!.id);
    expect(findings.map((f) => f.stage.stage)).toEqual(['scp']);
    expect(String(findings[0]!.stage.id)).toBe(graph.nodes.find((n) => n.stage === 'scp' && n.kind === 'stage')!.key);
    expect(findings[0]!.policies.map((p) => `${String(p.level?.params.name)}:${p.event.policy?.name}`)).toEqual(['Workloads:DenyDeleteObjects']);
    // The engine's own summary of the scan names the same.
    expect(scan.event!.params).toMatchObject({ stages: 'scp', policies: 'DenyDeleteObjects' });
  });

  it('no explicit deny: nothing found', async () => {
    const [entry] = await runAll(guarded, managed, ['alice-reads-upload']);
    const result = entry!.result;
    const scan = result.trace!.find((e) => e.stage === 'denyScan')!;
    expect(scan.outcome).toBe('pass');
    expect(denyFindings(result.trace ?? [], scan.id)).toEqual([]);
  });
});
