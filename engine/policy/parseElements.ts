/**
 * Turns the JSON of one statement element into its typed form, reporting wrong shapes as
 * findings: Principal/NotPrincipal, Action/NotAction/Resource/NotResource and Condition.
 * Grammar: IAM User Guide, "Grammar of the IAM JSON policy language".
 */
import { parseConditionOperator } from './conditionOperators';
import type { PolicyFindingCode, FindingParams } from './findingCodes';
import type { JsonMember, JsonNode, JsonObjectNode } from './json';
import { childPath } from './jsonPath';
import type {
  ConditionClause,
  Located,
  PrincipalBlock,
  PrincipalEntry,
  PrincipalType,
  Span,
  StringListElement,
} from './types';

/** Where element builders report what they find. */
export interface FindingSink {
  report(code: PolicyFindingCode, params: FindingParams, span: Span, path: string): void;
}

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/** "a string", "an array", … for messages. */
export function describeJsonType(node: JsonNode): string {
  switch (node.kind) {
    case 'object': return 'an object';
    case 'array': return 'an array';
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a Boolean';
    case 'null': return 'null';
  }
}

/**
 * The members of an object with each key once: a repeated key keeps the position of its
 * first occurrence and the value of its last, as `JSON.parse` would read it. (The
 * repetition itself is reported from the JSON parser's warnings.)
 */
export function uniqueMembers(obj: JsonObjectNode): JsonMember[] {
  const out: JsonMember[] = [];
  let index: Map<string, number> | undefined;
  for (const m of obj.members) {
    if (index === undefined && out.length > 8) index = new Map(out.map((o, i) => [o.key, i]));
    const at = index !== undefined ? index.get(m.key) : out.findIndex((o) => o.key === m.key);
    if (at !== undefined && at >= 0) out[at] = m;
    else {
      index?.set(m.key, out.length);
      out.push(m);
    }
  }
  return out;
}

/** Action, NotAction, Resource or NotResource: a string or an array of strings. */
export function buildStringList(node: JsonNode, element: string, path: string, sink: FindingSink): StringListElement {
  const values: Located<string>[] = [];
  if (node.kind === 'string') {
    values.push({ value: node.value, span: node.span });
  } else if (node.kind === 'array') {
    if (node.items.length === 0) sink.report('emptyValueList', { element }, node.span, path);
    node.items.forEach((item, i) => {
      if (item.kind === 'string') values.push({ value: item.value, span: item.span });
      else sink.report('invalidValueType', { element, actual: describeJsonType(item) }, item.span, childPath(path, i));
    });
  } else {
    sink.report(
      'invalidElementType',
      { element, expected: 'a string or an array of strings', actual: describeJsonType(node) },
      node.span,
      path,
    );
  }
  return { values, span: node.span };
}

/** Principal or NotPrincipal: `"*"` or an object of principal types to a string or strings. */
export function buildPrincipal(node: JsonNode, element: string, path: string, sink: FindingSink): PrincipalBlock {
  const entries: PrincipalEntry[] = [];
  if (node.kind === 'string') {
    if (node.value === '*') return { anyone: true, entries, span: node.span };
    sink.report('invalidPrincipalFormat', { element }, node.span, path);
    return { anyone: false, entries, span: node.span };
  }
  if (node.kind !== 'object' || node.members.length === 0) {
    sink.report('invalidPrincipalFormat', { element }, node.span, path);
    return { anyone: false, entries, span: node.span };
  }
  for (const m of uniqueMembers(node)) {
    const type = PRINCIPAL_TYPES.find((t) => t === m.key);
    const memberPath = childPath(path, m.key);
    if (type === undefined) {
      sink.report('invalidPrincipalKey', { key: m.key }, m.keySpan, memberPath);
      continue;
    }
    const list = buildStringList(m.value, `${element}.${type}`, memberPath, sink);
    for (const v of list.values) entries.push({ type, value: v.value, span: v.span });
  }
  return { anyone: false, entries, span: node.span };
}

/** The spelling a condition value is compared with: strings as they are, numbers and Booleans as written. */
function conditionValue(node: JsonNode): string | undefined {
  switch (node.kind) {
    case 'string': return node.value;
    case 'number': return node.raw;
    case 'boolean': return node.value ? 'true' : 'false';
    default: return undefined;
  }
}

/** Condition: operator → condition key → value or array of values. */
export function buildCondition(node: JsonNode, path: string, sink: FindingSink): ConditionClause[] {
  const clauses: ConditionClause[] = [];
  if (node.kind !== 'object') {
    sink.report(
      'invalidElementType',
      { element: 'Condition', expected: 'an object of condition operators', actual: describeJsonType(node) },
      node.span,
      path,
    );
    return clauses;
  }
  for (const op of uniqueMembers(node)) {
    const opPath = childPath(path, op.key);
    const parsed = parseConditionOperator(op.key);
    if (parsed.problem === 'nullWithIfExists') {
      sink.report('nullWithIfExists', { operator: op.key }, op.keySpan, opPath);
    } else if (parsed.problem === 'unknownOperator') {
      if (parsed.suggestion !== undefined) {
        sink.report('unknownConditionOperatorCase', { operator: op.key, suggestion: parsed.suggestion }, op.keySpan, opPath);
      } else {
        sink.report('unknownConditionOperator', { operator: op.key }, op.keySpan, opPath);
      }
    }
    const block = op.value;
    if (block.kind !== 'object') {
      sink.report(
        'invalidConditionBlock',
        { element: `\`${op.key}\``, expected: 'condition keys and their values' },
        block.span,
        opPath,
      );
      continue;
    }
    if (block.members.length === 0) {
      sink.report('emptyCondition', { element: `The \`${op.key}\` block` }, block.span, opPath);
    }
    for (const keyMember of uniqueMembers(block)) {
      const keyPath = childPath(opPath, keyMember.key);
      const valueNode = keyMember.value;
      const values: Located<string>[] = [];
      const items = valueNode.kind === 'array' ? valueNode.items : [valueNode];
      if (valueNode.kind === 'array' && items.length === 0) {
        sink.report('emptyValueList', { element: `The condition key \`${keyMember.key}\`` }, valueNode.span, keyPath);
      }
      items.forEach((item, i) => {
        const v = conditionValue(item);
        if (v !== undefined) values.push({ value: v, span: item.span });
        else {
          const itemPath = valueNode.kind === 'array' ? childPath(keyPath, i) : keyPath;
          sink.report('invalidConditionValue', { key: keyMember.key, actual: describeJsonType(item) }, item.span, itemPath);
        }
      });
      clauses.push({
        operatorText: op.key,
        operator: parsed.operator,
        qualifier: parsed.qualifier,
        ifExists: parsed.ifExists,
        key: keyMember.key,
        values,
        operatorSpan: op.keySpan,
        keySpan: keyMember.keySpan,
        span: { start: keyMember.keySpan.start, end: valueNode.span.end },
      });
    }
  }
  return clauses;
}
