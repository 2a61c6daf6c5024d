import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { nodeDetail, nodeOutcomeWord, nodeTitle } from './labels';
import { decisionGraph } from './stages';
import { parseScenario, runAll } from './testWorlds';

const managed = loadManagedPolicySourceNode();
const guarded = parseScenario(readFileSync(new URL('../../e2e/fixtures/guarded-organization.json', import.meta.url), 'utf8'));

async function scanNode(id: string) {
  const [entry] = await runAll(guarded, managed, [id]);
  const result = entry!.result;
  const node = decisionGraph(result).nodes.find((n) => n.stage === 'denyScan')!;
  return { node, result };
}

describe('labels of the explicit-deny scan node', () => {
  it('a deny found: its title, outcome word and the policies it names, in English and Korean', async () => {
    const { node, result } = await scanNode('alice-deletes-upload');
    expect(nodeTitle('en', node)).toBe('Explicit-deny check');
    expect(nodeTitle('ko', node)).toBe('명시적 거부 확인');
    expect(nodeOutcomeWord('en', node, result)).toBe('Explicit deny');
    expect(nodeDetail('en', node, result)).toBe('An explicit deny was found in DenyDeleteObjects: the request is denied, whatever any policy allows.');
    expect(nodeDetail('ko', node, result)).toContain('DenyDeleteObjects');
    expect(nodeDetail('ko', node, result)).toContain('명시적 거부');
  });

  it('no deny: the scan passes and says the allow checks come next', async () => {
    const { node, result } = await scanNode('alice-reads-upload');
    expect(nodeOutcomeWord('en', node, result)).toBe('Passed');
    expect(nodeDetail('en', node, result)).toBe('No applicable policy explicitly denies the request: go on to the allow checks.');
  });

  it('predict first: with outcomes hidden the scan and the decision do not tell the answer', async () => {
    const { node, result } = await scanNode('alice-deletes-upload');
    expect(nodeDetail('en', node, result, true)).toBe('Hidden');
    const decision = decisionGraph(result).nodes.find((n) => n.kind === 'decision')!;
    expect(nodeDetail('en', decision, result, true)).toBe('Hidden');
    // Other stages keep their neutral words.
    const scp = decisionGraph(result).nodes.find((n) => n.stage === 'scp')!;
    expect(nodeDetail('en', scp, result, true)).toBe(nodeDetail('en', scp, result));
  });
});
