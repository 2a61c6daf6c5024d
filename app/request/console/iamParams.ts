/**
 * The parameters of an IAM write in the request console, driven by the simulated IAM API's
 * table (engine/iamApi/spec.ts): which fields an action takes, the `params` of the request
 * built from what the learner typed, the draft of a saved request, and how a parameter and
 * the request's resource fill each other. Only the shape is checked here (JSON, a number,
 * `Key=Value` tags); whether IAM accepts the call (NoSuchEntity, MalformedPolicyDocument …)
 * is the engine's to say, with AWS's own error.
 */
import { iamApiSpec } from '../../../engine/iamApi/spec';
import type { ApiParamSpec, ApiSpec } from '../../../engine/iamApi/types';
import type { RequestJson } from '../../../engine/scenario/types';
import { listOf } from './sts';

/** The text of each parameter as typed, by its API name (`UserName`, `PolicyDocument` …). */
export type ParamsDraft = Readonly<Record<string, string>>;

export type ParamProblem = 'json' | 'integer' | 'tags';

/** The spec of the IAM write `action` names (any case), if the simulated IAM API plays it. */
export function writeSpecOf(action: string): ApiSpec | undefined {
  return iamApiSpec(action.trim());
}

/** `Key=Value` pairs, one per line (or comma) → AWS's `[{ Key, Value }]`; `undefined` when one is not a pair. */
export function apiTagsOf(text: string): { Key: string; Value: string }[] | undefined {
  const out: { Key: string; Value: string }[] = [];
  for (const pair of listOf(text)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    out.push({ Key: pair.slice(0, eq).trim(), Value: pair.slice(eq + 1).trim() });
  }
  return out;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** One typed value → the value the request carries, or its problem. An empty text is "not given". */
function valueOf(param: ApiParamSpec, text: string): { value?: unknown; problem?: ParamProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  switch (param.type) {
    case 'policyDocument': {
      const document = parseObject(trimmed);
      return document ? { value: document } : { problem: 'json' };
    }
    case 'boolean':
      return trimmed === 'true' ? { value: true } : {};
    case 'integer':
      return /^\d+$/.test(trimmed) ? { value: Number(trimmed) } : { problem: 'integer' };
    case 'tags': {
      const tags = apiTagsOf(trimmed);
      return tags ? { value: tags } : { problem: 'tags' };
    }
    case 'stringList':
      return { value: listOf(trimmed) };
    case 'string':
      return { value: trimmed };
  }
}

/** What a parameter takes from a resource ARN: the entity's name, or the policy's ARN. */
export function fromResourceValue(param: ApiParamSpec, resource: string): string | undefined {
  if (!param.fromResource) return undefined;
  const match = /^arn:aws[a-z-]*:iam::(\d{12}|aws):(user|group|role|policy)\/(?:.*\/)?([^/]+)$/.exec(resource.trim());
  if (!match) return undefined;
  const [, , type, name] = match;
  const wanted = { userName: 'user', groupName: 'group', roleName: 'role', policyArn: 'policy' }[param.fromResource];
  if (type !== wanted) return undefined;
  return param.fromResource === 'policyArn' ? resource.trim() : name;
}

export interface BuiltParams {
  /** Absent when no parameter is given: the request is a pure authorization question. */
  readonly params?: Record<string, unknown>;
  readonly problems: Readonly<Record<string, ParamProblem>>;
}

/**
 * The `params` of a request for `spec`: only the fields filled in, in the spec's order.
 * When the learner gives any parameter, a parameter the resource gives (`fromResource`) and
 * left empty is taken from the resource, as the console shows it; with none given the
 * request stays a question of authorization only and changes nothing.
 */
export function buildParams(spec: ApiSpec, draft: ParamsDraft, resource: string): BuiltParams {
  const params: Record<string, unknown> = {};
  const problems: Record<string, ParamProblem> = {};
  for (const param of spec.params) {
    const { value, problem } = valueOf(param, draft[param.name] ?? '');
    if (problem) problems[param.name] = problem;
    else if (value !== undefined) params[param.name] = value;
  }
  if (Object.keys(params).length === 0) return { problems };
  const filled: Record<string, unknown> = {};
  for (const param of spec.params) {
    const derived = params[param.name] === undefined ? fromResourceValue(param, resource) : undefined;
    if (params[param.name] !== undefined) filled[param.name] = params[param.name];
    else if (derived !== undefined) filled[param.name] = derived;
  }
  return { params: filled, problems };
}

/** A saved request's `params` → the text of each field (only the spec's parameters). */
export function paramsDraftOf(request: RequestJson): ParamsDraft {
  const spec = writeSpecOf(request.action);
  const given = request.params ?? {};
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const param of spec.params) {
    const value = given[param.name];
    if (value === undefined || value === null) continue;
    if (param.type === 'policyDocument') out[param.name] = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    else if (param.type === 'tags' && typeof value === 'object') {
      const entries = Array.isArray(value)
        ? value.map((t: { Key?: unknown; Value?: unknown }) => [String(t.Key ?? ''), String(t.Value ?? '')])
        : Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
      out[param.name] = entries.map(([k, v]) => `${k}=${v}`).join('\n');
    } else if (param.type === 'stringList' && Array.isArray(value)) out[param.name] = value.map(String).join('\n');
    else if (param.type === 'boolean') out[param.name] = value === true || value === 'true' ? 'true' : '';
    else out[param.name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
