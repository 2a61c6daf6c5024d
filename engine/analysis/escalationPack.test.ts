/**
 * The six privilege-escalation exercises of the shipped pack (public/packs/iam-foundations.json):
 * in each `escalate-*` starting world the access graph shows dev-lee a path to an
 * administrator (the attack the exercise has the learner play); in each `fix-*` solution
 * world it does not (the defence the exercise asks for holds).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { compileWorld } from '../model/compile';
import type { ScenarioJson } from '../scenario/types';
import { UNCONTROLLED } from './control';
import { buildAccessGraph } from './accessGraph';
import type { AccessEdgeKind } from './types';

const managed = loadManagedPolicySourceNode();
const pack = JSON.parse(readFileSync(new URL('../../public/packs/iam-foundations.json', import.meta.url), 'utf8')) as { exercises: (ScenarioJson & { exercise: { id: string; solution?: { accounts?: ScenarioJson['accounts'] } } })[] };
const byId = (id: string) => pack.exercises.find((e) => e.exercise.id === id)!;
const DEV_LEE = 'arn:aws:iam::111111111111:user/dev-lee';

async function graphOf(scenario: ScenarioJson) {
  const { world } = compileWorld(scenario, managed);
  return buildAccessGraph({ world, scenario, managed, now: world.now ?? new Date('2026-03-01T12:00:00Z') }, UNCONTROLLED);
}

/** The starting world of a fix exercise with its solution's accounts. */
function solutionOf(id: string): ScenarioJson {
  const e = byId(id);
  return { ...e, accounts: e.exercise.solution!.accounts! };
}

const CASES: readonly [string, AccessEdgeKind][] = [
  ['create-policy-version', 'createPolicyVersion'],
  ['attach-user-policy', 'attachUserPolicy'],
  ['add-user-to-group', 'addUserToGroup'],
  ['create-access-key', 'createAccessKey'],
  ['create-login-profile', 'createLoginProfile'],
  ['update-assume-role-policy', 'updateAssumeRolePolicy'],
];

describe('the escalate-* exercises of the pack (PMapper: privilege escalation paths)', () => {
  for (const [name, kind] of CASES) {
    it(`escalate-${name}: dev-lee has an escalation path through ${kind}`, async () => {
      const graph = await graphOf(byId(`escalate-${name}`));
      const path = graph.escalations.find((e) => e.from === DEV_LEE);
      expect(path, JSON.stringify(graph.edges)).toBeDefined();
      expect(path!.edges.map((e) => e.kind)).toContain(kind);
      const to = graph.nodes.find((n) => n.principal.arn === path!.to);
      expect(to?.admin).toBeDefined();
    });

    it(`fix-${name}: in the solution world dev-lee has no escalation path`, async () => {
      const start = await graphOf(byId(`fix-${name}`));
      expect(start.escalations.some((e) => e.from === DEV_LEE)).toBe(true);
      const fixed = await graphOf(solutionOf(`fix-${name}`));
      expect(fixed.escalations.find((e) => e.from === DEV_LEE)).toBeUndefined();
      expect(fixed.nodes.find((n) => n.principal.arn === DEV_LEE)?.admin).toBeUndefined();
    });
  }
});
