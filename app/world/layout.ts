/**
 * The automatic layout of the map, used where the learner has placed nothing yet (and by
 * "Tidy up"). Boxes nest: the organization's root holds OUs and accounts, an OU holds OUs
 * and accounts, an account holds its entities. Laid out bottom-up:
 *   1. inside every account, left to right in columns by kind (policies → groups →
 *      principals and resources), linked cards level with each other;
 *   2. every OU and the organization's root: their boxes in rows;
 *   3. the top level — the organization, accounts outside it, AWS managed policies, SCPs
 *      and RCPs — with dagre, top to bottom, a policy above what it applies to.
 * Passes rather than dagre's compound mode, which lets clusters overlap once they get a
 * header and padding. Every position is relative to the node's parent box, as React Flow
 * wants it.
 */
import dagre from '@dagrejs/dagre';
import type { EdgeKind, NodeKind, WorldGraph, WorldNode } from './graph';

/** Appends to the list kept under `key` (creating it). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The column of each kind inside an account. A learner reads permissions flowing left to
 * right: a policy, the group it is attached to, the user in the group.
 */
const COLUMN: Readonly<Partial<Record<NodeKind, number>>> = {
  customerManaged: 0,
  awsManaged: 0,
  inline: 0,
  trustPolicy: 0,
  resourcePolicy: 0,
  group: 1,
  user: 2,
  root: 2,
  role: 2,
  resource: 2,
};

/** Relations between principals (who may assume a role, who a bucket lets in) would break the columns: ranked without them. */
const RANKED_EDGES: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['member', 'attached', 'boundary', 'inline', 'resourcePolicy', 'trust']);

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Box extends Size {
  readonly x: number;
  readonly y: number;
}

/** Top-left positions and sizes; a node inside a box is positioned relative to that box. */
export type Layout = ReadonlyMap<string, Box>;

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 56;
/** Space between a box's border and what it holds. */
export const PAD = 16;
/** Room for a box's title bar. */
export const HEADER = 48;
/** The smallest box: room for its title. */
export const MIN_BOX: Size = { width: 260, height: HEADER + NODE_HEIGHT + PAD };
/** Above this many nodes the top level is laid out in rows rather than by dagre (whose ranking grows too slow). */
const DAGRE_LIMIT = 60;
const GAP = 24;

/** The size of a box that fits `children` (relative boxes), never smaller than MIN_BOX. */
export function fitBox(children: Iterable<Box>): Size {
  let width = MIN_BOX.width;
  let height = MIN_BOX.height;
  for (const c of children) {
    width = Math.max(width, c.x + c.width + PAD);
    height = Math.max(height, c.y + c.height + PAD);
  }
  return { width, height };
}

export interface DagreInput {
  readonly ids: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
  readonly size: (id: string) => Size;
  readonly rankdir: 'LR' | 'TB';
  readonly ranksep: number;
}

const NODE_SEP = 18;

/**
 * What dagre makes of nodes with no edge between them, top to bottom: one rank, the nodes
 * side by side in their order `NODE_SEP` apart, centred on the rank's middle line. Computed
 * directly: a world of many accounts and no link across them is common, and dagre's whole
 * pipeline, run once as a world opens, costs tens of milliseconds for this one row.
 */
function oneRank(ids: readonly string[], size: (id: string) => Size): Map<string, Box> {
  const sizes = ids.map(size);
  const tallest = Math.max(0, ...sizes.map((s) => s.height));
  const boxes = new Map<string, Box>();
  let x = 0;
  ids.forEach((id, i) => {
    const s = sizes[i] as Size;
    boxes.set(id, { x, y: (tallest - s.height) / 2, width: s.width, height: s.height });
    x += s.width + NODE_SEP;
  });
  return boxes;
}

/** Lays out `ids` with dagre; the boxes start at the origin. */
export function runDagre({ ids, edges, size, rankdir, ranksep }: DagreInput): Map<string, Box> {
  if (rankdir === 'TB' && edges.every(([s, t]) => s === t)) return oneRank(ids, size);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir, nodesep: NODE_SEP, ranksep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) {
    const s = size(id);
    g.setNode(id, { width: s.width, height: s.height });
  }
  for (const [s, t] of edges) if (s !== t) g.setEdge(s, t);
  dagre.layout(g);
  const boxes = new Map<string, Box>();
  let minX = Infinity;
  let minY = Infinity;
  for (const id of ids) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    boxes.set(id, { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height });
    minX = Math.min(minX, n.x - n.width / 2);
    minY = Math.min(minY, n.y - n.height / 2);
  }
  for (const [id, box] of boxes) boxes.set(id, { ...box, x: box.x - (Number.isFinite(minX) ? minX : 0), y: box.y - (Number.isFinite(minY) ? minY : 0) });
  return boxes;
}

