/**
 * Shared by the scenario-driven test files: load a fixture, and play requests in its world
 * in order with one session store (so `as`/`$NAME` and issued credentials carry over).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManagedPolicySourceNode } from '../engine/data/nodeManagedPolicies';
import type { DecisionResult } from '../engine/evaluate/types';
import { compileWorld } from '../engine/model/compile';
import { runRequest } from '../engine/pipeline/run';
import { SessionStore } from '../engine/pipeline/sessions';
import { parseDocumentText } from '../engine/scenario/load';
import type { RequestJson, ScenarioJson } from '../engine/scenario/types';
import { validateDocument } from '../engine/scenario/validate';
import { repoRoot } from './scenarioFiles';

const managed = loadManagedPolicySourceNode();

/** A fixture file of tests/fixtures, validated. */
export function loadFixture(name: string): ScenarioJson {
  const loaded = parseDocumentText(readFileSync(join(repoRoot, 'tests', 'fixtures', name), 'utf8'));
  if (!loaded.ok || loaded.kind !== 'scenario') throw new Error(`${name} is not a valid scenario`);
  return loaded.scenario;
}

/** Plays `requests` in `scenario`'s world, in order, sharing one session store. */
export async function play(requests: (RequestJson & { id: string })[], scenario: ScenarioJson) {
  const full = { ...scenario, requests };
  const validated = validateDocument(full);
  if (!validated.ok) throw new Error(validated.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const { world, faults } = compileWorld(full, managed);
  if (faults.length > 0) throw new Error(faults.map((f) => f.message).join('\n'));
  const sessions = new SessionStore();
  const results = new Map<string, DecisionResult>();
  for (const request of requests) results.set(request.id, await runRequest(world, request, { trace: true, sessions }));
  return {
    sessions,
    get: (id: string) => results.get(id)!,
    decision: (id: string) => results.get(id)!.decision,
    response: (id: string) => (sessions.responseOf(id) ?? {}) as Record<string, unknown>,
    context: (id: string) => Object.fromEntries(results.get(id)!.context) as Record<string, unknown>,
  };
}

/** A request of a fixture, without its expectation. */
export function requestOf(scenario: ScenarioJson, id: string): RequestJson & { id: string } {
  const request = scenario.requests!.find((r) => r.id === id);
  if (!request) throw new Error(`no request ${id} in the fixture`);
  const { expect: _expect, ...rest } = request;
  return { ...rest, id };
}
