/**
 * Sessions created by STS calls of a scenario, kept under the name the request gave
 * (`"as": "NAME"`) and by their temporary access key id, so that a later request can use
 * them as `$NAME` or sign with their credentials.
 */
import type { SessionState } from '../evaluate/principal';
import type { RoleEntity, UserEntity } from '../model/world';

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

export type IssuedSession =
  | { readonly kind: 'assumedRole'; readonly role: RoleEntity; readonly sessionName: string; readonly state: SessionState; readonly credentials: TemporaryCredentials }
  | { readonly kind: 'federatedUser'; readonly issuer: UserEntity; readonly name: string; readonly state: SessionState; readonly credentials: TemporaryCredentials }
  /** GetSessionToken: the same user (or root), with temporary credentials and maybe MFA. */
  | { readonly kind: 'userSession'; readonly user: UserEntity | undefined; readonly rootAccount: string | undefined; readonly state: SessionState; readonly credentials: TemporaryCredentials };

export class SessionStore {
  private readonly byName = new Map<string, IssuedSession>();
  private readonly byKey = new Map<string, IssuedSession>();

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
}
