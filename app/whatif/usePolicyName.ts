/** A hook naming policies by id, from the answer on screen and the world (see labels.ts). */
import { useCallback } from 'react';
import { useAppStore } from '../store';
import { useWorldGraph } from '../world/useWorld';
import { policyName } from './labels';

export function usePolicyName(): (id: string) => string {
  const result = useAppStore((s) => s.result);
  const graph = useWorldGraph();
  const trace = result.state === 'done' ? result.decision.trace : undefined;
  return useCallback((id: string) => policyName(id, trace, graph), [trace, graph]);
}
