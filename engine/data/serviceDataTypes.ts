/** The public shapes of the IAM service catalogue (see `serviceData.ts`). */

/** Reads one file of the data folder by relative path (`actions/s3.json`); `undefined` if missing. */
export type IamDataReader = (relativePath: string) => Promise<unknown>;

/** Access levels of the Service Authorization Reference. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** The value types of condition keys. */
export type ConditionKeyType =
  | 'String' | 'ArrayOfString' | 'ARN' | 'ArrayOfARN' | 'Bool' | 'ArrayOfBool' | 'Numeric' | 'ArrayOfNumeric'
  | 'Date' | 'ArrayOfDate' | 'IPAddress' | 'ArrayOfIPAddress';

/** A service prefix and its name, e.g. `s3` / `Amazon S3`. */
export interface ServiceSummary {
  readonly prefix: string;
  readonly name: string;
}

/** A resource type an action applies to, with the condition keys of that row. */
export interface ActionResourceTypeInfo {
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

/** One action, e.g. `s3:GetObject`. */
export interface ActionInfo {
  /** The service prefix, e.g. `s3`. */
  readonly service: string;
  /** The action name in AWS's casing, e.g. `GetObject`. */
  readonly name: string;
  readonly description: string;
  /** Usually one; a few actions are listed under two (e.g. `Permissions management`, `Write`). */
  readonly accessLevels: readonly AccessLevel[];
  readonly resourceTypes: readonly ActionResourceTypeInfo[];
  /** Condition keys of the action itself (not of a resource row). */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
  /** True when the action supports no resource types: only `"Resource": "*"` fits. */
  readonly wildcardOnly: boolean;
}

/** A resource type, e.g. s3 `object` → `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  readonly arnFormat: string;
  readonly conditionKeys: readonly string[];
}

/** A condition key. Templates keep AWS's placeholders, e.g. `aws:RequestTag/${TagKey}`. */
export interface ConditionKeyInfo {
  readonly key: string;
  readonly description: string;
  /** The value type; a type the data does not name reads as `String`. */
  readonly type: ConditionKeyType;
  /** For global keys: `principal`, `session`, `network`, `resource` or `request`. */
  readonly category?: string;
}

/** Everything about one service; map keys are lower case. */
export interface ServiceData {
  readonly prefix: string;
  readonly name: string;
  readonly actions: ReadonlyMap<string, ActionInfo>;
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  readonly conditionKeys: ReadonlyMap<string, ConditionKeyInfo>;
}

/** What the catalogue knows about `service:action`. */
export type ActionLookup =
  | { readonly kind: 'known'; readonly action: ActionInfo }
  | { readonly kind: 'unknownAction'; readonly service: string; readonly action: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'unknownService'; readonly service: string; readonly suggestions: readonly string[] }
  /** The service exists but `loadServiceData` was not awaited for it. */
  | { readonly kind: 'notLoaded'; readonly service: string };
