import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/evaluate/types';
import { translate } from '../i18n';
import type { WorldGraph } from '../world/graph';
import { policyName, switchName, targetName } from './labels';

const scpEvent = {
  id: 3,
  parent: 2,
  stage: 'scp',
  kind: 'policy',
  outcome: 'deny',
  reason: 'statementDenies',
  params: {},
  policy: { id: 'org:o-1/scp:NoS3Reads', kind: 'scp', name: 'NoS3Reads' },
} as unknown as TraceEvent;
const graph = { nodes: [{ id: 'acct:2/policy:ReadReports', label: 'ReadReports' }], edges: [] } as unknown as WorldGraph;

describe('naming what-if targets', () => {
  it('names a policy as the trace names it, else as the map does, else by its id', () => {
    expect(policyName('org:o-1/scp:NoS3Reads', [scpEvent], graph)).toBe('NoS3Reads');
    expect(policyName('acct:2/policy:ReadReports', [scpEvent], graph)).toBe('ReadReports');
    expect(policyName('acct:2/policy:Gone', [scpEvent], graph)).toBe('acct:2/policy:Gone');
  });

  it('says what each switch switches off, in both languages (statements counted from 1)', () => {
    const name = (id: string) => policyName(id, [scpEvent], graph);
    const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
    const ko = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('ko', key, params);
    expect(switchName(en, { kind: 'policy', id: 'org:o-1/scp:NoS3Reads' }, name)).toBe('Switch off policy NoS3Reads');
    expect(switchName(ko, { kind: 'policy', id: 'org:o-1/scp:NoS3Reads' }, name)).toBe('정책 NoS3Reads 끄기');
    expect(switchName(en, { kind: 'statement', policy: 'acct:2/policy:ReadReports', index: 0 }, name)).toBe('Switch off statement 1 of ReadReports');
    expect(switchName(ko, { kind: 'layer', layer: 'scp' }, name)).toBe('서비스 제어 정책 계층 끄기');
    expect(targetName(en, { kind: 'statement', policy: 'acct:2/policy:ReadReports', index: 1 }, name)).toBe('Statement 2 of ReadReports');
  });
});
