/**
 * Playing an IAM write to see what it would really give, as the exercises play an
 * attacker's steps (engine/iamApi/play.ts): the write is judged and applied by the
 * simulated IAM API on a COPY of the scenario, and the question is asked again in the
 * changed world. So a permissions boundary, an SCP, a condition on `iam:PolicyARN`, a
 * quota or a malformed document stops an escalation exactly as it would stop the attack.
 *
 * The copy keeps only what the questions asked after the write can depend on: the
 * organization (SCPs, RCPs), every account's customer managed policies (a policy may be
 * attached across accounts by ARN), and in the acting account its groups and the
 * principals named. Other users, roles and resources cannot change whether `*` on `*`
 * (no resource-based policy) or AssumeRole between the two principals kept is allowed, and
 * leaving them out keeps each play to a few milliseconds in a large world.
 */
import type { ManagedPolicyRecord, ManagedPolicySource } from '../data/managedPolicies';
import { LiveWorld } from '../iamApi/play';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import type { World } from '../model/world';

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The document an attacker writes: every action on every resource. */
export const ADMIN_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } as const;

/**
 * AWS's AdministratorAccess (its document is exactly ADMIN_DOCUMENT), for a host that has
 * not fetched it yet (the worker fetches only the managed policies a world attaches).
 */
const ADMINISTRATOR_ACCESS_RECORD: ManagedPolicyRecord = {
  arn: ADMINISTRATOR_ACCESS, name: 'AdministratorAccess', path: '/', versionId: 'v1', document: ADMIN_DOCUMENT,
};

export function withAdministratorAccess(managed: ManagedPolicySource): ManagedPolicySource {
  return { get: (arn) => managed.get(arn) ?? (arn === ADMINISTRATOR_ACCESS ? ADMINISTRATOR_ACCESS_RECORD : undefined) };
}

/** The scenario cut down to the acting account's groups and policies and the users and roles named. */
export function reducedScenario(scenario: ScenarioJson, accountId: string, keep: ReadonlySet<string>): ScenarioJson {
  const accounts = scenario.accounts.map((a) => {
    if (a.id !== accountId) return { id: a.id, ...(a.alias ? { alias: a.alias } : {}), ...(a.policies ? { policies: a.policies } : {}) };
    return {
      id: a.id,
      ...(a.alias ? { alias: a.alias } : {}),
      ...(a.policies ? { policies: a.policies } : {}),
      ...(a.groups ? { groups: a.groups } : {}),
      users: (a.users ?? []).filter((u) => keep.has(`user/${u.name}`)),
      roles: (a.roles ?? []).filter((r) => keep.has(`role/${r.name}`)),
    };
  });
  return {
    format: scenario.format, version: scenario.version, accounts,
    ...(scenario.organization ? { organization: scenario.organization } : {}),
    ...(scenario.now ? { now: scenario.now } : {}),
  };
}

/**
 * Plays `write` (an IAM write with its parameters) in the cut-down copy; the changed world
 * when the API applied it, `undefined` when it was refused (denied, or an API error).
 */
export async function playWrite(scenario: ScenarioJson, managed: ManagedPolicySource, accountId: string, keep: ReadonlySet<string>, write: RequestJson, now: Date): Promise<World | undefined> {
  const copy = reducedScenario(scenario, accountId, keep);
  const live = new LiveWorld({ ...copy, now: now.toISOString() }, managed);
  const outcome = await live.run(write);
  return outcome.applied ? live.world : undefined;
}
