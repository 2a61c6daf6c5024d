/**
 * What the learner is typing at a position of a policy, for completion: an action, a
 * resource ARN, a principal, a condition operator, a condition key or a condition value —
 * with the text typed so far and the range a completion replaces. Pure (text and offset in).
 */
import { parseConditionOperator } from '../../../engine/policy/conditionOperators';
import { cursorContext, inStatement, locatedStrings, startsWith, type PathSegment } from './jsonCursor';

export type PrincipalSlot = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | 'any';

export type CompletionTarget =
  | { readonly kind: 'action' }
  | { readonly kind: 'resource' }
  | { readonly kind: 'principal'; readonly slot: PrincipalSlot }
  | { readonly kind: 'operator' }
  | { readonly kind: 'conditionKey'; readonly operator: string; readonly statement: readonly PathSegment[] }
  | { readonly kind: 'conditionValue'; readonly operator: string };

export interface CompletionRequest {
  readonly target: CompletionTarget;
  /** What is typed so far (inside the string, up to the position). */
  readonly typed: string;
  /** The text range a completion replaces: the string's content, or the empty range at the position. */
  readonly range: { readonly start: number; readonly end: number };
  /** Whether the position is inside a string (insert the bare text) or not (insert a quoted string). */
  readonly quoted: boolean;
}

const PRINCIPAL_SLOTS: readonly PrincipalSlot[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

function targetAt(position: 'key' | 'value', path: readonly PathSegment[], containerKind: string): CompletionTarget | undefined {
  const at = inStatement(path);
  if (at === undefined) return undefined;
  const [element, second, third] = at.rest;
  if (position === 'key') {
    if (containerKind !== 'object') return undefined;
    if (element === 'Condition' && at.rest.length === 1) return { kind: 'operator' };
    if (element === 'Condition' && at.rest.length === 2 && typeof second === 'string') return { kind: 'conditionKey', operator: second, statement: at.statement };
    return undefined;
  }
  switch (element) {
    case 'Action':
    case 'NotAction':
      return at.rest.length <= 2 ? { kind: 'action' } : undefined;
    case 'Resource':
    case 'NotResource':
      return at.rest.length <= 2 ? { kind: 'resource' } : undefined;
    case 'Principal':
    case 'NotPrincipal': {
      if (at.rest.length === 1) return { kind: 'principal', slot: 'any' };
      const slot = PRINCIPAL_SLOTS.find((s) => s === second);
      return slot !== undefined && at.rest.length <= 3 ? { kind: 'principal', slot } : undefined;
    }
    case 'Condition':
      return typeof second === 'string' && typeof third === 'string' && at.rest.length <= 4 ? { kind: 'conditionValue', operator: second } : undefined;
    default:
      return undefined;
  }
}

/** The completion request at `offset`, or `undefined` where this module completes nothing. */
export function completionRequest(text: string, offset: number): CompletionRequest | undefined {
  const ctx = cursorContext(text, offset);
  const target = targetAt(ctx.position, ctx.position === 'key' ? ctx.container : ctx.path, ctx.containerKind);
  if (target === undefined) return undefined;
  const s = ctx.string;
  if (s === undefined) return { target, typed: '', range: { start: offset, end: offset }, quoted: false };
  // The string's content up to its closing quote, on this line (a completion replaces all of it).
  const contentEnd = s.closed ? s.end - 1 : s.end;
  return { target, typed: text.slice(s.start + 1, offset), range: { start: s.start + 1, end: Math.max(contentEnd, offset) }, quoted: true };
}

/**
 * The Action values of a statement (for the condition keys its actions support), written
 * as the strings of `['Action']` or `['Action', n]` under the statement's path.
 */
export function statementActions(text: string, statement: readonly PathSegment[]): string[] {
  const action = [...statement, 'Action'];
  return locatedStrings(text)
    .filter((s) => s.role === 'value' && startsWith(s.path, action) && s.path.length <= action.length + 1)
    .map((s) => s.value);
}

/** The base operator of an operator as written (`ForAnyValue:StringLikeIfExists` → `StringLike`), if it is one. */
export function baseOperator(operator: string): string | undefined {
  const parsed = parseConditionOperator(operator);
  return parsed.problem === undefined ? parsed.operator : undefined;
}
