/** Condition evaluation: compile a statement's Condition element once, test it per request. */
export { compileCondition, compileConditionBlock } from './compile';
export { OPERATOR_NAMES, isKnownOperator } from './operators';
export { parseDate } from './date';
export { parseNumber } from './numeric';
export { parseIp, parseCidr } from './ip';
export { decodeBase64 } from './binary';
export type {
  CompiledCondition,
  CompiledConditionBlock,
  ConditionBlockExplanation,
  ConditionExplanation,
  ConditionReason,
  ConditionValueMatch,
  VariableLookup,
} from './types';
