/**
 * TypeScript types of the scenario file, format version 1 (see README "Scenario format"
 * and ../shared/scenario-format.md, the contract). These describe a file that passed
 * validation: optional fields are still optional here and get their defaults in the
 * world model.
 */

/** A text in one language, or in Korean and English. */
export type LocalizedText = string | { readonly en?: string; readonly ko?: string };

/** An IAM policy document as JSON (validated separately, with source positions). */
export type PolicyDocumentJson = unknown;

export interface AccessKeyJson {
  readonly id: string;
  readonly secret?: string;
  readonly status?: 'Active' | 'Inactive';
  /** ISO date the key was created (for credential rotation lessons). */
  readonly created?: string;
  readonly lastUsed?: string;
}

export interface MfaDeviceJson {
  readonly serial: string;
  /** Base32 TOTP seed (RFC 6238, SHA-1, 6 digits, 30 s). */
  readonly seed: string;
}

export interface ManagedPolicyJson {
  readonly name: string;
  readonly path?: string;
  readonly description?: string;
  readonly document: PolicyDocumentJson;
}

export interface UserJson {
  readonly name: string;
  readonly path?: string;
  readonly groups?: readonly string[];
  readonly managedPolicies?: readonly string[];
  readonly inlinePolicies?: Readonly<Record<string, PolicyDocumentJson>>;
  readonly permissionsBoundary?: string | null;
  readonly tags?: Readonly<Record<string, string>>;
  readonly accessKeys?: readonly AccessKeyJson[];
  readonly password?: string;
  readonly mfa?: boolean;
  readonly mfaDevices?: readonly MfaDeviceJson[];
}

export interface GroupJson {
  readonly name: string;
  readonly path?: string;
  readonly managedPolicies?: readonly string[];
  readonly inlinePolicies?: Readonly<Record<string, PolicyDocumentJson>>;
}

export interface RoleJson {
  readonly name: string;
  readonly path?: string;
  readonly trustPolicy: PolicyDocumentJson;
  readonly managedPolicies?: readonly string[];
  readonly inlinePolicies?: Readonly<Record<string, PolicyDocumentJson>>;
  readonly permissionsBoundary?: string | null;
  readonly maxSessionDuration?: number;
  readonly tags?: Readonly<Record<string, string>>;
  readonly description?: string;
}

