/**
 * Organization facts → the scenario's `organization`: the root first and every OU after its
 * parent, each account placed, the SCPs and RCPs with their documents and targets.
 */
import type { OrganizationJson, OrgPolicyJson, OrgUnitJson } from '../scenario/types';
import { at, count, countIs, type ImportFaults, type Origin } from './faults';
import { rootOfOu } from './orgIds';
import type { OrgFacts, UnitFacts } from './organizations';

/**
 * The content of AWS's managed SCP `FullAWSAccess` (`p-FullAWSAccess`): it "allows all
 * services and actions" (AWS Organizations User Guide, "SCP evaluation"), so a listing that
 * names it needs no describe-policy output.
 */
export const FULL_AWS_ACCESS_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } as const;

export interface BuiltOrganization {
  readonly organization: OrganizationJson;
  /** Every account of the organization, in the order the files name them. */
  readonly accountIds: readonly string[];
  /** Scenario JSON paths → where in the files they come from. */
  readonly origins: readonly (readonly [string, Origin])[];
}

function listed(ids: Iterable<string>, limit = 8): string {
  const all = [...ids];
  const shownIds = all.slice(0, limit).map((id) => `\`${id}\``).join(', ');
  return all.length > limit ? `${shownIds} and ${all.length - limit} more` : shownIds;
}

/** The one value the files agree on, or an error naming where they disagree. */
function agreed(values: ReadonlyMap<string, Origin>, what: string, faults: ImportFaults): string | undefined {
  const entries = [...values];
  const first = entries[0];
  if (!first) return undefined;
  for (const [value, origin] of entries.slice(1)) {
    faults.error(origin, `The files name two ${what}s: \`${value}\` here and \`${first[0]}\` at \`${at(first[1])}\`. Import one organization at a time.`);
  }
  return entries.length === 1 ? first[0] : undefined;
}

/** The organization's root: listed, attached to, or named by an OU's id. AWS Organizations has exactly one. */
function findRoot(facts: OrgFacts, faults: ImportFaults): string | undefined {
  const roots = new Map<string, Origin>();
  for (const [id, unit] of facts.roots) roots.set(id, unit.origin);
  for (const [id, unit] of facts.ous) {
    const root = rootOfOu(id);
    if (root !== undefined && !roots.has(root)) roots.set(root, unit.origin);
  }
  return agreed(roots, 'root', faults);
}

export function buildOrganization(facts: OrgFacts, faults: ImportFaults): BuiltOrganization | undefined {
  const first = facts.first;
  if (!first) return undefined;
  const orgId = agreed(facts.orgIds, 'organization', faults);
  const management = agreed(facts.managementAccounts, 'management account', faults);
  const rootId = findRoot(facts, faults);
  if (faults.failed) return undefined;
  if (orgId === undefined || management === undefined) {
    faults.error(first, `The organization's ${orgId === undefined ? 'id' : 'management account'} is not in the files: add the output of \`aws organizations describe-organization\`.`);
    return undefined;
  }
  if (rootId === undefined) {
    faults.error(first, 'The organization\'s root is not in the files: add the output of `aws organizations list-roots`.');
    return undefined;
  }
  const origins: [string, Origin][] = [['$.organization', first]];
  if (!facts.accounts.has(management)) facts.accounts.set(management, { origin: facts.managementAccounts.get(management) ?? first });
  if (facts.featureSet && facts.featureSet.value !== 'ALL') {
    faults.warn(facts.featureSet.origin, `This organization has only the \`${facts.featureSet.value}\` features: in AWS its SCPs and RCPs do not apply, but the playground applies the ones imported.`);
  }

  const units = orderUnits(facts, rootId, first, faults, origins);
  if (!units) return undefined;
  const unitIds = new Set(units.map((u) => u.id));
  const unplaced: string[] = [];
  let unplacedOrigin: Origin | undefined;
  const accounts = [...facts.accounts].map(([id, unit], i) => {
    origins.push([`$.organization.accounts[${i}]`, unit.origin]);
    const parent = unit.parent?.value;
    if (parent !== undefined && unitIds.has(parent)) return { id, parent };
    unplaced.push(id);
    unplacedOrigin ??= unit.origin;
    return { id, parent: rootId };
  });
  if (unplacedOrigin) {
    faults.warn(
      unplacedOrigin,
      `No file says where ${count(unplaced.length, 'account')} (${listed(unplaced)}) ${unplaced.length === 1 ? 'sits' : 'sit'}: placed directly under the root. Add the output of \`aws organizations list-accounts-for-parent\` (with \`"ParentId"\`) for each OU to place them.`,
    );
  }

  const policies = buildPolicies(facts, faults, origins);
  const organization: OrganizationJson = { id: orgId, managementAccount: management, units, accounts, ...(policies.length > 0 ? { policies } : {}) };
  warnUncovered(organization, facts, faults, first);
  return { organization, accountIds: accounts.map((a) => a.id), origins };
}

