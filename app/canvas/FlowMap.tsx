/**
 * The map itself (React Flow): nodes from the world, dragged freely (a drag is one undo
 * step; dropped onto another node it makes a relation and returns), connected by their
 * handles, selected into the store, with menus on right-click. The viewport is kept in
 * the store; a world without one is fitted into view.
 */
import {
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
  type NodeTypes,
  type OnConnectStartParams,
} from '@xyflow/react';

import { useCallback, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useAppStore } from '../store';
import type { XY } from '../store/worldSlice';
import { moveNode, relate } from './actions';
import { BoxNode } from './BoxNode';
import { useBuilder } from './BuilderContext';
import { dropOf } from './drop';
import { EntityNode } from './EntityNode';
import { baseEdges, baseNodes, overlayEdges, overlayNodes, type FlowNode } from './flowElements';
import { grownBoxes, nodeAt } from './placement';
import { dropTargets, relationOnDrop } from './relations';

const nodeTypes: NodeTypes = { box: BoxNode, entity: EntityNode };
const NONE: ReadonlySet<string> = new Set();
const NO_MOVES: ReadonlyMap<string, XY> = new Map();

interface Gesture {
  /** The node dragged, or the node a connection starts from. */
  readonly id: string;
  readonly startedAt: number;
  readonly moved: ReadonlyMap<string, XY>;
  readonly targets: ReadonlySet<string>;
  readonly hover: string | null;
}

function pointOf(event: MouseEvent | TouchEvent | ReactMouseEvent): XY {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return { x: touch?.clientX ?? 0, y: touch?.clientY ?? 0 };
  }
  return { x: event.clientX, y: event.clientY };
}

