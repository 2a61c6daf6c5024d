/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { AccessAdvisorQuery, AccessAdvisorReport } from './types';

export function accessAdvisor(deps: AnalysisDeps, query: AccessAdvisorQuery, control: AnalysisControl): Promise<AccessAdvisorReport> {
  throw new Error('not built yet');
}
