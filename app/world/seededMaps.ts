/**
 * Maps computed off the page's thread: the engine worker sends the map of a world it fetched
 * (./worldMap.ts) with the world itself, and the page takes it as that world's own
 * (./useWorld.ts `graphOf`, canvas/layoutCache.ts). Kept apart from the graph's code and the
 * store so the page's small entry, which receives the first visit's sample, can hold it.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import type { WorldGraph } from './graph';
import type { Layout } from './layout';
import type { WorldMap } from './worldMap';

const graphs = new WeakMap<ScenarioJson, WorldGraph>();
const layouts = new WeakMap<WorldGraph, Layout>();

/**
 * Takes `map` as `world`'s own. It came in the same message as the world, so its policy
 * documents are the world's own objects. Anything that is not a map is ignored (the page
 * then computes the map itself).
 */
export function seedWorldMap(world: ScenarioJson, map: unknown): void {
  if (!isWorldMap(map)) return;
  graphs.set(world, map.graph);
  layouts.set(map.graph, map.layout);
}

/** The graph that came with `world`, if any. */
export function seededGraph(world: ScenarioJson): WorldGraph | undefined {
  return graphs.get(world);
}

/** The automatic layout that came with `graph`, if any. */
export function seededLayout(graph: WorldGraph): Layout | undefined {
  return layouts.get(graph);
}

function isWorldMap(value: unknown): value is WorldMap {
  const map = value as Partial<WorldMap> | null;
  return typeof map === 'object' && map !== null && Array.isArray(map.graph?.nodes) && Array.isArray(map.graph?.edges) && map.layout instanceof Map;
}