/** The root, then each OU after its parent. An OU with no known parent goes under the root (warned); a cycle is an error. */
function orderUnits(facts: OrgFacts, rootId: string, first: Origin, faults: ImportFaults, origins: [string, Origin][]): OrgUnitJson[] | undefined {
  const root = facts.roots.get(rootId);
  const units: OrgUnitJson[] = [{ id: rootId, name: root?.name ?? 'Root' }];
  origins.push(['$.organization.units[0]', root?.origin ?? first]);
  const children = new Map<string, [string, UnitFacts][]>();
  const guessed: string[] = [];
  let guessedOrigin: Origin | undefined;
  for (const [id, unit] of facts.ous) {
    // INVARIANT: findRoot found one root, so a parent that is a root is this one.
    const parent = unit.parent?.value ?? rootId;
    if (unit.parent === undefined) {
      guessed.push(id);
      guessedOrigin ??= unit.origin;
    }
    const list = children.get(parent) ?? [];
    list.push([id, unit]);
    children.set(parent, list);
  }
  if (guessedOrigin) {
    faults.warn(
      guessedOrigin,
      `No file says which parent ${count(guessed.length, 'OU')} (${listed(guessed)}) ${guessed.length === 1 ? 'has' : 'have'}: placed directly under the root. ` +
        '`list-organizational-units-for-parent` does not print the parent: add `"ParentId": "…"` at the top level of its output, or name the file after the parent (`ous-ou-….json`).',
    );
  }
  // Breadth-first from the root: every OU comes after its parent.
  const queue = [rootId];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const [id, unit] of children.get(next) ?? []) {
      origins.push([`$.organization.units[${units.length}]`, unit.origin]);
      units.push({ id, ...(unit.name !== undefined ? { name: unit.name } : {}), parent: next });
      queue.push(id);
    }
  }
  const reached = new Set(units.map((u) => u.id));
  const cut = [...facts.ous].filter(([id]) => !reached.has(id));
  for (const [id, unit] of cut) {
    faults.error(unit.parent?.origin ?? unit.origin, `OU \`${id}\` is, through its parents, its own ancestor (${listed(cut.map(([c]) => c))}): an organization is a tree.`);
  }
  return cut.length > 0 ? undefined : units;
}

function policyType(id: string, type: string | undefined, arn: string | undefined): string | undefined {
  if (type !== undefined) return type;
  if (id === 'p-FullAWSAccess' || arn?.includes('/service_control_policy/')) return 'SERVICE_CONTROL_POLICY';
  if (id === 'p-RCPFullAWSAccess' || arn?.includes('/resource_control_policy/')) return 'RESOURCE_CONTROL_POLICY';
  return undefined;
}

