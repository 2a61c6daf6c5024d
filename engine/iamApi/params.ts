/**
 * The parameters of a simulated IAM API call, read as the IAM API reads them: each checked
 * against its type in the spec (./spec.ts), the ones the resource ARN gives filled in from
 * it, and a value that disagrees with the resource refused. AWS's error codes: a missing
 * required parameter or a value of the wrong type is `ValidationError`; a parameter that
 * names another entity than the resource the call was authorized on is `InvalidInput`.
 */
import type { ApiParamSpec, ApiParamType, ApiSpec } from './types';

/** An IAM resource ARN, read: `arn:aws:iam::ACCOUNT:TYPE/PATH/NAME`. */
export interface IamResource {
  readonly partition: string;
  readonly account: string;
  readonly type: string;
  readonly path: string;
  readonly name: string;
  readonly arn: string;
}

const IAM_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}|aws):([a-z-]+)((?:\/[\u0021-\u007E]*)?\/)([^/]+)$/;

/** Reads an IAM ARN (`user/…`, `group/…`, `role/…`, `policy/…`); undefined for anything else. */
export function readIamArn(arn: string): IamResource | undefined {
  const m = IAM_ARN.exec(arn);
  if (!m) return undefined;
  return { partition: m[1]!, account: m[2]!, type: m[3]!, path: m[4]!, name: m[5]!, arn };
}

/** A value a call's parameter holds after reading. */
export type ApiValue = string | boolean | number | Readonly<Record<string, string>> | readonly string[] | Record<string, unknown>;

export interface ApiError {
  readonly code: string;
  readonly message: string;
}

export type ReadParams = { readonly ok: true; readonly values: ReadonlyMap<string, ApiValue>; readonly resource: IamResource | undefined } | ({ readonly ok: false } & ApiError);

/** The caller's own IAM user name, for a parameter that `defaultsTo: 'caller'`; undefined when the caller is not an IAM user. */
export type CallerUserName = string | undefined;

function typeWord(type: ApiParamType): string {
  switch (type) {
    case 'string':
      return 'a string';
    case 'policyDocument':
      return 'a policy document (JSON text or an object)';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'an integer';
    case 'tags':
      return 'a list of tags, [{"Key": "k", "Value": "v"}] (or an object {"k": "v"})';
    case 'stringList':
      return 'a list of strings';
  }
}

/** Reads one value as its type; undefined when it is not of it. */
export function readValue(type: ApiParamType, value: unknown): ApiValue | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'policyDocument':
      if (typeof value === 'string') return value;
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      // The Query API sends booleans as text.
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
    }
    case 'tags':
      return readTags(value);
    case 'stringList':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  }
}

/** Tags as the IAM API takes them (`[{Key, Value}]`), or as the scenario format writes them (`{k: v}`). */
function readTags(value: unknown): Readonly<Record<string, string>> | undefined {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'object' || item === null) return undefined;
      const { Key, Value } = item as { Key?: unknown; Value?: unknown };
      if (typeof Key !== 'string' || (Value !== undefined && typeof Value !== 'string')) return undefined;
      out[Key] = Value ?? '';
    }
    return { ...out };
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'string') return undefined;
      out[k] = v;
    }
    return { ...out };
  }
  return undefined;
}

/** What the resource ARN gives for a parameter, when the ARN is of the right type. */
function fromResource(param: ApiParamSpec, resource: IamResource | undefined): string | undefined {
  if (!param.fromResource || !resource) return undefined;
  switch (param.fromResource) {
    case 'userName':
      return resource.type === 'user' ? resource.name : undefined;
    case 'groupName':
      return resource.type === 'group' ? resource.name : undefined;
    case 'roleName':
      return resource.type === 'role' ? resource.name : undefined;
    case 'policyArn':
      return resource.type === 'policy' ? resource.arn : undefined;
  }
}

/**
 * Reads a call's parameters: every known one checked against its type, the ones the
 * resource gives filled in, the caller's user name for `defaultsTo: 'caller'`. Unknown
 * parameter names are refused (`ValidationError`), as the IAM API does.
 */
export function readParams(spec: ApiSpec, params: Readonly<Record<string, unknown>>, resourceArn: string, callerUser: CallerUserName): ReadParams {
  const resource = readIamArn(resourceArn);
  const values = new Map<string, ApiValue>();
  const known = new Set(spec.params.map((p) => p.name));
  for (const name of Object.keys(params)) {
    if (!known.has(name)) {
      return { ok: false, code: 'ValidationError', message: `${spec.action.slice(4)} has no parameter \`${name}\`; its parameters are ${spec.params.map((p) => p.name).join(', ')}.` };
    }
  }
  for (const param of spec.params) {
    const given = Object.prototype.hasOwnProperty.call(params, param.name) ? params[param.name] : undefined;
    const implied = fromResource(param, resource);
    if (given !== undefined && given !== null) {
      const value = readValue(param.type, given);
      if (value === undefined) return { ok: false, code: 'ValidationError', message: `1 validation error detected: Value at '${lowerFirst(param.name)}' failed to satisfy constraint: it must be ${typeWord(param.type)}.` };
      if (implied !== undefined && value !== implied) {
        return { ok: false, code: 'InvalidInput', message: `${param.name} \`${String(value)}\` does not match the request's resource ${resourceArn} (which names \`${implied}\`).` };
      }
      values.set(param.name, value);
    } else if (implied !== undefined) {
      values.set(param.name, implied);
    } else if (param.defaultsTo === 'caller' && callerUser !== undefined) {
      values.set(param.name, callerUser);
    } else if (param.required || param.defaultsTo === 'caller') {
      if (param.defaultsTo === 'caller') return { ok: false, code: 'ValidationError', message: `Must specify ${lowerFirst(param.name)} when calling with non-User credentials.` };
      return { ok: false, code: 'ValidationError', message: `1 validation error detected: Value null at '${lowerFirst(param.name)}' failed to satisfy constraint: Member must not be null.` };
    }
  }
  return { ok: true, values, resource };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
