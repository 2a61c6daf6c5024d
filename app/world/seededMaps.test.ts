import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../engine/scenario/types';
import { autoLayoutOf } from '../canvas/layoutCache';
import { worldGraph } from './graph';
import { layoutWorld } from './layout';
import { seedWorldMap } from './seededMaps';
import { graphOf } from './useWorld';
import { computeWorldMap } from './worldMap';

const world = (): ScenarioJson =>
  ({
    format: 'iam-playground/scenario',
    version: 1,
    accounts: [
      {
        id: '111111111111',
        users: [{ name: 'alice', groups: ['devs'], inlinePolicies: { read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } }],
        groups: [{ name: 'devs', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
        roles: [{ name: 'admin', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' }, Action: 'sts:AssumeRole' }] } }],
      },
    ],
  }) as ScenarioJson;

describe("a world's map computed by the engine worker", () => {
  it('is the graph and the layout the page would compute', () => {
    const scenario = world();
    const map = computeWorldMap(scenario);
    expect(map.graph).toEqual(worldGraph(scenario));
    expect(map.layout).toEqual(layoutWorld(worldGraph(scenario)));
  });

  it('arrives with the world in one message and shares its policy documents', () => {
    // What postMessage does to the answer: one structured clone of the world and its map.
    const sent = world();
    const { scenario, map } = structuredClone({ scenario: sent, map: computeWorldMap(sent) });
    seedWorldMap(scenario, map);
    const graph = graphOf(scenario);
    expect(graph).toBe(map.graph);
    const inline = graph.nodes.find((n) => n.kind === 'inline');
    expect(inline?.policy?.document).toBe(scenario.accounts[0]?.users?.[0]?.inlinePolicies?.['read']);
    const trust = graph.nodes.find((n) => n.kind === 'trustPolicy');
    expect(trust?.policy?.document).toBe(scenario.accounts[0]?.roles?.[0]?.trustPolicy);
    expect(autoLayoutOf(graph)).toBe(map.layout);
  });

  it('is ignored when what came beside the world is not a map: the page computes its own', () => {
    for (const beside of [undefined, null, 'map', { graph: { nodes: [] } }, { graph: { nodes: [], edges: [] }, layout: {} }]) {
      const scenario = world();
      seedWorldMap(scenario, beside);
      const graph = graphOf(scenario);
      expect(graph).toEqual(worldGraph(scenario));
      expect(autoLayoutOf(graph)).toEqual(layoutWorld(graph));
    }
  });
});
