/**
 * The world's graph, computed once per world (the ScenarioJson object is replaced, never
 * mutated, so its identity is the cache key), or the one the engine worker computed beside
 * it (./seededMaps.ts). Its layout lives with the lazy canvas
 * (canvas/layoutCache.ts), so dagre stays out of the first paint.
 */
import { useAppStore } from '../store';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph, type WorldGraph } from './graph';
import { seededGraph } from './seededMaps';

const graphs = new WeakMap<ScenarioJson, WorldGraph>();

export function graphOf(world: ScenarioJson): WorldGraph {
  let graph = graphs.get(world);
  if (!graph) {
    graph = seededGraph(world) ?? worldGraph(world);
    graphs.set(world, graph);
  }
  return graph;
}

/** The graph of the current world, or null while none is loaded. */
export function useWorldGraph(): WorldGraph | null {
  const world = useAppStore((s) => s.world);
  return world ? graphOf(world) : null;
}
