/**
 * What the editor's text is to the world: a policy document (a JSON object) the world can
 * hold, or text the world cannot hold yet (not JSON, or JSON that is not an object) and that
 * is kept as a draft. And whether the editor's text already says what the world's document
 * says, so that a change made elsewhere replaces the text only when it differs.
 */
import { parseJsonValue } from '../../engine/policy/json';

export type PolicyTextState =
  | { readonly kind: 'document'; readonly document: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invalidJson'; readonly line: number; readonly column: number; readonly detail: string }
  | { readonly kind: 'notObject' };

export function readPolicyText(text: string): PolicyTextState {
  const parsed = parseJsonValue(text);
  if (!parsed.ok) return { kind: 'invalidJson', line: parsed.error.line, column: parsed.error.column, detail: parsed.error.detail };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'notObject' };
  return { kind: 'document', document: value as Record<string, unknown> };
}

/** Equal JSON values; object members in any order (the order of keys changes nothing in a policy). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k]));
}

/** Whether `text` is a JSON text of exactly `document` (so the editor need not show another text). */
export function textShows(text: string, document: unknown): boolean {
  const parsed = parseJsonValue(text);
  return parsed.ok && jsonEqual(parsed.value, document);
}
