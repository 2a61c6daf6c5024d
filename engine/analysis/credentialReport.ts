/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { EventLogQuery, CredentialReport } from './types';

export function credentialReports(deps: AnalysisDeps, query: EventLogQuery, control: AnalysisControl): Promise<readonly CredentialReport[]> {
  throw new Error('not built yet');
}
