/** How each kind of node and edge is named and drawn: one table shared by the map, the legend and the panel. */
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
  orgRoot: { icon: 'globe', label: 'builder.kind.orgRoot', tone: 'tone-org' },
  orgUnit: { icon: 'legend', label: 'builder.kind.orgUnit', tone: 'tone-org' },
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
  scp: { icon: 'policy', label: 'kind.scp', tone: 'tone-scp' },
  rcp: { icon: 'resourcePolicy', label: 'kind.rcp', tone: 'tone-rcp' },
};

export interface EdgeStyle {
  readonly label: MessageKey;
  /** The CSS class of the line: each kind its own colour and dash, as the legend shows. */
  readonly line: string;
}

export const EDGE_KINDS: Readonly<Record<EdgeKind, EdgeStyle>> = {
  member: { label: 'edge.member', line: 'edge-member' },
  attached: { label: 'edge.attached', line: 'edge-attached' },
  boundary: { label: 'edge.boundary', line: 'edge-boundary' },
  inline: { label: 'edge.inline', line: 'edge-inline' },
  trust: { label: 'builder.edge.trustPolicy', line: 'edge-trust-policy' },
  canAssume: { label: 'edge.trust', line: 'edge-trust' },
  resourcePolicy: { label: 'edge.resourcePolicy', line: 'edge-resource' },
  grant: { label: 'builder.edge.grant', line: 'edge-grant' },
  scp: { label: 'builder.edge.scp', line: 'edge-scp' },
  rcp: { label: 'builder.edge.rcp', line: 'edge-rcp' },
};
