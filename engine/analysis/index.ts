/**
 * The analyses behind one entry point, as the worker runs them: a query in, a typed result
 * out, with progress and cancellation through `control`.
 */
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import type { AnalysisQuery, AnalysisResult } from './types';
import { whoCanReport } from './whoCan';
import { buildAccessGraph } from './accessGraph';
import { effectivePermissions } from './effective';
import { externalAccess } from './externalAccess';
import { worldFindings } from './worldFindings';
import { unusedAccess } from './unused';
import { generatePolicy } from './generatePolicy';
import { securityStatus } from './securityStatus';
import { credentialReports } from './credentialReport';
import { accessAdvisor } from './accessAdvisor';

export type * from './types';
export { AnalysisCancelled, createControl, UNCONTROLLED, type AnalysisControl, type AnalysisProgress } from './control';
export type { AnalysisDeps } from './deps';

export async function runAnalysis(query: AnalysisQuery, deps: AnalysisDeps, control: AnalysisControl): Promise<AnalysisResult> {
  switch (query.kind) {
    case 'whoCan':
      return { kind: 'whoCan', report: await whoCanReport(deps, query.query, control) };
    case 'effectivePermissions':
      return { kind: 'effectivePermissions', report: await effectivePermissions(deps, query.query, control) };
    case 'accessGraph':
      return { kind: 'accessGraph', graph: await buildAccessGraph(deps, control) };
    case 'externalAccess':
      return { kind: 'externalAccess', report: await externalAccess(deps, query.query, control) };
    case 'unusedAccess':
      return { kind: 'unusedAccess', report: await unusedAccess(deps, query.query, control) };
    case 'generatePolicy':
      return { kind: 'generatePolicy', policy: await generatePolicy(deps, query.query, control) };
    case 'securityStatus':
      return { kind: 'securityStatus', report: await securityStatus(deps, query.query, control) };
    case 'credentialReport':
      return { kind: 'credentialReport', reports: await credentialReports(deps, query.query, control) };
    case 'accessAdvisor':
      return { kind: 'accessAdvisor', report: await accessAdvisor(deps, query.query, control) };
    case 'worldFindings':
      return { kind: 'worldFindings', report: await worldFindings(deps, control) };
  }
}
