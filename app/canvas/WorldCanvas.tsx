/**
 * The builder: a toolbar, the map of the world (React Flow) and its legend, the context
 * menu, the dialogs and a live region saying what each command did. The world and its
 * positions come from the store; so does the selection (the details panel follows it).
 * Positions the map computed (the automatic layout, a free spot for a node someone added)
 * are written back to the store, so nothing moves when the world changes.
 */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './builder.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { graphOf } from '../world/useWorld';
import { deleteNode, deleteSelection, detachEdge } from './actions';
import { AccessHighlightBar } from './AccessHighlightBar';
import { BuilderContext, type Builder, type DialogState, type MenuState } from './BuilderContext';
import { ContextMenu } from './ContextMenu';
import { CreateDialog } from './dialogs/CreateDialog';
import { PickDialog } from './dialogs/PickDialog';
import { RenameDialog } from './dialogs/RenameDialog';
import { EmptyState } from './EmptyState';
import { FlowMap } from './FlowMap';
import { nodeName } from './flowElements';
import { placementOf } from './layoutCache';
import type { Placed } from './placement';
import { Legend } from './Legend';
import { edgeItems, nodeItems, organizationMenu, paneItems, type MenuAction, type MenuItem } from './menuItems';
import { renameEdit } from './nodeEdits';
import { installShortcuts, isTextTarget } from './shortcuts';
import { Toolbar } from './Toolbar';

export function WorldCanvas() {
  return (
    <ReactFlowProvider>
      <BuilderRoot />
    </ReactFlowProvider>
  );
}

/** Focuses a node of the map once React Flow has drawn it (it may take a frame or two). */
function focusNode(id: string, tries = 6): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (el) el.focus({ preventScroll: true });
    else if (tries > 0) focusNode(id, tries - 1);
  });
}

