/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { EventLogQuery, SecurityStatusReport } from './types';

export function securityStatus(deps: AnalysisDeps, query: EventLogQuery, control: AnalysisControl): Promise<SecurityStatusReport> {
  throw new Error('not built yet');
}
