/**
 * Validation of a policy as the learner types it in the editor: the findings of the
 * parser, the grammar and Access Analyzer-class checks, the size quota, and the IAM
 * service data (unknown actions, condition keys), each with its span for a marker and,
 * where Access Analyzer suggests one, a quick fix.
 */
import type { PolicyFinding, PolicyKind } from './types';

export interface EditorFinding extends PolicyFinding {
  /** Text edits that fix the finding, when there is an obvious fix (a misspelt element, a did-you-mean). */
  readonly fixes?: readonly { readonly title: string; readonly edits: readonly { readonly start: number; readonly end: number; readonly text: string }[] }[];
}

export interface ValidateTextOptions {
  /** The URL of the site's `data/` folder (IAM service data per service); without it, service checks are skipped. */
  readonly baseUrl?: string;
}

export async function validatePolicyText(text: string, kind: PolicyKind, options: ValidateTextOptions = {}): Promise<readonly EditorFinding[]> {
  void text;
  void kind;
  void options;
  throw new Error('validatePolicyText: being written (engine/policy/validateText.ts).');
}
