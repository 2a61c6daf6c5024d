/**
 * The world's derived views, computed once per world (the ScenarioJson object is
 * replaced, never mutated, so its identity is the cache key).
 */
import { useAppStore } from '../store';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph, type WorldGraph } from './graph';
import { layoutWorld, type Layout } from './layout';

const graphs = new WeakMap<ScenarioJson, WorldGraph>();
const layouts = new WeakMap<ScenarioJson, Layout>();

export function graphOf(world: ScenarioJson): WorldGraph {
  let graph = graphs.get(world);
  if (!graph) {
    graph = worldGraph(world);
    graphs.set(world, graph);
  }
  return graph;
}

export function layoutOf(world: ScenarioJson): Layout {
  let layout = layouts.get(world);
  if (!layout) {
    layout = layoutWorld(graphOf(world));
    layouts.set(world, layout);
  }
  return layout;
}

/** The graph of the current world, or null while none is loaded. */
export function useWorldGraph(): WorldGraph | null {
  const world = useAppStore((s) => s.world);
  return world ? graphOf(world) : null;
}
