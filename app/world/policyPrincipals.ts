/**
 * The principals a policy document names in its Allow statements, as written: for a trust
 * policy, who may assume the role — the Allow statements whose actions include an
 * AssumeRole action (IAM User Guide, "Role trust policies": the trust policy names the
 * principals that can assume the role; a Deny only takes away); for a resource-based
 * policy, who it grants access to. The map draws them as edges and the inspector lists
 * them; the engine remains the one that decides a request.
 */
import { actionMatches } from '../../engine/match/action';
import type { ScenarioJson } from '../../engine/scenario/types';
import { nodeId } from './ids';

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';

export interface TrustedPrincipal {
  readonly type: PrincipalType;
  /** As the policy writes it: an ARN, an account ID, a service, a provider, or `*`. */
  readonly value: string;
  /** True when every statement that names it carries a Condition (it may assume the role only when the condition holds). */
  readonly conditional: boolean;
}

/** The actions that let a principal assume a role (sts:AssumeRole and its federated forms). */
export const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'] as const;

type Json = unknown;

function asList(value: Json): readonly Json[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function strings(value: Json): string[] {
  return asList(value).filter((v): v is string => typeof v === 'string');
}

/** Per Action pattern, which AssumeRole actions it matches. */
const assumeMatches = new Map<string, readonly boolean[]>();

/**
 * Which AssumeRole actions an Action pattern matches (the engine's action matching:
 * case-insensitive, wildcards). Asked once per pattern: a world's trust policies repeat the
 * same few (`sts:AssumeRole`), and the map asks for every role of the world.
 */
function assumeActionsMatched(pattern: string): readonly boolean[] {
  let matched = assumeMatches.get(pattern);
  if (!matched) {
    matched = ASSUME_ACTIONS.map((a) => actionMatches(pattern, a));
    // Patterns come from the learner's policies: a world holds a few; the memo is bounded all the same.
    if (assumeMatches.size >= 1000) assumeMatches.clear();
    assumeMatches.set(pattern, matched);
  }
  return matched;
}

/** Whether a statement's actions include an AssumeRole action. */
export function allowsAssume(statement: Readonly<Record<string, Json>>): boolean {
  if ('Action' in statement) {
    const patterns = strings(statement.Action);
    return ASSUME_ACTIONS.some((_, i) => patterns.some((p) => assumeActionsMatched(p)[i]));
  }
  if ('NotAction' in statement) {
    const excluded = strings(statement.NotAction);
    return ASSUME_ACTIONS.some((_, i) => !excluded.some((p) => assumeActionsMatched(p)[i]));
  }
  return false;
}

/** The principals a trust policy lets assume its role, in the order the policy names them. */
export function trustedPrincipals(document: Json): TrustedPrincipal[] {
  return allowedPrincipals(document, allowsAssume);
}

/** The principals of the Allow statements that `keep` accepts, in the order the policy names them. */
export function allowedPrincipals(document: Json, keep: (statement: Readonly<Record<string, Json>>) => boolean = () => true): TrustedPrincipal[] {
  if (!document || typeof document !== 'object') return [];
  const found = new Map<string, { type: PrincipalType; value: string; conditional: boolean }>();
  const add = (type: PrincipalType, value: string, conditional: boolean) => {
    const key = `${type}\u0000${value}`;
    const seen = found.get(key);
    if (seen) seen.conditional &&= conditional;
    else found.set(key, { type, value, conditional });
  };
  for (const s of asList((document as Record<string, Json>).Statement)) {
    if (!s || typeof s !== 'object') continue;
    const statement = s as Record<string, Json>;
    if (statement.Effect !== 'Allow' || !keep(statement)) continue;
    const conditional = statement.Condition !== undefined;
    const principal = statement.Principal;
    if (principal === '*') add('*', '*', conditional);
    else if (principal && typeof principal === 'object' && !Array.isArray(principal)) {
      for (const [type, values] of Object.entries(principal as Record<string, Json>)) {
        if (type === 'AWS' || type === 'Service' || type === 'Federated' || type === 'CanonicalUser') {
          for (const value of strings(values)) add(value === '*' && type === 'AWS' ? '*' : type, value, conditional);
        }
      }
    }
  }
  return [...found.values()];
}

export type PrincipalKind = 'user' | 'role' | 'roleSession' | 'account' | 'service' | 'federated' | 'everyone' | 'other';

export interface PrincipalDescription {
  readonly kind: PrincipalKind;
  /** A short name: the user's or role's name, the account's alias or ID, the service. */
  readonly name: string;
  /** The map node it stands for, when the world has it. */
  readonly nodeId?: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:[^:]+:iam::(\d{12}):(root|user|role)(?:\/(.*))?$/;
const SESSION_ARN = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;

/** What a trusted principal is, in the terms of this world. */
export function describePrincipal(world: ScenarioJson, principal: TrustedPrincipal): PrincipalDescription {
  const { type, value } = principal;
  if (type === '*') return { kind: 'everyone', name: '*' };
  if (type === 'Service') return { kind: 'service', name: value };
  if (type === 'Federated') return { kind: 'federated', name: value };
  if (type !== 'AWS') return { kind: 'other', name: value };
  const account = (id: string) => {
    const a = world.accounts.find((x) => x.id === id);
    return a ? { kind: 'account' as const, name: a.alias ?? a.id, nodeId: nodeId.account(id) } : { kind: 'account' as const, name: id };
  };
  if (ACCOUNT_ID.test(value)) return account(value);
  const session = SESSION_ARN.exec(value);
  if (session) return { kind: 'roleSession', name: `${session[2]}/${session[3]}` };
  const m = IAM_ARN.exec(value);
  if (!m) return { kind: 'other', name: value };
  const [, id, type2, rest = ''] = m as unknown as [string, string, 'root' | 'user' | 'role', string | undefined];
  if (type2 === 'root') return account(id);
  // The name is the ARN's last segment; what comes before it is the path.
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  const path = `/${rest.slice(0, rest.length - name.length)}`;
  const acct = world.accounts.find((a) => a.id === id);
  const list = type2 === 'user' ? acct?.users : acct?.roles;
  const entity = list?.find((e) => e.name === name && (e.path ?? '/') === path);
  const node = entity ? (type2 === 'user' ? nodeId.user(id, name) : nodeId.role(id, name)) : undefined;
  return node ? { kind: type2, name, nodeId: node } : { kind: type2, name };
}
