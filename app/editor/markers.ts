/**
 * The markers of a policy from the engine's findings: the four Access Analyzer classes as
 * Monaco's four severities (error, security warning → warning, warning → info, suggestion
 * → hint), each message in the learner's language. Pure; ./languageSetup.ts hands them to Monaco.
 */
import type { FindingSeverity } from '../../engine/policy/types';
import type { EditorFinding } from '../../engine/policy/validateText';
import type { Lang } from '../i18n';
import { findingText } from './findingText';

export type MarkerLevel = 'error' | 'warning' | 'info' | 'hint';

export const MARKER_LEVEL: Readonly<Record<FindingSeverity, MarkerLevel>> = {
  error: 'error',
  securityWarning: 'warning',
  warning: 'info',
  suggestion: 'hint',
};

export interface MarkerSpec {
  readonly start: number;
  readonly end: number;
  readonly level: MarkerLevel;
  readonly message: string;
  readonly code: string;
}

export function markerSpecs(findings: readonly EditorFinding[], lang: Lang, textLength: number): MarkerSpec[] {
  return findings.map((f) => {
    const start = Math.min(f.span.start, textLength);
    // A fault with no extent (a missing element) is marked on one character, so it can be seen.
    const end = f.span.end > start ? Math.min(f.span.end, textLength) : Math.min(start + 1, textLength);
    return { start, end, level: MARKER_LEVEL[f.severity], message: findingText(lang, f), code: f.code };
  });
}

/** How many findings of each kind, for the summary above the editor. */
export function findingCounts(findings: readonly EditorFinding[]): { errors: number; warnings: number; suggestions: number } {
  let errors = 0;
  let warnings = 0;
  let suggestions = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'suggestion') suggestions++;
    else warnings++;
  }
  return { errors, warnings, suggestions };
}
