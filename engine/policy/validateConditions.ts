/**
 * Checks the Condition element: condition key form, keys repeated with different case,
 * values of the type the operator compares, wildcards with non-Like operators, and policy
 * variables. Sources: IAM User Guide, "IAM JSON policy elements: Condition" (key names are
 * case-insensitive), "…: Condition operators", "IAM policy elements: Variables and tags",
 * and the IAM Access Analyzer policy check reference.
 */
import { operatorFamily, type OperatorFamily } from './conditionOperators';
import type { PolicyFindingCode } from './findingCodes';
import { childPath } from './jsonPath';
import { minifiedLength } from './sizeLimits';
import type { ConditionClause, Statement } from './types';
import { hasPolicyVariable, scanPolicyVariables } from './variables';
import type { ValidationContext } from './validationContext';

const KEY_FORMAT = /^[^:\s]+:\S.*$/;
const TAG_KEY_WITHOUT_TAG = /^[^:]+:(RequestTag|ResourceTag|PrincipalTag)$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const EPOCH = /^\d+$/;
const BOOLEAN = /^(true|false)$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LITERAL_COMPARISON = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase']);

export function checkConditions(ctx: ValidationContext, st: Statement): void {
  const conditionPath = ctx.elementPath(st, 'Condition');
  const span = st.conditionSpan;
  if (span !== undefined && st.condition.length === 0 && minifiedLength(ctx.policy.text.slice(span.start, span.end)) === 2) {
    ctx.report('emptyCondition', { element: 'The Condition element' }, span, conditionPath);
  }
  // Keys of one operator block, lower-cased, to find the same key written with other case.
  let block = -1;
  let keys = new Map<string, string>();
  for (const clause of st.condition) {
    const path = childPath(childPath(conditionPath, clause.operatorText), clause.key);
    if (clause.operatorSpan.start !== block) {
      block = clause.operatorSpan.start;
      keys = new Map();
    }
    const lower = clause.key.toLowerCase();
    const earlier = keys.get(lower);
    if (earlier !== undefined) {
      ctx.report('duplicateConditionKeyCase', { key: clause.key, operator: clause.operatorText }, clause.keySpan, path);
    } else keys.set(lower, clause.key);

    if (!KEY_FORMAT.test(clause.key)) {
      ctx.report('invalidConditionKeyFormat', { key: clause.key }, clause.keySpan, path);
    } else if (TAG_KEY_WITHOUT_TAG.test(clause.key)) {
      ctx.report('missingTagKeyInCondition', { key: clause.key }, clause.keySpan, path);
    }
    checkClauseValues(ctx, clause, path);
  }
}

function checkClauseValues(ctx: ValidationContext, clause: ConditionClause, path: string): void {
  const family = operatorFamily(clause.operator);
  if (family === 'bool' && clause.values.length > 1) {
    ctx.report('multipleBooleanValues', { key: clause.key }, clause.span, path);
  }
  for (const { value, span } of clause.values) {
    if (hasPolicyVariable(value)) {
      if (!ctx.variablesEnabled) {
        ctx.report('policyVariableWithoutVersion', { value }, span, path);
        continue;
      }
      const scan = scanPolicyVariables(value);
      if (scan.problem !== undefined) {
        ctx.report('invalidPolicyVariable', { value, problem: scan.problem }, span, path);
      } else if (family !== undefined && family !== 'string' && family !== 'arn') {
        ctx.report('invalidVariableForOperator', { value, operator: clause.operatorText }, span, path);
      }
      continue;
    }
    if (family === undefined) continue;
    const mismatch = typeMismatch(family, value);
    if (mismatch !== undefined) {
      ctx.report(mismatch, { operator: clause.operatorText, value }, span, path);
    } else if (LITERAL_COMPARISON.has(clause.operator) && /[*?]/.test(value)) {
      ctx.report('wildcardWithoutLikeOperator', { operator: clause.operatorText, value }, span, path);
    }
  }
}

/** The finding for a value the operator cannot compare, if it is one. */
function typeMismatch(family: OperatorFamily, value: string): PolicyFindingCode | undefined {
  switch (family) {
    case 'numeric':
      return NUMBER.test(value) ? undefined : 'typeMismatchNumber';
    case 'date':
      return ISO_DATE.test(value) || EPOCH.test(value) ? undefined : 'typeMismatchDate';
    case 'bool':
    case 'null':
      return BOOLEAN.test(value) ? undefined : 'typeMismatchBoolean';
    case 'ip':
      return isIpOrCidr(value) ? undefined : 'typeMismatchIpAddress';
    case 'binary':
      return value !== '' && BASE64.test(value) ? undefined : 'typeMismatchBinary';
    case 'string':
    case 'arn':
      return undefined;
  }
}

/** An IPv4 or IPv6 address, optionally with a /prefix (RFC 4632 CIDR notation). */
export function isIpOrCidr(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const prefix = slash < 0 ? undefined : value.slice(slash + 1);
  const v4 = isIPv4(address);
  const v6 = !v4 && isIPv6(address);
  if (!v4 && !v6) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  let groups = s.split(':');
  const last = groups[groups.length - 1] ?? '';
  let width = 8;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    width = 6;
  }
  const compressed = s.indexOf('::');
  if (compressed >= 0 && s.indexOf('::', compressed + 1) >= 0) return false;
  if (compressed >= 0) {
    const filled = groups.filter((g) => g !== '');
    return filled.length < width && filled.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g));
  }
  return groups.length === width && groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g));
}