function buildPolicies(facts: OrgFacts, faults: ImportFaults, origins: [string, Origin][]): OrgPolicyJson[] {
  const policies: OrgPolicyJson[] = [];
  for (const [id, policy] of facts.policies) {
    const type = policyType(id, policy.type?.value, policy.arn);
    const label = policy.name !== undefined ? `\`${policy.name}\` (\`${id}\`)` : `\`${id}\``;
    if (type !== 'SERVICE_CONTROL_POLICY' && type !== 'RESOURCE_CONTROL_POLICY') {
      if (type === undefined) faults.warn(policy.origin, `Policy ${label} is left out: no file says its type (add the output of \`aws organizations describe-policy --policy-id ${id}\`).`);
      else faults.gather('otherPolicyTypes', policy.type?.origin ?? policy.origin, (n) => `${countIs(n, 'policy', 'policies')} of a type other than SCP and RCP (tag, backup, AI opt-out, declarative…) left out: such policies do not decide access.`);
      continue;
    }
    if (id === 'p-RCPFullAWSAccess') {
      faults.warn(policy.origin, 'AWS\'s `RCPFullAWSAccess` is not imported: it is attached everywhere and cannot be detached, and the playground always applies it.');
      continue;
    }
    const document = policy.document ?? (id === 'p-FullAWSAccess' ? FULL_AWS_ACCESS_DOCUMENT : undefined);
    if (document === undefined) {
      faults.warn(policy.origin, `Policy ${label} is left out: its content is not in the files. Add the output of \`aws organizations describe-policy --policy-id ${id}\`.`);
      continue;
    }
    const targets = [...(facts.targets.get(id)?.keys() ?? [])];
    origins.push([`$.organization.policies[${policies.length}]`, policy.origin]);
    policies.push({ name: policy.name ?? (id === 'p-FullAWSAccess' ? 'FullAWSAccess' : id), type: type === 'SERVICE_CONTROL_POLICY' ? 'SCP' : 'RCP', targets, document });
  }
  for (const [id, targets] of facts.targets) {
    if (!facts.policies.has(id)) {
      const origin = targets.values().next().value;
      if (origin) faults.warn(origin, `The targets of policy \`${id}\` are listed but not the policy: add the output of \`aws organizations describe-policy --policy-id ${id}\`.`);
    }
  }
  return policies;
}

/**
 * "Every root, OU, and account must have at least one SCP attached" (Organizations API
 * Reference, DetachPolicy): a level without one means an SCP listing is missing, and the
 * playground would deny every request of the accounts below it.
 */
function warnUncovered(organization: OrganizationJson, facts: OrgFacts, faults: ImportFaults, first: Origin): void {
  const scps = (organization.policies ?? []).filter((p) => p.type === 'SCP');
  if (scps.length === 0) {
    faults.warn(
      first,
      'No SCP is imported, yet in AWS every root, OU and account has at least one (`FullAWSAccess` unless replaced): the playground denies every request of a member account until one is attached. ' +
        'Add the outputs of `aws organizations list-policies --filter SERVICE_CONTROL_POLICY` and `list-targets-for-policy` (with `"PolicyId"`) for each SCP.',
    );
    return;
  }
  const covered = new Set(scps.flatMap((p) => p.targets ?? []));
  const bare = [...(organization.units ?? []).map((u) => u.id), ...(organization.accounts ?? []).map((a) => a.id)].filter((id) => !covered.has(id));
  if (bare.length === 0) return;
  const origin = facts.ous.get(bare[0] ?? '')?.origin ?? facts.accounts.get(bare[0] ?? '')?.origin ?? facts.roots.get(bare[0] ?? '')?.origin ?? first;
  faults.warn(
    origin,
    `No imported SCP is attached to ${listed(bare)}, yet in AWS every root, OU and account has at least one: requests of the accounts below ${bare.length === 1 ? 'it' : 'them'} are denied until one is. ` +
      'Add the `list-targets-for-policy` output (with `"PolicyId"`) of every SCP.',
  );
}
