/** An AWS account: a box holding its root user, IAM entities, policies and resources. */
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import type { WorldNode } from '../world/graph';

export type AccountNodeData = { readonly node: WorldNode };
export type AccountFlowNode = Node<AccountNodeData, 'account'>;

function AccountNodeView({ data }: NodeProps<AccountFlowNode>) {
  const t = useT();
  return (
    <div className="account-node">
      <div className="account-header">
        <Icon name="account" size={16} />
        <span className="account-kind">{t('kind.account')}</span>
        <span className="account-name">{data.node.label}</span>
        {data.node.detail ? <span className="account-id">{data.node.detail}</span> : null}
      </div>
    </div>
  );
}

export const AccountNode = memo(AccountNodeView);
