/**
 * The map itself (React Flow): nodes from the world, dragged freely (a drag is one undo
 * step; dropped onto another node it makes a relation and returns), connected by their
 * handles, selected into the store, with menus on right-click. The viewport is kept in
 * the store; a world without one is fitted into view, and kept fitted as the map's frame
 * changes size until the learner moves the view or selects something. A large world is handed to React
 * Flow by area around the view (viewWindow.ts); selecting one of its nodes out of view
 * brings it into view.
 */
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  getViewportForBounds,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
  type NodeTypes,
  type OnConnectStartParams,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';

import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useAppStore } from '../store';
import type { XY } from '../store/worldSlice';
import type { Size } from '../world/layout';
import { accessMarks, pathNodeIds } from './accessMarks';
import { moveNode, relate } from './actions';
import { BoxNode } from './BoxNode';
import { useBuilder } from './BuilderContext';
import { dropOf } from './drop';
import { EntityNode } from './EntityNode';
import { baseEdges, baseNodes, overlayEdges, overlayNodes, type FlowNode } from './flowElements';
import { grownBoxes, nodeAt, type Placed } from './placement';
import { dropTargets, relationOnDrop } from './relations';
import { areaAround, areaContents, contains, intersects, mapBounds, openingViewport, visibleRect, WINDOWED_ABOVE, type Rect } from './viewWindow';
import { firstViewShown } from '../layout/firstView';

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

/** How the map opens on a world without a saved view: fitted, never smaller than readable (a large world opens on part of itself). */
const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.1, minZoom: 0.3 };
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;

/** The viewport React Flow's `fitView` would open on, for a map handed over by area (React Flow only knows part of it). */
function fittedViewport(placed: Placed, size: Size, options: { padding: number; minZoom: number; maxZoom: number }): Viewport {
  const bounds = mapBounds(placed);
  return bounds ? getViewportForBounds(bounds, size.width, size.height, options.minZoom, options.maxZoom, options.padding) : { x: 0, y: 0, zoom: 1 };
}

/** The frame's size; while it has none (its tab hidden), the window's as an estimate (the area follows the real view once shown). */
function frameSize(size: Size | undefined): Size {
  return size && size.width > 0 && size.height > 0 ? size : { width: window.innerWidth, height: window.innerHeight };
}

