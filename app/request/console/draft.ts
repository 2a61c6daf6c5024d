/**
 * The request console's draft: what the learner is building, field by field, as text (so a
 * half-typed value is kept and its problem shown). `buildRequest.ts` turns it into the
 * `RequestJson` the engine judges; nothing here decides anything.
 */

/** The console's three ways to send a request. */
export type ConsoleMode = 'api' | 'sts' | 'http';

/**
 * Who calls, as the caller picker groups it: a principal of the world or an issued session
 * (`listed`: `principal` holds its ARN or `$NAME`), a federated user, an anonymous caller,
 * an AWS service, or any principal typed by hand.
 */
export type CallerKind = 'listed' | 'federated' | 'anonymous' | 'service' | 'typed';

/** One request context key the learner sets; `value` as typed (a list: one value per line or comma). */
export interface ContextEntry {
  readonly key: string;
  readonly value: string;
}

/** The STS calls the console makes, in AWS's API names. */
export const STS_CALLS = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken', 'GetCallerIdentity'] as const;
export type StsCall = (typeof STS_CALLS)[number];

/** The parameters of an STS call as typed (AWS's names, see `sts.ts`). */
export interface StsDraft {
  readonly call: StsCall;
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly ExternalId: string;
  readonly DurationSeconds: string;
  readonly SerialNumber: string;
  readonly TokenCode: string;
  /** A session policy, as JSON text. */
  readonly Policy: string;
  /** Managed policy ARNs, one per line or comma-separated. */
  readonly PolicyArns: string;
  /** `key=value` pairs, one per line or comma-separated. */
  readonly Tags: string;
  readonly SourceIdentity: string;
  /** GetFederationToken: the federated user's name. */
  readonly Name: string;
  readonly WebIdentityToken: string;
  /** The name the issued session is kept under: a later request calls as `$as`. */
  readonly as: string;
}

export interface RequestDraft {
  readonly mode: ConsoleMode;
  readonly callerKind: CallerKind;
  /** The caller: an ARN, `$NAME`, `anonymous` or a service principal, depending on `callerKind`. */
  readonly principal: string;
  /** A federated user's name and the IAM user who called GetFederationToken for it. */
  readonly federatedName: string;
  readonly federatedIssuer: string;
  /** Made from a console session (an IAM user or a root user signed in with a password) … */
  readonly consoleSignIn: boolean;
  /** … and with the code of its MFA device. */
  readonly consoleMfa: boolean;
  readonly action: string;
  readonly resource: string;
  readonly context: readonly ContextEntry[];
  /**
   * The parameters of an IAM write the simulated IAM API plays (by API name, as typed): kept
   * across actions, sent only for the parameters the action takes (see `iamParams.ts`).
   */
  readonly params: Readonly<Record<string, string>>;
  readonly sts: StsDraft;
  /** The saved request the form was filled from, while unchanged (its every field and `expect` come along). */
  readonly exampleId?: string;
}

export const EMPTY_STS: StsDraft = {
  call: 'AssumeRole',
  RoleArn: '',
  RoleSessionName: '',
  ExternalId: '',
  DurationSeconds: '',
  SerialNumber: '',
  TokenCode: '',
  Policy: '',
  PolicyArns: '',
  Tags: '',
  SourceIdentity: '',
  Name: '',
  WebIdentityToken: '',
  as: '',
};

export const EMPTY_DRAFT: RequestDraft = {
  mode: 'api',
  callerKind: 'listed',
  principal: '',
  federatedName: '',
  federatedIssuer: '',
  consoleSignIn: false,
  consoleMfa: false,
  action: '',
  resource: '',
  context: [],
  params: {},
  sts: EMPTY_STS,
};
