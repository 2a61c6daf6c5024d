/**
 * The request context keys a learner may set in the console, with the type of each value
 * (IAM User Guide, "AWS global condition context keys"), and the check of a typed value
 * against its type. The engine derives most keys itself; only the keys the learner sets
 * are sent (`RequestJson.context`), and a key given there overrides the derived value.
 */
import { parseDate } from '../../../engine/conditions/date';
import { parseCidr } from '../../../engine/conditions/ip';
import type { ConditionKeyType } from '../../../engine/data/serviceDataTypes';
import type { ContextEntry } from './draft';

/** The value types a console field knows how to take. */
export type ValueType = 'String' | 'Bool' | 'Numeric' | 'Date' | 'IPAddress' | 'ARN';

export interface KeyType {
  readonly type: ValueType;
  /** A multi-valued key (ArrayOf…): the request carries a list. */
  readonly list: boolean;
}

/** A key the console offers; a key ending in `/` wants a tag key after the slash. */
export interface KnownKey extends KeyType {
  readonly key: string;
}

const k = (key: string, type: ValueType, list = false): KnownKey => ({ key, type, list });

/** The global keys a learner sets most, in the order the picker lists them. */
export const KNOWN_KEYS: readonly KnownKey[] = [
  k('aws:SourceIp', 'IPAddress'),
  k('aws:CurrentTime', 'Date'),
  k('aws:EpochTime', 'Date'),
  k('aws:MultiFactorAuthPresent', 'Bool'),
  k('aws:MultiFactorAuthAge', 'Numeric'),
  k('aws:RequestedRegion', 'String'),
  k('aws:SecureTransport', 'Bool'),
  k('aws:PrincipalTag/', 'String'),
  k('aws:RequestTag/', 'String'),
  k('aws:ResourceTag/', 'String'),
  k('aws:TagKeys', 'String', true),
  k('aws:SourceVpc', 'String'),
  k('aws:SourceVpce', 'String'),
  k('aws:VpcSourceIp', 'IPAddress'),
  k('aws:UserAgent', 'String'),
  k('aws:Referer', 'String'),
  k('aws:SourceArn', 'ARN'),
  k('aws:SourceAccount', 'String'),
  k('aws:SourceOrgID', 'String'),
  k('aws:CalledVia', 'String', true),
  k('aws:ViaAWSService', 'Bool'),
  k('aws:PrincipalIsAWSService', 'Bool'),
  k('aws:TokenIssueTime', 'Date'),
  k('sts:ExternalId', 'String'),
  k('sts:RoleSessionName', 'String'),
  k('sts:SourceIdentity', 'String'),
];

/** The console's type of a catalogue type (`ArrayOfIPAddress` → a list of IP addresses). */
export function fromCatalogueType(type: ConditionKeyType): KeyType {
  const list = type.startsWith('ArrayOf');
  const base = list ? type.slice('ArrayOf'.length) : type;
  const types: Readonly<Record<string, ValueType>> = { String: 'String', Bool: 'Bool', Numeric: 'Numeric', Date: 'Date', IPAddress: 'IPAddress', ARN: 'ARN' };
  return { type: types[base] ?? 'String', list };
}

/**
 * The type of `key`: a known key (a tag key after `aws:PrincipalTag/` and the like), else
 * what `lookup` (the service catalogue) says, else a single string.
 */
export function keyTypeOf(key: string, lookup?: (key: string) => ConditionKeyType | undefined): KeyType {
  const lower = key.toLowerCase();
  const known = KNOWN_KEYS.find((c) => (c.key.endsWith('/') ? lower.startsWith(c.key.toLowerCase()) : lower === c.key.toLowerCase()));
  if (known) return known;
  const type = lookup?.(key);
  return type ? fromCatalogueType(type) : { type: 'String', list: false };
}

/** What is wrong with a context key or its value (the console says it in words). */
export type ContextProblem = 'keyInvalid' | 'keyTwice' | 'tagKeyMissing' | 'valueMissing' | 'IPAddress' | 'Date' | 'Bool' | 'Numeric' | 'ARN';

// A condition key: `service:Name`, and for tag keys `…/tag-key` (IAM User Guide, "Condition keys").
const KEY = /^[A-Za-z0-9-]+:[A-Za-z0-9_./:+=@-]+$/;

/**
 * An IPv4 or IPv6 address, optionally with a CIDR prefix length (`203.0.113.0/24`,
 * `2001:db8::/32`): read by the engine's own parser, so the form accepts exactly what the
 * IpAddress operators will.
 */
export function isIpAddress(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** A date as IAM's date operators take it (ISO 8601, or seconds since the epoch), by the engine's own parser. */
export function isDateValue(text: string): boolean {
  return parseDate(text) !== undefined;
}

/** The values of a typed field: a list key splits on new lines and commas; a single key is one value. */
export function valuesOf(value: string, type: KeyType): string[] {
  if (!type.list) return value.trim() === '' ? [] : [value.trim()];
  return value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function valueProblem(value: string, type: ValueType): ContextProblem | undefined {
  switch (type) {
    case 'IPAddress':
      return isIpAddress(value) ? undefined : 'IPAddress';
    case 'Date':
      return isDateValue(value) ? undefined : 'Date';
    case 'Bool':
      return /^(true|false)$/i.test(value) ? undefined : 'Bool';
    case 'Numeric':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : 'Numeric';
    case 'ARN':
      return /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/.test(value) || value === '*' ? undefined : 'ARN';
    case 'String':
      return undefined;
  }
}

/** The first problem of each entry (by index), none for an entry that is fine. */
export function contextProblems(entries: readonly ContextEntry[], typeOf: (key: string) => KeyType): (ContextProblem | undefined)[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    const key = entry.key.trim();
    const lower = key.toLowerCase();
    if (key.endsWith('/')) return 'tagKeyMissing';
    if (!KEY.test(key)) return 'keyInvalid';
    // Condition key names are not case-sensitive (IAM User Guide): two spellings are one key.
    if (seen.has(lower)) return 'keyTwice';
    seen.add(lower);
    const type = typeOf(key);
    const values = valuesOf(entry.value, type);
    if (values.length === 0) return 'valueMissing';
    for (const v of values) {
      const problem = valueProblem(v, type.type);
      if (problem) return problem;
    }
    return undefined;
  });
}

/** The `context` of the request: each key with its value (a list for a multi-valued key); booleans in lower case. */
export function toContext(entries: readonly ContextEntry[], typeOf: (key: string) => KeyType): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  for (const entry of entries) {
    const key = entry.key.trim();
    const type = typeOf(key);
    const values = valuesOf(entry.value, type).map((v) => (type.type === 'Bool' ? v.toLowerCase() : v));
    out[key] = type.list ? values : (values[0] ?? '');
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The draft's entries of a request's `context` (a saved request loaded into the form). */
export function contextEntries(context: Readonly<Record<string, string | readonly string[]>> | undefined): ContextEntry[] {
  return Object.entries(context ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : value.join(', ') }));
}
