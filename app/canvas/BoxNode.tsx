/**
 * A box that holds other nodes: an account (its root user, IAM entities, policies and
 * resources), an OU or the organization's root (accounts and OUs). Only its title bar takes
 * the pointer — it drags the box and opens its menu — so the inside stays the map's pane:
 * drag there to pan, right-click there to add something in the box.
 */
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../components/Icon';
import type { WorldNode } from '../world/graph';
import type { DropState } from './flowElements';
import { Handles } from './Handles';
import { NODE_KINDS } from './kinds';

export type BoxNodeData = { readonly node: WorldNode; readonly kindLabel: string; readonly drop: DropState };
export type BoxFlowNode = Node<BoxNodeData, 'box'>;

function BoxNodeView({ data, selected }: NodeProps<BoxFlowNode>) {
  const { node, drop } = data;
  const kind = NODE_KINDS[node.kind];
  const classes = ['box-node', `box-${node.kind}`, kind.tone, selected ? 'is-selected' : '', drop !== 'none' ? `is-drop-${drop}` : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <Handles connectable={false} />
      <div className="box-header">
        <Icon name={kind.icon} size={16} />
        <span className="box-kind">{data.kindLabel}</span>
        <span className="box-name" dir="auto" title={node.label}>
          {node.label}
        </span>
        {node.detail ? <span className="box-id">{node.detail}</span> : null}
      </div>
    </div>
  );
}

export const BoxNode = memo(BoxNodeView);
