/**
 * The automatic layout, computed at most once per world graph (dagre lives in this lazy
 * chunk, out of the first paint), and the placement of the current graph and positions.
 */
import type { Positions } from '../store/worldSlice';
import type { WorldGraph } from '../world/graph';
import { layoutWorld, type Layout } from '../world/layout';
import { placeNodes, type Placed } from './placement';
import { seededLayout } from '../world/seededMaps';

const layouts = new WeakMap<WorldGraph, Layout>();

export function autoLayoutOf(graph: WorldGraph): Layout {
  let layout = layouts.get(graph);
  if (!layout) {
    layout = seededLayout(graph) ?? layoutWorld(graph);
    layouts.set(graph, layout);
  }
  return layout;
}

const placements = new WeakMap<WorldGraph, { positions: Positions; placed: Placed }>();

/** Whether `positions` put every node of `graph` where the known placement drew it (its saved place, or the place it computed). */
function samePicture(graph: WorldGraph, positions: Positions, known: { readonly positions: Positions; readonly placed: Placed }): boolean {
  if (Object.keys(known.placed.computed).length === 0) return false;
  for (const n of graph.nodes) {
    const now = positions[n.id];
    const then = known.placed.computed[n.id] ?? known.positions[n.id];
    if (now === then) continue;
    if (!now || !then || now.x !== then.x || now.y !== then.y) return false;
  }
  return true;
}

/**
 * The placement of `graph` with `positions`; the last one per graph is kept (a render and an
 * action ask for the same). When the positions only took in what the last placement computed
 * (the canvas saves its automatic layout), the picture is the same: the same object is
 * returned, so nothing downstream derives it all again.
 */
export function placementOf(graph: WorldGraph, positions: Positions): Placed {
  const known = placements.get(graph);
  if (known && (known.positions === positions || samePicture(graph, positions, known))) {
    placements.set(graph, { positions, placed: known.placed });
    return known.placed;
  }
  const placed = placeNodes(graph, positions, () => autoLayoutOf(graph));
  placements.set(graph, { positions, placed });
  return placed;
}
