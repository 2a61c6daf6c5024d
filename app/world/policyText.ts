/**
 * The text of a policy as the engine parses it: spans in a trace are offsets into this
 * text, so the editor must show exactly it (pinned by a unit test against the engine).
 */
export function policySourceText(document: unknown): string {
  if (typeof document === 'string') return document;
  return JSON.stringify(document, null, 2) ?? '';
}