function viewOf(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect | null {
  const [x, y, zoom] = s.transform;
  return s.width > 0 && s.height > 0 ? visibleRect({ x, y, zoom }, { width: s.width, height: s.height }) : null;
}

/** The built-in "fit view" icon of React Flow's controls (MIT), for the button that fits a map handed over by area. */
function FitViewIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true" focusable="false">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
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
  // One selector for the whole highlight: it changes only when the Analysis tab sets it, so the map re-renders only then (and only the nodes it marks).
  const accessHighlight = useAppStore((s) => s.accessHighlight);
  const flowStore = useStoreApi<FlowNode>();
  // Decided once, as the map is drawn (a world crossing the line is drawn again: its key changes only with a new world, so it stays).
  const [windowed] = useState(() => graph.nodes.length > WINDOWED_ABOVE);
  // Read once: the viewport the map opens on (React Flow owns it afterwards). A map handed
  // over by area is fitted here, since React Flow would fit only the part it holds.
  const [initialViewport] = useState(() => {
    const saved = useAppStore.getState().viewport;
    if (saved || !windowed) return saved;
    return openingViewport(placed, frameSize(b.viewSize()), FIT_OPTIONS);
  });
  // Until the learner touches the map, a world opened without a saved view stays fitted to
  // the map's frame: the frame changes size as the page settles (an exercise's card above it
  // appears or folds, a panel opens), and a view fitted to the first size can leave most of
  // the world out of sight. Any pointer, wheel or key on the map, or a move of the view made
  // for the learner (a selection or a highlight brought into view), ends it.
  const keepFitted = useRef(!useAppStore.getState().viewport);
  const stopFitting = useCallback(() => {
    keepFitted.current = false;
  }, []);
  /** The part of the map handed to React Flow (null: all of it). */
  const [area, setArea] = useState<Rect | null>(() => (windowed && initialViewport ? areaAround(visibleRect(initialViewport, frameSize(b.viewSize()))) : null));
  const areaRef = useRef(area);

  // The area follows the view only when the view leaves it (a pan inside it changes nothing).
  useEffect(() => {
    if (!windowed) return;
    const follow = (s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>) => {
      const view = viewOf(s);
      if (!view || (areaRef.current && contains(areaRef.current, view))) return;
      areaRef.current = areaAround(view);
      setArea(areaRef.current);
    };
    follow(flowStore.getState());
    return flowStore.subscribe(follow);
  }, [windowed, flowStore]);

  // A node selected elsewhere (the inspector, the request console) that is out of view is brought into it.
  const shownSelection = useRef(selectedId);
  useEffect(() => {
    if (!windowed || selectedId === shownSelection.current) return;
    shownSelection.current = selectedId;
    const box = selectedId === null ? undefined : placed.abs.get(selectedId);
    const view = viewOf(flowStore.getState());
    if (!box || !view || intersects(view, box)) return;
    keepFitted.current = false;
    void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: flowStore.getState().transform[2], duration: 200 });
  }, [windowed, selectedId, placed, flow, flowStore]);

  // The frame's last size (kept when an edit subscribes again). A map handed over by area
  // starts from the size its opening view was computed for: an estimate while it had none.
  const [openedAtSize] = useState<Size>(() => (windowed ? frameSize(b.viewSize()) : { width: 0, height: 0 }));
  const frameSizeSeen = useRef(openedAtSize);
  // A selection (a node created from the toolbar is selected and brought into view) makes the view the learner's.
  const selectionAtOpen = useRef(selectedId);
  useEffect(() => {
    if (selectedId !== selectionAtOpen.current) keepFitted.current = false;
  }, [selectedId]);
  useEffect(() => {
    return flowStore.subscribe((s) => {
      const last = frameSizeSeen.current;
      if (s.width <= 0 || s.height <= 0 || (s.width === last.width && s.height === last.height)) return;
      frameSizeSeen.current = { width: s.width, height: s.height };
      if (last.width <= 0 || last.height <= 0 || !keepFitted.current) return;
      if (windowed) void flow.setViewport(openingViewport(placed, frameSizeSeen.current, FIT_OPTIONS));
      else void flow.fitView(FIT_OPTIONS);
    });
  }, [flowStore, flow, windowed, placed]);

  const fitWhole = useCallback(() => {
    const s = flowStore.getState();
    void flow.setViewport(fittedViewport(placed, { width: s.width, height: s.height }, { padding: 0.1, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM }));
  }, [flow, flowStore, placed]);

  const [gesture, setGesture] = useState<Gesture | null>(null);
  // Handlers read the gesture in progress from here (the state is for drawing).
  const gestureRef = useRef<Gesture | null>(null);
  const connected = useRef(false);
  const nudge = useRef<{ id: string; key: string; at: number } | null>(null);
  const update = useCallback((next: Gesture | null) => {
    gestureRef.current = next;
    setGesture(next);
  }, []);

  // The first picture is on screen: what waits for it may start (app/layout/firstView.ts).
  useEffect(firstViewShown, []);

  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const access = useMemo(
    () => accessMarks(graph, accessHighlight, { step: (n) => t('analysis.map.step', { n }), admin: t('analysis.map.isAdmin'), adminBadge: t('analysis.map.admin') }),
    [graph, accessHighlight, t],
  );
  const accessIds = useMemo(() => pathNodeIds(access), [access]);
  /** The world's edges between consecutive principals of the highlighted path (e.g. a user → the role it assumes). */
  const accessEdges = useMemo(() => {
    const pairs = new Set<string>();
    if (!accessHighlight) return pairs;
    const idOf = new Map(graph.nodes.filter((n) => n.arn !== undefined).map((n) => [n.arn!, n.id]));
    for (const step of accessHighlight.steps) {
      const from = idOf.get(step.from);
      const to = idOf.get(step.to);
      if (from !== undefined && to !== undefined && from !== to) pairs.add(`${from}->${to}`);
    }
    return pairs;
  }, [graph, accessHighlight]);

  // A new highlight brings its principals into view, once the map has a size (it may be set while the map's tab is hidden).
  const shownAccess = useRef(accessHighlight);
  useEffect(() => {
    if (accessHighlight === shownAccess.current || accessIds.length === 0) return;
    const fit = (s: Pick<ReactFlowState, 'width' | 'height'>): boolean => {
      if (s.width <= 0 || s.height <= 0) return false;
      shownAccess.current = accessHighlight;
      const boxes = accessIds.map((id) => placed.abs.get(id)).filter((b) => b !== undefined);
      if (boxes.length === 0) return true;
      keepFitted.current = false;
      const x = Math.min(...boxes.map((b) => b.x));
      const y = Math.min(...boxes.map((b) => b.y));
      const bounds = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
      void flow.setViewport(getViewportForBounds(bounds, s.width, s.height, FIT_OPTIONS.minZoom, FIT_OPTIONS.maxZoom, 0.25), { duration: 200 });
      return true;
    };
    if (fit(flowStore.getState())) return;
    const unsubscribe = flowStore.subscribe((s) => {
      if (fit(s)) unsubscribe();
    });
    return unsubscribe;
  }, [accessHighlight, accessIds, placed, flow, flowStore]);
  const hover = gesture?.hover ?? null;
  const dragged = gesture?.id ?? null;
  /** For a map handed over by area: what of it React Flow gets (null: everything). */
  const contents = useMemo(
    () => (area ? areaContents(graph, placed, area, [selectedId, highlightedId, dragged, hover, ...accessIds]) : null),
    [area, graph, placed, selectedId, highlightedId, dragged, hover, accessIds],
  );
  const base = useMemo(() => baseNodes(graph, placed, t, contents?.nodes), [graph, placed, t, contents]);
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
        access,
      }),
    [base, selectedId, highlightedId, gesture, grown, access],
  );
  const edgesBase = useMemo(() => baseEdges(graph, placed, t, contents?.edges), [graph, placed, t, contents]);
  const edges = useMemo(() => overlayEdges(edgesBase, highlightedId, b.selectedEdge, accessEdges), [edgesBase, highlightedId, b.selectedEdge, accessEdges]);

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
      onlyRenderVisibleElements={windowed || nodes.length > WINDOWED_ABOVE}
      {...(initialViewport ? { defaultViewport: initialViewport } : { fitView: true })}
      // Never fitted smaller than a readable size: a large world opens on part of itself (and draws only that).
      fitViewOptions={FIT_OPTIONS}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      ariaLabelConfig={ariaLabelConfig}
      proOptions={{ hideAttribution: false }}
      onPointerDownCapture={stopFitting}
      onWheelCapture={stopFitting}
      onKeyDownCapture={stopFitting}
    >
      <Background gap={24} size={1.2} color="var(--dot)" />
      <Controls showInteractive={false} showFitView={!windowed} position="bottom-left">
        {windowed ? (
          <ControlButton className="react-flow__controls-fitview" onClick={fitWhole} title={t('rf.fitView')} aria-label={t('rf.fitView')}>
            <FitViewIcon />
          </ControlButton>
        ) : null}
      </Controls>
    </ReactFlow>
  );
}
