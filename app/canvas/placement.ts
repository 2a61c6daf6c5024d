/**
 * Where every node of the map sits: the learner's saved position if any, else — while the
 * learner has placed nothing — the automatic layout, else a free spot in its box near what
 * it is linked to (a node someone just added must not make the rest jump). Boxes grow to
 * fit what they hold. Pure: positions in, geometry out.
 */
import type { Positions, XY } from '../store/worldSlice';
import { isContainer, type WorldEdge, type WorldGraph, type WorldNode } from '../world/graph';
import { fitBox, HEADER, NODE_HEIGHT, NODE_WIDTH, PAD, type Box, type Layout, type Size } from '../world/layout';

/** Appends to the list kept under `key` (creating it). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const GAP = 24;
const TOP = '';

export interface Placed {
  /** Node ids, every box before what it holds (React Flow needs parents first). */
  readonly order: readonly string[];
  /** Position relative to the parent box (the top level for a node without one). */
  readonly rel: ReadonlyMap<string, XY>;
  readonly size: ReadonlyMap<string, Size>;
  /** Position on the whole map. */
  readonly abs: ReadonlyMap<string, Box>;
  /** What each box holds (`''`: the top level). */
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly parentOf: ReadonlyMap<string, string | undefined>;
  /** The boxes: accounts, OUs, the organization's root. */
  readonly boxes: ReadonlySet<string>;
  /** Positions the map computed rather than read from the store: saving them keeps the picture as it is. */
  readonly computed: Positions;
  /** Whether the whole picture is the automatic layout (nothing of this world was placed by hand). */
  readonly automatic: boolean;
}

/** The smallest position a node may take inside its parent: below the title, inside the padding. */
export function minInside(parent: string | undefined): XY | null {
  return parent === undefined ? null : { x: PAD, y: HEADER };
}

export function clampInside(parent: string | undefined, p: XY): XY {
  const min = minInside(parent);
  return min ? { x: Math.max(min.x, Math.round(p.x)), y: Math.max(min.y, Math.round(p.y)) } : { x: Math.round(p.x), y: Math.round(p.y) };
}

function overlaps(a: Box, b: Box, margin: number): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/** Boxes bucketed on a coarse grid, so looking for a free spot among many siblings stays cheap. */
export class Occupancy {
  private readonly cells = new Map<string, Box[]>();
  private static readonly CELL = 256;

  add(box: Box): void {
    for (const key of this.keys(box)) push(this.cells, key, box);
  }

  free(box: Box): boolean {
    for (const key of this.keys(box)) for (const other of this.cells.get(key) ?? []) if (overlaps(box, other, GAP / 2)) return false;
    return true;
  }

  private *keys(box: Box): Iterable<string> {
    const c = Occupancy.CELL;
    for (let cx = Math.floor((box.x - GAP) / c); cx <= Math.floor((box.x + box.width + GAP) / c); cx++)
      for (let cy = Math.floor((box.y - GAP) / c); cy <= Math.floor((box.y + box.height + GAP) / c); cy++) yield `${cx},${cy}`;
  }
}

/**
 * The free spot nearest `hint` for a box of `size`, searched on rings of half a box around
 * it; never left of or above `min` (a box's padding and title).
 */
export function freeSpot(occupied: Occupancy, size: Size, hint: XY, min: XY | null): XY {
  const start = min ? { x: Math.max(min.x, hint.x), y: Math.max(min.y, hint.y) } : hint;
  const stepX = Math.round((size.width + GAP) / 2);
  const stepY = Math.round((size.height + GAP) / 2);
  for (let r = 0; r <= 40; r++) {
    const ring: XY[] = [];
    for (let dx = -r; dx <= r; dx++)
      for (let dy = -r; dy <= r; dy++) if (Math.max(Math.abs(dx), Math.abs(dy)) === r) ring.push({ x: start.x + dx * stepX, y: start.y + dy * stepY });
    ring.sort((a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y));
    for (const p of ring) {
      if (min && (p.x < min.x || p.y < min.y)) continue;
      if (occupied.free({ ...p, ...size })) return { x: Math.round(p.x), y: Math.round(p.y) };
    }
  }
  return { x: Math.round(start.x), y: Math.round(start.y + 41 * stepY) };
}

function sizeOfLeaf(): Size {
  return { width: NODE_WIDTH, height: NODE_HEIGHT };
}

/**
 * Places the graph. `autoLayout` is called only when nothing of this world has a saved
 * position (it runs dagre: the caller caches it per world).
 */
