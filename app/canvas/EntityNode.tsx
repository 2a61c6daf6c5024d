/** One principal, policy or resource on the map: an icon, its kind and its name. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import type { WorldNode } from '../world/graph';
import { NODE_KINDS } from './kinds';

export type EntityNodeData = { readonly node: WorldNode; readonly highlighted: boolean };
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

function EntityNodeView({ data, selected }: NodeProps<EntityFlowNode>) {
  const t = useT();
  const { node, highlighted } = data;
  const kind = NODE_KINDS[node.kind];
  const classes = ['entity-node', kind.tone, selected ? 'is-selected' : '', highlighted ? 'is-highlighted' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="entity-icon">
        <Icon name={kind.icon} size={18} />
      </span>
      <span className="entity-text">
        <span className="entity-kind">{t(kind.label)}</span>
        <span className="entity-name" title={node.arn ?? node.label}>
          {node.label}
        </span>
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const EntityNode = memo(EntityNodeView);
