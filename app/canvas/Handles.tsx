/**
 * The connection points of a node: one on each side, so a link leaves and enters where the
 * two nodes face each other (see flowElements.ts). All are sources — the map connects in
 * React Flow's loose mode, so a link may end on any of them. Only the right one is offered
 * to the pointer (a dot to drag from, to link two items); the others only anchor links.
 */
import { Handle, Position } from '@xyflow/react';

const SIDES = [
  { id: 'top', position: Position.Top },
  { id: 'bottom', position: Position.Bottom },
  { id: 'left', position: Position.Left },
] as const;

export function Handles({ connectable }: { readonly connectable: boolean }) {
  return (
    <>
      {SIDES.map((side) => (
        <Handle key={side.id} id={side.id} type="source" position={side.position} isConnectable={false} />
      ))}
      <Handle id="right" type="source" position={Position.Right} isConnectable={connectable} className={connectable ? 'connect-handle' : undefined} />
    </>
  );
}
