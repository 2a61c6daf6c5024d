/**
 * Finding things in a world and replacing them without mutating it. Every lookup that
 * fails refuses the edit with `notFound` and the JSON path of where it looked.
 */
import { refuse } from './errors';
import type { AccountJson, GroupJson, ManagedPolicyJson, ResourceJson, RoleJson, ScenarioJson, UserJson } from '../scenario/types';

/** The list of an account that holds each kind of named entity. */
export const LIST_OF = { user: 'users', group: 'groups', role: 'roles', policy: 'policies' } as const;
export type ListKind = keyof typeof LIST_OF;
export type EntityOf<K extends ListKind> = K extends 'user' ? UserJson : K extends 'group' ? GroupJson : K extends 'role' ? RoleJson : ManagedPolicyJson;

const KIND_NOUN: Readonly<Record<ListKind | 'resource', string>> = { user: 'IAM user', group: 'group', role: 'role', policy: 'customer managed policy', resource: 'resource' };

/** How messages name a kind: `IAM user`, `group`, … */
export function kindNoun(kind: ListKind | 'resource'): string {
  return KIND_NOUN[kind];
}

/** `An IAM user`, `A group`, … — the kind with its article, to start a sentence. */
export function aKind(kind: ListKind | 'resource'): string {
  const noun = KIND_NOUN[kind];
  return `${/^[aeiouAEIOU]/.test(noun) ? 'An' : 'A'} ${noun}`;
}

/** The JSON path of the account at index `ai`. */
export function accountPath(ai: number): string {
  return `$.accounts[${ai}]`;
}

/** The index of account `id`; refuses `notFound` (marking `field`) when the world has none. */
export function accountIndex(world: ScenarioJson, id: string, field = 'account'): number {
  const ai = world.accounts.findIndex((a) => a.id === id);
  if (ai < 0) refuse('notFound', `There is no account ${id} in this world.`, '$.accounts', field, { what: 'account', name: id });
  return ai;
}

/** The account's list of `kind` (empty when the account has none). */
export function listOf<K extends ListKind>(account: AccountJson, kind: K): readonly EntityOf<K>[] {
  return (account[LIST_OF[kind]] ?? []) as readonly EntityOf<K>[];
}

/** The index of the entity named exactly `name` (names in a scenario refer by exact spelling, as the engine resolves them). */
export function entityIndex<K extends ListKind>(world: ScenarioJson, ai: number, kind: K, name: string, field = 'name'): number {
  const account = world.accounts[ai]!;
  const index = listOf(account, kind).findIndex((e) => e.name === name);
  if (index < 0) {
    refuse('notFound', `Account ${account.id} has no ${kindNoun(kind)} named \`${name}\`.`, `${accountPath(ai)}.${LIST_OF[kind]}`, field, { what: kind, name, account: account.id });
  }
  return index;
}

/** The index of the resource with exactly this ARN in the account; refuses `notFound` otherwise. */
export function resourceIndex(world: ScenarioJson, ai: number, arn: string, field = 'arn'): number {
  const account = world.accounts[ai]!;
  const index = (account.resources ?? []).findIndex((r) => r.arn === arn);
  if (index < 0) refuse('notFound', `Account ${account.id} has no resource \`${arn}\`.`, `${accountPath(ai)}.resources`, field, { what: 'resource', name: arn, account: account.id });
  return index;
}

/** IAM: "Names are not distinguished by case" — the index of another entity whose name equals `name` ignoring case. */
export function caseInsensitiveClash(list: readonly { readonly name: string }[], name: string, except = -1): number {
  const lower = name.toLowerCase();
  return list.findIndex((e, i) => i !== except && e.name.toLowerCase() === lower);
}

/** A copy of `list` with `value` at `index`. */
export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

/** A copy of `list` without the item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The world with the account at `ai` replaced by `update` of it. */
export function withAccount(world: ScenarioJson, ai: number, update: (account: AccountJson) => AccountJson): ScenarioJson {
  return { ...world, accounts: replaceAt(world.accounts, ai, update(world.accounts[ai]!)) };
}

/** Replaces the list of `kind` of an account; an emptied list is kept as `[]` (the format allows both). */
export function withList<K extends ListKind>(account: AccountJson, kind: K, list: readonly EntityOf<K>[]): AccountJson {
  return { ...account, [LIST_OF[kind]]: list };
}

/** The world with one user, group, role or policy replaced by `update` of it. */
export function withEntity<K extends ListKind>(world: ScenarioJson, ai: number, kind: K, index: number, update: (entity: EntityOf<K>) => EntityOf<K>): ScenarioJson {
  return withAccount(world, ai, (account) => {
    const list = listOf(account, kind);
    return withList(account, kind, replaceAt(list, index, update(list[index]!)));
  });
}

/** The world with one resource replaced by `update` of it. */
export function withResource(world: ScenarioJson, ai: number, index: number, update: (resource: ResourceJson) => ResourceJson): ScenarioJson {
  return withAccount(world, ai, (account) => ({ ...account, resources: replaceAt(account.resources ?? [], index, update(account.resources![index]!)) }));
}

/** `value` without the key `key` (to drop an optional field rather than set it to undefined). */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The IAM path of an entity, `/` by default (as the engine reads it). */
export function pathOf(entity: { readonly path?: string }): string {
  const path = entity.path;
  return path && path.startsWith('/') && path.endsWith('/') ? path : '/';
}
