/** How each kind of node is named and drawn: one table shared by the nodes and the legend. */
import type { IconName } from '../components/Icon';
import type { MessageKey } from '../i18n';
import type { EdgeKind, NodeKind } from '../world/graph';

export interface KindStyle {
  readonly icon: IconName;
  readonly label: MessageKey;
  /** The CSS class that gives the kind its accent colour (styles/canvas.css). */
  readonly tone: string;
}

export const NODE_KINDS: Readonly<Record<NodeKind, KindStyle>> = {
  account: { icon: 'account', label: 'kind.account', tone: 'tone-account' },
  root: { icon: 'root', label: 'kind.root', tone: 'tone-root' },
  user: { icon: 'user', label: 'kind.user', tone: 'tone-user' },
  group: { icon: 'group', label: 'kind.group', tone: 'tone-group' },
  role: { icon: 'role', label: 'kind.role', tone: 'tone-role' },
  resource: { icon: 'resource', label: 'kind.resource', tone: 'tone-resource' },
  customerManaged: { icon: 'policy', label: 'kind.customerManaged', tone: 'tone-policy' },
  awsManaged: { icon: 'awsPolicy', label: 'kind.awsManaged', tone: 'tone-aws' },
  inline: { icon: 'inline', label: 'kind.inline', tone: 'tone-policy' },
  resourcePolicy: { icon: 'resourcePolicy', label: 'kind.resourcePolicy', tone: 'tone-policy' },
  trustPolicy: { icon: 'trust', label: 'kind.trustPolicy', tone: 'tone-trust' },
};

export interface EdgeStyle {
  readonly label: MessageKey;
  /** The CSS class of the line (solid, dashed, dotted). */
  readonly line: string;
}

export const EDGE_KINDS: Readonly<Record<EdgeKind, EdgeStyle>> = {
  attached: { label: 'edge.attached', line: 'edge-attached' },
  member: { label: 'edge.member', line: 'edge-member' },
  inline: { label: 'edge.inline', line: 'edge-attached' },
  boundary: { label: 'edge.boundary', line: 'edge-boundary' },
  resourcePolicy: { label: 'edge.resourcePolicy', line: 'edge-resource' },
  trust: { label: 'edge.trust', line: 'edge-trust' },
};
