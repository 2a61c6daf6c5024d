/**
 * The condition operators of the IAM policy language and the parsing of an operator name
 * such as `ForAnyValue:StringLikeIfExists` (IAM User Guide, "IAM JSON policy elements:
 * Condition operators" and "Set operators for multivalued context keys").
 *
 * Operator names are matched exactly: the grammar writes every element name and keyword as
 * a literal string ("Grammar of the IAM JSON policy language"), so `stringequals` is not
 * `StringEquals`; a case-insensitive match is offered as a suggestion.
 */
import type { SetQualifier } from './types';

export const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

export type ConditionOperatorName = (typeof CONDITION_OPERATORS)[number];

/** The data type an operator compares, which decides what its values must look like. */
export type OperatorFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

const KNOWN = new Set<string>(CONDITION_OPERATORS);
const BY_LOWER = new Map<string, string>(CONDITION_OPERATORS.map((o) => [o.toLowerCase(), o]));
const QUALIFIERS: readonly SetQualifier[] = ['ForAllValues', 'ForAnyValue'];
const IF_EXISTS = 'IfExists';

export function isConditionOperator(name: string): name is ConditionOperatorName {
  return KNOWN.has(name);
}

/** The family of a known base operator; `undefined` for an unknown one. */
export function operatorFamily(operator: string): OperatorFamily | undefined {
  if (!KNOWN.has(operator)) return undefined;
  if (operator === 'Null') return 'null';
  if (operator === 'Bool') return 'bool';
  if (operator === 'BinaryEquals') return 'binary';
  if (operator.endsWith('IpAddress')) return 'ip';
  if (operator.startsWith('String')) return 'string';
  if (operator.startsWith('Numeric')) return 'numeric';
  if (operator.startsWith('Date')) return 'date';
  return 'arn';
}

export interface ParsedOperator {
  readonly qualifier: SetQualifier | undefined;
  /** The base operator: the known name, or for an unknown one the text left after the qualifier and IfExists. */
  readonly operator: string;
  readonly ifExists: boolean;
  readonly problem: 'unknownOperator' | 'nullWithIfExists' | undefined;
  /** For an unknown operator that differs from a valid one only in letter case: the valid spelling. */
  readonly suggestion: string | undefined;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its qualifier, base operator and IfExists. */
export function parseConditionOperator(text: string): ParsedOperator {
  let qualifier: SetQualifier | undefined;
  let rest = text;
  let badQualifier = false;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    const q = text.slice(0, colon);
    rest = text.slice(colon + 1);
    qualifier = QUALIFIERS.find((k) => k === q);
    badQualifier = qualifier === undefined;
  }
  let base = rest;
  let ifExists = false;
  if (!KNOWN.has(rest) && rest.endsWith(IF_EXISTS)) {
    base = rest.slice(0, -IF_EXISTS.length);
    ifExists = true;
  }
  if (!badQualifier && KNOWN.has(base)) {
    const problem = base === 'Null' && ifExists ? 'nullWithIfExists' : undefined;
    return { qualifier, operator: base, ifExists, problem, suggestion: undefined };
  }
  return { qualifier, operator: base, ifExists, problem: 'unknownOperator', suggestion: suggestOperator(text) };
}

/** The valid spelling of an operator written with the wrong letter case, if there is one. */
function suggestOperator(text: string): string | undefined {
  const lower = text.toLowerCase();
  let prefix = '';
  let rest = lower;
  const colon = lower.indexOf(':');
  if (colon >= 0) {
    const q = QUALIFIERS.find((k) => k.toLowerCase() === lower.slice(0, colon));
    if (q === undefined) return undefined;
    prefix = `${q}:`;
    rest = lower.slice(colon + 1);
  }
  const exact = BY_LOWER.get(rest);
  if (exact !== undefined) return prefix + exact;
  if (rest.endsWith(IF_EXISTS.toLowerCase())) {
    const base = BY_LOWER.get(rest.slice(0, -IF_EXISTS.length));
    if (base !== undefined && base !== 'Null') return prefix + base + IF_EXISTS;
  }
  return undefined;
}