const ROW_GAP = 18;
const COLUMN_GAP = 44;

/**
 * Inside an account: one column per kind, left to right, ordered so that linked cards face
 * each other (a few barycentre sweeps, as layered layouts do) and each card placed level
 * with what it is linked to in the column before. Linear in the size of the account, so a
 * large world opens at once (dagre's ranking took seconds past a few dozen cards). A column
 * taller than about a square's side wraps into several.
 */
function columnLayout(ids: readonly string[], edges: readonly (readonly [string, string])[], column: (id: string) => number): Map<string, Box> {
  const columns = new Map<number, string[]>();
  for (const id of ids) push(columns, column(id), id);
  const order = [...columns.keys()].sort((a, b) => a - b);
  const links = new Map<string, string[]>();
  for (const [a, b] of edges) {
    push(links, a, b);
    push(links, b, a);
  }
  // Each card's column, asked once: the sweeps below look at every link of every card six times.
  const columnOf = new Map<string, number>();
  for (const id of ids) columnOf.set(id, column(id));
  const columnAt = (id: string) => columnOf.get(id) ?? column(id);
  const index = new Map<string, number>();
  const reindex = (c: number) => (columns.get(c) ?? []).forEach((id, i) => index.set(id, i));
  order.forEach(reindex);
  // Order each column by the mean place of its links in the column beside it, forward then back.
  const sweep = (c: number, towards: number) => {
    const list = columns.get(c);
    if (!list || !columns.has(towards)) return;
    const keyed = list.map((id) => {
      let sum = 0;
      let count = 0;
      for (const n of links.get(id) ?? []) {
        if (columnAt(n) !== towards) continue;
        sum += index.get(n) as number;
        count++;
      }
      return { id, key: count > 0 ? sum / count : (index.get(id) as number) };
    });
    // A stable sort: cards with equal keys keep their order.
    keyed.sort((a, b) => a.key - b.key);
    keyed.forEach((k, i) => (list[i] = k.id));
    reindex(c);
  };
  for (let round = 0; round < 3; round++) {
    for (let i = 1; i < order.length; i++) sweep(order[i] as number, order[i - 1] as number);
    for (let i = order.length - 2; i >= 0; i--) sweep(order[i] as number, order[i + 1] as number);
  }

  const perColumn = Math.max(12, Math.ceil(Math.sqrt(ids.length) * 1.5));
  const boxes = new Map<string, Box>();
  let x = 0;
  let previous: string[] = [];
  for (const c of order) {
    const list = columns.get(c) as string[];
    if (list.length > perColumn) {
      // Too tall: stacked in sub-columns, no alignment to try for.
      list.forEach((id, i) => boxes.set(id, { x: x + Math.floor(i / perColumn) * (NODE_WIDTH + GAP), y: (i % perColumn) * (NODE_HEIGHT + ROW_GAP), width: NODE_WIDTH, height: NODE_HEIGHT }));
      x += Math.ceil(list.length / perColumn) * (NODE_WIDTH + GAP) - GAP + COLUMN_GAP;
    } else {
      const before = new Set(previous);
      let bottom = -ROW_GAP;
      for (const id of list) {
        const level = (links.get(id) ?? []).filter((n) => before.has(n)).map((n) => (boxes.get(n) as Box).y);
        const wanted = level.length > 0 ? level.reduce((a, b) => a + b, 0) / level.length : bottom + ROW_GAP;
        const y = Math.max(wanted, bottom + ROW_GAP);
        boxes.set(id, { x, y, width: NODE_WIDTH, height: NODE_HEIGHT });
        bottom = y + NODE_HEIGHT;
      }
      x += NODE_WIDTH + COLUMN_GAP;
    }
    previous = list;
  }
  // The first column, placed before its neighbours were, moves level with them too.
  const first = order[0];
  const second = order[1];
  if (first !== undefined && second !== undefined && (columns.get(first) as string[]).length <= perColumn) {
    const next = new Set(columns.get(second));
    let bottom = -ROW_GAP;
    for (const id of columns.get(first) as string[]) {
      const level = (links.get(id) ?? []).filter((n) => next.has(n)).map((n) => (boxes.get(n) as Box).y);
      const wanted = level.length > 0 ? level.reduce((a, b) => a + b, 0) / level.length : bottom + ROW_GAP;
      const box = boxes.get(id) as Box;
      const y = Math.max(wanted, bottom + ROW_GAP);
      boxes.set(id, { ...box, y });
      bottom = y + NODE_HEIGHT;
    }
  }
  return boxes;
}

