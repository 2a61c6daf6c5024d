/**
 * The `params` of a request that is an IAM write the simulated IAM API applies
 * (engine/iamApi/spec.ts): each value of the type the API takes, with the JSON path of a
 * value that is not. Missing and unknown parameters are left to the request's judgement
 * (the API answers `ValidationError`, which an exercise may want to show).
 */
import { readValue } from '../iamApi/params';
import { iamApiSpec } from '../iamApi/spec';
import type { ApiParamType } from '../iamApi/types';
import type { RequestJson } from './types';
import type { ScenarioFault } from './validate';

const TYPE_WORDS: Readonly<Record<ApiParamType, string>> = {
  string: 'a string',
  policyDocument: 'a policy document (a JSON object, or its text)',
  boolean: 'true or false',
  integer: 'an integer',
  tags: 'tags: [{"Key": "k", "Value": "v"}, …] or {"k": "v"}',
  stringList: 'a list of strings',
};

/** Faults in the params of one request at `path` (nothing for a request that is not an IAM write the API applies). */
export function checkApiParams(request: RequestJson, path: string): ScenarioFault[] {
  if (!request.params || typeof request.action !== 'string') return [];
  const spec = iamApiSpec(request.action);
  if (!spec) return [];
  const out: ScenarioFault[] = [];
  for (const param of spec.params) {
    if (!Object.prototype.hasOwnProperty.call(request.params, param.name)) continue;
    const value = request.params[param.name];
    if (readValue(param.type, value) === undefined) {
      const at = /^[A-Za-z_$][\w$]*$/.test(param.name) ? `${path}.params.${param.name}` : `${path}.params[${JSON.stringify(param.name)}]`;
      out.push({ path: at, message: `\`${param.name}\` of ${spec.action} is ${TYPE_WORDS[param.type]}.` });
    }
  }
  return out;
}
