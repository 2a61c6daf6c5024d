/**
 * Test helper: the real engine's answers for the worlds the decision view is tested on —
 * the guarded organization of the e2e specs (an SCP deny, a cross-account bucket) and the
 * STS flow of tests/fixtures (AssumeRole with external id and MFA, then the session) —
 * with the CloudTrail records and session summaries the worker would send. Free of Node
 * imports (the app's type check includes it): tests read the files and pass them in.
 */
import type { ManagedPolicySource } from '../../engine/data/managedPolicies';
import { compileWorld, parseScenarioText } from '../../engine/index';
import { runRequestDetailed } from '../../engine/pipeline/run';
import { SessionStore } from '../../engine/pipeline/sessions';
import type { RequestJson, ScenarioJson } from '../../engine/scenario/types';
import { counterIds } from '../../engine/trail/cloudTrail';
import { recordOutcome } from '../../engine/trail/recorded';
import type { TrailEntry } from '../store/trailSlice';

export function parseScenario(text: string): ScenarioJson {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}


/** Runs requests of a scenario in order, as the worker does, and returns their trail entries. */
export async function runAll(scenario: ScenarioJson, managed: ManagedPolicySource, ids: readonly string[], edit?: (request: RequestJson) => RequestJson): Promise<TrailEntry[]> {
  const { world } = compileWorld(scenario, managed);
  const sessions = new SessionStore();
  const newId = counterIds();
  const entries: TrailEntry[] = [];
  for (const id of ids) {
    const found = scenario.requests?.find((r) => r.id === id);
    if (!found) throw new Error(`no request \`${id}\``);
    const request = edit ? edit(found) : found;
    const outcome = await runRequestDetailed(world, request, { trace: true, sessions });
    const recorded = recordOutcome(request, outcome, { eventTime: new Date('2026-03-01T12:00:00Z'), ids: newId, sessions });
    entries.push({ id: recorded.event.eventID, request, ...recorded });
  }
  return entries;
}

/** dev-lee may attach policies to themself and create their own access keys: the IAM write tests' world. */
export const SELF_SERVICE_WORLD = (() => {
  const A = '111111111111';
  const DEV = `arn:aws:iam::${A}:user/dev-lee`;
  const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
  const scenario: ScenarioJson = {
    format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
    accounts: [{
      id: A,
      users: [{ name: 'dev-lee', inlinePolicies: { self: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'iam:CreateAccessKey'], Resource: DEV }] } } }],
    }],
  };
  return { A, DEV, ADMIN, scenario };
})();
