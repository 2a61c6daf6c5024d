/**
 * Positions for the map with dagre, in two passes: first the inside of every account
 * (policies → groups → users, policy → resource, trust policy → role), then the account
 * boxes and the shared AWS managed policies around them. Two passes rather than dagre's
 * compound mode, which lets clusters overlap once they get a header and padding.
 */
import dagre from '@dagrejs/dagre';
import type { WorldGraph } from './graph';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Top-left positions; a node inside an account is positioned relative to its account box. */
export type Layout = ReadonlyMap<string, Box>;

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;
const PAD = 16;
/** Room for the account's title bar. */
const HEADER = 48;

interface LaidOut {
  readonly boxes: Map<string, Box>;
  readonly width: number;
  readonly height: number;
}

function runDagre(ids: readonly string[], edges: readonly (readonly [string, string])[], size: (id: string) => { width: number; height: number }, ranksep: number): LaidOut {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, size(id));
  for (const [s, t] of edges) if (s !== t) g.setEdge(s, t);
  dagre.layout(g);
  const boxes = new Map<string, Box>();
  let width = 0;
  let height = 0;
  for (const id of ids) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    const box = { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
    boxes.set(id, box);
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
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
    const laid = runDagre(members, edges, () => ({ width: NODE_WIDTH, height: NODE_HEIGHT }), 44);
    for (const [id, box] of laid.boxes) result.set(id, { ...box, x: box.x + PAD, y: box.y + HEADER });
    accountSize.set(account, {
      width: Math.max(laid.width + 2 * PAD, 260),
      height: laid.height + HEADER + PAD,
    });
  }

  // Pass 2: accounts and shared nodes; an edge from a shared node to anything inside an account pulls it next to that account.
  const top = graph.nodes.filter((n) => n.parent === undefined).map((n) => n.id);
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent ?? n.id]));
  const edges = graph.edges
    .map((e) => [parentOf.get(e.source) ?? e.source, parentOf.get(e.target) ?? e.target] as const)
    .filter(([s, t]) => s !== t);
  const laid = runDagre(top, edges, (id) => accountSize.get(id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT }, 72);
  for (const [id, box] of laid.boxes) result.set(id, box);
  return result;
}
