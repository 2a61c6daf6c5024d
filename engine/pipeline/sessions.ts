/**
 * Sessions created by STS calls of a scenario, kept under the name the request gave
 * (`"as": "NAME"`) and by their temporary access key id, so that a later request can use
 * them as `$NAME` or sign with their credentials; and what each successful call returned,
 * by request id.
 */
import type { ContextValue } from '../context/types';
import type { ResolvedPrincipal, SessionState } from '../evaluate/principal';
import type { RoleEntity, UserEntity } from '../model/world';

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** What every issued session carries besides its kind. */
interface IssuedCommon {
  readonly state: SessionState;
  readonly credentials: TemporaryCredentials;
  /**
   * Request context keys every request of the session carries: for a session from
   * AssumeRoleWithWebIdentity / AssumeRoleWithSAML the provider's keys and
   * aws:FederatedProvider; for an EC2 instance or a Lambda function, ec2:SourceInstanceARN
   * or lambda:SourceFunctionArn.
   */
  readonly context?: readonly (readonly [string, ContextValue])[];
  /** The call's response, with AWS's element names. */
  readonly response?: Readonly<Record<string, unknown>>;
}

export type IssuedSession = IssuedCommon &
  (
    | { readonly kind: 'assumedRole'; readonly role: RoleEntity; readonly sessionName: string }
    | { readonly kind: 'federatedUser'; readonly issuer: UserEntity; readonly name: string }
    /** GetSessionToken: the same user (or root), with temporary credentials and maybe MFA. */
    | { readonly kind: 'userSession'; readonly user: UserEntity | undefined; readonly rootAccount: string | undefined }
  );

const NO_CONTEXT: readonly (readonly [string, ContextValue])[] = [];
const sessionContexts = new WeakMap<ResolvedPrincipal, readonly (readonly [string, ContextValue])[]>();

/** Remembers the context keys a principal resolved from an issued session carries. */
export function rememberSessionContext(principal: ResolvedPrincipal, session: IssuedSession): void {
  if (session.context && session.context.length > 0) sessionContexts.set(principal, session.context);
}

/** The context keys the session behind `principal` carries (none for a principal not from an issued session). */
export function sessionContextOf(principal: ResolvedPrincipal): readonly (readonly [string, ContextValue])[] {
  return principal.session ? sessionContexts.get(principal) ?? NO_CONTEXT : NO_CONTEXT;
}

export class SessionStore {
  private readonly byName = new Map<string, IssuedSession>();
  private readonly byKey = new Map<string, IssuedSession>();
  private readonly responses = new Map<string, Readonly<Record<string, unknown>>>();

  get(name: string): IssuedSession | undefined {
    return this.byName.get(name);
  }

  byAccessKey(id: string): IssuedSession | undefined {
    return this.byKey.get(id);
  }

  add(name: string | undefined, session: IssuedSession): void {
    if (name) this.byName.set(name, session);
    this.byKey.set(session.credentials.accessKeyId, session);
  }

  /** Keeps what a successful call returned (credentials, AssumedRoleUser, PackedPolicySize, UserId …). */
  recordResponse(requestId: string | undefined, response: Readonly<Record<string, unknown>>): void {
    if (requestId !== undefined) this.responses.set(requestId, response);
  }

  /** What the request with this id returned, if it succeeded and returns anything. */
  responseOf(requestId: string): Readonly<Record<string, unknown>> | undefined {
    return this.responses.get(requestId);
  }
}

/** A session issued by an STS call, as the app lists it (usable as a caller: `$NAME`). */
export interface SessionSummary {
  /** The request's `"as"` name, when it gave one: the session is then the caller `$NAME`. */
  readonly name?: string;
  readonly kind: IssuedSession['kind'];
  /** The session's principal ARN, e.g. `arn:aws:sts::111111111111:assumed-role/Auditor/alice`. */
  readonly arn: string;
  readonly account: string;
  readonly accessKeyId: string;
  /** ISO 8601. */
  readonly expiration: string;
  readonly mfa: boolean;
  /** The role of an assumed-role session. */
  readonly roleArn?: string;
  readonly sourceIdentity?: string;
}
