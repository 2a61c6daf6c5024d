/**
 * Accounts of a world: creating one (a 12-digit id, unique), its alias, deleting one with
 * everything in it and every reference other accounts and requests make to it.
 */
import { refuse } from './errors';
import { checkAccountId, checkAlias } from './naming';
import { forgetAccount } from './organization';
import { dropRefsToAccountPolicies } from './references';
import { dropRequestsLosingCaller } from './requests';
import { accountIndex, accountPath, removeAt, withAccount, without } from './world';
import type { AccountJson, ScenarioJson } from '../scenario/types';

/** An alias is unique across AWS ("IAM and AWS STS quotas": account aliases "must be unique across all Amazon Web Services products"); here, across the world. */
function checkAliasFree(world: ScenarioJson, alias: string, except: string | undefined): void {
  const other = world.accounts.findIndex((a) => a.alias === alias && a.id !== except);
  if (other >= 0) refuse('nameTaken', `Alias \`${alias}\` is already the alias of account ${world.accounts[other]!.id}; an account alias is unique across AWS.`, `${accountPath(other)}.alias`, 'alias', { name: alias });
}

export function createAccount(world: ScenarioJson, id: string, alias?: string): ScenarioJson {
  const at = accountPath(world.accounts.length);
  checkAccountId(id, at);
  const existing = world.accounts.findIndex((a) => a.id === id);
  if (existing >= 0) refuse('accountTaken', `Account ${id} is already in this world.`, accountPath(existing), 'id', { id });
  if (alias !== undefined) {
    checkAlias(alias, `${at}.alias`);
    checkAliasFree(world, alias, undefined);
  }
  const account: AccountJson = alias === undefined ? { id } : { id, alias };
  return { ...world, accounts: [...world.accounts, account] };
}

/** Sets (or with `null` removes) an account's alias; setting the alias it already has changes nothing. */
export function updateAccount(world: ScenarioJson, id: string, alias: string | null): ScenarioJson {
  const ai = accountIndex(world, id, 'id');
  const current = world.accounts[ai]!.alias;
  if ((current ?? null) === alias) return world;
  if (alias === null) return withAccount(world, ai, (a) => without(a, 'alias'));
  checkAlias(alias, `${accountPath(ai)}.alias`);
  checkAliasFree(world, alias, id);
  return withAccount(world, ai, (a) => ({ ...a, alias }));
}

/**
 * Removes an account with everything in it: its place in the organization, other accounts'
 * attachments of its policies by ARN, and the requests made by its principals. A world
 * keeps at least one account (the format requires one), and the organization's
 * management account goes only with the organization.
 */
export function deleteAccount(world: ScenarioJson, id: string): ScenarioJson {
  const ai = accountIndex(world, id, 'id');
  if (world.accounts.length === 1) refuse('lastAccount', `Account ${id} is the only account of this world; a world needs at least one account.`, accountPath(ai), 'id', { account: id });
  let next = forgetAccount(world, id);
  next = { ...next, accounts: removeAt(next.accounts, ai) };
  next = dropRefsToAccountPolicies(next, id);
  return dropRequestsLosingCaller(next, (caller) => caller.account === id);
}
