/**
 * Positions for the map with dagre, in two passes: first the inside of every account, left
 * to right in columns by kind (policies → groups → principals and resources), then the
 * account boxes top to bottom with the shared AWS managed policies above them. Two passes
 * rather than dagre's compound mode, which lets clusters overlap once they get a header
 * and padding.
 */
import dagre from '@dagrejs/dagre';
import type { NodeKind, WorldGraph } from './graph';

/**
 * The column of each kind inside an account. A learner reads permissions flowing left to
 * right: a policy, the group it is attached to, the user in the group.
 */
const COLUMN: Readonly<Record<Exclude<NodeKind, 'account'>, number>> = {
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

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Top-left positions; a node inside an account is positioned relative to its account box. */
export type Layout = ReadonlyMap<string, Box>;

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 56;
const PAD = 16;
/** Room for the account's title bar. */
const HEADER = 48;

interface LaidOut {
  readonly boxes: Map<string, Box>;
  readonly width: number;
  readonly height: number;
}

interface DagreInput {
  readonly ids: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
  readonly size: (id: string) => { width: number; height: number };
  readonly rankdir: 'LR' | 'TB';
  readonly ranksep: number;
  /** A column per node: invisible anchor nodes and edges keep each node at least that far right. */
  readonly column?: (id: string) => number;
}

const ANCHOR = '\u0000anchor:';

function runDagre({ ids, edges, size, rankdir, ranksep, column }: DagreInput): LaidOut {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir, nodesep: 18, ranksep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, size(id));
  for (const [s, t] of edges) if (s !== t) g.setEdge(s, t);
  if (column) {
    // anchor(c) sits one rank left of column c; a chain keeps the anchors in order.
    const columns = Math.max(0, ...ids.map(column));
    for (let c = 0; c <= columns; c++) {
      g.setNode(`${ANCHOR}${c}`, { width: 0, height: 0 });
      if (c > 0) g.setEdge(`${ANCHOR}${c - 1}`, `${ANCHOR}${c}`);
    }
    // Heavy: the ranker keeps these edges as short as it can, so each node sits exactly in its column.
    for (const id of ids) g.setEdge(`${ANCHOR}${column(id)}`, id, { weight: 10 });
  }
  dagre.layout(g);
  const boxes = new Map<string, Box>();
  let minX = Infinity;
  let minY = Infinity;
  for (const id of ids) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    const box = { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
    boxes.set(id, box);
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
  }
  // The anchors' empty rank is not part of the picture: shift the real nodes to the origin.
  let width = 0;
  let height = 0;
  for (const [id, box] of boxes) {
    const moved = { ...box, x: box.x - (Number.isFinite(minX) ? minX : 0), y: box.y - (Number.isFinite(minY) ? minY : 0) };
    boxes.set(id, moved);
    width = Math.max(width, moved.x + moved.width);
    height = Math.max(height, moved.y + moved.height);
  }
  return { boxes, width, height };
}

export function layoutWorld(graph: WorldGraph): Layout {
  const result = new Map<string, Box>();
  const accountIds = graph.nodes.filter((n) => n.kind === 'account').map((n) => n.id);
  const accountSize = new Map<string, { width: number; height: number }>();

  // Pass 1: inside each account.
  for (const account of accountIds) {
    const members = graph.nodes.filter((n) => n.parent === account).map((n) => n.id);
    const inside = new Set(members);
    const edges = graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => [e.source, e.target] as const);
    const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    const laid = runDagre({
      ids: members,
      edges,
      size: () => ({ width: NODE_WIDTH, height: NODE_HEIGHT }),
      rankdir: 'LR',
      ranksep: 44,
      column: (id) => {
        const kind = kindOf.get(id);
        return kind && kind !== 'account' ? COLUMN[kind] : 0;
      },
    });
    for (const [id, box] of laid.boxes) result.set(id, { ...box, x: box.x + PAD, y: box.y + HEADER });
    accountSize.set(account, {
      width: Math.max(laid.width + 2 * PAD, 260),
      height: laid.height + HEADER + PAD,
    });
  }

  // Pass 2: accounts and shared nodes, top to bottom (the map is taller than wide); an edge
  // from a shared node to anything inside an account pulls it above that account.
  const top = graph.nodes.filter((n) => n.parent === undefined).map((n) => n.id);
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent ?? n.id]));
  const edges = graph.edges
    .map((e) => [parentOf.get(e.source) ?? e.source, parentOf.get(e.target) ?? e.target] as const)
    .filter(([s, t]) => s !== t);
  const laid = runDagre({ ids: top, edges, size: (id) => accountSize.get(id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT }, rankdir: 'TB', ranksep: 48 });
  for (const [id, box] of laid.boxes) result.set(id, box);
  return result;
}