export function placeNodes(graph: WorldGraph, positions: Positions, autoLayout: () => Layout): Placed {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  const parentOf = new Map<string, string | undefined>();
  for (const n of graph.nodes) {
    const parent = n.parent !== undefined && byId.has(n.parent) ? n.parent : undefined;
    parentOf.set(n.id, parent);
    const key = parent ?? TOP;
    push(children, key, n.id);
  }
  const order: string[] = [];
  const visit = (key: string) => {
    for (const id of children.get(key) ?? []) {
      order.push(id);
      visit(id);
    }
  };
  visit(TOP);

  const rel = new Map<string, XY>();
  const size = new Map<string, Size>();
  const computed: Record<string, XY> = {};
  const automatic = !graph.nodes.some((n) => positions[n.id] !== undefined);

  if (automatic) {
    const layout = autoLayout();
    for (const id of order) {
      const box = layout.get(id) ?? { x: 0, y: 0, ...sizeOfLeaf() };
      rel.set(id, { x: box.x, y: box.y });
      size.set(id, { width: box.width, height: box.height });
      computed[id] = { x: box.x, y: box.y };
    }
  } else {
    const neighbours = neighbourIndex(graph.edges);
    const placeInside = (key: string) => {
      const ids = children.get(key) ?? [];
      for (const id of ids) if (isContainer(byId.get(id) as WorldNode)) placeInside(id);
      const parent = key === TOP ? undefined : key;
      const waiting: string[] = [];
      for (const id of ids) {
        if (!size.has(id)) size.set(id, sizeOfLeaf());
        const saved = positions[id];
        if (saved) rel.set(id, clampInside(parent, saved));
        else waiting.push(id);
      }
      // Only a box with something to place needs to know where its saved nodes are.
      const occupied = new Occupancy();
      if (waiting.length > 0) for (const id of ids) if (rel.has(id)) occupied.add({ ...(rel.get(id) as XY), ...(size.get(id) as Size) });
      for (const id of waiting) {
        const s = size.get(id) as Size;
        const p = freeSpot(occupied, s, hintFor(id, parent, ids, rel, neighbours, byId), minInside(parent));
        rel.set(id, p);
        computed[id] = p;
        occupied.add({ ...p, ...s });
      }
      if (parent !== undefined && isContainer(byId.get(parent) as WorldNode)) size.set(parent, fitBox(ids.map((id) => ({ ...(rel.get(id) as XY), ...(size.get(id) as Size) }))));
    };
    placeInside(TOP);
  }

  const abs = new Map<string, Box>();
  for (const id of order) {
    const parent = parentOf.get(id);
    const origin = parent === undefined ? { x: 0, y: 0 } : (abs.get(parent) as Box);
    const p = rel.get(id) as XY;
    abs.set(id, { x: origin.x + p.x, y: origin.y + p.y, ...(size.get(id) as Size) });
  }
  const boxes = new Set(graph.nodes.filter(isContainer).map((n) => n.id));
  return { order, rel, size, abs, children, parentOf, boxes, computed, automatic };
}

function neighbourIndex(edges: readonly WorldEdge[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    push(out, e.source, e.target);
    push(out, e.target, e.source);
  }
  return out;
}

/**
 * Where a node without a saved position would like to be: beside a placed sibling it is
 * linked to (a policy left of what it is attached to, a principal right of its group),
 * else at the top left of its box, else right of everything at the top level.
 */
function hintFor(id: string, parent: string | undefined, siblings: readonly string[], rel: ReadonlyMap<string, XY>, neighbours: ReadonlyMap<string, readonly string[]>, byId: ReadonlyMap<string, WorldNode>): XY {
  const inBox = new Set(siblings);
  const node = byId.get(id) as WorldNode;
  const linked = (neighbours.get(id) ?? []).find((n) => inBox.has(n) && rel.has(n));
  if (linked) {
    const at = rel.get(linked) as XY;
    // A policy of a box (an SCP of the organization, an OU, an account) goes above it.
    if (byId.get(linked) && isContainer(byId.get(linked) as WorldNode)) return { x: at.x, y: at.y - NODE_HEIGHT - 2 * GAP };
    const left = node.policy !== undefined || node.kind === 'group';
    return { x: at.x + (left ? -(NODE_WIDTH + GAP) : NODE_WIDTH + GAP), y: at.y };
  }
  if (parent !== undefined) return { x: PAD, y: HEADER };
  let right = 0;
  for (const s of siblings) if (rel.has(s)) right = Math.max(right, (rel.get(s) as XY).x + NODE_WIDTH);
  return { x: right === 0 ? 0 : right + 3 * GAP, y: 0 };
}

/**
 * The boxes that must grow while nodes are dragged to `moved` (relative positions): each
 * moved node's parent and, in turn, theirs. Returns only the sizes that changed.
 */
