/**
 * The items of the map's context menu, by what it was opened on: the pane (add something
 * here — in the account or OU under the pointer), a node (rename, delete, link it to
 * something…) or a link (remove it). Pure: the menu renders these and runs their action.
 */
import type { MessageKey } from '../i18n';
import type { XY } from '../store/worldSlice';
import type { WorldGraph, WorldNode } from '../world/graph';
import type { CreateKind } from './creation';
import { deleteEdit, renameEdit } from './nodeEdits';
import type { Placed } from './placement';
import type { RelationKind } from './relations';

export type MenuAction =
  | { readonly type: 'create'; readonly kind: CreateKind; readonly account?: string; readonly unit?: string; readonly at?: XY }
  | { readonly type: 'rename'; readonly id: string }
  | { readonly type: 'delete'; readonly id: string }
  | { readonly type: 'pick'; readonly id: string; readonly relation: RelationKind; readonly direction: 'from' | 'to' }
  | { readonly type: 'detach'; readonly edgeId: string }
  | { readonly type: 'tidy' };

export interface MenuItem {
  readonly key: string;
  readonly label: MessageKey;
  readonly action: MenuAction;
  readonly danger?: boolean;
}

function inside(box: { x: number; y: number; width: number; height: number } | undefined, p: XY): boolean {
  return !!box && p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

/** The innermost box of `kinds` under a point. */
function boxAt(graph: WorldGraph, placed: Placed, at: XY, kinds: readonly WorldNode['kind'][]): WorldNode | undefined {
  let found: WorldNode | undefined;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const id of placed.order) {
    const node = byId.get(id);
    if (node && kinds.includes(node.kind) && inside(placed.abs.get(id), at)) found = node;
  }
  return found;
}

const ADD_IN_ACCOUNT: readonly { readonly kind: CreateKind; readonly label: MessageKey }[] = [
  { kind: 'user', label: 'builder.menu.addUser' },
  { kind: 'group', label: 'builder.menu.addGroup' },
  { kind: 'role', label: 'builder.menu.addRole' },
  { kind: 'policy', label: 'builder.menu.addPolicy' },
  { kind: 'resource', label: 'builder.menu.addResource' },
];

function addInAccount(account: string, at?: XY): MenuItem[] {
  return ADD_IN_ACCOUNT.map(({ kind, label }) => ({ key: `add-${kind}`, label, action: { type: 'create', kind, account, ...(at ? { at } : {}) } }));
}

function organizationItems(graph: WorldGraph, unit: WorldNode | undefined, at?: XY): MenuItem[] {
  const org = graph.nodes.some((n) => n.kind === 'orgRoot');
  if (!org) return graph.nodes.some((n) => n.kind === 'account') ? [{ key: 'add-org', label: 'builder.menu.addOrganization', action: { type: 'create', kind: 'organization', ...(at ? { at } : {}) } }] : [];
  return [
    { key: 'add-ou', label: 'builder.menu.addOrgUnit', action: { type: 'create', kind: 'orgUnit', ...(unit ? { unit: unit.id } : {}), ...(at ? { at } : {}) } },
    { key: 'add-scp', label: 'builder.menu.addScp', action: { type: 'create', kind: 'scp', ...(at ? { at } : {}) } },
    { key: 'add-rcp', label: 'builder.menu.addRcp', action: { type: 'create', kind: 'rcp', ...(at ? { at } : {}) } },
  ];
}

/** The toolbar's organization menu: create the organization, or add an OU (in `unit`, else the root), an SCP, an RCP. */
export function organizationMenu(graph: WorldGraph, unit?: string): MenuItem[] {
  if (!graph.nodes.some((n) => n.kind === 'orgRoot')) return [{ key: 'add-org', label: 'builder.tool.addOrganization', action: { type: 'create', kind: 'organization' } }];
  return [
    { key: 'add-ou', label: 'builder.tool.addOrgUnit', action: { type: 'create', kind: 'orgUnit', ...(unit ? { unit } : {}) } },
    { key: 'add-scp', label: 'builder.tool.addScp', action: { type: 'create', kind: 'scp' } },
    { key: 'add-rcp', label: 'builder.tool.addRcp', action: { type: 'create', kind: 'rcp' } },
  ];
}

