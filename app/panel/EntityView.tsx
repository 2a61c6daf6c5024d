/** A principal, group or resource: its ARN, the policies that apply to it, and a shortcut into the request form. */
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { arn as arns, DEFAULT_SESSION_NAME } from '../world/arns';
import type { WorldGraph, WorldNode } from '../world/graph';
import { membersOf, policiesOf } from '../world/related';
import { NODE_KINDS } from '../canvas/kinds';
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

export function EntityView({ node, graph }: { readonly node: WorldNode; readonly graph: WorldGraph }) {
  const t = useT();
  const select = useAppStore((s) => s.select);
  const setDraft = useAppStore((s) => s.setDraft);
  const applied = policiesOf(graph, node.id);
  const members = node.kind === 'group' ? membersOf(graph, node.id) : [];
  const principal = principalArnOf(node);

  return (
    <article className="entity-view" aria-labelledby="details-title">
      <NodeHeading node={node} />
      <div className="details-actions">
        {principal ? (
          <button type="button" className="button secondary" onClick={() => setDraft({ principal })}>
            {t('panel.useAsPrincipal')}
          </button>
        ) : null}
        {node.kind === 'resource' && node.arn ? (
          <button type="button" className="button secondary" onClick={() => setDraft({ resource: node.arn })}>
            {t('panel.useAsResource')}
          </button>
        ) : null}
      </div>
      {node.kind !== 'account' ? (
        <div className="details-section">
          <h3 className="section-title">{t('panel.policies')}</h3>
          {applied.length === 0 ? (
            <p className="muted">{t('panel.noPolicies')}</p>
          ) : (
            <ul className="policy-list">
              {applied.map((p) => (
                <li key={`${p.node.id}:${p.group?.id ?? ''}`}>
                  <button type="button" className="policy-link" onClick={() => select(p.node.id)}>
                    <span className="policy-link-name">{p.node.label}</span>
                    <span className="policy-link-kind">
                      {t(NODE_KINDS[p.node.kind].label)}
                      {p.group ? ` · ${t('panel.viaGroup', { group: p.group.label })}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {members.length > 0 ? (
        <div className="details-section">
          <h3 className="section-title">{t('panel.members')}</h3>
          <ul className="chip-list">
            {members.map((m) => (
              <li key={m.id}>
                <button type="button" className="chip" onClick={() => select(m.id)}>
                  {m.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
