import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileWorld, parseScenarioText } from '../../engine/index';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph } from './graph';
import { layoutWorld, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { policySourceText } from './policyText';
import { canonicalPolicyText } from '../../engine/policy/parse';

function starter(): ScenarioJson {
  const parsed = parseScenarioText(readFileSync(new URL('../../public/samples/starter.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('worldGraph', () => {
  it('draws the sample: an account holding its entities, with membership and attachment edges', () => {
    const graph = worldGraph(starter());
    const byLabel = (kind: string) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.label).sort();
    expect(byLabel('account')).toEqual(['acme-analytics']);
    expect(byLabel('user')).toEqual(['alice', 'bob']);
    expect(byLabel('group')).toEqual(['analysts']);
    expect(byLabel('customerManaged')).toEqual(['ReadReports']);
    expect(byLabel('resourcePolicy')).toEqual(['acme-reports']);
    expect(graph.nodes.filter((n) => n.kind !== 'account' && n.kind !== 'awsManaged').every((n) => n.parent === 'acct:111111111111')).toBe(true);
    expect(graph.nodes.filter((n) => n.kind === 'awsManaged').map((n) => [n.label, n.parent])).toEqual([['IAMUserChangePassword', undefined]]);
    expect(graph.edges.map((e) => `${e.kind}:${e.source}->${e.target}`)).toContain('member:acct:111111111111/group:analysts->acct:111111111111/user:alice');
    expect(graph.edges.map((e) => `${e.kind}:${e.source}->${e.target}`)).toContain('attached:acct:111111111111/policy:ReadReports->acct:111111111111/group:analysts');
  });

  it('shares an AWS managed policy between accounts and skips names that refer to nothing', () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const world: ScenarioJson = {
      format: 'iam-playground/scenario',
      version: 1,
      accounts: [
        { id: '111111111111', users: [{ name: 'a', managedPolicies: [arn], groups: ['missing'] }] },
        { id: '222222222222', roles: [{ name: 'r', trustPolicy: {}, managedPolicies: [arn] }] },
      ],
    };
    const graph = worldGraph(world);
    const shared = graph.nodes.filter((n) => n.kind === 'awsManaged');
    expect(shared).toHaveLength(1);
    expect(shared[0]?.parent).toBeUndefined();
    expect(graph.edges.filter((e) => e.source === shared[0]?.id)).toHaveLength(2);
    expect(graph.edges.some((e) => e.kind === 'member')).toBe(false);
  });

  it("gives each policy node the engine's PolicyRef id, so a trace event leads to its node", () => {
    const scenario = starter();
    const { world } = compileWorld(scenario, loadManagedPolicySourceNode());
    const engineIds = new Set<string>();
    for (const account of world.accounts.values()) {
      for (const p of account.policies.values()) engineIds.add(p.ref.id);
      for (const u of account.users.values()) for (const p of u.managed) engineIds.add(p.ref.id);
      for (const r of account.roles.values()) engineIds.add(r.trust.ref.id);
      for (const r of account.resources.values()) if (r.policy) engineIds.add(r.policy.ref.id);
    }
    const nodeIds = new Set(worldGraph(scenario).nodes.filter((n) => n.policy).map((n) => n.id));
    expect(nodeIds).toEqual(engineIds);
  });

  it("shows a policy as the text the engine's spans refer to", () => {
    const document = starter().accounts[0]?.policies?.[0]?.document;
    expect(policySourceText(document)).toBe(canonicalPolicyText(document));
  });
});

describe('layoutWorld', () => {
  it('places every entity inside its account box without overlaps', () => {
    const graph = worldGraph(starter());
    const layout = layoutWorld(graph);
    const account = layout.get('acct:111111111111')!;
    const inside = graph.nodes.filter((n) => n.parent).map((n) => layout.get(n.id)!);
    for (const box of inside) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + NODE_WIDTH).toBeLessThanOrEqual(account.width);
      expect(box.y + NODE_HEIGHT).toBeLessThanOrEqual(account.height);
    }
    for (const a of inside)
      for (const b of inside)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });
});
