/** The map's layout, computed once per world (see world/useWorld.ts for the graph). */
import type { ScenarioJson } from '../../engine/scenario/types';
import { layoutWorld, type Layout } from '../world/layout';
import { graphOf } from '../world/useWorld';

const layouts = new WeakMap<ScenarioJson, Layout>();

export function layoutOf(world: ScenarioJson): Layout {
  let layout = layouts.get(world);
  if (!layout) {
    layout = layoutWorld(graphOf(world));
    layouts.set(world, layout);
  }
  return layout;
}
