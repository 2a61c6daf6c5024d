/** PLACEHOLDER (session 5 contract): the helper that owns this file replaces it. */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { EffectivePermissionsQuery, EffectivePermissionsReport } from './types';

export function effectivePermissions(deps: AnalysisDeps, query: EffectivePermissionsQuery, control: AnalysisControl): Promise<EffectivePermissionsReport> {
  throw new Error('not built yet');
}