function BuilderRoot() {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const positions = useAppStore((s) => s.positions);
  const worldVersion = useAppStore((s) => s.worldVersion);
  const flow = useReactFlow();
  const [wrap, setWrap] = useState<HTMLDivElement | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [message, setMessage] = useState('');
  const [edgeChoice, setEdgeChoice] = useState<string | null>(null);
  /** The node to bring into view; `pan` is off when the map is only now being drawn (it fits itself into view). */
  const [revealing, setRevealing] = useState<{ readonly id: string; readonly n: number; readonly pan: boolean } | null>(null);
  const revealed = useRef(0);

  const graph = useMemo(() => (world ? graphOf(world) : null), [world]);
  const placed = useMemo(() => (graph ? placementOf(graph, positions) : null), [graph, positions]);
  const selectedEdge = edgeChoice !== null && graph?.edges.some((e) => e.id === edgeChoice) ? edgeChoice : null;

  // What the map computed becomes the learner's starting arrangement (not an undo step), at
  // once: taken in later, it was a change of the document racing the learner's first edit
  // (another tab on the same workspace saw a conflict).
  useEffect(() => {
    if (placed && Object.keys(placed.computed).length > 0) useAppStore.getState().movePositions(placed.computed, { undoable: false });
  }, [placed]);

  useEffect(() => installShortcuts(window, (command) => (command === 'undo' ? useAppStore.getState().undo() : useAppStore.getState().redo())), []);

  // A node just created or renamed: into view (the least panning that shows it), and focused for the keyboard.
  useEffect(() => {
    const id = revealing?.id;
    const box = id ? placed?.abs.get(id) : undefined;
    if (!revealing || !id || !box || revealed.current === revealing.n) return;
    revealed.current = revealing.n;
    if (wrap && revealing.pan) {
      const { x, y, zoom } = flow.getViewport();
      const margin = 24;
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      const right = left + box.width * zoom;
      const bottom = top + box.height * zoom;
      const dx = left < margin ? margin - left : right > wrap.clientWidth - margin ? Math.max(margin - left, wrap.clientWidth - margin - right) : 0;
      const dy = top < margin ? margin - top : bottom > wrap.clientHeight - margin ? Math.max(margin - top, wrap.clientHeight - margin - bottom) : 0;
      if (dx !== 0 || dy !== 0) void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
    }
    focusNode(id);
  }, [placed, revealing, flow, wrap]);

  const announce = useCallback((text: string) => {
    // The same words twice must still be heard: alternate an invisible character.
    setMessage((m) => (m === text ? `${text}\u200b` : text));
  }, []);

  const drawn = (graph?.nodes.length ?? 0) > 0;
  const reveal = useCallback(
    (id: string) => {
      useAppStore.getState().select(id);
      setRevealing((r) => ({ id, n: (r?.n ?? 0) + 1, pan: drawn }));
    },
    [drawn],
  );

  const viewCenter = useCallback(() => {
    if (!wrap || !graph || graph.nodes.length === 0) return undefined;
    const r = wrap.getBoundingClientRect();
    return flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  }, [flow, graph, wrap]);

  const viewSize = useCallback(() => (wrap ? { width: wrap.clientWidth, height: wrap.clientHeight } : undefined), [wrap]);

  const builder = useMemo<Builder | null>(
    () =>
      graph && placed
        ? { graph, placed, t, selectedEdge, selectEdge: setEdgeChoice, openDialog: setDialog, openMenu: setMenu, announce, reveal, viewCenter, viewSize }
        : null,
    [graph, placed, t, selectedEdge, announce, reveal, viewCenter, viewSize],
  );

  if (!builder || !graph) return null;

  const run = (action: MenuAction) => {
    switch (action.type) {
      case 'create':
        setDialog({ type: 'create', kind: action.kind, ...(action.account ? { account: action.account } : {}), ...(action.unit ? { unit: action.unit } : {}), ...(action.at ? { at: action.at } : {}) });
        break;
      case 'rename':
        setDialog({ type: 'rename', nodeId: action.id });
        break;
      case 'pick':
        setDialog({ type: 'pick', nodeId: action.id, relation: action.relation, direction: action.direction });
        break;
      case 'delete':
        if (deleteNode(builder, action.id)) wrap?.focus();
        break;
      case 'detach':
        detachEdge(builder, action.edgeId);
        break;
      case 'tidy':
        useAppStore.getState().resetPositions();
        break;
    }
  };

  const menuOf = (m: MenuState): { label: string; items: MenuItem[] } => {
    const target = m.target;
    if (target.kind === 'pane') return { label: t('builder.menu.pane'), items: paneItems(graph, placed as Placed, target.at) };
    if (target.kind === 'edge') return { label: t('builder.menu.edge'), items: edgeItems(graph, target.id) };
    if (target.kind === 'organization') return { label: t('builder.tool.organization'), items: organizationMenu(graph, target.unit) };
    const node = graph.nodes.find((n) => n.id === target.id);
    return node ? { label: t('builder.menu.node', { name: nodeName(t, node) }), items: nodeItems(graph, node) } : { label: '', items: [] };
  };
  const openMenu = menu ? menuOf(menu) : null;

  /** The keyboard of the map: Delete, F2, Shift+F10 or the menu key, N. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || isTextTarget(e.target)) return;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    const selectedId = useAppStore.getState().selectedId;
    if ((e.key === 'Delete' || e.key === 'Backspace') && plain) {
      e.preventDefault();
      if (deleteSelection(builder)) wrap?.focus();
    } else if (e.key === 'F2' && plain) {
      const node = graph.nodes.find((n) => n.id === selectedId);
      if (node && renameEdit(node, node.label)) {
        e.preventDefault();
        setDialog({ type: 'rename', nodeId: node.id });
      }
    } else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      const focused = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node, .react-flow__edge');
      const id = focused?.dataset.id ?? selectedId;
      const r = (focused ?? wrap)?.getBoundingClientRect();
      if (!id || !r) return;
      e.preventDefault();
      const isEdge = focused?.classList.contains('react-flow__edge') ?? false;
      if (!isEdge) useAppStore.getState().select(id);
      setMenu({ x: r.left + 12, y: r.top + Math.min(r.height, 40), target: isEdge ? { kind: 'edge', id } : { kind: 'node', id } });
    } else if (e.key.toLowerCase() === 'n' && plain && !e.shiftKey) {
      const at = viewCenter();
      const r = wrap?.getBoundingClientRect();
      if (!at || !r) return;
      e.preventDefault();
      setMenu({ x: r.left + r.width / 2, y: r.top + r.height / 2, target: { kind: 'pane', at } });
    }
  };

  return (
    <BuilderContext.Provider value={builder}>
      <div className="flow-frame">
        <Toolbar />
        <div className="flow-wrap" ref={setWrap} tabIndex={-1} onKeyDown={onKeyDown}>
          {/* The map waits for its frame (one synchronous pass): it opens on a view of the frame's size, and is drawn once rather than again when the frame arrives. */}
          {graph.nodes.length === 0 ? <EmptyState /> : wrap ? <FlowMap key={worldVersion} /> : null}
        </div>
        <AccessHighlightBar />
        {graph.nodes.length > 0 ? <Legend graph={graph} /> : null}
        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        {openMenu && menu && openMenu.items.length > 0 ? (
          <ContextMenu x={menu.x} y={menu.y} label={openMenu.label} items={openMenu.items} onChoose={(item) => run(item.action)} onClose={() => setMenu(null)} />
        ) : null}
        {dialog?.type === 'create' ? <CreateDialog request={dialog} onClose={() => setDialog(null)} /> : null}
        {dialog?.type === 'rename' ? <RenameDialog nodeId={dialog.nodeId} onClose={() => setDialog(null)} /> : null}
        {dialog?.type === 'pick' ? <PickDialog nodeId={dialog.nodeId} relation={dialog.relation} direction={dialog.direction} onClose={() => setDialog(null)} /> : null}
      </div>
    </BuilderContext.Provider>
  );
}
