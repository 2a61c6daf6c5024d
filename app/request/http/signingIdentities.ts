/**
 * Who can sign a request in the playground: every access key the world lists (an IAM
 * user's or a root user's, with its status and whether the scenario knows its secret) and
 * every session an STS call issued (temporary credentials). The engine signs; this only
 * lists what the learner may choose, as the world and the engine describe it.
 */
import type { SessionSummary } from '../../../engine/pipeline/sessions';
import type { ScenarioJson } from '../../../engine/scenario/types';

export interface KeyIdentity {
  readonly kind: 'accessKey';
  readonly accessKeyId: string;
  /** The user's name, or `root`. */
  readonly owner: string;
  /** The account's alias, else its id. */
  readonly account: string;
  readonly group: 'users' | 'roots';
  readonly status: 'Active' | 'Inactive';
  /** False when the scenario does not hold the key's secret: the playground cannot sign with it. */
  readonly secretKnown: boolean;
}

export interface SessionIdentity {
  readonly kind: 'session';
  readonly accessKeyId: string;
  /** `$NAME` when the STS call named the session (`as`). */
  readonly name?: string;
  readonly arn: string;
  /** ISO 8601, as the engine issued it. */
  readonly expiration: string;
}

export type SigningIdentity = KeyIdentity | SessionIdentity;

/** The world's access keys (users first, then root users), then the issued sessions, newest last. */
export function signingIdentities(world: ScenarioJson | null | undefined, sessions: readonly SessionSummary[]): SigningIdentity[] {
  const keys: KeyIdentity[] = [];
  const roots: KeyIdentity[] = [];
  for (const account of world?.accounts ?? []) {
    const where = account.alias ?? account.id;
    for (const user of account.users ?? []) {
      for (const key of user.accessKeys ?? []) {
        keys.push({ kind: 'accessKey', accessKeyId: key.id, owner: user.name, account: where, group: 'users', status: key.status ?? 'Active', secretKnown: !!key.secret });
      }
    }
    for (const key of account.root?.accessKeys ?? []) {
      roots.push({ kind: 'accessKey', accessKeyId: key.id, owner: 'root', account: where, group: 'roots', status: key.status ?? 'Active', secretKnown: !!key.secret });
    }
  }
  const issued: SessionIdentity[] = sessions.map((s) => ({
    kind: 'session',
    accessKeyId: s.accessKeyId,
    ...(s.name !== undefined ? { name: s.name } : {}),
    arn: s.arn,
    expiration: s.expiration,
  }));
  return [...keys, ...roots, ...issued];
}
