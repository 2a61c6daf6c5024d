/**
 * What React Flow is given of a large world: the nodes around the view, not all of them.
 * React Flow processes every node and link it holds on each change (its lookups, handle
 * bounds, the visibility test of every link), even when it draws only those in view; for a
 * world of thousands of nodes that, not drawing, is what makes opening and editing slow.
 * Every position is ours (placement.ts), so which nodes are near the view is known without
 * React Flow: the map hands over the nodes intersecting an area a margin larger than the
 * view, the boxes holding them (React Flow needs a node's parent), the links with an end
 * among them and those links' other ends (so a link leaving the view still leads somewhere).
 * The area moves only when the view leaves it, so panning inside it changes nothing.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { WorldEdge, WorldGraph } from '../world/graph';
import type { Box, Size } from '../world/layout';
import type { Placed } from './placement';

/** Worlds with more map nodes than this are handed to React Flow by area; smaller ones whole, as before. */
export const WINDOWED_ABOVE = 400;

/** How far the area reaches past the view on each side, as a share of the view's width and height. */
const MARGIN = 0.3;

export type Rect = Box;

/** The part of the map (its coordinates) a view of `size` pixels at `viewport` shows. */
export function visibleRect(viewport: Viewport, size: Size): Rect {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: size.width / viewport.zoom, height: size.height / viewport.zoom };
}

/** The area handed to React Flow for a view: the view and a margin around it. */
export function areaAround(view: Rect): Rect {
  const dx = view.width * MARGIN;
  const dy = view.height * MARGIN;
  return { x: view.x - dx, y: view.y - dy, width: view.width + 2 * dx, height: view.height + 2 * dy };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The bounds of the whole map (its top-level nodes hold the rest), or null for an empty one. */
export function mapBounds(placed: Placed): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const id of placed.children.get('') ?? []) {
    const b = placed.abs.get(id);
    if (!b) continue;
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return Number.isFinite(left) ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

export interface AreaContents {
  /** The nodes to hand over (their ids). */
  readonly nodes: ReadonlySet<string>;
  /** The links to hand over. */
  readonly edges: readonly WorldEdge[];
}

/**
 * What of the map React Flow needs for `area`: the nodes whose box intersects it, the links
 * with an end among them and their other ends, and the boxes holding all these. `keep` are
 * nodes needed wherever they are (the selection, a node being dragged or linked).
 */
export function areaContents(graph: WorldGraph, placed: Placed, area: Rect, keep: Iterable<string | null>): AreaContents {
  const near = new Set<string>();
  for (const [id, box] of placed.abs) if (intersects(box, area)) near.add(id);
  for (const id of keep) if (id !== null && placed.abs.has(id)) near.add(id);
  const nodes = new Set(near);
  const edges: WorldEdge[] = [];
  for (const e of graph.edges) {
    if (!near.has(e.source) && !near.has(e.target)) continue;
    edges.push(e);
    nodes.add(e.source);
    nodes.add(e.target);
  }
  // A node needs the boxes around it.
  for (const id of [...nodes]) {
    for (let up = placed.parentOf.get(id); up !== undefined && !nodes.has(up); up = placed.parentOf.get(up)) nodes.add(up);
  }
  return { nodes, edges };
}

/**
 * The scale a large world opens at when it cannot be fitted readably: its names still read
 * (12 px text shows at 9 px). Fitted at 0.3, a world of thousands showed a blur of hundreds
 * of cards, each of which React Flow draws before the first frame.
 */
export const READABLE_ZOOM = 0.75;
/** Space left between the frame's top-left corner and the map's when a large world opens on its beginning. */
const OPENING_MARGIN = 24;

/**
 * The viewport a map handed over by area opens on: fitted when the whole of it reads, else at
 * a readable scale on its beginning — the top-left, where the organization and the first
 * account are laid out — as a long document opens on its first page.
 */
export function openingViewport(placed: Placed, size: Size, fit: { readonly padding: number; readonly maxZoom: number }): Viewport {
  const bounds = mapBounds(placed);
  if (!bounds) return { x: 0, y: 0, zoom: 1 };
  const fitted = getViewportForBounds(bounds, size.width, size.height, 0, fit.maxZoom, fit.padding);
  if (fitted.zoom >= READABLE_ZOOM) return fitted;
  return { x: OPENING_MARGIN - bounds.x * READABLE_ZOOM, y: OPENING_MARGIN - bounds.y * READABLE_ZOOM, zoom: READABLE_ZOOM };
}
