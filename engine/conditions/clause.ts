/**
 * Builds a ConditionClause from an operator as written (`ForAnyValue:StringLikeIfExists`),
 * a key and values — for tests, the CLI and anything that makes conditions without a
 * policy text. Spans are empty.
 */
import type { ConditionClause, SetQualifier, Span } from '../policy/types';

const NO_SPAN: Span = { start: 0, end: 0 };

/** Splits `ForAllValues:StringEqualsIfExists` into qualifier, base operator and IfExists. */
export function splitOperator(text: string): { qualifier: SetQualifier | undefined; operator: string; ifExists: boolean } {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix === 'ForAllValues' || prefix === 'ForAnyValue') qualifier = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('IfExists') && rest.length > 'IfExists'.length;
  return { qualifier, operator: ifExists ? rest.slice(0, -'IfExists'.length) : rest, ifExists };
}

export function makeClause(operatorText: string, key: string, values: string | readonly string[]): ConditionClause {
  const { qualifier, operator, ifExists } = splitOperator(operatorText);
  const list = typeof values === 'string' ? [values] : values;
  return {
    operatorText,
    operator,
    qualifier,
    ifExists,
    key,
    values: list.map((value) => ({ value, span: NO_SPAN })),
    operatorSpan: NO_SPAN,
    keySpan: NO_SPAN,
    span: NO_SPAN,
  };
}
