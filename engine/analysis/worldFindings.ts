/**
 * Policy validation for the whole world: every policy document the learner wrote
 * (customer managed, inline of users, groups and roles, roles' trust policies,
 * resource-based policies, SCPs and RCPs — not AWS managed ones, which are AWS's) checked
 * as the editor checks it, in one list. Each finding carries the policy's `PolicyRef`
 * (the same id the compiled world gives it, so the UI opens the same node) and the span
 * in the very text the editor shows, so a click lands on the statement.
 */
import { validatePolicyText, type ValidateTextOptions } from '../policy/validateText';
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import { worldPolicyDocuments } from './findingsDocuments';
import type { WorldFinding, WorldFindingsReport } from './types';

export async function worldFindings(deps: AnalysisDeps, control: AnalysisControl): Promise<WorldFindingsReport> {
  const documents = worldPolicyDocuments(deps.scenario);
  const findings: WorldFinding[] = [];
  for (let i = 0; i < documents.length; i++) {
    await control.step(i, documents.length);
    const doc = documents[i]!;
    const options: ValidateTextOptions = {
      ...(deps.catalogue ? { catalogue: deps.catalogue } : {}),
      ...(doc.sizeLimit === undefined ? {} : { sizeLimit: doc.sizeLimit }),
      ...(doc.resourceArn === undefined ? {} : { resourceArn: doc.resourceArn }),
    };
    for (const finding of await validatePolicyText(doc.text, doc.kind, options)) findings.push({ policy: doc.ref, finding });
  }
  await control.step(documents.length, documents.length);
  return { findings, policiesChecked: documents.length };
}
