/**
 * A world's map before it is drawn: its graph and its automatic layout. The engine worker
 * computes it beside a world it fetched (app/engine/engineWorker.ts) — the first visit's
 * sample, which arrives while the page's main thread is still busy starting — and the page
 * takes it as its own (./seededMaps.ts) instead of computing both again there.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph, type WorldGraph } from './graph';
import { layoutWorld, type Layout } from './layout';

export interface WorldMap {
  readonly graph: WorldGraph;
  readonly layout: Layout;
}

export function computeWorldMap(scenario: ScenarioJson): WorldMap {
  const graph = worldGraph(scenario);
  return { graph, layout: layoutWorld(graph) };
}
