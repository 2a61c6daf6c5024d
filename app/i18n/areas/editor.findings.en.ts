/**
 * The policy editor's markers in English: one text per finding code of the engine
 * (engine/policy/findingCodes.ts), with the code's `{params}`. Typed by the code table, so a
 * new code fails the type check until it is written here and in Korean.
 *
 * The engine's English sentences are written for learners already (they say what is wrong
 * and what to do), so English takes them as they are: one English text per code, one place.
 */
import { POLICY_FINDING_CODES, type PolicyFindingCode } from '../../../engine/policy/findingCodes';
import type { QuickFixCode } from '../../../engine/policy/validateText';

export const editorFindingsEn: Readonly<Record<PolicyFindingCode, string>> = Object.fromEntries(
  Object.entries(POLICY_FINDING_CODES).map(([code, { message }]) => [code, message]),
) as Record<PolicyFindingCode, string>;

/** The titles of quick fixes (engine/policy/validateText.ts `QUICK_FIX_CODES`). */
export const editorFixesEn: Readonly<Record<QuickFixCode, string>> = {
  replaceWith: 'Change to `{text}`',
  removeValue: 'Remove `{value}`',
  removeElement: 'Remove the {element} element',
  addVersion: 'Add "Version": "2012-10-17"',
};
