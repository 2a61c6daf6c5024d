/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { UnusedAccessQuery, UnusedAccessReport } from './types';

export function unusedAccess(deps: AnalysisDeps, query: UnusedAccessQuery, control: AnalysisControl): Promise<UnusedAccessReport> {
  throw new Error('not built yet');
}