export function grownBoxes(placed: Placed, moved: ReadonlyMap<string, XY>): Map<string, Size> {
  const grown = new Map<string, Size>();
  const relOf = (id: string) => moved.get(id) ?? (placed.rel.get(id) as XY);
  const sizeOf = (id: string) => grown.get(id) ?? (placed.size.get(id) as Size);
  const pending = new Set<string>();
  for (const id of moved.keys()) {
    const parent = placed.parentOf.get(id);
    if (parent !== undefined) pending.add(parent);
  }
  while (pending.size > 0) {
    const [box] = pending;
    pending.delete(box as string);
    const fit = fitBox((placed.children.get(box as string) ?? []).map((c) => ({ ...relOf(c), ...sizeOf(c) })));
    const before = placed.size.get(box as string) as Size;
    if (fit.width !== before.width || fit.height !== before.height) {
      grown.set(box as string, fit);
      const up = placed.parentOf.get(box as string);
      if (up !== undefined) pending.add(up);
    }
  }
  return grown;
}

/**
 * The node under a point of the map (absolute coordinates), leaving out `exclude` and what
 * it holds: a card before the box around it, an inner box before the outer one.
 */
export function nodeAt(placed: Placed, point: XY, exclude?: string): string | undefined {
  const inside = (box: Box) => point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
  const excluded = (id: string): boolean => {
    for (let at: string | undefined = id; at !== undefined; at = placed.parentOf.get(at)) if (at === exclude) return true;
    return false;
  };
  let box: string | undefined;
  for (let i = placed.order.length - 1; i >= 0; i--) {
    const id = placed.order[i] as string;
    if (!inside(placed.abs.get(id) as Box) || excluded(id)) continue;
    if (!placed.boxes.has(id)) return id;
    // Later in the order is deeper, so the first box found is the innermost.
    box ??= id;
  }
  return box;
}

/**
 * Where a new node of `size` goes in box `parent` (undefined: the top level): the free spot
 * nearest the point the learner asked at (`at`, absolute; the node centred on it), kept
 * inside the box; without a point, the box's top left (or right of everything on top).
 */
export function placeNew(placed: Placed, parent: string | undefined, size: Size, at?: XY): XY {
  const box = parent === undefined ? undefined : placed.abs.get(parent);
  const siblings = placed.children.get(parent ?? TOP) ?? [];
  const occupied = new Occupancy();
  for (const id of siblings) occupied.add({ ...(placed.rel.get(id) as XY), ...(placed.size.get(id) as Size) });
  let hint: XY;
  if (at) {
    const corner = { x: at.x - size.width / 2, y: at.y - size.height / 2 };
    hint = box
      ? {
          x: Math.min(Math.max(corner.x, box.x + PAD), Math.max(box.x + PAD, box.x + box.width - size.width - PAD)) - box.x,
          y: Math.min(Math.max(corner.y, box.y + HEADER), Math.max(box.y + HEADER, box.y + box.height - size.height - PAD)) - box.y,
        }
      : corner;
  } else if (box) {
    hint = { x: PAD, y: HEADER };
  } else {
    let right = 0;
    for (const id of siblings) right = Math.max(right, (placed.rel.get(id) as XY).x + (placed.size.get(id) as Size).width);
    hint = { x: siblings.length === 0 ? 0 : right + 3 * GAP, y: 0 };
  }
  const spot = freeSpot(occupied, size, hint, minInside(parent));
  return alignedSpot(spot, size, siblings.map((id) => ({ ...(placed.rel.get(id) as XY), ...(placed.size.get(id) as Size) })), occupied, minInside(parent));
}

/**
 * A free spot moved level with a nearby sibling's left edge or top (when it stays free), so
 * what the learner adds lines up with what is there instead of landing a few pixels off.
 */
export function alignedSpot(spot: XY, size: Size, siblings: readonly Box[], occupied: Occupancy, min: XY | null): XY {
  /** The edge nearest `value` within `reach`, else `value`. */
  const near = (value: number, edges: readonly number[], reach: number) => {
    let best = value;
    let distance = reach;
    for (const e of edges) {
      if (Math.abs(e - value) < distance) {
        best = e;
        distance = Math.abs(e - value);
      }
    }
    return best;
  };
  const x = near(spot.x, siblings.map((b) => b.x), NODE_WIDTH / 3);
  const y = near(spot.y, siblings.map((b) => b.y), NODE_HEIGHT / 2);
  const fits = (p: XY) => (!min || (p.x >= min.x && p.y >= min.y)) && occupied.free({ ...p, ...size });
  for (const p of [{ x, y }, { x, y: spot.y }, { x: spot.x, y }]) if (fits(p)) return p;
  return spot;
}
