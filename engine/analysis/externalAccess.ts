/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { ExternalAccessQuery, ExternalAccessReport } from './types';

export function externalAccess(deps: AnalysisDeps, query: ExternalAccessQuery, control: AnalysisControl): Promise<ExternalAccessReport> {
  throw new Error('not built yet');
}
