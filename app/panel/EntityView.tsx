/**
 * Any selected node that is not a policy document: its heading, a shortcut into the request
 * form, and the inspector that edits it (an account, root user, user, group, role, resource,
 * the organization's root or an OU).
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import { AccountInspector } from '../inspector/AccountInspector';
import { GroupInspector } from '../inspector/GroupInspector';
import { accountOf, groupOf, resourceOf, roleOf, userOf } from '../inspector/lookup';
import { OrgRootInspector, OrgUnitInspector } from '../inspector/OrgInspector';
import { ResourceInspector } from '../inspector/ResourceInspector';
import { RoleInspector } from '../inspector/RoleInspector';
import { RootUserFacts } from '../inspector/RootUserFacts';
import { UserInspector } from '../inspector/UserInspector';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { arn as arns, DEFAULT_SESSION_NAME } from '../world/arns';
import type { WorldGraph, WorldNode } from '../world/graph';
import { NodeHeading } from './NodeHeading';

/** The ARN the request form takes for a node: a role is used through a session of it. */
function principalArnOf(node: WorldNode): string | undefined {
  if (!node.arn) return undefined;
  if (node.kind === 'user' || node.kind === 'root') return node.arn;
  if (node.kind === 'role') {
    const m = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(node.arn);
    return m ? arns.roleSession(m[1] as string, m[2] as string, DEFAULT_SESSION_NAME) : undefined;
  }
  return undefined;
}

function Inspector({ world, graph, node }: { readonly world: ScenarioJson; readonly graph: WorldGraph; readonly node: WorldNode }) {
  const entity = node.entity;
  if (node.kind === 'account' && node.account) {
    const account = accountOf(world, node.account);
    return account ? <AccountInspector world={world} account={account} /> : null;
  }
  if (node.kind === 'root' && node.account) {
    const account = accountOf(world, node.account);
    return account ? <RootUserFacts account={account} /> : null;
  }
  if (node.kind === 'orgRoot' && world.organization) return <OrgRootInspector world={world} org={world.organization} />;
  if (node.kind === 'orgUnit' && world.organization && node.unit) return <OrgUnitInspector world={world} org={world.organization} id={node.unit} />;
  if (!entity) return null;
  if (entity.kind === 'resource') {
    const resource = resourceOf(world, entity.account, entity.arn);
    return resource ? <ResourceInspector graph={graph} account={entity.account} resource={resource} /> : null;
  }
  if (entity.kind === 'user') {
    const user = userOf(world, entity.account, entity.name);
    return user ? <UserInspector world={world} graph={graph} account={entity.account} user={user} /> : null;
  }
  if (entity.kind === 'group') {
    const group = groupOf(world, entity.account, entity.name);
    return group ? <GroupInspector world={world} account={entity.account} group={group} /> : null;
  }
  if (entity.kind === 'role') {
    const role = roleOf(world, entity.account, entity.name);
    return role ? <RoleInspector world={world} graph={graph} account={entity.account} role={role} /> : null;
  }
  return null;
}

export function EntityView({ node, graph, world }: { readonly node: WorldNode; readonly graph: WorldGraph; readonly world: ScenarioJson }) {
  const t = useT();
  const setDraft = useAppStore((s) => s.setDraft);
  const principal = principalArnOf(node);

  return (
    <article className="entity-view" aria-labelledby="details-title">
      <NodeHeading node={node} />
      <div className="details-actions">
        {principal ? (
          <button type="button" className="button secondary small" onClick={() => setDraft({ principal })}>
            {t('panel.useAsPrincipal')}
          </button>
        ) : null}
        {node.kind === 'resource' && node.arn ? (
          <button type="button" className="button secondary small" onClick={() => setDraft({ resource: node.arn })}>
            {t('panel.useAsResource')}
          </button>
        ) : null}
      </div>
      <div className="inspector">
        <Inspector world={world} graph={graph} node={node} />
      </div>
    </article>
  );
}