/** Boxes side by side in rows no wider than about `maxRow`, inside a box's padding and title. */
function rows(ids: readonly string[], size: (id: string) => Size, maxRow: number): Map<string, Box> {
  const boxes = new Map<string, Box>();
  let x = PAD;
  let y = HEADER;
  let rowHeight = 0;
  for (const id of ids) {
    const s = size(id);
    if (x > PAD && x + s.width > maxRow) {
      x = PAD;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    boxes.set(id, { x, y, width: s.width, height: s.height });
    x += s.width + GAP;
    rowHeight = Math.max(rowHeight, s.height);
  }
  return boxes;
}

/** A large top level: the policies in rows above the boxes in rows. */
function topInRows(ids: readonly string[], size: (id: string) => Size, byId: ReadonlyMap<string, WorldNode>): Map<string, Box> {
  const isBox = (id: string) => {
    const kind = byId.get(id)?.kind;
    return kind === 'account' || kind === 'orgRoot';
  };
  const cards = rows(ids.filter((id) => !isBox(id)), size, 2400);
  const height = Math.max(0, ...[...cards.values()].map((b) => b.y + b.height));
  const boxes = rows(ids.filter(isBox), size, 2400);
  const out = new Map<string, Box>();
  for (const [id, b] of cards) out.set(id, { ...b, x: b.x - PAD, y: b.y - HEADER });
  for (const [id, b] of boxes) out.set(id, { ...b, x: b.x - PAD, y: b.y - HEADER + height + 48 });
  return out;
}

export function layoutWorld(graph: WorldGraph): Layout {
  const result = new Map<string, Box>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string, WorldNode[]>();
  for (const n of graph.nodes) if (n.parent !== undefined) push(children, n.parent, n);
  const size = (id: string): Size => result.get(id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
  const place = (container: string, boxes: Map<string, Box>, dx: number, dy: number) => {
    for (const [id, box] of boxes) result.set(id, { ...box, x: box.x + dx, y: box.y + dy });
    const fit = fitBox([...boxes.keys()].map((id) => result.get(id) as Box));
    result.set(container, { x: 0, y: 0, ...fit });
  };

  // 1. Inside each account.
  const edgesIn = new Map<string, (readonly [string, string])[]>();
  for (const e of graph.edges) {
    const parent = byId.get(e.source)?.parent;
    if (parent !== undefined && parent === byId.get(e.target)?.parent && RANKED_EDGES.has(e.kind)) push(edgesIn, parent, [e.source, e.target]);
  }
  const columnOf = (id: string) => COLUMN[byId.get(id)?.kind ?? 'account'] ?? 0;
  for (const account of graph.nodes.filter((n) => n.kind === 'account')) {
    const members = (children.get(account.id) ?? []).map((n) => n.id);
    place(account.id, columnLayout(members, edgesIn.get(account.id) ?? [], columnOf), PAD, HEADER);
  }

  // 2. OUs, deepest first, then the organization's root.
  const depth = (n: WorldNode): number => (n.parent === undefined ? 0 : 1 + depth(byId.get(n.parent) as WorldNode));
  const units = graph.nodes.filter((n) => n.kind === 'orgUnit' || n.kind === 'orgRoot').sort((a, b) => depth(b) - depth(a));
  for (const unit of units) {
    const inside = [...(children.get(unit.id) ?? [])].sort((a, b) => Number(b.kind === 'orgUnit') - Number(a.kind === 'orgUnit')).map((n) => n.id);
    const widest = Math.max(0, ...inside.map((id) => size(id).width));
    place(unit.id, rows(inside, size, Math.max(widest + PAD, 1400)), 0, 0);
  }

  // 3. The top level: an edge from a policy to anything inside a box pulls the policy above that box.
  const top = graph.nodes.filter((n) => n.parent === undefined).map((n) => n.id);
  const topOf = (id: string): string => {
    let n = byId.get(id);
    while (n?.parent !== undefined) n = byId.get(n.parent);
    return n?.id ?? id;
  };
  const edges = graph.edges.map((e) => [topOf(e.source), topOf(e.target)] as const).filter(([s, t]) => s !== t);
  const laid = top.length > DAGRE_LIMIT ? topInRows(top, size, byId) : runDagre({ ids: top, edges, size, rankdir: 'TB', ranksep: 48 });
  for (const [id, box] of laid) result.set(id, box);
  return result;
}
