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

const SERIAL_NUMBER = /^[\w+=/:,.@-]{9,256}$/;

/** SerialNumber: 9 to 256 characters of `[\w+=/:,.@-]` (AWS STS API Reference, `serialNumberType`). */
export function checkSerialNumber(value: string): ParamError | undefined {
  if (SERIAL_NUMBER.test(value)) return undefined;
  return validation(`1 validation error detected: Value '${value}' at 'serialNumber' failed to satisfy constraint: Member must have length between 9 and 256 and satisfy regular expression pattern: [\\w+=/:,.@-]*`);
}

/** TokenCode: exactly six digits (AWS STS API Reference, `tokenCodeType`). */
export function checkTokenCode(value: string): ParamError | undefined {
  if (/^\d{6}$/.test(value)) return undefined;
  return validation(`1 validation error detected: Value '${value}' at 'tokenCode' failed to satisfy constraint: Member must have length 6 and satisfy regular expression pattern: [\\d]*`);
}

/** The `roleDurationSecondsType` (900–43200) and `durationSecondsType` (900–129600) constraints of the STS API. */
export function checkDurationRange(value: number, max: 43200 | 129600): ParamError | undefined {
  if (value >= 900 && value <= max) return undefined;
  return validation(
    value < 900
      ? `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`
      : `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
  );
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
  return checkTags(entries);
}

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/**
 * Session tags, as AssumeRole's `Tags` or as an identity provider passes them: at most 50,
 * keys of 1–128 and values of up to 256 characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, keys
 * unique regardless of case, no `aws:` prefix (AWS STS API Reference, `Tag`; IAM User
 * Guide, "Pass session tags in AWS STS").
 */
export function checkTags(entries: readonly (readonly [string, string])[]): ReadonlyMap<string, string> | ParamError {
  if (entries.length > 50) return validation('1 validation error detected: Value at \'tags\' failed to satisfy constraint: Member must have length less than or equal to 50');
  const seen = new Set<string>();
  for (const [i, [k, v]] of entries.entries()) {
    if (!TAG_KEY.test(k)) {
      return validation(`1 validation error detected: Value '${k}' at 'tags.${i + 1}.member.key' failed to satisfy constraint: Member must have length between 1 and 128 and satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+`);
    }
    if (!TAG_VALUE.test(v)) {
      return validation(`1 validation error detected: Value '${v}' at 'tags.${i + 1}.member.value' failed to satisfy constraint: Member must have length less than or equal to 256 and satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*`);
    }
    const lower = k.toLowerCase();
    if (lower.startsWith('aws:')) return validation(`Tag key \`${k}\`: the prefix aws: is reserved for AWS's use.`);
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
