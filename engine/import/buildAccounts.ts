/**
 * IAM drafts → the scenario's `accounts`, with references resolved the way the scenario
 * format writes them: a customer managed policy of the same account by its name, any other
 * managed policy (AWS managed, or another account's) by its ARN; group memberships by the
 * group's name. A reference to something no file defines is an error at the reference —
 * the usual cause is a `--filter` or a missing page.
 */
import type { AccountJson } from '../scenario/types';
import type { Draft, IamAccountFacts, IamFacts, PrincipalDraft, Reference } from './authorizationDetails';
import { count, type ImportFaults, type Origin } from './faults';
import { isAwsManagedPolicyArn, parseIamArn } from './iamArn';

export interface BuiltAccounts {
  readonly accounts: AccountJson[];
  /** Scenario JSON paths → where in the files they come from. */
  readonly origins: readonly (readonly [string, Origin])[];
}

const FILTER_HINT = 'get-account-authorization-details lists it unless it was run with a `--filter` that leaves it out, or a page of its output is missing';

function policyReference(ref: Reference, account: IamAccountFacts, iam: IamFacts, owner: string, faults: ImportFaults): string | undefined {
  if (isAwsManagedPolicyArn(ref.value)) return ref.value;
  const arn = parseIamArn(ref.value);
  if (!arn || arn.type !== 'policy') {
    faults.error(ref.origin, `${owner}: \`${ref.value}\` is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME, or arn:aws:iam::aws:policy/NAME).`);
    return undefined;
  }
  if (!iam.accounts.get(arn.account)?.policies.has(arn.name)) {
    faults.error(ref.origin, `${owner} has the managed policy \`${ref.value}\`, which no file defines (${FILTER_HINT}).`);
    return undefined;
  }
  return arn.account === account.id ? arn.name : ref.value;
}

/** The order a principal's fields are written in: who it is, who may become it, then its permissions. */
const FIELD_ORDER = ['name', 'path', 'description', 'trustPolicy', 'maxSessionDuration', 'groups', 'managedPolicies', 'inlinePolicies', 'permissionsBoundary', 'tags'];

function ordered(json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (json[key] !== undefined) out[key] = json[key];
  return out;
}

function principal(d: PrincipalDraft, account: IamAccountFacts, iam: IamFacts, faults: ImportFaults): Record<string, unknown> {
  const owner = `${d.kind.charAt(0).toUpperCase()}${d.kind.slice(1)} \`${d.name}\``;
  // INVARIANT: `d.json` holds only the readers' own keys (name, path, trustPolicy…), never a key from the file.
  const out: Record<string, unknown> = { ...d.json };
  const groups = d.groups.flatMap((ref) => {
    const group = account.groups.get(ref.value.toLowerCase());
    if (group) return [group.name];
    faults.error(ref.origin, `${owner} is in group \`${ref.value}\`, which no file of account ${account.id} defines (${FILTER_HINT}).`);
    return [];
  });
  if (groups.length > 0) out['groups'] = groups;
  const managed = d.managed.flatMap((ref) => policyReference(ref, account, iam, owner, faults) ?? []);
  if (managed.length > 0) out['managedPolicies'] = managed;
  if (d.boundary) {
    const boundary = policyReference(d.boundary, account, iam, owner, faults);
    if (boundary !== undefined) out['permissionsBoundary'] = boundary;
  }
  return ordered(out);
}

function values<T extends Draft>(map: ReadonlyMap<string, T>): T[] {
  return [...map.values()];
}

export function buildAccounts(iam: IamFacts, orgAccountIds: readonly string[], faults: ImportFaults): BuiltAccounts {
  const accounts: AccountJson[] = [];
  const origins: [string, Origin][] = [];
  for (const account of iam.accounts.values()) {
    const base = `$.accounts[${accounts.length}]`;
    origins.push([base, account.origin]);
    const json: Record<string, unknown> = { id: account.id };
    const lists = [
      ['policies', values(account.policies).map((d) => [d, d.json] as const)],
      ['users', values(account.users).map((d) => [d, principal(d, account, iam, faults)] as const)],
      ['groups', values(account.groups).map((d) => [d, principal(d, account, iam, faults)] as const)],
      ['roles', values(account.roles).map((d) => [d, principal(d, account, iam, faults)] as const)],
      ['instanceProfiles', values(account.instanceProfiles).map((d) => [d, d.json] as const)],
    ] as const;
    for (const [key, items] of lists) {
      if (items.length === 0) continue;
      json[key] = items.map(([, item]) => item);
      items.forEach(([draft], i) => origins.push([`${base}.${key}[${i}]`, draft.origin]));
    }
    for (const profile of account.instanceProfiles.values()) {
      const role = profile.json['role'];
      if (typeof role === 'string' && !account.roles.has(role.toLowerCase())) {
        faults.error(profile.origin, `Instance profile \`${profile.name}\` holds role \`${role}\`, which is not imported.`);
      }
    }
    const firstTruncated = account.truncated[0];
    if (firstTruncated && !account.ended) {
      faults.warn(
        firstTruncated,
        `More of account ${account.id}'s listing follows (\`IsTruncated\`/\`NextToken\`), and no file ends it: ${count(account.truncated.length, 'page')} of it ${account.truncated.length === 1 ? 'is' : 'are'} here, and users, groups, roles or policies may be missing. Add every page (the last has no \`Marker\`), or run the command without \`--max-items\`.`,
      );
    }
    accounts.push(json as unknown as AccountJson);
  }
  for (const id of orgAccountIds) {
    if (!iam.accounts.has(id)) accounts.push({ id });
  }
  return { accounts, origins };
}