export function FlowMap() {
  const b = useBuilder();
  const { graph, placed, t } = b;
  const flow = useReactFlow<FlowNode>();
  const selectedId = useAppStore((s) => s.selectedId);
  const highlightedId = useAppStore((s) => s.highlight?.nodeId ?? null);
  const select = useAppStore((s) => s.select);
  const setViewport = useAppStore((s) => s.setViewport);
  // Read once: the viewport the map opens on (React Flow owns it afterwards).
  const [initialViewport] = useState(() => useAppStore.getState().viewport);

  const [gesture, setGesture] = useState<Gesture | null>(null);
  // Handlers read the gesture in progress from here (the state is for drawing).
  const gestureRef = useRef<Gesture | null>(null);
  const connected = useRef(false);
  const nudge = useRef<{ id: string; key: string; at: number } | null>(null);
  const update = useCallback((next: Gesture | null) => {
    gestureRef.current = next;
    setGesture(next);
  }, []);

  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const base = useMemo(() => baseNodes(graph, placed, t), [graph, placed, t]);
  const grown = useMemo(() => (gesture && gesture.moved.size > 0 ? grownBoxes(placed, gesture.moved) : new Map()), [gesture, placed]);
  const nodes = useMemo(
    () =>
      overlayNodes(base, {
        selectedId,
        highlightedId,
        moved: gesture?.moved ?? NO_MOVES,
        grown,
        targets: gesture?.targets ?? NONE,
        hover: gesture?.hover ?? null,
      }),
    [base, selectedId, highlightedId, gesture, grown],
  );
  const edgesBase = useMemo(() => baseEdges(graph, placed, t), [graph, placed, t]);
  const edges = useMemo(() => overlayEdges(edgesBase, highlightedId, b.selectedEdge), [edgesBase, highlightedId, b.selectedEdge]);

  const toFlow = useCallback((event: MouseEvent | TouchEvent | ReactMouseEvent) => flow.screenToFlowPosition(pointOf(event)), [flow]);

  const start = useCallback(
    (id: string) => {
      const node = byId.get(id);
      update({ id, startedAt: Date.now(), moved: new Map(), targets: node ? dropTargets(graph, node) : NONE, hover: null });
    },
    [byId, graph, update],
  );

  /** Marks the valid target under the pointer, if any. */
  const hoverAt = useCallback(
    (event: MouseEvent | TouchEvent) => {
      const g = gestureRef.current;
      if (!g) return;
      const hit = nodeAt(placed, toFlow(event), g.id) ?? null;
      const hover = hit !== null && g.targets.has(hit) ? hit : null;
      if (hover !== g.hover) update({ ...g, hover });
    },
    [placed, toFlow, update],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      for (const c of changes) {
        if (c.type === 'select' && c.selected) {
          select(c.id);
          b.selectEdge(null);
        } else if (c.type === 'position' && c.position) {
          const g = gestureRef.current;
          if (g && g.id === c.id) {
            update({ ...g, moved: new Map(g.moved).set(c.id, c.position) });
          } else if (!g && !c.dragging) {
            // Arrow keys on a selected node: a burst of presses is one undo step.
            const now = Date.now();
            const last = nudge.current;
            const key = last && last.id === c.id && now - last.at < 1500 ? last.key : `nudge:${c.id}:${now}`;
            nudge.current = { id: c.id, key, at: now };
            moveNode(b, c.id, c.position, key);
          }
        }
      }
    },
    [b, select, update],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const c of changes) if (c.type === 'select') b.selectEdge(c.selected ? c.id : null);
    },
    [b],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: Node) => {
      const g = gestureRef.current;
      update(null);
      const dragged = byId.get(node.id);
      if (!g || !dragged) return;
      const rel = g.moved.get(node.id);
      if (!rel) return;
      const drop = dropOf(graph, placed, dragged, rel, toFlow(event));
      switch (drop.type) {
        case 'relate':
          relate(b, drop.relation, dragged, drop.target, drop.place);
          break;
        case 'leaveOrganization': {
          const result = useAppStore.getState().applyEdit(drop.edit);
          if (result.ok) {
            useAppStore.getState().movePositions({ [node.id]: drop.at }, { undoable: false });
            b.announce(t('builder.announce.leftOrganization', { name: dragged.label }));
          }
          break;
        }
        case 'move':
          moveNode(b, node.id, drop.at, `drag:${node.id}:${g.startedAt}`);
          break;
        case 'return':
          b.announce(t('builder.announce.returned', { name: dragged.label }));
          break;
      }
    },
    [b, byId, graph, placed, t, toFlow, update],
  );

  const relateIds = useCallback(
    (from: string, to: string) => {
      const a = byId.get(from);
      const z = byId.get(to);
      const relation = a && z ? relationOnDrop(graph, a, z) : undefined;
      if (a && z && relation) relate(b, relation, a, z);
      return relation !== undefined;
    },
    [b, byId, graph],
  );

  const onConnectStart = useCallback(
    (_event: MouseEvent | TouchEvent, params: OnConnectStartParams) => {
      connected.current = false;
      if (params.nodeId) start(params.nodeId);
    },
    [start],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      connected.current = relateIds(c.source, c.target);
    },
    [relateIds],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const g = gestureRef.current;
      update(null);
      if (connected.current || !g) return;
      // Dropped on a node's body rather than its handle: the node under the pointer.
      const hit = nodeAt(placed, toFlow(event), g.id);
      if (hit && hit !== state.fromNode?.id) relateIds(g.id, hit);
    },
    [placed, relateIds, toFlow, update],
  );

  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string }) => {
      const a = byId.get(c.source);
      const z = byId.get(c.target);
      const r = a && z ? relationOnDrop(graph, a, z) : undefined;
      return r !== undefined && !r.exists;
    },
    [byId, graph],
  );

  const onPaneContextMenu = useCallback(
    (event: MouseEvent | ReactMouseEvent) => {
      event.preventDefault();
      b.openMenu({ x: event.clientX, y: event.clientY, target: { kind: 'pane', at: toFlow(event) } });
    },
    [b, toFlow],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      event.preventDefault();
      select(node.id);
      b.openMenu({ x: event.clientX, y: event.clientY, target: { kind: 'node', id: node.id } });
    },
    [b, select],
  );

  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: { id: string }) => {
      event.preventDefault();
      b.selectEdge(edge.id);
      b.openMenu({ x: event.clientX, y: event.clientY, target: { kind: 'edge', id: edge.id } });
    },
    [b],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('builder.rf.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('rf.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }: { direction: string; x: number; y: number }) => t('builder.rf.moved', { x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('builder.rf.edgeHelp'),
      'controls.ariaLabel': t('rf.controls'),
      'controls.zoomIn.ariaLabel': t('rf.zoomIn'),
      'controls.zoomOut.ariaLabel': t('rf.zoomOut'),
      'controls.fitView.ariaLabel': t('rf.fitView'),
      'controls.interactive.ariaLabel': t('rf.interactive'),
      'minimap.ariaLabel': t('rf.minimap'),
      'handle.ariaLabel': t('rf.handle'),
    }),
    [t],
  );

  const dragging = gesture !== null;
  return (
    <ReactFlow<FlowNode>
      className={dragging ? 'is-gesturing' : undefined}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={(_e, node) => start(node.id)}
      onNodeDrag={(e) => hoverAt(e as unknown as MouseEvent)}
      onNodeDragStop={(e, node) => onNodeDragStop(e as unknown as MouseEvent, node)}
      onConnectStart={onConnectStart}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      onPaneMouseMove={gesture ? (e) => hoverAt(e as unknown as MouseEvent) : undefined}
      isValidConnection={isValidConnection}
      connectionMode={ConnectionMode.Loose}
      onPaneClick={() => {
        select(null);
        b.selectEdge(null);
      }}
      onPaneContextMenu={onPaneContextMenu}
      onNodeContextMenu={onNodeContextMenu}
      onEdgeContextMenu={onEdgeContextMenu}
      onMoveEnd={(_e, viewport) => setViewport(viewport)}
      nodesDraggable
      nodesConnectable
      edgesFocusable
      multiSelectionKeyCode={null}
      selectionKeyCode={null}
      deleteKeyCode={null}
      onlyRenderVisibleElements={nodes.length > 400}
      {...(initialViewport ? { defaultViewport: initialViewport } : { fitView: true })}
      // Never fitted smaller than a readable size: a large world opens on part of itself (and draws only that).
      fitViewOptions={{ padding: 0.06, maxZoom: 1.1, minZoom: 0.3 }}
      minZoom={0.1}
      maxZoom={2}
      ariaLabelConfig={ariaLabelConfig}
      proOptions={{ hideAttribution: false }}
    >
      <Background gap={24} size={1.2} color="var(--dot)" />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}
