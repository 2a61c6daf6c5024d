/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { GeneratePolicyQuery, GeneratedPolicy } from './types';

export function generatePolicy(deps: AnalysisDeps, query: GeneratePolicyQuery, control: AnalysisControl): Promise<GeneratedPolicy> {
  throw new Error('not built yet');
}
