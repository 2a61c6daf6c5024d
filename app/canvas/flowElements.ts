/**
 * The world graph and its placement as React Flow nodes and edges. The base elements are
 * derived once per world, placement and language; what changes often — the selection, the
 * highlighted policy, a drag in progress, the drop targets — is laid over them, replacing
 * only the nodes it touches so React Flow re-renders only those.
 */
import { MarkerType, Position, type Edge, type NodeHandle } from '@xyflow/react';
import type { Translate } from '../i18n';
import type { XY } from '../store/worldSlice';
import { isContainer, type WorldEdge, type WorldGraph, type WorldNode } from '../world/graph';
import type { Box, Size } from '../world/layout';
import type { AccessMark } from './accessMarks';
import type { BoxFlowNode } from './BoxNode';
import type { EntityFlowNode } from './EntityNode';
import { EDGE_KINDS, NODE_KINDS } from './kinds';
import type { Placed } from './placement';

export type FlowNode = BoxFlowNode | EntityFlowNode;

/** Whether a node takes part in the drag or connection in progress. */
export type DropState = 'none' | 'target' | 'hover';

/** The accessible name of a node: its kind and name (and an account's id). */
export function nodeName(t: Translate, node: { readonly kind: keyof typeof NODE_KINDS; readonly label: string; readonly detail?: string }): string {
  const label = `${t(NODE_KINDS[node.kind].label)} ${node.label}`;
  return node.kind === 'account' && node.detail ? `${label} (${node.detail})` : label;
}

const byIdOf = new WeakMap<WorldGraph, ReadonlyMap<string, WorldNode>>();

/** The graph's nodes by id, once per graph (the map asks again on every change of what it shows). */
function nodesById(graph: WorldGraph): ReadonlyMap<string, WorldNode> {
  let byId = byIdOf.get(graph);
  if (!byId) {
    byId = new Map(graph.nodes.map((n) => [n.id, n]));
    byIdOf.set(graph, byId);
  }
  return byId;
}

/**
 * The last React Flow node made for each world node: a node whose place, size and texts did
 * not change is handed back as the same object, so after a move React Flow re-renders only
 * what moved (world nodes live as long as their world, so the cache follows them).
 */
const madeNodes = new WeakMap<WorldNode, FlowNode>();

const HANDLE = 6;

/**
 * Where a node's four connection points are (Handles.tsx draws them centred on each side):
 * given up front, with the node's size, React Flow need not draw a node to know where its
 * links end — so a large world draws only what is in view, from the first frame.
 */
function handlesOf(size: Size): NodeHandle[] {
  const h = HANDLE / 2;
  return [
    { id: 'top', type: 'source', position: Position.Top, x: size.width / 2 - h, y: -h, width: HANDLE, height: HANDLE },
    { id: 'bottom', type: 'source', position: Position.Bottom, x: size.width / 2 - h, y: size.height - h, width: HANDLE, height: HANDLE },
    { id: 'left', type: 'source', position: Position.Left, x: -h, y: size.height / 2 - h, width: HANDLE, height: HANDLE },
    { id: 'right', type: 'source', position: Position.Right, x: size.width - h, y: size.height / 2 - h, width: HANDLE, height: HANDLE },
  ];
}

function unchanged(made: FlowNode, position: XY, size: Size, kindLabel: string, ariaLabel: string): boolean {
  return made.position.x === position.x && made.position.y === position.y && made.width === size.width && made.height === size.height && made.data.kindLabel === kindLabel && made.ariaLabel === ariaLabel;
}

/** The nodes of the map (`only`: just these, for a map handed to React Flow by area). */
export function baseNodes(graph: WorldGraph, placed: Placed, t: Translate, only?: ReadonlySet<string>): FlowNode[] {
  const byId = nodesById(graph);
  const nodes: FlowNode[] = [];
  // INVARIANT: placed.order puts every box before what it holds, as React Flow requires.
  for (const id of placed.order) {
    if (only && !only.has(id)) continue;
    const node = byId.get(id);
    const position = placed.rel.get(id);
    const size = placed.size.get(id);
    if (!node || !position || !size) continue;
    const kindLabel = t(NODE_KINDS[node.kind].label);
    const ariaLabel = nodeName(t, node);
    const made = madeNodes.get(node);
    if (made && unchanged(made, position, size, kindLabel, ariaLabel)) {
      nodes.push(made);
      continue;
    }
    const common = {
      id,
      position,
      ...(node.parent !== undefined ? { parentId: node.parent } : {}),
      selected: false,
      ariaLabel,
      measured: { width: size.width, height: size.height },
      handles: handlesOf(size),
    };
    const flowNode: FlowNode = isContainer(node)
      ? { ...common, type: 'box', data: { node, kindLabel, drop: 'none' }, style: { width: size.width, height: size.height }, width: size.width, height: size.height, dragHandle: '.box-header', ariaRole: 'group' }
      : { ...common, type: 'entity', data: { node, kindLabel, highlighted: false, drop: 'none' }, width: size.width, height: size.height, ariaRole: 'button', domAttributes: { 'aria-pressed': false } };
    madeNodes.set(node, flowNode);
    nodes.push(flowNode);
  }
  return nodes;
}

