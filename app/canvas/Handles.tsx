/**
 * The connection points of a node: one on each side, so a link leaves and enters where the
 * two nodes face each other (see flowElements.ts). All are sources — the map connects in
 * React Flow's loose mode, so a link may end on any of them. Only the right one is offered
 * to the pointer (a dot to drag from, to link two items); the others only anchor links.
 *
 * Cheap on purpose: a map draws hundreds of nodes at once, and React Flow's <Handle> is a
 * component subscribed to its store (re-run on every change of it, a pan included). The
 * anchors are plain elements with the very classes and attributes a <Handle> that cannot
 * start a link renders (React Flow measures them, and tests a link's end against them, by
 * those alone); the dot is a real <Handle> only once the node is `live` (hovered or
 * selected), the only way to start a link from it. Until then it is the same plain element.
 */
import { Handle, Position, useNodeId, useStoreApi } from '@xyflow/react';

const ANCHORS = [
  { id: 'top', position: Position.Top },
  { id: 'bottom', position: Position.Bottom },
  { id: 'left', position: Position.Left },
] as const;

/** The classes of an idle source <Handle> (no link in progress). */
function handleClasses(position: Position, connectable: boolean): string {
  const classes = ['react-flow__handle', `react-flow__handle-${position}`, 'nodrag', 'nopan'];
  if (connectable) classes.push('connect-handle');
  classes.push('source');
  if (connectable) classes.push('connectable');
  classes.push('connectablestart', 'connectableend');
  if (connectable) classes.push('connectionindicator');
  return classes.join(' ');
}

function StaticHandle({ rfId, nodeId, id, position, connectable }: { readonly rfId: string; readonly nodeId: string; readonly id: string; readonly position: Position; readonly connectable: boolean }) {
  return <div data-handleid={id} data-nodeid={nodeId} data-handlepos={position} data-id={`${rfId}-${nodeId}-${id}-source`} className={handleClasses(position, connectable)} />;
}

export function Handles({ connectable, live = false }: { readonly connectable: boolean; readonly live?: boolean }) {
  const nodeId = useNodeId() ?? '';
  // The flow's id never changes while the map is drawn: read, not subscribed to.
  const rfId = useStoreApi().getState().rfId;
  return (
    <>
      {ANCHORS.map((side) => (
        <StaticHandle key={side.id} rfId={rfId} nodeId={nodeId} id={side.id} position={side.position} connectable={false} />
      ))}
      {connectable && live ? (
        <Handle id="right" type="source" position={Position.Right} isConnectable className="connect-handle" />
      ) : (
        <StaticHandle rfId={rfId} nodeId={nodeId} id="right" position={Position.Right} connectable={connectable} />
      )}
    </>
  );
}
