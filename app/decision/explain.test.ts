import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { explainStage } from './explain';
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
