/**
 * One principal, policy or resource on the map: an icon, its kind and its name. Light on
 * purpose (a world may hold thousands): everything it shows comes in `data`, translated.
 * A name is untrusted text: React renders it as text, cut with an ellipsis, isolated so
 * right-to-left text cannot reorder the card, and given whole in the title.
 */
import type { Node, NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { Icon } from '../components/Icon';
import type { WorldNode } from '../world/graph';
import type { AccessMark } from './accessMarks';
import type { DropState } from './flowElements';
import { Handles } from './Handles';
import { NODE_KINDS } from './kinds';

/** The kinds a link can be dragged from (the others have no relation to make by hand). */
const CONNECTABLE: ReadonlySet<WorldNode['kind']> = new Set<WorldNode['kind']>(['user', 'group', 'role', 'root', 'customerManaged', 'awsManaged', 'scp', 'rcp']);

export type EntityNodeData = {
  readonly node: WorldNode;
  readonly kindLabel: string;
  readonly highlighted: boolean;
  readonly drop: DropState;
  /** The Analysis tab's highlight of this principal (its places on a path, administrator). */
  readonly access?: AccessMark;
};
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

function EntityNodeView({ data, selected }: NodeProps<EntityFlowNode>) {
  const { node, highlighted, drop } = data;
  // Hovered once, the node keeps its live connection point (see Handles.tsx).
  const [hovered, setHovered] = useState(false);
  const kind = NODE_KINDS[node.kind];
  const access = data.access;
  const classes = [
    'entity-node',
    kind.tone,
    selected ? 'is-selected' : '',
    highlighted ? 'is-highlighted' : '',
    drop !== 'none' ? `is-drop-${drop}` : '',
    access && access.steps.length > 0 ? 'is-access-path' : '',
    access?.admin ? 'is-access-admin' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} onPointerEnter={hovered ? undefined : () => setHovered(true)}>
      <span className="entity-icon">
        <Icon name={kind.icon} size={18} />
      </span>
      <span className="entity-text">
        <span className="entity-kind">{data.kindLabel}</span>
        <span className="entity-name" dir="auto" title={node.arn ?? node.label}>
          {node.label}
        </span>
      </span>
      {access && access.steps.length > 0 ? (
        <span className="access-step" aria-hidden="true">
          {access.steps.join('·')}
        </span>
      ) : null}
      {access?.admin ? (
        <span className="access-admin" aria-hidden="true">
          {access.adminBadge}
        </span>
      ) : null}
      <Handles connectable={CONNECTABLE.has(node.kind)} live={hovered || (selected ?? false)} />
    </div>
  );
}

export const EntityNode = memo(EntityNodeView);
