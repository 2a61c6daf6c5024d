import { describe, expect, it } from 'vitest';
import { worldGraph, type WorldNode } from '../world/graph';
import { layoutWorld } from '../world/layout';
import { edgeItems, nodeItems, organizationMenu, paneItems } from './menuItems';
import { placeNodes } from './placement';
import { TEST_WORLD } from './testWorld';

const graph = worldGraph(TEST_WORLD);
const placed = placeNodes(graph, {}, () => layoutWorld(graph));
const node = (id: string) => graph.nodes.find((n) => n.id === id) as WorldNode;
const keys = (items: { key: string }[]) => items.map((i) => i.key);

describe('the context menu', () => {
  it('on the pane inside an account: add users, groups, roles, policies and resources in that account, there', () => {
    const box = placed.abs.get('acct:333333333333')!;
    const at = { x: box.x + 5, y: box.y + box.height - 5 };
    const items = paneItems(graph, placed, at);
    expect(keys(items)).toEqual(['add-user', 'add-group', 'add-role', 'add-policy', 'add-resource', 'tidy']);
    expect(items[0]?.action).toEqual({ type: 'create', kind: 'user', account: '333333333333', at });
  });

  it('on the pane inside an OU: an account or an OU there, and the organization\'s policies', () => {
    const box = placed.abs.get('org/ou:ou-abcd-team0000')!;
    const items = paneItems(graph, placed, { x: box.x + 4, y: box.y + box.height - 4 });
    expect(keys(items)).toEqual(['add-account', 'add-ou', 'add-scp', 'add-rcp', 'tidy']);
    expect(items[0]?.action).toMatchObject({ kind: 'account', unit: 'org/ou:ou-abcd-team0000' });
  });

  it('on a user: link it to a group, a policy, a boundary, a role; rename; delete', () => {
    expect(keys(nodeItems(graph, node('acct:111111111111/user:bob')))).toEqual(['pick-member-from', 'pick-attach-to', 'pick-boundary-to', 'pick-trust-from', 'rename', 'delete']);
  });

  it('on a root user or a trust policy: nothing to rename or delete', () => {
    expect(keys(nodeItems(graph, node('acct:111111111111/root')))).toEqual(['pick-trust-from']);
    expect(nodeItems(graph, node('acct:111111111111/role:Admin/trust'))).toEqual([]);
  });

  it('on a link that can be removed on its own: remove it', () => {
    expect(edgeItems(graph, 'member:acct:111111111111/group:devs->acct:111111111111/user:alice')).toEqual([
      { key: 'detach', label: 'builder.menu.detach', action: { type: 'detach', edgeId: 'member:acct:111111111111/group:devs->acct:111111111111/user:alice' }, danger: true },
    ]);
    expect(edgeItems(graph, 'trust:acct:111111111111/role:Admin/trust->acct:111111111111/role:Admin')).toEqual([]);
  });
});

describe("the toolbar's organization menu", () => {
  it('creates the organization first, then adds OUs (in the selected one), SCPs and RCPs', () => {
    expect(keys(organizationMenu(worldGraph({ ...TEST_WORLD, organization: undefined })))).toEqual(['add-org']);
    const items = organizationMenu(graph, 'org/ou:ou-abcd-dev00000');
    expect(keys(items)).toEqual(['add-ou', 'add-scp', 'add-rcp']);
    expect(items[0]?.action).toEqual({ type: 'create', kind: 'orgUnit', unit: 'org/ou:ou-abcd-dev00000' });
  });
});