/** The menu of the pane at `at`: add something there. */
export function paneItems(graph: WorldGraph, placed: Placed, at: XY): MenuItem[] {
  const account = boxAt(graph, placed, at, ['account']);
  const unit = boxAt(graph, placed, at, ['orgRoot', 'orgUnit']);
  const items: MenuItem[] = [];
  if (account?.account) items.push(...addInAccount(account.account, at));
  if (!account) items.push({ key: 'add-account', label: 'builder.menu.addAccount', action: { type: 'create', kind: 'account', ...(unit ? { unit: unit.id } : {}), at } });
  if (!account) items.push(...organizationItems(graph, unit, at));
  items.push({ key: 'tidy', label: 'builder.tidy', action: { type: 'tidy' } });
  return items;
}

function pick(id: string, relation: RelationKind, direction: 'from' | 'to', label: MessageKey): MenuItem {
  return { key: `pick-${relation}-${direction}`, label, action: { type: 'pick', id, relation, direction } };
}

/** The menu of a node: what can be done with it. */
export function nodeItems(graph: WorldGraph, node: WorldNode): MenuItem[] {
  const items: MenuItem[] = [];
  const org = graph.nodes.some((n) => n.kind === 'orgRoot');
  const inOrg = node.parent !== undefined && graph.nodes.some((n) => n.id === node.parent && (n.kind === 'orgRoot' || n.kind === 'orgUnit'));
  switch (node.kind) {
    case 'account':
      if (node.account) items.push(...addInAccount(node.account));
      if (org) items.push(pick(node.id, 'moveAccount', 'from', 'builder.menu.moveToUnit'));
      if (inOrg) items.push(pick(node.id, 'orgPolicy', 'to', 'builder.menu.attachOrgPolicy'));
      break;
    case 'orgRoot':
    case 'orgUnit':
      if (node.kind === 'orgUnit') items.push(pick(node.id, 'moveUnit', 'from', 'builder.menu.moveToUnit'));
      items.push({ key: 'add-ou', label: 'builder.menu.addOrgUnit', action: { type: 'create', kind: 'orgUnit', unit: node.id } });
      items.push({ key: 'add-account', label: 'builder.menu.addAccount', action: { type: 'create', kind: 'account', unit: node.id } });
      items.push(pick(node.id, 'orgPolicy', 'to', 'builder.menu.attachOrgPolicy'));
      break;
    case 'user':
      items.push(pick(node.id, 'member', 'from', 'builder.menu.addToGroup'));
      items.push(pick(node.id, 'attach', 'to', 'builder.menu.attachPolicy'));
      items.push(pick(node.id, 'boundary', 'to', 'builder.menu.setBoundary'));
      items.push(pick(node.id, 'trust', 'from', 'builder.menu.allowAssume'));
      break;
    case 'group':
      items.push(pick(node.id, 'member', 'to', 'builder.menu.addMembers'));
      items.push(pick(node.id, 'attach', 'to', 'builder.menu.attachPolicy'));
      break;
    case 'role':
      items.push(pick(node.id, 'attach', 'to', 'builder.menu.attachPolicy'));
      items.push(pick(node.id, 'boundary', 'to', 'builder.menu.setBoundary'));
      items.push(pick(node.id, 'trust', 'to', 'builder.menu.trustPrincipal'));
      items.push(pick(node.id, 'trust', 'from', 'builder.menu.allowAssume'));
      break;
    case 'root':
      items.push(pick(node.id, 'trust', 'from', 'builder.menu.allowAssume'));
      break;
    case 'customerManaged':
    case 'awsManaged':
      items.push(pick(node.id, 'attach', 'from', 'builder.menu.attachTo'));
      items.push(pick(node.id, 'boundary', 'from', 'builder.menu.boundaryOf'));
      break;
    case 'scp':
    case 'rcp':
      items.push(pick(node.id, 'orgPolicy', 'from', 'builder.menu.attachTo'));
      break;
    default:
      break;
  }
  if (renameEdit(node, node.label)) items.push({ key: 'rename', label: 'builder.menu.rename', action: { type: 'rename', id: node.id } });
  if (deleteEdit(node)) items.push({ key: 'delete', label: 'builder.menu.delete', action: { type: 'delete', id: node.id }, danger: true });
  return items;
}

/** The menu of a link: remove the relation, when it can be removed on its own. */
export function edgeItems(graph: WorldGraph, edgeId: string): MenuItem[] {
  const edge = graph.edges.find((e) => e.id === edgeId);
  return edge?.detach ? [{ key: 'detach', label: 'builder.menu.detach', action: { type: 'detach', edgeId }, danger: true }] : [];
}
