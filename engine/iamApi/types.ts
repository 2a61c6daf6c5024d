/**
 * The simulated IAM API: when an allowed request is an IAM write that carries its API
 * parameters (`params`, as the AWS API names them: `UserName`, `PolicyArn`,
 * `PolicyDocument`, `SetAsDefault` …), the call is applied to the world as `WorldEdit`s,
 * so multi-step attacks and their defences can be played. A request without `params` is
 * a pure authorization question and changes nothing (as before this extension).
 *
 * Order, as AWS does it: authentication, authorization (with the condition keys the
 * parameters give: iam:PolicyARN, iam:PermissionsBoundary, aws:RequestTag/…, aws:TagKeys),
 * then the API's own checks (NoSuchEntity, EntityAlreadyExists, MalformedPolicyDocument,
 * LimitExceeded, DeleteConflict, InvalidInput, ValidationError), whose error code becomes
 * the request's decision (decided by the stage `api`).
 */
import type { WorldEdit } from '../edit/types';

/** The type of one API parameter, for the request console's form and for validation. */
export type ApiParamType =
  | 'string'
  /** A policy document: a JSON text or an object. */
  | 'policyDocument'
  | 'boolean'
  | 'integer'
  /** `[{ "Key": …, "Value": … }]` */
  | 'tags'
  /** A list of strings (e.g. `TagKeys`). */
  | 'stringList';

export interface ApiParamSpec {
  readonly name: string;
  readonly type: ApiParamType;
  readonly required: boolean;
  /**
   * Where the request's resource ARN gives the value (the console fills it in, and a
   * request may leave it out): the name of the user/group/role, or the policy's ARN.
   * A value given that disagrees with the resource is `InvalidInput`.
   */
  readonly fromResource?: 'userName' | 'groupName' | 'roleName' | 'policyArn';
  /** For an optional parameter: what AWS assumes without it (CreateAccessKey: the caller's own user). */
  readonly defaultsTo?: 'caller';
}

/** One IAM write the simulated API applies. */
export interface ApiSpec {
  /** `iam:AttachUserPolicy` as the action is written. */
  readonly action: string;
  /** The resource type the action is authorized on (service authorization reference): `user`, `group`, `role`, `policy`. */
  readonly resourceType: 'user' | 'group' | 'role' | 'policy';
  readonly params: readonly ApiParamSpec[];
}

/** What an applied call did, for the app to show and to apply to its store (undoable). */
export interface AppliedCall {
  /** The action, as the spec spells it (`iam:CreatePolicyVersion`). */
  readonly action: string;
  /** The edits, in order; applying them to the world the request was judged in gives `world`. */
  readonly edits: readonly WorldEdit[];
  /** What it did, as a code the UI translates (`apiCreatedUser`, `apiAttachedPolicy`, …) with its parameters. */
  readonly summary: { readonly code: string; readonly params: Readonly<Record<string, string>> };
  /** What AWS returns, in the API's element names (CreateAccessKey: `AccessKey` with its secret). */
  readonly response?: Readonly<Record<string, unknown>>;
}
