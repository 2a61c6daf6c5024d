/**
 * The world graph and its layout as React Flow nodes and edges. Derived on every render
 * that changes the world, the selection or the language: React Flow holds no state of
 * its own about the world (the world cannot be dragged into another shape here).
 */
import { MarkerType, type Edge } from '@xyflow/react';
import type { Translate } from '../i18n';
import type { WorldGraph } from '../world/graph';
import type { Layout } from '../world/layout';
import type { AccountFlowNode } from './AccountNode';
import type { EntityFlowNode } from './EntityNode';
import { EDGE_KINDS, NODE_KINDS } from './kinds';

export type FlowNode = AccountFlowNode | EntityFlowNode;

export function flowNodes(graph: WorldGraph, layout: Layout, selectedId: string | null, highlightedId: string | null, t: Translate): FlowNode[] {
  const nodes: FlowNode[] = [];
  // INVARIANT: React Flow needs a parent before its children; accounts come first.
  const ordered = [...graph.nodes.filter((n) => n.kind === 'account'), ...graph.nodes.filter((n) => n.kind !== 'account')];
  for (const node of ordered) {
    const box = layout.get(node.id);
    if (!box) continue;
    const label = `${t(NODE_KINDS[node.kind].label)} ${node.label}`;
    if (node.kind === 'account') {
      nodes.push({
        id: node.id,
        type: 'account',
        position: { x: box.x, y: box.y },
        data: { node },
        style: { width: box.width, height: box.height },
        selectable: false,
        focusable: false,
        draggable: false,
        ariaRole: 'group',
        ariaLabel: node.detail ? `${label} (${node.detail})` : label,
      });
      continue;
    }
    nodes.push({
      id: node.id,
      type: 'entity',
      position: { x: box.x, y: box.y },
      ...(node.parent ? { parentId: node.parent, extent: 'parent' as const } : {}),
      data: { node, highlighted: node.id === highlightedId },
      width: box.width,
      height: box.height,
      selected: node.id === selectedId,
      draggable: false,
      ariaRole: 'button',
      ariaLabel: label,
      domAttributes: { 'aria-pressed': node.id === selectedId },
    });
  }
  return nodes;
}

export function flowEdges(graph: WorldGraph, highlightedId: string | null, t: Translate): Edge[] {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return graph.edges.map((edge) => {
    const style = EDGE_KINDS[edge.kind];
    const hot = edge.source === highlightedId;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      className: `${style.line}${hot ? ' is-highlighted' : ''}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      focusable: false,
      selectable: false,
      ariaLabel: t('edge.aria', { source: labelOf.get(edge.source) ?? edge.source, target: labelOf.get(edge.target) ?? edge.target, kind: t(style.label) }),
      zIndex: 1,
    };
  });
}