export interface Overlay {
  readonly selectedId: string | null;
  readonly highlightedId: string | null;
  /** Nodes being dragged, at their relative positions of the moment. */
  readonly moved: ReadonlyMap<string, XY>;
  /** Boxes grown to fit a drag in progress. */
  readonly grown: ReadonlyMap<string, Size>;
  readonly targets: ReadonlySet<string>;
  readonly hover: string | null;
  /** Principals the Analysis tab highlights (a path, the administrators); absent: none. */
  readonly access?: ReadonlyMap<string, AccessMark>;
}

/** The base nodes with the overlay applied; untouched nodes keep their identity. */
export function overlayNodes(nodes: readonly FlowNode[], o: Overlay): FlowNode[] {
  return nodes.map((n) => {
    const selected = n.id === o.selectedId;
    const drop: DropState = n.id === o.hover ? 'hover' : o.targets.has(n.id) ? 'target' : 'none';
    const moved = o.moved.get(n.id);
    if (n.type === 'box') {
      const grown = o.grown.get(n.id);
      if (!selected && drop === 'none' && !moved && !grown) return n;
      return {
        ...n,
        selected,
        ...(moved ? { position: moved } : {}),
        ...(grown ? { style: { width: grown.width, height: grown.height }, width: grown.width, height: grown.height } : {}),
        data: drop === 'none' ? n.data : { ...n.data, drop },
      };
    }
    const highlighted = n.id === o.highlightedId;
    const access = o.access?.get(n.id);
    if (!selected && !highlighted && drop === 'none' && !moved && !access) return n;
    return {
      ...n,
      selected,
      ...(moved ? { position: moved } : {}),
      ...(access ? { ariaLabel: `${n.ariaLabel ?? ''}, ${access.description}` } : {}),
      domAttributes: { 'aria-pressed': selected },
      data: highlighted || drop !== 'none' || access ? { ...n.data, highlighted, drop, ...(access ? { access } : {}) } : n.data,
    };
  });
}

/**
 * The sides a link leaves and enters by: facing each other — side by side, right to left
 * (or left to right); one right above the other, bottom to top (or top to bottom). Two
 * cards of one column with others between them are linked on their right sides, so the
 * curve bows out around the cards between instead of crossing them.
 */
export function facingSides(from: Box, to: Box, cards: boolean): { readonly sourceHandle: string; readonly targetHandle: string } {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  const beside = to.x >= from.x + from.width || from.x >= to.x + to.width;
  if (beside && Math.abs(dx) >= Math.abs(dy) * 0.5) return dx >= 0 ? { sourceHandle: 'right', targetHandle: 'left' } : { sourceHandle: 'left', targetHandle: 'right' };
  const gap = dy >= 0 ? to.y - (from.y + from.height) : from.y - (to.y + to.height);
  if (cards && !beside && gap > from.height) return { sourceHandle: 'right', targetHandle: 'right' };
  return dy >= 0 ? { sourceHandle: 'bottom', targetHandle: 'top' } : { sourceHandle: 'top', targetHandle: 'bottom' };
}

const madeEdges = new WeakMap<WorldEdge, Edge>();

/** The links of the map (`only`: just these, for a map handed to React Flow by area). */
export function baseEdges(graph: WorldGraph, placed: Placed, t: Translate, only: readonly WorldEdge[] = graph.edges): Edge[] {
  const byId = nodesById(graph);
  return only.map((edge) => {
    const style = EDGE_KINDS[edge.kind];
    const from = placed.abs.get(edge.source);
    const to = placed.abs.get(edge.target);
    const sides = from && to ? facingSides(from, to, !placed.boxes.has(edge.source) && !placed.boxes.has(edge.target)) : undefined;
    const ariaLabel = t('edge.aria', { source: byId.get(edge.source)?.label ?? edge.source, target: byId.get(edge.target)?.label ?? edge.target, kind: t(style.label) });
    const made = madeEdges.get(edge);
    if (made && made.ariaLabel === ariaLabel && made.sourceHandle === sides?.sourceHandle && made.targetHandle === sides?.targetHandle) return made;
    const removable = edge.detach !== undefined;
    const flowEdge: Edge = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(sides ?? {}),
      className: style.line,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      focusable: removable,
      selectable: removable,
      deletable: false,
      ariaLabel,
    };
    madeEdges.set(edge, flowEdge);
    return flowEdge;
  });
}

/** `accessPairs`: `source->target` of the edges on the Analysis tab's highlighted path. */
export function overlayEdges(edges: readonly Edge[], highlightedId: string | null, selectedEdge: string | null, accessPairs: ReadonlySet<string> = new Set()): Edge[] {
  if (highlightedId === null && selectedEdge === null && accessPairs.size === 0) return edges as Edge[];
  return edges.map((e) => {
    const hot = e.source === highlightedId;
    const selected = e.id === selectedEdge;
    const onPath = accessPairs.has(`${e.source}->${e.target}`);
    if (!hot && !selected && !onPath) return e;
    return { ...e, selected, className: `${e.className ?? ''}${hot ? ' is-highlighted' : ''}${onPath ? ' is-access-step' : ''}` };
  });
}
