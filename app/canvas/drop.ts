/**
 * What letting go of a dragged node means: a relation with the node under the pointer
 * (the dragged node then returns to where it was), an account or OU moved into another OU, an account out of the
 * organization, a new place inside the node's own box, or — dropped outside its box with
 * nothing to link to — back to where it was. Pure: the map asks, the builder's commands act.
 */
import type { WorldEdit } from '../../engine/edit/types';
import type { XY } from '../store/worldSlice';
import type { WorldGraph, WorldNode } from '../world/graph';
import { clampInside, nodeAt, type Placed } from './placement';
import { relationOnDrop, type Relation } from './relations';

export type Drop =
  | { readonly type: 'relate'; readonly relation: Relation; readonly target: WorldNode; readonly place?: { readonly id: string; readonly at: XY } }
  | { readonly type: 'leaveOrganization'; readonly edit: WorldEdit; readonly at: XY }
  | { readonly type: 'move'; readonly at: XY }
  | { readonly type: 'return' };

function inside(box: { x: number; y: number; width: number; height: number } | undefined, p: XY): boolean {
  return !!box && p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

/** The innermost organization box (root or OU) under `point`, leaving out `exclude` and what it holds. */
function unitAt(graph: WorldGraph, placed: Placed, point: XY, exclude: string): string | undefined {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  let found: string | undefined;
  for (const id of placed.order) {
    const kind = byId.get(id)?.kind;
    if ((kind !== 'orgRoot' && kind !== 'orgUnit') || id === exclude || !inside(placed.abs.get(id), point)) continue;
    let within = false;
    for (let at: string | undefined = id; at !== undefined; at = placed.parentOf.get(at)) if (at === exclude) within = true;
    if (!within) found = id; // later in the order is deeper
  }
  return found;
}

/**
 * The drop of `dragged`, now at `rel` (relative to its box), with the pointer at `pointer`
 * (absolute map coordinates).
 */
export function dropOf(graph: WorldGraph, placed: Placed, dragged: WorldNode, rel: XY, pointer: XY): Drop {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const parent = placed.parentOf.get(dragged.id);
  const origin = parent === undefined ? { x: 0, y: 0 } : (placed.abs.get(parent) as XY);
  const absolute = { x: origin.x + rel.x, y: origin.y + rel.y };

  const hit = nodeAt(placed, pointer, dragged.id);
  const target = hit === undefined ? undefined : byId.get(hit);
  // A card under the pointer first: joining the two is what the learner most likely meant.
  if (target && !placed.boxes.has(target.id)) {
    const relation = relationOnDrop(graph, dragged, target);
    if (relation) return { type: 'relate', relation, target };
  }

  if (dragged.kind === 'account' || dragged.kind === 'orgUnit') {
    const unit = unitAt(graph, placed, pointer, dragged.id);
    if (unit !== undefined && unit !== parent) {
      const unitNode = byId.get(unit) as WorldNode;
      const relation = relationOnDrop(graph, dragged, unitNode);
      const box = placed.abs.get(unit) as XY;
      if (relation) return { type: 'relate', relation, target: unitNode, place: { id: dragged.id, at: clampInside(unit, { x: absolute.x - box.x, y: absolute.y - box.y }) } };
    }
    if (unit === undefined && parent !== undefined) {
      // An account can leave the organization; an OU cannot live outside it.
      return dragged.account
        ? { type: 'leaveOrganization', edit: { op: 'removeAccountFromOrganization', account: dragged.account }, at: { x: Math.round(absolute.x), y: Math.round(absolute.y) } }
        : { type: 'return' };
    }
    return { type: 'move', at: clampInside(parent, rel) };
  }

  if (target && placed.boxes.has(target.id) && target.id !== parent) {
    const relation = relationOnDrop(graph, dragged, target);
    if (relation) return { type: 'relate', relation, target };
  }
  // Anything else stays in its box: dropped outside it, it goes back.
  if (parent !== undefined && !inside(placed.abs.get(parent), pointer)) return { type: 'return' };
  return { type: 'move', at: clampInside(parent, rel) };
}
