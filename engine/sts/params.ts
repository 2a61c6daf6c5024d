/**
 * Reading the parameters of an STS call (`params` in AWS's names) with AWS's
 * validation rules and error messages (AWS STS API Reference).
 */
export type StsParams = Readonly<Record<string, unknown>>;

export interface ParamError {
  readonly errorCode: string;
  readonly message: string;
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;
const FEDERATED_NAME = /^[\w+=,.@-]{2,32}$/;

function validation(message: string): ParamError {
  return { errorCode: 'ValidationError', message };
}

export function stringParam(params: StsParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function checkSessionName(value: string | undefined, param: 'RoleSessionName' | 'Name'): ParamError | undefined {
  const field = param === 'RoleSessionName' ? 'roleSessionName' : 'name';
  if (value === undefined) return validation(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  const pattern = param === 'RoleSessionName' ? SESSION_NAME : FEDERATED_NAME;
  if (!pattern.test(value)) {
    const max = param === 'RoleSessionName' ? 64 : 32;
    return validation(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must have length between 2 and ${max} and satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  return undefined;
}

export function checkExternalId(value: string | undefined): ParamError | undefined {
  if (value === undefined || EXTERNAL_ID.test(value)) return undefined;
  return validation(`1 validation error detected: Value '${value}' at 'externalId' failed to satisfy constraint: Member must have length between 2 and 1224 and satisfy regular expression pattern: [\\w+=,.@:/-]*`);
}

export function checkSourceIdentity(value: string | undefined): ParamError | undefined {
  if (value === undefined || SOURCE_IDENTITY.test(value)) return undefined;
  return validation(`1 validation error detected: Value '${value}' at 'sourceIdentity' failed to satisfy constraint: Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*`);
}

/** DurationSeconds: an integer within [min, max]; `max` depends on the call, the role and role chaining. */
export function durationParam(params: StsParams, fallback: number): number | ParamError {
  const raw = params['DurationSeconds'];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) return validation(`Value '${String(raw)}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`);
  return value;
}

export function tagsParam(params: StsParams): ReadonlyMap<string, string> | ParamError {
  const raw = params['Tags'];
  if (raw === undefined) return new Map();
  const entries: [string, string][] = [];
  if (Array.isArray(raw)) {
    // The API's own shape: [{ "Key": "k", "Value": "v" }]
    for (const item of raw) {
      if (typeof item !== 'object' || item === null) return validation('Tags must be an object of key/value strings.');
      const { Key, Value } = item as { Key?: unknown; Value?: unknown };
      if (typeof Key !== 'string' || typeof Value !== 'string') return validation('Each tag needs a string Key and Value.');
      entries.push([Key, Value]);
    }
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v !== 'string') return validation(`Tag \`${k}\` must have a string value.`);
      entries.push([k, v]);
    }
  } else {
    return validation('Tags must be an object of key/value strings.');
  }
  if (entries.length > 50) return validation('1 validation error detected: Value at \'tags\' failed to satisfy constraint: Member must have length less than or equal to 50');
  const seen = new Set<string>();
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 128) return validation(`Tag key \`${k}\` must have length between 1 and 128.`);
    if (v.length > 256) return validation(`The value of tag \`${k}\` must be at most 256 characters.`);
    const lower = k.toLowerCase();
    if (seen.has(lower)) return validation(`Duplicate tag keys found. Please note that Tag keys are case insensitive.`);
    seen.add(lower);
  }
  return new Map(entries);
}

export function stringListParam(params: StsParams, name: string): readonly string[] {
  const raw = params[name];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => (typeof item === 'string' ? [item] : typeof item === 'object' && item !== null && typeof (item as { arn?: unknown }).arn === 'string' ? [(item as { arn: string }).arn] : []));
}

export function isParamError(value: unknown): value is ParamError {
  return typeof value === 'object' && value !== null && 'errorCode' in value;
}
