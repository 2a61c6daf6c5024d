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

/**
 * The sessions issued so far. A store made `over` another one reads through to it but
 * keeps what it adds to itself: a what-if evaluation uses one, so the session it would
 * issue is usable within that evaluation and then forgotten.
 */
export class SessionStore {
  private readonly byName = new Map<string, IssuedSession>();
  private readonly byKey = new Map<string, IssuedSession>();
  private readonly names = new Map<IssuedSession, string>();
  private readonly responses = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(private readonly parent?: SessionStore) {}

  /** A store that sees this one's sessions and keeps its own additions to itself. */
  overlay(): SessionStore {
    return new SessionStore(this);
  }

  get(name: string): IssuedSession | undefined {
    return this.byName.get(name) ?? this.parent?.get(name);
  }

  byAccessKey(id: string): IssuedSession | undefined {
    return this.byKey.get(id) ?? this.parent?.byAccessKey(id);
  }

  add(name: string | undefined, session: IssuedSession): void {
    if (name) {
      // A later request with the same `as` replaces the name's session; the earlier credentials stay valid.
      const previous = this.byName.get(name);
      if (previous) this.names.delete(previous);
      this.byName.set(name, session);
      this.names.set(session, name);
    }
    this.byKey.set(session.credentials.accessKeyId, session);
  }

  /** The `as` name a session was issued under, if it still carries it. */
  nameOf(session: IssuedSession): string | undefined {
    return this.names.get(session) ?? this.parent?.nameOf(session);
  }

  /** Every session issued (through this store's own additions only), oldest first. */
  list(): readonly IssuedSession[] {
    return [...this.byKey.values()];
  }

  /** Forgets every session and response this store holds (not its parent's). */
  clear(): void {
    this.byName.clear();
    this.byKey.clear();
    this.names.clear();
    this.responses.clear();
  }

  /** Keeps what a successful call returned (credentials, AssumedRoleUser, PackedPolicySize, UserId …). */
  recordResponse(requestId: string | undefined, response: Readonly<Record<string, unknown>>): void {
    if (requestId !== undefined) this.responses.set(requestId, response);
  }

  /** What the request with this id returned, if it succeeded and returns anything. */
  responseOf(requestId: string): Readonly<Record<string, unknown>> | undefined {
    return this.responses.get(requestId) ?? this.parent?.responseOf(requestId);
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

/** The principal ARN and account of an issued session, as STS named it when it issued it. */
export function sessionArn(session: IssuedSession): { readonly arn: string; readonly account: string } {
  switch (session.kind) {
    case 'assumedRole':
      return { arn: `arn:aws:sts::${session.role.account.id}:assumed-role/${session.role.name}/${session.sessionName}`, account: session.role.account.id };
    case 'federatedUser':
      return { arn: `arn:aws:sts::${session.issuer.account.id}:federated-user/${session.name}`, account: session.issuer.account.id };
    case 'userSession': {
      const account = session.user?.account.id ?? session.rootAccount ?? '';
      return { arn: session.user?.arn ?? `arn:aws:iam::${account}:root`, account };
    }
  }
}

/** A session as the app lists it. */
export function summarizeSession(session: IssuedSession, name: string | undefined): SessionSummary {
  const { arn, account } = sessionArn(session);
  return {
    ...(name === undefined ? {} : { name }),
    kind: session.kind,
    arn,
    account,
    accessKeyId: session.credentials.accessKeyId,
    expiration: session.credentials.expiration.toISOString(),
    mfa: session.state.mfa === true,
    ...(session.kind === 'assumedRole' ? { roleArn: session.role.arn } : {}),
    ...(session.state.sourceIdentity === undefined ? {} : { sourceIdentity: session.state.sourceIdentity }),
  };
}