export interface ResourceJson {
  readonly arn: string;
  readonly policy?: PolicyDocumentJson;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface RootUserJson {
  readonly accessKeys?: readonly AccessKeyJson[];
  readonly mfaDevices?: readonly MfaDeviceJson[];
  readonly password?: string;
}

/**
 * An IAM OpenID Connect identity provider: `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`
 * (the URL without `https://`), for AssumeRoleWithWebIdentity.
 */
export interface OidcProviderJson {
  readonly type: 'oidc';
  /** The issuer URL, `https://…`, as the tokens' `iss` claim gives it. */
  readonly url: string;
  /** The audiences (client IDs) the provider accepts in a token's `aud` claim. */
  readonly clientIds?: readonly string[];
  readonly thumbprints?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** An IAM SAML 2.0 identity provider: `arn:aws:iam::ACCOUNT:saml-provider/NAME`, for AssumeRoleWithSAML. */
export interface SamlProviderJson {
  readonly type: 'saml';
  readonly name: string;
  /** The IdP's entity ID from its metadata: an assertion's `Issuer` must equal it, when given. */
  readonly issuer?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export type IdentityProviderJson = OidcProviderJson | SamlProviderJson;

/** An EC2 instance profile: `arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME`, holding at most one role. */
export interface InstanceProfileJson {
  readonly name: string;
  readonly path?: string;
  /** The name of a role of the same account. */
  readonly role?: string;
}

export interface AccountJson {
  readonly id: string;
  readonly alias?: string;
  readonly root?: RootUserJson;
  readonly policies?: readonly ManagedPolicyJson[];
  readonly users?: readonly UserJson[];
  readonly groups?: readonly GroupJson[];
  readonly roles?: readonly RoleJson[];
  readonly resources?: readonly ResourceJson[];
  readonly identityProviders?: readonly IdentityProviderJson[];
  readonly instanceProfiles?: readonly InstanceProfileJson[];
}

export interface OrgUnitJson {
  readonly id: string;
  readonly name?: string;
  readonly parent?: string;
}

export interface OrgPolicyJson {
  readonly name: string;
  readonly type: 'SCP' | 'RCP';
  readonly targets?: readonly string[];
  readonly document: PolicyDocumentJson;
}

export interface OrganizationJson {
  readonly id: string;
  readonly managementAccount: string;
  readonly units?: readonly OrgUnitJson[];
  readonly accounts?: readonly { readonly id: string; readonly parent: string }[];
  readonly policies?: readonly OrgPolicyJson[];
}

export interface SessionJson {
  readonly issuer?: string;
  readonly policy?: PolicyDocumentJson;
  readonly policyArns?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly sourceIdentity?: string;
  readonly mfa?: boolean;
}

/**
 * A request made from an AWS Management Console session (an extension): the caller named by
 * `principal` (an IAM user or an account's root user) signs in with these credentials, and
 * the request is made with the console session's temporary credentials.
 */
export interface ConsoleJson {
  /** The console password typed at sign-in. */
  readonly password?: string;
  /** The six-digit code of the identity's MFA device (needed when it has one). */
  readonly mfaCode?: string;
  /** Which MFA device the code is from (its serial); default: any of the identity's devices. */
  readonly mfaSerial?: string;
  /** When the sign-in happened (ISO 8601); default: the request's time (`now`). */
  readonly signedInAt?: string;
}

/** An expected outcome: a decision, `denied` (goals only) or an AWS error code. */
export type ExpectedDecision = string;

export interface RequestJson {
  readonly id?: string;
  readonly principal?: string;
  readonly http?: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  readonly session?: SessionJson;
  /** Made from an AWS Management Console session (extension): the sign-in credentials. */
  readonly console?: ConsoleJson;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly as?: string;
  readonly expect?: ExpectedDecision;
}

export interface WhoCanJson {
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export interface QueryJson {
  readonly id: string;
  readonly whoCan: WhoCanJson;
  readonly expect?: readonly string[];
  readonly within?: readonly string[];
}

/**
 * An exercise goal. Every kind may carry a `label`: the goal in words for the learner
 * (otherwise the app describes it from its fields).
 *
 * - `request`: the request must end as `expect` (and be decided by the stage `by`).
 * - `whoCan`: the set of principals that can act, exactly (`expect`), at most (`within`, a
 *   "no broader than" limit) or at least (`includes`, an extension).
 * - `noneAllowed` (extension): a "no broader than" limit on one principal — no action
 *   matching `actions` (wildcards expanded with the IAM service data) on any resource
 *   matching `resources` (the world's resources matching the pattern, and the pattern
 *   itself with `*` read as a name) is allowed.
 * - `performed` (extension): a request the learner made in this exercise (in the app the
 *   requests sent since the exercise was opened; in `npm run check` the solution's `steps`)
 *   with this action on this resource (both may be wildcard patterns) was allowed, made
 *   by `principal` (a caller ARN pattern) when given. For attacks: "read the secret".
 *
 * Goals are judged in order in one session store, and a goal request that is an allowed
 * IAM write with `params` changes the world for the goals after it.
 */
export type GoalJson =
  | { readonly request: RequestJson; readonly expect: ExpectedDecision; readonly by?: string; readonly label?: LocalizedText }
  | {
      readonly whoCan: WhoCanJson;
      readonly expect?: readonly string[];
      readonly within?: readonly string[];
      readonly includes?: readonly string[];
      readonly label?: LocalizedText;
    }
  | { readonly noneAllowed: NoneAllowedJson; readonly label?: LocalizedText }
  | { readonly performed: PerformedJson; readonly label?: LocalizedText };

export interface NoneAllowedJson {
  /** The caller, as a request's `principal` names it. */
  readonly principal: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export interface PerformedJson {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
}

export interface ExerciseJson {
  readonly id: string;
  readonly task: LocalizedText;
  readonly hints?: readonly LocalizedText[];
  readonly explanation?: LocalizedText;
  readonly goals: readonly GoalJson[];
  /**
   * A reference world: `accounts` (and `organization`) replace the starting world's; then
   * `steps` (an extension), requests made in order — STS calls issue sessions, allowed IAM
   * writes with `params` change the world — as a learner playing an attack would. At least
   * one of `accounts` and `steps`.
   */
  readonly solution?: {
    readonly accounts?: readonly AccountJson[];
    readonly organization?: OrganizationJson;
    readonly steps?: readonly RequestJson[];
  };
  /**
   * An extension: the learner may change the world only by sending requests (IAM writes
   * through the simulated IAM API), not in the builder — an attack must be played, not drawn.
   */
  readonly worldLocked?: boolean;
}

export interface ScenarioJson {
  readonly format: 'iam-playground/scenario';
  readonly version: 1;
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  readonly now?: string;
  readonly organization?: OrganizationJson;
  readonly accounts: readonly AccountJson[];
  readonly requests?: readonly RequestJson[];
  readonly queries?: readonly QueryJson[];
  readonly exercise?: ExerciseJson;
}

export interface PackJson {
  readonly format: 'iam-playground/pack';
  readonly version: 1;
  readonly id: string;
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  readonly exercises: readonly ScenarioJson[];
}
