/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { WorldFindingsReport } from './types';

export function worldFindings(deps: AnalysisDeps, control: AnalysisControl): Promise<WorldFindingsReport> {
  throw new Error('not built yet');
}
