/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { AccessGraph } from './types';

export function buildAccessGraph(deps: AnalysisDeps, control: AnalysisControl): Promise<AccessGraph> {
  throw new Error('not built yet');
}
