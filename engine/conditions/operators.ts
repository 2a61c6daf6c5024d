/**
 * Every condition operator AWS documents ("IAM JSON policy elements: Condition
 * operators"), by base name (without `ForAllValues:` / `ForAnyValue:` and `IfExists`).
 *
 * A *negated* operator (StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike,
 * NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotEquals, ArnNotLike) is listed with
 * the family of its positive form: its values are NORed ("Conditions with multiple
 * context keys or values": "If a single negated matching condition operator includes
 * multiple values for a context key, those values are evaluated using a logical NOR").
 *
 * `Null` is not here: it tests presence, not values (see compile.ts).
 */
import { arnFamily } from './arn';
import { binaryEqualsFamily } from './binary';
import { boolFamily } from './bool';
import { dateFamily } from './date';
import type { Family } from './family';
import { ipAddressFamily } from './ip';
import { numericFamily } from './numeric';
import { stringEqualsFamily, stringEqualsIgnoreCaseFamily, stringLikeFamily } from './string';

export interface OperatorSpec {
  readonly family: Family;
  readonly negated: boolean;
}

const numericEq = numericFamily('NumericEquals', 'eq');
const dateEq = dateFamily('DateEquals', 'eq');

export const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map<string, OperatorSpec>([
  ['StringEquals', { family: stringEqualsFamily, negated: false }],
  ['StringNotEquals', { family: stringEqualsFamily, negated: true }],
  ['StringEqualsIgnoreCase', { family: stringEqualsIgnoreCaseFamily, negated: false }],
  ['StringNotEqualsIgnoreCase', { family: stringEqualsIgnoreCaseFamily, negated: true }],
  ['StringLike', { family: stringLikeFamily, negated: false }],
  ['StringNotLike', { family: stringLikeFamily, negated: true }],
  ['NumericEquals', { family: numericEq, negated: false }],
  ['NumericNotEquals', { family: numericEq, negated: true }],
  ['NumericLessThan', { family: numericFamily('NumericLessThan', 'lt'), negated: false }],
  ['NumericLessThanEquals', { family: numericFamily('NumericLessThanEquals', 'le'), negated: false }],
  ['NumericGreaterThan', { family: numericFamily('NumericGreaterThan', 'gt'), negated: false }],
  ['NumericGreaterThanEquals', { family: numericFamily('NumericGreaterThanEquals', 'ge'), negated: false }],
  ['DateEquals', { family: dateEq, negated: false }],
  ['DateNotEquals', { family: dateEq, negated: true }],
  ['DateLessThan', { family: dateFamily('DateLessThan', 'lt'), negated: false }],
  ['DateLessThanEquals', { family: dateFamily('DateLessThanEquals', 'le'), negated: false }],
  ['DateGreaterThan', { family: dateFamily('DateGreaterThan', 'gt'), negated: false }],
  ['DateGreaterThanEquals', { family: dateFamily('DateGreaterThanEquals', 'ge'), negated: false }],
  ['Bool', { family: boolFamily, negated: false }],
  ['BinaryEquals', { family: binaryEqualsFamily, negated: false }],
  ['IpAddress', { family: ipAddressFamily, negated: false }],
  ['NotIpAddress', { family: ipAddressFamily, negated: true }],
  ['ArnEquals', { family: arnFamily, negated: false }],
  ['ArnLike', { family: arnFamily, negated: false }],
  ['ArnNotEquals', { family: arnFamily, negated: true }],
  ['ArnNotLike', { family: arnFamily, negated: true }],
]);

/** Every base operator name AWS documents, `Null` included. */
export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.keys(), 'Null'];

/** Whether `name` (a base operator, as written) is one AWS documents. */
export function isKnownOperator(name: string): boolean {
  return name === 'Null' || OPERATORS.has(name);
}
